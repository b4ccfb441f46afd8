"""The Kano analyser's report (issue 13): one page, the inputs, respondents and features counted with
pandas here, a hand-classified upload, the classification rule in words."""

from __future__ import annotations

from widget_text import CHINESE, flat, report_pages

from ccskills.apps.kano import build_kano_analyser
from ccskills.datasets.kano import load_kano_survey


def test_one_page_with_counts_categories_and_the_rule():
    survey = load_kano_survey()
    app = build_kano_analyser("zh")
    pages = report_pages(app)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Kano分析报告：套件的问卷" in text
    assert f"受访者{survey['respondent'].nunique()}" in text and f"功能数{survey['feature'].nunique()}" in text
    assert "必备属性M规范的开场问候" in text  # greeting is M (the kit's lesson, by hand)
    assert "M>O>A>I>R>Q" in text and "Better=(A+O)/(A+O+M+I)" in text and "象限图的分界为0.5" in text


def test_an_uploaded_survey_in_english():
    # (1,5) = O twice and (1,3) = A once -> O; (3,5) = M -> M (Kano evaluation table, by hand)
    app = build_kano_analyser("en")
    app.load_upload("受访者,功能,正向题,反向题\nR1,callback,1,5\nR2,callback,1,5\nR3,callback,1,3\n"
                    "R1,greeting,3,5\n".encode("gbk"), "survey.csv")
    app.split.value = "mean"
    text = report_pages(app)[0]
    assert "Kano analysis report: survey.csv" in text
    assert "One-dimensional O callback" in " ".join(text.split()) and "Must-be M greeting" in " ".join(text.split())
    assert "features' mean" in text
    assert CHINESE.findall(text) == []
