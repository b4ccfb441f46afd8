"""Handling KPIs from call records: talk, hold, after-call work, AHT and transfers.

Per answered (handled) call: handle time = talk + hold + after-call work, all in
seconds (domain.md §1.3 after Five9). Chinese ACD reports often leave hold out,
(通话 + 事后处理) / 应答量: that is ``average_talk_time + average_after_call_work``.
Unanswered calls carry no handle time and are left out of every average here.
"""

from __future__ import annotations

import pandas as pd

from ._records import handling_indicators, ratio, scalar, sums

__all__ = [
    "average_talk_time",
    "average_hold_time",
    "average_after_call_work",
    "average_handle_time",
    "transfer_rate",
]


def _avg_talk(s):
    return ratio(s["talk_s"], s["answered"])


def _avg_hold(s):
    return ratio(s["hold_s"], s["answered"])


def _avg_acw(s):
    return ratio(s["acw_s"], s["answered"])


def _aht(s):
    return ratio(s["talk_s"] + s["hold_s"] + s["acw_s"], s["answered"])


def _transfer_rate(s):
    return ratio(s["transferred"], s["answered"])


def _handling_sums(records) -> pd.DataFrame:
    return sums(handling_indicators(records))


def average_talk_time(records) -> float:
    """Average talk time ATT (平均通话时长) = sum of ``talk_s`` / answered calls, seconds (§1.3).

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered", "abandoned"],
    ...                       "talk_s": [100, 200, None], "hold_s": [0, 30, None],
    ...                       "acw_s": [20, 40, None], "transferred": [False, True, False]})
    >>> average_talk_time(calls)
    150.0
    """
    return scalar(_avg_talk(_handling_sums(records)))


def average_hold_time(records) -> float:
    """Average hold time (平均保持时长) = sum of ``hold_s`` / answered calls, seconds (§1.3).

    Calls without a hold count with 0 s, so this is per answered call, not per held call.

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered"], "talk_s": [100, 200],
    ...                       "hold_s": [0, 30], "acw_s": [20, 40], "transferred": [False, True]})
    >>> average_hold_time(calls)
    15.0
    """
    return scalar(_avg_hold(_handling_sums(records)))


def average_after_call_work(records) -> float:
    """Average after-call work ACW (话后处理) = sum of ``acw_s`` / answered calls, seconds (§1.3).

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered"], "talk_s": [100, 200],
    ...                       "hold_s": [0, 30], "acw_s": [20, 40], "transferred": [False, True]})
    >>> average_after_call_work(calls)
    30.0
    """
    return scalar(_avg_acw(_handling_sums(records)))


def average_handle_time(records) -> float:
    """AHT (平均处理时长) = (talk + hold + after-call work) / answered calls, seconds.

    Source: domain.md §1.3 (Five9: handle time over calls handled). NaN when no
    call was answered.

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered", "abandoned"],
    ...                       "talk_s": [100, 200, None], "hold_s": [0, 30, None],
    ...                       "acw_s": [20, 40, None], "transferred": [False, True, False]})
    >>> average_handle_time(calls)   # (120 + 270) / 2
    195.0
    """
    return scalar(_aht(_handling_sums(records)))


def transfer_rate(records) -> float:
    """Transfer rate (转接率) = answered calls transferred / answered calls, a fraction (§1.3).

    >>> calls = pd.DataFrame({"outcome": ["answered", "answered"], "talk_s": [100, 200],
    ...                       "hold_s": [0, 30], "acw_s": [20, 40], "transferred": [False, True]})
    >>> transfer_rate(calls)
    0.5
    """
    return scalar(_transfer_rate(_handling_sums(records)))
