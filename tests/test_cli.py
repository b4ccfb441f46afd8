"""The ``ccskills staff`` command: answers equal the core's, bad input exits 2 with a sentence."""

import re
import subprocess
import sys
from pathlib import Path

import mpmath as mp
import pytest

from ccskills import agents_for_asa, agents_for_service_level, erlang_a, offered_load
from ccskills.cli import main, parse_interval, parse_target


def run(capsys, *args):
    status = main(["staff", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def value(out: str, label: str) -> str:
    line = next(ln for ln in out.splitlines() if ln.startswith(label))
    return line[len(label):].strip()


def test_issue_example_erlang_c(capsys):
    status, out, err = run(capsys, "--calls", "300", "--interval", "30min", "--aht", "240",
                           "--target", "80/20", "--shrinkage", "0.3", "--lang", "en")
    load = offered_load(300, 240, 1800)
    agents = agents_for_service_level(load, 240, 20, 0.8)
    assert status == 0 and err == ""
    assert value(out, "Required agents") == str(agents)
    assert value(out, "Scheduled headcount") == str(-(-agents * 10 // 7))  # ceil(agents / 0.7)
    assert value(out, "Offered load (Erlang)") == f"{load:.2f}"


def test_patience_switches_to_erlang_a(capsys):
    status, out, _ = run(capsys, "--calls", "300", "--interval", "30min", "--aht", "240",
                         "--target", "80/20", "--patience", "90", "--lang", "en")
    agents = agents_for_service_level(40.0, 240, 20, 0.8, patience=90)
    assert status == 0
    assert value(out, "Model").startswith("Erlang A")
    assert value(out, "Required agents") == str(agents)
    assert value(out, "Abandonment rate") == f"{100 * erlang_a(agents, 40.0, 240, 90, 20).p_abandon:.1f} %"


def test_asa_target(capsys):
    status, out, _ = run(capsys, "--calls", "120", "--interval", "15min", "--aht", "200",
                         "--asa", "15", "--lang", "en")
    assert status == 0
    assert value(out, "Required agents") == str(agents_for_asa(offered_load(120, 200, 900), 200, 15))


def test_chinese_output_by_default(capsys):
    status, out, _ = run(capsys, "--calls", "100", "--interval", "30min", "--aht", "180")
    assert status == 0 and value(out, "所需座席数") == "14"  # callcentrehelper's worked example


@pytest.mark.parametrize("args,lang,sentence", [
    (["--calls", "300", "--aht", "0"], "zh", "平均处理时长（AHT）必须大于 0 秒"),
    (["--calls", "-3", "--aht", "240"], "en", "Calls offered per interval must be zero or more (you entered -3)"),
    (["--calls", "300", "--aht", "240", "--target", "100/20"], "en", "less than 100 %"),
    (["--calls", "300", "--aht", "240", "--target", "80"], "zh", "--target 要写成 X/Y"),
    (["--calls", "300", "--aht", "240", "--interval", "half an hour"], "en", "Write --interval as 30min"),
    (["--calls", "300", "--aht", "240", "--shrinkage", "100%"], "en",
     "Shrinkage must be from 0 % up to, but not including, 100 % (you entered 100)"),
    (["--calls", "300", "--aht", "240", "--shrinkage", "1.0"], "en", "--shrinkage 1 could be 1 % or 100 %"),
    (["--calls", "300", "--aht", "240", "--patience", "0"], "en", "Patience must be more than 0 seconds"),
])
def test_bad_input_exits_2_with_a_sentence(capsys, args, lang, sentence):
    status, out, err = run(capsys, *args, "--lang", lang)
    assert status == 2 and out == ""
    assert sentence in err and "Traceback" not in err


def test_console_script_is_installed():
    """The ``ccskills`` entry point runs as a program and returns the exit status."""
    done = subprocess.run([sys.executable, "-m", "ccskills.cli", "staff", "--calls", "10",
                           "--aht", "-1", "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 2 and "AHT" in done.stderr and "Traceback" not in done.stderr


def test_parsers():
    assert parse_interval("15min") == 900 and parse_interval("2h") == 7200
    assert parse_target("95/10") == (0.95, 10.0)


def _erlang_c_agents(calls, aht, interval, target, answer_time):
    """Independent reference: the fewest agents whose Erlang C service level reaches ``target`` (mpmath, 50 digits).

    P(wait) = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)); SL = 1 − P(wait)·e^{−(N−A)t/AHT}.
    """
    mp.mp.dps = 50
    load = mp.mpf(calls) * aht / interval
    n = int(mp.floor(load)) + 1
    while True:
        top = load ** n / mp.factorial(n) * n / (n - load)
        p_wait = top / (mp.fsum(load ** k / mp.factorial(k) for k in range(n)) + top)
        if 1 - p_wait * mp.e ** (-(n - load) * answer_time / aht) >= target:
            return n
        n += 1


HEADLINE = ["--calls", "300", "--interval", "30min", "--aht", "240", "--target", "80/20"]


def test_headline_example_46_agents_erlang_a_40(capsys):
    """README's and the course's example: 300 calls / 30 min, AHT 240 s, 80/20 → 46 agents (Erlang A, patience 90: 40)."""
    reference = _erlang_c_agents(300, 240, 1800, 0.8, 20)
    status, out, _ = run(capsys, *HEADLINE, "--lang", "en")
    assert status == 0 and reference == 46 and value(out, "Required agents") == "46"
    status, out, _ = run(capsys, *HEADLINE, "--patience", "90", "--lang", "en")
    assert status == 0 and value(out, "Required agents") == "40"
    assert agents_for_service_level(40.0, 240, 20, 0.8, patience=90) == 40


def test_readme_command_line_runs(capsys):
    """The README's documented command (README.md, 'Command line:'), every optional part included."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if "ccskills staff --calls" in ln)
    command = re.search(r"`ccskills (staff [^`]*)`", line)[1].replace("[", "").replace("]", "")
    status, out, err = run(capsys, *command.split()[1:])
    assert status == 0 and err == "" and value(out, "Required agents") == "40"  # with --patience 90
    assert value(out, "Model").startswith("Erlang A") and value(out, "Scheduled headcount") == "58"  # ⌈40/0.7⌉
