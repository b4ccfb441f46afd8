"""``python -m ccskills templates``: write the management templates (rules, processes, roles, floor,
system) into a folder, as worked examples and blank templates, in Chinese and/or English.

Exit status 0 when every file was written, 2 for a bad template id or a folder that cannot be
written (one sentence in Chinese and English on stderr).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalogue import INDEX_NAME, catalogue, write_templates

__all__ = ["main"]

_LANGS = {"zh": ("zh",), "en": ("en",), "both": ("zh", "en")}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ccskills templates",
        description="生成管理模板（制度、流程、分工、现场管理、管理体系；Word 和 Excel）：示例用模拟中心的数据填写，"
                    "模板留空待填。Write the management templates (rules, processes, roles, floor, system; Word and "
                    "Excel): examples filled from the simulated centre, templates blank.")
    parser.add_argument("--out", default="ccskills_templates",
                        help="输出文件夹 output folder (default: ccskills_templates)")
    parser.add_argument("--lang", choices=sorted(_LANGS), default="both",
                        help="语言 language: zh 中文, en English, both 两种 (default: both)")
    parser.add_argument("--only", nargs="+", metavar="ID", help="只生成这些模板 only these templates (ids: see --list)")
    parser.add_argument("--list", action="store_true", help="列出全部模板后退出 list the templates and exit")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--blank-only", action="store_true", help="只生成空白模板 blank templates only")
    which.add_argument("--examples-only", action="store_true", help="只生成填好的示例 worked examples only")
    return parser


def _error(zh: str, en: str) -> int:
    print(f"{zh} {en}", file=sys.stderr)
    return 2


def _list() -> int:
    for t in catalogue():
        print(f"{t.id:<28} {t.part:<10} {t.kind:<5} {t.title_zh} / {t.title_en}")
    return 0


def main(argv=None) -> int:
    """Parse ``argv`` and write the templates; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.list:
        return _list()
    known = [t.id for t in catalogue()]
    bad = [i for i in args.only or [] if i not in known]
    if bad:
        names = ", ".join(bad)
        return _error(f"没有编号为 {names} 的模板，可用的编号见 --list。",
                      f"No template has the id {names}; see --list for the valid ids ({', '.join(known)}).")
    filled = (False,) if args.blank_only else (True,) if args.examples_only else (True, False)
    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        return _error(f"无法写入：{out} 是一个文件，不是文件夹。", f"Cannot write the templates: {out} is a file, not a folder.")
    start = time.perf_counter()

    def show(done, total, name):
        print(f"[{done + 1}/{total}] {out / name}", flush=True)

    try:
        written = write_templates(out, _LANGS[args.lang], args.only, filled, progress=show)
    except OSError as err:
        reason = err.strerror or str(err)
        return _error(f"无法写入文件夹 {out}（{reason}）。", f"Cannot write to the folder {out} ({reason}).")
    seconds = time.perf_counter() - start
    print(f"共 {len(written)} 个文件，用时 {seconds:.1f} 秒，目录见 {out / INDEX_NAME} "
          f"({len(written)} files in {seconds:.1f} s; index: {out / INDEX_NAME})")
    return 0
