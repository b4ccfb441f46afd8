"""``python -m ccskills.datasets [--out DIR] [--check]``: rewrite (or verify) every committed dataset."""

from __future__ import annotations

import argparse
import time


def main(argv=None) -> int:
    """Command line: regenerate every dataset, or check they are up to date."""
    from . import generators, regenerate

    parser = argparse.ArgumentParser(prog="python -m ccskills.datasets", description=__doc__)
    parser.add_argument("--out", default=None, help="folder to write (default: the repository's datasets/)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        paths = regenerate(args.out, check=args.check)
    except ValueError as err:
        print(err)
        return 1
    verb = "up to date" if args.check else "written"
    for path in paths:
        print(f"{verb}: {path} ({path.stat().st_size:,} bytes)")
    seeds = ", ".join(f"{m.__name__.rsplit('_', 1)[1]} {m.SEED}" for m in generators())
    print(f"seeds: {seeds}; {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
