"""Calculators served by Voila: each module builds and returns one ipywidgets layout.

This is the presentation layer, imported on purpose (it pulls in ipywidgets and
altair); the core (``ccskills.queueing``) never imports it. Each calculator wires
inputs to core calls and has no formulas of its own.

>>> from ccskills.apps import build_erlang_calculator
"""

import sys as _sys

# Voila starts a fresh kernel for every calculator page, so import time is page time.
# altair imports jsonschema, whose optional "iri" format check (rfc3987-syntax) compiles
# a lark grammar at import: about 1.5 s here, half the page budget. Vega-Lite's schema
# uses only the uri, uri-reference and color-hex formats, so altair never needs it; skip
# that import unless jsonschema is already loaded (then there is nothing to save).
if "jsonschema" not in _sys.modules:
    _sys.modules.setdefault("rfc3987_syntax", None)

try:
    import altair  # noqa: F401, E402
    import ipywidgets  # noqa: F401, E402
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err

from ccskills.apps.erlang import ErlangCalculator, build_erlang_calculator  # noqa: E402

__all__ = ["ErlangCalculator", "build_erlang_calculator"]
