"""The scenario store: named sets of a calculator's inputs and results, kept in one JSON file.

Every calculator shares the file; each save, replace and delete re-reads it under an
exclusive lock (:mod:`ccskills.scenarios._lock`), changes one entry and writes the whole
file atomically (:func:`ccskills.io.write_bytes_atomic`), so two kernels saving at once
keep both scenarios and an interrupted write leaves the previous file. A file that is not
a scenario file (bad JSON, wrong shape) is moved aside to ``scenarios.json.bad-<time>`` and
:meth:`ScenarioStore.notice` says so in one sentence; the store then starts empty.

File layout::

    {"format": "ccskills-scenarios", "version": 1,
     "calculators": {"erlang": [{"name": "方案A", "inputs": {...}, "results": [[key, value, fmt], ...],
                                 "saved_at": "2026-12-05T14:03:00", "lang": "zh"}, ...]}}

Non-finite floats (an ASA of ∞) are written as JSON ``Infinity``/``NaN``, which Python reads back.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ccskills.io import write_bytes_atomic
from ccskills.scenarios._lock import LockBusy, locked
from ccskills.scenarios._text import scenario_text

__all__ = ["Scenario", "ScenarioStore", "ScenarioExists", "ScenarioNameError", "ScenarioNotFound", "ScenarioStoreError",
           "default_path", "check_name", "scenario_message", "ENV", "NAME_MAX", "FORMAT"]

ENV = "CCSKILLS_SCENARIOS"
"""Environment variable naming the scenario file (tests, a shared folder)."""
NAME_MAX = 60
FORMAT, VERSION = "ccskills-scenarios", 1


class ScenarioExists(ValueError):
    """A scenario of that name is already saved for that calculator (save with ``replace=True``)."""

    def __init__(self, calculator: str, name: str) -> None:
        super().__init__(f"name must be new for calculator {calculator!r}, got {name!r}")
        self.calculator, self.name = calculator, name


class ScenarioNameError(ValueError):
    """A scenario name that is empty, longer than 60 characters or holds a line break; ``value`` is what was given."""

    def __init__(self, value) -> None:
        super().__init__(f"name must be text of 1 to {NAME_MAX} characters without line breaks, got {value!r}")
        self.value = value


class ScenarioNotFound(LookupError):
    """No scenario of that name for that calculator."""

    def __init__(self, calculator: str, name: str) -> None:
        super().__init__(f"name must be a saved scenario of {calculator!r}, got {name!r}")
        self.calculator, self.name = calculator, name


class ScenarioStoreError(OSError):
    """The scenario file cannot be read or written (permissions, a full disk, a folder in the way)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"path must be a readable, writable scenario file, got {str(path)!r} ({reason})")
        self.path, self.reason = path, reason


@dataclass
class Scenario:
    """One saved scenario: the inputs as shown on screen (JSON-able) and the results.

    ``results`` rows are (result key, value, Excel number format or None); ``saved_at`` is
    local time in ISO form (filled in by :meth:`ScenarioStore.save` when empty); ``labels``
    (optional) maps input and result keys to their labels in ``lang`` at saving time, so a
    comparison can name rows the calculator no longer shows.
    """

    calculator: str
    name: str
    inputs: dict
    results: list[tuple[str, float | int | str | None, str | None]] = field(default_factory=list)
    saved_at: str = ""
    lang: str = "zh"
    labels: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"name": self.name, "inputs": self.inputs, "results": [list(r) for r in self.results],
                "saved_at": self.saved_at, "lang": self.lang, "labels": self.labels}

    @classmethod
    def from_json(cls, calculator: str, entry: dict) -> Scenario:
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)
                and isinstance(entry.get("inputs"), dict) and isinstance(entry.get("results", []), list)):
            raise ValueError(f"entry must be a scenario object, got {str(entry)[:60]!r}")
        results = [tuple(r) for r in entry.get("results", [])]
        if any(len(r) != 3 or not isinstance(r[0], str) for r in results):
            raise ValueError(f"results must be [key, value, format] rows, got {entry.get('results')!r}"[:200])
        labels = entry.get("labels", {})
        if not isinstance(labels, dict):
            raise ValueError(f"labels must be a dict, got {labels!r}"[:200])
        return cls(calculator, entry["name"], entry["inputs"], results,
                   str(entry.get("saved_at", "")), str(entry.get("lang", "zh")),
                   {str(k): str(v) for k, v in labels.items()})


def default_path() -> Path:
    """``$CCSKILLS_SCENARIOS`` if set, else ``scenarios.json`` in the user data folder
    (``~/.local/share/ccskills`` on Linux)."""
    chosen = os.environ.get(ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("ccskills", appauthor=False)) / "scenarios.json"


def check_name(name) -> str:
    """``name`` stripped; ``ValueError`` naming ``name`` unless it is text of 1 to 60 characters
    without line breaks or control characters.

    >>> check_name("  方案A ")
    '方案A'
    """
    if not isinstance(name, str):
        raise ScenarioNameError(name)
    stripped = name.strip()
    if not 1 <= len(stripped) <= NAME_MAX or any(ord(c) < 32 or ord(c) == 127 for c in stripped):
        raise ScenarioNameError(name)
    return stripped


def _plain(value):
    """``value`` with numpy numbers as Python numbers and tuples as lists (JSON-able), else TypeError."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # numpy scalar
        return _plain(value.item())
    if hasattr(value, "isoformat"):  # date, datetime, Timestamp: as on screen
        return value.isoformat()
    raise TypeError(f"inputs must be JSON-able (numbers, text, lists, dicts), got {type(value).__name__!r}")


class ScenarioStore:
    """Named scenarios per calculator in one JSON file (see the module notes).

    >>> import tempfile, pathlib
    >>> store = ScenarioStore(pathlib.Path(tempfile.mkdtemp()) / "s.json")
    >>> _ = store.save(Scenario("erlang", "方案A", {"calls": 100}, [("required_agents", 14, "#,##0")]))
    >>> store.names("erlang"), store.load("erlang", "方案A").results
    (['方案A'], [('required_agents', 14, '#,##0')])
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._notice: Path | None = None

    # Reading ---------------------------------------------------------------

    def names(self, calculator: str) -> list[str]:
        """The saved names of ``calculator``'s scenarios, in saved order."""
        return [s.name for s in self.scenarios(calculator)]

    def scenarios(self, calculator: str) -> list[Scenario]:
        """``calculator``'s scenarios, in saved order (no file yet: none, and nothing is created)."""
        if not self.path.exists():
            return []
        with self._locked():
            data = self._read()
        return [Scenario.from_json(calculator, e) for e in data.get(calculator, [])]

    def load(self, calculator: str, name: str) -> Scenario:
        """The scenario ``name`` of ``calculator``; :class:`ScenarioNotFound` if there is none."""
        key = name.strip() if isinstance(name, str) else name
        for scenario in self.scenarios(calculator):
            if scenario.name == key:
                return scenario
        raise ScenarioNotFound(calculator, str(name))

    # Writing ---------------------------------------------------------------

    def save(self, scenario: Scenario, *, replace: bool = False) -> Scenario:
        """Add ``scenario`` (name stripped, saved_at filled in); returns what was stored.

        A name already saved for the calculator raises :class:`ScenarioExists` unless ``replace``
        (then it is replaced where it stood). Other calculators' scenarios are untouched.
        """
        stored = self._checked(scenario)
        with self._locked():
            data = self._read()
            entries = data.setdefault(stored.calculator, [])
            names = [e["name"] for e in entries]
            if stored.name in names and not replace:
                raise ScenarioExists(stored.calculator, stored.name)
            if stored.name in names:
                entries[names.index(stored.name)] = stored.as_json()
            else:
                entries.append(stored.as_json())
            self._write(data)
        return stored

    def delete(self, calculator: str, name: str) -> None:
        """Remove scenario ``name`` of ``calculator``; :class:`ScenarioNotFound` if there is none."""
        key = name.strip() if isinstance(name, str) else name
        with self._locked():
            data = self._read()
            entries = data.get(calculator, [])
            kept = [e for e in entries if e["name"] != key]
            if len(kept) == len(entries):
                raise ScenarioNotFound(calculator, str(name))
            data[calculator] = kept
            if not kept:
                del data[calculator]
            self._write(data)

    def moved_aside(self) -> Path | None:
        """Where the last operations moved a damaged file (then forgotten), else None."""
        moved, self._notice = self._notice, None
        return moved

    def notice(self, lang: str = "zh") -> str | None:
        """One sentence if the last operations moved a damaged file aside (then forgotten), else None."""
        moved = self.moved_aside()
        return None if moved is None else scenario_text("corrupt", lang, bad=moved.name)

    # Inside ----------------------------------------------------------------

    def _checked(self, scenario: Scenario) -> Scenario:
        if not isinstance(scenario, Scenario):
            raise ValueError(f"scenario must be a ccskills.scenarios.Scenario, got {type(scenario).__name__!r}")
        if not isinstance(scenario.calculator, str) or not scenario.calculator.strip():
            raise ValueError(f"calculator must be a non-empty name, got {scenario.calculator!r}")
        if not isinstance(scenario.inputs, dict):
            raise ValueError(f"inputs must be a dict, got {type(scenario.inputs).__name__!r}")
        try:
            inputs = _plain(scenario.inputs)
            results = [(str(k), _plain(v), f) for k, v, f in scenario.results]
        except TypeError as err:
            raise ValueError(str(err)) from None
        saved_at = scenario.saved_at or datetime.now().isoformat(timespec="seconds")
        labels = {str(k): str(v) for k, v in dict(scenario.labels or {}).items()}
        return Scenario(scenario.calculator.strip(), check_name(scenario.name), inputs, results, saved_at,
                        scenario.lang if scenario.lang in ("zh", "en") else "zh", labels)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with ExitStack() as stack:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                stack.enter_context(locked(self.path))
            except LockBusy:
                raise
            except OSError as err:
                raise ScenarioStoreError(self.path, err.strerror or str(err)) from None
            yield

    def _read(self) -> dict[str, list[dict]]:
        """calculator → entries; a missing file is empty, a damaged one is moved aside (under the lock)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as err:
            raise ScenarioStoreError(self.path, err.strerror or str(err)) from None
        try:
            return _parsed(raw)
        except ValueError:
            self._move_aside()
            return {}

    def _move_aside(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        bad = self.path.with_name(f"{self.path.name}.bad-{stamp}")
        number = 1
        while bad.exists():
            number += 1
            bad = self.path.with_name(f"{self.path.name}.bad-{stamp}-{number}")
        try:
            os.replace(self.path, bad)
        except OSError as err:
            raise ScenarioStoreError(self.path, err.strerror or str(err)) from None
        self._notice = bad

    def _write(self, data: dict) -> None:
        payload = {"format": FORMAT, "version": VERSION, "calculators": data}
        text = json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=True)
        try:
            write_bytes_atomic(self.path, (text + "\n").encode("utf-8"))
        except OSError as err:
            raise ScenarioStoreError(self.path, err.strerror or str(err)) from None


def _parsed(raw: bytes) -> dict[str, list[dict]]:
    """The calculators mapping of a scenario file; ``ValueError`` if it is not one."""
    if not raw.strip():
        return {}
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"file must be UTF-8 JSON, got {err}") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError("file must be a ccskills scenario file")
    calculators = payload.get("calculators")
    if not isinstance(calculators, dict) or not all(isinstance(v, list) for v in calculators.values()):
        raise ValueError("calculators must map names to lists")
    for calculator, entries in calculators.items():
        for entry in entries:
            Scenario.from_json(calculator, entry)  # raises ValueError on a damaged entry
    return calculators


def scenario_message(exc: BaseException, lang: str = "zh") -> str:
    """One sentence in ``lang`` for an error of the store (a bad name, a name taken, a busy file …)."""
    if isinstance(exc, ScenarioExists):
        return scenario_text("exists", lang, name=exc.name)
    if isinstance(exc, ScenarioNotFound):
        return scenario_text("not_found", lang, name=exc.name)
    if isinstance(exc, LockBusy):
        return scenario_text("busy", lang)
    if isinstance(exc, ScenarioStoreError):
        return scenario_text("io_error", lang, path=str(exc.path), reason=exc.reason)
    if isinstance(exc, ScenarioNameError):
        return _name_message(exc.value, lang)
    return scenario_text("failed", lang, kind=type(exc).__name__)



def _name_message(value, lang: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return scenario_text("name_empty", lang, most=NAME_MAX)
    if len(text) > NAME_MAX:
        return scenario_text("name_long", lang, most=NAME_MAX, n=len(text))
    return scenario_text("name_control", lang)
