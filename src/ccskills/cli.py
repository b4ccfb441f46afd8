"""Command line: ``ccskills staff`` staffs one interval, as the Erlang calculator does.

    ccskills staff --calls 300 --interval 30min --aht 240 --target 80/20 [--patience 90]
                   [--shrinkage 0.3] [--max-occupancy 0.85] [--lang zh|en]

``--asa 20`` replaces ``--target`` with an ASA target in seconds. Output is a small
table in the chosen language; bad input prints one sentence on stderr and exits with
status 2 (the library's ``ValueError``/``TypeError`` translated by :mod:`ccskills.i18n`).
"""

from __future__ import annotations

import argparse
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
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        inputs = _inputs(args)
        answer = solve(inputs)
    except (ValueError, TypeError) as err:
        print(error_message(err, args.lang, percent=False), file=sys.stderr)
        return 2
    print(render(answer, inputs, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
