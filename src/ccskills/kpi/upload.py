"""Reading uploaded call records (one row per call) into the schema of ``load_call_records``.

Outcome words: ``answered``/``abandoned``/``blocked`` in any case, and the Chinese words
of common ACD exports (:data:`CALL_OUTCOME_ALIASES`). ``未接通`` (and 未应答, 未接听)
says only that nobody answered; following the schema, a call that waited in the queue
(``wait_s`` ≥ 1) and was not answered is ``abandoned``, one that never queued
(``wait_s`` 0 or empty) is ``blocked``. Words that do not say what happened, such as
挂断 (hung up: before or after an answer?) or 溢出 (overflowed), are refused.
Durations may be seconds or ``h:mm:ss``/``mm:ss``, at most :data:`MAX_CALL_SECONDS`.
"""

from __future__ import annotations

import pandas as pd

from ..io import UploadError, check_unique, parse_numbers, parse_timestamps, read_table, require_columns
from ..io import upload_message  # noqa: F401  (the doctest below uses it)
from ..io._errors import _MESSAGES, NOTES_ATTR, _first_bad, _rows
from .schema import validate_call_records

MAX_CALL_SECONDS = 86_400
"""A wait, talk, hold or after-call time above one day (in seconds) is refused as a data error."""

CALL_RECORDS_ALIASES: dict[str, str] = {
    "通话编号": "call_id", "呼叫编号": "call_id", "来电编号": "call_id", "通话id": "call_id",
    "call id": "call_id",
    "队列": "queue", "技能组": "queue", "业务线": "queue",
    "来电时间": "arrival", "到达时间": "arrival", "呼入时间": "arrival", "arrival_time": "arrival",
    "结果": "outcome", "呼叫结果": "outcome", "通话结果": "outcome",
    "等待时长": "wait_s", "排队时长": "wait_s", "wait": "wait_s",
    "通话时长": "talk_s", "talk": "talk_s",
    "保持时长": "hold_s", "hold": "hold_s",
    "话后处理时长": "acw_s", "话后时长": "acw_s", "acw": "acw_s",
    "坐席工号": "agent_id", "坐席": "agent_id", "工号": "agent_id", "agent": "agent_id",
    "是否转接": "transferred", "转接": "transferred",
    "首次解决": "resolved_first_contact", "一次解决": "resolved_first_contact",
    "首问解决": "resolved_first_contact", "fcr": "resolved_first_contact",
    "满意度": "csat", "满意度评分": "csat",
    "班组": "team", "团队": "team",
}
"""Chinese and common English headers accepted for :func:`read_call_records`."""

CALL_OUTCOME_ALIASES: dict[str, str] = {
    "answered": "answered", "接通": "answered", "已接通": "answered", "应答": "answered",
    "已应答": "answered", "接听": "answered", "已接听": "answered", "已接聽": "answered",
    "abandoned": "abandoned", "放弃": "abandoned", "呼损": "abandoned", "排队放弃": "abandoned",
    "客户放弃": "abandoned", "用户放弃": "abandoned", "主叫放弃": "abandoned", "速挂": "abandoned",
    "放棄": "abandoned", "呼損": "abandoned",
    "blocked": "blocked", "占线": "blocked", "阻塞": "blocked", "忙": "blocked", "系统忙": "blocked",
    "队列满": "blocked", "排队已满": "blocked", "佔線": "blocked",
}
"""Outcome cells accepted (English any case, or Chinese) -> the schema's outcome.

:data:`UNANSWERED_WORDS` are resolved by the wait (see the module notes)."""

UNANSWERED_WORDS: frozenset[str] = frozenset({"未接通", "未应答", "未接听", "未接", "未接聽", "unanswered"})
"""Outcome words that say only "not answered": abandoned if the call waited, else blocked."""

_YES = {"true", "t", "yes", "y", "1", "1.0", "是", "对", "√"}
_NO = {"false", "f", "no", "n", "0", "0.0", "否", "不是", "×"}
_CALL_REQUIRED = ("call_id", "queue", "arrival", "outcome", "wait_s", "talk_s", "hold_s", "acw_s",
                  "agent_id", "transferred")
_CALL_OPTIONAL = ("resolved_first_contact", "csat", "team")

_MESSAGES.update({  # sentences of the call-record problems
    "bad_boolean": ("“{column}”列只能是 是/否（或 true/false、1/0）；{rows}是“{value}”。",
                    'Column "{column}" must be yes/no (true/false, 1/0 or 是/否); {rows} has "{value}".'),
    "not_for_outcome": ("“{column}”列对“{expected}”的来电必须为空或 0；{rows}是 {value}。",
                        'Column "{column}" must be empty or 0 for {expected} calls; {rows} has {value}.'),
})


def _booleans(frame: pd.DataFrame, column: str, *, allow_missing: bool) -> pd.Series:
    """A yes/no column as pandas "boolean" (true/false, 1/0, 是/否); ``bad_boolean`` names the rows."""
    raw = frame[column].astype(str).str.strip()
    low = raw.str.lower()
    yes, no, empty = low.isin(_YES), low.isin(_NO), raw == ""
    bad = ~(yes | no | empty)
    if bad.any():
        rows, value = _first_bad(raw, bad, frame)
        raise UploadError("bad_boolean", f"{column} must be true or false, got {value!r} in row {rows[0]}",
                          column=column, rows=rows, value=value)
    if empty.any() and not allow_missing:
        rows = _rows(empty, frame)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)
    out = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    out[yes.to_numpy()] = True
    out[no.to_numpy()] = False
    return out.rename(column)


def read_call_records(source, filename: str | None = None) -> pd.DataFrame:
    """An uploaded call-record table, checked row by row, in the schema of ``load_call_records``.

    Required columns: ``call_id, queue, arrival, outcome, wait_s, talk_s, hold_s, acw_s,
    agent_id, transferred``; optional ``resolved_first_contact``, ``csat`` (columns may
    be absent or cells empty) and ``team``. Headers may be Chinese (see
    :data:`CALL_RECORDS_ALIASES`); ``outcome`` answered/abandoned/blocked or
    接通/放弃/占线 and the other words of :data:`CALL_OUTCOME_ALIASES` and
    :data:`UNANSWERED_WORDS`; yes/no cells as true/false, 1/0 or 是/否; durations whole
    seconds ≥ 0 (or ``h:mm:ss``/``mm:ss``) up to :data:`MAX_CALL_SECONDS`, talk/hold/ACW filled for answered calls only (empty or 0 otherwise), ``wait_s`` 0
    (or empty) for blocked calls; ``csat`` 1–5. Raises :class:`UploadError` naming the
    column as the file spells it and the spreadsheet rows. The result has passed
    :func:`ccskills.kpi.schema.validate_call_records`; what the reader decided (a
    dropped total row, an ambiguous date order) is in ``attrs["ccskills_notes"]``.

    >>> text = "通话编号,队列,来电时间,结果,等待时长,通话时长,保持时长,话后处理时长,坐席工号,是否转接\\n"
    >>> text += "C1,presales,2026-03-02 08:00:05,接通,12,300,0,30,P001,否\\n"
    >>> text += "C2,presales,2026-03-02 08:01:00,挂机,40,,,,,否\\n"
    >>> try:
    ...     read_call_records(text.encode("gbk"), "calls.csv")
    ... except UploadError as err:
    ...     print(upload_message(err, "en"))
    Column "结果" must be one of answered, abandoned, blocked; row 3 has "挂机".
    """
    raw = read_table(source, filename)
    headers = {CALL_RECORDS_ALIASES.get(str(c).lower(), str(c).lower()): c for c in raw.columns}
    optional = [name for name in _CALL_OPTIONAL if name in headers]
    try:
        frame = require_columns(raw, [*_CALL_REQUIRED, *optional], CALL_RECORDS_ALIASES)
    except UploadError as err:  # name each missing column in both spellings the reader accepts
        chinese = {}
        for alias, name in CALL_RECORDS_ALIASES.items():
            chinese.setdefault(name, alias)
        err.column = ", ".join(f"{name} / {chinese[name]}" for name in err.column.split(", "))
        raise
    try:
        out = _call_records(frame)
    except UploadError as err:
        err.column = headers.get(err.column, err.column)
        raise
    result = validate_call_records(out)
    result.attrs[NOTES_ATTR] = [note._replace(column=headers.get(note.column, note.column))
                                for note in frame.attrs.get(NOTES_ATTR, [])]
    return result


def _call_records(frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for name in ("call_id", "queue"):
        empty = frame[name] == ""
        if empty.any():
            rows = _rows(empty, frame)
            raise UploadError("missing_value", f"{name} must not be empty, got an empty cell in row {rows[0]}",
                              column=name, rows=rows)
        out[name] = frame[name].astype(str)
    check_unique(frame, "call_id", values=frame["call_id"])
    out["arrival"] = parse_timestamps(frame, "arrival")
    wait = parse_numbers(frame, "wait_s", minimum=0, maximum=MAX_CALL_SECONDS, integer=True,
                         allow_missing=True, durations=True)
    outcome = _outcomes(frame, wait)
    answered, blocked = (outcome == "answered").to_numpy(), (outcome == "blocked").to_numpy()
    out["outcome"] = outcome.astype(str)
    _need(frame, "wait_s", wait.isna().to_numpy() & ~blocked)
    _only_for(frame, "wait_s", wait.fillna(0).to_numpy() != 0, blocked, outcome)
    out["wait_s"] = wait.fillna(0).astype("int64")
    for name in ("talk_s", "hold_s", "acw_s"):
        secs = parse_numbers(frame, name, minimum=0, maximum=MAX_CALL_SECONDS, integer=True,
                             allow_missing=True, durations=True)
        _need(frame, name, secs.isna().to_numpy() & answered)
        _only_for(frame, name, secs.fillna(0).to_numpy() != 0, ~answered, outcome)
        out[name] = secs.where(answered).astype("Int64")
    agent = frame["agent_id"].astype(str)
    _need(frame, "agent_id", (agent == "").to_numpy() & answered)
    out["agent_id"] = agent.where(agent != "", None)
    out["transferred"] = _booleans(frame, "transferred", allow_missing=False).astype(bool)
    if "resolved_first_contact" in frame:
        out["resolved_first_contact"] = _booleans(frame, "resolved_first_contact", allow_missing=True)
    else:
        out["resolved_first_contact"] = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    if "csat" in frame:
        csat = parse_numbers(frame, "csat", allow_missing=True)
        bad = csat.notna() & ~csat.isin([1, 2, 3, 4, 5])
        if bad.any():
            rows, value = _first_bad(frame["csat"], bad, frame)
            raise UploadError("unknown_value", f"csat must be one of 1, 2, 3, 4, 5, got {value!r} in row {rows[0]}",
                              column="csat", rows=rows, value=value, expected=["1", "2", "3", "4", "5"])
        out["csat"] = csat.astype("Int64")
    else:
        out["csat"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if "team" in frame:
        out["team"] = frame["team"].astype(str).where(frame["team"] != "", None)
    return out.reset_index(drop=True)


def _outcomes(frame: pd.DataFrame, wait: pd.Series) -> pd.Series:
    """The schema's outcome per row; "not answered" words by the wait; ``unknown_value`` names the rows."""
    words = frame["outcome"].astype(str).str.strip().str.lower()
    outcome = words.map(CALL_OUTCOME_ALIASES)
    unanswered = words.isin(UNANSWERED_WORDS)
    outcome = outcome.where(~unanswered, pd.Series("abandoned", index=frame.index).where(wait > 0, "blocked"))
    if outcome.isna().any():
        options = ["answered", "abandoned", "blocked"]
        rows, value = _first_bad(frame["outcome"], outcome.isna(), frame)
        raise UploadError("unknown_value", f"outcome must be one of {', '.join(options)}, got {value!r} "
                          f"in row {rows[0]}", column="outcome", rows=rows, value=value, expected=options)
    return outcome


def _need(frame: pd.DataFrame, column: str, empty) -> None:
    """``missing_value`` for the rows where a cell the outcome requires is empty."""
    empty = pd.Series(empty).to_numpy(dtype=bool)
    if empty.any():
        rows = _rows(empty, frame)
        raise UploadError("missing_value", f"{column} must not be empty, got an empty cell in row {rows[0]}",
                          column=column, rows=rows)


def _only_for(frame: pd.DataFrame, column: str, filled, other, outcome: pd.Series) -> None:
    """``not_for_outcome`` for the rows of the ``other`` outcomes that have a non-zero value."""
    bad = pd.Series(filled & other).to_numpy(dtype=bool)
    if bad.any():
        rows, value = _first_bad(frame[column], bad, frame)
        kind = outcome[bad].iloc[0]
        raise UploadError("not_for_outcome", f"{column} must be empty or 0 for {kind} calls, got {value!r} "
                          f"in row {rows[0]}", column=column, rows=rows, value=value, expected=kind)


