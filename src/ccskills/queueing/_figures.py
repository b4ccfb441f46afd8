"""The queue a number of agents gives, under Erlang C or (with a patience) Erlang A: one dispatch.

The staffing plan, the interval calculator and the simulation's formula column all show
the same figures; this is where the choice of model is made for them.
"""

from __future__ import annotations

import numpy as np

from ccskills.queueing._erlang import (_out, average_speed_of_answer, erlang_c, occupancy,
                                       service_level)
from ccskills.queueing._erlang_a import erlang_a

__all__ = ["queue_figures"]


def queue_figures(agents, load, aht, answer_time, patience=None) -> dict:
    """Service level, ASA (s), P(wait), occupancy and abandonment that ``agents`` give at ``load``.

    Erlang C when ``patience`` is None (abandonment 0: nobody leaves); Erlang A with a mean
    ``patience`` in seconds (:func:`~ccskills.queueing.erlang_a`: service level over offered
    calls, ASA of answered calls, occupancy of the handled load). Keys: ``service_level``,
    ``asa_s``, ``p_wait``, ``occupancy``, ``abandon_rate``; floats for scalar input.

    >>> f = queue_figures(14, 10.0, 180, 20)
    >>> round(f["service_level"], 4), round(f["p_wait"], 4), f["abandon_rate"]
    (0.8884, 0.1741, 0.0)
    """
    if patience is None:
        sl = service_level(agents, load, aht, answer_time)
        return {"service_level": sl, "asa_s": average_speed_of_answer(agents, load, aht),
                "p_wait": erlang_c(agents, load), "occupancy": occupancy(agents, load),
                "abandon_rate": _out(np.zeros(np.shape(sl)))}
    r = erlang_a(agents, load, aht, patience, answer_time)
    return {"service_level": r.service_level, "asa_s": r.asa, "p_wait": r.p_wait,
            "occupancy": r.occupancy, "abandon_rate": r.p_abandon}
