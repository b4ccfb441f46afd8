"""Words and tables of the trainer dashboard (zh/en): labels, sentences, the shown tables.

Formatting only: every figure comes from :mod:`ccskills.class_report` (completion, first try,
wrong answers, not started, pre/post); this module turns those DataFrames into the frames the
page shows, with headers in the page's language and shares as whole percents.
"""

from __future__ import annotations

import html

import pandas as pd

from ccskills.apps._common import style

__all__ = ["CARDS", "EXCEL_FORMATS", "STYLE", "TEXT", "completion_view", "message_html", "percent",
           "pre_post_view", "question_view", "store_place", "t", "table_html"]

CARDS = ("started", "attempts", "first_try")
"""Cards in screen order; CSS class ``ccs-card-<name>``."""

TEXT: dict[str, tuple[str, str]] = {
    "title": ("培训师看板：全班进度", "Trainer dashboard: class progress"),
    "intro": ("学员在练习本或代码练习中点“检查”的每一次作答都记录在进度库中。本页显示谁完成了哪些练习、"
              "每道题第一次就答对的比例和最常见的错误答案、谁还没有开始，以及前测到后测的变化。",
              "Every answer a trainee checks in a workbook or a code exercise is kept in the progress "
              "store. This page shows who completed which set, the share correct at first try and the "
              "commonest wrong answers per question, who has not started, and the change from pre-test "
              "to post-test."),
    "refresh": ("刷新", "Refresh"),
    "auto": ("每 30 秒自动刷新", "Refresh every 30 s"),
    "roster": ("学员名单（每行一个姓名，可选）", "Roster (one name per line, optional)"),
    "roster_placeholder": ("王芳\n李明\n…", "Ann\nBob\n…"),
    "card_started": ("已开始的学员", "Trainees started"),
    "card_attempts": ("作答次数", "Attempts"),
    "card_first_try": ("第一次就答对", "Correct at first try"),
    "card_first_try_note": ("全班、所有题目", "whole class, all questions"),
    "completion": ("完成情况（答对的题目 ÷ 练习的题目）", "Completion (questions answered correctly ÷ questions in the set)"),
    "questions": ("每道题：第一次就答对的比例和最常见的错误答案", "Per question: share correct at first try and the commonest wrong answer"),
    "not_started": ("还没有开始的学员", "Not started"),
    "pre_post": ("前测与后测（按学习目标，全班平均）", "Pre-test and post-test (per learning goal, class average)"),
    "download": ("下载全班进度报告（Excel）", "Download the class report (Excel)"),
    "trainee": ("学员", "Trainee"), "set": ("练习", "Set"), "question": ("题目", "Question"),
    "tried": ("作答人数", "Trainees"), "share_first": ("第一次就答对", "Correct at first try"),
    "wrong_answer": ("最常见的错误答案", "Commonest wrong answer"), "wrong_count": ("次数", "Times"),
    "mistake": ("错误类型", "Mistake"),
    "learning_goal": ("学习目标", "Learning goal"), "pre": ("前测", "Pre-test"), "post": ("后测", "Post-test"),
    "gain": ("提高", "Gain"), "code_track": ("代码", "code"),
    "empty": ("还没有学员提交答案。", "No trainee has submitted an answer yet."),
    "no_roster": ("粘贴学员名单后，这里会列出还没有开始的学员。",
                  "Paste the roster to see who has not started."),
    "all_started": ("名单上的学员都已开始。", "Everyone on the roster has started."),
    "no_tests": ("还没有人做前测或后测。", "Nobody has taken the pre-test or post-test yet."),
    "trainers_only": ("只有培训师可以查看全班进度。", "Only a trainer can view the class's progress."),
    "unreachable": ("无法读取进度库（{place}）。请检查网络或 CCSKILLS_PROGRESS_URL，稍后会自动重试。",
                    "The progress store ({place}) cannot be read. Check the network or "
                    "CCSKILLS_PROGRESS_URL; the page tries again at the next refresh."),
    "updated": ("已更新 {time} UTC：{trainees} 名学员，{attempts} 次作答。",
                "Updated {time} UTC: {trainees} trainees, {attempts} attempts."),
    "updated_empty": ("已更新 {time} UTC。", "Updated {time} UTC."),
    "reading": ("正在读取…", "Reading…"),
    "local_file": ("本机文件 {name}", "local file {name}"),
    "unknown_place": ("无法识别的地址", "an address that cannot be read"),
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
