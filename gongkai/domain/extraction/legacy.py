"""The pre-2019 statistics table (政府信息公开情况统计表, 国办发〔2014〕32号; seed 002).

One value column (统计数) after a unit column; rows are matched to the template's labels after
stripping numbering and notes. Labels that repeat (（二）被依法纠错数 under both 行政复议 and
行政诉讼) take the next unused row of that label, since the table is printed in template order.

Older and provincial versions of the table (2008–2013) name some rows differently (主动公开信息数,
受理依申请公开信息总数, 否决公开答复数) and add a column of counts since 2008 (指标名称 | 计量单位 |
2011年度 | 历年累计): there the first figure of a row is the year's. Pages that flatten such a table
onto one line ("主动公开信息数 条 425 1516 其中：1.网站公开 条 418 1509 …") are read row by row;
figures run together without a space ("条18535395") are not split, since that would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from gongkai.domain.annual_report.tables import Cells
from gongkai.domain.annual_report.templates import EXTRA_COLUMN, PRE2019_TABLE
from gongkai.domain.extraction.normalize import to_halfwidth
from gongkai.domain.extraction.rows import rows_of
from gongkai.domain.extraction.sections import Document

__all__ = ["LegacyTable", "read_legacy_table"]

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、]|其中:)+")
_NOTE = re.compile(r"\([^()]*\)")
_UNIT = re.compile(r"(?:条|件|篇|次|人次|人|个|万元|元|——|—|-)+$")
# Enough of these rows to call the text a statistics table.
_MIN_ROWS = 5


@dataclass
class LegacyTable:
    cells: Cells = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # "extra.proactive.website" → line


def _key(label: str) -> str:
    label = to_halfwidth(label).replace(" ", "")
    return _NOTE.sub("", _NUMBERING.sub("", label))


_BY_LABEL: dict[str, list[str]] = {}
for _row in PRE2019_TABLE.rows:
    _BY_LABEL.setdefault(_key(_row.label), []).append(_row.id)
# Older and provincial names of the same rows.
_ALIASES = {
    "proactive.total": ("主动公开信息数", "主动公开文件数", "主动公开政府信息总数", "主动公开信息总数"),
    "proactive.website": ("网站公开", "网站公开数", "政府网站公开", "政府网站公开数", "政府网站公开信息数"),
    "proactive.gazette": ("政府公报公开", "政府公报公开数", "政府公报公开信息数"),
    "requests.received": ("受理依申请公开信息总数", "受理申请数", "受理申请总数", "收到申请总数", "申请总数"),
    "replies.total": ("对申请的答复数", "答复总数", "申请答复总数"),
    "replies.refused": ("否决公开答复数", "不予公开答复数"),
    "reviews.total": ("行政复议数", "行政复议案件数"),
    "lawsuits.total": ("行政诉讼数", "行政诉讼案件数"),
}
for _row_id, _labels in _ALIASES.items():
    for _label in _labels:
        _BY_LABEL.setdefault(_label, [_row_id])
# A column of counts since the table began, beside the year's.
_CUMULATIVE_COLUMN = re.compile(r"累计")  # 历年累计, 累计数
# One row of a table flattened onto one line: label, unit, the year's figure, maybe the cumulative one.
_FLAT_ROW = re.compile(
    r"(?P<label>(?:其中[:：])?(?:\d{1,2}[.、])?[^\d\s|:：]{2,30}?)\s*(?:条|件|个|次|篇|人次|万元|元)\s+"
    r"(?P<year>\d+(?:\.\d+)?)(?:\s+(?P<since>\d+(?:\.\d+)?))?(?=\s|$)"
)
_MIN_FLAT_ROWS = 5


def read_legacy_table(document: Document) -> LegacyTable | None:
    """The statistics table's figures, or None when the text holds no such table."""
    table = LegacyTable()
    used: set[str] = set()
    # With a cumulative column a row holds two figures, the year's first.
    most = 2 if any(_CUMULATIVE_COLUMN.search(line) for line in document.lines if "单位" in line) else 1
    for line, label, figures in _labelled_figures(document):
        if not 1 <= len(figures) <= most:
            continue  # the table has one figure a row (统计数); more is another table, or a guess
        key = _key(_UNIT.sub("", label))
        candidates = [row_id for row_id in _BY_LABEL.get(key, ()) if row_id not in used]
        if not candidates:
            continue
        row_id = candidates[0]
        used.add(row_id)
        table.cells[row_id] = {EXTRA_COLUMN: figures[0]}
        table.lines[f"extra.{row_id}"] = line
    return table if len(table.cells) >= _MIN_ROWS else None


def _labelled_figures(document: Document) -> Iterator[tuple[int, str, list[int | float]]]:
    """Each row's line, label and figures: the table's own rows, or those of a table on one line."""
    for number, line in enumerate(document.lines, start=1):
        if len(line) > 60 and "单位" in line and _CUMULATIVE_COLUMN.search(line):
            flat = list(_FLAT_ROW.finditer(line))
            if len(flat) >= _MIN_FLAT_ROWS:
                for match in flat:  # the year's figure only: the one beside it counts since 2008
                    year = match["year"]
                    yield number, match["label"], [float(year) if "." in year else int(year)]
    for row in rows_of(document.lines, 0, len(document.lines)):
        yield row.line, row.label, [value for value in row.values if value is not None]
