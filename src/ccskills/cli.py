"""Command line: ``ccskills staff`` staffs one interval, as the Erlang calculator does;
``ccskills class …`` looks after the class progress store.

    ccskills staff --calls 300 --interval 30min --aht 240 --target 80/20 [--patience 90]
                   [--shrinkage 30%] [--max-occupancy 85%] [--lang zh|en]

Values may carry units: durations ``240``, ``240s``, ``4min``, ``0.5h`` (a bare number is
seconds for ``--aht``, ``--patience`` and ``--asa``, minutes for ``--interval``); percents
``30``, ``30%`` or ``0.3`` (a number up to 1 is a fraction, above 1 a percent; ``1`` alone is
ambiguous and refused); the target ``80/20``, ``80%/20s`` or ``0.8/20``. ``--asa 20``
replaces ``--target`` with an ASA target. Output is a small table in the chosen language;
bad input prints one sentence naming the option on stderr and exits with status 2 (the
library's ``ValueError``/``TypeError`` translated by :mod:`ccskills.i18n`). Help is in
Chinese and English, or in the one language ``--lang`` names; ``--version`` prints the kit's.

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

__all__ = ["main", "parse_duration", "parse_interval", "parse_percent", "parse_target"]

_UNITS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1,
          "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分": 60, "分钟": 60,
          "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600, "小时": 3600}
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_BARE_INTERVAL_MAX_MIN = 120
"""A bare ``--interval`` above this many minutes reads like the seconds it meant before: refused."""
_BARE_SECONDS_MIN = 10
"""A bare AHT or patience between 0 and this many seconds reads like minutes: refused."""


def _split(spec, name: str) -> tuple[float, str]:
    """``"4min"`` → (4.0, "min"); a number with no unit gives ""."""
    match = re.fullmatch(rf"\s*({_NUMBER})\s*([^\d\s.+-]*)\s*", str(spec).lower())
    if match is None or match[2] not in ("", *_UNITS):
        raise ValueError(f"{name}_spec must be a number with a unit s, min or h, got {spec!r}")
    return float(match[1]), match[2]


def parse_duration(spec, name: str = "aht", bare: str = "s") -> float:
    """Seconds in a duration ``240``, ``240s``, ``4min``, ``4m``, ``0.5h``; a bare number is in ``bare``.

    >>> parse_duration("4min"), parse_duration("240"), parse_duration("0.5h"), parse_duration("30", bare="min")
    (240.0, 240.0, 1800.0, 1800.0)
    """
    number, unit = _split(spec, name)
    return number * _UNITS[unit or bare]


def parse_interval(spec) -> float:
    """Seconds in an interval written ``30min``, ``0.5h``, ``1800s`` or ``30`` (a bare number is minutes).

    A bare number above 120 minutes is refused as ambiguous (``1800`` was seconds before).

    >>> parse_interval("30min"), parse_interval("1h"), parse_interval("900s"), parse_interval("15")
    (1800.0, 3600.0, 900.0, 900.0)
    """
    number, unit = _split(spec, "interval")
    if not unit and number > _BARE_INTERVAL_MAX_MIN:
        raise ValueError(f"interval_ambiguous must carry a unit (30min, 1800s), got {spec!r}")
    return number * _UNITS[unit or "min"]


def _seconds(spec, name: str) -> float:
    """A duration whose bare number is seconds; a bare 0 < value < 10 is refused as ambiguous."""
    number, unit = _split(spec, name)
    if not unit and 0 < number < _BARE_SECONDS_MIN:
        raise ValueError(f"{name}_ambiguous must carry a unit (4min, 4s), got {spec!r}")
    return number * _UNITS[unit or "s"]


def parse_percent(spec, name: str = "shrinkage") -> float:
    """A fraction from ``30``, ``30%`` or ``0.3``: a number up to 1 is a fraction, above 1 a percent.

    ``1`` alone (1 % or 100 %?) and a number above 100 without ``%`` raise ``ValueError``.

    >>> parse_percent("30"), parse_percent("30%"), parse_percent("0.3"), parse_percent("85.5")
    (0.3, 0.3, 0.3, 0.855)
    """
    match = re.fullmatch(rf"\s*({_NUMBER})\s*(%?)\s*", str(spec))
    if match is None:
        raise ValueError(f"{name}_spec must be a percent (30, 30%) or a fraction (0.3), got {spec!r}")
    number = float(match[1])
    if match[2] or 1 < abs(number) <= 100:
        return number / 100
    if abs(number) < 1:
        return number
    if abs(number) == 1:
        raise ValueError(f"{name}_ambiguous must be written 1% or 100%, got {spec!r}")
    raise ValueError(f"{name}_spec must be a percent (30, 30%) or a fraction (0.3), got {spec!r}")


def parse_target(spec) -> tuple[float, float]:
    """``"80/20"``, ``"80%/20s"`` or ``"0.8/20"`` → (0.8, 20.0): the service level and the answer time (s).

    >>> parse_target("80/20"), parse_target("0.8/20"), parse_target("90% / 15s")
    ((0.8, 20.0), (0.8, 20.0), (0.9, 15.0))
    """
    parts = str(spec).split("/")
    if len(parts) != 2:
        raise ValueError(f"target_spec must be written as X/Y, e.g. 80/20, got {spec!r}")
    try:
        return parse_percent(parts[0], "target"), parse_duration(parts[1], "target")
    except ValueError as err:
        if "target_ambiguous" in str(err):
            raise
        raise ValueError(f"target_spec must be written as X/Y, e.g. 80/20, got {spec!r}") from None


def _number(value: str) -> float | str:
    """A float when the text is a number; otherwise the text, which the library rejects by name."""
    try:
        return float(value)
    except ValueError:
        return value


# (zh, en): the option sentences the CLI adds to ccskills.i18n.ERRORS (each names its option).
_DURATIONS = {"aht": "--aht", "patience": "--patience", "target_asa": "--asa"}
_PERCENTS = {"shrinkage": "--shrinkage", "max_occupancy": "--max-occupancy"}
_OPTION_ERRORS = {
    "interval_spec": ("--interval 要写成 30min、15min、0.5h、1800s，或不带单位的分钟数（如 30）",
                      "Write --interval as 30min, 15min, 0.5h, 1800s, or a bare number of minutes (e.g. 30)"),
    "interval_ambiguous": ("--interval 不带单位时按分钟计，超过 120 分钟像是秒数："
                           "请写带单位的值，如 1800s 或 30min",
                           "--interval without a unit is in minutes, and more than 120 minutes looks like "
                           "seconds: write it with a unit, e.g. 1800s or 30min"),
    "target_spec": ("--target 要写成 X/Y，即 X % 的来话在 Y 秒内接听，例如 80/20、80%/20s 或 0.8/20",
                    "Write --target as X/Y, X % of calls answered within Y s, e.g. 80/20, 80%/20s or 0.8/20"),
    "target_ambiguous": ("--target 的 1 既可能是 1 % 也可能是 100 %：请写 1%/20 或 100%/20",
                         "--target 1 could be 1 % or 100 %: write 1%/20 or 100%/20"),
    **{f"{name}_spec": (f"{option} 要写成时长，如 240、240s、4min 或 4m（不带单位按秒计）",
                        f"Write {option} as a duration, e.g. 240, 240s, 4min or 4m (a bare number is seconds)")
       for name, option in _DURATIONS.items()},
    **{f"{name}_ambiguous": (f"{option} 不带单位时按秒计，不到 10 秒像是分钟数：请写 4min 或 4s 这样带单位的值",
                             f"{option} without a unit is in seconds, and under 10 seconds looks like "
                             f"minutes: write it with a unit, e.g. 4min or 4s")
       for name, option in _DURATIONS.items()},
    **{f"{name}_spec": (f"{option} 要写成百分数（30 或 30%）或小数（0.3）",
                        f"Write {option} as a percent (30 or 30%) or a fraction (0.3)")
       for name, option in _PERCENTS.items()},
    **{f"{name}_ambiguous": (f"{option} 的 1 既可能是 1 % 也可能是 100 %：请写 1% 或 100%",
                             f"{option} 1 could be 1 % or 100 %: write 1% or 100%")
       for name, option in _PERCENTS.items()},
}

# (zh, en) help; with no --lang the help shows both, "zh / en".
_HELP = {
    "description": ("呼叫中心计算。", "Contact-centre calculations."),
    "help": ("显示本说明后退出", "show this help and exit"),
    "version": ("显示 ccskills 版本后退出", "show the ccskills version and exit"),
    "lang": ("输出和说明的语言", "language of the output and of this help"),
    "staff": ("一个时段所需的座席（Erlang C；加 --patience 用 Erlang A）",
              "agents needed for one interval (Erlang C, or A with --patience)"),
    "staff_epilog": ("单位：不带单位的数字，--aht、--patience、--asa 按秒计，--interval 按分钟计；"
                     "也可写 240s、4min、0.5h。百分比可写 30、30% 或 0.3（不超过 1 的数是小数，大于 1 的是百分数）。"
                     "例：ccskills staff --calls 300 --interval 30min --aht 240 --target 80/20",
                     "Units: a bare number is seconds for --aht, --patience and --asa and minutes for "
                     "--interval; 240s, 4min, 0.5h also work. Percents as 30, 30% or 0.3 (a number up to 1 "
                     "is a fraction, above 1 a percent). Example: ccskills staff --calls 300 --interval 30min "
                     "--aht 240 --target 80/20"),
    "calls": ("来话量：这个时段的来话数", "calls offered in the interval"),
    "interval": ("时段长度：30min、15min、1h、1800s；不带单位按分钟计（默认 30min）",
                 "interval length: 30min, 15min, 1h, 1800s; a bare number is minutes (default 30min)"),
    "aht": ("平均处理时长（AHT）：240、240s、4min；不带单位按秒计",
            "average handle time (AHT): 240, 240s, 4min; a bare number is seconds"),
    "target": ("服务水平目标 X/Y：X % 的来话在 Y 秒内接听，如 80/20、80%/20s、0.8/20（默认 80/20）",
               "service level target X/Y: X % of calls answered within Y s, e.g. 80/20, 80%/20s, "
               "0.8/20 (default 80/20)"),
    "asa": ("平均应答速度目标（代替 --target）：20、20s；不带单位按秒计",
            "ASA target instead of --target: 20, 20s; a bare number is seconds"),
    "patience": ("耐心时间（平均）：给出时用 Erlang A；90、90s、1.5min；不带单位按秒计",
                 "mean patience, switches to Erlang A: 90, 90s, 1.5min; a bare number is seconds"),
    "shrinkage": ("损耗率：30、30% 或 0.3（默认 0）", "shrinkage: 30, 30% or 0.3 (default 0)"),
    "max_occupancy": ("最高占用率：85、85% 或 0.85（默认 100%，不设上限）",
                      "maximum occupancy: 85, 85% or 0.85 (default 100%, no cap)"),
}


def _words(key: str, lang: str | None) -> str:
    """Help text in ``lang``, or "zh / en" when no language was chosen."""
    zh, en = _HELP[key]
    return {"zh": zh, "en": en}.get(lang, f"{zh} / {en}")


def _help(key: str, lang: str | None) -> str:
    """An option's help, its ``%`` escaped for argparse."""
    return _words(key, lang).replace("%", "%%")


def _lang_of(argv: list[str]) -> str | None:
    """The language ``--lang`` names in ``argv`` (before parsing, so the help can follow it)."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


class _Parser(argparse.ArgumentParser):
    """argparse whose own complaints (missing or unknown options) come in the chosen language."""

    lang: str | None = None

    def error(self, message):
        self.print_usage(sys.stderr)
        print(_argparse_sentence(message, self.lang or "zh"), file=sys.stderr)
        sys.exit(2)


_ARGPARSE = [
    (r"the following arguments are required: (.*)", ("缺少必填选项：{0}。", "Missing required options: {0}.")),
    (r"unrecognized arguments: (.*)", ("无法识别的选项：{0}。", "Unrecognized options: {0}.")),
    (r"argument (\S+): expected one argument", ("{0} 后面要跟一个值。", "{0} needs a value after it.")),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
     ("{0} 不能取 {1}，可选：{2}。", "{0} cannot be {1}; choose from {2}.")),
    (r"argument (\S+): not allowed with argument (\S+)", ("{0} 和 {1} 只能选一个。", "Use {0} or {1}, not both.")),
]


def _argparse_sentence(message: str, lang: str) -> str:
    """argparse's English error as a sentence in ``lang`` (its own words when no pattern fits)."""
    for pattern, pair in _ARGPARSE:
        found = re.fullmatch(pattern, message)
        if found:
            return pair[1 if lang == "en" else 0].format(*found.groups())
    return message


def _new(parent, name: str | None, lang: str | None, **kwargs) -> argparse.ArgumentParser:
    """A (sub)parser with a -h in ``lang``."""
    kwargs.setdefault("add_help", False)
    parser = _Parser(**kwargs) if parent is None else parent.add_parser(name, **kwargs)
    parser.lang = lang
    parser.add_argument("-h", "--help", action="help", help=_help("help", lang))
    return parser


def _parser(lang: str | None = None) -> argparse.ArgumentParser:
    from ccskills import __version__

    parser = _new(None, None, lang, prog="ccskills", description=_words("description", lang))
    parser.add_argument("--version", action="version", version=f"ccskills {__version__}",
                        help=_help("version", lang))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    staff = _new(sub, "staff", lang, help=_help("staff", lang), description=_words("staff", lang),
                 epilog=_words("staff_epilog", lang))
    staff.add_argument("--calls", required=True, type=_number, help=_help("calls", lang))
    staff.add_argument("--interval", default="30min", help=_help("interval", lang))
    staff.add_argument("--aht", required=True, help=_help("aht", lang))
    goal = staff.add_mutually_exclusive_group()
    goal.add_argument("--target", default="80/20", help=_help("target", lang))
    goal.add_argument("--asa", help=_help("asa", lang))
    staff.add_argument("--patience", help=_help("patience", lang))
    staff.add_argument("--shrinkage", default="0", help=_help("shrinkage", lang))
    staff.add_argument("--max-occupancy", default="100%", help=_help("max_occupancy", lang))
    staff.add_argument("--lang", choices=LANGUAGES, default="zh", help=_help("lang", lang))
    _class_parser(sub, lang)
    return parser


def _inputs(args: argparse.Namespace) -> ErlangInputs:
    common = dict(calls=args.calls, interval=parse_interval(args.interval), aht=_seconds(args.aht, "aht"),
                  max_occupancy=parse_percent(args.max_occupancy, "max_occupancy"),
                  shrinkage=parse_percent(args.shrinkage, "shrinkage"),
                  patience=None if args.patience is None else _seconds(args.patience, "patience"))
    if args.asa is not None:
        return ErlangInputs(target_kind="asa", target_asa=_seconds(args.asa, "target_asa"), **common)
    target, answer_time = parse_target(args.target)
    return ErlangInputs(target_kind="sl", target_sl=target, answer_time=answer_time, **common)


_READ_AS = ("{calls:g} 通 / {minutes:g} 分钟，AHT {aht:g} 秒，{goal}，损耗率 {shrinkage}，最高占用率 {cap}",
            "{calls:g} calls per {minutes:g} min, AHT {aht:g} s, {goal}, shrinkage {shrinkage}, "
            "max occupancy {cap}")
_GOALS = {"sl": ("目标 {sl} 在 {t:g} 秒内接听", "target {sl} answered within {t:g} s"),
          "asa": ("平均应答速度目标 {asa:g} 秒", "ASA target {asa:g} s")}


def read_as(inputs: ErlangInputs, lang: str) -> str:
    """How the CLI read the options, in library terms shown back to the user (minutes, seconds, percent)."""
    i = 1 if lang == "en" else 0
    goal = _GOALS[inputs.target_kind][i].format(sl=format_percent(inputs.target_sl), t=inputs.answer_time,
                                               asa=inputs.target_asa)
    return _READ_AS[i].format(calls=inputs.calls, minutes=inputs.interval / 60, aht=inputs.aht, goal=goal,
                              shrinkage=format_percent(inputs.shrinkage),
                              cap=format_percent(inputs.max_occupancy))


def render(answer: ErlangAnswer, inputs: ErlangInputs, lang: str) -> str:
    """The answer as aligned "label  value" lines in ``lang``, after the inputs as read."""
    model = text("model_c" if inputs.patience is None else "model_a", lang)
    rows = [
        (text("inputs", lang), read_as(inputs, lang)),
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
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    try:
        args = _parser(lang if lang in LANGUAGES else None).parse_args(argv)
    except SystemExit as done:  # --help, --version (0) or argparse's complaint, already printed (2)
        return done.code if isinstance(done.code, int) else 2
    if args.command == "class":
        return _class_main(args)
    try:
        inputs = _inputs(args)
        answer = solve(inputs)
    except (ValueError, TypeError) as err:
        print(error_message(err, args.lang, errors=_OPTION_ERRORS), file=sys.stderr)
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


_CLASS_HELP = {
    "class": ("管理班级进度存储", "look after the class progress store"),
    "url": ("进度存储（SQLAlchemy 地址），代替设置中的地址", "the progress store (a SQLAlchemy URL) instead of "
            "the configured one"),
    "export": ("把全部记录写入 FILE（.jsonl 或 .xlsx）", "write every attempt to FILE (.jsonl or .xlsx)"),
    "force": ("FILE 已存在时覆盖", "replace FILE if it exists"),
    "import": ("导入 .jsonl 导出文件中的记录", "add the attempts of a .jsonl export"),
    "delete-trainee": ("删除一名学员的全部记录", "delete every attempt of one trainee"),
    "yes": ("不再询问确认", "do not ask for confirmation"),
    "prune": ("删除早于保留天数的记录", "delete attempts older than the retention"),
    "days": ("保留的天数（默认：retention_days）", "keep this many days (default: retention_days)"),
    "set-passcode": ("保存讲师口令的散列值", "store the trainer passcode's hash"),
    "config": ("要写入的设置文件（默认：用户自己的）", "the config file to write (default: the user's)"),
    "where": ("显示存储地址和生效的设置文件", "the store's URL and the config files that applied"),
}
_HELP.update(_CLASS_HELP)


def _class_parser(sub, lang: str | None = None) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", help=_help("url", lang))
    common.add_argument("--lang", choices=LANGUAGES, default="zh", help=_help("lang", lang))

    def action(name: str) -> argparse.ArgumentParser:
        return _new(group, name, lang, parents=[common], help=_help(name, lang), description=_words(name, lang))

    group = _new(sub, "class", lang, help=_help("class", lang), description=_words("class", lang)).add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    export = action("export")
    export.add_argument("file")
    export.add_argument("--force", action="store_true", help=_help("force", lang))
    action("import").add_argument("file")
    delete = action("delete-trainee")
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help=_help("yes", lang))
    action("prune").add_argument("--days", type=_number, help=_help("days", lang))
    action("set-passcode").add_argument("--config", help=_help("config", lang))
    action("where")


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
