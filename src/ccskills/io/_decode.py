"""Bytes of an uploaded text file to text: UTF-8 (with or without BOM), UTF-16 with BOM, GBK, Big5.

GB18030 decodes nearly any byte string, so a Big5 (traditional Chinese) file would
come out as plausible-looking nonsense. Each candidate decoding is therefore scored
by how many of its Chinese characters lie in the common block of its own code page
(GB2312 for GBK, Big5 levels A1–C6 for Big5); the better score wins, and a file that
is neither is refused with a sentence asking for UTF-8.
"""

from __future__ import annotations

from ._errors import UploadError

ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030")
"""Tried in order: UTF-8 with or without a byte-order mark, then GB18030 (a superset of GBK/GB2312).

A UTF-16 byte-order mark (Excel's "Unicode text") is recognised first, and a file whose
GB18030 reading is implausible is tried as Big5 (cp950)."""

_MIN_PLAUSIBLE = 0.9  # share of Chinese characters in the common block of a code page
_MIN_GB = 0.6  # below this (and not Big5) a GB18030 reading is nonsense: refuse


def _common_gb(ch: str) -> bool:
    """GB2312: punctuation rows A1–A9 and hanzi rows B0–F7, both bytes ≥ A1."""
    raw = ch.encode("gb18030")
    return len(raw) == 2 and raw[1] >= 0xA1 and (0xA1 <= raw[0] <= 0xA9 or 0xB0 <= raw[0] <= 0xF7)


def _common_big5(ch: str) -> bool:
    """Big5 symbols (A1–A3) and level-1 hanzi (A4–C6)."""
    try:
        raw = ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xA1 <= raw[0] <= 0xC6


def _score(text: str, common) -> float:
    wide = [ch for ch in set(text) if ord(ch) > 0x2E7F]
    return sum(map(common, wide)) / len(wide) if wide else 1.0


def decode_text(data: bytes) -> str:
    """Text of an uploaded CSV/TXT file, or :class:`UploadError` (``unreadable`` / ``unknown_encoding``).

    >>> decode_text("时段,来电".encode("gbk")), decode_text("時段,來電".encode("big5"))
    ('时段,来电', '時段,來電')
    >>> decode_text("\\ufeffa\\tb".encode("utf-16-le"))
    'a\\tb'
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")  # the codec reads and drops the byte-order mark
        except UnicodeDecodeError as err:
            raise UploadError("unreadable", "file must be text, got broken UTF-16") from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise UploadError("unreadable", "file must be text in UTF-8 or GBK, got bytes in neither encoding") from None
    return _gb_or_big5(data, text)


def _gb_or_big5(data: bytes, gb_text: str) -> str:
    gb = _score(gb_text, _common_gb)
    if gb >= _MIN_PLAUSIBLE:
        return gb_text
    try:
        big5_text = data.decode("cp950")
    except UnicodeDecodeError:
        big5_text = None
    if big5_text is not None and _score(big5_text, _common_big5) >= max(gb, _MIN_PLAUSIBLE):
        return big5_text
    if gb >= _MIN_GB:  # GBK with some rarer characters (names): as before
        return gb_text
    raise UploadError("unknown_encoding", "file must be UTF-8 or GBK text, got bytes that read as neither "
                      "(Big5 or another code page?)")
