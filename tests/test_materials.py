"""The printable set (issue 15): the build, the Typst engine and the glossary card.

Each PDF is read back with pypdf: page count within its declared range, every font embedded, and
its text holding what the kit's registries say (not text pasted from our own output).
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from ccskills.kpi.registry import REGISTRY
from ccskills.materials import build, catalogue
from ccskills.materials import _typst
from ccskills.materials.glossary import glossary_data
from pdf_tools import fonts, text_of


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("materials")
    return {item.name: item for item in build(out)}


def test_every_catalogued_document_is_built_within_its_page_range(built):
    assert [d.name for d in catalogue()] == list(built)
    for doc in catalogue():
        item = built[doc.name]
        assert item.path.name == doc.file and item.path.is_file()
        if doc.is_pdf:
            low, high = doc.pages
            assert low <= item.pages <= high
            assert len(PdfReader(item.path).pages) == item.pages


def test_every_font_is_embedded_and_one_is_chinese(built):
    for item in built.values():
        if not item.path.name.endswith(".pdf"):
            continue
        used = fonts(PdfReader(item.path))
        assert used and all(used.values()), (item.name, used)
        assert any("CJK" in name or "MicroHei" in name for name in used), (item.name, used)


def test_the_glossary_lists_every_registry_indicator_with_its_formula(built):
    text = text_of(PdfReader(built["glossary"].path))
    flat = "".join(text.split())
    for ind in REGISTRY.values():
        assert "".join(ind.name_zh.split()) in flat, ind.id
        assert "".join(ind.name_en.split()) in flat, ind.id
        assert "".join(ind.formula_zh.split()) in flat, ind.id


def test_the_same_inputs_give_the_same_bytes():
    data = glossary_data()
    assert _typst.compile_pdf("glossary", data) == _typst.compile_pdf("glossary", data)


def test_text_from_the_data_is_never_read_as_typst_code(tmp_path):
    hostile = '#panic("x") ] ) $ \\ // <a> @b *c* _d_ `e` = f'
    pdf = _typst.compile_pdf("glossary", {"title": hostile, "families": [], "count": 0})
    flat = "".join(text_of(PdfReader(io.BytesIO(pdf))).split())
    assert "".join(hostile.split()) in flat


def test_a_missing_chinese_font_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setattr(_typst, "FONT_DIRS", (str(tmp_path),))
    monkeypatch.delenv("CCSKILLS_FONT_DIR", raising=False)
    _typst._scan.cache_clear()
    try:
        with pytest.raises(_typst.MissingFont, match="apt-get install fonts-noto-cjk"):
            _typst.compile_pdf("glossary", glossary_data())
    finally:
        _typst._scan.cache_clear()


def test_unknown_names_and_a_file_as_folder_are_refused_by_name(tmp_path):
    with pytest.raises(ValueError, match="only must name documents.*'nonesuch'"):
        build(tmp_path, ["nonesuch"])
    afile = tmp_path / "x.pdf"
    afile.write_text("")
    with pytest.raises(ValueError, match="out must be a folder"):
        build(afile, ["glossary"])
    with pytest.raises(ValueError, match="template must name a file"):
        _typst.compile_pdf("../etc/passwd", {})


def test_the_command_lists_builds_and_fails_with_a_sentence(tmp_path, capsys):
    from ccskills.__main__ import main

    assert main(["materials", "--list"]) == 0
    assert "glossary" in capsys.readouterr().out
    assert main(["materials", "--out", str(tmp_path / "m"), "--only", "glossary"]) == 0
    out = capsys.readouterr().out
    assert "术语与公式卡_glossary.pdf" in out and "共 1 个文件" in out
    assert main(["materials", "--out", str(tmp_path / "m"), "--only", "nonesuch"]) == 2
    assert "only must name documents" in capsys.readouterr().err


def test_numpy_figures_and_dates_pass_as_json():
    import datetime

    import numpy as np

    assert json.loads(json.dumps({"a": np.int64(3), "d": datetime.date(2026, 3, 2)}, default=_typst._plain)) == \
        {"a": 3, "d": "2026-03-02"}


def test_the_trainer_guides_print_list_names_files_the_build_makes():
    import re
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[1] / "course" / "trainer_guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 需要打印的材料"):guide.index("## 时间不够或有富余时")]
    named = set(re.findall(r"`([^`/]+\.(?:pdf|xlsx))`", section))
    files = {doc.file for doc in catalogue()}
    assert len(named) >= 20 and named <= files, sorted(named - files)
