"""Every sentence the engine itself writes, in Simplified Chinese and English.

Question authors write hints, solutions and mistake feedback in Chinese; the
engine's own words (status labels, "not attempted", comparison reasons) come
from the one table below, in the language chosen with :func:`set_language`
(default ``"zh"``) or passed as ``lang=`` to :func:`~ccskills.exercises.evaluate`.

Examples
--------
>>> text("correct", "en")
'Correct!'
>>> text("unfinished", "zh", names="`aht_s`")
'`aht_s` 仍是 ____：把它换成你的答案。'
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "MESSAGES", "get_language", "set_language", "text"]

LANGUAGES = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Status labels and whole-outcome sentences.
    "label_correct": {"zh": "正确", "en": "Correct"},
    "label_incorrect": {"zh": "不正确", "en": "Incorrect"},
    "label_not_attempted": {"zh": "未作答", "en": "Not attempted"},
    "label_unchecked": {"zh": "思考题", "en": "Thought experiment"},
    "label_hint": {"zh": "提示", "en": "Hint"},
    "label_solution": {"zh": "参考答案", "en": "Solution"},
    "correct": {"zh": "正确！", "en": "Correct!"},
    "not_attempted": {
        "zh": "把 ____ 换成你的答案，运行单元格，再检查。",
        "en": "replace ____ with your answer, run the cell, then check.",
    },
    "unfinished": {
        "zh": "{names} 仍是 ____：把它换成你的答案。",
        "en": "{names} is still ____: replace it with your answer.",
    },
    "missing": {
        "zh": "找不到变量 {names}：先运行定义它的单元格（名字要一字不差）。",
        "en": "variable {names} not found: run the cell that defines it (exact name).",
    },
    "unchecked": {
        "zh": "没有自动检查；想好之后运行 .solution() 对照。",
        "en": "nothing to check automatically; think it over, then compare with .solution().",
    },
    "unbound": {
        "zh": "练习还没有绑定到笔记本：先运行 bind(globals())。",
        "en": "the exercises are not bound to this notebook: run bind(globals()) first.",
    },
    "checker_crashed": {
        "zh": "检查你的答案时出错（{error}）；请检查答案的类型和形状。",
        "en": "checking your answer failed ({error}); check its type and shape.",
    },
    "no_hints": {"zh": "这道题没有提示。", "en": "This question has no hints."},
    "hint_range": {
        "zh": "只有 {total} 条提示：用 hint(1) 到 hint({total})。",
        "en": "There are {total} hints: use hint(1) to hint({total}).",
    },
    "no_solution": {"zh": "这道题没有参考答案。", "en": "This question has no solution."},
    # Comparison reasons.
    "variable": {"zh": "`{name}`：{reason}", "en": "`{name}`: {reason}"},
    "expected_got": {"zh": "应为 {expected}，你的是 {got}。", "en": "expected {expected}, got {got}."},
    "too_high": {"zh": "你的 {got} 偏大。", "en": "your {got} is too high."},
    "too_low": {"zh": "你的 {got} 偏小。", "en": "your {got} is too low."},
    "differs": {"zh": "你的 {got} 不对。", "en": "your {got} is not right."},
    "nan": {
        "zh": "你的值是 nan（不是数）；如果前面还有 ____ 没填，先把它填上。",
        "en": "your value is nan (not a number); if some ____ above is unfilled, fill it in first.",
    },
    "wrong_type": {
        "zh": "类型不对：应该是{kind}，你的是 {got_type} {got}。",
        "en": "wrong type: should be {kind}, yours is {got_type} {got}.",
    },
    "kind_number": {"zh": "一个数 (number)", "en": "a number"},
    "kind_array": {"zh": "一组数 (array)", "en": "an array of numbers"},
    "kind_series": {"zh": "一个 pandas Series", "en": "a pandas Series"},
    "kind_frame": {"zh": "一个 pandas DataFrame", "en": "a pandas DataFrame"},
    "kind_sequence": {"zh": "长度为 {n} 的列表或元组", "en": "a list or tuple of length {n}"},
    "kind_mapping": {"zh": "一个字典 (dict)", "en": "a dict"},
    "kind_function": {"zh": "一个函数 (def …)", "en": "a function (def …)"},
    "shape": {"zh": "形状 (shape) 不对：应为 {expected}，你的是 {got}。",
              "en": "wrong shape: expected {expected}, got {got}."},
    "elements": {
        "zh": "{n} 个值中有 {bad} 个不对；第一个在 {where}：{detail}",
        "en": "{bad} of {n} values are wrong; the first at {where}: {detail}",
    },
    "index": {"zh": "索引 (index) 不同：应为 {expected}，你的是 {got}。",
              "en": "the index differs: expected {expected}, got {got}."},
    "columns": {"zh": "列 (columns) 不同：缺少 {missing}，多了 {extra}。",
                "en": "the columns differ: missing {missing}, extra {extra}."},
    "column": {"zh": "列 {name!r}：{reason}", "en": "column {name!r}: {reason}"},
    "item": {"zh": "索引 [{i}]：{reason}", "en": "at index [{i}]: {reason}"},
    "keys": {"zh": "键 (keys) 不同：缺少 {missing}，多了 {extra}。",
             "en": "the keys differ: missing {missing}, extra {extra}."},
    "key": {"zh": "键 {name!r}：{reason}", "en": "key {name!r}: {reason}"},
    # Function questions.
    "call_crashed": {
        "zh": "你的函数在调用 {call} 时出错：{error}",
        "en": "your function crashed on {call}: {error}",
    },
    "call_wrong": {"zh": "调用 {call} 时，{reason}", "en": "for {call}, {reason}"},
    "call_unfinished": {
        "zh": "调用 {call} 返回了 ____：函数体还没有写完。",
        "en": "{call} returned ____: the function body is not finished.",
    },
    "assert_failed": {"zh": "答案没有通过检查。", "en": "the answer did not pass the check."},
    # No-code workbooks (no variable names, no code).
    "nc_not_attempted": {"zh": "还没有作答：填写或选择答案后，再点“检查”。",
                         "en": "not answered yet: enter or choose your answer, then press Check."},
    "nc_not_a_number": {"zh": "请只填一个数（单位已写在框旁边），你填的是“{got}”。",
                        "en": "please enter just a number (the unit is shown beside the box); you entered \u201c{got}\u201d."},
    "nc_not_an_option": {"zh": "请从给出的选项中选择。", "en": "please choose from the options given."},
    "nc_choice_wrong": {"zh": "不是这一项；看一条提示再想一想。",
                        "en": "not this one; read a hint and think again."},
    "nc_missing_options": {"zh": "还有 {n} 个该选的选项没有选。", "en": "{n} option(s) that belong are not ticked."},
    "nc_extra_options": {"zh": "多选了 {n} 个不该选的选项。", "en": "{n} ticked option(s) do not belong."},
    "nc_checker_failed": {"zh": "这道题暂时无法检查，请告诉讲师。",
                          "en": "this question cannot be checked right now; please tell the trainer."},
}


class _Setting:
    """The module-wide language; the only mutable state of the engine's text."""

    lang = "zh"


def set_language(lang: str) -> None:
    """Choose the language of the engine's own messages: ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> set_language("en"); text("label_correct")
    'Correct'
    >>> set_language("zh")
    """
    _Setting.lang = check_language(lang)


def get_language() -> str:
    """The current language of the engine's messages (``"zh"`` by default)."""
    return _Setting.lang


def check_language(lang: str) -> str:
    """Return ``lang`` if it is supported, else raise ``ValueError``."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    return lang


def text(key: str, lang: str | None = None, /, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted."""
    return MESSAGES[key][check_language(lang or _Setting.lang)].format(**fields)
