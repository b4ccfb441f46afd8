"""ccskills: contact-centre operations management, computed.

The core imports no widgets or charts: ``queueing`` (Erlang B/C/A), ``staffing``,
``forecasting``, ``scheduling``, ``simulation``, ``planning`` (the weekly cycle in one
call), ``kpi``, ``spc``, ``quality``, ``kano``, ``coaching``, ``people``,
``evaluation``, ``checklists``, ``workcalendar``; the data layer is ``datasets`` and
``io`` (uploads, Excel). The presentation layer (``ccskills.apps``, ``ccskills.charts``
and the ``*_charts`` modules, ``ccskills.exercises``) is imported on purpose. Submodules
are imported by name (``from ccskills import forecasting``). Durations are in seconds, loads in Erlangs, rates as fractions 0..1.
"""

from ccskills.queueing import (
    ErlangAResult,
    agents_for_abandonment,
    agents_for_asa,
    agents_for_service_level,
    average_speed_of_answer,
    erlang_a,
    erlang_b,
    erlang_c,
    occupancy,
    offered_load,
    service_level,
)

__version__ = "0.1.0"

__all__ = [
    "ErlangAResult",
    "agents_for_abandonment",
    "agents_for_asa",
    "agents_for_service_level",
    "average_speed_of_answer",
    "erlang_a",
    "erlang_b",
    "erlang_c",
    "occupancy",
    "offered_load",
    "service_level",
]
