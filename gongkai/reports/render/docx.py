"""The report as agencies publish it: a Word document with the title, the prose and the tables
drawn as the national formats print them (merged label cells, blank where not stated)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.domain.annual_report import ReportTables
from gongkai.reports.render.layout import Grid, Section, document

_FONT = "宋体"
_HEADING_FONT = "黑体"


def _east_asian(run_or_style: object, font: str) -> None:
    element = run_or_style.element  # type: ignore[attr-defined]
    r_pr = element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), font)


def _setup(word: WordDocument) -> None:
    normal = word.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(12)
    _east_asian(normal, _FONT)


def _heading(word: WordDocument, text: str, *, size: int = 14, center: bool = False) -> None:
    paragraph = word.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.name = _HEADING_FONT
    _east_asian(run, _HEADING_FONT)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _prose(word: WordDocument, text: str) -> None:
    for line in text.splitlines() or [""]:
        if line.strip():
            paragraph = word.add_paragraph(line.strip())
            paragraph.paragraph_format.first_line_indent = Pt(24)


def _table(word: WordDocument, grid: Grid) -> None:
    table = word.add_table(rows=grid.height, cols=grid.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Every cell fetched once before any merge (python-docx recomputes the whole grid per lookup);
    # merges never overlap, so each region's corner cells stay in the table.
    cells = [list(row.cells) for row in table.rows]
    for placed in grid.cells:
        paragraph = cells[placed.row][placed.col].paragraphs[0]
        left = placed.header and placed.col == 0
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(placed.text)
        run.font.size = Pt(9)
        run.bold = placed.header and placed.row == 0
    for placed in grid.cells:
        if placed.rowspan > 1 or placed.colspan > 1:
            corner = cells[placed.row + placed.rowspan - 1][placed.col + placed.colspan - 1]
            cells[placed.row][placed.col].merge(corner)


def render(tables: ReportTables, *, sections: Sequence[Section] = ()) -> bytes:
    laid_out = document(tables, sections)
    word = new_document()
    _setup(word)
    _heading(word, laid_out.title, size=18, center=True)
    for part in laid_out.parts:
        _heading(word, part.heading)
        if part.grid is not None:
            _table(word, part.grid)
        else:
            _prose(word, part.text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
