"""Tier 2: the exercise engine ``ccskills.exercises``, on a toy problem set.

Expected values are closed forms worked by hand and stated where used:
offered load A = calls × AHT / interval (Erlangs), so 120 calls × 240 s / 1800 s
= 16 Erlangs; service level = answered within the threshold / offered calls,
so 80 / 100 = 0.8.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ccskills.exercises import (
    CustomQuestion,
    EqualityQuestion,
    FunctionQuestion,
    Incorrect,
    Mistake,
    ProblemSet,
    Status,
    ThoughtExperiment,
    ____,
    evaluate,
    get_language,
    set_language,
    verify,
)

# --- The toy problem set: reference functions stand in for ccskills.queueing/kpi. -------


def offered_load_erl(calls, aht_s, interval_s):
    """Offered load in Erlangs: calls × AHT (s) / interval (s)."""
    return calls * aht_s / interval_s


def service_level(answered_within, answered, offered):
    """Fraction of offered calls answered within the threshold."""
    return answered_within / offered


SETUP = "calls, aht_min, interval_s = 120, 4, 1800"
FORGOT_SECONDS = "AHT 是分钟，时段是秒：先把 AHT ×60 换成秒。"
INTERVAL_MINUTES = "时段长度要用秒 (1800 s)，你用了分钟 (30)。"
OVER_ANSWERED = "你除以了接通量；这里的服务水平分母是来话量 (offered)。"

LOAD = EqualityQuestion(
    title="offered load",
    expected={"load_erl": lambda: offered_load_erl(120, 4 * 60, 1800)},
    setup=SETUP,
    hints=["负荷 (Erlang) = 来话量 × AHT ÷ 时段长度。", "时间单位要一致：都用秒。"],
    solution="load_erl = calls * aht_min * 60 / interval_s",
    explanation="120 × 240 ÷ 1800 = 16 Erlang。",
    mistakes=[
        Mistake(lambda: offered_load_erl(120, 4, 1800), FORGOT_SECONDS),
        Mistake(lambda: offered_load_erl(120, 240, 30), INTERVAL_MINUTES),
    ],
)

TWO_STEPS = EqualityQuestion(
    title="two steps",
    expected={"aht_s": lambda: 4 * 60, "load_erl": lambda: offered_load_erl(120, 240, 1800)},
    setup=SETUP,
    solution="aht_s = aht_min * 60\nload_erl = calls * aht_s / interval_s",
    mistakes=[Mistake(4, "AHT 要换成秒。", var="aht_s")],
)

SL_FUNCTION = FunctionQuestion(
    title="service level function",
    name="sl",
    reference=service_level,
    cases=[(80, 90, 100), (45, 0, 60), {"answered_within": 0, "answered": 5, "offered": 10}],
    solution="def sl(answered_within, answered, offered):\n    return answered_within / offered",
    mistakes=[Mistake(lambda answered_within, answered, offered:
                      answered_within / answered if answered else math.inf, OVER_ANSWERED)],
)


def _check_staffing(schedule):
    required = pd.Series([10, 12, 9], index=["09:00", "09:30", "10:00"])
    short = schedule[schedule < required]
    if len(short):
        raise Incorrect(f"{short.index[0]} 人手不足：需要 {required[short.index[0]]} 人。")


STAFFING = CustomQuestion(
    title="staffing",
    variables=["schedule"],
    checker=_check_staffing,
    solution="schedule = pd.Series([10, 12, 9], index=['09:00', '09:30', '10:00'])",
    setup="import pandas as pd",
    mistakes=[Mistake(lambda: pd.Series([10, 10, 9], index=["09:00", "09:30", "10:00"]),
                      "09:30 的需求是 12 人，你排了 10 人。")],
)

THINK = ThoughtExperiment(title="think", solution="来话量翻倍时，所需坐席**不到**两倍（规模效应）。")

QUESTIONS = (LOAD, TWO_STEPS, SL_FUNCTION, STAFFING, THINK)


@pytest.fixture(autouse=True)
def _chinese_messages():
    """Every test starts and ends with the default language."""
    set_language("zh")
    yield
    set_language("zh")


def with_answer(question, **answers):
    """The question's untouched notebook with some answers filled in."""
    return {**question.untouched_namespace(), **answers}


# --- Three outcomes. -------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS[:4], ids=lambda q: q.title)
def test_untouched_notebook_is_not_attempted(question):
    outcome = evaluate(question, question.untouched_namespace())
    assert outcome.status is Status.NOT_ATTEMPTED
    assert "把 ____ 换成你的答案" in outcome.message
    assert outcome.unfinished == question.names()


def test_missing_variable_is_named():
    outcome = evaluate(LOAD, LOAD.setup_namespace())
    assert outcome.status is Status.NOT_ATTEMPTED
    assert "找不到变量 `load_erl`" in outcome.message
    assert outcome.unfinished == ("load_erl",)


def test_partly_answered_names_only_the_unfinished_variable():
    outcome = evaluate(TWO_STEPS, with_answer(TWO_STEPS, aht_s=240))
    assert outcome.status is Status.NOT_ATTEMPTED
    assert "`load_erl` 仍是 ____" in outcome.message
    assert "aht_s" not in outcome.message


def test_answer_containing_placeholder_is_not_attempted():
    question = EqualityQuestion(expected={"pair": (1, 2)})
    assert evaluate(question, {"pair": (1, ____)}).status is Status.NOT_ATTEMPTED


@pytest.mark.parametrize("question", QUESTIONS[:4], ids=lambda q: q.title)
def test_solution_is_correct(question):
    outcome = evaluate(question, question.solution_namespace())
    assert outcome.status is Status.CORRECT, outcome
    assert outcome.passed and outcome.message == "正确！"


def test_right_value_within_default_tolerance_is_correct():
    """16 × (1 + 5e-7) is within the default relative tolerance 1e-6 of 16."""
    assert evaluate(LOAD, with_answer(LOAD, load_erl=16 * (1 + 5e-7))).passed
    assert not evaluate(LOAD, with_answer(LOAD, load_erl=16 * (1 + 5e-6))).passed


MISTAKE_CASES = [(q, m, ns) for q in QUESTIONS for m, ns in q.mistake_namespaces()]


@pytest.mark.parametrize(("question", "mistake", "namespace"), MISTAKE_CASES,
                         ids=lambda v: getattr(v, "feedback", getattr(v, "title", ""))[:12])
def test_each_typical_mistake_gets_its_own_feedback(question, mistake, namespace):
    outcome = evaluate(question, namespace)
    assert outcome.status is Status.INCORRECT
    assert outcome.message == mistake.feedback
    assert outcome.mistake is mistake


def test_forgetting_minutes_to_seconds_is_named():
    """120 calls × 4 (minutes, not seconds) / 1800 s = 0.2667: the classic unit slip."""
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=120 * 4 / 1800))
    assert outcome.message == FORGOT_SECONDS


def test_other_wrong_answer_says_expected_and_got():
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=20.0))
    assert outcome.status is Status.INCORRECT and outcome.mistake is None
    assert outcome.message == "`load_erl`：应为 16，你的是 20。"


def test_hidden_expected_value_only_says_too_high_or_low():
    question = EqualityQuestion(expected={"x": lambda: 16.0}, reveal_expected=False)
    assert evaluate(question, {"x": 20.0}).message == "`x`：你的 20 偏大。"
    assert evaluate(question, {"x": 12.0}).message == "`x`：你的 12 偏小。"


@pytest.mark.parametrize("value", ["16", None, [16.0], {"load": 16}, True])
def test_wrong_type_is_incorrect_with_a_sentence(value):
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=value))
    assert outcome.status is Status.INCORRECT
    assert "类型不对：应该是一个数 (number)" in outcome.message
    assert f"你的是 {type(value).__name__} " in outcome.message


def test_nan_answer_reminds_to_fill_the_placeholder():
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=float(____)))
    assert outcome.status is Status.INCORRECT
    assert "nan" in outcome.message and "____" in outcome.message


# --- Function questions. -------------------------------------------------------------


def trainee_function(body):
    """The namespace after the trainee defines ``sl`` with ``body``."""
    namespace = SL_FUNCTION.setup_namespace()
    exec(f"def sl(answered_within, answered, offered):\n    {body}", namespace)
    return namespace


def test_function_question_correct_and_wrong():
    assert evaluate(SL_FUNCTION, trainee_function("return answered_within / offered")).passed
    outcome = evaluate(SL_FUNCTION, trainee_function("return answered / offered"))
    assert outcome.status is Status.INCORRECT
    assert outcome.message == "调用 sl(80, 90, 100) 时，应为 0.8，你的是 0.9。"


def test_crashing_function_is_incorrect_naming_the_input():
    """Right on the first case, then divides by answered = 0 on the second."""
    body = "return answered_within / (offered if answered == 90 else answered)"
    outcome = evaluate(SL_FUNCTION, trainee_function(body))
    assert outcome.status is Status.INCORRECT
    assert "sl(45, 0, 60)" in outcome.message
    assert "ZeroDivisionError" in outcome.message


def test_function_crash_is_recognised_as_mistake_when_outputs_match():
    """The mistake implementation returns inf where answered = 0, the trainee's too."""
    body = "return answered_within / answered if answered else float('inf')"
    assert evaluate(SL_FUNCTION, trainee_function(body)).message == OVER_ANSWERED


def test_keyword_case_is_shown_with_keywords():
    body = "return 1.0 if answered_within == 0 else answered_within / offered"
    outcome = evaluate(SL_FUNCTION, trainee_function(body))
    assert "sl(answered_within=0, answered=5, offered=10)" in outcome.message


def test_function_returning_placeholder_is_not_attempted():
    outcome = evaluate(SL_FUNCTION, trainee_function("return ____"))
    assert outcome.status is Status.NOT_ATTEMPTED
    assert "sl(80, 90, 100)" in outcome.message


def test_function_variable_that_is_not_a_function_is_incorrect():
    outcome = evaluate(SL_FUNCTION, {"sl": 0.8})
    assert outcome.status is Status.INCORRECT and "函数" in outcome.message


def test_trainee_function_cannot_change_the_reference_inputs():
    question = FunctionQuestion(name="total", reference=sum, cases=[([1, 2, 3],)])
    namespace = {}
    exec("def total(xs):\n    s = sum(xs)\n    xs.clear()\n    return s", namespace)
    assert evaluate(question, namespace).passed


# --- Custom and thought-experiment questions. -----------------------------------------


def test_custom_check_message_reaches_the_trainee():
    schedule = pd.Series([10, 12, 8], index=["09:00", "09:30", "10:00"])
    outcome = evaluate(STAFFING, {"schedule": schedule})
    assert outcome.message == "10:00 人手不足：需要 9 人。"


def test_custom_check_assertion_counts_as_incorrect():
    def checker(x):
        assert x > 0, "x 必须为正。"

    question = CustomQuestion(variables=["x"], checker=checker)
    # startswith: pytest's assertion rewriting appends the failed expression here
    assert evaluate(question, {"x": -1}).message.startswith("x 必须为正。")


def test_custom_check_crashing_on_a_wrong_type_is_incorrect():
    outcome = evaluate(STAFFING, {"schedule": "10, 12, 9"})
    assert outcome.status is Status.INCORRECT
    assert "检查你的答案时出错" in outcome.message


def test_thought_experiment_is_unchecked_and_has_a_solution():
    (view,) = ProblemSet([THINK]).views
    assert evaluate(THINK, {}).status is Status.UNCHECKED
    assert "规模效应" in repr(view.solution())
    assert "<pre>" not in view.solution()._repr_html_()


def test_reference_function_that_crashes_does_not_raise():
    question = EqualityQuestion(expected={"x": lambda: 1 / 0})
    outcome = evaluate(question, {"x": 1.0})
    assert outcome.status is Status.INCORRECT and "ZeroDivisionError" in outcome.message


# --- The placeholder. ----------------------------------------------------------------

PLACEHOLDER_OPERATIONS = {
    "x * 60": lambda x: x * 60,
    "60 * x": lambda x: 60 * x,
    "x / 1800": lambda x: x / 1800,
    "1800 / x": lambda x: 1800 / x,
    "x - 1 + 1": lambda x: x - 1 + 1,
    "1 + x": lambda x: 1 + x,
    "x ** 2": lambda x: x**2,
    "-x": lambda x: -x,
    "round(x, 3)": lambda x: round(x, 3),
    "math.ceil(x)": math.ceil,
    "x.mean()": lambda x: x.mean(),
    "x['sl']": lambda x: x["sl"],
    "np.sqrt(x)": np.sqrt,
    "np.round(x, 2)": lambda x: np.round(x, 2),
    "np.array([1.0]) * x": lambda x: np.array([1.0]) * x,
    "pd.Series([1.0]) * x": lambda x: pd.Series([1.0]) * x,
    "pd.DataFrame({'a': [1.0]}) / x": lambda x: pd.DataFrame({"a": [1.0]}) / x,
    "np.float64(2) * x": lambda x: np.float64(2) * x,
}


@pytest.mark.parametrize("operation", PLACEHOLDER_OPERATIONS.values(), ids=PLACEHOLDER_OPERATIONS)
def test_operations_on_the_placeholder_stay_the_placeholder(operation):
    assert operation(____) is ____


def test_untouched_cells_run_and_report_not_attempted():
    namespace = LOAD.setup_namespace()
    exec("aht_s = ____\nload_erl = round(calls * aht_s / interval_s, 3)", namespace)
    assert evaluate(LOAD, namespace).status is Status.NOT_ATTEMPTED


@pytest.mark.parametrize("build", [
    lambda: [16.0, ____],
    lambda: {"09:00": ____},
    lambda: np.array([16.0, ____]),
    lambda: pd.Series([16.0, ____]),
    lambda: pd.DataFrame({"load": [16.0, ____]}),
], ids=["list", "dict", "array", "Series", "DataFrame"])
def test_containers_built_around_the_placeholder_are_not_attempted(build):
    question = EqualityQuestion(expected={"loads": lambda: [16.0, 16.0]})
    assert evaluate(question, {"loads": build()}).status is Status.NOT_ATTEMPTED


def test_placeholder_equals_only_itself_and_prints_as_itself():
    assert ____ == ____ and (____ == 0) is False and (0 == ____) is False
    assert ____ != 0 and 0 != ____ and ____ != "____" and (____ != ____) is False
    assert not bool(____) and str(____) == repr(____) == f"{____:.1%}" == "____"
    assert (np.array([1.0]) == ____) is False


def test_placeholder_limits_are_documented_behaviour():
    assert math.isnan(float(____))
    with pytest.raises(TypeError, match="replace ____ with your answer"):
        int(____)
    assert list(____) == [] and len(____) == 0


def test_placeholder_cannot_be_mutated():
    ____.answer = 42
    assert ____.answer is ____


# --- Hints and solutions. ----------------------------------------------------------------


def test_hint_cycles_and_can_be_chosen():
    (view,) = ProblemSet([LOAD]).views
    shown = [view.hint().number for _ in range(3)]
    assert shown == [1, 2, 1]
    assert view.hint(2).text == "时间单位要一致：都用秒。"
    assert view.hint().number == 1  # after hint 2 of 2, back to the first
    assert repr(view.hint(1)) == "💡 提示 1/2：负荷 (Erlang) = 来话量 × AHT ÷ 时段长度。"


@pytest.mark.parametrize("n", [0, 3, "2"])
def test_hint_out_of_range_says_how_many_without_raising(n):
    (view,) = ProblemSet([LOAD]).views
    assert "只有 2 条提示" in view.hint(n).text


def test_question_without_hints_says_so():
    (view,) = ProblemSet([TWO_STEPS]).views
    assert view.hint().text == "这道题没有提示。"


def test_solution_renders_code_and_explanation():
    (view,) = ProblemSet([LOAD]).views
    note = view.solution()
    assert repr(note) == (
        "参考答案：\n    load_erl = calls * aht_min * 60 / interval_s\n120 × 240 ÷ 1800 = 16 Erlang。"
    )
    assert "<pre><code>load_erl = calls * aht_min * 60 / interval_s</code></pre>" in note._repr_html_()


def test_html_escapes_trainee_text():
    outcome = evaluate(EqualityQuestion(expected={"x": "a"}), {"x": "<b>"})
    assert "&lt;b&gt;" in outcome._repr_html_() and "<b>" not in outcome._repr_html_()


# --- Languages and rendering. ----------------------------------------------------------


def test_english_messages_by_argument_and_by_setting():
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=20.0), lang="en")
    assert repr(outcome) == "✗ Incorrect: `load_erl`: expected 16, got 20."
    set_language("en")
    assert get_language() == "en"
    assert repr(evaluate(LOAD, LOAD.solution_namespace())) == "✓ Correct!"
    assert repr(ProblemSet([LOAD]).views[0].hint(1)).startswith("💡 Hint 1/2: ")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match=r"lang must be one of \('zh', 'en'\), got 'fr'"):
        set_language("fr")


@pytest.mark.parametrize(("status", "symbol", "colour"), [
    (Status.CORRECT, "✓ 正确！", "#1a7f37"),
    (Status.INCORRECT, "✗ 不正确：", "#cf222e"),
    (Status.NOT_ATTEMPTED, "… 未作答：", "#57606a"),
])
def test_plain_text_and_coloured_html(status, symbol, colour):
    answers = {Status.CORRECT: 16.0, Status.INCORRECT: 1.0, Status.NOT_ATTEMPTED: ____}
    outcome = evaluate(LOAD, with_answer(LOAD, load_erl=answers[status]))
    assert outcome.status is status and repr(outcome).startswith(symbol)
    assert colour in outcome._repr_html_() and "<script" not in outcome._repr_html_()


# --- Comparisons of arrays, Series and DataFrames. ------------------------------------

SL_SERIES = pd.Series([0.8, 0.9], index=["09:00", "09:30"], name="sl")
FRAME = pd.DataFrame({"agents": [10, 12], "sl": [0.8, 0.85]})


@pytest.mark.parametrize(("expected", "got", "reason"), [
    (np.array([1.0, 2.0]), [1.0, 2.0 * (1 + 1e-7)], None),
    (np.array([1.0, 2.0]), np.array([1.0, 2.1]), "2 个值中有 1 个不对；第一个在 [1]：应为 2，你的是 2.1。"),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]), "形状 (shape) 不对：应为 (2,)，你的是 (3,)。"),
    (np.array([1.0, 2.0]), "1, 2", "类型不对：应该是一组数 (array)，你的是 str '1, 2'。"),
    (SL_SERIES, SL_SERIES.rename("other") * (1 + 1e-7), None),
    (SL_SERIES, SL_SERIES.set_axis(["09:00", "10:00"]), "索引 (index) 不同"),
    (SL_SERIES, pd.Series([0.8, 0.95], index=["09:00", "09:30"]), "第一个在 ['09:30']：应为 0.9"),
    (SL_SERIES, SL_SERIES.to_numpy(), "应该是一个 pandas Series"),
    (FRAME, FRAME[["sl", "agents"]].astype(float), None),
    (FRAME, FRAME.assign(sl=[0.8, 0.7]), "列 'sl'：2 个值中有 1 个不对；第一个在 [1]：应为 0.85"),
    (FRAME, FRAME.drop(columns="sl"), "列 (columns) 不同：缺少 ['sl']，多了 []。"),
    (FRAME, FRAME.iloc[::-1], "索引 (index) 不同"),
])
def test_containers_compare_with_tolerance_and_name_the_difference(expected, got, reason):
    question = EqualityQuestion(expected={"answer": lambda: expected})
    outcome = evaluate(question, {"answer": got})
    if reason is None:
        assert outcome.passed, outcome
    else:
        assert outcome.status is Status.INCORRECT and reason in outcome.message


def test_absolute_tolerance_is_used():
    """0.805 is within atol 0.01 of 0.8 (rounded service levels)."""
    question = EqualityQuestion(expected={"sl": lambda: SL_SERIES}, atol=0.01)
    assert evaluate(question, {"sl": pd.Series([0.805, 0.895], index=SL_SERIES.index)}).passed
    assert not evaluate(question, {"sl": pd.Series([0.82, 0.9], index=SL_SERIES.index)}).passed


# --- Binding, assertion helpers, self-test and declarations. ---------------------------


def test_bound_views_check_the_notebook_and_assert_helpers():
    problems = ProblemSet([LOAD])
    (q1,) = problems.views
    assert q1.check().status is Status.NOT_ATTEMPTED and "bind(globals())" in q1.check().message
    notebook = LOAD.untouched_namespace()
    problems.bind(notebook)
    q1.assert_check_unattempted()
    notebook["load_erl"] = 120 * 4 / 1800
    q1.assert_check_failed(contains="×60")
    with pytest.raises(AssertionError, match="expected correct"):
        q1.assert_check_passed()
    notebook["load_erl"] = 16.0
    q1.assert_check_passed()
    assert q1.last_outcome.passed


def test_bind_refuses_a_non_mapping():
    with pytest.raises(ValueError, match="namespace must be a dict such as globals()"):
        ProblemSet([LOAD]).bind(["not", "a", "namespace"])


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.title)
def test_verify_accepts_the_toy_questions(question):
    verify(question)


@pytest.mark.parametrize(("question", "complaint"), [
    (EqualityQuestion(expected={"x": 2}, solution="x = 3"), "the solution gives"),
    (EqualityQuestion(expected={"x": 2}, solution="x = 2", mistakes=[Mistake(2, "同值")]),
     "mistake '同值'"),
    (EqualityQuestion(expected={"x": 2}, solution="x = 2",
                      mistakes=[Mistake(3, "第一"), Mistake(3, "第二")]), "mistake '第二'"),
])
def test_verify_catches_badly_written_questions(question, complaint):
    with pytest.raises(AssertionError, match=complaint):
        verify(question)


@pytest.mark.parametrize(("make", "message"), [
    (lambda: EqualityQuestion(expected={"x": 1}, rtol=-1), "rtol must be zero or a positive number"),
    (lambda: EqualityQuestion(expected={}), "expected must map variable names"),
    (lambda: EqualityQuestion(expected={"x": 1}, mistakes=[(2, "错")]), "mistakes must hold only"),
    (lambda: FunctionQuestion(name="f"), "reference and cases must be given"),
    (lambda: CustomQuestion(variables=["x"]), "variables and checker must be given"),
])
def test_declarations_are_validated(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_single_hint_string_is_one_hint():
    assert EqualityQuestion(expected={"x": 1}, hints="只有一条").hints == ("只有一条",)
