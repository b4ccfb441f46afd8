"""How the hiring planner reads: labels, error sentences, class explanations, tables, Excel.

Formatting only, in Chinese or English; the numbers come from :func:`ccskills.people.hiring_plan`.
"""

from __future__ import annotations

import html

import pandas as pd

from ccskills.apps._common import style
from ccskills.apps._workbook import COUNT, PERCENT, Setting, with_inputs
from ccskills.i18n import QUEUE_NAMES
from ccskills.people import HiringPlan

__all__ = ["TEXT", "ERRORS", "CARDS", "STYLE", "t", "week_labels", "card_texts", "verdict",
           "explanations", "classes_html", "excel_sheets", "input_settings", "INPUT_KEYS", "scenario_results",
           "report_results", "assumptions", "classes_table", "upload_preview", "UPLOAD_ALIASES"]

TEXT = {
    "title": ("招聘与流失规划器", "Hiring & attrition planner"),
    "intro": ("按每周人力需求、流失率、培训周数和鉴定通过率，算出何时开班、每班招多少人，"
              "以及在岗人数的走势。所有数字是期望值。",
              "From weekly required FTE, attrition, training weeks and the certification pass rate: "
              "when to start classes, how many to hire in each, and the FTE trajectory. Expected values."),
    "source": ("需求数据", "Requirement"),
    "source_dataset": ("套件数据：2026 年 4–9 月每周需求", "Kit data: weekly requirement Apr–Sep 2026"),
    "source_typed": ("手动输入（每周一个数，用逗号或换行分隔）", "Type it (one number per week, commas or new lines)"),
    "source_upload": ("上传 CSV / Excel（列：week、required_fte）", "Upload CSV / Excel (columns: week, required_fte)"),
    "queue": ("队列", "Queue"),
    "queue_total": ("合计", "Total"),
    "queue_presales": QUEUE_NAMES["presales"],
    "queue_aftersales": QUEUE_NAMES["aftersales"],
    "typed": ("每周需求（人）", "Weekly need (FTE)"),
    "upload_hint": ("第一行是表头：week（周，可为日期）和 required_fte（所需人数）；也可用中文表头“周”“需求人数”。",
                    "First row is the header: week (a label or date) and required_fte; Chinese headers 周 / 需求人数 also work."),
    "current_fte": ("现有在岗人数（人）", "Current productive FTE"),
    "attrition": ("流失率（%）", "Attrition (%)"),
    "period": ("流失率的周期", "Attrition per"),
    "period_week": ("每周", "week"),
    "period_month": ("每月", "month"),
    "period_year": ("每年", "year"),
    "training_weeks": ("岗前培训（周）", "Training (weeks)"),
    "pass_rate": ("鉴定通过率（%）", "Certification pass rate (%)"),
    "class_every_weeks": ("每隔几周开一个班", "A class every (weeks)"),
    "min_class": ("每班最少（人）", "Class minimum (people)"),
    "max_class": ("每班最多（人，0 = 不限）", "Class maximum (0 = none)"),
    "total_hires": ("共需招聘", "Total hires"),
    "classes": ("开班数", "Classes"),
    "weeks_short": ("人手不足的周数", "Weeks short"),
    "largest_gap": ("最大缺口", "Largest gap"),
    "unit_people": ("人", "people"),
    "unit_weeks": ("周", "weeks"),
    "computing": ("正在计算……", "Computing…"),
    "ok": ("已算出：{n} 个班，共 {hires} 人。", "Done: {n} classes, {hires} hires."),
    "no_classes": ("现有人数已够，不需要招聘。", "Current staff cover every week; no hiring needed."),
    "still_short": ("但仍有 {weeks} 周人手不足（最大缺口 {gap} 人）：{reasons}。",
                    " Still short in {weeks} weeks (largest gap {gap}): {reasons}."),
    "short_no_class": ("人手不足 {weeks} 周（最大缺口 {gap} 人），但计划期内开班也补不上：{reasons}。"
                       "请加长需求的周数或缩短培训。",
                       "Short in {weeks} weeks (largest gap {gap}), but no class can help within this plan: "
                       "{reasons}. Add weeks to the requirement or shorten training."),
    "reason_before": ("第一个班最早在{grad}结业（培训 {training} 周），此前 {k} 周的缺口招聘补不上",
                      "the earliest a class can graduate is {grad} (training {training} weeks), "
                      "so {k} short weeks before it cannot be covered by hiring"),
    "reason_after_end": ("培训 {training} 周，第一个班最早在计划第 {n} 周才结业，已超出这 {total} 周",
                         "training takes {training} weeks, so the first class could graduate in week {n} "
                         "at the earliest, after the {total} weeks planned"),
    "reason_capped": ("每班最多 {max} 人，{k} 周的缺口留在轨迹里",
                      "the class maximum of {max} leaves {k} weeks short"),
    "reason_sep": ("；", "; "),
    "unexpected": ("计算时出现意外问题（{kind}）。请检查输入后重试。",
                   "Something unexpected went wrong ({kind}). Please check the inputs and try again."),
    "template_file": ("每周需求_上传示例", "weekly_need_upload_example"),
    "waiting_upload": ("请上传文件。", "Please upload a file."),
    "download_excel": ("下载 Excel", "Download Excel"),
    "excel_file": ("招聘计划", "hiring_plan"),
    "col_start": ("开班周", "Start week"),
    "col_graduation": ("结业周", "Graduation"),
    "col_hires": ("招聘人数", "Hires"),
    "col_graduates": ("预计上岗", "Expected graduates"),
    "col_why": ("为什么是这个数", "Why this number"),
    "series_required_fte": ("需求", "required"),
    "series_productive_fte": ("在岗", "productive"),
    "series_in_training": ("培训中", "in training"),
    "axis_week": ("周", "week"),
    "chart_title": ("每周人数走势：需求、在岗与培训中", "Week by week: required, productive and in training"),
    "chart_series": ("类别", "series"),
    "axis_fte": ("人数", "FTE"),
    "week_n": ("第 {n} 周", "week {n}"),
    "explain": ("{start} 开班招 {hires} 人，{grad} 结业，预计 {graduates} 人上岗。这个班负责到下一班结业前，"
                "最紧的是 {binding}：需求 {need} 人，不招这个班只有 {projected} 人，差 {gap} 人；"
                "÷ 通过率 {pass_rate} ÷ 结业后留存 {survival} = {raw}，向上取整 {ceil} 人{limit}。",
                "Start {start}, hire {hires}; graduates {grad}, about {graduates} go live. This class covers "
                "until the next one graduates; the tightest week is {binding}: need {need}, without this class "
                "{projected}, short {gap}; ÷ pass rate {pass_rate} ÷ survival after graduation {survival} = {raw}, "
                "rounded up {ceil}{limit}."),
    "no_limit": ("不限", "no limit"),
    "limit_min": ("，但每班至少 {n} 人", ", raised to the class minimum {n}"),
    "limit_max": ("，但每班最多 {n} 人，缺口会留在轨迹里", ", capped at the class maximum {n}; the gap stays"),
    # scenarios and the one-page report
    "upload_file": ("上传的文件（不随情景保存，载入后需重新上传）",
                    "Uploaded file (not saved with the scenario: upload it again after loading)"),
    "upload_again": ("这个情景用的是上传的文件“{name}”，文件本身没有随情景保存：请重新上传它。",
                     "This scenario used the uploaded file \u201c{name}\u201d, which is not saved with it: "
                     "upload it again."),
    "first_class": ("第一个班开班", "First class starts"),
    "end_fte": ("期末在岗人数", "Productive FTE at the end"),
    "no_class": ("无", "none"),
    "note_total_hires": ("所有班次招聘人数之和（含培训中淘汰的人）。", "Hires over all classes (including those who fail training)."),
    "note_classes": ("需要开的培训班数量。", "Training classes to start."),
    "note_weeks_short": ("在岗人数低于需求的周数。", "Weeks with productive FTE below the requirement."),
    "note_largest_gap": ("需求与在岗人数之差的最大值。", "The largest shortfall of productive FTE against the requirement."),
    "note_first_class": ("第一个班的开班周。", "The week the first class starts."),
    "note_end_fte": ("计划最后一周的在岗人数（期望值）。", "Productive FTE in the plan's last week (expected)."),
    "assume_need": ("需求：{source}，共 {weeks} 周（{first} 至 {last}），每周 {low} 到 {high} 人。",
                    "Requirement: {source}, {weeks} weeks ({first} to {last}), {low} to {high} FTE a week."),
    "assume_attrition": ("流失：{period} {rate}，折算为每周 {weekly}（1 − (1 − 流失率)^(7 ÷ 周期天数)）；"
                         "流失只发生在在岗人员中，且每周按同一比例。",
                         "Attrition: {rate} per {period}, i.e. {weekly} a week (1 − (1 − rate)^(7 ÷ days in the "
                         "period)); it applies to productive staff only, at the same rate every week."),
    "assume_training": ("岗前培训 {training} 周，结业时鉴定通过率 {pass_rate}：培训期间的淘汰都算在通过率里，"
                        "学员结业当周即按全产能上岗（不另计爬坡期）。",
                        "Training lasts {training} weeks with a certification pass rate of {pass_rate}: drop-outs "
                        "during training are inside the pass rate, and graduates count as fully productive from "
                        "their first week (no separate ramp-up)."),
    "assume_classes": ("每隔 {every} 周可以开一个班，每班 {low} 到 {high} 人；每个班补足到下一个班结业前最紧的一周，"
                       "向上取整。第一个班最早在 {grad} 结业，此前的缺口招聘补不上。",
                       "A class can start every {every} weeks, {low} to {high} people; each class covers the "
                       "tightest week until the next class graduates, rounded up. The earliest a class can "
                       "graduate is {grad}; gaps before it cannot be covered by hiring."),
    "assume_expected": ("所有数字是期望值：实际流失和通过人数会上下波动，可多招几人作缓冲。",
                        "All figures are expected values: real attrition and pass counts vary, so a few extra "
                        "hires make a buffer."),
    "table_title": ("开班计划", "Classes"),
}

ERRORS = {
    "required_fte": ("每周需求必须是 0 到 1000 万之间的数字，1 到 1040 周",
                     "Weekly need must be numbers from 0 to 10,000,000, for 1 to 1040 weeks"),
    "current_fte": ("现有在岗人数必须是 0 到 1000 万之间的数字", "Current FTE must be a number from 0 to 10,000,000"),
    "attrition_rate": ("流失率必须在 0 % 到 100 % 之间（不含 100 %）", "Attrition must be from 0 % to below 100 %"),
    "pass_rate": ("鉴定通过率必须大于 0 % 且不超过 100 %", "The pass rate must be above 0 % and at most 100 %"),
    "training_weeks": ("培训周数必须是不小于 0 的整数", "Training weeks must be a whole number of 0 or more"),
    "class_every_weeks": ("开班间隔必须是不小于 1 的整数", "The class interval must be a whole number of 1 or more"),
    "min_class": ("每班最少人数必须是不小于 0 的整数", "The class minimum must be a whole number of 0 or more"),
    "max_class": ("每班最多人数必须是整数，且不小于每班最少人数", "The class maximum must be a whole number, at least the minimum"),
}
"""Calculator sentences by parameter name, added to :data:`ccskills.i18n.ERRORS`."""

CARDS = ("total_hires", "classes", "weeks_short", "largest_gap")

UPLOAD_ALIASES = {"周": "week", "week_start": "week", "需求人数": "required_fte", "需求": "required_fte"}
"""Headers an upload may use for ``week`` and ``required_fte``."""

STYLE = style("""
.ccs-card-note { color: #57606a; font-size: 12px; max-width: 15em; line-height: 1.3; margin-top: 2px; }
.ccs-hiring-planner { font-family: var(--ccs-font-family, system-ui, sans-serif); }
.ccs-card-total-hires .ccs-card-value { color: #1f6fb4; }
table.ccs-classes-table { border-collapse: collapse; font-size: 13px; }
table.ccs-classes-table th, table.ccs-classes-table td { padding: 3px 8px; text-align: left;
  border-bottom: 1px solid #e5e7eb; vertical-align: top; }
""")


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ('zh' or 'en'), formatted with ``values``."""
    phrase = TEXT[key][0 if lang == "zh" else 1]
    return phrase.format(**values) if values else phrase


def week_labels(index, lang: str) -> list[str]:
    """Dates as YYYY-MM-DD, anything else as 'week n' (1-based)."""
    if isinstance(index, pd.DatetimeIndex):
        return [f"{d:%Y-%m-%d}" for d in index]
    return [t("week_n", lang, n=i + 1) for i in range(len(index))]


def _num(x: float, digits: int = 1) -> str:
    """``x`` with thousands separators; a value that rounds to zero reads 0.0, never -0.0."""
    return f"{round(float(x), digits) + 0.0:,.{digits}f}"


def card_texts(plan: HiringPlan, lang: str) -> dict[str, tuple[str, str]]:
    """Card name → (label, value text)."""
    people = t("unit_people", lang)
    return {
        "total_hires": (t("total_hires", lang), f"{int(plan.classes['hires'].sum())} {people}"),
        "classes": (t("classes", lang), f"{len(plan.classes)}"),
        "weeks_short": (t("weeks_short", lang), f"{plan.weeks_short} {t('unit_weeks', lang)}"),
        "largest_gap": (t("largest_gap", lang), f"{_num(plan.largest_gap)} {people}"),
    }


def _short_reasons(plan: HiringPlan, labels: list[str], lang: str, max_class: int | None) -> str:
    """Why weeks stay short: before the first graduation, and/or capped classes."""
    before = plan.short_before_first_graduation
    total = len(plan.trajectory)
    reasons = []
    if before and plan.first_graduation >= total:
        reasons.append(t("reason_after_end", lang, training=plan.training_weeks,
                         n=plan.first_graduation + 1, total=total))
    elif before:
        reasons.append(t("reason_before", lang, grad=labels[plan.first_graduation],
                         training=plan.training_weeks, k=before))
    if plan.weeks_short > before:
        reasons.append(t("reason_capped", lang, max=max_class, k=plan.weeks_short - before))
    return t("reason_sep", lang).join(reasons)


def verdict(plan: HiringPlan, labels: list[str], lang: str, max_class: int | None) -> str:
    """The status sentence: classes and hires, and whether (and why) weeks stay short.

    It reads the same plan as the cards (:func:`card_texts`), so they always agree: "no hiring
    needed" only when no week is short.
    """
    hires = int(plan.classes["hires"].sum())
    short = plan.weeks_short
    if not short:
        return t("ok", lang, n=len(plan.classes), hires=hires) if hires else t("no_classes", lang)
    facts = {"weeks": short, "gap": _num(plan.largest_gap),
             "reasons": _short_reasons(plan, labels, lang, max_class)}
    if not hires:
        return t("short_no_class", lang, **facts)
    return t("ok", lang, n=len(plan.classes), hires=hires) + t("still_short", lang, **facts)


def explanations(plan: HiringPlan, labels: list[str], lang: str,
                 min_class: int, max_class: int | None) -> list[str]:
    """One sentence per class: where its size comes from."""
    out = []
    for row in plan.classes.itertuples():
        limit = ""
        if row.limited_by == "min_class":
            limit = t("limit_min", lang, n=min_class)
        elif row.limited_by == "max_class":
            limit = t("limit_max", lang, n=max_class)
        out.append(t("explain", lang, start=labels[row.start], hires=row.hires,
                     grad=labels[row.graduation], graduates=_num(row.graduates),
                     binding=labels[row.binding_week], need=_num(row.required_at_binding, 2),
                     projected=_num(row.projected_without, 2), gap=_num(row.gap_at_binding, 2),
                     pass_rate=f"{plan.pass_rate:.0%}", survival=f"{row.survival_to_binding:.3f}",
                     raw=_num(row.raw_hires, 2), ceil=row.rounded_hires, limit=limit))
    return out


def classes_frame(plan: HiringPlan, labels: list[str], lang: str, min_class: int,
                  max_class: int | None) -> pd.DataFrame:
    """The classes as a table with translated headers and the explanation sentence."""
    c = plan.classes
    return pd.DataFrame({
        t("col_start", lang): [labels[i] for i in c["start"]],
        t("col_graduation", lang): [labels[i] for i in c["graduation"]],
        t("col_hires", lang): c["hires"].astype(int).to_list(),
        t("col_graduates", lang): c["graduates"].round(1).to_list(),
        t("col_why", lang): explanations(plan, labels, lang, min_class, max_class),
    })


def classes_html(frame: pd.DataFrame) -> str:
    """The classes table as HTML (escaped)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f'<table class="ccs-classes-table"><tr>{head}</tr>{rows}</table>'


def _weeks(labels: list[str]) -> list:
    """Week labels as dates when they are dates (a number Excel can sort and filter), else as text."""
    dates = pd.to_datetime(pd.Series(labels), format="%Y-%m-%d", errors="coerce")
    return dates.to_list() if dates.notna().all() else labels


def trajectory_frame(plan: HiringPlan, labels: list[str], lang: str) -> pd.DataFrame:
    """Week-by-week trajectory with translated headers (for Excel; numbers unrounded)."""
    traj = plan.trajectory
    names = {"required_fte": t("series_required_fte", lang),
             "productive_fte": t("series_productive_fte", lang),
             "in_training": t("series_in_training", lang)}
    out = pd.DataFrame({t("axis_week", lang): _weeks(labels)})
    for col, name in names.items():
        out[name] = traj[col].astype(float).to_list()
    out[t("col_hires", lang)] = traj["hires_started"].astype(int).to_list()
    return out


def excel_sheets(plan: HiringPlan, labels: list[str], lang: str, min_class: int,
                 max_class: int | None, settings: list[Setting] | None = None) -> tuple[dict, dict]:
    """Sheets for the download (the classes with explanations, the trajectory, the inputs) and
    the options for :func:`ccskills.io.excel_bytes`."""
    classes = classes_frame(plan, labels, lang, min_class, max_class)
    for key in ("col_start", "col_graduation"):
        classes[t(key, lang)] = _weeks(classes[t(key, lang)].to_list())
    one = "#,##0.0"
    trajectory = t("axis_week", lang)
    formats = {t("classes", lang): {t("col_hires", lang): COUNT, t("col_graduates", lang): one},
               trajectory: {t(f"series_{c}", lang): one for c in ("required_fte", "productive_fte", "in_training")}}
    return with_inputs({t("classes", lang): classes, trajectory: trajectory_frame(plan, labels, lang)},
                       settings or [], lang, number_formats=formats)


def input_settings(numbers: dict, period: str, source: str, lang: str) -> list[Setting]:
    """The planner's inputs for the workbook (percent inputs as fractions)."""
    people, weeks = t("unit_people", lang), t("unit_weeks", lang)
    high = numbers["max_class"]
    return [Setting(t("source", lang), source),
            Setting(t("current_fte", lang), numbers["current_fte"], people, "#,##0.0"),
            Setting(t("attrition", lang).replace("（%）", "").replace(" (%)", ""), numbers["attrition"] / 100, "",
                    "0.00%"),
            Setting(t("period", lang), t(f"period_{period}", lang)),
            Setting(t("training_weeks", lang), numbers["training_weeks"], weeks, COUNT),
            Setting(t("pass_rate", lang).replace("（%）", "").replace(" (%)", ""), numbers["pass_rate"] / 100, "",
                    PERCENT),
            Setting(t("class_every_weeks", lang), numbers["class_every_weeks"], weeks, COUNT),
            Setting(t("min_class", lang), numbers["min_class"], people, COUNT),
            Setting(t("max_class", lang), high if high else t("no_limit", lang), people if high else "",
                    COUNT if high else None)]


# Scenarios and the one-page report -------------------------------------------------------------

INPUT_KEYS = {"source": "source", "queue": "queue", "typed": "typed", "upload_name": "upload_file",
              "current_fte": "current_fte", "attrition": "attrition", "period": "period",
              "training_weeks": "training_weeks", "pass_rate": "pass_rate", "class_every_weeks": "class_every_weeks",
              "min_class": "min_class", "max_class": "max_class"}
"""Scenario input key → its label's key in :data:`TEXT` (values as on screen: percent as 80)."""


def _first_class(plan: HiringPlan, labels: list[str], lang: str) -> str:
    return labels[int(plan.classes["start"].iloc[0])] if len(plan.classes) else t("no_class", lang)


def scenario_results(plan: HiringPlan, labels: list[str], lang: str) -> list[tuple[str, str, object, str | None]]:
    """(key, label, value, Excel format) of a plan, for saving and comparing scenarios."""
    end = float(plan.trajectory["productive_fte"].iloc[-1])
    return [("total_hires", t("total_hires", lang), int(plan.classes["hires"].sum()), COUNT),
            ("classes", t("classes", lang), len(plan.classes), COUNT),
            ("weeks_short", t("weeks_short", lang), int(plan.weeks_short), COUNT),
            ("largest_gap", t("largest_gap", lang), float(plan.largest_gap), "#,##0.0"),
            ("first_class", t("first_class", lang), _first_class(plan, labels, lang), None),
            ("end_fte", t("end_fte", lang), end, "#,##0.0")]


def report_results(plan: HiringPlan, labels: list[str], lang: str) -> list[tuple[str, str, str]]:
    """The cards as the report lists them: (label, value as on screen, what it means)."""
    rows = [(label, value, t(f"note_{name}", lang)) for name, (label, value) in card_texts(plan, lang).items()]
    end = float(plan.trajectory["productive_fte"].iloc[-1])
    rows += [(t("first_class", lang), _first_class(plan, labels, lang), t("note_first_class", lang)),
             (t("end_fte", lang), f"{_num(end)} {t('unit_people', lang)}", t("note_end_fte", lang))]
    return rows


def assumptions(plan: HiringPlan, labels: list[str], lang: str, source: str, numbers: dict, period: str,
                max_class: int | None) -> list[str]:
    """The plan's assumptions in words: the requirement, attrition, training and pass rate, the class rules."""
    need = plan.trajectory["required_fte"]
    attrition = t("assume_attrition", lang, period=t(f"period_{period}", lang), rate=f"{numbers['attrition']:g} %",
                  weekly=f"{100 * plan.weekly_attrition:.2f} %")
    grad = (labels[plan.first_graduation] if plan.first_graduation < len(labels)
            else t("week_n", lang, n=plan.first_graduation + 1))
    return [t("assume_need", lang, source=source, weeks=len(labels), first=labels[0], last=labels[-1],
              low=_num(need.min()), high=_num(need.max())),
            attrition,
            t("assume_training", lang, training=plan.training_weeks, pass_rate=f"{100 * plan.pass_rate:g} %"),
            t("assume_classes", lang, every=numbers["class_every_weeks"], low=numbers["min_class"],
              high=max_class if max_class else t("no_limit", lang), grad=grad),
            t("assume_expected", lang)]


def classes_table(plan: HiringPlan, labels: list[str], lang: str) -> pd.DataFrame:
    """The classes for the report: start, graduation, hires, expected graduates (the explanations stay in Excel)."""
    c = plan.classes
    return pd.DataFrame({t("col_start", lang): [labels[i] for i in c["start"]],
                         t("col_graduation", lang): [labels[i] for i in c["graduation"]],
                         t("col_hires", lang): c["hires"].astype(int).to_list(),
                         t("col_graduates", lang): c["graduates"].round(1).to_list()})


def upload_preview(need: pd.Series, raw: pd.DataFrame, name: str, lang: str) -> str:
    """What an uploaded requirement was read as (:func:`ccskills.apps._preview.preview_html`)."""
    from ccskills.apps._preview import preview_html
    from ccskills.io import upload_notes

    label = {"week": t("axis_week", lang), "required_fte": t("typed", lang)}
    columns = {h: label[UPLOAD_ALIASES.get(str(h), str(h).lower())] for h in raw.columns
               if UPLOAD_ALIASES.get(str(h), str(h).lower()) in label}
    weeks = week_labels(need.index, lang)
    shown = pd.DataFrame({label["week"]: weeks, label["required_fte"]: need.to_numpy()}).head(10)
    dated = isinstance(need.index, pd.DatetimeIndex) and len(need)
    skipped = sum(len(n.rows) for n in raw.attrs.get("ccskills_notes", []) if n.problem == "dropped_total_row")
    return preview_html(shown, lang, source=name, rows_read=len(need), rows_skipped=skipped, columns=columns,
                        date_range=(need.index.min(), need.index.max()) if dated else None,
                        notes=upload_notes(raw, lang))
