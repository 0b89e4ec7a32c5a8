"""Numbers as reports write them: 2825, 2,825, 1.2万, 三件, 一千二百条, 三百余, 约300.

``NUMBER`` is the regular-expression source the phrase patterns embed (named group ``n`` for the
figure, ``a`` for an approximation suffix); ``parse_number`` turns a matched figure into a value.
Chinese numerals go through cn2an. Approximate figures ("300余", "约1万") are marked so that they
are never reported as fields, only used as evidence of a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CHINESE_DIGITS", "NUMBER", "Number", "parse_cell", "parse_number"]

CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿"

NUMBER = (
    r"(?P<p>约|近|超过|超|逾|大约|将近)?"
    r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万(?!元)|亿)?"
    r"|(?<![第一二三四五六七八九十百千万亿零〇两])[零〇一二两三四五六七八九十百千万亿]{1,10})"
    r"(?P<a>余|多)?"
)

_ARABIC = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万|亿)?")
_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}


@dataclass(frozen=True)
class Number:
    """A figure and whether the text gives it only roughly."""

    value: int | float
    approximate: bool = False


def parse_number(figure: str, *, prefix: str = "", suffix: str = "") -> Number | None:
    """Read one figure (``n`` of NUMBER); ``prefix``/``suffix`` are the ``p``/``a`` groups."""
    approximate = bool(prefix or suffix)
    match = _ARABIC.fullmatch(figure)
    if match is not None:
        digits, decimals, multiplier = match.groups()
        value: int | float = int(digits.replace(",", ""))
        if decimals:
            value = float(digits.replace(",", "") + decimals)
        if multiplier:
            value = value * _MULTIPLIER[multiplier]
            approximate = approximate or bool(decimals) or value >= 100_000
        return Number(_tidy(value), approximate)
    value_cn = _chinese(figure)
    if value_cn is None:
        return None
    return Number(value_cn, approximate)


def _tidy(value: int | float) -> int | float:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return round(value, 6) if isinstance(value, float) else value


@lru_cache(maxsize=512)
def _chinese(figure: str) -> int | None:
    if not figure or len(figure) > 10 or figure[0] in "万亿":
        return None
    try:
        import cn2an

        result = cn2an.cn2an(figure, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if isinstance(result, float) and result.is_integer():
        result = int(result)
    return result if isinstance(result, int) and result >= 0 else None


_CELL = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:元|件|条|个|项|次|人|篇)?")


def parse_cell(cell: str) -> int | float | None:
    """A table cell holding only a figure ("12", "+2", "-1", "0.5", "2,825", "251000元"), else None."""
    if cell.isascii() and cell.isdigit():
        return int(cell)  # nearly every cell: the fast way
    match = _CELL.fullmatch(cell)
    if match is None:
        return None
    sign, digits, decimals = match.groups()
    text = digits.replace(",", "") + (decimals or "")
    value: int | float = float(text) if decimals else int(text)
    if sign == "-":
        value = -value
    return _tidy(value)
