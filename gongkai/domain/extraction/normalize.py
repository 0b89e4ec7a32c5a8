"""Bring a published report's text to one spelling, line for line.

Reports arrive in traditional or simplified characters, with full-width digits and punctuation,
pinyin glosses inserted by some sites ("报(bào)告"), PDF spacing ("2024 年") and the furniture of
the page they were scraped from (navigation, image file names, "相关阅读" lists). Every function here
keeps the number of lines unchanged, so that a line number found later points at the source line.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["compact", "normalize", "to_halfwidth", "to_simplified"]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_converter: _Converter | None = None


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified (OpenCC t2s, loaded once on first use)."""
    global _converter  # noqa: PLW0603 - one converter per process: building it costs ~40 ms
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter.convert(text)


# Full-width ASCII (U+FF01..U+FF5E) → ASCII; ideographic and other odd spaces → space.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
_WIDTH.update({0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None})
_WIDTH.update({0x2502: 0x7C, 0x2503: 0x7C})  # box-drawing bars used as cell borders



def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII ("（一）" → "(一)"); odd spaces to spaces."""
    return text.translate(_WIDTH)


_PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s?)+\)")
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")

# A whole line that is page furniture rather than report text.
_NOISE_LINE = re.compile(
    r"^(?:[\w\-.]+\.(?:png|jpe?g|gif|bmp|webp|svg)"
    r"|相关(?:词条|阅读|链接|文章|新闻|文件)[:]?|热门词条|联[络系]我们|责任编辑[:].*|扫一扫.*|分享到[:]?.*"
    r"|【?(?:打印|关闭)(?:本页|窗口)?】?|字[体号][:].*|(?:上|下)一篇[:].*|网站地图|繁[体體]版|简体版|无障碍"
    r"|适老化|智能问答|baidu|map|返回顶部|[【\[]?(?:大|中|小)[】\]]?(?: ?[【\[]?(?:大|中|小)[】\]]?)+)$",
    re.IGNORECASE,
)
# Everything after one of these, late in the page, is a list of other pages.
_TRAILER = re.compile(r"^(?:相关(?:词条|阅读|链接|文章|新闻)|热门词条)[:]?")

_SPACE_RUN = re.compile(r"[ ]+$", re.MULTILINE)
# A space next to a CJK character or CJK punctuation is PDF/justification spacing in prose.
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\s|])|(?<=[^\s|]) +(?=[^\x00-\x7f])")


def normalize(text: str) -> list[str]:
    """Return the text's lines in simplified characters, half-width, without page furniture.

    Line ``i`` of the result is line ``i`` of ``text`` (lines split on \\n, \\r\\n or \\r); noise lines
    become empty rather than disappear. Spacing inside lines is kept: tables need it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = to_simplified(text).translate(_WIDTH)
    if "(" in text:
        text = _PINYIN.sub("", text)
    if "[bookmark" in text:
        text = _BOOKMARK.sub("", text)
    text = _SPACE_RUN.sub("", text)
    lines = text.split("\n")
    trailer_from = int(len(lines) * 0.6)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > 40:
            continue
        if index >= trailer_from and _TRAILER.match(stripped):
            for rest in range(index, len(lines)):
                lines[rest] = ""
            break
        if _NOISE_LINE.match(stripped):
            lines[index] = ""
    return lines


def compact(line: str) -> str:
    """Drop the spaces a PDF or a justified page puts around CJK text ("申请 34 件" → "申请34件")."""
    return _CJK_SPACE.sub("", line.strip()) if " " in line else line.strip()
