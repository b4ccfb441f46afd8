"""The workbook page's own words, in Simplified Chinese and English, and how givens are drawn.

Question texts live with the questions (:mod:`ccskills.exercises`); this table holds only the
page's labels. Givens are drawn as HTML tables (escaped); nothing here computes a number.

>>> t("check", "en"), t("check", "zh")
('Check', '检查')
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["STYLE", "WORDS", "t", "given_html"]

WORDS: dict[str, tuple[str, str]] = {
    "check": ("检查", "Check"),
    "hint": ("提示", "Hint"),
    "solution": ("看答案", "Answer"),
    "question": ("第 {n} 题", "Question {n}"),
    "number_placeholder": ("填一个数", "a number"),
    "choose_one": ("单选", "Choose one"),
    "choose_many": ("多选", "Tick all that apply"),
    "answer_is": ("答案：{answer}", "Answer: {answer}"),
    "progress": ("已答对 {correct} / {total} 题", "{correct} of {total} correct"),
    "given": ("已知", "Given"),
}


def t(key: str, lang: str, **fields: object) -> str:
    """The page word ``key`` in ``lang`` ("zh" or "en"), formatted."""
    zh, en = WORDS[key]
    return (en if lang == "en" else zh).format(**fields)


STYLE = """<style>
.ccs-workbook { font-family: var(--ccs-font-family, system-ui, sans-serif); max-width: 60em; }
.ccs-workbook h2 { margin: 0.2em 0; }
.ccs-given { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 12px; margin: 10px 0 4px 0;
  background: #f6f8fa; }
.ccs-given-title { font-weight: 600; color: #57606a; margin: 4px 0; }
table.ccs-given-table { border-collapse: collapse; font-size: 13px; margin: 4px 0 6px 0; }
table.ccs-given-table th, table.ccs-given-table td { padding: 2px 10px; border-bottom: 1px solid #e5e7eb;
  text-align: right; }
table.ccs-given-table th:first-child, table.ccs-given-table td:first-child { text-align: left; }
.ccs-question { border-left: 4px solid #1f6fb4; padding: 2px 0 6px 12px; margin: 10px 0; }
.ccs-question-title { font-weight: 600; }
.ccs-unit { padding: 0 8px; line-height: 28px; }
.ccs-progress { color: #57606a; }
.ccs-kind, .ccs-given-note { color: #57606a; font-size: 12px; }
</style>"""
"""Page styles (system fonts; nothing fetched)."""


def given_html(title: str, content, note: str = "") -> str:
    """A given as HTML: a titled table (a DataFrame) or facts (``(label, value)`` pairs)."""
    if isinstance(content, pd.DataFrame):
        body = content.to_html(classes="ccs-given-table", border=0, escape=True)
    else:
        rows = "".join(f"<tr><td>{html.escape(str(label))}</td><td>{html.escape(str(value))}</td></tr>"
                       for label, value in content)
        body = f'<table class="ccs-given-table ccs-facts">{rows}</table>'
    note_html = f'<div class="ccs-given-note">{html.escape(note)}</div>' if note else ""
    return f'<div class="ccs-given-title">{html.escape(title)}</div>{body}{note_html}'
