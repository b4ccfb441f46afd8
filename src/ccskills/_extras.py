"""One sentence instead of a bare ImportError when a module needs what a core install leaves out.

``pip install ccskills`` brings the library (numpy, scipy, pandas, statsmodels ...); the widgets,
charts, progress store and PDFs come with the ``course`` extra (``apps`` is the same without
JupyterLab, for a hub that has its own).
"""

from __future__ import annotations

EXTRA = "course"


def needs_extra(err: ImportError, module: str, extra: str = EXTRA) -> ModuleNotFoundError:
    """The error to raise from ``module`` when importing a package of ``extra`` failed with ``err``.

    >>> try:
    ...     import not_installed_here
    ... except ImportError as err:
    ...     print(needs_extra(err, "ccskills.charts"))
    ccskills.charts needs not_installed_here, which a core install of ccskills leaves out: pip install "ccskills[course]" (请安装 ccskills[course]).
    """
    missing = err.name or str(err)
    return ModuleNotFoundError(f'{module} needs {missing}, which a core install of ccskills leaves out: '
                               f'pip install "ccskills[{extra}]" (请安装 ccskills[{extra}]).', name=missing)
