"""Browser tier: the one-page report is made on demand (issue 13): a button, then a download link.

An answer or a language switch takes the link away again, so tests click the button once the page
shows what the report should hold, and wait for the link the click makes (conditions, no sleeps).
"""

from __future__ import annotations

from voila_harness import PAGE_TIMEOUT_MS

REPORT_TIMEOUT_MS = 2 * PAGE_TIMEOUT_MS  # the PDF's chart is drawn offline: seconds on a busy 2-core machine
BUILT = "n => Number(document.querySelector('a.ccs-report-link')?.dataset.built) > n"
"""True once a report link made after the ``n``-th PDF is on the page."""


def make_report(page, timeout_ms: int = REPORT_TIMEOUT_MS):
    """Click "Make a one-page report (PDF)" and wait for its link; the link's locator."""
    link = page.locator("a.ccs-report-link")
    before = int(link.get_attribute("data-built")) if link.count() else 0
    page.locator("button.ccs-report-make").click(timeout=timeout_ms)
    page.wait_for_function(BUILT, arg=before, timeout=timeout_ms)
    return link
