"""A chapter's no-code questions as printable data: each given (table or facts) before the first
question that reads it, each question with its prompt, unit and options, and never its answer.
"""

from __future__ import annotations

import numbers

import pandas as pd

from ccskills.exercises import no_code_set

__all__ = ["KIND_LABELS", "set_items", "given_data", "cell_text"]

KIND_LABELS = {"number": "数字题 number", "choice": "单选 single choice", "multiple": "多选 multiple choice"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def cell_text(value) -> str:
    """A table cell as printed: integers as they are, other numbers to 6 significant digits."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}" if abs(int(value)) >= 10000 else str(int(value))
    if isinstance(value, numbers.Real):
        return f"{float(value):.6g}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != pd.Timestamp(0).time() else value.strftime("%Y-%m-%d")
    return str(value)


def given_data(given, lang: str = "zh") -> dict:
    """A :class:`~ccskills.exercises.Given` as ``{"title", "note", "header", "rows"}`` or with ``facts``."""
    content = given.build(lang)
    out = {"title": given.title.get(lang), "note": given.note.get(lang)}
    if isinstance(content, pd.DataFrame):
        frame = content if isinstance(content.index, pd.RangeIndex) else \
            content.reset_index(names=[n or "" for n in content.index.names])
        out["header"] = [cell_text(c) if c is not None else "" for c in frame.columns]
        out["rows"] = [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    else:
        out["facts"] = [[cell_text(label), cell_text(value)] for label, value in content]
    return out


def _question(q, number: int) -> dict:
    return {"number": number, "title": q.title, "kind": q.kind, "kind_label": KIND_LABELS[q.kind],
            "prompt": q.prompt.zh, "unit": q.unit.zh,
            "options": [{"letter": LETTERS[i], "text": c.zh} for i, c in enumerate(q.choices)]}


def set_items(name: str) -> dict:
    """One exercise set: title, and its items in page order (givens, then the questions reading them)."""
    problem_set = no_code_set(name)
    items, shown = [], set()
    for number, q in enumerate(problem_set.questions, 1):
        for given_id in q.givens:
            if given_id not in shown:
                shown.add(given_id)
                items.append({"item": "given", **given_data(problem_set.given(given_id))})
        items.append({"item": "question", **_question(q, number)})
    return {"name": name, "title": problem_set.title.zh, "items": items}
