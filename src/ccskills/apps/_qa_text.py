"""How the QA scorecard & calibration calculator reads: labels (zh/en), tables, the chart, Excel sheets.

Formatting only; every number comes from :mod:`ccskills.quality`.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import COUNT, PERCENT, Setting, with_inputs
from ccskills.charts import themed
from ccskills.formatting import format_number, format_percent
from ccskills.quality import CalibrationSummary, icc_band, kappa_band
from ccskills.quality.calibration import AGREED_WITHIN, RECALIBRATE_BELOW  # re-exported: the page reads them here

__all__ = ["TEXT", "ERRORS", "STYLE", "t", "section_table_html", "deviation_chart",
           "deviation_table_html", "excel_sheets", "kind_names", "AGREED_WITHIN",
           "RECALIBRATE_BELOW", "calibration_settings", "report_results", "deviation_frame",
           "report_assumptions", "report", "upload_preview"]


TEXT: dict[str, tuple[str, str]] = {
    "title": ("质检评分表与校准计算器", "QA scorecard & calibration calculator"),
    "tab_score": ("给一通电话打分", "Score a call"),
    "tab_calibration": ("校准会分析", "Calibration round"),
    "score_help": ("勾选达标的评分项；下方“致命错误”中勾选出现的错误——任一致命错误使得分归零。",
                   "Tick the items the call met; under “Critical errors” tick any error that "
                   "occurred — one critical error sets the score to 0."),
    "critical_header": ("致命错误（一票否决）", "Critical errors (score set to 0)"),
    "points": ("分", "pts"),
    "score": ("得分", "Score"),
    "raw_score": ("原始分（不计致命错误）", "Raw score (before critical errors)"),
    "critical": ("致命错误", "Critical errors"),
    "none": ("无", "none"),
    "kind_customer": ("客户", "customer"),
    "kind_business": ("业务", "business"),
    "kind_compliance": ("合规", "compliance"),
    "section": ("维度", "Dimension"),
    "earned": ("得分", "Points"),
    "max_points": ("满分", "Max"),
    "total": ("合计", "Total"),
    "source": ("数据", "Data"),
    "source_sample": ("套件的校准会（12 通电话 × 6 位质检员 + 标准答案）",
                      "The kit's round (12 calls × 6 analysts + master)"),
    "source_upload": ("上传我的校准会（CSV 或 Excel）", "Upload my round (CSV or Excel)"),
    "upload": ("选择文件", "Choose file"),
    "upload_help": (
        "两种格式任选：① 分数表：第一列是通话编号，其余每列一位质检员的得分（0–100），"
        "标准答案一列的列名写 master 或 标准答案；② 逐项表：列 call_id、analyst_id、item_id、passed"
        "（也可用 通话、质检员、评分项、是否达标），评分项用本评分表的 item_id。",
        "Either format: ① a score table: first column the call ID, then one column per analyst "
        "with scores 0–100, the reference column named master or reference (its Chinese name works too); ② an item table with "
        "columns call_id, analyst_id, item_id, passed, using this scorecard's item_id values."),
    "waiting_upload": ("请选择一个文件。", "Choose a file to upload."),
    "computing": ("计算中…", "Computing…"),
    "done_sample": ("已分析套件的校准会：{calls} 通电话，{analysts} 位质检员。",
                    "Analysed the kit's round: {calls} calls, {analysts} analysts."),
    "done_upload": ("已分析“{name}”：{calls} 通电话，{analysts} 位质检员。",
                    "Analysed “{name}”: {calls} calls, {analysts} analysts."),
    "mean_reference": ("（文件中没有标准答案列，用各质检员的平均分代替。）",
                       " (No reference column in the file: the analysts' mean stands in.)"),
    "icc": ("分数一致性 ICC(2,1)", "Score agreement ICC(2,1)"),
    "kappa": ("逐项判定一致性 Fleiss κ", "Item agreement Fleiss κ"),
    "kappa_na": ("需逐项表", "needs item table"),
    "calls": ("通话数", "Calls"),
    "analysts": ("质检员数", "Analysts"),
    "analyst": ("质检员", "Analyst"),
    "call": ("通话", "Call"),
    "mean_deviation": ("平均偏差（分）", "Mean deviation (pts)"),
    "mean_abs_deviation": ("平均绝对偏差", "Mean abs. deviation"),
    "sd_deviation": ("偏差标准差", "SD of deviation"),
    "within_tolerance": ("±10 分内占比", "Within ±10 pts"),
    "tolerance": ("容差（与标准答案相差多少分以内算一致）", "Tolerance (points from the reference that still agree)"),
    "verdict": ("判断", "Verdict"),
    "ok": ("已校准", "calibrated"),
    "borderline": ("临界，下次校准重点关注", "borderline: watch next round"),
    "lenient": ("偏松，需重新校准", "lenient: recalibrate"),
    "harsh": ("偏严，需重新校准", "harsh: recalibrate"),
    "inconsistent": ("不稳定，需重新校准", "inconsistent: recalibrate"),
    "deviation_axis": ("与标准答案的偏差（分）", "Deviation from reference (pts)"),
    "template_file": ("校准会_上传示例", "calibration_upload_example"),
    "chart_title": ("各质检员每通电话与标准答案的偏差（绿色带：±{tol} 分）",
                    "Each analyst's deviation from the reference per call (green band: ±{tol} pts)"),
    "table_caption": ("各质检员与标准答案的偏差", "Each analyst against the reference"),
    "download_excel": ("下载 Excel 报告", "Download Excel report"),
    "excel_file": ("校准会报告", "calibration_report"),
    "sheet_scores": ("分数表", "scores"),
    "sheet_deviation": ("偏差", "deviation"),
    "sheet_agreement": ("一致性", "agreement"),
    "sheet_call": ("单通评分", "call score"),
    "measure": ("指标", "Measure"),
    "value": ("数值", "Value"),
    "band": ("分级", "Band"),
    "reference": ("标准答案", "Reference"),
    "too_small": ("校准会至少需要 2 通电话和 2 位质检员；文件中有 {calls} 通电话、{analysts} 位质检员。",
                  "A calibration round needs at least 2 calls and 2 analysts; the file has "
                  "{calls} calls and {analysts} analysts."),
    "above_maximum": ("“{column}”列的得分应在 0–100 之间；{rows}是 {value}。",
                      'Column "{column}" must hold scores from 0 to 100; {rows} has {value}.'),
    "unexpected": ("出现意外错误（{kind}），请检查输入。", "Unexpected error ({kind}); please check the input."),
}

ERRORS: dict[str, tuple[str, str]] = {
    "results": ("逐项表中每位质检员对每通电话都要评完评分表的全部评分项，且每项只出现一次。",
                "In the item table every analyst must score every scorecard item of every call, "
                "each item once."),
    "scored": ("每位质检员都要给每通电话打分（不能有空缺或重复）。",
               "Every analyst must score every call (no gaps, no repeats)."),
    "scores": ("分数表至少需要 2 通电话和 2 位质检员，且不能有空缺。",
               "The score table needs at least 2 calls and 2 analysts, without gaps."),
    "ratings": ("逐项判定表至少需要 2 个判定对象和 2 位质检员。",
                "The decisions need at least 2 items and 2 analysts."),
}
"""Calculator sentences for library errors, by parameter name (for ``i18n.error_message``)."""

STYLE = style("""
.ccs-qa-calculator { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-card-note { color: #57606a; font-size: 12px; }
.ccs-qa-score .ccs-card-value { color: #1f6fb4; }
.ccs-section-title { font-weight: 600; margin: 6px 0 0 0; }
table.ccs-qa-table { border-collapse: collapse; font-size: 13px; margin: 6px 24px 6px 0; }
table.ccs-qa-table th, table.ccs-qa-table td { padding: 3px 8px; text-align: right;
  border-bottom: 1px solid #e5e7eb; }
table.ccs-qa-table td:first-child, table.ccs-qa-table th:first-child { text-align: left; }
table.ccs-qa-table tr.ccs-flagged { background: #fdecea; }
table.ccs-qa-table tr.ccs-borderline { background: #fff8e1; }
""")


def t(key: str, lang: str, **fields) -> str:
    """The text ``key`` in ``lang`` ("zh" or "en"), with ``fields`` filled in."""
    return TEXT[key][1 if lang == "en" else 0].format(**fields)


def kind_names(kinds, lang: str) -> str:
    """Critical kinds as words ("合规、客户"), or "无"/"none"."""
    if not kinds:
        return t("none", lang)
    return ("、" if lang == "zh" else ", ").join(t(f"kind_{k}", lang) for k in kinds)


def _table(caption: str, head: list[str], rows: list[tuple[str, list[str]]], css: str) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(f'<tr{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>'
                   + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for cls, row in rows)
    return (f'<table class="ccs-qa-table {css}"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>")


def section_table_html(sections: pd.DataFrame, names: dict, lang: str) -> str:
    """Points per dimension of one scored call (before critical errors)."""
    rows = [("", [names.get(s, s), format_number(r["points"], 0 if float(r["points"]).is_integer() else 1),
                  format_number(r["max_points"], 0)]) for s, r in sections.iterrows()]
    rows.append(("ccs-total", [t("total", lang), format_number(sections["points"].sum(), 1),
                               format_number(sections["max_points"].sum(), 0)]))
    return _table(t("raw_score", lang), [t("section", lang), t("earned", lang), t("max_points", lang)],
                  rows, "ccs-section-table")


def verdict(row: pd.Series, tolerance: float, lang: str) -> str:
    """Calibrated, lenient, harsh or inconsistent, from one analyst's deviation row."""
    if row["within_tolerance"] >= AGREED_WITHIN:
        return t("ok", lang)
    if row["within_tolerance"] >= RECALIBRATE_BELOW:
        return t("borderline", lang)
    if abs(row["mean_deviation"]) > tolerance / 2:
        return t("lenient" if row["mean_deviation"] > 0 else "harsh", lang)
    return t("inconsistent", lang)


def deviation_table_html(summary: CalibrationSummary, lang: str, tolerance: float = 10.0) -> str:
    """Per analyst: deviation measures and a verdict; rows needing recalibration are flagged."""
    head, rows = _deviation_rows(summary, lang, tolerance)
    return _table(t("table_caption", lang), head, rows, "ccs-deviation-table")


def _deviation_rows(summary: CalibrationSummary, lang: str, tolerance: float):
    """(headers, [(css class, cells)]) of the per-analyst table."""
    rows = []
    for analyst, r in summary.deviation.iterrows():
        css = ("ccs-flagged" if r["within_tolerance"] < RECALIBRATE_BELOW else
               "ccs-borderline" if r["within_tolerance"] < AGREED_WITHIN else "")
        rows.append((css,
                     [str(analyst), f"{r['mean_deviation']:+.1f}", f"{r['mean_abs_deviation']:.1f}",
                      format_number(r["sd_deviation"], 1), format_percent(r["within_tolerance"], 0),
                      verdict(r, tolerance, lang)]))
    head = [t(k, lang) for k in ("analyst", "mean_deviation", "mean_abs_deviation", "sd_deviation",
                                 "within_tolerance", "verdict")]
    return head, rows


def agreement_frame(summary: CalibrationSummary, lang: str) -> pd.DataFrame:
    """ICC forms and Fleiss' kappa with their bands, for the Excel sheet."""
    rows = [(form, value, icc_band(value, lang) if pd.notna(value) and -1 <= value <= 1 else "")
            for form, value in summary.icc.items()]
    k = summary.kappa
    rows.append(("Fleiss kappa", k, kappa_band(k, lang) if pd.notna(k) else ""))
    return pd.DataFrame(rows, columns=[t("measure", lang), t("value", lang), t("band", lang)])


def excel_sheets(summary: CalibrationSummary, lang: str, tolerance: float = 10.0,
                 source: str = "") -> tuple[dict, dict]:
    """Sheets of the calibration report (scores with the reference, deviation, agreement, inputs)
    and the options for :func:`ccskills.io.excel_bytes`: numbers unrounded, shares as percent."""
    scores = summary.scores.copy()
    scores[t("reference", lang)] = summary.reference
    scores.index.name = t("call", lang)
    dev = summary.deviation.copy()
    dev["verdict"] = [verdict(r, tolerance, lang) for _, r in dev.iterrows()]
    dev = dev.drop(columns="calls")
    dev.columns = [t(k, lang) for k in ("mean_deviation", "mean_abs_deviation", "sd_deviation",
                                        "within_tolerance", "verdict")]
    dev.index.name = t("analyst", lang)
    names = {k: t(f"sheet_{k}", lang) for k in ("scores", "deviation", "agreement")}
    pts = "#,##0.0"
    formats = {names["scores"]: {c: pts for c in scores.columns},
               names["deviation"]: {t("mean_deviation", lang): pts, t("mean_abs_deviation", lang): pts,
                                    t("sd_deviation", lang): pts, t("within_tolerance", lang): PERCENT},
               names["agreement"]: {t("value", lang): "0.000"}}
    return with_inputs({names["scores"]: scores.reset_index(), names["deviation"]: dev.reset_index(),
                        names["agreement"]: agreement_frame(summary, lang)},
                       calibration_settings(summary, lang, tolerance, source), lang, number_formats=formats)


def calibration_settings(summary: CalibrationSummary, lang: str, tolerance: float, source: str = "") -> list:
    """The inputs of a calibration round (data, tolerance, calls, analysts): workbook and report."""
    return [Setting(t("source", lang), source or t("source_sample", lang)),
            Setting(t("tolerance", lang), tolerance, t("points", lang), "#,##0.0"),
            Setting(t("calls", lang), len(summary.scores), "", COUNT),
            Setting(t("analysts", lang), summary.scores.shape[1], "", COUNT)]


def deviation_chart(summary, lang: str, tolerance: float) -> alt.LayerChart:
    """Each call's deviation per analyst (dots) over the ±``tolerance``-point band."""
    dev = summary.scores.sub(summary.reference, axis=0)
    dev.index.name, dev.columns.name = "call", None
    long = dev.reset_index().melt(id_vars="call", var_name="analyst", value_name="deviation")
    long["call"] = long["call"].astype(str)
    dots = alt.Chart(long).mark_circle(size=60, opacity=0.75).encode(
        alt.X("deviation:Q", title=t("deviation_axis", lang)),
        alt.Y("analyst:N", title=t("analyst", lang)),
        tooltip=[alt.Tooltip("analyst:N", title=t("analyst", lang)),
                 alt.Tooltip("call:N", title=t("call", lang)),
                 alt.Tooltip("deviation:Q", title=t("deviation_axis", lang))])
    band = alt.Chart(pd.DataFrame({"low": [-tolerance], "high": [tolerance]})).mark_rect(
        opacity=0.12, color="#1a7f37").encode(x="low:Q", x2="high:Q")
    return themed((band + dots).properties(width=380, height=max(120, 26 * dev.shape[1]),
                                           title=t("chart_title", lang, tol=f"{tolerance:g}")))


# The one-page report ----------------------------------------------------------------------------

TEXT.update({
    "report_title": ("质检校准报告：{source}", "QA calibration report: {source}"),
    "report_source_sample": ("套件的校准会", "the kit's round"),
    "report_flagged": ("需要重新校准", "Need recalibrating"),
    "report_flagged_note": ("±{tol} 分以内的通话少于 {share}", "fewer than {share} of calls within ±{tol} points"),
    "assume_icc": ("分数一致性用 ICC(2,1)（双向随机、绝对一致、单个评分者，Shrout & Fleiss 1979），"
                   "分档按 Koo & Li (2016)：< 0.50 差、0.50–0.75 中等、0.75–0.90 良好、≥ 0.90 优秀。",
                   "Score agreement is ICC(2,1) (two-way random, absolute agreement, single rater; Shrout & "
                   "Fleiss 1979), banded after Koo & Li (2016): < 0.50 poor, 0.50–0.75 moderate, 0.75–0.90 good, "
                   "≥ 0.90 excellent."),
    "assume_kappa": ("逐项判定一致性用 Fleiss κ，分档按 Landis & Koch (1977)：< 0 差、0–0.20 轻微、0.20–0.40 一般、"
                     "0.40–0.60 中等、0.60–0.80 较强、≥ 0.80 几乎完全一致。",
                     "Item agreement is Fleiss' κ, banded after Landis & Koch (1977): < 0 poor, 0–0.20 slight, "
                     "0.20–0.40 fair, 0.40–0.60 moderate, 0.60–0.80 substantial, ≥ 0.80 almost perfect."),
    "assume_kappa_na": ("Fleiss κ 需要逐项表（每通电话每个评分项的是否达标），本次只有总分，所以未计算。",
                        "Fleiss' κ needs an item table (pass/fail per call and item); this round has total "
                        "scores only, so it was not computed."),
    "assume_tolerance": ("与标准答案相差 ±{tol} 分以内算一致；一致的通话达到 {ok} 算已校准，"
                         "{low}–{ok} 为临界（下次再看），低于 {low} 需要重新校准。",
                         "Within ±{tol} points of the reference counts as agreeing; an analyst agreeing on "
                         "{ok} of calls or more is calibrated, {low}–{ok} borderline (watch next round), below "
                         "{low} needs recalibrating."),
    "assume_mean": ("文件中没有标准答案列，以各质检员的平均分作为参照。",
                    "The file has no reference column; the analysts' mean score is the reference."),
})


def report_results(summary: CalibrationSummary, lang: str, tolerance: float) -> list[tuple[str, str, str]]:
    """ICC and κ with their bands, calls, analysts, and who needs recalibrating."""
    icc = summary.icc["ICC(2,1)"]
    ok = pd.notna(icc) and -1 <= icc <= 1
    kappa = summary.kappa
    flagged = [str(a) for a, r in summary.deviation.iterrows() if r["within_tolerance"] < RECALIBRATE_BELOW]
    return [(t("icc", lang), format(icc, ".3f") if pd.notna(icc) else "—", icc_band(icc, lang) if ok else ""),
            (t("kappa", lang), format(kappa, ".3f") if pd.notna(kappa) else "—",
             kappa_band(kappa, lang) if pd.notna(kappa) else t("kappa_na", lang)),
            (t("calls", lang), str(len(summary.scores)), ""),
            (t("analysts", lang), str(summary.scores.shape[1]), ""),
            (t("report_flagged", lang), ", ".join(flagged) or "—",
             t("report_flagged_note", lang, tol=f"{tolerance:g}", share=format_percent(RECALIBRATE_BELOW, 0)))]


def deviation_frame(summary: CalibrationSummary, lang: str, tolerance: float) -> pd.DataFrame:
    """The per-analyst table on screen as a DataFrame of text (for the report)."""
    head, rows = _deviation_rows(summary, lang, tolerance)
    return pd.DataFrame([cells for _, cells in rows], columns=head)


def report_assumptions(summary: CalibrationSummary, lang: str, tolerance: float) -> list[str]:
    """The agreement statistics, their bands and the tolerance rule, in words."""
    out = [t("assume_icc", lang), t("assume_kappa" if pd.notna(summary.kappa) else "assume_kappa_na", lang),
           t("assume_tolerance", lang, tol=f"{tolerance:g}", ok=format_percent(AGREED_WITHIN, 0),
             low=format_percent(RECALIBRATE_BELOW, 0))]
    return out + ([t("assume_mean", lang)] if summary.reference_is_mean else [])


def report(summary: CalibrationSummary, lang: str, tolerance: float, source: str, chart):
    """The one-page report of a round: inputs as in the workbook, ICC and κ with their bands, who needs
    recalibrating, the deviation ``chart`` and table, the rules in words."""
    from ccskills.reports import Report

    return Report(title=t("report_title", lang, source=source or t("report_source_sample", lang)), lang=lang,
                  settings=calibration_settings(summary, lang, tolerance, source),
                  results=report_results(summary, lang, tolerance), chart=chart,
                  assumptions=report_assumptions(summary, lang, tolerance),
                  table=deviation_frame(summary, lang, tolerance), table_title=t("table_caption", lang))


# What an upload was read as -----------------------------------------------------------------------

TEXT.update({"item": ("评分项", "Item"), "passed": ("是否达标", "Passed"),
             "analyst_scores": ("质检员 {name} 的分数", "scores of analyst {name}")})


def upload_preview(raw: pd.DataFrame, reference: str | None, aliases: dict, name: str, lang: str) -> str:
    """What an uploaded round was read as: rows, which column became what (call, each analyst, the
    reference; or the item table's fields), the first rows as in the file."""
    from ccskills.apps._preview import preview_html

    fields = {"call_id": t("call", lang), "analyst_id": t("analyst", lang), "item_id": t("item", lang),
              "passed": t("passed", lang)}
    found = {c: aliases.get(str(c).strip(), str(c).strip().lower()) for c in raw.columns}
    if "item_id" in found.values():
        columns = {str(c): fields[f] for c, f in found.items() if f in fields}
    else:
        columns = {str(raw.columns[0]): t("call", lang)}
        columns.update({str(c): t("reference", lang) if c == reference else t("analyst_scores", lang, name=c)
                        for c in raw.columns[1:]})
    return preview_html(raw, lang, source=name, rows_read=len(raw), columns=columns)
