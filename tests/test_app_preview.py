"""Upload preview (issue 13): one line of what was read, the columns recognised, the first 5 rows, all escaped."""

from __future__ import annotations

import html
import re

import pandas as pd

from ccskills.apps._preview import preview_html


def _frame(rows=8):
    return pd.DataFrame({"日期": [f"2026-01-{d:02d}" for d in range(1, rows + 1)],
                         "来电": [1200 + d for d in range(rows)], "备注": ["<b>加急</b>"] + [""] * (rows - 1)})


def _summary(block: str) -> str:
    return html.unescape(re.search(r'<div class="ccs-preview-summary">(.*?)</div>', block)[1])


def _cells(block: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", block, re.S)[1]
    return [[html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_the_summary_line_in_chinese():
    block = preview_html(_frame(), "zh", source="sales.xlsx", rows_read=1234, rows_skipped=3,
                         date_range=(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-03-31 23:45")))
    assert 'class="ccs-upload-preview"' in block
    assert _summary(block) == "读取 sales.xlsx：1,234 行（跳过 3 行），日期 2026-01-01 至 2026-03-31"


def test_the_summary_line_in_english_without_skips_or_dates():
    block = preview_html(_frame(1), "en", source="calls.csv", rows_read=1)
    assert _summary(block) == "Read calls.csv: 1 row"
    assert _summary(preview_html(_frame(), "en", source="c.csv", rows_read=2500, rows_skipped=12,
                                 date_range=("2026-01-01", "2026-01-31"))) == (
        "Read c.csv: 2,500 rows (12 skipped), dates 2026-01-01 to 2026-01-31")


def test_only_the_first_five_rows_are_shown_numbers_right_aligned():
    block = preview_html(_frame(8), "zh", source="a.csv", rows_read=8)
    cells = _cells(block)
    assert len(cells) == 5
    assert [row[0] for row in cells] == [f"2026-01-{d:02d}" for d in range(1, 6)]
    assert "2026-01-06" not in block
    assert [row[1] for row in cells] == ["1,200", "1,201", "1,202", "1,203", "1,204"]
    assert block.count('<td class="ccs-num">') == 5  # the 来电 column only
    as_read = preview_html(_frame(8).astype(str), "zh", source="a.csv", rows_read=8)  # read_table gives text
    assert as_read.count('<td class="ccs-num">') == 5 and '<td class="ccs-num">1200</td>' in as_read
    assert "前 5 行：" in block


def test_user_text_is_escaped_everywhere():
    frame = pd.DataFrame({"<script>alert(1)</script>": ["<img src=x onerror=alert(2)>"]})
    block = preview_html(frame, "zh", source='"><script>x</script>.csv', rows_read=1,
                         columns={"<script>alert(1)</script>": "来电量 <量>"}, notes=["<i>note</i>"])
    assert "<script>" not in block and "<img" not in block and "<i>note" not in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt; → 来电量 &lt;量&gt;" in block
    assert "&lt;i&gt;note&lt;/i&gt;" in block


def test_recognised_columns_and_notes_are_listed():
    block = preview_html(_frame(), "en", source="a.csv", rows_read=8,
                         columns={"日期": "Date", "来电": "Calls offered"},
                         notes=["A title line above the header was skipped.", "  "])
    assert "Columns recognised: 日期 → Date; 来电 → Calls offered" in html.unescape(block)
    assert block.count("<li>") == 1 and "A title line above the header was skipped." in block


def test_long_cells_are_cut_and_wide_files_say_how_many_columns_are_hidden():
    frame = pd.DataFrame({f"列{i}": ["长" * 100] for i in range(15)})
    block = preview_html(frame, "zh", source="wide.csv", rows_read=1)
    assert len(_cells(block)[0]) == 12 and "（另有 3 列未显示）" in block
    assert "长" * 39 + "…" in block and "长" * 41 not in block


def test_an_empty_file_says_so():
    block = preview_html(pd.DataFrame({"a": []}), "zh", source="e.csv", rows_read=0)
    assert _summary(block) == "读取 e.csv：0 行" and "文件中没有数据行。" in block
