"""The class progress store: every checked answer, one row per attempt, for the trainer.

Both exercise tracks record through one :class:`Recorder` (the code track's ``qN.check()`` and
the workbook page's 检查) into a :class:`ProgressStore`: a SQLite file in the user's data
directory by default, or the database ``CCSKILLS_PROGRESS_URL`` names (PostgreSQL on a hub).
Trainees are named by ``JUPYTERHUB_USER``, else by :func:`set_trainee`, else visibly
``unset:login@host``. :mod:`ccskills.class_report` (above this package) computes the trainer's tables.

This package imports no widgets; the exercises engine and the workbooks call it.

>>> import os, tempfile
>>> from ccskills.progress import ProgressStore
>>> store = ProgressStore("sqlite:///" + os.path.join(tempfile.mkdtemp(), "class.sqlite3"))
>>> store.record("王芳", "ch02", "q1", "16.0", False, mistake="AHT 是分钟")
>>> store.attempts().loc[0, ["verdict", "mistake"]].tolist()
['incorrect', 'AHT 是分钟']
"""

from importlib import import_module

__all__ = ["COLUMNS", "CONFIG_ENV", "SCHEMA_VERSION", "VERDICTS", "ClassConfig", "ClassFileError", "ConfigError",
           "Identity", "ImportResult", "ProgressStore", "Recorder", "answer_text", "apply_retention",
           "check_passcode", "config_paths", "default_recorder", "default_url", "delete_trainee", "export_class",
           "import_class", "load_config", "passcode_hash", "recording_enabled", "set_trainee", "trainee_identity",
           "write_user_config"]

_HOME = {"SCHEMA_VERSION": "_schema", "VERDICTS": "_schema", "Identity": "identity",
         "set_trainee": "identity", "trainee_identity": "identity", "Recorder": "recorder",
         "answer_text": "recorder", "default_recorder": "recorder", "recording_enabled": "recorder",
         "COLUMNS": "store", "ProgressStore": "store", "default_url": "_config", "CONFIG_ENV": "_config",
         "ClassConfig": "_config", "ConfigError": "_config", "check_passcode": "_config",
         "config_paths": "_config", "load_config": "_config", "passcode_hash": "_config",
         "write_user_config": "_config", "ClassFileError": "housekeeping", "ImportResult": "housekeeping",
         "apply_retention": "housekeeping", "delete_trainee": "housekeeping", "export_class": "housekeeping",
         "import_class": "housekeeping"}


def __getattr__(name: str):
    """Public names load on first use, so a disabled recorder costs no SQLAlchemy import."""
    if name not in _HOME:
        raise AttributeError(f"module 'ccskills.progress' has no attribute {name!r}")
    return getattr(import_module(f"ccskills.progress.{_HOME[name]}"), name)


def __dir__():
    return sorted(__all__)
