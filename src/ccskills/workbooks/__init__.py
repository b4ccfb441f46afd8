"""No-code workbooks served by Voila: one page per exercise set, answered in boxes, not code.

The presentation of issue 10's no-code track: :func:`build_workbook` returns an ipywidgets
layout whose questions, answers and verdicts all come from :mod:`ccskills.exercises`
(``no_code_set``); this package only lays them out and wires the buttons. It imports no
altair. The Voila notebooks are ``course/workbooks/<set>.ipynb``.

>>> from ccskills.workbooks import build_workbook
>>> page = build_workbook("ch05")
>>> page.card("wape").value = "10.6"
>>> page.card("wape").check().feedback
'正确！'
"""

from ccskills.workbooks.page import QuestionCard, Workbook, build_workbook

__all__ = ["QuestionCard", "Workbook", "build_workbook"]
