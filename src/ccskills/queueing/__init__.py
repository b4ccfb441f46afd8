"""Queueing models of a contact centre: Erlang B, C and A, and staffing searches.

Conventions: durations in seconds, load in Erlangs (calls × AHT / interval),
probabilities as fractions. Every function broadcasts over numpy arrays and returns
plain Python numbers for scalar inputs. States that are legitimate but extreme
(agents ≤ load under Erlang C) give documented values — P(wait) = 1, service level 0,
ASA inf — rather than exceptions; invalid inputs raise ``ValueError`` naming the
parameter.
"""

from ccskills.queueing._erlang import (
    average_speed_of_answer,
    erlang_b,
    erlang_c,
    occupancy,
    offered_load,
    service_level,
)
from ccskills.queueing._erlang_a import ErlangAResult, erlang_a
from ccskills.queueing._staffing import (agents_for_abandonment, agents_for_asa,
                                         agents_for_service_level)

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
