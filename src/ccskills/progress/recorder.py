"""The recorder both tracks call after a check: store the attempt, never break the exercise.

``Recorder()(set, question_id, value, outcome)`` writes one attempt (the code track's
``qN.check()`` and the workbook page's 检查 both call it) and returns ``None``, or a sentence
for the trainee, in the outcome's language, said once per session: that progress is not being
saved (the store cannot be reached; attempts wait in memory and are written when it is back),
or that the trainee's name is not set. It never raises. While the store is down it is retried
at most every ``retry_s`` seconds, so a check never waits on it more than ``timeout_s`` once.

Recording is on in a Jupyter kernel (a notebook, a Voila page) and off elsewhere (scripts,
pytest), unless ``CCSKILLS_PROGRESS`` says ``on`` or ``off``; the test tiers set ``off``.

>>> import os, tempfile
>>> from ccskills.exercises import Outcome, Status
>>> url = "sqlite:///" + os.path.join(tempfile.mkdtemp(), "p.sqlite3")
>>> record = Recorder(url, trainee="王芳")
>>> record("ch02", "offered_load", "15.2", Outcome(Status.CORRECT, "正确！")) is None
True
>>> from ccskills.progress import ProgressStore
>>> ProgressStore(url).attempts()[["trainee", "question_id", "verdict", "track"]]
  trainee   question_id  verdict     track
0      王芳  offered_load  correct  workbook
>>> print(Recorder("sqlite:////dev/null/p.sqlite3", trainee="王芳", timeout_s=0.5)(
...     "ch02", "asa", "12", Outcome(Status.INCORRECT, "Wrong", lang="en"))[:45])
(Note: your progress is not being saved right
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ccskills.progress._messages import say
from ccskills.progress.identity import Identity, trainee_identity

__all__ = ["ENV_SWITCH", "Recorder", "answer_text", "default_recorder", "recording_enabled"]

ENV_SWITCH = "CCSKILLS_PROGRESS"
MAX_PENDING = 10_000
_ON, _OFF = ("1", "on", "yes", "true"), ("0", "off", "no", "false")


def recording_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """``CCSKILLS_PROGRESS`` on/off when set; otherwise True only inside an IPython kernel.

    >>> recording_enabled({"CCSKILLS_PROGRESS": "off"}), recording_enabled({"CCSKILLS_PROGRESS": "on"})
    (False, True)
    """
    environ = os.environ if environ is None else environ
    switch = environ.get(ENV_SWITCH, "").strip().lower()
    if switch in _ON or switch in _OFF:
        return switch in _ON
    if switch:
        raise ValueError(f"{ENV_SWITCH} must be one of {_ON + _OFF}, got {switch!r}")
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
    """Writes attempts to a :class:`ProgressStore` (see the module docstring).

    Parameters
    ----------
    store : ProgressStore or str, optional
        The store, or its URL; default the configured store (opened at the first attempt).
    trainee : str, optional
        Who answers; default :func:`~ccskills.progress.identity.trainee_identity` at each attempt.
    timeout_s, retry_s : float
        Longest wait on the store per attempt, and the pause before trying a failed store again (s).
    """

    def __init__(self, store=None, *, trainee: str | None = None,
                 timeout_s: float = 3.0, retry_s: float = 30.0) -> None:
        self._store = None if store is None or isinstance(store, str) else store
        self._url = store if isinstance(store, str) else None
        self._trainee = Identity(trainee, "given") if trainee is not None else None
        self.timeout_s, self.retry_s = timeout_s, retry_s
        self.pending: list = []
        self._failed_at: float | None = None
        self._told: set[str] = set()
        self._lock = threading.Lock()

    def identity(self) -> Identity:
        """Who the next attempt is stored for."""
        return self._trainee or trainee_identity()

    def __call__(self, set: str, question_id: str, value, outcome, *, hints: int = 0,
                 track: str = "workbook") -> str | None:
        """Store the attempt behind ``outcome``; a notice for the trainee, or None. Never raises."""
        try:
            return self._record(set, question_id, value, outcome, hints, track)
        except Exception as exc:  # a bug here must not reach the exercise
            return self._tell("not_saved", getattr(outcome, "lang", "zh"), error=type(exc).__name__)

    def _record(self, set, question_id, value, outcome, hints, track) -> str | None:
        verdict = getattr(outcome.status, "value", outcome.status)
        if verdict == "unchecked":  # a thought experiment: nothing to store
            return None
        from ccskills.progress.store import make_row

        who = self.identity()
        row = make_row(who.name, set, question_id, answer_text(value), verdict,
                       mistake=_mistake_label(outcome), hints=hints, track=track)
        with self._lock:
            self.pending = (self.pending + [row])[-MAX_PENDING:]
            error = self._flush()
        notices = [self._tell("not_saved", outcome.lang, error=error)] if error else []
        if not who.is_set:
            key = "unset_name" if track == "code" else "unset_name_page"
            notices.append(self._tell(key, outcome.lang, trainee=who.name))
        return "\n".join(n for n in notices if n) or None

    def _flush(self) -> str | None:
        """Write the pending attempts; the error's name when the store cannot be reached."""
        if self._failed_at is not None and time.monotonic() - self._failed_at < self.retry_s:
            return "retry later"
        try:
            if self._store is None:
                from ccskills.progress.store import ProgressStore

                self._store = ProgressStore(self._url, timeout_s=self.timeout_s)
            self._store.write(self.pending)
        except Exception as exc:
            self._failed_at = time.monotonic()
            return type(exc).__name__
        self.pending, self._failed_at = [], None
        self._told.discard("not_saved")  # a later outage is said again
        return None

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
