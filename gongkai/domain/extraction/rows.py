"""Rows of a flattened table: a label and the value cells that follow it.

Tables reach us flattened in many ways: ``| cell | cell |`` rows (blank cells kept), tab- or
space-separated rows, one cell a line (blank cells lost, stray ``|`` lines), or PDF text whose
labels are broken across lines and whose numbers may sit on their own lines. ``rows_of`` turns any
of these into ``Row``s; it never guesses a column, it only keeps the order of the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.domain.extraction.numerals import parse_cell

__all__ = ["Row", "rows_of"]

Value = int | float | None  # None: a blank cell


@dataclass(frozen=True)
class Row:
    """One table row. ``label`` joins every text cell (or, one cell a line, every text line since the
    previous row); ``last`` is the text cell or line nearest the values; ``piped`` marks a row read
    from one ``|``/tab line, whose blank cells are known."""

    line: int  # 1-based line of the row's first value
    label: str
    last: str
    values: tuple[Value, ...]
    piped: bool


_SEPARATOR = re.compile(r"^[\s|:=+\-—–]*$")


def _cells(line: str) -> tuple[list[str], bool]:
    if "|" in line:
        cells = [cell.strip() for cell in line.split("|")]
        if not cells[0] and line.lstrip().startswith("|"):
            del cells[0]
        if cells and not cells[-1] and line.rstrip().endswith("|"):
            del cells[-1]
        if len(cells) - cells.count("") == 1 and line.count("|") <= 2:  # "规章 |", "0 |": one cell a line
            return [cell for cell in cells if cell], False
        return cells, True
    if "\t" in line:
        return [cell.strip() for cell in line.strip().split("\t")], True
    return line.split(), False


def _split(cells: list[str], piped: bool) -> tuple[list[str], list[Value]]:
    """Text cells before the row's trailing run of figures (and blanks, when piped), and that run."""
    values: list[Value] = []
    cut = len(cells)
    while cut > 0:
        cell = cells[cut - 1]
        if not cell:
            if not piped:
                break
            values.append(None)
        elif cell.isdigit() and cell.isascii():
            values.append(int(cell))  # nearly every figure cell: the fast way
        else:
            value = parse_cell(cell if " " not in cell else cell.replace(" ", ""))
            if value is None:
                break
            values.append(value)
        cut -= 1
    values.reverse()
    if cut == 0:
        return [], values
    texts = [cell.replace(" ", "") if " " in cell else cell for cell in cells[:cut] if cell]
    return texts, values


def _bordered_cell(line: str) -> bool:
    """One cell and its right border: "0 |", "规章 |"."""
    return line.count("|") == 1 and line.rstrip().endswith("|") and len(line.strip()) > 1


def rows_of(lines: tuple[str, ...] | list[str], start: int, stop: int) -> list[Row]:
    """The rows of lines[start:stop] (0-based), each with its 1-based line number."""
    builder = _Builder()
    stop = min(stop, len(lines))
    # One cell a line, each cell with its right border ("0 |"): a line holding only the border is
    # a blank cell. Where cells have no border, a lone "|" only separates them.
    bordered = sum(map(_bordered_cell, lines[start:stop])) >= 3
    for index in range(start, stop):
        line = lines[index]
        if not line or line.isspace() or _SEPARATOR.match(line):
            if bordered and line.strip() == "|":
                builder.blank(index + 1)
            continue
        cells, piped = _cells(line)
        texts, values = _split(cells, piped)
        if piped or (texts and values):
            builder.whole_row(index + 1, texts, values, piped=piped)
        elif values:  # a line of figures only: one cell a line, or a PDF line of numbers
            builder.figures(index + 1, values)
        else:
            builder.text("".join(texts))
    builder.flush()
    return builder.rows


class _Builder:
    """Collects rows; one-cell-a-line figures gather under the text lines before them."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.pending: list[str] = []  # text lines waiting for their figures
        self.gathering: list[Value] | None = None  # figures of the current one-cell-a-line row
        self.gathering_line = 0

    def flush(self) -> None:
        if self.gathering is not None and all(value is None for value in self.gathering):
            self.gathering = None  # blank cells and no figure: not a row
        if self.gathering is not None:
            last = self.pending[-1] if self.pending else ""
            self.rows.append(
                Row(self.gathering_line, "".join(self.pending), last, tuple(self.gathering), False)
            )
            self.pending, self.gathering = [], None

    def whole_row(self, line: int, texts: list[str], values: list[Value], *, piped: bool) -> None:
        self.flush()
        if values:
            # A PDF label broken over lines ends on the line of its figures: join its start.
            label = "".join(texts) if piped else "".join([*self.pending, *texts])
            self.rows.append(Row(line, label, "".join(texts), tuple(values), piped))
            self.pending = []
        elif texts:
            self.pending = [*self.pending, "".join(texts)] if not piped else []

    def figures(self, line: int, values: list[Value]) -> None:
        if self.gathering is None:
            self.gathering, self.gathering_line = [], line
        self.gathering.extend(values)

    def blank(self, line: int) -> None:
        """A blank cell, one cell a line: it holds a place in the row of the label before it."""
        if self.pending or self.gathering is not None:
            self.figures(line, [None])

    def text(self, text: str) -> None:
        self.flush()
        self.pending.append(text)
