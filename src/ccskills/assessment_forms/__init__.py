"""Course evaluation form (课程评估表) and completion certificates (结业证书) for the workshop.

Reaction and completion, beside the learning measured by the pre-/post-test
(:mod:`ccskills.exercises.assessments`):

* the evaluation form: :data:`EVALUATION_ITEMS` (content, pace, trainer, relevance) rated on
  :data:`LIKERT_LABELS` 1–5, plus :data:`COMMENT_QUESTIONS`; a trainee's answers are an
  :class:`EvaluationResponse`; :func:`summarize_evaluations` gives means per item and area,
  the distribution and the comments; :func:`evaluation_form_pdf` prints the blank form;
  ``build_evaluation_form`` (imported from :mod:`ccskills.assessment_forms.page`, which loads
  ipywidgets) is the Voila page ``course/workbooks/evaluation.ipynb``;
* certificates: :func:`certificates_pdf` / :func:`write_certificates`, one A4 landscape page
  per :class:`Trainee`, with :func:`posttest_score` from the post-test answers, or the whole
  class list from the progress store with :func:`trainees_from_progress`.

The PDFs need reportlab (imported only when a PDF is made).
"""

from ccskills.assessment_forms._certificate import (COURSE_HOURS, COURSE_TITLE, Trainee, certificates_pdf,
                                                    posttest_score, trainees_from_progress, write_certificates)
from ccskills.assessment_forms._fonts import CID_FONT, PdfFont, pdf_font
from ccskills.assessment_forms._printable import evaluation_form_pdf
from ccskills.assessment_forms._reaction import (AREAS, COMMENT_QUESTIONS, EVALUATION_ITEMS, LIKERT_LABELS,
                                                 EvaluationItem, EvaluationResponse, EvaluationSummary,
                                                 summarize_evaluations)

__all__ = [
    "AREAS", "CID_FONT", "COMMENT_QUESTIONS", "COURSE_HOURS", "COURSE_TITLE", "EVALUATION_ITEMS",
    "LIKERT_LABELS", "EvaluationItem", "EvaluationResponse", "EvaluationSummary", "PdfFont", "Trainee",
    "certificates_pdf", "evaluation_form_pdf", "pdf_font", "posttest_score", "summarize_evaluations",
    "trainees_from_progress",
    "write_certificates",
]
