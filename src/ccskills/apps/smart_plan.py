"""The SMART plan builder (SMART 改进计划生成器), served by Voila from course/apps/smart_plan_builder.ipynb.

Fill an improvement plan for one agent (KPI, observable behaviour, baseline, target, team
target, start and due dates) and see :func:`ccskills.coaching.check_smart`'s verdict per
letter with its reason in the chosen language, the peers' distribution behind the A check,
and, if weekly actuals are typed, :func:`ccskills.coaching.plan_trajectory` with on-track
flags. Export: plan + verdicts (+ follow-up) as Excel. Wiring only: the rules live in
:mod:`ccskills.coaching`.

Choosing an agent or a KPI prefills the baseline (the agent's March value from
``ccskills.kpi.summarize`` over the committed call records, as lesson 06-4 builds it),
the team target (the median of the agent's queue) and a target halfway between them.
Units on screen are the KPI's, except rates, which are shown and typed in percent; the
plan given to the checker is in those screen units, with peers' values scaled the same
way (every rule of :func:`~ccskills.coaching.check_smart` is unchanged by a common scale),
so the numbers in the verdicts are the numbers on screen.

Bad input (empty behaviour, a target that is not a number, a due date before the start)
is one sentence in the chosen language in the status line, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re

import ipywidgets as widgets
import pandas as pd

from ccskills.apps._workbook import Setting
from ccskills.apps._common import (busy, card, card_value, draw_chart, excel_link, set_card, set_options,
                                   status_html, status_text,
                                   log_unexpected)
from ccskills.apps._keep import KeepBar
from ccskills.apps._smart_plan_text import (ERRORS, STYLE, excel_sheets, peers_chart, report_assumptions,
                                            report_results, result_text, t, table_html, trajectory_frame,
                                            verdicts_html)
from ccskills.coaching import SmartCheck, SmartPlan, check_smart, kpi_directions, peer_table, plan_trajectory
from ccskills.i18n import LANGUAGES, error_message, parameter_of

__all__ = ["SmartPlanBuilder", "build_smart_plan_builder", "agent_kpis", "PLAN_KPIS", "SMART_DEFAULTS",
           "screen_scale", "parse_actuals"]

PLAN_KPIS = ("aht_s", "avg_talk_s", "avg_hold_s", "avg_acw_s", "transfer_rate", "fcr_rate",
             "csat_top2_box")
"""KPIs a plan can name here: the per-agent indicators of the March call records."""
SMART_DEFAULTS = {"agent": "A022", "kpi": "aht_s", "start": dt.date(2026, 4, 1),
                  "due": dt.date(2026, 4, 29)}
"""What the builder shows first: lesson 06-4's agent and KPI, a four-week plan in April."""
TOLERANCE = 0.1
"""On track = no more than this share of the planned change behind the path (plan_trajectory's default)."""
NO_KPI = ""
_STYLE = {"description_width": "12em"}
_LAYOUT = {"width": "30em"}
_NO_VALUE = ("behaviour", "start", "plan", "agent_id")  # sentences without "you entered …"


def _css(name: str) -> str:
    return "ccs-" + name.replace("_", "-")


@functools.lru_cache(maxsize=1)
def agent_kpis() -> pd.DataFrame:
    """One row per committed agent: ``team``, ``queue`` and its March KPIs (``kpi.summarize`` by agent)."""
    from ccskills import kpi
    from ccskills.datasets import load_agents, load_call_records

    per_agent = kpi.summarize(load_call_records(), by="agent_id")
    return load_agents().set_index("agent_id").join(per_agent)


def plan_kpis() -> tuple[str, ...]:
    """The :data:`PLAN_KPIS` the coaching module knows (it is the judge of direction)."""
    known = kpi_directions()
    return tuple(k for k in PLAN_KPIS if k in known)


def _indicator(kpi: str):
    from ccskills.kpi.registry import REGISTRY

    return REGISTRY.get(kpi)


def screen_scale(kpi: str) -> float:
    """100 for a KPI kept as a fraction (shown in percent), else 1."""
    found = _indicator(kpi) if kpi else None
    return 100.0 if found is not None and found.unit == "fraction" else 1.0


def _unit(kpi: str, lang: str) -> str:
    if not kpi:
        return t("unit_none", lang)
    return t("unit_percent" if screen_scale(kpi) == 100 else "unit_seconds", lang)


def _kpi_label(kpi: str, lang: str) -> str:
    if not kpi:
        return t("kpi_none", lang)
    found = _indicator(kpi)
    return (found.name_zh if lang == "zh" else found.name_en) if found is not None else kpi


def _round(kpi: str, value: float) -> float:
    return round(value, 1) if screen_scale(kpi) == 100 else float(round(value))


def parse_number(name: str, text: str) -> float | None:
    """A typed number; blank is None; anything else raises ValueError naming ``name``."""
    cleaned = text.strip().rstrip("%％").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {text.strip()!r}") from None


def parse_actuals(text: str, start: dt.date) -> pd.Series | None:
    """Weekly actuals typed as '470, 455 440' → a Series at start + 7, 14, … days (None if blank)."""
    parts = [p for p in re.split(r"[\s,;，、；]+", text.strip()) if p]
    if not parts:
        return None
    values = []
    for part in parts:
        try:
            values.append(float(part))
        except ValueError:
            raise ValueError(f"actuals must be numbers separated by commas, got {part!r}") from None
    dates = [pd.Timestamp(start + dt.timedelta(days=7 * (i + 1))) for i in range(len(values))]
    return pd.Series(values, index=pd.DatetimeIndex(dates, name="date"), dtype=float)


class SmartPlanBuilder(widgets.VBox):
    """The plan form on the left, the verdicts on the right, the peers' chart and follow-up below."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        d = SMART_DEFAULTS
        self.table = agent_kpis()
        self.language = widgets.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang)
        self.agent = widgets.Dropdown(options=[("", a) for a in self.table.index], value=d["agent"])
        self.kpi = widgets.Dropdown(options=[("", k) for k in (*plan_kpis(), NO_KPI)], value=d["kpi"])
        self.behaviour = widgets.Text(value=t("behaviour_default", self.lang), continuous_update=False)
        self.numbers = {name: widgets.Text(continuous_update=False)
                        for name in ("baseline", "target", "team_target")}
        self.start = widgets.DatePicker(value=d["start"])
        self.due = widgets.DatePicker(value=d["due"])
        self.actuals = widgets.Text(value="", continuous_update=False)
        for box in [self.agent, self.kpi, self.behaviour, *self.numbers.values(), self.start, self.due,
                    self.actuals]:
            box.style, box.layout = _STYLE, widgets.Layout(**_LAYOUT)
        self.title, self.intro, self.status, self.note = (widgets.HTML() for _ in range(4))
        self.headings = {k: widgets.HTML() for k in ("verdicts_heading", "peers_heading", "trajectory_heading")}
        self.result_card = card("ccs-card-result")
        self.verdicts, self.trajectory_box, self.download = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.chart_box = widgets.Box()
        self.chart, self._chart_spec = None, None
        self.keep = KeepBar(self, "smart_plan", self.lang, scenarios=False, report=True)
        self.check: SmartCheck | None = None
        self.plan: SmartPlan | None = None
        self.trajectory: pd.DataFrame | None = None
        self.runs = 0
        self._quiet_depth = 0
        named = {"language": self.language, "agent": self.agent, "kpi": self.kpi, "behaviour": self.behaviour,
                 "start": self.start, "due": self.due, "actuals": self.actuals, "status": self.status,
                 "verdicts-box": self.verdicts, "trajectory-box": self.trajectory_box,
                 "download": self.download, "chart-box": self.chart_box, "peers-note": self.note,
                 **self.numbers}
        for name, widget in named.items():
            widget.add_class(_css(name))
        super().__init__(children=self._layout())
        self.add_class("ccs-smart-plan")
        self.agent.observe(self._on_choice, names="value")
        self.kpi.observe(self._on_choice, names="value")
        for widget in [self.behaviour, *self.numbers.values(), self.start, self.due, self.actuals]:
            widget.observe(self._on_input, names="value")
        self.language.observe(self._on_language, names="value")
        self._quiet_depth += 1
        try:
            self.prefill()
        finally:
            self._quiet_depth -= 1
        self.relabel()

    def _layout(self) -> list[widgets.Widget]:
        n, h = self.numbers, self.headings
        inputs = widgets.VBox([self.agent, self.kpi, self.behaviour, n["baseline"], n["target"],
                               n["team_target"], self.start, self.due, self.note, self.actuals],
                              layout=widgets.Layout(margin="0 24px 0 0"))
        results = widgets.VBox([self.result_card, self.status, h["verdicts_heading"], self.verdicts,
                                self.download, self.keep],
                               layout=widgets.Layout(flex="1 1 420px", min_width="0"))
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        return [widgets.HTML(STYLE), header, self.intro,
                widgets.HBox([inputs, results], layout=widgets.Layout(flex_flow="row wrap")),
                h["peers_heading"], self.chart_box, h["trajectory_heading"], self.trajectory_box]

    # Callbacks ---------------------------------------------------------------

    def _on_choice(self, change) -> None:
        if not self._quiet_depth:
            self._quiet_depth += 1
            try:
                self.prefill()
            finally:
                self._quiet_depth -= 1
            self.recompute()

    def _on_input(self, change) -> None:
        if not self._quiet_depth:
            self.recompute()

    def _on_language(self, change) -> None:
        """Every label in the new language in one pass: controls, then the answer on screen re-rendered
        from the cached check (nothing recomputed), the title last, so a page whose title reads English
        is English throughout (issue 13). The kit's example behaviour, if untouched, follows the
        language (it is quoted in the S verdict), and then the plan is checked again."""
        before, self.lang = self.lang, change["new"]
        self._relabel_controls()
        example = self.behaviour.value == t("behaviour_default", before)
        if example:
            self._quiet_depth += 1
            try:
                self.behaviour.value = t("behaviour_default", self.lang)
            finally:
                self._quiet_depth -= 1
        if self.check is not None and not example:
            self._show()
        else:
            self.recompute()  # a changed input, or a wrong one: its sentence in the new language
        self._relabel_title()

    def _label_numbers(self) -> None:
        for name, box in self.numbers.items():
            box.description = f"{t(name, self.lang)} ({_unit(self.kpi.value, self.lang)})"

    def prefill(self) -> None:
        """Baseline = the agent's March value, team target = the queue median, target halfway."""
        kpi = self.kpi.value
        self._label_numbers()
        if not kpi:
            return
        scale, peers = screen_scale(kpi), self.peer_values()
        baseline = _round(kpi, scale * float(self.table.loc[self.agent.value, kpi]))
        team = _round(kpi, float(peers.median()))
        target = _round(kpi, (baseline + team) / 2)
        for name, value in (("baseline", baseline), ("team_target", team), ("target", target)):
            self.numbers[name].value = f"{value:g}"

    def relabel(self) -> None:
        """Every label and option in ``self.lang``, then recompute."""
        self._relabel_controls()
        self.recompute()
        self._relabel_title()

    def _relabel_title(self) -> None:
        self.title.value = f"<h2>{html.escape(t('title', self.lang))}</h2>"

    def _relabel_controls(self) -> None:
        lang = self.lang
        self.keep.relabel(lang)
        self._quiet_depth += 1
        try:
            self.intro.value = f"<p>{html.escape(t('intro', lang))}</p>"
            queues = self.table["queue"].map(lambda q: t(f"queue_{q}", lang))
            set_options(self.agent, [(t("agent_option", lang, agent=a, queue=queues[a], team=self.table.at[a, "team"]), a)
                                  for a in self.table.index])
            set_options(self.kpi, [(_kpi_label(k, lang), k) for k in (*plan_kpis(), NO_KPI)])
            for widget, key in ((self.agent, "agent"), (self.kpi, "kpi"), (self.behaviour, "behaviour"),
                                (self.start, "start"), (self.due, "due"), (self.actuals, "actuals")):
                widget.description = t(key, lang)
            self._label_numbers()
            self.actuals.placeholder = t("actuals_placeholder", lang)
            for key, widget in self.headings.items():
                widget.value = f"<h3>{html.escape(t(key, lang))}</h3>"
        finally:
            self._quiet_depth -= 1

    # Reading -----------------------------------------------------------------

    def peer_values(self) -> pd.Series | None:
        """The chosen KPI of every agent in the chosen agent's queue, in screen units (None without a KPI)."""
        kpi = self.kpi.value
        if not kpi:
            return None
        queue = self.table.at[self.agent.value, "queue"]
        return screen_scale(kpi) * self.table.loc[self.table["queue"] == queue, kpi].dropna()

    def read_plan(self) -> SmartPlan:
        """The plan on screen (numbers in screen units); ValueError naming the field that is wrong."""
        behaviour = self.behaviour.value.strip()
        if not behaviour:
            raise ValueError(f"behaviour must be non-empty text, got {self.behaviour.value!r}")
        numbers = {name: parse_number(name, box.value) for name, box in self.numbers.items()}
        if self.start.value is None:
            raise ValueError("start must be a date, got None")
        if self.due.value is not None and self.due.value < self.start.value:
            raise ValueError(f"due must be on or after start {self.start.value}, got {self.due.value.isoformat()!r}")
        return SmartPlan(self.agent.value, self.kpi.value or None, behaviour, numbers["baseline"],
                         numbers["target"], self.start.value, self.due.value, numbers["team_target"])

    # Computing ---------------------------------------------------------------

    def recompute(self) -> None:
        """Check the plan on screen; show the verdicts, or one sentence saying what is wrong."""
        controls = [self.agent, self.kpi, self.behaviour, self.start, self.due, self.actuals, self.language,
                    *self.numbers.values()]
        with busy(controls):
            self._set_status("computing", t("computing", self.lang))
            try:
                plan = self.read_plan()
                peers = self.peer_values()
                check = check_smart(plan, peer_values=None if peers is None else peers.to_numpy())
                actuals = parse_actuals(self.actuals.value, plan.start)
                trajectory = None if actuals is None else plan_trajectory(plan, actuals, TOLERANCE)
            except Exception as exc:  # every failure becomes a sentence, never a traceback
                log_unexpected(exc, "smart_plan: check plan")
                self._fail(self._message(exc))
                return
            self.plan, self.check, self.trajectory = plan, check, trajectory
            self.runs += 1
            self._show()

    def _message(self, exc: BaseException) -> str:
        parsed = parameter_of(exc) if isinstance(exc, (ValueError, TypeError)) else None
        if parsed is None:
            return t("unexpected", self.lang, kind=type(exc).__name__)
        if parsed[0] in _NO_VALUE and parsed[0] in ERRORS:
            return ERRORS[parsed[0]][0] + "。" if self.lang == "zh" else ERRORS[parsed[0]][1] + "."
        return error_message(exc, self.lang, percent=False, errors=ERRORS)

    def _fail(self, message: str) -> None:
        self.plan = self.check = self.trajectory = None
        self.runs += 1
        set_card(self.result_card, t("result", self.lang), "—")
        self.verdicts.value = self.trajectory_box.value = self.download.value = ""
        self.keep.refresh()  # a wrong plan: no report
        self._set_status("error", message)

    def _show(self) -> None:
        lang, kpi, check = self.lang, self.kpi.value, self.check
        summary = result_text(check, lang)
        set_card(self.result_card, t("result", lang), summary)
        self.verdicts.value = verdicts_html(check, lang, kpi, _kpi_label(kpi, lang))
        self._show_peers()
        if self.trajectory is not None:
            frame = trajectory_frame(self.trajectory, lang)
            hint = t("on_track_hint", lang, tol=TOLERANCE)
            self.trajectory_box.value = (f'<p class="ccs-hint">{html.escape(hint)}</p>'
                                         + table_html(frame, self.trajectory["on_track"].tolist()))
            message = t("ok_trajectory", lang, summary=summary, n=len(self.trajectory),
                        on=int(self.trajectory["on_track"].sum()))
        else:
            self.trajectory_box.value = ""
            message = t("ok", lang, summary=summary)
        sheets, options = excel_sheets(self.plan, check, self.trajectory, _kpi_label(kpi, lang),
                                       _unit(kpi, lang), lang, kpi, self._settings())
        self.download.value = excel_link(sheets, t("excel_file", lang), t("download_excel", lang), **options)
        self.keep.refresh()
        self._set_status("ok", message)

    def _settings(self) -> list[Setting]:
        """The plan's inputs (agent, KPI, behaviour, numbers in screen units, dates, actuals): the
        workbook's inputs sheet and the report's."""
        p, lang, kpi = self.plan, self.lang, self.kpi.value
        unit, fmt = _unit(kpi, lang), "#,##0.0"
        return [Setting(t("agent", lang), p.agent_id), Setting(t("kpi", lang), _kpi_label(kpi, lang)),
                Setting(t("behaviour", lang), p.behaviour), Setting(t("baseline", lang), p.baseline, unit, fmt),
                Setting(t("target", lang), p.target, unit, fmt), Setting(t("team_target", lang), p.team_target, unit, fmt),
                Setting(t("start", lang), p.start), Setting(t("due", lang), p.due),
                Setting(t("actuals", lang), self.actuals.value.strip())]

    def report_content(self):
        """The checked plan as a one-page report (None while the plan is wrong): the plan's inputs, each
        letter's verdict and reason, the peers' chart, the follow-up table, the five checks in words."""
        from ccskills.reports import Report

        if self.check is None or self.plan is None:
            return None
        lang, kpi = self.lang, self.kpi.value
        table = None if self.trajectory is None else trajectory_frame(self.trajectory, lang)
        return Report(title=t("report_title", lang, agent=self.plan.agent_id), lang=lang, settings=self._settings(),
                      results=report_results(self.check, self.trajectory, lang, kpi, _kpi_label(kpi, lang)),
                      chart=self._chart_spec if kpi else None, assumptions=report_assumptions(lang, TOLERANCE),
                      table=table, table_title=t("report_table", lang))

    def _show_peers(self) -> None:
        kpi, lang = self.kpi.value, self.lang
        visible = bool(kpi)
        self.chart_box.layout.display = self.headings["peers_heading"].layout.display = None if visible else "none"
        if not visible:
            self.note.value = f'<p class="ccs-hint">{html.escape(t("no_peers_note", lang))}</p>'
            return
        peers = self.peer_values()
        table = peer_table(peers.to_frame(kpi), kpi)  # the best quarter's level is the A check's
        level = _round(kpi, float(table["top_quartile"].iloc[0]))
        queue = t(f"queue_{self.table.at[self.agent.value, 'queue']}", lang)
        note = t("prefill_note", lang, agent=self.agent.value, queue=queue, n=len(peers), level=f"{level:g}")
        self.note.value = f'<p class="ccs-hint">{html.escape(note)}</p>'
        title = t("axis_value", lang, kpi=_kpi_label(kpi, lang), unit=_unit(kpi, lang))
        self._chart_spec = peers_chart(table, self.plan, title, lang)
        self.chart = draw_chart(self.chart, self.chart_box, self._chart_spec, "ccs-chart")

    def _set_status(self, kind: str, message: str) -> None:
        self.status.value = status_html(kind, message, self.runs)

    # Reading the screen (tests) -----------------------------------------------

    def shown_verdicts(self) -> list[str]:
        """The verdict sentences on screen, in S, M, A, R, T order."""
        return [html.unescape(m) for m in re.findall(r"<li [^>]*>(.*?)</li>", self.verdicts.value)]

    def shown(self) -> str:
        """The result card's text, e.g. '✗ fails: A'."""
        return card_value(self.result_card)

    @property
    def status_text(self) -> str:
        """The status line as plain text."""
        return status_text(self.status)


def build_smart_plan_builder(lang: str = "zh") -> SmartPlanBuilder:
    """The SMART plan builder in ``lang`` ('zh' default, or 'en'), prefilled for A022's AHT and checked.

    >>> app = build_smart_plan_builder("en")
    >>> app.shown()
    '✓ every letter passes'
    """
    return SmartPlanBuilder(lang=lang)
