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
_SPACES = re.compile(r"\s+")


def _cells(line: str) -> tuple[list[str], bool]:
    if "|" in line:
        cells = [cell.strip() for cell in line.split("|")]
        if cells and not cells[0] and line.lstrip().startswith("|"):
            cells = cells[1:]
        if cells and not cells[-1] and line.rstrip().endswith("|"):
            cells = cells[:-1]
        return cells, True
    if "\t" in line:
        return [cell.strip() for cell in line.strip().split("\t")], True
    return [token for token in _SPACES.split(line.strip()) if token], False


def _split(cells: list[str], piped: bool) -> tuple[list[str], list[Value]]:
    """Text cells before the row's trailing run of figures (and blanks, when piped), and that run."""
    parsed = [parse_cell(cell.replace(" ", "")) if cell else None for cell in cells]
    cut = len(cells)
    while cut > 0 and (parsed[cut - 1] is not None or (piped and not cells[cut - 1])):
        cut -= 1
    texts = [cell.replace(" ", "") for cell in cells[:cut] if cell]
    values: list[Value] = list(parsed[cut:])
    if not piped:
        # Space-separated text: "2024 年" is not a label and a figure, only a label.
        return ([" ".join(cells)], []) if texts and values and cut and not _looks_label(texts) else (texts, values)
    return texts, values


def _looks_label(texts: list[str]) -> bool:
    return not texts[-1][-1:] in "年月日号件条元个项次"


def rows_of(lines: tuple[str, ...] | list[str], start: int, stop: int) -> list[Row]:
    """The rows of lines[start:stop] (0-based), each with its 1-based line number."""
    rows: list[Row] = []
    pending: list[str] = []  # text lines (one cell a line) waiting for their figures
    gathering: list[Value] | None = None  # figures of the current one-cell-a-line row
    gathering_line = 0
    for index in range(start, min(stop, len(lines))):
        line = lines[index]
        if not line.strip() or _SEPARATOR.match(line):
            continue
        cells, piped = _cells(line)
        texts, values = _split(cells, piped)
        if piped or (texts and values):
            if gathering is not None:
                rows.append(_row(gathering_line, pending, gathering, piped=False))
                pending, gathering = [], None
            if values:
                rows.append(Row(index + 1, "".join(texts), texts[-1] if texts else "", tuple(values), piped))
                pending = []
            elif texts:
                pending = [*pending, "".join(texts)] if not piped else []
            continue
        if values:  # a line of figures only: one cell a line, or a PDF line of numbers
            if gathering is None:
                gathering, gathering_line = [], index + 1
            gathering.extend(values)
            continue
        if gathering is not None:
            rows.append(_row(gathering_line, pending, gathering, piped=False))
            pending, gathering = [], None
        pending.append("".join(texts))
    if gathering is not None:
        rows.append(_row(gathering_line, pending, gathering, piped=False))
    return rows


def _row(line: int, pending: list[str], values: list[Value], *, piped: bool) -> Row:
    return Row(line, "".join(pending), pending[-1] if pending else "", tuple(values), piped)
