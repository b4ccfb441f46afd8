"""Quality assurance (质检): scorecards, scoring, sampling, calibration and coaching inputs.

- :mod:`.scorecard` — scorecards as data; a critical error zeroes the score.
- :mod:`.rollup` — critical-error accuracy per kind, rollups by agent/team/item, the
  items that cost each agent most.
- :mod:`.sampling` — how many evaluations a month say how much (margin of error).
- :mod:`.agreement` — Cohen's and Fleiss' kappa, ICC, with their interpretation bands.
- :mod:`.calibration` — each analyst's deviation from the reference score.

Scores are points on 0–100; rates and shares are fractions 0..1.
"""

from .agreement import (
    ICC_FORMS,
    MeanSquares,
    cohen_kappa,
    fleiss_kappa,
    icc,
    icc_band,
    icc_table,
    kappa_band,
    mean_squares,
)
from .calibration import (
    CalibrationSummary,
    calibration_tables,
    rater_deviation,
    score_table,
    summarize_calibration,
)
from .rollup import (
    costliest_items,
    critical_error_accuracy,
    item_summary,
    quality_rollup,
    score_interval,
)
from .sampling import margin_of_error, sample_size, score_margin_of_error, z_value
from .scorecard import (
    CRITICAL_KINDS,
    RESULT_COLUMNS,
    SCORECARD_COLUMNS,
    ScoredCall,
    check_scorecard,
    points_lost,
    score_call,
    score_evaluations,
    section_scores,
)

__all__ = [
    "CRITICAL_KINDS", "RESULT_COLUMNS", "SCORECARD_COLUMNS", "ICC_FORMS",
    "ScoredCall", "MeanSquares",
    "check_scorecard", "score_call", "score_evaluations", "section_scores", "points_lost",
    "critical_error_accuracy", "quality_rollup", "score_interval", "item_summary", "costliest_items",
    "sample_size", "margin_of_error", "score_margin_of_error", "z_value",
    "cohen_kappa", "fleiss_kappa", "icc", "icc_table", "mean_squares", "kappa_band", "icc_band",
    "score_table", "rater_deviation", "CalibrationSummary", "calibration_tables",
    "summarize_calibration",
]
