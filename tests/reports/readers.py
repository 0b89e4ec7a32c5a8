"""Read the exported files back into cells, the way a person reads the printed tables: by the
format's labels, never by the generator's internals (a value cell is found under its column
header and beside its row label)."""

from __future__ import annotations

import io
from html.parser import HTMLParser

from docx import Document
from openpyxl import load_workbook

from gongkai.domain.annual_report import ReportTables, TableSpec, specs_for

Matrix = list[list[object]]


def docx_matrices(content: bytes) -> list[Matrix]:
    document = Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def xlsx_matrices(content: bytes) -> list[Matrix]:
    workbook = load_workbook(io.BytesIO(content))
    matrices = []
    for sheet in workbook.worksheets:
        grid = [
            [sheet.cell(r, c).value for c in range(1, sheet.max_column + 1)]
            for r in range(1, sheet.max_row + 1)
        ]
        for merged in sheet.merged_cells.ranges:
            value = sheet.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    grid[r - 1][c - 1] = value
        matrices.append(grid[2:])  # row 1 is the sheet's title, row 2 blank
    return matrices


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, int, int]]]] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table" and "report" in (attributes.get("class") or ""):
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
            self._spans = (int(attributes.get("rowspan") or 1), int(attributes.get("colspan") or 1))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(("".join(self._cell).strip(), *self._spans))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_matrices(content: bytes) -> list[Matrix]:
    parser = _Tables()
    parser.feed(content.decode("utf-8"))
    matrices = []
    for rows in parser.tables:
        placed: dict[tuple[int, int], str] = {}
        for r, row in enumerate(rows):
            c = 0
            for text, rowspan, colspan in row:
                while (r, c) in placed:
                    c += 1
                for dr in range(rowspan):
                    for dc in range(colspan):
                        placed[(r + dr, c + dc)] = text
                c += colspan
        height = max(r for r, _ in placed) + 1
        width = max(c for _, c in placed) + 1
        matrices.append([[placed.get((r, c), "") for c in range(width)] for r in range(height)])
    return matrices


# --- matrices → cells, by labels ----------------------------------------------------------------


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _number(value: object) -> int | float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


def _label_ids(spec: TableSpec, labels: list[str]) -> list[str]:
    """Match each printed row label to the template's rows in order (labels repeat: 其他情形数)."""
    ids, position = [], 0
    rows = spec.rows
    for label in labels:
        for index in range(position, len(rows)):
            if rows[index].label == label:
                ids.append(rows[index].id)
                position = index + 1
                break
        else:
            ids.append("")
    return ids


def _applications(spec: TableSpec, matrix: Matrix) -> dict:
    by_label = {column.label: column.id for column in spec.columns}
    columns: dict[int, str] = {}
    for j in range(3, len(matrix[0])):
        header = [_text(matrix[r][j]) for r in range(3)]
        columns[j] = by_label[header[2]] if header[2] in by_label else by_label[header[1]]
    labels = [_text(row[2]) for row in matrix[3:]]
    cells: dict = {}
    for row_id, row in zip(_label_ids(spec, labels), matrix[3:], strict=True):
        assert row_id, row
        for j, column in columns.items():
            value = _number(row[j])
            if value is not None:
                cells.setdefault(row_id, {})[column] = value
    return cells


def _proactive(spec: TableSpec, matrix: Matrix) -> dict:
    by_label = {column.label: column.id for column in spec.columns}
    rows_by_label = {row.label: row.id for row in spec.rows}
    cells: dict = {}
    mapping: dict[int, str] = {}
    for row in matrix:
        texts = [_text(v) for v in row]
        if texts[0] == spec.corner_label:
            mapping = {}
            for j, text in enumerate(texts[1:], start=1):
                if text in by_label and by_label[text] not in mapping.values():
                    mapping[j] = by_label[text]
        elif texts[0] in rows_by_label:
            for j, column in mapping.items():
                value = _number(row[j])
                if value is not None:
                    cells.setdefault(rows_by_label[texts[0]], {})[column] = value
    return cells


def _disputes(spec: TableSpec, matrix: Matrix) -> dict:
    groups = {row.label: row.id for row in spec.rows}
    results = {column.label: column.id for column in spec.columns}
    cells: dict = {}
    for j in range(len(matrix[0])):
        top, middle, bottom = (_text(matrix[r][j]) for r in range(3))
        group = groups[top] if top in groups else groups[middle]
        value = _number(matrix[3][j])
        if value is not None:
            cells.setdefault(group, {})[results[bottom]] = value
    return cells


def _statistics(spec: TableSpec, matrix: Matrix) -> dict:
    body = [row for row in matrix[1:] if _text(row[1]) != "——"]
    cells: dict = {}
    for row_id, row in zip(_label_ids(spec, [_text(row[0]) for row in body]), body, strict=True):
        assert row_id, row
        value = _number(row[2])
        if value is not None:
            cells[row_id] = {"value": value}
    return cells


_READERS = {
    "proactive": _proactive,
    "applications": _applications,
    "disputes": _disputes,
    "extra": _statistics,
}


def read_tables(template: str, matrices: list[Matrix]) -> dict[str, dict]:
    """The cells of every table of the format, read from the file's tables in order."""
    specs = specs_for(template)  # type: ignore[arg-type]
    order = ["extra"] if template.startswith("pre2019") else ["proactive", "applications", "disputes"]
    assert len(matrices) == len(order), f"expected {len(order)} tables, found {len(matrices)}"
    return {
        table: _READERS[table](specs[table], matrix) for table, matrix in zip(order, matrices, strict=True)
    }


def printed_cells(tables: ReportTables) -> dict[str, dict]:
    """What the files must show: every stated cell, except table 三's unprinted subtotal rows."""
    specs = specs_for(tables.template)
    result = {}
    for table in (
        ["extra"] if tables.template.startswith("pre2019") else ["proactive", "applications", "disputes"]
    ):
        spec = specs[table]
        result[table] = {
            row: dict(values)
            for row, values in tables.table(table).items()
            if values and not spec.row(row).is_subtotal
        }
    return result
