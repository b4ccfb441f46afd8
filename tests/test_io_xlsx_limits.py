"""Hostile .xlsx uploads (zip bombs) are refused from the zip's directory and a capped stream,
before openpyxl parses anything; honest workbooks still read. Every bomb is built here."""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl
import pytest

from ccskills import io as cio
from ccskills.io import _xlsx

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet_xml(body: bytes, dimension: bytes = b"A1:B2") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + NS.encode()
            + b'><dimension ref="' + dimension + b'"/><sheetData>' + body + b"</sheetData></worksheet>")


def _workbook_with(sheet: bytes, shared: bytes | None = None) -> bytes:
    """A real openpyxl workbook whose first sheet's XML (and shared strings) are replaced."""
    book = openpyxl.Workbook()
    book.active.append(["a", "b"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet
            elif info.filename == "xl/sharedStrings.xml" and shared is not None:
                data = shared
            target.writestr(info.filename, data, compresslevel=9)
        if shared is not None and "xl/sharedStrings.xml" not in source.namelist():
            target.writestr("xl/sharedStrings.xml", shared, compresslevel=9)
    return out.getvalue()


def _lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """Set the declared uncompressed size of ``member`` to ``size`` in its local and central headers."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    patched = bytearray(data)
    struct.pack_into("<I", patched, info.header_offset + 22, size)  # local file header
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_len].decode() == member:
            struct.pack_into("<I", patched, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if openpyxl is ever asked to parse the workbook."""
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl must not parse a refused workbook")
    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def _refused(data: bytes) -> cio.UploadError:
    with pytest.raises(cio.UploadError) as info:
        cio.read_table(data, "bomb.xlsx")
    err = info.value
    assert cio.upload_message(err, "zh") and cio.upload_message(err, "en")
    return err


def test_a_sheet_declaring_more_than_the_member_limit_is_refused_from_the_directory(no_parsing, monkeypatch):
    # 3 MiB of repeated cells, with the member limit lowered to 1 MiB (the limit, not the size, is tested)
    cells = b"<row>" + b"<c><v>1</v></c>" * 200_000 + b"</row>"
    data = _workbook_with(_sheet_xml(cells))
    assert len(data) < 100_000  # a small file that unpacks to 3 MB: ratio > 30
    monkeypatch.setattr(_xlsx, "MAX_XLSX_MEMBER_BYTES", 1024 * 1024)
    err = _refused(data)
    assert err.problem == "zip_too_large" and err.expected == 1024 * 1024 and err.value > 3_000_000


def test_members_declaring_more_than_the_total_limit_are_refused(no_parsing):
    # the declared sizes alone exceed 256 MiB: nothing is decompressed
    data = _workbook_with(_sheet_xml(b"<row><c><v>1</v></c></row>"))
    lying = _lie_about_size(data, "xl/worksheets/sheet1.xml", cio.MAX_XLSX_UNPACKED_BYTES + 1)
    err = _refused(lying)
    assert err.problem == "zip_too_large" and err.value > cio.MAX_XLSX_UNPACKED_BYTES


def test_too_many_cells_are_counted_while_streaming(no_parsing):
    # 100,000 cells more than the limit, in XML under the byte limits: refused by the cell count
    cells = b"<row>" + b"<c><v>1</v></c>" * (cio.MAX_XLSX_CELLS + 100_000) + b"</row>"
    err = _refused(_workbook_with(_sheet_xml(cells, b"A1:B2")))
    assert err.problem == "too_many_cells" and err.expected == cio.MAX_XLSX_CELLS


def test_shared_strings_are_counted_too(no_parsing):
    strings = (b'<sst ' + NS.encode() + b'>' + b"<si><t>x</t></si>" * (cio.MAX_XLSX_CELLS + 1) + b"</sst>")
    err = _refused(_workbook_with(_sheet_xml(b"<row><c><v>1</v></c></row>"), shared=strings))
    assert err.problem == "too_many_cells"


def test_a_member_that_unpacks_to_more_than_it_declares_is_refused(no_parsing):
    # declares 1,000 bytes but holds 3 MB: reading stops at the declared size
    cells = b"<row>" + b"<c><v>1</v></c>" * 200_000 + b"</row>"
    data = _lie_about_size(_workbook_with(_sheet_xml(cells)), "xl/worksheets/sheet1.xml", 1000)
    err = _refused(data)
    assert err.problem in ("unreadable", "zip_too_large")


def test_a_far_away_cell_is_refused_not_padded_into_memory():
    # two cells in 200 bytes of XML, but the second at XFD1048576: 17 billion cells once padded
    body = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>calls</t></is></c></row>'
            b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    err = _refused(_workbook_with(_sheet_xml(body, b"A1:A2")))
    assert err.problem == "too_many_cells"


def test_a_million_empty_rows_count_as_rows():
    err = _refused(_workbook_with(_sheet_xml(b"<row/>" * (cio.MAX_XLSX_CELLS + 1))))
    assert err.problem == "too_many_cells"


def test_a_broken_zip_is_unreadable():
    data = _workbook_with(_sheet_xml(b"<row><c><v>1</v></c></row>"))
    assert _refused(data[: len(data) // 2]).problem == "unreadable"


def test_a_lying_dimension_does_not_pad_the_sheet():
    # declares A1:XFD1048576 (17 billion cells) but holds 2 rows: read as 2 rows, quickly
    body = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>calls</t></is></c></row>'
            b'<row r="2"><c r="A2"><v>12</v></c></row>')
    frame = cio.read_table(_workbook_with(_sheet_xml(body, b"A1:XFD1048576")), "ok.xlsx")
    assert frame.to_dict("list") == {"calls": ["12"]}


def test_an_honest_workbook_near_real_size_still_reads():
    # 5,000 rows x 12 columns (60,000 cells) as openpyxl writes them
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([f"c{i}" for i in range(12)])
    for r in range(5000):
        sheet.append([r * 12 + i for i in range(12)])
    buffer = io.BytesIO()
    book.save(buffer)
    frame = cio.read_table(buffer.getvalue(), "big.xlsx")
    assert frame.shape == (5000, 12) and frame["c11"].iloc[-1] == str(4999 * 12 + 11)
    assert list(frame.attrs["ccskills_rows"][:2]) == [2, 3]
