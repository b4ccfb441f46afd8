"""Command line: ``ccskills staff`` staffs one interval, as the Erlang calculator does;
``ccskills class …`` looks after the class progress store.

    ccskills staff --calls 300 --interval 30min --aht 240 --target 80/20 [--patience 90]
                   [--shrinkage 0.3] [--max-occupancy 0.85] [--lang zh|en]

``--asa 20`` replaces ``--target`` with an ASA target in seconds. Output is a small
table in the chosen language; bad input prints one sentence on stderr and exits with
status 2 (the library's ``ValueError``/``TypeError`` translated by :mod:`ccskills.i18n`).

    ccskills class export FILE [--force]      every attempt to FILE (.jsonl to carry, .xlsx to read)
    ccskills class import FILE                add a .jsonl export's attempts (each attempt once)
    ccskills class delete-trainee NAME [--yes]
    ccskills class prune [--days N]           delete attempts older than retention_days (or N days)
    ccskills class set-passcode [--config F]  store the trainer passcode's hash in the user's config
    ccskills class where                      the store's URL and the config files that applied

Each takes ``--url`` (the store, instead of the configured one) and ``--lang zh|en``. Bad
input prints one sentence and exits 2; a store that cannot be reached exits 1.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys

from ccskills.formatting import format_number, format_percent, format_seconds
from ccskills.i18n import LANGUAGES, error_message, text
from ccskills.interval_staffing import ErlangAnswer, ErlangInputs, solve

__all__ = ["main", "parse_interval", "parse_target"]

_UNITS = {"s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600}


def parse_interval(spec: str) -> float:
    """Seconds in an interval written as ``30min``, ``15min``, ``1h``, ``900s`` or ``1800``.

    >>> parse_interval("30min"), parse_interval("1h"), parse_interval("900")
    (1800.0, 3600.0, 900.0)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", str(spec).lower())
    if match is None or match[2] not in ("", *_UNITS):
        raise ValueError(f"interval_spec must be written like 30min, 15min, 1h or 1800, got {spec!r}")
    return float(match[1]) * _UNITS.get(match[2], 1)


def parse_target(spec: str) -> tuple[float, float]:
    """``"80/20"`` → (0.8, 20.0): the service-level fraction and the answer time in seconds.

    >>> parse_target("80/20"), parse_target("90 / 15s")
    ((0.8, 20.0), (0.9, 15.0))
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*/\s*(\d+(?:\.\d+)?)\s*s?\s*", str(spec).lower())
    if match is None:
        raise ValueError(f"target_spec must be written as X/Y, e.g. 80/20, got {spec!r}")
    return float(match[1]) / 100, float(match[2])


def _number(value: str) -> float | str:
    """A float when the text is a number; otherwise the text, which the library rejects by name."""
    try:
        return float(value)
    except ValueError:
        return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ccskills", description="Contact-centre calculations.")
    sub = parser.add_subparsers(dest="command", required=True)
    staff = sub.add_parser("staff", help="agents needed for one interval (Erlang C, or A with --patience)")
    staff.add_argument("--calls", required=True, type=_number, help="calls offered in the interval")
    staff.add_argument("--interval", default="30min", help="interval length: 15min, 30min, 1h or seconds")
    staff.add_argument("--aht", required=True, type=_number, help="average handle time in seconds")
    goal = staff.add_mutually_exclusive_group()
    goal.add_argument("--target", default="80/20", help="service level X/Y: X %% within Y seconds")
    goal.add_argument("--asa", type=_number, help="ASA target in seconds (instead of --target)")
    staff.add_argument("--patience", type=_number, help="mean patience in seconds: Erlang A")
    staff.add_argument("--shrinkage", type=_number, default=0.0, help="fraction of paid time off the phones")
    staff.add_argument("--max-occupancy", type=_number, default=1.0, help="highest occupancy, a fraction")
    staff.add_argument("--lang", choices=LANGUAGES, default="zh", help="language of the output")
    _class_parser(sub)
    return parser


def _inputs(args: argparse.Namespace) -> ErlangInputs:
    common = dict(calls=args.calls, interval=parse_interval(args.interval), aht=args.aht,
                  max_occupancy=args.max_occupancy, shrinkage=args.shrinkage, patience=args.patience)
    if args.asa is not None:
        return ErlangInputs(target_kind="asa", target_asa=args.asa, **common)
    target, answer_time = parse_target(args.target)
    return ErlangInputs(target_kind="sl", target_sl=target, answer_time=answer_time, **common)


def render(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> str:
    """The answer as aligned "label  value" lines in ``lang``."""
    model = text("model_c" if inputs.patience is None else "model_a", lang)
    rows = [
        (text("model", lang), model),
        (text("offered_load", lang), format_number(answer.load)),
        (text("required_agents", lang), str(answer.agents)),
        (text("scheduled_headcount", lang), str(answer.headcount)),
        (f"{text('service_level', lang)} ({inputs.answer_time:g} {text('unit_seconds', lang)})",
         format_percent(answer.service_level)),
        (text("asa", lang), format_seconds(answer.asa, lang)),
        (text("p_wait", lang), format_percent(answer.p_wait)),
        (text("occupancy", lang), format_percent(answer.occupancy)),
    ]
    if inputs.patience is not None:
        rows.append((text("abandonment", lang), format_percent(answer.abandonment)))
    width = max(_display_width(label) for label, _ in rows)
    return "\n".join(label + " " * (width - _display_width(label) + 2) + value for label, value in rows)


def _display_width(label: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in label)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 store unreachable or cancelled, 2 bad input)."""
    args = _parser().parse_args(argv)
    if args.command == "class":
        return _class_main(args)
    try:
        inputs = _inputs(args)
        answer = solve(inputs)
    except (ValueError, TypeError) as err:
        print(error_message(err, args.lang, percent=False), file=sys.stderr)
        return 2
    print(render(answer, inputs, args.lang))
    return 0


# ---------------------------------------------------------------- ccskills class
_CLASS_TEXT = {
    "exported": ("已导出 {n} 条记录到 {file}。", "Exported {n} attempts to {file}."),
    "imported": ("已导入 {added} 条新记录；{skipped} 条已在存储中，已跳过。",
                 "Imported {added} new attempts; {skipped} were already in the store and were skipped."),
    "exists": ("{file} 已存在；要覆盖请加 --force。", "{file} already exists; add --force to replace it."),
    "no_attempts": ("存储中没有“{name}”的记录，没有删除任何内容。",
                    "The store holds no attempts of “{name}”; nothing was deleted."),
    "confirm": ("确定要删除“{name}”的全部 {n} 条记录吗？此操作无法撤销。输入 yes 确认：",
                "Delete all {n} attempts of “{name}”? This cannot be undone. Type yes to confirm: "),
    "cancelled": ("已取消，没有删除任何记录。", "Cancelled; nothing was deleted."),
    "deleted": ("已删除“{name}”的 {n} 条记录。", "Deleted {n} attempts of “{name}”."),
    "no_retention": ("没有设置保留天数：请用 --days N，或在设置文件的 [progress] 中写 retention_days = N。",
                     "No retention is set: pass --days N, or set retention_days = N under [progress] in "
                     "a config file."),
    "bad_days": ("--days 必须是 ≥ 1 的整数天数（输入值：{value}）。",
                 "--days must be a whole number of days ≥ 1 (you entered {value})."),
    "pruned": ("已删除 {n} 条早于 {cutoff} 的记录（保留 {days} 天）。",
               "Deleted {n} attempts older than {cutoff} (keeping {days} days)."),
    "passcode_prompt": ("新的讲师口令（至少 6 个字符）：", "New trainer passcode (at least 6 characters): "),
    "passcode_again": ("再输入一次：", "Type it again: "),
    "passcode_mismatch": ("两次输入的口令不一致，没有保存。", "The two passcodes differ; nothing was saved."),
    "passcode_short": ("口令至少要 6 个字符，没有保存。", "The passcode needs at least 6 characters; nothing was saved."),
    "passcode_hub": ("在 JupyterHub 上，讲师口令不从个人设置文件读取（学员也能改自己的文件）。请用 --config 指向"
                     "管理员的设置文件（如 {system}），或请管理员设置。",
                     "On JupyterHub the trainer passcode is not read from a user's own config file (a trainee "
                     "could edit theirs). Pass --config with the admin's file (e.g. {system}) or ask the admin."),
    "passcode_saved": ("讲师口令已保存到 {file}（只保存散列值，不保存口令本身）。",
                       "The trainer passcode is saved in {file} (only its hash, never the passcode itself)."),
    "where_url": ("进度存储：{url}", "Progress store: {url}"),
    "where_sources": ("生效的设置（优先级从低到高）：", "Settings that applied (lowest precedence first):"),
    "where_none": ("（没有设置文件或环境变量，使用默认值）", "(no config file or environment variable: defaults)"),
    "where_retention": ("保留天数：{days}", "Retention: {days}"),
    "keep_all": ("不自动删除", "attempts are kept until deleted"),
    "bad_url": ("{url} 不是数据库地址；请写 sqlite:///文件路径 或 postgresql://用户@主机/数据库。",
                "{url} is not a database URL; write sqlite:///path/to/file or postgresql://user@host/db."),
    "unreachable": ("无法连接进度存储 {url}（{error}）。", "The progress store {url} cannot be reached ({error})."),
    "no_file": ("无法写入 {file}（{error}）。", "{file} cannot be written ({error})."),
}


def _say(key: str, lang: str, **fields) -> str:
    return _CLASS_TEXT[key][1 if lang == "en" else 0].format(**fields)


def _class_parser(sub) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", help="the progress store (a SQLAlchemy URL) instead of the configured one")
    common.add_argument("--lang", choices=LANGUAGES, default="zh", help="language of the output")
    group = sub.add_parser("class", help="look after the class progress store").add_subparsers(
        dest="action", required=True)
    export = group.add_parser("export", parents=[common], help="write every attempt to FILE (.jsonl or .xlsx)")
    export.add_argument("file")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    group.add_parser("import", parents=[common], help="add the attempts of a .jsonl export").add_argument("file")
    delete = group.add_parser("delete-trainee", parents=[common], help="delete every attempt of one trainee")
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    prune = group.add_parser("prune", parents=[common], help="delete attempts older than the retention")
    prune.add_argument("--days", type=_number, help="keep this many days (default: retention_days)")
    passcode = group.add_parser("set-passcode", parents=[common], help="store the trainer passcode's hash")
    passcode.add_argument("--config", help="the config file to write (default: the user's)")
    group.add_parser("where", parents=[common], help="the store's URL and the config files that applied")


def _class_main(args: argparse.Namespace) -> int:
    from ccskills.progress import ClassFileError, ConfigError

    lang = args.lang
    try:
        return _CLASS_ACTIONS[args.action](args, lang)
    except (ConfigError, ClassFileError) as err:
        print(err.message(lang), file=sys.stderr)
        return 2
    except FileExistsError as err:
        print(_say("exists", lang, file=err.filename or args.file), file=sys.stderr)
        return 2
    except OSError as err:
        print(_say("no_file", lang, file=err.filename or "", error=err.strerror or type(err).__name__),
              file=sys.stderr)
        return 2
    except ValueError as err:  # a bad --url or name: the library's sentence names the parameter
        print(error_message(err, lang, percent=False) if lang != "en" else f"{err}.", file=sys.stderr)
        return 2
    except Exception as err:  # the store cannot be reached: a sentence, never a traceback
        from sqlalchemy.exc import ArgumentError, SQLAlchemyError

        if isinstance(err, ArgumentError):
            print(_say("bad_url", lang, url=_masked(_store_url(args))), file=sys.stderr)
            return 2
        if not isinstance(err, SQLAlchemyError):
            raise
        print(_say("unreachable", lang, url=_masked(_store_url(args)), error=type(err).__name__), file=sys.stderr)
        return 1


def _store_url(args: argparse.Namespace) -> str:
    from ccskills.progress import load_config

    return args.url or load_config().url


def _open_store(args: argparse.Namespace):
    from ccskills.progress import ProgressStore

    return ProgressStore(_store_url(args))


def _masked(url: str) -> str:
    """``url`` with its password replaced by ``***``.

    >>> _masked("postgresql://class:s3cr@t@hub-db:5432/ccskills")
    'postgresql://class:***@hub-db:5432/ccskills'
    """
    return re.sub(r"^([a-z0-9+.-]+://[^:/@]*:)[^/]*@", r"\1***@", url, flags=re.IGNORECASE)


def _class_export(args, lang) -> int:
    from ccskills.progress import export_class

    n = export_class(_open_store(args), args.file, overwrite=args.force)
    print(_say("exported", lang, n=n, file=args.file))
    return 0


def _class_import(args, lang) -> int:
    from ccskills.progress import import_class

    result = import_class(_open_store(args), args.file)
    print(_say("imported", lang, added=result.added, skipped=result.skipped_duplicates))
    return 0


def _class_delete_trainee(args, lang) -> int:
    from ccskills.progress import delete_trainee

    store = _open_store(args)
    n = len(store.attempts(trainee=args.name))
    if n == 0:
        print(_say("no_attempts", lang, name=args.name))
        return 0
    if not args.yes and not _confirmed(_say("confirm", lang, name=args.name, n=n)):
        print(_say("cancelled", lang))
        return 1
    print(_say("deleted", lang, name=args.name, n=delete_trainee(store, args.name)))
    return 0


def _confirmed(prompt: str) -> bool:
    try:
        return input(prompt).strip().lower() in ("yes", "y", "是")
    except EOFError:
        return False


def _class_prune(args, lang) -> int:
    from datetime import datetime, timedelta, timezone

    from ccskills.progress import apply_retention, load_config

    days = args.days if args.days is not None else load_config().retention_days
    if days is None:
        print(_say("no_retention", lang), file=sys.stderr)
        return 2
    if not (isinstance(days, int) or (isinstance(days, float) and days.is_integer())) or days < 1:
        print(_say("bad_days", lang, value=f"{days:g}" if isinstance(days, float) else days), file=sys.stderr)
        return 2
    now = datetime.now(timezone.utc)
    n = apply_retention(_open_store(args), int(days), now=now)
    cutoff = (now - timedelta(days=int(days))).strftime("%Y-%m-%d %H:%M UTC")
    print(_say("pruned", lang, n=n, cutoff=cutoff, days=int(days)))
    return 0


def _class_set_passcode(args, lang) -> int:
    import os

    from ccskills.progress import passcode_hash, write_user_config
    from ccskills.progress._config import system_config_path

    if args.config is None and os.environ.get("JUPYTERHUB_USER", "").strip():
        print(_say("passcode_hub", lang, system=system_config_path()), file=sys.stderr)
        return 2
    first = getpass.getpass(_say("passcode_prompt", lang))
    if getpass.getpass(_say("passcode_again", lang)) != first:
        print(_say("passcode_mismatch", lang), file=sys.stderr)
        return 2
    if len(first.strip()) < 6:
        print(_say("passcode_short", lang), file=sys.stderr)
        return 2
    path = write_user_config(path=args.config, trainer_passcode=passcode_hash(first))
    print(_say("passcode_saved", lang, file=path))
    return 0


def _class_where(args, lang) -> int:
    from ccskills.progress import load_config

    config = load_config()
    print(_say("where_url", lang, url=_masked(args.url or config.url)))
    retention = config.retention_days if config.retention_days is not None else _say("keep_all", lang)
    print(_say("where_retention", lang, days=retention))
    print(_say("where_sources", lang) if config.sources else _say("where_none", lang))
    for source in config.sources:
        print(f"  {source}")
    return 0


_CLASS_ACTIONS = {"export": _class_export, "import": _class_import, "delete-trainee": _class_delete_trainee,
                  "prune": _class_prune, "set-passcode": _class_set_passcode, "where": _class_where}


if __name__ == "__main__":
    sys.exit(main())
