"""RACI matrix rules, the default matrix, role documents and their Excel files (ccskills.management).

Expected problems are written out by hand from the rules (PMBOK 6th ed. §9.1.2.2: one A per
activity; at least one R; Smith & Erwin's vertical/horizontal analyses); the default matrix is
re-checked here by counting the letters in the exported sheet, independently of ``check()``.
"""

import io

import openpyxl
import pytest

from ccskills.kpi import REGISTRY
from ccskills.kpi.display import label
from ccskills.management import (CODES, PROCESSES, ROLE_NAMES, ROLE_PROFILES, Activity, RaciMatrix,
                                 RoleName, default_raci, profile, raci_excel, role_kpi_table,
                                 roles_excel)

ROLES = [RoleName("agent", "座席", "Agent"), RoleName("tl", "班组长", "Team leader"),
         RoleName("sup", "运营主管", "Supervisor"), RoleName("dir", "运营总监", "Director")]
ACTS = [Activity("hire", "面试与录用", "Interview and hire", "招聘", "Recruitment"),
        Activity("brief", "班前会", "Pre-shift meeting", "现场管理", "Floor management")]
PLAN = Activity("plan", "年度目标", "Annual targets", "绩效考评", "Performance evaluation")


def _matrix(hire):
    """Activity 'hire' as given; 'brief' and 'plan' well formed, and every role has work in them."""
    return RaciMatrix(ACTS + [PLAN], ROLES, {"hire": hire, "brief": {"agent": "R", "tl": "C", "sup": "A"},
                                             "plan": {"dir": "R/A", "tl": "R"}})


def _open(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


# --- the rules ---------------------------------------------------------------------------

def test_a_well_formed_matrix_has_no_problem():
    m = _matrix({"tl": "R", "sup": "A", "dir": "I", "agent": ""})
    assert m.check() == () and m.ok


def test_no_accountable_is_an_error_naming_the_activity():
    (p,) = _matrix({"tl": "R", "sup": "C", "dir": "R"}).check()
    assert (p.severity, p.rule, p.activity, p.roles) == ("error", "no_accountable", "hire", ())
    assert p.message("zh") == "活动“面试与录用”没有 A(最终负责人):每项活动必须恰好有一个 A。"
    assert p.message("en") == "Activity 'Interview and hire' has no A (accountable): every activity needs exactly one."


def test_two_accountables_is_an_error_naming_both_roles():
    (p,) = _matrix({"tl": "R/A", "sup": "A", "dir": "I"}).check()
    assert (p.rule, p.activity, p.roles) == ("several_accountable", "hire", ("tl", "sup"))
    assert p.message_zh == "活动“面试与录用”有 2 个 A(班组长、运营主管):每项活动只能有一个 A。"
    assert p.message_en == ("Activity 'Interview and hire' has 2 A's (Team leader, Supervisor): "
                            "only one role may be accountable.")
    assert not _matrix({"tl": "R/A", "sup": "A", "dir": "I"}).ok


def test_no_responsible_is_an_error():
    (p,) = _matrix({"tl": "C", "sup": "A", "dir": "I"}).check()
    assert (p.severity, p.rule, p.activity) == ("error", "no_responsible", "hire")
    assert p.message("en") == ("Activity 'Interview and hire' has no R (responsible): at least one role "
                               "must do the work.")


def test_an_empty_row_breaks_both_activity_rules_in_order():
    assert [p.rule for p in _matrix({}).check()] == ["no_accountable", "no_responsible"]


def test_role_with_only_c_and_i_is_a_warning_and_not_an_error():
    m = RaciMatrix(ACTS, ROLES, {"hire": {"tl": "R", "sup": "A", "dir": "R"},
                                 "brief": {"tl": "R", "sup": "A", "dir": "I"}})
    (p,) = m.check()
    assert (p.severity, p.rule, p.activity, p.roles) == ("warning", "role_without_work", None, ("agent",))
    m = RaciMatrix(ACTS, ROLES, {"hire": {"tl": "R", "sup": "A", "dir": "R", "agent": "I"},
                                 "brief": {"tl": "R", "sup": "A", "dir": "I", "agent": "C"}})
    assert [p.rule for p in m.check()] == ["everyone_involved", "everyone_involved", "role_without_work"]
    assert m.ok
    assert m.check()[-1].message("zh").startswith("角色“座席”在所有活动中都没有 R 或 A")


def test_r_a_counts_as_both_r_and_a():
    m = _matrix({"tl": "a/r", "sup": "I"})
    assert m.code("hire", "tl") == "R/A"
    assert m.holders("hire", "A") == ("tl",) and m.holders("hire", "R") == ("tl",)
    assert m.check() == ()


@pytest.mark.parametrize("bad", ["X", "RC", "R/C", "C/I", "A/A", 1, "R,A"])
def test_bad_cell_value_names_activity_and_role(bad):
    with pytest.raises(ValueError) as err:
        _matrix({"tl": "R", "sup": bad})
    assert str(err.value) == f"cells['hire']['sup'] must be one of R, A, C, I, R/A or empty, got {bad!r}"


def test_unknown_ids_and_duplicates_are_rejected():
    with pytest.raises(ValueError, match=r"cells\['hire'\] role must be one of the roles, got 'boss'"):
        _matrix({"boss": "A"})
    with pytest.raises(ValueError, match="cells activity must be one of the activities, got 'fire'"):
        RaciMatrix(ACTS, ROLES, {"fire": {}})
    with pytest.raises(ValueError, match="roles ids must be distinct, got 'tl' more than once"):
        RaciMatrix(ACTS, ROLES + [ROLES[1]], {})
    with pytest.raises(ValueError, match="activities must hold at least one entry"):
        RaciMatrix([], ROLES, {})
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        _matrix({}).table("fr")


# --- the default matrix --------------------------------------------------------------------

def test_default_passes_its_own_check():
    m = default_raci()
    assert m.check() == () and m.ok
    assert [r.name_zh for r in m.roles] == ["座席", "班组长", "质检员", "排班师", "培训师", "运营主管", "运营总监"]
    assert {a.process_zh for a in m.activities} == {zh for zh, _ in PROCESSES.values()}


def test_default_rules_recounted_from_the_sheet():
    ws = _open(raci_excel(default_raci()))["RACI矩阵"]
    header, *rows = _rows(ws)
    assert header[:2] == ["流程", "活动"] and len(rows) == 25
    for row in rows:
        letters = [c or "" for c in row[2:]]
        assert sum("A" in c for c in letters) == 1, row
        assert any("R" in c for c in letters), row
        assert set(letters) <= {"", "R", "A", "C", "I", "R/A"}
    for j in range(2, len(header)):
        assert any(("R" in (r[j] or "")) or ("A" in (r[j] or "")) for r in rows), header[j]


def test_knowledge_lifecycle_is_in_the_default():
    m = default_raci()
    km = [a.name_en for a in m.activities if a.process_en == "Knowledge management"]
    assert len(km) == 4 and [w.split()[0] for w in km] == ["Draft", "Review", "Publish", "Retire"]


# --- Excel -----------------------------------------------------------------------------------

def test_raci_excel_sheets_cells_and_check():
    m = default_raci()
    wb = _open(raci_excel(m))
    assert wb.sheetnames == ["RACI矩阵", "图例", "规则", "检查"]
    rows = _rows(wb["RACI矩阵"])
    assert rows[0][2:] == [r.name_zh for r in ROLE_NAMES]
    i = [a.id for a in m.activities].index("handover") + 1
    assert rows[i][1] == "交接班" and rows[i][2 + [r.id for r in ROLE_NAMES].index("team_leader")] == "R/A"
    legend = _rows(wb["图例"])
    assert [r[0] for r in legend[1:]] == list(CODES) and legend[2][2] == "Accountable"
    assert _rows(wb["检查"])[1][-1] == "无问题"


def test_raci_excel_lists_problems_in_english():
    m = _matrix({"tl": "R/A", "sup": "A", "dir": "I"})
    wb = _open(raci_excel(m, "en"))
    assert wb.sheetnames == ["RACI matrix", "Legend", "Rules", "Check"]
    rows = _rows(wb["Check"])
    assert rows[0] == ["Severity", "Activity", "Role", "Problem"]
    assert rows[1][:3] == ["error", "Interview and hire", "Team leader, Supervisor"]
    assert rows[1][3] == m.check()[0].message_en and len(rows) == 2


def test_blank_template_keeps_activities_and_roles_with_empty_cells():
    m = default_raci()
    wb = _open(raci_excel(m, blank=True))
    assert wb.sheetnames == ["RACI矩阵", "图例", "规则"]
    header, *rows = _rows(wb["RACI矩阵"])
    assert header[2:] == [r.name_zh for r in m.roles]
    assert [r[1] for r in rows] == [a.name_zh for a in m.activities]
    assert all(c in (None, "") for r in rows for c in r[2:])


# --- role documents ------------------------------------------------------------------------

def test_seven_profiles_match_the_raci_roles():
    assert [p.role for p in ROLE_PROFILES] == list(ROLE_NAMES) == list(default_raci().roles)
    ids = {r.id for r in ROLE_NAMES}
    for p in ROLE_PROFILES:
        assert 5 <= len(p.duties) <= 8, p.role.id
        assert p.kpis and p.qualifications and all(len(x) == 2 and all(x) for x in p.duties)
        assert p.reports_to in ids or (p.role.id == "director" and p.reports_to is None)
    with pytest.raises(ValueError, match="role_id must be one of"):
        profile("ceo")


def test_every_kpi_id_exists_and_has_a_name():
    for p in ROLE_PROFILES:
        for k in p.kpis:
            assert k in REGISTRY, (p.role.id, k)
            assert label(k, "zh") == REGISTRY[k].name_zh != k
            assert label(k, "en") == REGISTRY[k].name_en


def test_kpi_targets_come_from_the_registry():
    t = role_kpi_table("en")
    assert len(t) == sum(len(p.kpis) for p in ROLE_PROFILES)
    for _, row in t.iterrows():
        ind = REGISTRY[row["KPI id"]]
        low, high = row["Target (at least)"], row["Target (at most)"]
        if ind.direction == "band":
            assert (low, high) == ind.target
        elif ind.target is None:
            assert low != low and high != high  # both NaN
        elif ind.direction == "higher":
            assert low == ind.target and high != high
        else:
            assert high == ind.target and low != low


def test_roles_excel_round_trip():
    wb = _open(roles_excel("zh"))
    assert wb.sheetnames == [r.name_zh for r in ROLE_NAMES] + ["考核指标"]
    sup = _rows(wb["运营主管"])
    assert sup[0] == ["栏目", "内容"] and sup[1] == ["岗位", "运营主管"] and sup[2] == ["汇报对象", "运营总监"]
    assert ["主要职责 5", "面试候选人"] in sup and ["考核指标 1", "服务水平"] in sup
    ws = wb["考核指标"]
    header, *rows = _rows(ws)
    assert header == ["岗位", "指标编号", "指标", "公式", "单位", "目标下限", "目标上限"]
    sl = next(i for i, r in enumerate(rows) if r[0] == "排班师" and r[1] == "service_level")
    assert rows[sl][2] == "服务水平" and rows[sl][5] == 0.8 and isinstance(rows[sl][5], float)
    assert ws.cell(row=sl + 2, column=6).number_format == "0.0%"
    occ = next(r for r in rows if r[1] == "occupancy")
    assert (occ[5], occ[6]) == REGISTRY["occupancy"].target
    en = _open(roles_excel("en"))
    assert en.sheetnames[-1] == "KPIs" and _rows(en["Operations director"])[2] == ["Reports to", "—"]


def test_excel_inputs_are_checked():
    with pytest.raises(ValueError, match="matrix must be a RaciMatrix, got 'dict'"):
        raci_excel({})
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en', got 'fr'"):
        roles_excel("fr")
