"""``python -m ccskills materials``: build the printable set into a folder (default ``materials/``)."""

from __future__ import annotations

import argparse
import sys
import time

from ccskills.materials._catalogue import build, catalogue
from ccskills.materials._typst import MissingFont

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ccskills materials",
        description="生成全部可打印的课程资料 (PDF) 到一个文件夹。Build every printable course file (PDF) into one folder.")
    parser.add_argument("--out", default="materials", help="输出文件夹 output folder (default: materials)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="只生成这些文件 only these documents (see --list)")
    parser.add_argument("--list", action="store_true", help="列出全部文件 list the documents and exit")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.list:
        for doc in catalogue():
            print(f"{doc.name:<24} {doc.file}  {doc.title_zh} / {doc.title_en}")
        return 0
    start = time.perf_counter()

    def show(done, total, name):
        if name:
            print(f"[{done + 1}/{total}] {name} …", flush=True)

    try:
        built = build(args.out, args.only, progress=show)
    except (ValueError, MissingFont, ImportError, RuntimeError) as err:
        print(f"无法生成资料 could not build the materials: {err}", file=sys.stderr)
        return 2
    for item in built:
        pages = f"{item.pages:>4} 页 pages" if item.path.suffix.lower() == ".pdf" else "  Excel     "
        print(f"{pages}  {item.seconds:5.1f} s  {item.path}")
    print(f"共 {len(built)} 个文件、{sum(b.pages for b in built)} 页，用时 {time.perf_counter() - start:.1f} 秒 "
          f"({len(built)} files, {sum(b.pages for b in built)} pages, {time.perf_counter() - start:.1f} s)")
    return 0
