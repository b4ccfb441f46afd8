"""What every calculator's Excel download shares: an inputs sheet, and number formats by unit.

A file a manager sends on must stand alone, so each workbook ends with the inputs it was
computed from (:func:`with_inputs`). Cells hold numbers (fractions with a percent format,
never "81.2 %" as text); :mod:`ccskills.io` adds the frozen header, filter and print setup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ccskills.reports._cells import COUNT, NUMBER, PERCENT, SECONDS, Setting

__all__ = ["Setting", "INPUTS_SHEET", "PERCENT", "SECONDS", "COUNT", "NUMBER", "with_inputs", "inputs_frame",
           "sheet_word", "template_link", "TEMPLATE_WORDS"]

INPUTS_SHEET = ("输入参数", "Inputs")
_HEADERS = (("参数", "取值", "单位"), ("Setting", "Value", "Unit"))
"""``Setting`` and the formats (``PERCENT`` …) live in :mod:`ccskills.reports` (the PDF report uses them too)."""


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def sheet_word(pair: tuple[str, str], lang: str) -> str:
    """The Chinese or English half of a (zh, en) pair."""
    return pair[_i(lang)]


def inputs_frame(settings: Iterable[Setting], lang: str) -> tuple[pd.DataFrame, list[str | None]]:
    """The inputs as (setting, value, unit) rows, and each row's number format."""
    settings = [s for s in settings if s.value is not None]
    frame = pd.DataFrame([(s.label, s.value, s.unit) for s in settings], columns=list(_HEADERS[_i(lang)]))
    return frame, [s.fmt for s in settings]


def with_inputs(sheets: Mapping[str, pd.DataFrame], settings: Iterable[Setting], lang: str, *,
                number_formats: Mapping[str, Mapping[str, str]] | None = None,
                row_formats: Mapping[str, list] | None = None) -> tuple[dict, dict]:
    """``sheets`` with the inputs sheet last, and the options for :func:`ccskills.io.excel_bytes`.

    >>> sheets, options = with_inputs({"结果": pd.DataFrame({"座席": [14]})},
    ...                               [Setting("服务水平目标", 0.8, "", PERCENT)], "zh")
    >>> list(sheets), options["row_formats"]["输入参数"]
    (['结果', '输入参数'], ['0.0%'])
    """
    frame, formats = inputs_frame(settings, lang)
    name = INPUTS_SHEET[_i(lang)]
    out = {**sheets, name: frame}
    rows = {**(row_formats or {}), name: formats}
    return out, {"number_formats": dict(number_formats or {}), "row_formats": rows}


TEMPLATE_WORDS = ("下载示例文件（照此格式填写后上传）", "Download an example file (fill it in, then upload)")


def template_link(frame: pd.DataFrame, filename: str, lang: str) -> str:
    """A download link (class ``ccs-template-link``) carrying ``frame`` as an example upload (.xlsx):
    the headers the reader accepts, in ``lang``, and a few real rows."""
    import base64
    import html

    from ccskills.io import excel_bytes

    payload = base64.b64encode(excel_bytes({filename: frame})).decode("ascii")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return (f'<a class="ccs-template-link" download="{html.escape(filename)}.xlsx" '
            f'href="data:{mime};base64,{payload}">⬇ {html.escape(TEMPLATE_WORDS[_i(lang)])}</a>')
