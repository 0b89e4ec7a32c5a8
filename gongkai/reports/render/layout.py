"""A report laid out once, as the national formats print it, for every output format to draw.

Each table becomes a :class:`Grid` of placed cells (row, column, spans) with the formats' exact
labels, merged header cells and, on each value cell, its cell path; table 三's subtotal rows are
not printed (the formats print no numbers there). A :class:`Document` is the title and the parts
in order: prose sections and tables. ``docx.py``, ``xlsx.py`` and ``html.py`` only draw it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from gongkai.domain.annual_report import (
    DISPUTES,
    PRE2019_TABLE,
    Column,
    ReportTables,
    TableSpec,
    specs_for,
)

Number = int | float
_RESULTS = "三、本年度办理结果"


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    path: str = ""  # "<table>.<row>.<column>" on a value cell


@dataclass(frozen=True)
class Grid:
    table: str
    title: str
    width: int
    cells: tuple[Placed, ...]

    @property
    def height(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    def rows(self) -> list[list[Placed]]:
        """The placed cells row by row, left to right (covered positions have none)."""
        ordered = sorted(self.cells, key=lambda c: (c.row, c.col))
        by_row = {row: list(cells) for row, cells in groupby(ordered, key=lambda c: c.row)}
        return [by_row.get(row, []) for row in range(self.height)]


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class Part:
    heading: str
    text: str = ""
    grid: Grid | None = None


@dataclass(frozen=True)
class Document:
    title: str
    parts: tuple[Part, ...]
    grids: tuple[Grid, ...] = field(default=())


def format_value(value: Number | None, *, signed: bool = False) -> str:
    """How a cell prints: blank when not stated; "+2" in a signed column; no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value) if isinstance(value, int) else f"{value:.6f}".rstrip("0").rstrip(".")
    return f"+{text}" if signed and value > 0 else text


def _value(
    tables: ReportTables, spec: TableSpec, row: str, column: Column, r: int, c: int, span: int = 1
) -> Placed:
    value = tables.cell(spec.id, row, column.id)
    return Placed(
        r, c, format_value(value, signed=column.signed), colspan=span, path=f"{spec.id}.{row}.{column.id}"
    )


# --- table 二 ---------------------------------------------------------------------------------


def proactive_grid(tables: ReportTables, spec: TableSpec) -> Grid:
    """Each 第二十条第（X）项 block: a heading line, a 信息内容 header line, then its rows."""
    width = 1 + max(len(spec.columns_for(row.id)) for row in spec.rows)
    cells: list[Placed] = []
    r = 0
    for section, rows in groupby(spec.rows, key=lambda row: row.section_label):
        block = list(rows)
        columns = spec.columns_for(block[0].id)
        cells.append(Placed(r, 0, section, colspan=width, header=True))
        cells.append(Placed(r + 1, 0, spec.corner_label, header=True))
        cells += [
            Placed(r + 1, 1 + i, col.label, colspan=_span(i, columns, width), header=True)
            for i, col in enumerate(columns)
        ]
        r += 2
        for row in block:
            cells.append(Placed(r, 0, row.label, header=True))
            cells += [
                _value(tables, spec, row.id, col, r, 1 + i, _span(i, columns, width))
                for i, col in enumerate(columns)
            ]
            r += 1
    return Grid(spec.id, spec.title, width, tuple(cells))


def _span(index: int, columns: Sequence[Column], width: int) -> int:
    """The last column of a narrower block spans to the table's right edge."""
    return width - len(columns) if index == len(columns) - 1 else 1


# --- table 三 ---------------------------------------------------------------------------------


def applications_grid(tables: ReportTables, spec: TableSpec) -> Grid:
    columns = spec.columns
    width = 3 + len(columns)
    grouped = [c for c in columns if c.group_label]
    first_group = columns.index(grouped[0])
    cells = [
        Placed(0, 0, spec.corner_label, rowspan=3, colspan=3, header=True),
        Placed(0, 3, "申请人情况", colspan=len(columns), header=True),
        Placed(1, 3 + first_group, grouped[0].group_label, colspan=len(grouped), header=True),
    ]
    for i, column in enumerate(columns):
        if column.group_label:
            cells.append(Placed(2, 3 + i, column.label, header=True))
        else:
            cells.append(Placed(1, 3 + i, column.label, rowspan=2, header=True))
    printed = [row for row in spec.rows if not row.is_subtotal]
    results = [i for i, row in enumerate(printed) if row.section_label == _RESULTS or row.parent]
    start = 3
    if results:
        cells.append(Placed(start + results[0], 0, _RESULTS, rowspan=len(results), header=True))
    for i, row in enumerate(printed):
        r = start + i
        if row.parent:
            siblings = [j for j, other in enumerate(printed) if other.parent == row.parent]
            if i == siblings[0]:
                cells.append(Placed(r, 1, spec.row(row.parent).label, rowspan=len(siblings), header=True))
            cells.append(Placed(r, 2, row.label, header=True))
        elif i in results:
            cells.append(Placed(r, 1, row.label, colspan=2, header=True))
        else:
            cells.append(Placed(r, 0, row.label, colspan=3, header=True))
        cells += [_value(tables, spec, row.id, column, r, 3 + j) for j, column in enumerate(columns)]
    return Grid(spec.id, spec.title, width, tuple(cells))


# --- table 四 ---------------------------------------------------------------------------------


def disputes_grid(tables: ReportTables, spec: TableSpec = DISPUTES) -> Grid:
    """Printed transposed: the groups across the top, one line of numbers under them."""
    review, *lawsuits = spec.rows
    n = len(spec.columns)
    width = n * len(spec.rows)
    cells = [
        Placed(0, 0, review.label, colspan=n, header=True),
        Placed(0, n, lawsuits[0].section_label, colspan=n * len(lawsuits), header=True),
    ]
    cells += [Placed(1, i, col.label, rowspan=2, header=True) for i, col in enumerate(spec.columns)]
    for g, group in enumerate(lawsuits, start=1):
        cells.append(Placed(1, g * n, group.label, colspan=n, header=True))
        cells += [Placed(2, g * n + i, col.label, header=True) for i, col in enumerate(spec.columns)]
    for g, group in enumerate(spec.rows):
        cells += [_value(tables, spec, group.id, col, 3, g * n + i) for i, col in enumerate(spec.columns)]
    return Grid(spec.id, spec.title, width, tuple(cells))


# --- the pre-2019 statistics table -----------------------------------------------------------


def statistics_grid(tables: ReportTables, spec: TableSpec = PRE2019_TABLE) -> Grid:
    column = spec.columns[0]
    cells = [
        Placed(0, 0, spec.corner_label, header=True),
        Placed(0, 1, "单位", header=True),
        Placed(0, 2, column.label, header=True),
    ]
    r, section = 1, ""
    for row in spec.rows:
        if row.section_label and row.section_label != section:
            cells += [Placed(r, 0, row.section_label, header=True), Placed(r, 1, "——"), Placed(r, 2, "")]
            r += 1
        section = row.section_label
        cells += [
            Placed(r, 0, row.label, header=True),
            Placed(r, 1, row.unit),
            _value(tables, spec, row.id, column, r, 2),
        ]
        r += 1
    return Grid(spec.id, f"{spec.title}（{tables.year}年度）", 3, tuple(cells))


# --- the whole document ----------------------------------------------------------------------


def report_title(tables: ReportTables) -> str:
    return f"{tables.agency}{tables.year}年政府信息公开工作年度报告"


def grids(tables: ReportTables) -> tuple[Grid, ...]:
    if tables.template in ("pre2019-table", "pre2019-prose"):
        return (statistics_grid(tables),)
    specs = specs_for(tables.template)
    return (
        proactive_grid(tables, specs["proactive"]),
        applications_grid(tables, specs["applications"]),
        disputes_grid(tables, specs["disputes"]),
    )


_OLDER_HEADINGS = {
    "overview": "一、总体情况",
    "problems": "二、存在的主要问题及改进情况",
    "other": "三、其他需要报告的事项",
}


def document(tables: ReportTables, sections: Sequence[Section] = ()) -> Document:
    """The title, then 一, 二–四 (tables), 五, 六; before 2019: the prose, then the 统计表 as 附件."""
    texts = {section.key: section.text for section in sections}
    laid_out = grids(tables)
    if tables.template in ("pre2019-table", "pre2019-prose"):
        prose = [Part(_OLDER_HEADINGS[key], texts.get(key, "")) for key in _OLDER_HEADINGS]
        parts = (*prose, Part(f"附件：{laid_out[0].title}", grid=laid_out[0]))
    else:
        headings = {section.key: section.heading for section in sections}
        proactive, applications, disputes = laid_out
        parts = (
            Part(headings.get("overview", "一、总体情况"), texts.get("overview", "")),
            Part(proactive.title, grid=proactive),
            Part(applications.title, grid=applications),
            Part(disputes.title, grid=disputes),
            Part(headings.get("problems", "五、存在的主要问题及改进情况"), texts.get("problems", "")),
            Part(headings.get("other", "六、其他需要报告的事项"), texts.get("other", "")),
        )
    return Document(report_title(tables), parts, laid_out)
