"""One-page PDF report (issue 13): one A4 page whatever the content, every input and result readable in the text,
the Chinese font embedded, the chart drawn offline; and the shared input row / cell formatting."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("reportlab")
pytest.importorskip("vl_convert")

from ccskills.reports import (COUNT, PERCENT, SECONDS, Report, Setting, chart_png, format_cell,  # noqa: E402
                              report_pdf)
from ccskills.reports import _fonts  # noqa: E402

A4 = (595.28, 841.89)  # points, ISO 216: 210 × 297 mm


def _reader(payload: bytes):
    return pypdf.PdfReader(io.BytesIO(payload))


def _text(payload: bytes) -> str:
    return "".join(_reader(payload).pages[0].extract_text().split())  # wrapped lines joined, no spaces


def _chart(lang="zh"):
    frame = pd.DataFrame({"agents": range(9, 20), "sl": [0, .1, .37, .64, .8, .89, .94, .97, .99, .99, 1]})
    title = "服务水平随座席数的变化" if lang == "zh" else "Service level by agents"
    return alt.Chart(frame, title=title).mark_line(point=True).encode(x="agents:Q", y="sl:Q")


def _erlang_report(lang: str) -> Report:
    zh = lang == "zh"
    settings = [Setting("每时段来电量" if zh else "Calls per interval", 100, "通" if zh else "calls", COUNT),
                Setting("时段长度" if zh else "Interval length", 30, "分钟" if zh else "min", COUNT),
                Setting("平均处理时长（AHT）" if zh else "Average handle time (AHT)", 180, "秒" if zh else "s", SECONDS),
                Setting("服务水平目标" if zh else "Service level target", 0.8, "", PERCENT),
                Setting("应答时限" if zh else "Answer time", 20, "秒" if zh else "s", SECONDS),
                Setting("最高占用率" if zh else "Maximum occupancy", 0.85, "", PERCENT),
                Setting("损耗率" if zh else "Shrinkage", 0.3, "", PERCENT),
                Setting("耐心时间" if zh else "Patience", None, "秒", SECONDS)]  # None: not shown
    results = [("所需座席数" if zh else "Required agents", "14", "服务水平目标决定了座席数。" if zh else "Set by the target."),
               ("排班人数" if zh else "Scheduled headcount", "20", ""),
               ("服务水平" if zh else "Service level", "88.8 %", ""),
               ("平均应答速度" if zh else "ASA", "7.8 秒" if zh else "7.8 s", "")]
    table = pd.DataFrame({"座席数" if zh else "Agents": range(9, 20), "服务水平" if zh else "SL": [0.5] * 11})
    return Report(title="Erlang 座席计算器" if zh else "Erlang staffing calculator", lang=lang, settings=settings,
                  results=results, chart=_chart(lang), table=table,
                  assumptions=["来电按泊松过程到达（Erlang C）。" if zh else "Calls arrive at random (Erlang C)."],
                  generated=datetime(2026, 12, 5, 9, 30))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_erlang_report_is_one_a4_page_with_every_input_and_result(lang):
    report = _erlang_report(lang)
    payload = report_pdf(report)
    reader = _reader(payload)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5)
    text = _text(payload)
    assert "".join(report.title.split()) in text and "2026-12-0509:30" in text
    for setting in report.settings:
        if setting.value is None:
            assert "".join(setting.label.split()) not in text
            continue
        assert "".join(setting.label.split()) in text
    # values as a person reads them, written out here independently of format_cell
    for shown in ("100", "180.0", "80.0%", "85.0%", "30.0%", "20.0"):
        assert shown in text
    for label, value, note in report.results:
        assert "".join(label.split()) in text and "".join(value.split()) in text
        assert "".join(note.split()) in text
    assert ("假设与说明" if lang == "zh" else "Assumptions") in text
    assert "".join(report.assumptions[0].split()) in text


def test_the_chart_is_an_image_on_the_page():
    page = _reader(report_pdf(_erlang_report("zh"))).pages[0]
    images = list(page.images)
    assert len(images) == 1 and images[0].image.width > 300


def test_a_long_report_still_fits_one_page_and_says_what_was_left_out():
    settings = [Setting(f"输入项 {i} 的一个相当长的名称，用来检查换行是否正常", i * 1000.5, "单位", "#,##0.0") for i in range(60)]
    results = [(f"结果 {i}", f"{i},000", "这是一段很长的说明文字，" * 12) for i in range(30)]
    table = pd.DataFrame({"时段": [f"08:{i:02d}" for i in range(200)], "来电": range(200), "座席": range(200)})
    notes = ["一条很长的假设说明，用来检查文字会换行，而不会超出页面的右边界。" * 6] * 30
    report = Report("一个很长很长的标题：" + "计划" * 60, "zh", settings, results, _chart(), notes, table,
                    footer="页脚 " * 200)
    payload = report_pdf(report)
    assert len(_reader(payload).pages) == 1
    text = _text(payload)
    assert "一个很长很长的标题" in text and "输入项0" in text and "结果0" in text
    assert re.search(r"另有\d+项输入未列出", text)
    assert re.search(r"另有\d+行未列出", text) or "明细" not in text
    assert "…" in text


def test_long_unbroken_english_words_wrap_inside_the_page():
    word = "Supercalifragilistic" * 20
    report = Report(word, "en", [Setting(word, word)], [(word, word, word)], None, [word] * 3)
    page = _reader(report_pdf(report)).pages[0]
    assert "Supercalifragilistic" in page.extract_text()
    # every text run starts inside the page: nothing was pushed off to the right
    xs = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: xs.append(tm[4] * cm[0] + cm[4]) if text.strip() else None)
    assert xs and max(xs) < A4[0]


@pytest.mark.skipif(not any(Path(f).is_file() for _, f, _ in _fonts.TRUETYPE_CANDIDATES),
                    reason="no TrueType CJK font on this machine")
def test_the_chinese_font_is_embedded():
    page = _reader(report_pdf(_erlang_report("zh"))).pages[0]
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    descriptors = []
    for font in fonts:
        for child in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
            if "/FontDescriptor" in child:
                descriptors.append(child["/FontDescriptor"].get_object())
    assert descriptors and all("/FontFile2" in d for d in descriptors)  # every font on the page embedded
    assert [str(f["/BaseFont"]).split("+")[-1] for f in fonts] == ["WenQuanYiMicroHei-0"]  # no Helvetica either


def test_without_a_truetype_font_the_cid_font_still_renders_chinese(monkeypatch):
    monkeypatch.setattr(_fonts, "TRUETYPE_CANDIDATES", ())
    payload = report_pdf(_erlang_report("zh"))
    page = _reader(payload).pages[0]
    names = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    assert any(_fonts.CID_FONT in n for n in names) and "所需座席数" in _text(payload)


def test_the_chart_is_drawn_offline_and_an_external_url_is_refused():
    png = chart_png(_chart())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    remote = alt.Chart(alt.Data(url="https://example.com/calls.csv")).mark_point().encode(x="a:Q")
    with pytest.raises(ValueError, match="not allowed"):
        chart_png(remote)
    report = Report("外部数据", "zh", chart=remote, results=[("座席", "14", "")])
    told = []
    payload = report_pdf(report, on_chart_error=lambda exc, step: told.append((type(exc).__name__, step)))
    assert len(_reader(payload).pages) == 1 and "图表无法生成" in _text(payload)
    assert told == [("ValueError", "report: chart")]


@pytest.mark.skipif(not any(Path(f).is_file() for _, f, _ in _fonts.TRUETYPE_CANDIDATES),
                    reason="no TrueType CJK font on this machine")
def test_characters_the_font_lacks_are_left_out_not_printed_as_boxes():
    payload = report_pdf(Report("状态", "zh", results=[("放弃率", "🟢 4.0 %", "达标 ✓")]))
    text = _text(payload)
    assert "放弃率4.0%达标✓" in text and "\x00" not in text  # unfiltered, the dot becomes glyph 0 (\x00)


def test_table_numbers_follow_their_column_formats():
    table = pd.DataFrame({"座席数": [14, 15], "服务水平": [0.8876, 0.9412], "平均应答速度": [7.84, 3.671]})
    report = Report("表格", "zh", table=table, table_formats={"服务水平": "0.0%", "平均应答速度": "#,##0.0"})
    text = _text(report_pdf(report))
    assert "1488.8%7.8" in text and "1594.1%3.7" in text  # 14 | 88.8 % | 7.8 on one row


def test_a_report_without_chart_table_or_assumptions_is_fine():
    payload = report_pdf(Report("只有结果", "zh", results=[("所需座席数", "14", "")]))
    assert len(_reader(payload).pages) == 1 and "所需座席数14" in _text(payload)


@pytest.mark.parametrize("bad, match", [("not a report", "^report must be"), (Report("   "), "^report must have")])
def test_bad_reports_raise_value_error_naming_report(bad, match):
    with pytest.raises(ValueError, match=match):
        report_pdf(bad)


def test_old_import_paths_still_work():
    from ccskills.apps._workbook import PERCENT as OLD_PERCENT
    from ccskills.apps._workbook import Setting as OldSetting
    from ccskills.assessment_forms._fonts import pdf_font

    assert OldSetting is Setting and OLD_PERCENT == "0.0%" == PERCENT
    assert pdf_font().name in {"WQYMicroHei", "WQYZenHei", _fonts.CID_FONT}


@pytest.mark.parametrize("value, fmt, lang, shown", [
    (0.8123, "0.0%", "zh", "81.2 %"), (0.8, "0%", "zh", "80 %"), (12345.678, "#,##0", "zh", "12,346"),
    (1234.5, "#,##0.0", "zh", "1,234.5"), (-0.04, "#,##0.0", "zh", "0.0"), (float("inf"), "#,##0.0", "zh", "∞"),
    (None, "#,##0", "zh", "—"), (float("nan"), None, "zh", "—"), (True, None, "zh", "是"), (False, None, "en", "No"),
    (1234567, None, "zh", "1,234,567"), (2.5, None, "zh", "2.5"), (2.0, None, "zh", "2"), ("文字", "#,##0", "zh", "文字"),
    ([1, 2], "#,##0", "zh", "1, 2"), (pd.Timestamp("2026-03-02"), None, "zh", "2026-03-02"),
    (pd.Timestamp("2026-03-02 08:15"), None, "zh", "2026-03-02 08:15"), (pd.NaT, None, "zh", "—"),
    (datetime(2026, 3, 2).date(), None, "en", "2026-03-02"), (np.bool_(True), None, "en", "Yes"),
])
def test_format_cell_reads_like_the_excel_format(value, fmt, lang, shown):
    assert format_cell(value, fmt, lang) == shown


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to watch system calls")
def test_making_a_report_opens_no_network_socket(tmp_path):
    # Watch every socket the process (vl-convert's threads included) creates; a report must create none
    # outside the machine (AF_UNIX/AF_NETLINK are local). The network is not needed, so none is tried.
    script = tmp_path / "make_report.py"
    script.write_text(f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                      "from test_reports import _erlang_report\n"
                      "from ccskills.reports import report_pdf\n"
                      "assert report_pdf(_erlang_report('zh'))[:5] == b'%PDF-'\n")
    trace = tmp_path / "trace.txt"
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
                           sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr[-2000:]
    calls = trace.read_text()
    assert "AF_INET" not in calls, calls[:2000]  # neither AF_INET nor AF_INET6
