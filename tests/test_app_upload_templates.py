"""Each upload has a downloadable example file (issue 13, "upload templates"): the file the page
offers, read back by the same reader the upload uses, gives the rows it holds."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest

from ccskills.apps.hiring import build_hiring_planner, uploaded_requirement
from ccskills.apps.kano import build_kano_analyser, read_survey_upload
from ccskills.apps.kpi_dashboard import build_kpi_dashboard
from ccskills.apps.planner import build_workforce_planner
from ccskills.apps.qa import build_qa_calculator, read_calibration_upload
from ccskills.io import read_interval_history
from ccskills.kpi import read_call_records


def _template(html_text: str) -> tuple[str, bytes]:
    link = re.search(r'<a class="ccs-template-link" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"',
                     html_text)
    assert link, html_text[:300]
    return link[1], base64.b64decode(link[2])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_planner_template_reads_back(lang):
    app = build_workforce_planner(lang)
    name, data = _template(app.upload_hint.value)
    history = read_interval_history(data, name)
    assert len(history) == 2 * 56 and history["calls"].sum() > 0  # two days, 08:00–22:00 in quarters
    app.source.value = "upload"
    assert "ccs-template-link" in app.upload_hint.value and app.upload_hint.layout.display is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kpi_template_reads_back(lang):
    app = build_kpi_dashboard(lang)
    name, data = _template(app.upload_hint.value)
    records = read_call_records(data, name)
    assert (records["outcome"] == "answered").sum() == 10 and (records["outcome"] == "abandoned").sum() == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hiring_template_reads_back(lang):
    app = build_hiring_planner(lang)
    name, data = _template(app.upload_hint.value)
    need = uploaded_requirement(data, name)
    assert len(need) == 8 and need.iloc[0] == pytest.approx(78.2)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_qa_template_reads_back(lang):
    app = build_qa_calculator(lang)
    name, data = _template(app.upload_help.value)
    scores, reference, *_ = read_calibration_upload(data, name, app.scorecard)
    assert scores.shape == (12, 7) and reference in scores.columns  # 6 analysts and the reference


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kano_template_reads_back(lang):
    app = build_kano_analyser(lang)
    name, data = _template(app.upload_help.value)
    survey = read_survey_upload(data, name)
    assert survey["respondent"].nunique() == 2 and len(survey) == 14


def test_a_chinese_template_has_chinese_headers():
    frame = pd.read_excel(__import__("io").BytesIO(_template(build_kpi_dashboard("zh").upload_hint.value)[1]))
    assert list(frame.columns)[:4] == ["通话编号", "队列", "来电时间", "结果"]
    assert set(frame["结果"]) == {"接通", "放弃"}
