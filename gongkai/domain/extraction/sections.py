"""Locate a report's parts: its prose, and the lines holding each of the template's tables.

A ``Document`` keeps the normalized lines (for the tables, whose cells need their spacing), the
compact text (CJK spacing removed, same lines) and one prose string (table rows left out, PDF
line wraps joined) with a map from prose offsets back to source line numbers. ``locate_tables``
finds the line ranges of table 二 (主动公开), table 三 (申请) and table 四 (复议/诉讼) of the 2019
and 2021 formats.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from gongkai.domain.extraction.normalize import compact, normalize

__all__ = ["Document", "Regions", "locate_tables", "read_document"]


@dataclass(frozen=True)
class Document:
    """A report's normalized lines, compact text and prose, prose offsets mapped to line numbers."""

    lines: tuple[str, ...]
    compact: str
    prose: str
    joins: tuple[int, ...]  # prose offsets where a wrapped line's break was removed

    @cached_property
    def _breaks(self) -> list[int]:
        # Each line's end is where its "\n" stands: the lengths so far plus the breaks before it.
        lengths = [len(line) + 1 for line in self.prose.split("\n")]
        lengths[0] -= 1
        return list(accumulate(lengths[:-1]))

    def line_of(self, offset: int) -> int:
        """The 1-based source line holding prose offset ``offset``."""
        return bisect_right(self._breaks, offset - 1) + bisect_right(self.joins, offset) + 1


_CELL_BORDER = re.compile(r"[|\t]")


def _prose_line(line: str) -> str:
    """A line as prose: a table row is left out, except a layout table's lone paragraph cell."""
    if "|" not in line and "\t" not in line:
        return line
    cells = [cell for cell in (_CELL_BORDER.split(line) if "\t" in line else line.split("|")) if cell.strip()]
    if len(cells) == 1 and len(cells[0]) > 30:
        return compact(cells[0].strip())
    return ""


_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.](?!\d)|第[一二三四五六七八九十]+[章节部分]"
)
_SENTENCE_END = frozenset("。!?;:")
_TITLE_ENDS = ("报告", "年报", "情况", "如下")


def read_document(text: str) -> Document:
    normalized = normalize(text)
    compacted = compact(normalized)
    lines = compacted.split("\n")
    if "|" in compacted or "\t" in compacted:
        lines = [_prose_line(line) if "|" in line or "\t" in line else line for line in lines]
    lengths = sorted(length for length in map(len, lines) if length > 4)
    wrap = lengths[int(len(lengths) * 0.75)] if lengths else 0
    joined = "\n".join(lines)
    if wrap < 12:
        return Document(lines=tuple(normalized.split("\n")), compact=compacted, prose=joined, joins=())
    width = -(-wrap * 3 // 4)
    wrapped = [
        index
        for index, line in enumerate(lines[:-1])
        if len(line) >= width
        and line[-1] not in _SENTENCE_END
        and lines[index + 1]
        and not line.endswith(_TITLE_ENDS)
        and _HEADING.match(lines[index + 1]) is None
    ]
    # Drop the line breaks of wrapped lines; each join is where the next line now begins.
    ends = list(accumulate(map(len, lines)))
    pieces, joins, last = [], [], 0
    for count, index in enumerate(wrapped):
        cut = ends[index] + index  # the "\n" after line ``index`` in ``joined``
        pieces.append(joined[last:cut])
        last = cut + 1
        joins.append(cut - count)
    pieces.append(joined[last:])
    prose = "".join(pieces)
    return Document(lines=tuple(normalized.split("\n")), compact=compacted, prose=prose, joins=tuple(joins))


@dataclass(frozen=True)
class Regions:
    """0-based [start, stop) line ranges of the template tables; None where a table is not found."""

    proactive: tuple[int, int] | None
    applications: tuple[int, int] | None
    disputes: tuple[int, int] | None


_PROACTIVE = re.compile(r"第二十条第\(一\)项|本年制发件数|本年新制作数量")
_APPLICATIONS = re.compile(
    r"收到和处理政府信息公开申请(?:的)?情况|申请人情况|勾稽关系|本年新收|新收政府信息公开申请"
)
_DISPUTES = re.compile(r"行政复议[^\n]{0,10}行政诉讼|复议[^\n]{0,3}诉讼情况")
_REACH = 2000
_SQUEEZE = re.compile(r"[ |\t]+")
_END = re.compile(r"存在的主要问题|主要问题|改进情况|其他需要报告|问题及改进|整改措施")


def locate_tables(document: Document) -> Regions:
    # Cell borders and spacing removed (lines stay): "| 行政复议 |  |  | 行政诉讼 |" reads as one heading.
    text = document.compact
    if "|" in text or "\t" in text or " " in text:
        text = _SQUEEZE.sub("", text)
    proactive = _find(_PROACTIVE, text, 0, document.lines)
    after = proactive[1] if proactive else 0
    applications = _find(_APPLICATIONS, text, after, document.lines)
    from_position = applications[1] if applications else after
    disputes_from = text.find("\n", from_position) + 1 if applications else from_position
    disputes = _find(_DISPUTES, text, disputes_from, document.lines)
    end = _find(_END, text, max(from_position, disputes[1] if disputes else 0), document.lines, tables=False)
    total = len(document.lines)
    stop = end[0] if end else total
    line = {name: found[0] if found else None for name, found in (("a", applications), ("d", disputes))}
    end_line = end[0] if end else None
    return Regions(
        proactive=_span(
            proactive[0] if proactive else None, [line["a"], line["d"], end_line], total, limit=120
        ),
        applications=_span(line["a"], [line["d"], end_line], total, limit=300),
        disputes=_span(line["d"], [end_line], total, limit=60)
        if line["d"] is not None and line["d"] < stop
        else None,
    )


def _find(
    pattern: re.Pattern[str], text: str, start: int, lines: tuple[str, ...], *, tables: bool = True
) -> tuple[int, int] | None:
    """(0-based line, position) of the first match at or after ``start`` that is a heading (a short
    line, or a line ending with it: "…年度报告 三、收到和处理政府信息公开申请情况") or, when
    ``tables``, on a table row."""
    counted, number = 0, 0  # line numbers counted as the matches go: linear in the text
    for match in pattern.finditer(text, start):
        # A line longer than _REACH either side is prose, never a heading or a table row of ours.
        low, high = max(0, match.start() - _REACH), min(len(text), match.start() + _REACH)
        line_start = text.rfind("\n", low, match.start()) + 1 or low
        line_end = text.find("\n", match.start(), high)
        line_end = line_end if line_end >= 0 else high
        number += text.count("\n", counted, match.start())
        counted = match.start()
        is_table = number < len(lines) and ("|" in lines[number] or "\t" in lines[number])
        if is_table:
            if tables:
                return number, match.start()
            continue
        if line_end - line_start <= 40 or line_end - match.end() <= 2:
            return number, match.start()
    return None


def _span(start: int | None, stops: list[int | None], total: int, *, limit: int) -> tuple[int, int] | None:
    if start is None:
        return None
    later = [stop for stop in stops if stop is not None and stop > start]
    return (start, min([*later, total, start + limit]))
