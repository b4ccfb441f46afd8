"""Kano model (卡诺模型): classify answer pairs, categorise features, Better/Worse coefficients.

Each feature is asked twice (Kano et al. 1984; questionnaire as in Berger et al. 1993):
the *functional* question (正向题: "if the service has this, how do you feel?") and the
*dysfunctional* question (反向题: "if it does not, how do you feel?"), each with five
answers, coded here 1..5:

== ============ ==================== ===================
1  like          I like it            我很喜欢 (我喜欢)
2  must-be       It must be that way  理应如此 (理所当然)
3  neutral       I am neutral         无所谓
4  live-with     I can live with it   勉强接受 (能忍受)
5  dislike       I dislike it         我很不喜欢 (我不喜欢)
== ============ ==================== ===================

The pair maps to a category through the evaluation table (:data:`EVALUATION_TABLE`,
reference/domain.md §3 after agilesoftwaredevelopment.com "Kano questionnaires" [70]):
A 魅力 attractive, O 期望 one-dimensional, M 必备 must-be, I 无差异 indifferent,
R 反向 reverse, Q 可疑 questionable. A feature's category is the most frequent one;
ties are broken M > O > A > I [74] (then R > Q, our documented choice). The
customer-satisfaction coefficients (Berger et al. 1993, after Timko) leave R and Q out:

    Better = (A + O) / (A + O + M + I)        Worse = -(O + M) / (A + O + M + I)

Answers may be given as integers 1..5, the English words or the Chinese wordings
(common variants and traditional characters accepted; see :data:`ANSWER_ALIASES`).
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from ._validation import as_float_array, check_fraction
from .kpi._records import check_records, raise_bad_rows

__all__ = [
    "ANSWERS",
    "ANSWER_WORDINGS",
    "ANSWER_ALIASES",
    "CATEGORIES",
    "CATEGORY_NAMES",
    "TIE_ORDER",
    "EVALUATION_TABLE",
    "SURVEY_COLUMNS",
    "answer_code",
    "answer_codes",
    "invalid_answers",
    "classify",
    "category_of_counts",
    "category_margin",
    "better_coefficient",
    "worse_coefficient",
    "quadrant",
    "analyze",
    "survey_from_wide",
    "wide_column",
    "WIDE_SUFFIXES",
]

#: The five answers, in code order 1..5.
ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")

#: Wordings shown to respondents: code -> (Chinese, English).
ANSWER_WORDINGS = {
    1: ("我很喜欢", "I like it"),
    2: ("理应如此", "It must be that way"),
    3: ("无所谓", "I am neutral"),
    4: ("勉强接受", "I can live with it"),
    5: ("我很不喜欢", "I dislike it"),
}

_VARIANTS = {
    1: ("like", "i like it", "like it", "我很喜欢", "我喜欢", "喜欢", "很喜欢", "我很喜歡", "我喜歡",
        "喜歡", "很喜歡"),
    2: ("must-be", "must be", "mustbe", "must", "it must be that way", "expect", "expected",
        "理应如此", "理所当然", "理應如此", "理所當然", "应该的", "應該的", "必须这样", "必須這樣"),
    3: ("neutral", "i am neutral", "i'm neutral", "indifferent", "无所谓", "無所謂", "中立", "一般"),
    4: ("live-with", "live with", "livewith", "i can live with it", "can live with it",
        "tolerate", "勉强接受", "能忍受", "可以忍受", "勉强能接受", "勉強接受", "可以接受"),
    5: ("dislike", "i dislike it", "dislike it", "我很不喜欢", "我不喜欢", "不喜欢", "很不喜欢",
        "我很不喜歡", "我不喜歡", "不喜歡", "很不喜歡"),
}


def _key(text: str) -> str:
    """Lower case, no surrounding blanks, inner runs of blanks/underscores as one space."""
    return " ".join(text.replace("_", " ").replace("\u3000", " ").split()).lower()


#: Every accepted spelling (normalised: lower case, single spaces) -> code 1..5.
ANSWER_ALIASES = {_key(word): code for code, words in _VARIANTS.items() for word in words}

#: Categories in the order of the count columns of :func:`analyze`.
CATEGORIES = ("A", "O", "M", "I", "R", "Q")

#: Category -> (Chinese, English).
CATEGORY_NAMES = {
    "A": ("魅力属性", "Attractive"),
    "O": ("期望属性", "One-dimensional"),
    "M": ("必备属性", "Must-be"),
    "I": ("无差异属性", "Indifferent"),
    "R": ("反向属性", "Reverse"),
    "Q": ("可疑结果", "Questionable"),
}

#: Tie rule: among equally frequent categories the first listed wins (M > O > A > I [74]).
TIE_ORDER = ("M", "O", "A", "I", "R", "Q")

#: Rows: functional answer 1..5; columns: dysfunctional answer 1..5 (domain.md §3, [70]).
EVALUATION_TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)

_TABLE = np.array(EVALUATION_TABLE, dtype="<U1")

#: Columns of the long survey table taken by :func:`analyze`.
SURVEY_COLUMNS = ("respondent", "feature", "functional", "dysfunctional")

_MUST = "an answer 1-5, 'like', 'must-be', 'neutral', 'live-with', 'dislike' or its Chinese wording"


def _code_or_zero(value) -> int:
    """The code 1..5 of one answer, or 0 if it is not a valid answer."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, numbers.Real):
        return int(value) if value in (1, 2, 3, 4, 5) else 0
    if isinstance(value, str):
        key = _key(value)
        if key in ANSWER_ALIASES:
            return ANSWER_ALIASES[key]
        try:
            number = float(key)
        except ValueError:
            return 0
        return int(number) if number in (1, 2, 3, 4, 5) else 0
    return 0


def answer_code(value, name: str = "answer") -> int:
    """The code 1..5 of one answer given as a number, English word or Chinese wording.

    >>> answer_code("我很喜欢"), answer_code("must be"), answer_code(3), answer_code(" 能忍受 ")
    (1, 2, 3, 4)
    >>> answer_code("maybe", "functional")
    Traceback (most recent call last):
    ...
    ValueError: functional must be an answer 1-5, 'like', 'must-be', 'neutral', 'live-with', 'dislike' or its Chinese wording, got 'maybe'
    """
    code = _code_or_zero(value)
    if not code:
        raise ValueError(f"{name} must be {_MUST}, got {value!r}")
    return code


def _codes_or_zero(values) -> np.ndarray:
    """Codes (0 = invalid) of an array of answers; each distinct answer is read once."""
    flat = pd.Series(np.asarray(values, dtype=object).ravel(), dtype=object)
    keys = flat.map(lambda v: (type(v).__name__, v) if isinstance(v, (str, numbers.Number)) else id(v))
    first = ~keys.duplicated()
    codes = pd.Series([_code_or_zero(v) for v in flat[first]], index=keys[first].to_numpy())
    return codes.reindex(keys.to_numpy()).to_numpy(np.int64).reshape(np.shape(values))


def invalid_answers(values) -> np.ndarray:
    """Boolean array: True where an answer is not valid (not 1..5 nor an accepted wording).

    For callers that report every bad row themselves (e.g. an upload check).

    >>> invalid_answers(["like", "7", "我不喜欢", None]).tolist()
    [False, True, False, True]
    """
    return _codes_or_zero(values) == 0


def answer_codes(values, name: str = "answer") -> np.ndarray:
    """Codes 1..5 (int array) of an array of answers; ``ValueError`` names the first bad one."""
    codes = _codes_or_zero(values)
    if (codes == 0).any():
        first = np.asarray(values, dtype=object)[codes == 0].flat[0]
        raise ValueError(f"{name} must be {_MUST}, got {first!r}")
    return codes


def classify(functional, dysfunctional):
    """Kano category 'A', 'O', 'M', 'I', 'R' or 'Q' of one answer pair, or an array for arrays.

    Looks the pair up in :data:`EVALUATION_TABLE` (row = functional, column =
    dysfunctional). Arrays broadcast against each other.

    >>> classify("like", "dislike"), classify(1, 3), classify("理应如此", "我很不喜欢")
    ('O', 'A', 'M')
    >>> classify([1, 3, 5], [1, 3, 5]).tolist()
    ['Q', 'I', 'Q']
    """
    if np.ndim(functional) == 0 and np.ndim(dysfunctional) == 0:
        f = answer_code(functional, "functional")
        d = answer_code(dysfunctional, "dysfunctional")
        return str(_TABLE[f - 1, d - 1])
    f = answer_codes(functional, "functional")
    d = answer_codes(dysfunctional, "dysfunctional")
    f, d = np.broadcast_arrays(f, d)
    return _TABLE[f - 1, d - 1]


def category_of_counts(counts) -> str:
    """The category with the most answers; ties broken by :data:`TIE_ORDER` (M > O > A > I).

    ``counts`` maps each category letter to its count (missing letters count 0).

    >>> category_of_counts({"A": 10, "O": 12, "M": 12, "I": 3})
    'M'
    """
    values = {c: counts.get(c, 0) for c in CATEGORIES}
    if any(not isinstance(v, numbers.Real) or v < 0 for v in values.values()):
        raise ValueError(f"counts must be numbers >= 0, got {dict(counts)!r}")
    if sum(values.values()) == 0:
        raise ValueError(f"counts must hold at least one answer, got {dict(counts)!r}")
    top = max(values.values())
    return next(c for c in TIE_ORDER if values[c] == top)


#: Largest count accepted by the coefficients (sums stay exact in a float below 2**53).
MAX_COUNT = 1e15


def _counts(a, o, m, i):
    arrays = []
    for name, x in zip("aomi", (a, o, m, i)):
        arr = np.asarray(x, dtype=float) if not isinstance(x, (str, bytes)) else None
        if arr is None or arr.dtype.kind not in "fiub":
            raise TypeError(f"{name} must be a count or an array of counts, got {x!r}")
        bad = ~((arr >= 0) & (arr <= MAX_COUNT))  # NaN, inf and negatives fail
        if bad.any():
            first = arr[bad].flat[0].item() if arr.ndim else arr.item()
            raise ValueError(f"{name} must be a count >= 0 and at most {MAX_COUNT:.0e}, got {first!r}")
        arrays.append(arr)
    total = arrays[0] + arrays[1] + arrays[2] + arrays[3]
    if total.ndim == 0 and total == 0:
        raise ValueError("a must be above 0 when o, m and i are all 0 (A + O + M + I = 0 makes the "
                         "coefficient 0/0, undefined: only R or Q answers, or none), got 0")
    return arrays, np.where(total > 0, total, np.nan)


def _out(value):
    return float(value) if np.ndim(value) == 0 else value


def better_coefficient(a, o, m, i):
    """Better (satisfaction) coefficient (A + O) / (A + O + M + I), in [0, 1].

    Berger et al. (1993); R and Q answers are left out. Counts must be finite, 0 to
    :data:`MAX_COUNT`. With no A, O, M or I answer the coefficient is 0/0: one set of counts
    raises ``ValueError`` saying so; in arrays (one feature per element, as in :func:`analyze`)
    that feature's coefficient is NaN and the others are computed.

    >>> better_coefficient(40, 30, 20, 10)
    0.7
    """
    (a, o, m, i), total = _counts(a, o, m, i)
    return _out((a + o) / total)


def worse_coefficient(a, o, m, i):
    """Worse (dissatisfaction) coefficient -(O + M) / (A + O + M + I), in [-1, 0].

    Same counts and the same 0/0 rule as :func:`better_coefficient`.

    >>> worse_coefficient(40, 30, 20, 10)
    -0.5
    """
    (a, o, m, i), total = _counts(a, o, m, i)
    return _out(-(o + m) / total + 0.0)  # + 0.0: no negative zero


def _coefficient(name: str, value) -> np.ndarray:
    """|value| as a float array: each in [-1, 1] or NaN (a feature without A/O/M/I answers)."""
    arr = as_float_array(name, value) if np.ndim(value) == 0 else np.asarray(value, dtype=float)
    bad = ~np.isnan(arr) & ~((arr >= -1) & (arr <= 1))
    if bad.any():
        raise ValueError(f"{name} must be a coefficient from -1 to 1, got {arr[bad].flat[0].item()!r}")
    return np.abs(arr)


def quadrant(better, worse, better_split=0.5, worse_split=0.5):
    """Quadrant of the Better / |Worse| chart: 'O' high/high, 'A' high Better only,
    'M' high |Worse| only, 'I' low/low (domain.md §3 [73]).

    A value equal to its split counts as high. Splits are 0.5 by default (fractions in
    [0, 1]); pass the features' means to split there instead. In arrays, a feature whose
    coefficient is NaN (no A, O, M or I answer) has no quadrant: ''. A single NaN raises.

    >>> quadrant(0.7, -0.5), quadrant(0.7, -0.2), quadrant(0.3, -0.8), quadrant(0.2, -0.1)
    ('O', 'A', 'M', 'I')
    """
    b, w = _coefficient("better", better), _coefficient("worse", worse)
    bs = float(check_fraction("better_split", better_split))
    ws = float(check_fraction("worse_split", worse_split))
    labels = np.where(b >= bs, np.where(w >= ws, "O", "A"), np.where(w >= ws, "M", "I"))
    labels = np.where(np.isnan(b) | np.isnan(w), "", labels)
    return str(labels) if labels.ndim == 0 else labels


#: Column-name endings that mark a wide survey's functional / dysfunctional columns.
WIDE_SUFFIXES = {
    "dysfunctional": ("dysfunctional", "反向题", "反向", "不具备"),
    "functional": ("functional", "正向题", "正向", "具备"),
}


def wide_column(name: str):
    """(feature, 'functional' | 'dysfunctional') for a wide survey column, else None.

    >>> wide_column("callback_dysfunctional"), wide_column("回拨（正向）"), wide_column("segment")
    (('callback', 'dysfunctional'), ('回拨', 'functional'), None)
    """
    text = str(name).strip().rstrip(")）]】").strip()
    for kind in ("dysfunctional", "functional"):  # 'dysfunctional' ends with 'functional'
        for suffix in WIDE_SUFFIXES[kind]:
            if text.lower().endswith(suffix) and len(text) > len(suffix):
                feature = text[: len(text) - len(suffix)].rstrip(" _-:：（(【[").strip()
                if feature:
                    return feature, kind
    return None


def survey_from_wide(frame: pd.DataFrame, respondent: str | None = None,
                     keep=()) -> pd.DataFrame:
    """The long survey table (:data:`SURVEY_COLUMNS`) from a wide one, as survey tools export it.

    Wide: one row per respondent, two columns per feature named ``<feature>_functional``
    and ``<feature>_dysfunctional`` (or ``<feature>_正向`` / ``<feature>_反向``,
    ``正向题`` / ``反向题``, ``具备`` / ``不具备``; separators ``_``, ``-``, space or none).
    ``respondent`` names the id column (default: row numbers 1, 2, ...); columns in
    ``keep`` (e.g. a segment) are carried to every row. Features come in column order.

    >>> wide = pd.DataFrame({"id": ["r1", "r2"], "回拨_正向": [1, 3], "回拨_反向": [5, 3]})
    >>> survey_from_wide(wide, respondent="id").values.tolist()
    [['r1', '回拨', 1, 5], ['r2', '回拨', 3, 3]]
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__!r}")
    pairs: dict = {}
    for column in frame.columns:
        found = wide_column(column)
        if found is not None:
            pairs.setdefault(found[0], {})[found[1]] = column
    complete = {f: cols for f, cols in pairs.items() if len(cols) == 2}
    if not complete:
        raise ValueError("frame must have column pairs such as 'callback_functional' and "
                         f"'callback_dysfunctional', got {list(frame.columns)!r}")
    check_records(frame, [c for c in [respondent, *keep] if c is not None])
    ids = frame[respondent] if respondent is not None else pd.Series(range(1, len(frame) + 1))
    parts = [pd.DataFrame({"respondent": ids.to_numpy(), "feature": feature,
                           "functional": frame[cols["functional"]].to_numpy(),
                           "dysfunctional": frame[cols["dysfunctional"]].to_numpy(),
                           **{k: frame[k].to_numpy() for k in keep}})
             for feature, cols in complete.items()]
    order = pd.concat(parts, keys=range(len(parts)), names=["_f", "_row"]).reset_index()
    order = order.sort_values(["_row", "_f"], kind="stable").drop(columns=["_f", "_row"])
    return order.reset_index(drop=True)


def _survey_codes(survey: pd.DataFrame, column: str) -> np.ndarray:
    codes = _codes_or_zero(survey[column].to_numpy(dtype=object))
    raise_bad_rows(column, _MUST, survey[column], codes == 0)
    return codes


def _check_survey(survey) -> None:
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"survey must be a pandas DataFrame, got {type(survey).__name__!r}")
    check_records(survey, SURVEY_COLUMNS)
    for column in ("respondent", "feature"):
        raw = survey[column]
        blank = raw.isna() | (raw.astype("string").str.strip() == "").fillna(True)
        raise_bad_rows(column, "present", raw, blank.to_numpy())
    pair = survey[["respondent", "feature"]].astype(str)
    twice = pair.duplicated(keep=False).to_numpy()
    raise_bad_rows("respondent", "answered once per feature", survey["respondent"], twice)


def category_margin(result: pd.DataFrame) -> pd.Series:
    """Lead of each feature's category: (top count - second count) / all answers, in [0, 1].

    ``result`` has the count columns ``A, O, M, I, R, Q`` (e.g. from :func:`analyze`). A
    small margin means a handful of respondents could flip the category (this kit reads
    under 0.02 as a close call and looks at segments before deciding); 0 is a tie, broken
    by :data:`TIE_ORDER`. NaN for a feature without answers.

    >>> r = pd.DataFrame({"A": [106, 5], "O": [43, 0], "M": [25, 0], "I": [104, 5], "R": [13, 0],
    ...                   "Q": [9, 0]}, index=["same_agent", "tie"])
    >>> category_margin(r).round(4).tolist()
    [0.0067, 0.0]
    """
    check_records(result, CATEGORIES)
    counts = result[list(CATEGORIES)].apply(pd.to_numeric, errors="coerce")
    top_two = -np.sort(-counts.to_numpy(float), axis=1)[:, :2]
    total = counts.sum(axis=1).to_numpy(float)
    margin = (top_two[:, 0] - top_two[:, 1]) / np.where(total > 0, total, np.nan)
    return pd.Series(margin, index=result.index, name="margin")


def analyze(survey: pd.DataFrame, by=None) -> pd.DataFrame:
    """Per-feature Kano result: counts A, O, M, I, R, Q, the category, Better and Worse.

    ``survey`` is a long table, one row per respondent and feature, with columns
    :data:`SURVEY_COLUMNS` (answers in any accepted spelling; other columns such as a
    segment are kept for ``by``). ``by`` (a column name or list) analyses each group
    separately (index: the group keys, then ``feature``).

    Returns a DataFrame indexed by ``feature`` (in order of first appearance) with
    int columns ``A, O, M, I, R, Q``, ``category`` (mode, ties M > O > A > I > R > Q),
    ``better`` = (A + O)/(A + O + M + I) and ``worse`` = -(O + M)/(A + O + M + I)
    (NaN if a feature has only R and Q answers). A bad answer raises ``ValueError``
    naming the column and the rows, e.g. "functional must be an answer 1-5, ..., got 7
    in row 2".

    >>> survey = pd.DataFrame({"respondent": [1, 2, 3, 1, 2, 3], "feature": list("xxxyyy"),
    ...     "functional": [1, 1, 2, "like", "like", "neutral"],
    ...     "dysfunctional": [5, 3, 5, "neutral", "neutral", "neutral"]})
    >>> analyze(survey)  # doctest: +NORMALIZE_WHITESPACE
             A  O  M  I  R  Q category    better     worse
    feature
    x        1  1  1  0  0  0        M  0.666667 -0.666667
    y        2  0  0  1  0  0        A  0.666667  0.000000
    """
    _check_survey(survey)
    names = [] if by is None else [by] if isinstance(by, str) else list(by)
    check_records(survey, names)
    cats = _TABLE[_survey_codes(survey, "functional") - 1, _survey_codes(survey, "dysfunctional") - 1]
    long = survey[names + ["feature"]].assign(_cat=pd.Categorical(cats, categories=CATEGORIES))
    counts = long.groupby(names + ["feature"], sort=False, observed=True)["_cat"]
    table = counts.value_counts(sort=False).unstack("_cat", fill_value=0)
    table = table.reindex(columns=list(CATEGORIES), fill_value=0).astype("int64")
    table.columns.name = None
    table["category"] = [category_of_counts(row) for row in table[list(CATEGORIES)].to_dict("records")]
    table["better"] = better_coefficient(table["A"], table["O"], table["M"], table["I"])
    table["worse"] = worse_coefficient(table["A"], table["O"], table["M"], table["I"])
    return table
