"""The workbook page's own words, in Simplified Chinese and English, and how givens are drawn.

Question texts live with the questions (:mod:`ccskills.exercises`); this table holds only the
page's labels. Givens are drawn as HTML tables (escaped); nothing here computes a number.

>>> t("check", "en"), t("check", "zh")
('Check', '检查')
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["CALCULATORS", "STYLE", "WORDS", "calculator_link", "t", "given_html"]

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
    "open_calculator": ("打开{name} ↗", "Open the {name} ↗"),
    "your_name": ("你的姓名", "Your name"),
    "save_name": ("保存姓名", "Save name"),
    "name_needed": ("请填写姓名，讲师才能看到你的进度（只需一次）：", "Enter your name once, so the trainer sees your progress:"),
    "name_saved": ("进度将记在“{name}”名下。", "Your progress is saved as “{name}”."),
    "name_refused": ("姓名不能为空、最多 100 个字，请重新填写。", "The name must not be blank and at most 100 characters; please try again."),
}

CALCULATORS: dict[str, tuple[str, str]] = {
    "erlang_calculator": ("Erlang 座席计算器", "Erlang calculator"),
    "workforce_planner": ("排班规划器", "workforce planner"),
    "qa_calibration": ("质检评分与校准", "QA scorecard & calibration"),
    "kpi_dashboard": ("KPI 看板", "KPI dashboard"),
    "kano_analyser": ("卡诺分析", "Kano analyser"),
    "smart_plan_builder": ("SMART 计划", "SMART plan builder"),
    "hiring_planner": ("招聘与流失规划", "hiring & attrition planner"),
}
"""Calculator notebook (course/apps/<name>.ipynb) → its name on screen."""


def calculator_link(name: str, lang: str) -> str:
    """A link from a workbook (course/workbooks/) to a calculator beside it, opening a new tab.

    Relative, so it works wherever Voila renders course/ (``/voila/render/apps/…``, a hub prefix).

    >>> calculator_link("erlang_calculator", "en")
    '<a class="ccs-calculator-link" href="../apps/erlang_calculator.ipynb" target="_blank">Open the Erlang calculator ↗</a>'
    """
    label = t("open_calculator", lang, name=CALCULATORS[name][1 if lang == "en" else 0])
    return (f'<a class="ccs-calculator-link" href="../apps/{name}.ipynb" target="_blank">'
            f"{html.escape(label)}</a>")


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
