"""Tables 二, 三 and 四 of the 2019 and 2021 formats, read back from flattened text.

Table 三 is read by row order as much as by label: its data rows always come in the template's
order (本年新收, 上年结转, 予以公开 … 总计, 结转下年度), so a row whose label was lost or broken (PDF
text prints some labels after their numbers) takes its place from the labelled rows around it.
Columns are never guessed: a row is used only when it has exactly the template's number of cells
(a trailing blank cell from an unexpanded span is dropped). Blank cells stay absent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gongkai.domain.annual_report.tables import Cells
from gongkai.domain.annual_report.templates import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    PROACTIVE_2019,
    PROACTIVE_2021,
    TableSpec,
)
from gongkai.domain.extraction.rows import Row, Value, rows_of
from gongkai.domain.extraction.sections import Document, Regions

__all__ = ["ReadTables", "read_tables"]


@dataclass
class ReadTables:
    """The cells found, the layout they show ("2021"/"2019", None if none) and where each row was."""

    layout: str | None = None
    proactive: Cells = field(default_factory=dict)
    applications: Cells = field(default_factory=dict)
    disputes: Cells = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # "applications.granted" → 1-based line


# Table 三 row labels, tolerant of PDF breaks: one distinctive fragment per row.
_SLOT_WORDS: dict[str, str] = {
    "new": r"本年新收|新收.{0,8}申请",
    "carried_over": r"上一?年度?结转",
    "granted": r"(?<!不)予以公开",
    "partial": r"部分公开",
    "refused.state_secret": r"国家秘密",
    "refused.law_prohibited": r"法规禁止|其他法律",
    "refused.three_safeties": r"三安全一稳定|危及",
    "refused.third_party": r"第三方",
    "refused.internal_affairs": r"内部事务",
    "refused.process_info": r"过程性",
    "refused.enforcement_file": r"执法案卷",
    "refused.query_matter": r"查询事项",
    "unable.not_held": r"不掌握",
    "unable.needs_creation": r"另行制作|没有现成",
    "unable.still_unclear": r"仍不明确",
    "not_processed.petition": r"信访|举报投诉",
    "not_processed.duplicate": r"重复申请",
    "not_processed.publication": r"出版物",
    "not_processed.excessive": r"大量反复",
    "not_processed.confirmation": r"重新出具|确认或",
    "other.no_correction": r"不补正",
    "other.no_fee_payment": r"收费通知|缴纳费用",
    "other.other": r"(?:^|[\d.、)])其他$",
    "other": r"其他处理$",
    "total": r"总计$|^\(七\)",
    "carried_forward": r"结转下一?年度?|下年度继续",
}
_SLOT_PATTERNS = {slot: re.compile(words) for slot, words in _SLOT_WORDS.items()}
_OTHER_2021 = re.compile(r"不补正|收费通知|缴纳费用|(?:^|[\d.、)])其他$")
_OTHER_2019 = re.compile(r"其他处理$")

_PROACTIVE_2021_WORDS = re.compile(r"本年制发|本年废止|现行有效|本年处理决定|本年收费金额")
_PROACTIVE_2019_WORDS = re.compile(r"本年新制作|本年新公开|对外公开总数|上一年项目|采购项目|本年增/?减")
_PROACTIVE_LABELS = (
    ("其他对外管理服务事项", "other_services"),
    ("行政事业性收费", "fees"),
    ("政府集中采购", "procurement"),
    ("规范性文件", "normative_documents"),
    ("行政许可", "licensing"),
    ("行政处罚", "punishment"),
    ("行政强制", "coercion"),
    ("规章", "regulations"),
)


def read_tables(document: Document, regions: Regions) -> ReadTables:
    found = ReadTables()
    if regions.applications is not None:
        _read_applications(document, regions.applications, found)
    if regions.proactive is not None:
        _read_proactive(document, regions.proactive, found)
    if regions.disputes is not None:
        _read_disputes(document, regions.disputes, found)
    return found


# --- table 三 ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _slots_named(text: str) -> frozenset[str]:
    """The table-三 rows whose words ``text`` holds (labels repeat from report to report: cached)."""
    return frozenset(slot for slot, pattern in _SLOT_PATTERNS.items() if pattern.search(text))


def _slot_of(row: Row, slots: Sequence[str]) -> str | None:
    for text in (row.last, row.label):
        named = _slots_named(text)
        matches = [slot for slot in slots if slot in named]
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None  # several rows' words: a PDF jumble, not a label
    return None


def _data_rows(rows: list[Row], width: int) -> list[Row]:
    """Rows carrying figures; when the table is piped, lone numbers (page numbers) are not rows."""
    value_rows = [row for row in rows if row.values]
    if any(row.piped and len(row.values) >= width - 2 for row in value_rows):
        value_rows = [row for row in value_rows if row.piped or len(row.values) >= width - 2]
    return value_rows


def _read_applications(document: Document, span: tuple[int, int], found: ReadTables) -> None:
    rows = _data_rows(rows_of(document.lines, *span), 7)
    if not rows:
        return
    texts = [text for row in rows for text in (row.last, row.label)]
    is_2021 = any(_OTHER_2021.search(text) for text in texts)
    is_2019 = any(_OTHER_2019.search(text) for text in texts)
    if is_2021 == is_2019:  # neither or both: go by the number of rows
        is_2021 = len(rows) != len(_slots(APPLICATIONS_2019))
    spec = APPLICATIONS_2021 if is_2021 else APPLICATIONS_2019
    slots = _slots(spec)
    assigned = _assign(rows, slots)
    cells: Cells = {}
    columns = [column.id for column in spec.columns]
    for row, slot in assigned:
        values = _fit(row.values, 7)
        if values is not None:
            cells[slot] = {
                column: value for column, value in zip(columns, values, strict=True) if value is not None
            }
        elif (total := _total_of(row, last=row is rows[-1])) is not None:
            cells[slot] = {columns[-1]: total}
        else:
            continue
        found.lines[f"applications.{slot}"] = row.line
    if cells:
        found.applications = {row: cells[row] for row in spec.row_ids if row in cells}
        found.layout = "2021" if is_2021 else "2019"


def _total_of(row: Row, *, last: bool) -> int | float | None:
    """The 总计 of a row flattened one cell a line with its blank cells lost ("7 | 1 | 8"): its
    columns are unknown, but when its last figure is the sum of the others that figure is the
    total (zeros only where another row follows: a page cut short may stop after "0 | 0")."""
    values = [value for value in row.values if value is not None]
    if row.piped or not 2 <= len(values) < 7 or len(values) != len(row.values):
        return None
    total = values[-1]
    if total != sum(values[:-1]) or (last and not total):
        return None
    return total


def _slots(spec: TableSpec) -> list[str]:
    return [row.id for row in spec.rows if not row.is_subtotal]


def _assign(rows: list[Row], slots: list[str]) -> list[tuple[Row, str]]:
    """Each row's template row: by label, and unlabelled rows by their place between labelled ones."""
    index = {slot: position for position, slot in enumerate(slots)}
    labelled = [(position, _slot_of(row, slots)) for position, row in enumerate(rows)]
    known = [(position, index[slot]) for position, slot in labelled if slot is not None]
    if any(later <= earlier for (_, earlier), (_, later) in zip(known, known[1:], strict=False)):
        # Labels out of order (a table printed twice, a jumble): trust unique labels only.
        seen: dict[str, int] = {}
        for _, slot in labelled:
            if slot is not None:
                seen[slot] = seen.get(slot, 0) + 1
        return [(rows[p], slot) for p, slot in labelled if slot is not None and seen[slot] == 1]
    result: list[tuple[Row, str]] = []
    anchors = [(-1, -1), *known, (len(rows), len(slots))]
    for (row_a, slot_a), (row_b, slot_b) in zip(anchors, anchors[1:], strict=False):
        if 0 <= row_a:
            result.append((rows[row_a], slots[slot_a]))
        gap_rows = range(row_a + 1, row_b)
        if len(gap_rows) == slot_b - slot_a - 1:
            result += [(rows[r], slots[slot_a + 1 + k]) for k, r in enumerate(gap_rows)]
    return result


def _fit(values: tuple[Value, ...], width: int) -> tuple[Value, ...] | None:
    """The row's cells when they fill exactly ``width`` columns (trailing blanks dropped)."""
    trimmed = list(values)
    while len(trimmed) > width and trimmed[-1] is None:
        trimmed.pop()
    return tuple(trimmed) if len(trimmed) == width else None


# --- table 二 ------------------------------------------------------------------------------


def _read_proactive(document: Document, span: tuple[int, int], found: ReadTables) -> None:
    rows = rows_of(document.lines, *span)
    region = "".join(document.lines[span[0] : span[1]]).replace(" ", "")
    labelled = [(row, _proactive_row(row)) for row in rows if row.values]
    labelled = [(row, key) for row, key in labelled if key is not None]
    if _PROACTIVE_2021_WORDS.search(region):
        layout = "2021"
    elif _PROACTIVE_2019_WORDS.search(region):
        layout = "2019"
    elif any(key == "licensing" and len(row.values) >= 3 for row, key in labelled):
        layout = "2019"
    elif labelled:
        layout = found.layout or "2021"
    else:
        return
    spec = PROACTIVE_2021 if layout == "2021" else PROACTIVE_2019
    cells: Cells = {}
    conflicts: set[str] = set()
    for row, key in labelled:
        if key is None or not spec.has_row(key):
            continue
        columns = [column.id for column in spec.columns_for(key)]
        values = _fit(row.values, len(columns))
        if values is None:
            continue
        stated = {column: value for column, value in zip(columns, values, strict=True) if value is not None}
        if key in cells and cells[key] != stated:
            conflicts.add(key)
        cells[key] = stated
        found.lines[f"proactive.{key}"] = row.line
    found.proactive = {row: cells[row] for row in spec.row_ids if row in cells and row not in conflicts}
    found.layout = layout


def _proactive_row(row: Row) -> str | None:
    return _proactive_key(row.last)


@lru_cache(maxsize=1024)
def _proactive_key(text: str) -> str | None:
    label = re.sub(r"[()\d.、:]", "", text)
    for words, key in _PROACTIVE_LABELS:
        if label.endswith(words) and len(label) <= len(words) + 14:
            return key
    return None


# --- table 四 ------------------------------------------------------------------------------


_RESULT_WORDS = (r"维持", r"纠正", r"其他", r"尚未|未审结", r"总计|合计")


def _transposed(rows: list[Row]) -> tuple[Value, ...] | None:
    """The 15 cells of a table 四 printed with its results as rows (结果维持 | 复议 | 直诉 | 复议后诉)."""
    if len(rows) != 5 or any(_fit(row.values, 3) is None for row in rows):
        return None
    if not all(re.search(words, row.label) for words, row in zip(_RESULT_WORDS, rows, strict=True)):
        return None
    columns = [_fit(row.values, 3) or () for row in rows]
    return tuple(columns[result][group] for group in range(3) for result in range(5))


def _read_disputes(document: Document, span: tuple[int, int], found: ReadTables) -> None:
    rows = _data_rows(rows_of(document.lines, *span), 15)
    values: list[Value] = [value for row in rows for value in row.values]
    fitted = _transposed(rows) or _fit(tuple(values), 15)
    if fitted is None or all(value is None for value in fitted):
        return
    columns = [column.id for column in DISPUTES.columns]
    for group, row_id in enumerate(DISPUTES.row_ids):
        part = fitted[group * 5 : group * 5 + 5]
        stated = {column: value for column, value in zip(columns, part, strict=True) if value is not None}
        if stated:
            found.disputes[row_id] = stated
        found.lines[f"disputes.{row_id}"] = rows[0].line
