"""Content of the self-assessment checklists (Chinese with English), as plain data.

Each checklist is a dict: ``key, zh, en, source, scale`` (tuple of ``(score, zh, en)``) and
``sections``: tuples of ``(section_key, zh, en, items)`` where items are ``(zh, en)`` pairs.
Item keys are built as ``<checklist>.<section>.<n>`` by :mod:`ccskills.checklists`.
The wording is this kit's own, built on the seeds named in ``source``.
"""

from .cc_cmm import CC_CMM
from .five_s import FIVE_S
from .floor import FLOOR
from .four_pillars import FOUR_PILLARS

RAW_CHECKLISTS = (FIVE_S, FOUR_PILLARS, CC_CMM, FLOOR)
