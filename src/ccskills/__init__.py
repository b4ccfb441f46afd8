"""ccskills: contact-centre operations management, computed.

The core (queueing, kpi, datasets) imports no widgets or charts; the presentation
layer (``ccskills.apps``, ``ccskills.charts``, ``ccskills.exercises``) is imported on
purpose. Durations are in seconds, loads in Erlangs, rates as fractions 0..1.
"""

from ccskills.queueing import (
    ErlangAResult,
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
