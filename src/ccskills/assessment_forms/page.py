"""The course evaluation page (课程评估): Likert items 1–5 and open comments, served by Voila.

Wiring only: the items, scale and validation come from :mod:`ccskills.assessment_forms`
(``EVALUATION_ITEMS``, ``LIKERT_LABELS``, :class:`EvaluationResponse`). Each 提交 (submit)
keeps the response in memory (``page.responses``) and hands it to ``recorder(response)`` if
one is given; an error in the recorder is swallowed, so the page never fails because of a
store (storing the answers is a later issue, like the workbooks' recorder).
"""

from __future__ import annotations

import html
from collections.abc import Callable

try:
    import ipywidgets as widgets
except ImportError as _err:  # a core install, without the course extra: say how to get it
    from ccskills._extras import needs_extra
    raise needs_extra(_err, __name__) from _err

from ccskills.assessment_forms._reaction import (AREAS, COMMENT_QUESTIONS, EVALUATION_ITEMS, LIKERT_LABELS,
                                                 EvaluationResponse)

__all__ = ["EvaluationForm", "build_evaluation_form"]

Recorder = Callable[[EvaluationResponse], None]
LANGUAGE_OPTIONS = [("中文", "zh"), ("English", "en")]

WORDS: dict[str, tuple[str, str]] = {
    "title": ("课程评估", "Course evaluation"),
    "intro": ("请对每一句话打分：1 = 非常不同意，5 = 非常同意。可以不写名字。你的意见帮助讲师改进下一期课程。",
              "Rate each statement: 1 = strongly disagree, 5 = strongly agree. Your name is optional. "
              "Your answers help the trainer improve the next class."),
    "name": ("姓名（可不填）", "Name (optional)"),
    "submit": ("提交", "Submit"),
    "missing": ("还有 {n} 项没有打分：{items}", "{n} statement(s) not rated yet: {items}"),
    "thanks": ("✓ 已提交，谢谢！需要修改可以改完再提交一次。", "✓ Submitted, thank you! Change anything and submit again if you wish."),
}

STYLE = """<style>
.ccs-evaluation { font-family: var(--ccs-font-family, system-ui, sans-serif); max-width: 60em; }
.ccs-evaluation h2 { margin: 0.2em 0; }
.ccs-area-title { font-weight: 600; color: #1f6fb4; margin: 12px 0 2px 0; }
.ccs-rating { border-left: 4px solid #1f6fb4; padding: 2px 0 4px 12px; margin: 6px 0; }
.ccs-scale-note { color: #57606a; font-size: 12px; }
</style>"""


def _t(key: str, lang: str, **fields) -> str:
    return WORDS[key][1 if lang == "en" else 0].format(**fields)


def _scale_options(lang: str) -> list[tuple[str, int]]:
    return [(f"{n} {labels[1 if lang == 'en' else 0]}", n) for n, labels in LIKERT_LABELS.items()]


class EvaluationForm(widgets.VBox):
    """The whole evaluation page: header with language switch, rated items by area, comments, 提交."""

    def __init__(self, lang: str = "zh", recorder: Recorder | None = None) -> None:
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.recorder = recorder
        self.responses: list[EvaluationResponse] = []
        self.language = widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang)
        self.language.add_class("ccs-language")
        self.title, self.intro, self.status = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.status.add_class("ccs-status")
        self.name = widgets.Text(value="", layout=widgets.Layout(width="20em"))
        self.area_titles = {area: widgets.HTML() for area in AREAS}
        self.prompts = {item.id: widgets.HTML() for item in EVALUATION_ITEMS}
        self.ratings = {item.id: self._scale(item.id) for item in EVALUATION_ITEMS}
        self.comment_prompts = {key: widgets.HTML() for key in COMMENT_QUESTIONS}
        self.comments = {key: widgets.Textarea(value="", layout=widgets.Layout(width="100%", height="5em"))
                         for key in COMMENT_QUESTIONS}
        self.submit_button = widgets.Button(button_style="primary")
        self.submit_button.add_class("ccs-submit-button")
        self.submit_button.on_click(lambda _: self.submit())
        header = widgets.HBox([self.title, self.language], layout=widgets.Layout(justify_content="space-between"))
        super().__init__([widgets.HTML(STYLE), header, self.intro, self.name, *self._body(),
                          widgets.HBox([self.submit_button, self.status])])
        self.add_class("ccs-evaluation")
        self.language.observe(self._on_language, names="value")
        self.relabel()

    def _scale(self, item_id: str) -> widgets.RadioButtons:
        scale = widgets.RadioButtons(options=_scale_options(self.lang), value=None,
                                     layout=widgets.Layout(width="auto"))
        scale.add_class("ccs-scale")
        return scale

    def _body(self) -> list[widgets.Widget]:
        body = []
        for area in AREAS:
            body.append(self.area_titles[area])
            for item in (i for i in EVALUATION_ITEMS if i.area == area):
                row = widgets.VBox([self.prompts[item.id], self.ratings[item.id]])
                row.add_class("ccs-rating")
                row.add_class("ccs-item-" + item.id.replace("_", "-"))
                body.append(row)
        for key in COMMENT_QUESTIONS:
            self.comments[key].add_class("ccs-comment-" + key.replace("_", "-"))
            body += [self.comment_prompts[key], self.comments[key]]
        return body

    def _on_language(self, change) -> None:
        self.lang = change["new"]
        self.relabel()

    def relabel(self) -> None:
        """Redraw every text in ``self.lang``; ratings already chosen stay chosen."""
        lang, column = self.lang, 1 if self.lang == "en" else 0
        self.title.value = f"<h2>{_t('title', lang)}</h2>"
        self.intro.value = f"<p>{html.escape(_t('intro', lang))}</p>"
        self.name.placeholder = _t("name", lang)
        self.submit_button.description = _t("submit", lang)
        for area, names in AREAS.items():
            self.area_titles[area].value = f'<div class="ccs-area-title">{html.escape(names[column])}</div>'
        for item in EVALUATION_ITEMS:
            self.prompts[item.id].value = html.escape(item.text(lang))
            scale = self.ratings[item.id]
            chosen = scale.value
            scale.options = _scale_options(lang)
            scale.value = chosen
        for key, words in COMMENT_QUESTIONS.items():
            self.comment_prompts[key].value = f"<b>{html.escape(words[column])}</b>"
        if self.status.value:
            self.status.value = ""

    def response(self) -> EvaluationResponse:
        """What the page holds now, as a response (items not rated are None)."""
        return EvaluationResponse({i: s.value for i, s in self.ratings.items()},
                                  {k: box.value for k, box in self.comments.items()},
                                  respondent=self.name.value.strip())

    def submit(self) -> EvaluationResponse | None:
        """Keep the response and call the recorder if every item is rated; else say which are missing."""
        response = self.response()
        missing = response.missing()
        if missing:
            names = "、".join(str(list(self.ratings).index(m) + 1) for m in missing)
            self.status.value = f'<span class="ccs-missing">{html.escape(_t("missing", self.lang, n=len(missing), items=names))}</span>'
            return None
        self.responses.append(response)
        self.status.value = f'<span class="ccs-thanks">{html.escape(_t("thanks", self.lang))}</span>'
        if self.recorder is not None:
            try:
                self.recorder(response)
            except Exception:  # storing is the trainer's convenience; the trainee's page goes on
                pass
        return response


def build_evaluation_form(lang: str = "zh", recorder: Recorder | None = None) -> EvaluationForm:
    """The course evaluation page in ``lang``, ready to display; ``recorder(response)`` gets each submission.

    >>> page = build_evaluation_form(lang="en")
    >>> page.submit() is None, "8 statement(s)" in page.status.value
    (True, True)
    """
    return EvaluationForm(lang=lang, recorder=recorder)
