"""The "server busy" answer: one sentence in Chinese and English, HTTP 503 and ``Retry-After``.

The page itself is the Voila template's ``503.html`` (``share/jupyter/voila/templates/ccskills``);
JupyterLab's kernel API shows :data:`BUSY_MESSAGE` in its error dialog.
"""

from __future__ import annotations

from tornado import web

__all__ = ["BUSY_MESSAGE", "RETRY_AFTER_S", "RetryAfter", "install_retry_after"]

RETRY_AFTER_S = 30
"""Seconds a browser is asked to wait before trying again (the busy page reloads itself then)."""

BUSY_MESSAGE = ("服务器繁忙：同时打开的计算器已达上限，请稍后刷新本页。"
                " / The server is busy: the most calculators it can run at once are open. "
                "Please refresh this page in a minute.")


class RetryAfter(web.OutputTransform):
    """Adds ``Retry-After`` to every 503 answer (tornado clears headers before an error page)."""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        if status_code == 503 and "Retry-After" not in headers:
            headers["Retry-After"] = str(RETRY_AFTER_S)
        return status_code, headers, chunk


def install_retry_after(server_app) -> None:
    """Add :class:`RetryAfter` to the tornado application of Voila (``.app``) or of a Jupyter
    server (``.web_app``), once."""
    app = getattr(server_app, "web_app", None) or getattr(server_app, "app", None)
    transforms = getattr(app, "transforms", None)
    if transforms is not None and RetryAfter not in transforms:
        transforms.append(RetryAfter)
