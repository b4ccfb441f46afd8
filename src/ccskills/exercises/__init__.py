"""Exercise checking for the course notebooks (the learntools pattern).

In a trainee notebook, the first code cell binds a chapter's problem set::

    from ccskills.exercises.ch02 import *   # q1, q2, …, the placeholder ____ and bind
    bind(globals())

then each question has a cell where the trainee replaces ``____`` and calls
``q1.check()`` (last line of the cell), ``q1.hint()`` (the next hint, cycling;
``q1.hint(2)`` for the second) and ``q1.solution()``. ``check()`` never raises:
it reports *not attempted* (naming any variable still ``____`` or missing),
*incorrect* with the reason (or the typical mistake recognised), or *correct*.
An untouched notebook runs to the end because ``____`` absorbs arithmetic,
``round``, numpy and pandas operations (see :mod:`._placeholder` for the limits).

A chapter module (``ccskills/exercises/ch02.py``) declares its questions and
exports the views; expected and wrong values are computed by the kit's own
reference functions (a ``lambda:`` delays the computation to check time)::

    from ccskills.exercises import EqualityQuestion, Mistake, ProblemSet, ____
    from ccskills.kpi import service_level

    Q1 = EqualityQuestion(title="服务水平", expected={"sl": lambda: service_level(...)}, ...)
    QUESTIONS = (Q1, ...)
    PROBLEMS = ProblemSet(QUESTIONS)
    bind = PROBLEMS.bind
    q1, ... = PROBLEMS.views
    __all__ = ["____", "bind", "q1", ...]

Tests grade without a notebook: :func:`evaluate` is ``(question, namespace) ->
Outcome``, every question builds its own ``solution_namespace()``,
``untouched_namespace()`` and ``mistake_namespaces()``, and :func:`verify`
asserts all of them. Engine messages are in Chinese (default) or English:
:func:`set_language` or ``lang=``.

Examples
--------
A whole exercise, with a dict standing in for the notebook's ``globals()``:

>>> from ccskills.exercises import EqualityQuestion, Mistake, ProblemSet, ____
>>> def offered_load_erl(calls, aht_s, interval_s):  # in a chapter: a ccskills function
...     return calls * aht_s / interval_s
>>> Q1 = EqualityQuestion(
...     title="话务负荷",
...     expected={"load_erl": lambda: offered_load_erl(120, 4 * 60, 1800)},
...     setup="calls, aht_min, interval_s = 120, 4, 1800",
...     hints=["负荷 (Erlang) = 来话量 × AHT ÷ 时段长度。", "时间单位要一致：都用秒。"],
...     solution="load_erl = calls * aht_min * 60 / interval_s",
...     mistakes=[Mistake(lambda: 120 * 4 / 1800, "AHT 是分钟，时段是秒：先把 AHT ×60 换成秒。")],
... )
>>> problems = ProblemSet([Q1])
>>> (q1,) = problems.views
>>> notebook = {"calls": 120, "aht_min": 4, "interval_s": 1800, "load_erl": ____}
>>> problems.bind(notebook)
>>> q1.check()
… 未作答：把 ____ 换成你的答案，运行单元格，再检查。
>>> notebook["load_erl"] = 120 * 4 / 1800
>>> q1.check()
✗ 不正确：AHT 是分钟，时段是秒：先把 AHT ×60 换成秒。
>>> notebook["load_erl"] = 120 * 240 / 1800
>>> q1.check()
✓ 正确！
>>> q1.hint(2)
💡 提示 2/2：时间单位要一致：都用秒。
>>> q1.solution()
参考答案：
    load_erl = calls * aht_min * 60 / interval_s
>>> verify(Q1)  # what a chapter test does for every question

The no-code track (workbooks a supervisor answers in boxes, served by Voila through
:mod:`ccskills.workbooks`) uses the same engine: :func:`no_code_questions` returns every
:class:`NoCodeQuestion` (``set``, ``id``, ``kind``, ``options``, ``answer`` and
``check(value, lang="zh")`` that never raises), re-using the code track's declarations.
"""

from ._compare import Rules, compare
from ._engine import ProblemSet, QuestionView, evaluate
from ._function import FunctionQuestion
from ._messages import get_language, set_language
from ._outcome import Hint, Outcome, SolutionNote, Status
from ._placeholder import Placeholder, ____, contains_placeholder
from ._questions import (
    CustomQuestion,
    EqualityQuestion,
    Incorrect,
    Mistake,
    Question,
    ThoughtExperiment,
)
from ._testing import verify
from ._no_code import Given, NoCodeQuestion, NoCodeSet, Say, from_code
from ._registry import NO_CODE_SETS, no_code_questions, no_code_set

__all__ = [
    "CustomQuestion",
    "EqualityQuestion",
    "FunctionQuestion",
    "Given",
    "NO_CODE_SETS",
    "NoCodeQuestion",
    "NoCodeSet",
    "Say",
    "from_code",
    "no_code_questions",
    "no_code_set",
    "Hint",
    "Incorrect",
    "Mistake",
    "Outcome",
    "Placeholder",
    "ProblemSet",
    "Question",
    "QuestionView",
    "Rules",
    "SolutionNote",
    "Status",
    "ThoughtExperiment",
    "____",
    "compare",
    "contains_placeholder",
    "evaluate",
    "get_language",
    "set_language",
    "verify",
]
