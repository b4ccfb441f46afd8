"""The trainer's view of a class: tables from the progress store's attempts and the course's sets.

It sits above both :mod:`ccskills.progress` (the attempts) and :mod:`ccskills.exercises` (which
questions each set holds, the pre/post scoring), so neither of those imports it. Completion per
trainee × set, the share correct at first try, the commonest wrong answers with their mistake
label, who has not started, pre/post score per learning goal, and all of it as one Excel report.
Who may see the class (the trainer role, on a hub or behind a passcode) is
:func:`trainer_access`. The pages are imported on purpose (they need ipywidgets):
:mod:`ccskills.class_report.page` (the trainer dashboard) and
:mod:`ccskills.class_report.my_progress` (我的进度, a trainee's own record).
"""

from ._tables import (ClassSummary, class_report, class_summary, common_wrong_answers, completion,
                      course_questions, first_try, not_started, pre_post_by_goal, write_class_report)
from .access import Access, trainer_access

__all__ = ["Access", "ClassSummary", "class_report", "class_summary", "common_wrong_answers", "completion",
           "course_questions", "first_try", "not_started", "pre_post_by_goal", "trainer_access",
           "write_class_report"]
