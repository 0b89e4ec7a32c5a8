"""Bring a published report's text to one spelling, line for line.

Reports arrive in traditional or simplified characters, with full-width digits and punctuation,
pinyin glosses inserted by some sites ("报(bào)告"), PDF spacing ("2024 年") and the furniture of
the page they were scraped from (navigation, image file names, "相关阅读" lists). Every function here
keeps the number of lines unchanged, so that a line number found later points at the source line.
Each step works on the whole text at once (a report is read in about the time OpenCC takes).
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["compact", "normalize", "to_halfwidth", "to_simplified"]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_converter: _Converter | None = None
_convertible: re.Pattern[str] | None = None

# The Han, radical, compatibility and full-width blocks of the Basic Multilingual Plane: every
# character OpenCC's t2s tables convert on its own lies in them.
_BLOCKS = ((0x2E80, 0x2FE0), (0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0xFE30, 0xFE50))
# Characters OpenCC converts only inside a phrase of its t2s phrase table (反覆 → 反复, 瞭解 → 了解,
# 沈沒 → 沉没, 打坏 → 打坯): unchanged on their own, so the per-character probe below misses them.
_PHRASE_ONLY = "么俱坏彷沈瞭藉衹覆噁鉅鍊鍾麼乾徵於吒薹畫"


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified (OpenCC t2s, loaded once on first use).

    A text holding none of the characters t2s converts is returned as it is, without the
    conversion: most reports are simplified, and looking for those characters costs a tenth of
    converting (the output is the same either way; a test holds the two together).
    """
    global _converter, _convertible  # noqa: PLW0603 - one converter per process: building it costs ~40 ms
    if _converter is None or _convertible is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
        _convertible = _convertible_characters(_converter)
    if _convertible.search(text) is None:
        return text
    return _converter.convert(text)


def _convertible_characters(converter: _Converter) -> re.Pattern[str]:
    """One character class of every character t2s changes, and everything beyond the BMP."""
    chars = [chr(code) for low, high in _BLOCKS for code in range(low, high)]
    converted = converter.convert("\n".join(chars)).split("\n")
    changed = {char for char, result in zip(chars, converted, strict=True) if result != char}
    changed.update(_PHRASE_ONLY)
    members = "".join(sorted(changed))
    return re.compile(f"[{re.escape(members)}\U00010000-\U0010ffff]")


# Full-width ASCII (U+FF01..U+FF5E) → ASCII; ideographic and other odd spaces → space.
_WIDTH: dict[int, int | None] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
_WIDTH.update({0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None})
_WIDTH.update({0x2502: 0x7C, 0x2503: 0x7C})  # box-drawing bars used as cell borders
# The frequent ones are replaced with str.replace (a scan when absent); the rest only when present.
_COMMON = (("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("\u3000", " "))
_RARE = re.compile("[\uff01-\uff5e\u00a0\u00ad\u2002\u2003\u2009\u200b-\u200d\u202f\u2502\u2503\ufeff]")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII ("（一）" → "(一)"); odd spaces to spaces."""
    for wide, narrow in _COMMON:
        text = text.replace(wide, narrow)
    if _RARE.search(text):
        for char in set(_RARE.findall(text)):  # a few distinct ones: replacing beats str.translate
            code = _WIDTH[ord(char)]
            text = text.replace(char, chr(code) if code is not None else "")
    return text


_PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s?)+\)")
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_TRAILING_SPACE = re.compile(r" +\n")

# A whole line that is page furniture rather than report text (the text is searched with a "\n"
# in front, so that every line starts after one: literal-first patterns scan fast).
_NOISE_LINE = re.compile(
    r"\n[ \t]*(?=[相热联责扫分【打关字上下网繁简无适智返大中小\[\x21-\x7e])"  # a quick first-character test
    r"(?:[\x21-\x7e]{1,80}\.(?:png|jpe?g|gif|bmp|webp|svg)"
    r"|相关(?:词条|阅读|链接|文章|新闻|文件)[:]?|热门词条|联[络系]我们|责任编辑[:][^\n]{0,30}|扫一扫[^\n]{0,30}"
    r"|分享到[:]?[^\n]{0,30}|【?(?:打印|关闭)(?:本页|窗口)?】?|字[体号][:][^\n]{0,30}|[上下]一篇[:][^\n]{0,40}"
    r"|网站地图|繁[体體]版|简体版|无障碍|适老化|智能问答|baidu|map|返回顶部"
    r"|[【\[]?[大中小][】\]]?(?: ?[【\[]?[大中小][】\]]?)+)[ \t]*(?=\n)",
    re.IGNORECASE,
)
# Everything after one of these, late in the page, is a list of other pages.
_TRAILER = re.compile(r"\n[ \t]*(?:相关(?:词条|阅读|链接|文章|新闻)|热门词条)[:]?")


def normalize(text: str) -> str:
    """The text in simplified characters, half-width, without page furniture.

    Line ``i`` of the result is line ``i`` of ``text`` (lines split on \\n, \\r\\n or \\r); noise lines
    become empty rather than disappear. Spacing inside lines is kept: tables need it.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = to_halfwidth(to_simplified(text))
    if "(" in text:
        text = _PINYIN.sub("", text)
    if "[bookmark" in text:
        text = _BOOKMARK.sub("", text)
    text = "\n" + text + "\n"
    if " \n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    trailer = _TRAILER.search(text, max(0, text.rfind("\n", 0, int(len(text) * 0.6))))
    if trailer is not None:
        text = text[: trailer.start()] + "\n" * text.count("\n", trailer.start())
    return _NOISE_LINE.sub("\n", text)[1:-1]


# A space next to a CJK character or CJK punctuation is PDF/justification spacing in prose. Both
# patterns start with a literal (a space, a line break): the regex engine then skips ahead fast.
_CJK_SPACE = re.compile(r" (?:(?<=[^\x00-\x7f] ) *(?=[^\s|])|(?<=[^\s|] ) *(?=[^\x00-\x7f]))")
_INDENT = re.compile(r"\n[ \t]+")


def compact(text: str) -> str:
    """Drop the spaces a PDF or a justified page puts around CJK text ("申请 34 件" → "申请34件").

    Works on a line or a whole text; leading indentation goes too; line breaks stay.
    """
    if " " not in text and "\t" not in text:
        return text
    text = _INDENT.sub("\n", "\n" + text)[1:].lstrip(" \t")
    return _CJK_SPACE.sub("", text) if " " in text else text
