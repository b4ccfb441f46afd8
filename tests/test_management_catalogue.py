"""The management template catalogue, its atomic writer and ``python -m ccskills templates``."""

from __future__ import annotations

import pathlib
import zipfile
import io

import docx
import pytest

from ccskills.__main__ import main as ccskills_main
from ccskills.management import catalogue as cat
from ccskills.management import rules
from ccskills.management._template import PARTS

RULE_IDS = [t.id for t in rules.TEMPLATES]


def leftovers(folder: pathlib.Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp")


def test_ids_unique_and_in_parts_order():
    templates = cat.catalogue()
    ids = [t.id for t in templates]
    assert len(ids) == len(set(ids))
    parts = [list(PARTS).index(t.part) for t in templates]
    assert parts == sorted(parts)
    assert [i for i in ids if i.startswith("rule_")] == RULE_IDS
    assert cat.template_ids() == ids


def test_duplicate_id_raises(monkeypatch):
    monkeypatch.setattr(rules, "TEMPLATES", rules.TEMPLATES + rules.TEMPLATES[:1])
    with pytest.raises(ValueError, match="template ids must be unique, got 'rule_capacity' twice"):
        cat.catalogue()


def test_template_lookup():
    assert cat.template("rule_quality").title_zh == "品质管理制度"
    with pytest.raises(ValueError, match=r"id must be one of the catalogue's templates \(rule_capacity, .*\), got 'nope'"):
        cat.template("nope")


def test_write_templates_writes_every_file_and_the_index(tmp_path):
    written = cat.write_templates(tmp_path, only=RULE_IDS[:2])
    names = sorted(str(p.relative_to(tmp_path)) for p in written)
    expected = sorted(f"rules/{i}_{s}.docx" for i in RULE_IDS[:2] for s in ("示例", "模板", "example", "template"))
    assert names == expected
    for path in written:
        assert "目的 (Purpose)" in [p.text for p in docx.Document(str(path)).paragraphs] or \
            "Purpose" in [p.text for p in docx.Document(str(path)).paragraphs]
    index = (tmp_path / cat.INDEX_NAME).read_text("utf-8")
    assert all(f"]({n})" in index for n in expected)
    assert "| 制度 Rules | `rule_capacity` | 产能管理制度 | Capacity rules |" in index
    assert leftovers(tmp_path) == []
    with zipfile.ZipFile(io.BytesIO(cat.templates_zip(tmp_path))) as archive:
        assert sorted(archive.namelist()) == sorted(expected + [cat.INDEX_NAME])


def test_languages_and_versions_are_chosen(tmp_path):
    written = cat.write_templates(tmp_path, langs="en", only=["rule_attendance"], filled=False)
    assert [p.name for p in written] == ["rule_attendance_template.docx"]
    written = cat.write_templates(tmp_path, langs=("zh",), only="rule_attendance", filled=(True,))
    assert [p.name for p in written] == ["rule_attendance_示例.docx"]
    index = (tmp_path / cat.INDEX_NAME).read_text("utf-8")  # lists both files now in the folder
    assert "rule_attendance_template.docx" in index and "rule_attendance_示例.docx" in index


def test_progress_is_reported_per_file(tmp_path):
    seen = []
    cat.write_templates(tmp_path, langs="zh", only=RULE_IDS[:2], progress=lambda i, n, name: seen.append((i, n, name)))
    assert seen == [(0, 4, "rules/rule_capacity_示例.docx"), (1, 4, "rules/rule_capacity_模板.docx"),
                    (2, 4, "rules/rule_quality_示例.docx"), (3, 4, "rules/rule_quality_模板.docx")]


def test_a_failing_build_leaves_no_partial_file(tmp_path, monkeypatch):
    def broken(lang, filled):
        raise RuntimeError("template broke")

    failing = rules.TEMPLATES[1]
    monkeypatch.setattr(rules, "TEMPLATES", (rules.TEMPLATES[0], failing.__class__(
        failing.id, failing.part, failing.title_zh, failing.title_en, failing.kind, broken)))
    with pytest.raises(RuntimeError, match="template broke"):
        cat.write_templates(tmp_path, langs="zh", only=RULE_IDS[:2])
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["rules/rule_capacity_模板.docx", "rules/rule_capacity_示例.docx"]  # complete ones only
    for name in files:
        docx.Document(str(tmp_path / name))  # opens: whole files
    assert leftovers(tmp_path) == []


def test_an_error_while_writing_leaves_neither_file_nor_temporary(tmp_path, monkeypatch):
    real = pathlib.Path.write_bytes

    def half_then_fail(self, data):
        real(self, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pathlib.Path, "write_bytes", half_then_fail)
    with pytest.raises(OSError, match="No space left"):
        cat.write_templates(tmp_path, langs="zh", only=["rule_attendance"])
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match=r"only must name templates of the catalogue \(rule_capacity, .*\), got 'rule_x'"):
        cat.write_templates(tmp_path, only=["rule_capacity", "rule_x"])
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        cat.write_templates(tmp_path, langs=("zh", "fr"))
    with pytest.raises(ValueError, match="filled must be True"):
        cat.write_templates(tmp_path, filled=("yes",))
    with pytest.raises(ValueError, match="langs must name at least one value"):
        cat.write_templates(tmp_path, langs=())
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ValueError, match="out_dir must be a folder, got the file"):
        cat.write_templates(a_file, only=["rule_capacity"])
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


# ------------------------------------------------------------------ CLI
def test_cli_list(capsys):
    assert ccskills_main(["templates", "--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(cat.catalogue())
    assert out[0].split()[:3] == ["rule_capacity", "rules", "docx"] and "产能管理制度 / Capacity rules" in out[0]


def test_cli_only_writes_and_reports_progress(tmp_path, capsys):
    out = tmp_path / "out"
    assert ccskills_main(["templates", "--out", str(out), "--only", "rule_attendance", "rule_quality",
                          "--lang", "zh", "--examples-only"]) == 0
    printed = capsys.readouterr().out
    assert sorted(p.name for p in (out / "rules").iterdir()) == ["rule_attendance_示例.docx", "rule_quality_示例.docx"]
    assert "[1/2]" in printed and "[2/2]" in printed and "共 2 个文件" in printed and "(2 files in" in printed
    assert ccskills_main(["templates", "--out", str(out), "--only", "rule_attendance", "--lang", "en",
                          "--blank-only"]) == 0
    assert (out / "rules" / "rule_attendance_template.docx").is_file()


def test_cli_bad_id(tmp_path, capsys):
    assert ccskills_main(["templates", "--out", str(tmp_path / "o"), "--only", "rule_attendance", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "没有编号为 nope 的模板" in err and "No template has the id nope" in err and "rule_attendance" in err
    assert not (tmp_path / "o").exists()


def test_cli_unwritable_folder(tmp_path, capsys):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert ccskills_main(["templates", "--out", str(a_file), "--only", "rule_attendance"]) == 2
    assert "不是文件夹" in capsys.readouterr().err
    assert ccskills_main(["templates", "--out", str(a_file / "sub"), "--only", "rule_attendance"]) == 2
    err = capsys.readouterr().err
    assert "无法写入文件夹" in err and "Cannot write to the folder" in err and err.count("\n") == 1


def test_cli_blank_and_examples_exclude_each_other(capsys):
    with pytest.raises(SystemExit) as stop:
        ccskills_main(["templates", "--blank-only", "--examples-only"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:
        ccskills_main(["templates", "--help"])
    assert stop.value.code == 0
    assert "--blank-only" in capsys.readouterr().out


def test_catalogue_table_lists_templates_and_files(tmp_path):
    table = cat.catalogue_table("zh")
    assert table.columns.tolist() == ["部分", "编号", "模板", "格式"] and len(table) == len(cat.catalogue())
    assert table.iloc[0].tolist() == ["制度", "rule_capacity", "产能管理制度", "docx"]
    cat.write_templates(tmp_path, langs="en", only=["rule_quality"], filled=True)
    files = cat.catalogue_table("en", tmp_path)
    assert files.to_dict("records") == [{"Part": "Rules", "Id": "rule_quality", "Title": "Quality rules",
                                         "Kind": "docx", "Files": ["rules/rule_quality_example.docx"]}]
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'de'"):
        cat.catalogue_table("de")


def test_chinese_excel_templates_show_words_not_unit_codes():
    """A manager reads 比率 / 秒 / 元, never the registry's unit codes, in a Chinese workbook."""
    import openpyxl

    from ccskills.kpi.display import UNIT_NAMES

    codes = set(UNIT_NAMES)
    for t in cat.catalogue():
        if t.kind != "xlsx":
            continue
        book = openpyxl.load_workbook(io.BytesIO(t.build("zh", True)))
        for sheet in book.worksheets:
            found = [c.coordinate for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value in codes]
            assert not found, (t.id, sheet.title, found)


def test_english_templates_hold_no_chinese():
    """An English file is English throughout (the Chinese files carry the English term beside)."""
    import re

    import openpyxl

    han = re.compile(r"[\u4e00-\u9fff]")
    for t in cat.catalogue():
        for filled in (True, False):
            data = t.build("en", filled)
            if t.kind == "docx":
                doc = docx.Document(io.BytesIO(data))
                texts = [p.text for p in doc.paragraphs]
                texts += [c.text for table in doc.tables for row in table.rows for c in row.cells]
            else:
                book = openpyxl.load_workbook(io.BytesIO(data))
                texts = [s.title for s in book.worksheets]
                texts += [c.value for s in book.worksheets for row in s.iter_rows() for c in row if isinstance(c.value, str)]
            assert not [x for x in texts if han.search(x)], (t.id, filled, [x for x in texts if han.search(x)][:3])
