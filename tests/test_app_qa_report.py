"""The QA calibration report (issue 13): one page, the round's inputs, ICC(2,1) checked against the
Shrout & Fleiss formula computed here with numpy, the flagged analysts, the bands in words."""

from __future__ import annotations

import numpy as np
from widget_text import CHINESE, flat, report_pages

from ccskills import quality as qa
from ccskills.apps.qa import build_qa_calculator
from ccskills.datasets.quality import load_calibration, load_scorecard


def icc_2_1(scores: np.ndarray) -> float:
    """ICC(2,1), Shrout & Fleiss (1979) table 2: (BMS − EMS) / (BMS + (k−1)EMS + k(JMS − EMS)/n)."""
    n, k = scores.shape
    grand = scores.mean()
    bms = k * ((scores.mean(axis=1) - grand) ** 2).sum() / (n - 1)
    jms = n * ((scores.mean(axis=0) - grand) ** 2).sum() / (k - 1)
    resid = scores - scores.mean(axis=1, keepdims=True) - scores.mean(axis=0, keepdims=True) + grand
    ems = (resid ** 2).sum() / ((n - 1) * (k - 1))
    return (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)


def test_one_page_with_icc_bands_and_the_flagged_analysts():
    scores, _ = qa.calibration_tables(load_calibration(), load_scorecard())
    expected = icc_2_1(scores.drop(columns="master").to_numpy(float))
    app = build_qa_calculator("zh")
    pages = report_pages(app)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "质检校准报告：套件的校准会" in text
    assert f"{expected:.3f}" in text
    assert "容差" in text and "10.0分" in text  # the inputs sheet's tolerance row
    assert "QA3,QA5" in text  # below 75 % within ±10 points (the screen's flagged rows)
    assert "ICC(2,1)" in text and "Koo&Li(2016)" in text and "Landis&Koch(1977)" in text


def test_upload_without_items_says_kappa_was_not_computed_in_english():
    app = build_qa_calculator("en")
    app.load_upload(b"call,QA1,QA2,master\nc1,80,70,75\nc2,90,85,88\nc3,60,65,70\n", "round.csv")
    pages = report_pages(app)
    assert len(pages) == 1
    text = pages[0]
    assert "QA calibration report: round.csv" in text
    assert "itemtable" in flat(text) and "wasnotcomputed" in flat(text)  # κ needs pass/fail per item
    assert CHINESE.findall(text) == []


def test_no_report_for_a_bad_file():
    app = build_qa_calculator("zh")
    app.load_upload("通话,QA1,QA2\nc1,80,70\nc2,八十,60\n".encode("gbk"), "bad.csv")
    assert app.report_content() is None and report_pages(app) == []
