"""The report's tables as a workbook: one sheet per table, laid out as the format prints it, with
numbers as numbers (so the sheet can be summed) and blank cells where the report states nothing."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gongkai.domain.annual_report import ReportTables
from gongkai.reports.render.layout import Grid, Section, document

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_NAMES = {"proactive": "表二 主动公开", "applications": "表三 依申请公开", "disputes": "表四 复议诉讼"}
_TOP = 3  # the title on row 1, a blank row, then the grid


def _number(text: str) -> int | float | str:
    """The printed text as the number it is ("+2" → 2); text stays text."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _sheet(workbook: Workbook, grid: Grid, *, title: str) -> None:
    sheet = workbook.create_sheet(_SHEET_NAMES.get(grid.table, "统计表"))
    sheet.cell(row=1, column=1, value=f"{title}　{grid.title}").font = Font(bold=True, size=12)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
    for placed in grid.cells:
        row, column = _TOP + placed.row, 1 + placed.col
        cell = sheet.cell(row=row, column=column)
        if placed.path and placed.text:
            cell.value = _number(placed.text)
            if placed.text.startswith("+"):
                cell.number_format = "+0;-0;0"
        elif placed.text:
            cell.value = placed.text
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center" if placed.path else "left"
        )
        cell.font = Font(bold=placed.header and placed.row == 0, size=10)
        if placed.rowspan > 1 or placed.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + placed.rowspan - 1,
                end_column=column + placed.colspan - 1,
            )
        for r in range(row, row + placed.rowspan):
            for c in range(column, column + placed.colspan):
                sheet.cell(row=r, column=c).border = _BORDER
    widths = {0: 36} if grid.table in ("extra", "proactive") else {0: 14, 1: 14, 2: 30}
    for index in range(grid.width):
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths.get(index, 12)


def render(tables: ReportTables, *, sections: Sequence[Section] = ()) -> bytes:
    laid_out = document(tables, sections)
    workbook = Workbook()
    assert workbook.active is not None
    workbook.remove(workbook.active)
    for grid in laid_out.grids:
        _sheet(workbook, grid, title=laid_out.title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
