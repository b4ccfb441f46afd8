"""Scenarios a manager keeps: save, load and compare a calculator's inputs and results.

* :class:`ScenarioStore` keeps every calculator's named scenarios in one JSON file
  (``$CCSKILLS_SCENARIOS``, else ``scenarios.json`` in the user data folder), written
  atomically under a file lock so two kernels never lose each other's saves; a damaged
  file is moved aside and :meth:`ScenarioStore.notice` says so in one sentence.
* :class:`Scenario` is one entry: calculator, name (1–60 characters), inputs as shown on
  screen, results as (key, value, Excel format), saved time, language.
* :func:`compare_frame` puts scenarios side by side (inputs then results, one column
  each); :func:`compare_html` and :func:`compare_excel` show and export it.
* :func:`scenario_message` words any store error in Chinese or English;
  :func:`scenario_text` holds the widget labels.

No widgets here: ``ccskills.apps._keep.KeepBar`` is the bar the calculators show.

>>> import tempfile, pathlib
>>> store = ScenarioStore(pathlib.Path(tempfile.mkdtemp()) / "scenarios.json")
>>> _ = store.save(Scenario("erlang", "A", {"calls": 100}, [("required_agents", 14, "#,##0")]))
>>> _ = store.save(Scenario("erlang", "B", {"calls": 120}, [("required_agents", 16, "#,##0")]))
>>> frame, formats = compare_frame([store.load("erlang", n) for n in store.names("erlang")],
...                                {"calls": "来话量", "required_agents": "所需座席数"})
>>> frame.values.tolist(), formats
([['来话量', '输入', 100, 120], ['所需座席数', '结果', 14, 16]], ['#,##0', '#,##0'])
"""

from ccskills.scenarios._compare import compare_excel, compare_frame, compare_html, compare_sheets, input_format
from ccskills.scenarios._lock import LockBusy
from ccskills.scenarios._store import (ENV, NAME_MAX, Scenario, ScenarioExists, ScenarioNameError, ScenarioNotFound,
                                       ScenarioStore,
                                       ScenarioStoreError, check_name, default_path, scenario_message)
from ccskills.scenarios._text import SCENARIO_TEXT, scenario_text

__all__ = ["Scenario", "ScenarioStore", "ScenarioExists", "ScenarioNameError", "ScenarioNotFound", "ScenarioStoreError", "LockBusy",
           "compare_frame", "compare_html", "compare_excel", "compare_sheets", "input_format", "check_name", "default_path",
           "scenario_message", "scenario_text", "SCENARIO_TEXT", "ENV", "NAME_MAX"]
