"""Words and tables of the trainer dashboard (zh/en): labels, sentences, the shown tables.

Formatting only: every figure comes from :mod:`ccskills.class_report` (completion, first try,
wrong answers, not started, pre/post); this module turns those DataFrames into the frames the
page shows, with headers in the page's language and shares as whole percents.
"""

from __future__ import annotations

import html

import pandas as pd

from ccskills.apps._common import style

__all__ = ["CARDS", "EXCEL_FORMATS", "MY_PROGRESS_HREF", "STYLE", "TEXT", "completion_view", "message_html",
           "my_progress_link", "percent", "pre_post_view", "question_view", "seconds_text", "store_place", "t",
           "table_html"]

MY_PROGRESS_HREF = "../workbooks/my_progress.ipynb"
"""From course/trainer/dashboard.ipynb to course/workbooks/my_progress.ipynb, relative (works under any hub prefix)."""

CARDS = ("started", "attempts", "first_try")
"""Cards in screen order; CSS class ``ccs-card-<name>``."""

TEXT: dict[str, tuple[str, str]] = {
    "title": ("讲师看板：全班进度", "Trainer dashboard: class progress"),
    "intro": ("学员在练习本或代码练习中点“检查”的每一次作答都记录在进度库中。本页显示谁完成了哪些练习、"
              "每道题第一次就答对的比例和最常见的错误答案、谁还没有开始，以及课前测到课后测的变化。",
              "Every answer a trainee checks in a workbook or a code exercise is kept in the progress "
              "store. This page shows who completed which set, the share correct at first try and the "
              "commonest wrong answers per question, who has not started, and the change from pre-test "
              "to post-test."),
    "refresh": ("刷新", "Refresh"),
    "auto": ("每 {seconds} 秒自动刷新", "Refresh every {seconds} s"),
    "passcode": ("讲师口令", "Trainer passcode"),
    "enter": ("进入", "Enter"),
    "passcode_empty": ("请先输入讲师口令。", "Type the trainer passcode first."),
    "my_progress_link": ("打开“我的进度”(My progress) →", "Open My progress (我的进度) →"),
    "roster": ("学员名单（每行一个姓名，可选）", "Roster (one name per line, optional)"),
    "roster_placeholder": ("王芳\n李明\n…", "Ann\nBob\n…"),
    "card_started": ("已开始的学员", "Trainees started"),
    "card_attempts": ("作答次数", "Attempts"),
    "card_first_try": ("第一次就答对", "Correct at first try"),
    "card_first_try_note": ("全班、所有题目", "whole class, all questions"),
    "completion": ("完成情况（答对的题目 ÷ 练习的题目）", "Completion (questions answered correctly ÷ questions in the set)"),
    "questions": ("每道题：第一次就答对的比例和最常见的错误答案", "Per question: share correct at first try and the commonest wrong answer"),
    "not_started": ("还没有开始的学员", "Not started"),
    "pre_post": ("课前测与课后测（按学习目标，全班平均）", "Pre-test and post-test (per learning goal, class average)"),
    "download": ("下载全班进度报告（Excel）", "Download the class report (Excel)"),
    "trainee": ("学员", "Trainee"), "set": ("练习", "Set"), "question": ("题目", "Question"),
    "tried": ("作答人数", "Trainees"), "share_first": ("第一次就答对", "Correct at first try"),
    "wrong_answer": ("最常见的错误答案", "Commonest wrong answer"), "wrong_count": ("次数", "Times"),
    "mistake": ("错误类型", "Mistake"),
    "learning_goal": ("学习目标", "Learning goal"), "pre": ("课前测", "Pre-test"), "post": ("课后测", "Post-test"),
    "gain": ("提高", "Gain"), "code_track": ("代码", "code"),
    "empty": ("还没有学员提交答案。", "No trainee has submitted an answer yet."),
    "no_roster": ("粘贴学员名单后，这里会列出还没有开始的学员。",
                  "Paste the roster to see who has not started."),
    "all_started": ("名单上的学员都已开始。", "Everyone on the roster has started."),
    "no_tests": ("还没有人做课前测或课后测。", "Nobody has taken the pre-test or post-test yet."),
    "unreachable": ("无法读取进度库（{place}）。请检查网络或 CCSKILLS_PROGRESS_URL，稍后会自动重试。",
                    "The progress store ({place}) cannot be read. Check the network or "
                    "CCSKILLS_PROGRESS_URL; the page tries again at the next refresh."),
    "updated": ("已更新 {time} UTC：{trainees} 名学员，{attempts} 次作答。",
                "Updated {time} UTC: {trainees} trainees, {attempts} attempts."),
    "updated_empty": ("已更新 {time} UTC。", "Updated {time} UTC."),
    "reading": ("正在读取…", "Reading…"),
    "local_file": ("本机文件 {name}", "local file {name}"),
    "unknown_place": ("无法识别的地址", "an address that cannot be read"),
    # 我的进度 (My progress), the trainee's own page
    "my_title": ("我的进度", "My progress"),
    "my_intro": ("你在练习册 (workbook) 或代码练习中点“检查”的每一次作答都记录在进度库中。本页只显示你自己的记录："
                 "每套练习答了几道、答对几道、第一次就答对几道、还有哪些题没做，以及课前测和课后测的得分。",
                 "Every answer you check in a workbook or a code exercise is kept in the progress store. "
                 "This page shows your own record only: per set, how many questions you answered, answered "
                 "correctly and got right at the first try, which are left, and your pre-test and post-test scores."),
    "my_who_hub": ("你是：{name}（JupyterHub 登录名）", "You are: {name} (your JupyterHub login)"),
    "my_who_config": ("你是：{name}（本机记住的姓名）", "You are: {name} (the name this machine remembers)"),
    "my_who_unset": ("还没有设置你的姓名，你的作答记在“{name}”名下。请填写姓名（只需一次），讲师才能认出你的进度：",
                     "Your name is not set, so your answers are saved as “{name}”. Enter your name once, so the "
                     "trainer can tell your progress apart:"),
    "my_your_name": ("你的姓名", "Your name"),
    "my_save_name": ("保存姓名", "Save name"),
    "my_name_refused": ("姓名不能为空、最多 100 个字，请重新填写。",
                        "The name must not be blank and at most 100 characters; please try again."),
    "my_sets": ("每套练习", "Per set"),
    "pre_post_mine": ("课前测与课后测（按学习目标）", "Pre-test and post-test (per learning goal)"),
    "my_updated": ("已读取你的记录。", "Your record is up to date."),
    "my_unreachable": ("无法读取进度库（{place}）。请稍后点“刷新”再试，或告诉讲师。",
                       "The progress store ({place}) cannot be read. Press Refresh later, or tell the trainer."),
    "my_config_error": ("班级设置有误，所以读不到你的进度：{detail} 请告诉讲师。",
                        "The class settings are wrong, so your progress cannot be read: {detail} Please tell the trainer."),
    "my_empty": ("你还没有提交过答案。打开一个练习册，填好答案后点“检查”，这里就会显示你的进度。",
                 "You have not submitted an answer yet. Open a workbook, enter an answer and press Check; "
                 "your progress then shows here."),
    "my_card_answered": ("已作答的题目", "Questions answered"),
    "my_card_first_note": ("你作答过的题目中", "of the questions you answered"),
    "my_answered": ("已作答 / 题目数", "Answered / questions"),
    "my_correct": ("已答对", "Correct"),
    "my_left": ("还没作答的题目（题号）", "Not answered yet (question numbers)"),
    "my_all_done": ("全部作答过", "all answered"),
    "my_none_done": ("全部 {total} 题", "all {total}"),
    "my_no_tests": ("你还没有做课前测或课后测。", "You have not taken the pre-test or post-test yet."),
    "my_code_suffix": ("：代码练习", ": code exercises"),
}

STYLE = style("""
.ccs-dashboard-table table { border-collapse: collapse; font-size: 13px; }
.ccs-dashboard-table th, .ccs-dashboard-table td { border: 1px solid #d0d7de; padding: 2px 8px; }
.ccs-dashboard-table th { background: #f6f8fa; }
.ccs-message { font-size: 15px; margin: 8px 0; }
""")

EXCEL_FORMATS = {"completion": {"completion": "0%"}, "first_try": {"share_first": "0%"},
                 "pre_post": {"pre_share": "0%", "post_share": "0%", "gain": "+0%;-0%;0%"}}
"""Number formats of the Excel report (as :func:`ccskills.class_report.write_class_report` writes it)."""


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ("zh" or "en"; anything else gives Chinese)."""
    zh, en = TEXT[key]
    return (en if lang == "en" else zh).format(**values)


def percent(share) -> str:
    """A share as a whole percent ("67%"), "—" when missing."""
    return "—" if share is None or pd.isna(share) else f"{share:.0%}"


def _set_label(track: str, set_name: str, lang: str) -> str:
    return set_name if track == "workbook" else f"{set_name} ({t('code_track', lang)})"


def completion_view(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Trainee × set (code-track sets marked), completion as percents; "—" where not started."""
    if table.empty:
        return pd.DataFrame(columns=[t("trainee", lang)])
    labelled = table.assign(column=[_set_label(k, s, lang) for k, s in zip(table["track"], table["set"])])
    wide = labelled.pivot(index="trainee", columns="column", values="completion")
    shown = wide.apply(lambda column: column.map(percent)).reset_index()
    shown.columns.name = None
    return shown.rename(columns={"trainee": t("trainee", lang)})


def question_view(first: pd.DataFrame, wrong: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per question: trainees who tried, share correct at first try, commonest wrong answer, its mistake."""
    keys = ["track", "set", "question_id"]
    top = wrong.groupby(keys, sort=False).head(1)[[*keys, "answer", "attempts", "mistake"]]
    table = first.merge(top, on=keys, how="left")
    return pd.DataFrame({
        t("set", lang): [_set_label(k, s, lang) for k, s in zip(table["track"], table["set"])],
        t("question", lang): table["question_id"], t("tried", lang): table["tried"],
        t("share_first", lang): table["share_first"].map(percent),
        t("wrong_answer", lang): table["answer"].map(lambda a: "—" if a is None or pd.isna(a) else a),
        t("wrong_count", lang): table["attempts"].map(lambda n: "—" if pd.isna(n) else str(int(n))),
        t("mistake", lang): table["mistake"].map(lambda m: m if isinstance(m, str) and m else "—")})


def pre_post_view(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per learning goal: the class's mean pre-test and post-test share and mean gain (trainees with both)."""
    means = table.groupby(["goal", "learning_goal"], sort=True)[["pre_share", "post_share", "gain"]].mean()
    means = means.reset_index()
    return pd.DataFrame({t("learning_goal", lang): means["learning_goal"],
                         t("pre", lang): means["pre_share"].map(percent),
                         t("post", lang): means["post_share"].map(percent),
                         t("gain", lang): means["gain"].map(lambda g: "—" if pd.isna(g) else f"{g:+.0%}")})


def table_html(table: pd.DataFrame) -> str:
    """A shown table as HTML (every text escaped: answers are what trainees typed)."""
    return table.to_html(index=False, escape=True, border=0, na_rep="—")


def store_place(url: str, lang: str) -> str:
    """Where the store is, for a sentence: the server's host, or the SQLite file's name; never a password."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
    except Exception:
        return t("unknown_place", lang)
    if parsed.get_backend_name() == "sqlite":
        name = (parsed.database or ":memory:").replace("\\", "/").rsplit("/", 1)[-1]
        return t("local_file", lang, name=name)
    return parsed.host or t("unknown_place", lang)


def message_html(text: str) -> str:
    """A sentence in place of the tables (empty store, no access, unreachable store)."""
    return f'<div class="ccs-message">{html.escape(text)}</div>'


def seconds_text(seconds: float) -> str:
    """Seconds for a label: "30", "2.5".

    >>> seconds_text(30.0), seconds_text(2.5)
    ('30', '2.5')
    """
    return f"{seconds:g}"


def my_progress_link(lang: str) -> str:
    """A link from the trainer dashboard to the trainee's own page, 我的进度 (same tab)."""
    return (f'<div class="ccs-message"><a class="ccs-my-progress-link" href="{MY_PROGRESS_HREF}">'
            f"{html.escape(t('my_progress_link', lang))}</a></div>")
