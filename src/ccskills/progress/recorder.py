"""The recorder both tracks call after a check: store the attempt, never break the exercise.

``Recorder()(set, question_id, value, outcome)`` writes one attempt (the code track's
``qN.check()`` and the workbook page's 检查 both call it) and returns ``None``, or a sentence
for the trainee, in the outcome's language, said once per session: that progress is not being
saved (the store cannot be reached; attempts wait in memory and are written when it is back),
or that the trainee's name is not set. It never raises, and a check waits at most ``wait_s``
(1 s) on the store: the attempt is written by a background thread, which keeps it in memory
and tries again while the store is busy or down, so nothing is lost.

Recording is on in a Jupyter kernel (a notebook, a Voila page) and off elsewhere (scripts,
pytest, kernels started by a test run), unless ``CCSKILLS_PROGRESS`` says ``on`` or ``off``.

>>> import os, tempfile
>>> from ccskills.exercises import Outcome, Status
>>> url = "sqlite:///" + os.path.join(tempfile.mkdtemp(), "p.sqlite3")
>>> record = Recorder(url, trainee="王芳")
>>> record("ch02", "offered_load", "15.2", Outcome(Status.CORRECT, "正确！")) is None
True
>>> record.flush()  # written (a check waits for that at most 1 s; flush waits up to 10 s)
True
>>> from ccskills.progress import ProgressStore
>>> ProgressStore(url).attempts()[["trainee", "question_id", "verdict", "track"]]
  trainee   question_id  verdict     track
0      王芳  offered_load  correct  workbook
>>> print(Recorder("sqlite:////dev/null/p.sqlite3", trainee="王芳")(
...     "ch02", "asa", "12", Outcome(Status.INCORRECT, "Wrong", lang="en"))[:45])
(Note: your progress is not being saved right
"""

from __future__ import annotations

import atexit
import json
import math
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ccskills.progress._config import ConfigError, default_url
from ccskills.progress._messages import say
from ccskills.progress.identity import Identity, trainee_identity

__all__ = ["ENV_SWITCH", "Recorder", "answer_text", "default_recorder", "recording_enabled"]

ENV_SWITCH = "CCSKILLS_PROGRESS"
MAX_PENDING = 10_000
_ON, _OFF = ("1", "on", "yes", "true"), ("0", "off", "no", "false")


def recording_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """``CCSKILLS_PROGRESS`` on/off when set; otherwise True only inside an IPython kernel.

    A kernel started by a test run (``PYTEST_CURRENT_TEST`` in its environment, as nbval's and
    the browser tier's kernels inherit it) does not record unless switched on.

    >>> recording_enabled({"CCSKILLS_PROGRESS": "off"}), recording_enabled({"CCSKILLS_PROGRESS": "on"})
    (False, True)
    """
    environ = os.environ if environ is None else environ
    switch = environ.get(ENV_SWITCH, "").strip().lower()
    if switch in _ON or switch in _OFF:
        return switch in _ON
    if switch:
        raise ValueError(f"{ENV_SWITCH} must be one of {_ON + _OFF}, got {switch!r}")
    if environ.get("PYTEST_CURRENT_TEST"):
        return False
    ipython = sys.modules.get("IPython")
    return ipython is not None and ipython.get_ipython() is not None


def _number_text(value) -> str:
    number = float(value)
    return repr(int(number)) if number.is_integer() and math.isfinite(number) else repr(number)


def answer_text(value) -> str | None:
    """What was answered, as stored: text as is, numbers in full, several options as a JSON list.

    >>> answer_text(" 15.2 "), answer_text(15.0), answer_text(("A", "B")), answer_text(None)
    (' 15.2 ', '15', '["A", "B"]', None)
    >>> answer_text({"sl": 0.8, "asa_s": 12})
    '{"sl": 0.8, "asa_s": 12}'
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy" and hasattr(value, "dtype") and value.ndim == 0:
        return _number_text(value)
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, Mapping):
        parts = {str(k): _plain(v) for k, v in value.items()}
        return json.dumps(parts, ensure_ascii=False, default=str)
    return repr(value)


def _plain(value):
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, (int, float)):
        return value
    return answer_text(value)


def _mistake_label(outcome) -> str | None:
    mistake = getattr(outcome, "mistake", None)
    return getattr(mistake, "feedback", None) or None


class Recorder:
    """Writes attempts to a :class:`ProgressStore` from a background thread (see the module docstring).

    A check hands its attempt to the writer thread and waits at most ``wait_s`` for it to be
    written: long enough to hear at once that the store cannot be reached, never long enough to
    hold up the trainee when the store is merely busy (the write then finishes in the
    background, within the store's own ``timeout_s``). Unwritten attempts stay in
    :attr:`pending` and are written at the next check, or after ``retry_s``.

    Parameters
    ----------
    store : ProgressStore or str, optional
        The store, or its URL; default :func:`~ccskills.progress.store.default_url` as configured
        now, when the recorder is created (the store itself is opened at the first attempt).
    trainee : str, optional
        Who answers; default :func:`~ccskills.progress.identity.trainee_identity` at each attempt.
    wait_s, timeout_s, retry_s : float
        Longest wait of a check (s); longest wait of a write on a lock or a connection (s); pause
        before trying a failed store again when no new attempt comes (s).
    """

    def __init__(self, store=None, *, trainee: str | None = None, wait_s: float = 1.0,
                 timeout_s: float = 30.0, retry_s: float = 30.0) -> None:
        for name, value in (("wait_s", wait_s), ("timeout_s", timeout_s), ("retry_s", retry_s)):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0:
                raise ValueError(f"{name} must be a number of seconds > 0, got {value!r}")
        self._store = None if store is None or isinstance(store, str) else store
        self._config_error: ConfigError | None = None
        try:
            self._url = default_url() if store is None else store if isinstance(store, str) else None
        except ConfigError as err:  # a broken class config must not break the exercise: said at each check
            self._url, self._config_error = None, err
        self._trainee = Identity(trainee, "given") if trainee is not None else None
        self.wait_s, self.timeout_s, self.retry_s = wait_s, timeout_s, retry_s
        self.pending: list = []
        self._queued = 0  # attempts handed over so far
        self._tried: tuple[int, str | None] = (0, None)  # attempts covered by the last write, its error
        self._told: set[str] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def identity(self) -> Identity:
        """Who the next attempt is stored for."""
        return self._trainee or trainee_identity()

    def __call__(self, set: str, question_id: str, value, outcome, *, hints: int = 0,
                 track: str = "workbook") -> str | None:
        """Store the attempt behind ``outcome``; a notice for the trainee, or None. Never raises."""
        try:
            return self._record(set, question_id, value, outcome, hints, track)
        except Exception as exc:  # a bug here must not reach the exercise
            with self._cond:
                return self._tell("not_saved", getattr(outcome, "lang", "zh"), error=type(exc).__name__)

    def _record(self, set, question_id, value, outcome, hints, track) -> str | None:
        verdict = getattr(outcome.status, "value", outcome.status)
        if verdict == "unchecked":  # a thought experiment: nothing to store
            return None
        if self._config_error is not None:
            with self._cond:
                return self._tell("bad_config", outcome.lang, problem=self._config_error.message(outcome.lang))
        from ccskills.progress.store import make_row

        who = self.identity()
        row = make_row(who.name, set, question_id, answer_text(value), verdict,
                       mistake=_mistake_label(outcome), hints=hints, track=track)
        with self._cond:
            error = self._hand_over(row)
            notices = [self._tell("not_saved", outcome.lang, error=error)] if error else []
            if not who.is_set:
                key = "unset_name" if track == "code" else "unset_name_page"
                notices.append(self._tell(key, outcome.lang, trainee=who.name))
        return "\n".join(n for n in notices if n) or None

    def _hand_over(self, row) -> str | None:
        """Queue ``row`` for the writer and wait up to ``wait_s``; the write's error, if it failed."""
        self.pending = (self.pending + [row])[-MAX_PENDING:]
        self._queued += 1
        mine = self._queued
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._write_loop, name="ccskills-progress", daemon=True)
            self._thread.start()
            atexit.register(self._at_exit)
        self._cond.notify_all()
        if self._cond.wait_for(lambda: self._tried[0] >= mine, timeout=self.wait_s):
            return self._tried[1]
        return None

    def _write_loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queued > self._tried[0], timeout=self.retry_s)
                rows, upto = list(self.pending), self._queued
            error = self._write(rows) if rows else None
            with self._cond:
                if error is None:
                    written = {r.attempt_id for r in rows}
                    self.pending = [r for r in self.pending if r.attempt_id not in written]
                    self._told.discard("not_saved")  # a later outage is said again
                self._tried = (upto, error)
                self._cond.notify_all()

    def _write(self, rows) -> str | None:
        """Write ``rows``; None, or the error's name when the store cannot be reached."""
        try:
            if self._store is None:
                from ccskills.progress.store import ProgressStore

                self._store = ProgressStore(self._url, timeout_s=self.timeout_s)
            self._store.write(rows)
        except Exception as exc:
            return type(exc).__name__
        return None

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait up to ``timeout_s`` until every attempt is written; True when none is pending."""
        with self._cond:
            if self.pending and self._tried[0] >= self._queued:  # nudge a writer waiting to retry
                self._queued += 1
                self._cond.notify_all()
            return self._cond.wait_for(lambda: not self.pending and self._tried[0] >= self._queued,
                                       timeout=timeout_s)

    def _at_exit(self) -> None:
        if self._tried[1] is None:  # the store works: give the last attempts a moment to land
            self.flush(5.0)

    def _tell(self, key: str, lang: str, **values) -> str | None:
        if key in self._told:
            return None
        self._told.add(key)
        return say(key, lang, **values)


_DEFAULT: Recorder | None = None


def default_recorder() -> Recorder | None:
    """The session's recorder when recording is enabled (:func:`recording_enabled`), else None."""
    global _DEFAULT
    try:
        if not recording_enabled():
            return None
    except ValueError:
        return None
    if _DEFAULT is None:
        _DEFAULT = Recorder()
    return _DEFAULT


def record_code_check(set: str, question_id: str, names: Sequence[str], namespace: Mapping, outcome,
                      hints: int = 0):
    """Record a code-track check; the outcome, with a notice appended when there is one."""
    recorder = default_recorder()
    if recorder is None:
        return outcome
    value = {name: namespace.get(name) for name in names}
    value = next(iter(value.values())) if len(value) == 1 else value
    notice = recorder(set, question_id, value, outcome, hints=hints, track="code")
    if not notice:
        return outcome
    return replace(outcome, message=f"{outcome.message}\n{notice}")
