"""The pre-2019 statistics table (政府信息公开情况统计表, 国办发〔2014〕32号; seed 002).

One value column (统计数) after a unit column; rows are matched to the template's labels after
stripping numbering and notes. Labels that repeat (（二）被依法纠错数 under both 行政复议 and
行政诉讼) take the next unused row of that label, since the table is printed in template order.
"""

from __future__ import annotations

import re
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


def read_legacy_table(document: Document) -> LegacyTable | None:
    """The statistics table's figures, or None when the text holds no such table."""
    table = LegacyTable()
    used: set[str] = set()
    for row in rows_of(document.lines, 0, len(document.lines)):
        figures = [value for value in row.values if value is not None]
        if len(figures) != 1:
            continue  # the table has one figure a row (统计数); more is another table, or a guess
        key = _key(_UNIT.sub("", row.label))
        candidates = [row_id for row_id in _BY_LABEL.get(key, ()) if row_id not in used]
        if not candidates:
            continue
        row_id = candidates[0]
        used.add(row_id)
        table.cells[row_id] = {EXTRA_COLUMN: figures[0]}
        table.lines[f"extra.{row_id}"] = row.line
    return table if len(table.cells) >= _MIN_ROWS else None
