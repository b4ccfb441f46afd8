"""What the progress store says to a trainee, in Chinese and English."""

from __future__ import annotations

__all__ = ["say"]

_TEXTS = {
    "not_saved": (
        "（提示：进度暂时没有保存——无法连接进度记录 ({error})。练习照常检查；连接恢复后会自动补存。）",
        "(Note: your progress is not being saved right now: the progress store cannot be reached "
        "({error}). Checking works as usual; answers are saved once the store is back.)",
    ),
    "bad_config": (
        "（提示：进度没有保存——班级配置文件有问题：{problem} 练习照常检查；请讲师修正配置后重启内核。）",
        "(Note: your progress is not being saved: the class configuration has a problem: {problem} "
        "Checking works as usual; ask the trainer to fix the configuration, then restart the kernel.)",
    ),
    "unset_name": (
        "（提示：还没有设置你的姓名，进度记在“{trainee}”名下。请运行一次 "
        "`from ccskills.progress import set_trainee; set_trainee(\"你的姓名\")`，或请讲师帮你设置。）",
        "(Note: your name is not set, so your progress is saved as “{trainee}”. Run once "
        "`from ccskills.progress import set_trainee; set_trainee(\"Your Name\")` or ask the trainer.)",
    ),
    "unset_name_page": (
        "（提示：还没有设置你的姓名，进度记在“{trainee}”名下。请在页面上方填写姓名。）",
        "(Note: your name is not set, so your progress is saved as “{trainee}”. Enter your name "
        "at the top of the page.)",
    ),
}


def say(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ("zh" or "en"; anything else gives Chinese).

    >>> say("unset_name", "en", trainee="unset:ann@pc1")[:30]
    '(Note: your name is not set, s'
    """
    zh, en = _TEXTS[key]
    return (en if lang == "en" else zh).format(**values)
