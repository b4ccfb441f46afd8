"""``ccskills staff``: values with units and percents read one way (issue 13), help in zh and en, --version.

The traps the issue reports, each reproduced: ``--target 0.8/20`` read as 0.8 % (41 agents at SL 24 %),
``--shrinkage 30`` refused while 0.3 was taken, ``--interval 30`` read as 30 seconds (2,415 agents),
``--aht 4min`` refused as "必须大于 0". Expected agent counts come from the core's staffing search with
the inputs written in library units (seconds, fractions), never from the CLI's own output.
"""

from importlib.metadata import version

import pytest

from ccskills.cli import main, parse_duration, parse_interval, parse_percent, parse_target
from ccskills.queueing import agents_for_service_level, offered_load
from ccskills.staffing import scheduled_headcount


def run(capsys, *args):
    status = main(["staff", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def agents(out: str) -> int:
    return int(next(ln for ln in out.splitlines() if ln.startswith("Required agents")).split()[-1])


def headcount(out: str) -> int:
    return int(next(ln for ln in out.splitlines() if ln.startswith("Scheduled headcount")).split()[-1])


BASE = ["--calls", "300", "--aht", "240", "--lang", "en"]
EXPECTED = agents_for_service_level(offered_load(300, 240, 1800), 240, 20, 0.8)  # 46


@pytest.mark.parametrize("target", ["80/20", "80%/20", "80%/20s", "0.8/20", " 80 / 20 s ", "80/0.33333333min"])
def test_target_forms_mean_80_percent_in_20_seconds(capsys, target):
    status, out, err = run(capsys, *BASE, "--target", target)
    assert status == 0 and err == "" and agents(out) == EXPECTED == 46
    assert "target 80.0 % answered within 20 s" in out


@pytest.mark.parametrize("interval", ["30", "30min", "30m", "0.5h", "1800s", "30 分钟"])
def test_interval_forms_mean_30_minutes(capsys, interval):
    status, out, _ = run(capsys, *BASE, "--interval", interval)
    assert status == 0 and agents(out) == EXPECTED and "300 calls per 30 min" in out


@pytest.mark.parametrize("aht", ["240", "240s", "4min", "4m", "0.0666667h", "240秒"])
def test_aht_forms_mean_240_seconds(capsys, aht):
    args = ["--calls", "300", "--aht", aht, "--lang", "en"]
    status, out, err = run(capsys, *args)
    assert status == 0 and err == "" and agents(out) == EXPECTED


@pytest.mark.parametrize("shrinkage", ["30", "30%", "0.3", "30 %"])
def test_percent_forms_mean_the_same_shrinkage(capsys, shrinkage):
    status, out, _ = run(capsys, *BASE, "--shrinkage", shrinkage)
    assert status == 0 and headcount(out) == scheduled_headcount(EXPECTED, 0.3) == 66


@pytest.mark.parametrize("cap", ["85", "85%", "0.85"])
def test_max_occupancy_takes_the_same_forms(capsys, cap):
    status, out, _ = run(capsys, *BASE, "--max-occupancy", cap)
    capped = agents_for_service_level(40.0, 240, 20, 0.8, max_occupancy=0.85)
    assert status == 0 and agents(out) == capped == 48


def test_patience_and_asa_take_units(capsys):
    status, out, _ = run(capsys, *BASE, "--patience", "1.5min")
    assert status == 0 and agents(out) == agents_for_service_level(40.0, 240, 20, 0.8, patience=90)
    status_s, out_s, _ = run(capsys, *BASE, "--asa", "20s")
    status_bare, out_bare, _ = run(capsys, *BASE, "--asa", "20")
    assert status_s == status_bare == 0 and agents(out_s) == agents(out_bare)


@pytest.mark.parametrize("args, lang, sentence", [
    (["--shrinkage", "150"], "en", "Write --shrinkage as a percent (30 or 30%) or a fraction (0.3) (you entered 150)."),
    (["--shrinkage", "1"], "zh", "--shrinkage 的 1 既可能是 1 % 也可能是 100 %"),
    (["--max-occupancy", "lots"], "zh", "--max-occupancy 要写成百分数"),
    (["--target", "1/20"], "en", "--target 1 could be 1 % or 100 %"),
    (["--target", "80/20/30"], "en", "Write --target as X/Y"),
    (["--target", "80/20kg"], "zh", "--target 要写成 X/Y"),
    (["--interval", "1800"], "en", "--interval without a unit is in minutes"),
    (["--interval", "30 days"], "zh", "--interval 要写成 30min"),
    (["--aht", "4"], "en", "--aht without a unit is in seconds, and under 10 seconds looks like minutes"),
    (["--aht", "4 parsecs"], "zh", "--aht 要写成时长"),
    (["--patience", "2"], "zh", "--patience 不带单位时按秒计"),
    (["--asa", "soon"], "en", "Write --asa as a duration"),
    (["--aht", "0min"], "zh", "平均处理时长（AHT）必须大于 0 秒"),
    (["--interval", "0min"], "en", "The interval length must be more than 0"),
])
def test_bad_or_ambiguous_values_get_one_sentence_naming_the_option(capsys, args, lang, sentence):
    base = ["--calls", "300", "--aht", "240"]
    status, out, err = run(capsys, *base, *args, "--lang", lang)
    assert status == 2 and out == "" and "Traceback" not in err
    assert sentence in err and err.count("\n") == 1


def test_argparse_complaints_in_the_chosen_language(capsys):
    assert main(["staff", "--calls", "300"]) == 2
    assert "缺少必填选项：--aht。" in capsys.readouterr().err
    assert main(["staff", "--calls", "300", "--lang", "en"]) == 2
    assert "Missing required options: --aht." in capsys.readouterr().err


def help_text(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines


def test_help_is_bilingual_and_follows_lang(capsys):
    both = help_text(capsys, "staff", "--help")
    assert "平均处理时长（AHT）" in both and "average handle time (AHT)" in both
    assert "a bare number is minutes" in both and "不带单位按分钟计" in both
    english = help_text(capsys, "staff", "--help", "--lang", "en")
    assert "a bare number is seconds" in english and "秒" not in english
    assert "FILE 已存在时覆盖" in help_text(capsys, "class", "export", "--lang", "zh", "--help")


def test_version_prints_the_installed_kit_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ccskills {version('ccskills')}"


def test_parsers_in_library_units():
    assert parse_duration("4min") == parse_duration("4m") == parse_duration("240s") == 240
    assert parse_interval("30") == parse_interval("0.5h") == 1800
    assert parse_percent("0.8", "target") == parse_percent("80", "target") == 0.8
    assert parse_target("0.8/20") == parse_target("80/20") == (0.8, 20.0)
    assert parse_percent("-5") == -0.05  # the sign is kept, the library then rejects it by name
    with pytest.raises(ValueError, match="shrinkage_spec"):
        parse_percent("101")
