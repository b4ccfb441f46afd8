"""Readable names of "auto" candidates, which ``forecast`` and ``backtest`` also accept as methods.

A label is a method name, the name with the options that differ from what "auto" passes to
every candidate (``historical_average(k=4)``, ``historical_average(k=6, weights=linear)``), or a
combination of labels (``median(historical_average(k=4), top_down, mstl_ets)``). These are the
keys of ``attrs["backtest_wape"]``; ``forecast(history, "7D", method=label)`` and
``backtest(history, label, …)`` reproduce that candidate.
"""

from __future__ import annotations

COMBINERS = ("median",)


def format_label(name: str, options: dict | None = None) -> str:
    """'historical_average(k=4, weights=linear)' from a name and the options to show."""
    shown = [f"{key}={value}" for key, value in (options or {}).items()]
    return f"{name}({', '.join(shown)})" if shown else name


def combination_label(combiner: str, members) -> str:
    return f"{combiner}({', '.join(members)})"


def _split_top(text: str) -> list[str]:
    """Split at the commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise ValueError
        if char == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    if depth:
        raise ValueError
    parts.append(text[start:].strip())
    return parts


def _value(text: str):
    if text in ("True", "False"):
        return text == "True"
    try:
        return int(text)
    except ValueError:
        return text


def parse_label(label: str):
    """('name', options) for a method label, or ('median', [member labels]) for a combination.

    >>> parse_label("historical_average(k=4, weights=linear)")
    ('historical_average', {'k': 4, 'weights': 'linear'})
    >>> parse_label("median(seasonal_naive, historical_average(k=4))")
    ('median', ['seasonal_naive', 'historical_average(k=4)'])
    """
    text = label.strip()
    if "(" not in text:
        return text, {}
    if not text.endswith(")"):
        raise ValueError(f"method must be a method name or a label such as 'historical_average(k=4)', got {label!r}")
    name, inner = text[:text.index("(")].strip(), text[text.index("(") + 1:-1]
    try:
        parts = _split_top(inner)
    except ValueError:
        raise ValueError(f"method must be a method name or a label such as 'historical_average(k=4)', "
                         f"got {label!r}") from None
    if name in COMBINERS:
        if len(parts) < 2 or not all(parts):
            raise ValueError(f"method must combine at least two methods, got {label!r}")
        return name, parts
    options = {}
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"method must be a method name or a label such as 'historical_average(k=4)', "
                             f"got {label!r}")
        options[key.strip()] = _value(value.strip())
    return name, options
