"""The lessons' Markdown as data for a Typst template: blocks of runs, never markup.

A block is a dict: ``{"kind": "heading", "level": n, "runs": [...]}``, ``{"kind": "paragraph",
"runs": [...]}``, ``{"kind": "list", "ordered": bool, "items": [[run, ...], ...]}`` or
``{"kind": "table", "header": [[run, ...], ...], "rows": [[[run, ...], ...], ...]}``; a run is
``{"text": str, "bold": bool, "code": bool}``. The template prints each run's text as text, so
``#``, ``$``, ``[`` or ``*`` in a lesson stay characters. Only what the course notebooks use is
read: ATX headings, paragraphs, ``-``/``1.`` lists, pipe tables, ``**bold**``, `` `code` `` and
``[links](…)`` (their text kept); other Markdown passes through as plain text.

>>> md_blocks("## 小结\\n\\n- **ASA** = 等待 ÷ `answered`")[1]["items"][0][0]
{'text': 'ASA', 'bold': True, 'code': False}
"""

from __future__ import annotations

import re

__all__ = ["md_blocks", "md_runs", "runs_text"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|!?\[([^\]]*)\]\([^)]*\)")


def md_runs(text: str, bold: bool = False) -> list[dict]:
    """Inline Markdown → runs (bold, code, link text; everything else literal)."""
    runs: list[dict] = []
    at = 0
    for match in _INLINE.finditer(text):
        _add(runs, text[at:match.start()], bold, False)
        code, strong, link = match.groups()
        if code is not None:
            _add(runs, code, bold, True)
        else:
            for run in md_runs(strong if strong is not None else link, strong is not None or bold):
                _add(runs, run["text"], run["bold"], run["code"])
        at = match.end()
    _add(runs, text[at:], bold, False)
    return runs


def _add(runs: list[dict], text: str, bold: bool, code: bool) -> None:
    if not text:
        return
    if runs and runs[-1]["bold"] == bold and runs[-1]["code"] == code:
        runs[-1]["text"] += text
    else:
        runs.append({"text": text, "bold": bold, "code": code})


def runs_text(runs: list[dict]) -> str:
    """The plain text of runs."""
    return "".join(r["text"] for r in runs)


def _cells(line: str) -> list[list[dict]]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [md_runs(cell.strip()) for cell in inner.split("|")]


def md_blocks(markdown: str) -> list[dict]:
    """Markdown text → a list of blocks (see the module docstring)."""
    blocks: list[dict] = []
    lines = markdown.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.strip().startswith("```"):
            i += 1
        elif heading := _HEADING.match(line):
            blocks.append({"kind": "heading", "level": len(heading.group(1)), "runs": md_runs(heading.group(2))})
            i += 1
        elif line.lstrip().startswith("|") and i + 1 < len(lines) and _RULE.match(lines[i + 1]):
            header, i = _cells(line), i + 2
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            blocks.append({"kind": "table", "header": header, "rows": rows})
        elif item := _ITEM.match(line):
            ordered, items = item.group(2) is not None, []
            while i < len(lines) and (item := _ITEM.match(lines[i])) and (item.group(2) is not None) == ordered:
                text, i = item.group(3), i + 1
                while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() and not _ITEM.match(lines[i]):
                    text, i = text + lines[i].strip(), i + 1
                items.append(md_runs(text))
            blocks.append({"kind": "list", "ordered": ordered, "items": items})
        else:
            text = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines, i):
                text.append(lines[i].strip())
                i += 1
            blocks.append({"kind": "paragraph", "runs": md_runs("".join(_join(text)))})
    return blocks


def _starts_block(lines: list[str], i: int) -> bool:
    line = lines[i]
    return bool(_HEADING.match(line) or _ITEM.match(line) or line.strip().startswith("```") or
                (line.lstrip().startswith("|") and i + 1 < len(lines) and _RULE.match(lines[i + 1])))


def _join(parts: list[str]):
    """Lines of a paragraph joined: no space between Chinese characters, one between words."""
    for n, part in enumerate(parts):
        if n and part and parts[n - 1] and (parts[n - 1][-1].isascii() and part[0].isascii()):
            yield " "
        yield part
