"""The rules a process map must keep, as :class:`ProcessProblem` s naming the process and the step.

``structure_problems`` (raised by :class:`Process` at construction): distinct step ids, known
lanes, next steps that exist. ``flow_problems``: exactly one start, at least one end, every step
reachable from the start, every step able to reach an end, ends without next steps, decisions with
two or more labelled branches. ``raci_problems``: the owner is the A of the process's RACI activity,
and a step tied to an activity sits in the lane of a role holding R or A in it.
"""

from __future__ import annotations

from ._process_lanes import _LANES, ProcessProblem

__all__ = ["structure_problems", "flow_problems", "raci_problems"]


def _problem(p, step, rule, zh, en):
    where_zh = f"流程“{p.name_zh}”" + (f"步骤 {step}" if step else "")
    where_en = f"process {p.id!r}" + (f", step {step!r}" if step else "")
    return ProcessProblem(p.id, step, rule, f"{where_zh}:{zh}", f"{where_en}: {en}")


def structure_problems(p) -> list:
    found, ids = [], [s.id for s in p.steps]
    if not ids:
        found.append(_problem(p, None, "no_steps", "没有步骤。", "steps must hold at least one step, got none"))
    for sid in sorted({i for i in ids if ids.count(i) > 1}):
        found.append(_problem(p, sid, "duplicate_step", "步骤编号重复。",
                              f"step ids must be distinct, got {sid!r} more than once"))
    for s in p.steps:
        if s.lane not in _LANES:
            found.append(_problem(p, s.id, "unknown_lane", f"泳道 {s.lane!r} 不是已知角色或外部泳道。",
                                  f"lane must be a role id or an external lane, got {s.lane!r}"))
        for e in s.next:
            if e.to not in ids:
                found.append(_problem(p, s.id, "unknown_next", f"下一步 {e.to!r} 不存在。",
                                      f"next must name steps of the process, got {e.to!r}"))
    return found


def _reach(p, starts, forward=True) -> set:
    links = {s.id: [e.to for e in s.next] for s in p.steps}
    if not forward:
        back = {s.id: [] for s in p.steps}
        for sid, tos in links.items():
            for to in tos:
                back[to].append(sid)
        links = back
    seen, todo = set(starts), list(starts)
    while todo:
        for to in links[todo.pop()]:
            if to not in seen:
                seen.add(to)
                todo.append(to)
    return seen


def flow_problems(p):
    starts = [s.id for s in p.steps if s.kind == "start"]
    ends = [s.id for s in p.steps if s.kind == "end"]
    if len(starts) != 1:
        yield _problem(p, None, "start_count", f"应恰好有一个开始步骤,现有 {len(starts)} 个。",
                       f"a process must have exactly one start step, got {len(starts)}")
    if not ends:
        yield _problem(p, None, "no_end", "没有结束步骤。", "a process must have at least one end step, got none")
    reached = _reach(p, starts[:1]) if starts else set()
    finishing = _reach(p, ends, forward=False)
    for s in p.steps:
        yield from _step_problems(p, s, reached, finishing, bool(starts), bool(ends))


def _step_problems(p, s, reached, finishing, has_start, has_end):
    if has_start and s.id not in reached:
        yield _problem(p, s.id, "unreachable", "从开始步骤无法到达。", "cannot be reached from the start step")
    if has_end and s.id not in finishing:
        yield _problem(p, s.id, "dead_end", "无法到达任何结束步骤。", "cannot reach any end step")
    if s.kind == "end" and s.next:
        yield _problem(p, s.id, "end_with_next", "结束步骤不应有下一步。", "an end step must have no next step")
    if s.kind == "decision" and (len(s.next) < 2 or not all(e.label_zh and e.label_en for e in s.next)):
        yield _problem(p, s.id, "decision_branches", "判断需至少两个分支,且每个分支都有中英文标注。",
                       "a decision needs two or more branches, each labelled in zh and en")


def raci_problems(p):
    from ._default_raci import default_raci

    matrix = default_raci()
    known = {a.id for a in matrix.activities}
    if p.raci_activity is not None:
        if p.raci_activity not in known:
            yield _problem(p, None, "unknown_activity", f"RACI 活动 {p.raci_activity!r} 不存在。",
                           f"raci_activity must be an activity of default_raci(), got {p.raci_activity!r}")
        elif matrix.holders(p.raci_activity, "A") != (p.owner,):
            a = matrix.holders(p.raci_activity, "A")
            yield _problem(p, None, "owner_not_accountable", f"流程负责人{_LANES[p.owner][0]}不是 RACI 中的 A({'、'.join(_LANES[r][0] for r in a)})。",
                           f"owner {p.owner!r} is not the A of {p.raci_activity!r} in the RACI matrix ({', '.join(a)})")
    for s in p.steps:
        if s.activity is None:
            continue
        if s.activity not in known:
            yield _problem(p, s.id, "unknown_activity", f"RACI 活动 {s.activity!r} 不存在。",
                           f"activity must be an activity of default_raci(), got {s.activity!r}")
        elif s.lane not in matrix.holders(s.activity, "R") + matrix.holders(s.activity, "A"):
            yield _problem(p, s.id, "lane_not_responsible", f"泳道“{_LANES[s.lane][0]}”在 RACI 活动 {s.activity} 中没有 R 或 A。",
                           f"lane {s.lane!r} holds no R or A in RACI activity {s.activity!r}")
