"""Reading a calculator page for Chinese text left behind after switching to English (issue 13).

Used by the calculators' browser tests: switch to English, wait for the English title, then at
once list every text node of the calculator (options of drop-downs included, the language
toggle's own "中文" and what a test names as user data excluded) that still holds Chinese.
Charts are drawn on canvas and are not read here.
"""

from __future__ import annotations

CHINESE = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]"
"""CJK ideographs, CJK punctuation (、。「」) and full-width forms (：，（）)."""

_LEFT = """([root, skip, pattern]) => {
  const chinese = new RegExp(pattern);
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('style, script') || (skip && parent.closest(skip))) continue;
    if (chinese.test(node.textContent)) found.push(node.textContent.trim());
  }
  return found;
}"""


def chinese_left(page, root: str, skip: str = "") -> list[str]:
    """Every text of ``root`` (a CSS selector) that still holds Chinese, outside ``.ccs-language``
    and outside the elements ``skip`` (a CSS selector list) names."""
    skip = ", ".join(s for s in (".ccs-language", skip) if s)
    return page.evaluate(_LEFT, [root, skip, CHINESE])


def switch_to_english(page, root: str, english_title: str, skip: str = "") -> list[str]:
    """Click English, wait for the calculator's title (``root h2``) to read ``english_title``, and
    return at once the Chinese still in ``root`` (see :func:`chinese_left`)."""
    from playwright.sync_api import expect

    page.locator(f"{root} .ccs-language button", has_text="English").click()
    expect(page.locator(f"{root} h2").first).to_have_text(english_title)
    return chinese_left(page, root, skip)
