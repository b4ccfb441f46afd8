"""Key-driver analysis (关键驱动因素分析): which measures move CSAT / NPS, and by how much.

:func:`relative_importance` splits the R² of a regression of an outcome (CSAT, NPS)
on its drivers (FCR, transfers, waits, handle time, QA items) by the Shapley value
(LMG, general dominance), with bootstrap intervals; :func:`importance_performance`
places each driver on the importance–performance matrix. :func:`driver_table` builds the
table they read from the kit's sources: survey answers joined to their calls' drivers and,
where the call was evaluated, its QA results; :func:`share_meeting` puts drivers on one
performance scale (share of calls meeting each standard).
"""

from ._importance import relative_importance, shapley_shares, subset_r2
from ._input import MAX_DRIVERS
from ._join import CALL_DRIVERS, DRIVER_NAMES, driver_labels, driver_table, share_meeting
from ._matrix import QUADRANT_NAMES, importance_performance, quadrant

__all__ = [
    "driver_table",
    "driver_labels",
    "share_meeting",
    "relative_importance",
    "importance_performance",
    "quadrant",
    "shapley_shares",
    "subset_r2",
    "MAX_DRIVERS",
    "QUADRANT_NAMES",
    "CALL_DRIVERS",
    "DRIVER_NAMES",
]
