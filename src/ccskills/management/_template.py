"""What one management template is: an id, its part of the operating system, titles and a builder.

Every template module of the management track (rules, processes, roles, floor system, management
system) lists its templates as a tuple ``TEMPLATES`` of :class:`Template`; the catalogue collects
them, the CLI writes them and the tests open each file. ``build(lang, filled)`` returns the file's
bytes: ``filled=True`` is the worked example pre-filled from the kit's simulated centre,
``filled=False`` the blank template with the same sections.

>>> t = Template("demo", "rules", "演示", "Demo", "xlsx", lambda lang, filled: b"")
>>> t.filename("zh", filled=False), t.filename("en", filled=True)
('rules/demo_模板.xlsx', 'rules/demo_example.xlsx')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

__all__ = ["PARTS", "KINDS", "Template", "pick"]

#: The parts of the operating system (建制度、理流程、明分工 + the floor system and the management
#: system), in the order a manager reads them: id → (zh, en).
PARTS = {
    "rules": ("制度", "Rules"),
    "processes": ("流程", "Processes"),
    "roles": ("分工", "Roles"),
    "floor": ("现场管理", "Floor system"),
    "system": ("管理体系", "Management system"),
}
KINDS = ("docx", "xlsx")


def pick(pair, lang: str):
    """The Chinese or the English of a (zh, en) pair: every template module's one way to choose.

    >>> pick(("制度", "Rules"), "en")
    'Rules'
    """
    return pair[0] if lang == "zh" else pair[1]


@dataclass(frozen=True)
class Template:
    """One template file: ``id`` (ascii, unique), ``part`` (a key of :data:`PARTS`), titles, kind, builder."""

    id: str
    part: str
    title_zh: str
    title_en: str
    kind: str
    build: Callable[[str, bool], bytes]

    def __post_init__(self) -> None:
        if self.part not in PARTS:
            raise ValueError(f"part must be one of {list(PARTS)!r}, got {self.part!r}")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {list(KINDS)!r}, got {self.kind!r}")
        if not self.id.isascii() or not self.id.replace("_", "").isalnum():
            raise ValueError(f"id must be ascii letters, digits and _, got {self.id!r}")

    def title(self, lang: str) -> str:
        """The title in ``lang`` ("zh" or "en")."""
        return self.title_zh if lang == "zh" else self.title_en

    def filename(self, lang: str, *, filled: bool) -> str:
        """Where the file goes under an output folder: ``<part>/<id>_<example|template>.<kind>``."""
        suffix = {("zh", True): "示例", ("zh", False): "模板", ("en", True): "example", ("en", False): "template"}
        return f"{self.part}/{self.id}_{suffix[(lang, filled)]}.{self.kind}"
