"""Staff voice (员工心声): eNPS, pulse-survey items, exit-interview reasons and their link to attrition.

The people measures of the China Mobile Shandong write-up (员工期望管理, expectation
management): collect staff voice through several channels, read the pulse survey by team
and tenure with its uncertainty, list why people leave, and check whether a low score
really announces a leaver.

* :func:`enps`, :func:`enps_by`, :func:`enps_difference`: eNPS (员工净推荐值) = promoters
  (9-10) - detractors (0-6), as a fraction, with adjusted-Wald intervals (Rocks 2016);
* :func:`item_means_by`: the 1-5 items per group (mean or favourable share);
* :func:`exit_reasons`: share of exit interviews per reason, Wilson intervals;
* :func:`attrition_link`: leave rate by score band, logistic regression (odds ratio per
  point lower, cluster-robust by person) and AUC.

Data: ``ccskills.datasets.people.load_pulse_survey``, ``load_exit_interviews``,
``load_employees``.
"""

from ._attrition import LEAVE_TYPES, AttritionLink, attrition_link, score_band
from ._exits import exit_reasons, wilson_interval
from ._labels import LABELS, label, labelled
from ._items import DEFAULT_ITEMS, ITEM_STATISTICS, item_means_by
from ._scores import (
    ENPS,
    TENURE_BANDS,
    ENPSDifference,
    enps,
    enps_by,
    enps_difference,
    tenure_band,
)

__all__ = [
    "enps",
    "enps_by",
    "enps_difference",
    "item_means_by",
    "exit_reasons",
    "attrition_link",
    "tenure_band",
    "score_band",
    "wilson_interval",
    "label",
    "labelled",
    "LABELS",
    "ENPS",
    "ENPSDifference",
    "AttritionLink",
    "TENURE_BANDS",
    "DEFAULT_ITEMS",
    "ITEM_STATISTICS",
    "LEAVE_TYPES",
]
