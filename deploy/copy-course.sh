#!/bin/sh
# Copy the course from the image into the user's home (a persistent volume), file by file,
# never overwriting a file the trainee already has: new lessons appear, edited ones stay.
# Used as the Z2JH postStart hook (deploy/z2jh/values.yaml); safe to run again.
set -eu
src="${CCSKILLS_COURSE:-/opt/ccskills/course}"
dest="${HOME:-/home/jovyan}/course"
mkdir -p "$dest"
cp -R -n "$src"/. "$dest"/ 2>/dev/null || cp -R -n "$src"/. "$dest"/ || true
