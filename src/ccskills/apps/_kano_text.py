"""How the Kano analyser reads: labels (zh/en), the result table, Excel sheets.

Formatting only; every number comes from :mod:`ccskills.kano`.
"""

from __future__ import annotations

import html

import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import COUNT, Setting, with_inputs
from ccskills.kano import CATEGORIES, CATEGORY_NAMES, category_margin

__all__ = ["TEXT", "ERRORS", "STYLE", "t", "result_table_html", "excel_sheets",
           "category_label", "segment_label", "is_close", "SEGMENT_LABELS"]

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Kano 分析器", "Kano analyser"),
    "source": ("数据", "Data"),
    "source_sample": ("套件的问卷（300 位客户 × 7 项客服功能）",
                      "The kit's survey (300 customers × 7 service features)"),
    "source_upload": ("上传我的问卷（CSV 或 Excel）", "Upload my survey (CSV or Excel)"),
    "upload": ("选择文件", "Choose file"),
    "upload_help": (
        "长表，每行一位受访者对一项功能的回答：列 respondent、feature、functional、dysfunctional"
        "（也可用 受访者、功能、正向题、反向题）；或宽表，每行一位受访者、每项功能两列（如 回拨_正向、"
        "回拨_反向）。可另加 segment（分群）列。回答写 1–5、"
        "like / must-be / neutral / live-with / dislike，或 我很喜欢 / 理应如此 / 无所谓 / 勉强接受 / "
        "我很不喜欢（我喜欢、理所当然、能忍受、我不喜欢 也可以）。",
        "A long table, one row per respondent and feature: columns respondent, feature, functional, "
        "dysfunctional (Chinese headers work too); or a wide table, one row per respondent and "
        "two columns per feature (callback_functional, callback_dysfunctional). Optionally a segment "
        "column. Answers as 1–5, "
        "like / must-be / neutral / live-with / dislike, or the Chinese wordings."),
    "segment": ("客户分群", "Segment"),
    "all_segments": ("全部受访者", "All respondents"),
    "split": ("象限分界", "Quadrant split"),
    "split_half": ("0.5", "0.5"),
    "split_mean": ("各功能的平均值", "Features' mean"),
    "waiting_upload": ("请选择一个文件。", "Choose a file to upload."),
    "computing": ("计算中…", "Computing…"),
    "done_sample": ("已分析套件的问卷：{respondents} 位受访者，{features} 项功能。",
                    "Analysed the kit's survey: {respondents} respondents, {features} features."),
    "done_upload": ("已分析“{name}”：{respondents} 位受访者，{features} 项功能。",
                    "Analysed “{name}”: {respondents} respondents, {features} features."),
    "respondents": ("受访者", "Respondents"),
    "features": ("功能数", "Features"),
    "feature": ("功能", "Feature"),
    "feature_id": ("功能编号", "feature_id"),
    "category": ("类别", "Category"),
    "better": ("Better 满意系数", "Better"),
    "worse": ("Worse 不满意系数", "Worse"),
    "table_caption": ("每项功能的 Kano 类别（众数；同票时 M > O > A > I）",
                      "Kano category per feature (mode; ties M > O > A > I)"),
    "close_call": ("票数接近", "close call"),
    "download_excel": ("下载 Excel 报告", "Download Excel report"),
    "excel_file": ("Kano分析", "kano_analysis"),
    "template_file": ("Kano问卷_上传示例", "kano_survey_upload_example"),
    "sheet_result": ("Kano结果", "result"),
    "sheet_codes": ("回答编码", "answer codes"),
    "code": ("编码", "Code"),
    "wording_zh": ("中文措辞", "Chinese wording"),
    "wording_en": ("英文措辞", "English wording"),
    "bad_answer": ("“{column}”列的回答必须是 1–5、like/must-be/neutral/live-with/dislike 或中文措辞"
                   "（我很喜欢、理应如此、无所谓、勉强接受、我很不喜欢）；{rows}是“{value}”。",
                   'Column "{column}" must hold answers 1–5, like/must-be/neutral/live-with/dislike '
                   'or the Chinese wordings; {rows} has "{value}".'),
    "repeated": ("同一位受访者对同一项功能只能回答一次；“{column}”列的“{value}”重复出现在{rows}。",
                 'Each respondent answers each feature once; "{value}" in column "{column}" repeats '
                 'in {rows}.'),
    "unexpected": ("出现意外错误（{kind}），请检查文件。", "Unexpected error ({kind}); please check the file."),
}

ERRORS: dict[str, tuple[str, str]] = {
    "survey": ("问卷表格式不对：需要列 respondent、feature、functional、dysfunctional。",
               "The survey table needs columns respondent, feature, functional, dysfunctional."),
    "split": ("象限分界必须是 0 到 1 之间的数或“平均值”。", "The split must be a number in (0, 1) or the mean."),
}
"""Calculator sentences for library errors, by parameter name (for ``i18n.error_message``)."""

CLOSE_MARGIN = 0.02
"""A category leading by less than this share of a feature's answers is flagged 'close call'
(:func:`ccskills.kano.category_margin`)."""

STYLE = style("""
.ccs-kano-analyser { font-family: var(--ccs-font-family, system-ui, sans-serif); }
table.ccs-kano-table { border-collapse: collapse; font-size: 13px; margin: 6px 24px 6px 0; }
table.ccs-kano-table th, table.ccs-kano-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
table.ccs-kano-table td:first-child, table.ccs-kano-table th:first-child { text-align: left; }
table.ccs-kano-table td.ccs-category { text-align: left; font-weight: 600; }
table.ccs-kano-table tr.ccs-close td.ccs-category { color: #b45309; }
""")


def t(key: str, lang: str, **fields) -> str:
    """The text ``key`` in ``lang`` ("zh" or "en"), with ``fields`` filled in."""
    return TEXT[key][1 if lang == "en" else 0].format(**fields)


def category_label(letter: str, lang: str) -> str:
    """'魅力属性 A' / 'Attractive A'."""
    return f"{CATEGORY_NAMES[letter][1 if lang == 'en' else 0]} {letter}"


SEGMENT_LABELS = {"individual": ("个人客户", "Individual customers"),
                  "business": ("企业客户", "Business customers"),
                  "senior": ("老年客户", "Senior customers")}
"""Names of the kit's survey segments; uploaded segments are shown as written."""


def segment_label(segment: str, lang: str) -> str:
    """The segment's name in ``lang`` for the kit's segments, else the segment as written."""
    names = SEGMENT_LABELS.get(segment)
    return names[1 if lang == "en" else 0] if names else str(segment)


def is_close(row: pd.Series) -> bool:
    """True when a feature's category leads by less than :data:`CLOSE_MARGIN` of its answers."""
    margin = category_margin(row.to_frame().T).iloc[0]
    return bool(margin < CLOSE_MARGIN)


def _fmt(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:.2f}"


def result_table_html(result: pd.DataFrame, labels: dict, lang: str) -> str:
    """One row per feature: counts A..Q, the category (close calls marked), Better and Worse."""
    head = [t("feature", lang), *CATEGORIES, t("category", lang), t("better", lang), t("worse", lang)]
    body = []
    for key, row in result.iterrows():
        name = labels.get(key, key) if not isinstance(key, tuple) else " · ".join(map(str, key))
        close = is_close(row)
        note = f" ({t('close_call', lang)})" if close else ""
        cells = [f"<td>{html.escape(str(name))}</td>"]
        cells += [f"<td>{int(row[c])}</td>" for c in CATEGORIES]
        cells += [f'<td class="ccs-category">{html.escape(category_label(row["category"], lang) + note)}</td>',
                  f"<td>{_fmt(row['better'])}</td>", f"<td>{_fmt(row['worse'])}</td>"]
        css = ' class="ccs-close"' if close else ""
        body.append(f'<tr{css} data-feature="{html.escape(str(key))}">' + "".join(cells) + "</tr>")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return (f'<table class="ccs-kano-table"><caption>{html.escape(t("table_caption", lang))}</caption>'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def excel_sheets(result: pd.DataFrame, labels: dict, lang: str,
                 settings: list[Setting] | None = None) -> tuple[dict, dict]:
    """Sheets of the report (the result per feature with names, the answer codes, the inputs)
    and the options for :func:`ccskills.io.excel_bytes`."""
    from ccskills.kano import ANSWER_WORDINGS

    table = result.reset_index()
    table.insert(0, t("feature", lang), [labels.get(f, f) for f in table["feature"]])
    table["category"] = [category_label(c, lang) for c in table["category"]]
    table = table.rename(columns={"category": t("category", lang), "better": t("better", lang),
                                  "worse": t("worse", lang), "feature": t("feature_id", lang)})
    codes = pd.DataFrame([(c, zh, en) for c, (zh, en) in ANSWER_WORDINGS.items()],
                         columns=[t("code", lang), t("wording_zh", lang), t("wording_en", lang)])
    formats = {t("sheet_result", lang): {t("better", lang): "0.00", t("worse", lang): "0.00",
                                         **{c: COUNT for c in CATEGORIES}},
               t("sheet_codes", lang): {t("code", lang): "0"}}
    return with_inputs({t("sheet_result", lang): table, t("sheet_codes", lang): codes}, settings or [], lang,
                       number_formats=formats)


# The one-page report ----------------------------------------------------------------------------

TEXT.update({
    "report_title": ("Kano 分析报告：{source}", "Kano analysis report: {source}"),
    "report_source_sample": ("套件的问卷", "the kit's survey"),
    "report_close": ("接近的分类", "Close calls"),
    "report_close_note": ("领先不到全部回答的 {margin}", "leading by less than {margin} of the answers"),
    "assume_table": ("每位受访者对一个功能的正向题与反向题答案，按 Kano 评价表归入{categories}（Kano 等 1984）。",
                     "Each respondent's functional and dysfunctional answers for a feature are placed by the Kano "
                     "evaluation table as {categories} (Kano et al. 1984)."),
    "assume_mode": ("功能的分类取人数最多的类别；并列时按 M > O > A > I > R > Q 取前者；领先不到全部回答的 {margin} "
                    "标为“接近”。",
                    "A feature's category is its most frequent one; ties go M > O > A > I > R > Q; a lead of less "
                    "than {margin} of the answers is marked a close call."),
    "assume_better": ("Better = (A + O) / (A + O + M + I)，Worse = −(O + M) / (A + O + M + I)（Berger 等 1993），"
                      "R 与 Q 不计入；象限图的分界为 {split}。",
                      "Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I) (Berger et al. 1993), "
                      "R and Q left out; the quadrant chart splits at {split}."),
    "split_at_mean": ("各功能的平均值", "the features' mean"),
})


def result_frame(result: pd.DataFrame, labels: dict, lang: str) -> pd.DataFrame:
    """The result table on screen as text (feature, counts, category, Better, Worse), for the report."""
    rows = []
    for key, row in result.iterrows():
        note = f" ({t('close_call', lang)})" if is_close(row) else ""
        rows.append([str(labels.get(key, key)), *[int(row[c]) for c in CATEGORIES],
                     category_label(row["category"], lang) + note, _fmt(row["better"]), _fmt(row["worse"])])
    return pd.DataFrame(rows, columns=[t("feature", lang), *CATEGORIES, t("category", lang), t("better", lang),
                                       t("worse", lang)])


def report_results(result: pd.DataFrame, labels: dict, respondents: int, lang: str) -> list[tuple[str, str, str]]:
    """Respondents, features, the features of each category, and the close calls."""
    sep = "、" if lang == "zh" else ", "
    out = [(t("respondents", lang), f"{respondents:,}", ""), (t("features", lang), str(len(result)), "")]
    for letter in CATEGORIES:
        names = [str(labels.get(k, k)) for k in result.index[result["category"] == letter]]
        if names:
            out.append((category_label(letter, lang), sep.join(names), ""))
    close = [str(labels.get(k, k)) for k, row in result.iterrows() if is_close(row)]
    out.append((t("report_close", lang), sep.join(close) or "—",
                t("report_close_note", lang, margin=f"{CLOSE_MARGIN:.0%}")))
    return out


def report_assumptions(split, lang: str) -> list[str]:
    """The classification rule, Better/Worse and the quadrant split, in words."""
    where = t("split_at_mean", lang) if split == "mean" else f"{float(split):g}"
    categories = ("、" if lang == "zh" else ", ").join(category_label(c, lang) for c in CATEGORIES)
    return [t("assume_table", lang, categories=categories), t("assume_mode", lang, margin=f"{CLOSE_MARGIN:.0%}"),
            t("assume_better", lang, split=where)]


# What an upload was read as -----------------------------------------------------------------------

TEXT.update({"respondent": ("受访者", "Respondent"), "functional": ("正向题", "Functional question"),
             "dysfunctional": ("反向题", "Dysfunctional question"),
             "wide_answer": ("“{feature}”的{side}", "{side} of '{feature}'")})


def upload_preview(raw: pd.DataFrame, aliases: dict, segment_names, name: str, lang: str) -> str:
    """What an uploaded survey was read as: rows, which column became what (long: respondent, feature,
    the two answers, segment; wide: each feature's two answers), the first rows as in the file."""
    from ccskills.apps._preview import preview_html
    from ccskills.kano import wide_column

    columns = {}
    for column in raw.columns:
        field = aliases.get(str(column).strip(), str(column).strip().lower())
        wide = wide_column(column)
        if str(column).strip().lower() in segment_names:
            columns[str(column)] = t("segment", lang)
        elif field in ("respondent", "feature", "functional", "dysfunctional"):
            columns[str(column)] = t(field, lang)
        elif wide is not None:
            columns[str(column)] = t("wide_answer", lang, feature=wide[0], side=t(wide[1], lang))
    return preview_html(raw, lang, source=name, rows_read=len(raw), columns=columns)
