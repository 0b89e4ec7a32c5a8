"""Locate a report's parts: its prose, and the lines holding each of the template's tables.

A ``Document`` keeps the normalized lines (for the tables, whose cells need their spacing) and one
prose string (table rows left out, PDF line wraps joined, CJK spacing removed) with a map from
prose offsets back to source line numbers. ``locate_tables`` finds the line ranges of table 二
(主动公开), table 三 (申请) and table 四 (复议/诉讼) of the 2019 and 2021 formats.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from gongkai.domain.extraction.normalize import compact, normalize

__all__ = ["Document", "Regions", "is_table_line", "locate_tables", "read_document"]

_SENTENCE_END = "。!?;:"
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.](?!\d)|第[一二三四五六七八九十]+[章节部分])")


@dataclass(frozen=True)
class Document:
    """A report's normalized lines and its prose, with prose offsets mapped to line numbers."""

    lines: tuple[str, ...]
    prose: str
    starts: tuple[int, ...]  # prose offset at which each line begins

    def line_of(self, offset: int) -> int:
        """The 1-based source line holding prose offset ``offset``."""
        return max(1, bisect_right(self.starts, offset))


def is_table_line(line: str) -> bool:
    return "|" in line or "\t" in line


def _prose_of(line: str) -> str:
    if not is_table_line(line):
        return compact(line)
    cells = [cell.strip() for cell in re.split(r"[|\t]", line) if cell.strip()]
    # A layout table's lone cell holding a paragraph is prose, not a table row.
    if len(cells) == 1 and len(cells[0]) > 30:
        return compact(cells[0])
    return ""


def read_document(text: str) -> Document:
    lines = tuple(normalize(text))
    prose_lines = [_prose_of(line) for line in lines]
    lengths = sorted(len(line) for line in prose_lines if len(line) > 4)
    wrap = lengths[int(len(lengths) * 0.75)] if lengths else 0
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for index, line in enumerate(prose_lines):
        starts.append(offset)
        parts.append(line)
        offset += len(line)
        following = prose_lines[index + 1] if index + 1 < len(prose_lines) else ""
        if not _wraps(line, following, wrap):
            parts.append("\n")
            offset += 1
    return Document(lines=lines, prose="".join(parts), starts=tuple(starts))


def _wraps(line: str, following: str, wrap: int) -> bool:
    """Whether ``line`` was broken by a PDF page width and continues on ``following``."""
    if not line or not following or wrap < 12 or len(line) < wrap * 0.75:
        return False
    if line[-1] in _SENTENCE_END or line[-1] == "。":
        return False
    return _HEADING.match(following) is None


@dataclass(frozen=True)
class Regions:
    """0-based [start, stop) line ranges of the template tables; None where a table is not found."""

    proactive: tuple[int, int] | None
    applications: tuple[int, int] | None
    disputes: tuple[int, int] | None


_PROACTIVE_START = re.compile(r"第二十条第\(一\)项|本年制发件数|本年新制作数量")
_APPLICATIONS_HEADING = re.compile(r"收到和处理政府信息公开申请(?:的)?情况|依申请公开情况统计|申请人情况|勾稽关系")
_APPLICATIONS_ROW = re.compile(r"本年新收|新收政府信息公开申请")
_DISPUTES_HEADING = re.compile(r"行政复议.{0,10}行政诉讼|复议.{0,3}诉讼情况")
_END = re.compile(r"存在的主要问题|主要问题|改进情况|其他需要报告|问题及改进|整改措施")


def _short(line: str) -> bool:
    return len(line.strip()) <= 40 or is_table_line(line)


def locate_tables(document: Document) -> Regions:
    lines = [line.replace(" ", "") if not is_table_line(line) else line for line in document.lines]
    proactive = _first(lines, 0, lambda line: _short(line) and _PROACTIVE_START.search(line) is not None)
    after = proactive if proactive is not None else 0
    applications = _first(
        lines,
        after,
        lambda line: _short(line)
        and (_APPLICATIONS_HEADING.search(line) is not None or _APPLICATIONS_ROW.search(line) is not None),
    )
    disputes_from = applications if applications is not None else after
    disputes = _first(
        lines, disputes_from + 1, lambda line: _short(line) and _DISPUTES_HEADING.search(line) is not None
    )
    end = _first(lines, max(x for x in (after, disputes_from, disputes or 0)), lambda line: _is_end(line))
    stop = end if end is not None else len(lines)
    return Regions(
        proactive=_span(proactive, [applications, disputes, end], len(lines), limit=120),
        applications=_span(applications, [disputes, end], len(lines), limit=300),
        disputes=_span(disputes, [end], len(lines), limit=60) if disputes is not None and disputes < stop else None,
    )


def _is_end(line: str) -> bool:
    return _short(line) and not is_table_line(line) and _END.search(line) is not None


def _first(lines: list[str], start: int, test: Callable[[str], bool]) -> int | None:
    for index in range(start, len(lines)):
        if test(lines[index]):
            return index
    return None


def _span(start: int | None, stops: list[int | None], total: int, *, limit: int) -> tuple[int, int] | None:
    if start is None:
        return None
    later = [stop for stop in stops if stop is not None and stop > start]
    return (start, min([*later, total, start + limit]))
