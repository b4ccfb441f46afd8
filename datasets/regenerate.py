"""Rewrite the committed call-record CSVs from their seeded generator.

    python datasets/regenerate.py            # rewrite datasets/*.csv
    python datasets/regenerate.py --check    # verify they match the generator byte for byte

Same as ``python -m ccskills.datasets``; needs the kit installed (``pip install -e .``).
"""

from ccskills.datasets.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
