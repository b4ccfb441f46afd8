"""The words of scenarios (save, load, compare) in Chinese and English: one table, (zh, en) pairs."""

from __future__ import annotations

__all__ = ["SCENARIO_TEXT", "scenario_text"]

SCENARIO_TEXT: dict[str, tuple[str, str]] = {
    # Labels.
    "name": ("情景名称", "Scenario name"),
    "name_placeholder": ("例如：方案A 增加5人", "e.g. Plan A, 5 more agents"),
    "save": ("保存情景", "Save scenario"),
    "replace": ("覆盖同名情景", "Replace a scenario of that name"),
    "pick": ("已保存的情景", "Saved scenarios"),
    "load": ("载入", "Load"),
    "delete": ("删除", "Delete"),
    "compare_pick": ("选择 2–4 个比较", "Pick 2–4 to compare"),
    "compare": ("比较所选情景", "Compare selected"),
    "excel_label": ("下载情景比较（Excel）", "Download the comparison (Excel)"),
    "excel_file": ("情景比较", "Scenario comparison"),
    "report_link": ("下载一页报告 (PDF)", "Download a one-page report (PDF)"),
    "report_file": ("报告", "report"),
    "report_make": ("生成一页报告 (PDF)", "Make a one-page report (PDF)"),
    "report_no_answer": ("当前没有结果可写入报告：请先修正输入。", "There is no answer to report yet: fix the inputs first."),
    "item": ("项目", "Item"),
    "kind": ("类别", "Kind"),
    "kind_input": ("输入", "Input"),
    "kind_result": ("结果", "Result"),
    "saved_at": ("保存时间", "Saved at"),
    "items": ("{n} 项", "{n} items"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    # Messages: one sentence each.
    "saved": ("已保存情景“{name}”。", 'Saved scenario "{name}".'),
    "replaced": ("已覆盖情景“{name}”。", 'Replaced scenario "{name}".'),
    "loaded": ("已载入情景“{name}”并重新计算。", 'Loaded scenario "{name}" and recomputed.'),
    "deleted": ("已删除情景“{name}”。", 'Deleted scenario "{name}".'),
    "compared": ("已比较 {n} 个情景。", "Compared {n} scenarios."),
    "exists": ("已有名为“{name}”的情景：请换一个名字，或勾选“覆盖同名情景”后再保存。",
               'A scenario named "{name}" exists: choose another name, or tick "Replace a scenario of that name" '
               'and save again.'),
    "name_empty": ("请先填写情景名称（1 到 {most} 个字符）。", "Type a scenario name first (1 to {most} characters)."),
    "name_long": ("情景名称最多 {most} 个字符（输入了 {n} 个）。",
                  "The scenario name can have at most {most} characters (you typed {n})."),
    "name_control": ("情景名称不能包含换行或制表符等控制字符。",
                     "The scenario name cannot contain line breaks, tabs or other control characters."),
    "pick_first": ("请先在“已保存的情景”中选择一个情景。", "Pick a scenario under \"Saved scenarios\" first."),
    "compare_count": ("请选择 2 到 4 个情景进行比较（已选 {n} 个）。", "Pick 2 to 4 scenarios to compare ({n} picked)."),
    "not_found": ("找不到情景“{name}”（可能已在另一个窗口中删除）。",
                  'Scenario "{name}" was not found (perhaps deleted in another window).'),
    "no_answer": ("当前没有结果可保存：请先修正输入，得到结果后再保存。",
                  "There is no answer to save yet: fix the inputs first, then save."),
    "corrupt": ("情景文件已损坏，已移到 {bad}；之后的情景保存在新文件中。",
                "The scenario file was damaged and moved to {bad}; new scenarios go to a fresh file."),
    "io_error": ("无法读写情景文件 {path}（{reason}）。", "The scenario file {path} cannot be read or written ({reason})."),
    "busy": ("情景文件正被另一个窗口使用，请稍后再试。", "The scenario file is in use by another window; try again shortly."),
    "not_saved": ("这个情景无法保存：{reason}。", "This scenario cannot be saved: {reason}."),
    "failed": ("操作没有完成（{kind}），详情已写入日志。", "That did not work ({kind}); the details went to the log."),
    "report_failed": ("报告无法生成（{kind}），详情已写入日志。", "The report could not be made ({kind}); the details went to the log."),
    "empty": ("还没有保存的情景。", "No saved scenarios yet."),
}
"""Key → (zh, en)."""


def scenario_text(key: str, lang: str = "zh", **fields) -> str:
    """The string for ``key`` in ``lang`` ("zh" or "en"; others fall back to zh), formatted with ``fields``.

    >>> scenario_text("saved", "en", name="Plan A")
    'Saved scenario "Plan A".'
    """
    return SCENARIO_TEXT[key][1 if lang == "en" else 0].format(**fields)
