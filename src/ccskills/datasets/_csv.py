"""The one CSV dialect of every committed dataset, so regenerated files compare byte for byte.

Every file is written atomically (a temporary file in the same folder, flushed, then
renamed over the target): an interrupted regeneration leaves the previous file whole
and no temporary file behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

__all__ = ["write_csv", "write_tables"]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` as UTF-8, '\\n' line ends, ISO date-times, true/false booleans, empty for missing.

    Atomic: ``path`` is either the old file or the complete new one.
    """
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_bool_dtype(s.dtype):
            out[col] = s.map({True: "true", False: "false"}).astype(object).where(s.notna(), "")
        elif pd.api.types.is_datetime64_any_dtype(s.dtype):
            fmt = "%Y-%m-%d" if (s.dt.normalize() == s).all() else "%Y-%m-%d %H:%M:%S"
            out[col] = s.dt.strftime(fmt)
    from ..io._atomic import atomic_path

    with atomic_path(path) as tmp:
        out.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8", na_rep="", float_format="%.2f")


def write_tables(tables: Mapping[str, pd.DataFrame], files: Mapping[str, str], directory) -> list[Path]:
    """Write ``tables[key]`` to ``directory / files[key]`` with :func:`write_csv`, in ``files`` order.

    Parent folders are created; returns the written paths (a generator's ``FILES`` order).
    """
    directory = Path(directory)
    paths = []
    for key, name in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_csv(tables[key], path)
        paths.append(path)
    return paths
