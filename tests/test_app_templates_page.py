"""Tier 3: the management templates page, headless: build it, switch language, make files, read them back.

Expected values are worked out here, not read from the page's own code: the file names follow the
catalogue's naming rule spelled out in :func:`expected_name` (part folder, id, 示例/模板/example/
template, extension by kind), the format words are Word for .docx and Excel for .xlsx, and every file
offered is opened with python-docx or openpyxl.
"""

from __future__ import annotations

import base64
import dataclasses
import html
import io
import re
import threading
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from ccskills.apps import templates_page as page_module
from ccskills.apps._templates_text import PURPOSES
from ccskills.apps.templates_page import build_templates_page, run_watched
from ccskills.management import catalogue
from ccskills.server.links import course_notebooks
from ccskills.workbooks._visible import visible_text

REPO = Path(__file__).resolve().parents[1]
SUFFIX = {("zh", True): "示例", ("zh", False): "模板", ("en", True): "example", ("en", False): "template"}
LINK = re.compile(r'<a class="([^"]+)" data-built="(\d+)" download="([^"]+)" href="data:([^;]+);base64,([^"]+)">')


def expected_name(tpl, lang: str, filled: bool) -> str:
    """Where the catalogue puts a file: ``<part>/<id>_<示例|模板|example|template>.<kind>`` (its documented rule)."""
    return f"{tpl.part}/{tpl.id}_{SUFFIX[(lang, filled)]}.{tpl.kind}"


def links(html_value: str) -> list[tuple[str, str, bytes]]:
    """(file name, media type, bytes) of every download link in an HTML value."""
    return [(name, mime, base64.b64decode(data)) for _, _, name, mime, data in LINK.findall(html_value)]


def opened(name: str, payload: bytes):
    """The file opened with python-docx or openpyxl (raises if it does not open)."""
    if name.endswith(".docx"):
        return docx.Document(io.BytesIO(payload))
    assert name.endswith(".xlsx"), name
    return openpyxl.load_workbook(io.BytesIO(payload))


def word_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def chinese(text: str) -> list[str]:
    return re.findall(r".{0,12}[\u3400-\u9fff\u3000-\u303f\uff00-\uffef].{0,12}", text)


def page_text(page) -> str:
    """What a person reads (the language toggle's own 中文 aside), with tooltips and button words."""
    text = visible_text(page).replace("中文", "")
    stack = [page]
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        text += "\n" + str(getattr(widget, "tooltip", "") or "")
    return text


@pytest.fixture(autouse=True)
def quiet_log(monkeypatch, tmp_path):
    """Unexpected errors are logged into this test's folder, never the user's log."""
    import ccskills.apps._common as common

    monkeypatch.setenv("CCSKILLS_LOG_DIR", str(tmp_path / "log"))
    yield tmp_path / "log" / "ccskills.log"
    for handler in list(common._log.handlers):  # release the file
        common._log.removeHandler(handler)
        handler.close()


# The table ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_lists_every_catalogue_template_grouped_by_part(lang):
    page = build_templates_page(lang)
    templates = catalogue.catalogue()
    assert len(templates) >= 36
    assert list(page.rows) == [tpl.id for tpl in templates]
    order = [part for part in ("rules", "processes", "roles", "floor", "system")
             if any(tpl.part == part for tpl in templates)]
    blocks = page.table.children[1:]  # after the header: (part heading, its grid) in the operating system's order
    assert [blocks[i] for i in range(0, len(blocks), 2)] == [page.parts[part] for part in order]
    for heading, grid in zip(blocks[::2], blocks[1::2]):
        part = next(p for p in order if page.parts[p] is heading)
        expected = [cell for tpl in templates if tpl.part == part for cell in page.rows[tpl.id].cells()]
        assert list(grid.children) == expected
    for tpl in templates:
        row = page.rows[tpl.id]
        assert html.unescape(row.title.value) == (tpl.title_zh if lang == "zh" else tpl.title_en)
        assert row.kind.value == {"docx": "Word", "xlsx": "Excel"}[tpl.kind]
        assert tpl.id in PURPOSES  # a line written for it, not the fallback
        assert row.purpose.value and tpl.id not in row.purpose.value
        assert row.button.description == ("生成文件" if lang == "zh" else "Make file")
    counts = {part: sum(tpl.part == part for tpl in templates) for part in order}
    assert page.parts["rules"].value == (f"制度（{counts['rules']}）" if lang == "zh" else f"Rules ({counts['rules']})")
    assert page.status.value.startswith('<span class="ccs-status-ok" data-run="0">')


def test_english_page_has_no_chinese_and_switching_relabels_everything_in_one_pass():
    page = build_templates_page("zh")
    page.build_one("escalation_matrix")  # a link with a Chinese file name
    assert "escalation_matrix_示例.xlsx" in page.rows["escalation_matrix"].links.value
    seen_at_title = []
    page.title.observe(lambda change: seen_at_title.append(chinese(page_text(page))), names="value")
    page.language.value = "en"
    assert seen_at_title == [[]]  # when the English title shows, nothing Chinese is left
    assert page.rows["escalation_matrix"].links.value == ""  # that file was Chinese: gone
    assert page.title.value == "<h2>Management templates</h2>"
    page.build_one("escalation_matrix")
    page.version.value = "both"
    page.build_one("raci_matrix")
    assert chinese(page_text(page)) == []
    from widget_text import chinese_left

    assert chinese_left(page) == []
    page.language.value = "zh"
    assert page.title.value == "<h2>管理模板</h2>" and page.version.label == "两者都要"
    assert not any(words in page_text(page) for words in ("Make file", "What it is for", "Download all"))


def test_the_page_is_listed_by_the_guide_with_its_title():
    found = course_notebooks(REPO / "course")
    assert ("apps", "apps/management_templates.ipynb", "管理模板 / Management templates") in found


# Downloads ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, version, template_id", [("zh", "example", "rule_attendance"),
                                                       ("en", "blank", "handover_record"),
                                                       ("zh", "both", "process_escalation")])
def test_a_template_button_offers_files_that_open(lang, version, template_id):
    page = build_templates_page(lang)
    page.version.value = version
    tpl = next(t for t in catalogue.catalogue() if t.id == template_id)
    page.rows[template_id].button.click()
    filled = {"example": [True], "blank": [False], "both": [True, False]}[version]
    files = links(page.rows[template_id].links.value)
    assert [name for name, _, _ in files] == [Path(expected_name(tpl, lang, f)).name for f in filled]
    title = tpl.title_zh if lang == "zh" else tpl.title_en
    for name, mime, payload in files:
        document = opened(name, payload)
        assert mime == {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[tpl.kind]
        if tpl.kind == "docx":
            assert title in word_text(document)
        else:
            assert document.sheetnames and document.worksheets[0].max_row > 1
    assert page.status_text == (f"已生成“{title}”：点链接下载。" if lang == "zh"
                                else f"\u201c{title}\u201d is ready: click the link to download.")
    assert page.runs == 1 and 'data-run="1"' in page.status.value
    assert page.progress.layout.display == "none"


def test_the_zip_holds_every_selected_file_with_the_catalogue_names():
    page = build_templates_page("en")
    page.version.value = "blank"
    page.zip_button.click()
    [(name, mime, payload)] = links(page.zip_link.value)
    assert name == "management_templates_blank.zip" and mime == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(payload))
    expected = {expected_name(tpl, "en", False) for tpl in catalogue.catalogue()}
    assert set(archive.namelist()) == expected | {"README.md"}
    for member in sorted(expected):
        opened(member, archive.read(member))
    index = archive.read("README.md").decode("utf-8")
    assert all(Path(n).name in index for n in expected)
    assert page.status_text == f"The .zip of {len(expected)} files is ready: click the link to download."
    assert f"{len(expected)} files" in page.zip_link.value


def test_the_zip_of_both_versions_in_chinese_names_both(monkeypatch):
    # only two templates, to keep the test short: write_templates' own selection is the catalogue's
    real = catalogue.write_templates
    monkeypatch.setattr(catalogue, "write_templates",
                        lambda folder, **kw: real(folder, only=("escalation_matrix", "team_charter"), **kw))
    page = build_templates_page("zh")
    page.version.value = "both"
    page.build_zip()
    [(name, _, payload)] = links(page.zip_link.value)
    assert name == "管理模板_示例与空白模板.zip"
    names = set(zipfile.ZipFile(io.BytesIO(payload)).namelist())
    assert names == {"processes/escalation_matrix_示例.xlsx", "processes/escalation_matrix_模板.xlsx",
                     "system/team_charter_示例.docx", "system/team_charter_模板.docx", "README.md"}


# While building ---------------------------------------------------------------------------------

def _spy_template(page, template_id, build):
    row = page.rows[template_id]
    row.template = dataclasses.replace(row.template, build=build)


def test_controls_are_disabled_during_a_build_progress_shows_and_all_come_back():
    page = build_templates_page("zh")
    page.version.value = "both"
    page.rows["rule_quality"].button.disabled = True  # a control already disabled stays so
    seen = []
    real = page.rows["rule_capacity"].template.build

    def build(lang, filled):
        seen.append(([c.disabled for c in page.busy_controls()], page.progress.layout.display))
        time.sleep(0.3)  # long enough for the page to show this file's step
        return real(lang, filled)

    _spy_template(page, "rule_capacity", build)
    steps = []
    page.status.observe(lambda change: steps.append(page.status_text), names="value")
    page.build_one("rule_capacity")
    assert len(seen) == 2 and all(all(flags) and shown is None for flags, shown in seen)
    assert "正在生成第 1 / 2 个文件：产能管理制度（示例）……" in steps
    assert "正在生成第 2 / 2 个文件：产能管理制度（空白模板）……" in steps
    flags = {id(c): c.disabled for c in page.busy_controls()}
    assert flags.pop(id(page.rows["rule_quality"].button)) is True
    assert not any(flags.values())
    assert page.progress.layout.display == "none"


def test_the_zip_build_disables_controls_and_reports_progress(monkeypatch):
    page = build_templates_page("en")
    real = catalogue.write_templates
    seen = []

    def spy(folder, **kw):
        seen.append([c.disabled for c in page.busy_controls()])
        return real(folder, only=("raci_matrix",), **kw)

    monkeypatch.setattr(catalogue, "write_templates", spy)
    page.zip_button.click()
    assert seen and all(seen[0])
    assert not any(c.disabled for c in page.busy_controls())
    [(name, _, payload)] = links(page.zip_link.value)
    assert set(zipfile.ZipFile(io.BytesIO(payload)).namelist()) == {"roles/raci_matrix_example.xlsx", "README.md"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_error_in_a_build_is_one_sentence_logged_not_a_traceback(lang, quiet_log):
    page = build_templates_page(lang)

    def broken(lang, filled):
        raise RuntimeError("Traceback (most recent call last): swimlane font missing")

    _spy_template(page, "process_training", broken)
    page.rows["process_training"].button.click()
    title = "培训流程" if lang == "zh" else "Training"
    assert page.status.value.startswith('<span class="ccs-status-error" data-run="1">')
    assert page.status_text == (
        f"生成“{title}”时出了问题（RuntimeError），没有生成文件。请再试一次；如果仍不行，请把日志文件发给讲师。"
        if lang == "zh" else f"Making \u201c{title}\u201d went wrong (RuntimeError); no file was made. "
                             "Please try again; if it still fails, send the trainer the log file.")
    assert "Traceback" not in visible_text(page) and "swimlane font" not in visible_text(page)
    assert page.rows["process_training"].links.value == ""
    assert not any(c.disabled for c in page.busy_controls())
    logged = quiet_log.read_text("utf-8")
    assert "templates: build" in logged and "swimlane font missing" in logged


def test_a_failing_zip_says_so_and_offers_no_half_archive(monkeypatch):
    def broken(folder, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(catalogue, "write_templates", broken)
    page = build_templates_page("en")
    page.build_zip()
    assert page.zip_link.value == ""
    assert page.status_text.startswith("Making \u201call templates\u201d went wrong (OSError)")
    assert not any(c.disabled for c in page.busy_controls())


def test_a_stalled_build_never_keeps_the_page_disabled(monkeypatch):
    monkeypatch.setattr(page_module, "STALL_S", 0.5)
    page = build_templates_page("en")
    release = threading.Event()

    def stuck(lang, filled):
        release.wait(30)
        return b""

    _spy_template(page, "culture_workshop", stuck)
    start = time.monotonic()
    try:
        page.build_one("culture_workshop")
    finally:
        release.set()
    assert time.monotonic() - start < 10
    assert page.status_text == ("Making \u201cCulture workshop\u201d made no progress for 0.5 s, so the page "
                                "stopped waiting. The server may be busy: please try again later.")
    assert not any(c.disabled for c in page.busy_controls())
    assert page.progress.layout.display == "none"


def test_run_watched_hands_back_results_errors_and_every_step_it_sees():
    steps = []

    def job(report):
        for i in range(3):
            report(i, 3, f"f{i}")
            time.sleep(0.25)
        return "done"

    assert run_watched(job, lambda *step: steps.append(step)) == "done"
    assert steps == [(0, 3, "f0"), (1, 3, "f1"), (2, 3, "f2")]
    with pytest.raises(KeyError, match="gone"):
        run_watched(lambda report: {}["gone"], lambda *step: None)
