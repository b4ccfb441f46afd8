"""Tier 3: the Kano analyser, headless.

The widget tree is built, options changed and files uploaded as a person would; what the
cards, the table and the status line show is compared with counts worked by hand from
the published evaluation table (reference/domain.md §3) and with ccskills.kano on the
same data. Bad uploads must give one sentence naming the column and spreadsheet rows.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from ccskills import kano
from ccskills.apps._kano_text import t
from ccskills.apps.kano import build_kano_analyser, read_survey_upload
from ccskills.datasets.kano import load_kano_survey
from ccskills.io import UploadError, excel_bytes

REPO = Path(__file__).resolve().parents[1]

# Hand-worked survey: feature "callback" answers (1,5)=O, (1,3)=A, (1,4)=A, (3,3)=I -> A;
# Better = (2+1)/4 = 0.75, Worse = -(1+0)/4 = -0.25. Feature "greeting": (2,5)=M, (3,5)=M,
# (1,5)=O, (5,5)=Q -> M; Better = 1/3 = 0.33, Worse = -(1+2)/3 = -1.00.
GOOD = """受访者,功能,正向题,反向题,分群
R1,callback,我很喜欢,我很不喜欢,企业
R2,callback,like,neutral,个人
R3,callback,1,勉强接受,个人
R4,callback,无所谓,无所谓,个人
R1,greeting,理应如此,我不喜欢,企业
R2,greeting,3,5,个人
R3,greeting,我喜欢,dislike,个人
R4,greeting,5,5,个人
"""


@pytest.fixture(scope="module")
def app():
    return build_kano_analyser("zh")


def row_cells(app, feature: str) -> list[str]:
    match = re.search(rf'<tr[^>]*data-feature="{feature}">(.*?)</tr>', app.table.value)
    assert match, f"{feature} not in the table"
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1))


def test_opens_on_the_kit_survey(app):
    app.source.value = "sample"
    assert (app.shown("respondents"), app.shown("features")) == ("300", "7")
    expected = kano.analyze(load_kano_survey())
    pd.testing.assert_frame_equal(app.result, expected)
    assert app.status_text == t("done_sample", "zh", respondents=300, features=7)
    cells = row_cells(app, "greeting")
    assert cells[0] == "规范的开场问候" and cells[7].startswith("必备属性 M")
    # same_agent: A 106 vs I 104 of 300 answers, a lead of 0.67 % -> flagged as a close call
    assert "票数接近" in row_cells(app, "same_agent")[7]
    assert "ccs-download-link" in app.download.value and app.chart is not None


def test_segment_and_split(app):
    app.source.value = "sample"
    values = [v for _, v in app.segment.options]
    assert values == ["", "business", "individual", "senior"]
    app.segment.value = "business"
    assert app.shown("respondents") == "70"
    assert app.result.loc["same_agent", "category"] == "A"
    assert app.result.loc["hours_24x7", "category"] == "M"
    app.segment.value = "individual"
    assert app.result.loc["same_agent", "category"] == "I"
    app.split.value = "mean"
    spec = app.chart.chart.to_dict()
    mean_worse = app.result["worse"].abs().mean()
    assert spec["layer"][0]["encoding"]["x"]["datum"] == pytest.approx(mean_worse)
    app.split.value = 0.5
    app.segment.value = ""
    assert app.shown("respondents") == "300"


def test_language_switch(app):
    app.language.value = "en"
    try:
        assert app.status_text == t("done_sample", "en", respondents=300, features=7)
        assert row_cells(app, "greeting")[0] == "Standard greeting script"
        assert "Must-be M" in row_cells(app, "greeting")[7]
        assert app.segment.options[0][0] == "All respondents"
    finally:
        app.language.value = "zh"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_upload_hand_worked_survey(app, encoding):
    app.load_upload(GOOD.encode(encoding), "survey.csv")
    result = app.result
    assert result.loc["callback", list("AOMIRQ")].tolist() == [2, 1, 0, 1, 0, 0]
    assert result.loc["callback", "category"] == "A"
    assert result.loc["greeting", list("AOMIRQ")].tolist() == [0, 1, 2, 0, 0, 1]
    assert result.loc["greeting", "category"] == "M"
    cells = row_cells(app, "callback")
    assert cells[0] == "callback" and cells[8:] == ["0.75", "-0.25"]
    assert row_cells(app, "greeting")[8:] == ["0.33", "-1.00"]
    assert app.status_text == t("done_upload", "zh", name="survey.csv", respondents=4, features=2)
    assert [v for _, v in app.segment.options] == ["", "个人", "企业"]
    app.segment.value = "企业"
    assert app.shown("respondents") == "1" and app.result.loc["callback", "category"] == "O"
    app.segment.value = ""


def test_upload_excel(app):
    frame = pd.read_csv(io.StringIO(GOOD), dtype=str)
    app.load_upload(excel_bytes({"问卷": frame}), "survey.xlsx")
    assert app.result.loc["callback", "category"] == "A" and app.shown("respondents") == "4"


@pytest.mark.parametrize("content, words", [
    # row 3 of the sheet (2nd data row) has "maybe" in functional
    ("respondent,feature,functional,dysfunctional\nR1,x,1,5\nR2,x,maybe,3\n",
     ["“functional”", "第 3 行", "“maybe”"]),
    ("respondent,feature,functional,dysfunctional\nR1,x,1,5\nR2,x,1,9\nR3,x,1,0\n",
     ["“dysfunctional”", "第 3, 4 行", "“9”"]),
    ("respondent,feature,functional,dysfunctional\nR1,x,1,5\nR1,x,2,5\n",
     ["R1 / x", "第 2, 3 行"]),
    ("respondent,feature,functional,dysfunctional\nR1,,1,5\n", ["“feature”", "第 2 行"]),
    ("who,feature,functional,dysfunctional\nR1,x,1,5\n", ["respondent"]),
])
def test_bad_uploads_name_column_and_rows(app, content, words):
    app.load_upload(content.encode(), "bad.csv")
    assert app.result is None and app.shown("features") == "—"
    assert app.table.value == "" and app.download.value == ""
    assert 'class="ccs-status-error"' in app.status.value
    for word in words:
        assert word in app.status_text, (word, app.status_text)
    assert "Traceback" not in app.status_text


def test_bad_upload_in_english(app):
    app.language.value = "en"
    try:
        app.load_upload(b"respondent,feature,functional,dysfunctional\nR1,x,1,5\nR2,x,7,3\n", "b.csv")
        assert app.status_text.startswith('Column "functional" must hold answers 1–5')
        assert 'row 3 has "7"' in app.status_text
    finally:
        app.language.value = "zh"


@pytest.mark.parametrize("data, name", [(b"", "e.csv"), (b"%PDF-1.4", "x.pdf"),
                                        (b"respondent,feature\n", "h.csv")])
def test_unusable_files_give_a_sentence(app, data, name):
    app.load_upload(data, name)
    assert 'class="ccs-status-error"' in app.status.value and app.result is None


def test_waiting_for_an_upload_and_back_to_the_sample():
    app = build_kano_analyser("en")
    app.source.value = "upload"
    assert app.status_text == t("waiting_upload", "en") and app.result is None
    app.source.value = "sample"
    assert app.shown("features") == "7"


def test_excel_report_holds_the_result(app):
    app.source.value = "sample"
    href = re.search(r'href="data:[^;]+;base64,([^"]+)"', app.download.value).group(1)
    sheets = pd.read_excel(io.BytesIO(base64.b64decode(href)), sheet_name=None)
    result = sheets[t("sheet_result", "zh")].set_index("功能编号")
    assert result.loc["greeting", "M"] == 144
    assert result.loc["callback", t("better", "zh")] == pytest.approx(193 / 282)
    assert len(sheets[t("sheet_codes", "zh")]) == 5
    assert sheets["输入参数"].set_index("参数")["取值"]["受访者"] == 300


def test_read_survey_upload_directly():
    frame = read_survey_upload(GOOD.encode(), "s.csv")
    assert list(frame.columns) == ["respondent", "feature", "functional", "dysfunctional", "segment"]
    with pytest.raises(UploadError) as info:
        read_survey_upload(b"respondent,feature,functional,dysfunctional\nR1,x,1,8\n", "s.csv")
    assert (info.value.problem, info.value.column, info.value.rows) == ("bad_answer", "dysfunctional", [2])


def test_voila_notebook_is_two_cells():
    import nbformat

    nb = nbformat.read(REPO / "course" / "apps" / "kano_analyser.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code == ["from ccskills.apps.kano import build_kano_analyser", "build_kano_analyser()"]


WIDE = """受访者,分群,回拨_正向,回拨_反向,问候_正向,问候_反向
R1,企业,我很喜欢,我很不喜欢,理应如此,我不喜欢
R2,个人,like,neutral,3,5
R3,个人,1,勉强接受,我喜欢,dislike
R4,个人,无所谓,无所谓,5,5
"""


def test_wide_upload_gives_the_same_result_as_the_long_one(app):
    app.load_upload(GOOD.encode("gbk"), "long.csv")
    long_result = app.result.copy()
    app.load_upload(WIDE.encode("gbk"), "wide.csv")
    pd.testing.assert_frame_equal(app.result.rename(index={"回拨": "callback", "问候": "greeting"}),
                                  long_result)
    assert [v for _, v in app.segment.options] == ["", "个人", "企业"]


@pytest.mark.parametrize("content, words", [
    ("受访者,回拨_正向,回拨_反向\nR1,1,5\nR2,1,六\n", ["“回拨_反向”", "第 3 行", "“六”"]),
    ("受访者,回拨_正向,回拨_反向\nR1,1,5\nR1,1,3\n", ["“受访者”", "第 2, 3 行"]),
])
def test_bad_wide_uploads_name_the_sheet_column(app, content, words):
    app.load_upload(content.encode(), "wide.csv")
    assert app.result is None
    for word in words:
        assert word in app.status_text, (word, app.status_text)


def test_rows_count_a_title_line_above_the_header(app):
    # a title line and a blank line sit above the header (sheet row 3), so the 2nd data row is row 5
    content = "2026年3月 卡诺问卷\n\nrespondent,feature,functional,dysfunctional\nR1,x,1,5\nR2,x,maybe,3\n"
    app.load_upload(content.encode(), "titled.csv")
    assert "第 5 行" in app.status_text and "“maybe”" in app.status_text, app.status_text


def test_switching_language_re_renders_the_cached_analysis_in_one_pass(monkeypatch):
    # issue 13: a switch re-analysed the survey while the title was already English; now the cached
    # analysis is re-rendered and no Chinese is left anywhere on the page
    from widget_text import chinese_left

    from ccskills.apps import kano as module

    app = build_kano_analyser("zh")
    monkeypatch.setattr(module.kano, "analyze", lambda *a, **k: pytest.fail("recomputed"))
    app.language.value = "en"
    assert chinese_left(app) == []
    assert app.shown("respondents") == "300" and app.status_text.startswith("Analysed the kit's survey")


def test_the_upload_preview_shows_what_was_read():
    # issue 13: long and wide files: rows, which column became what, first rows; English after a switch
    app = build_kano_analyser("zh")
    app.load_upload("受访者,功能,正向题,反向题,分群\nR1,回拨,1,5,a\nR2,回拨,1,5,b\n".encode("gbk"), "s.csv")
    assert "读取 s.csv：2 行" in app.preview.value and "分群 → 客户分群" in app.preview.value
    app.load_upload("编号,回拨_正向,回拨_反向\nR1,1,5\nR2,1,3\n".encode("gbk"), "w.csv")
    assert "编号 → 受访者；回拨_正向 → “回拨”的正向题；回拨_反向 → “回拨”的反向题" in app.preview.value
    app.language.value = "en"
    assert "Read w.csv: 2 rows" in app.preview.value and "Dysfunctional question of" in app.preview.value
    app.source.value = "sample"
    assert app.preview.value == ""
