"""The trainer's view of a class: tables from the progress store's attempts and the course's sets.

It sits above both :mod:`ccskills.progress` (the attempts) and :mod:`ccskills.exercises` (which
questions each set holds, the pre/post scoring), so neither of those imports it. Completion per
trainee × set, the share correct at first try, the commonest wrong answers with their mistake
label, who has not started, pre/post score per learning goal, and all of it as one Excel report.
"""

from ._tables import (ClassSummary, class_report, class_summary, common_wrong_answers, completion,
                      course_questions, first_try, not_started, pre_post_by_goal, write_class_report)

__all__ = ["ClassSummary", "class_report", "class_summary", "common_wrong_answers", "completion",
           "course_questions", "first_try", "not_started", "pre_post_by_goal", "write_class_report"]
