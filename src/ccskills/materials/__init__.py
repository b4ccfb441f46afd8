"""Printable classroom materials (课程资料), built from the kit's own figures and registries.

``build(out)`` writes every document of the catalogue as a PDF into ``out`` (Typst templates in
``templates/``, data computed by the kit, Chinese fonts embedded): the glossary and formula card
and the other printable sets that live in this package's modules (each module's ``DOCUMENTS``).
``python -m ccskills materials [--out DIR] [--only NAME ...]`` and ``make materials`` run it.
"""

from ccskills.materials._catalogue import Built, Document, build, catalogue
from ccskills.materials._typst import MissingFont

__all__ = ["Built", "Document", "MissingFont", "build", "catalogue", "main"]


def main(argv=None) -> int:
    """``python -m ccskills materials``: build the printable set (see :mod:`ccskills.materials._cli`)."""
    from ccskills.materials._cli import main as cli_main

    return cli_main(argv)
