"""A quick test that read tables keep every identity, so that ``check_tables`` runs only when one breaks.

``check_tables`` (annual_report.checks) gives the findings; it also costs more than reading the
report. Most published tables add up, and for those this test, which applies the same rules to
the same stated cells, answers "nothing to report" in a fraction of the time. It is conservative:
whenever it is not sure (rules it does not know, tables outside the 2019/2021 formats, a subtotal
row stated in the cells) it says "check", and ``check_tables`` decides. A property test holds it to
``check_tables`` on random tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from gongkai.domain.annual_report.checks import RULES_BY_ID
from gongkai.domain.annual_report.tables import ReportTables
from gongkai.domain.annual_report.templates import (
    APPLICANT_COLUMN_IDS,
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    RESULT_GROUPS,
    TableSpec,
)

__all__ = ["may_break_identities"]

# The rules this test mirrors; any other rule (a new one in checks.py) sends every report to check_tables.
_KNOWN_RULES = frozenset(
    {
        "applications.balance",
        "applications.subtotal",
        "applications.total_rows",
        "applications.total_column",
        "disputes.total",
        "continuity.carried_over",
        "negative",
        "proactive.in_force",
        "continuity.in_force",
        "jump",
        "statistics.sum",
        "statistics.within",
        "contradiction",
    }
)
_RULES_KNOWN = frozenset(RULES_BY_ID) == _KNOWN_RULES
_DISPUTE_PARTS = ("upheld", "corrected", "other", "pending")
Cells = Mapping[str, Mapping[str, int | float]]


def may_break_identities(tables: ReportTables) -> bool:
    """False only when ``check_tables(tables)`` is sure to find nothing."""
    if not (tables.proactive or tables.applications or tables.disputes or tables.extra):
        return False  # nothing read, nothing to check
    if not _RULES_KNOWN or tables.template not in ("2021", "2019") or tables.extra:
        return True
    spec = APPLICATIONS_2021 if tables.template == "2021" else APPLICATIONS_2019
    if any(row.is_subtotal and row.id in tables.applications for row in spec.rows):
        return True
    if _negative(tables):
        return True
    return (
        _applications_break(spec, tables.applications)
        or _disputes_break(tables.disputes)
        or _in_force_breaks(tables.proactive)
    )


def _negative(tables: ReportTables) -> bool:
    for cells in (tables.applications, tables.disputes):
        if any(value < 0 for values in cells.values() for value in values.values()):
            return True
    return any(
        value < 0
        for values in tables.proactive.values()
        for column, value in values.items()
        if column != "change"
    )


def _parts(spec: TableSpec) -> dict[str, tuple[str, ...]]:
    return {row.id: row.sum_of for row in spec.rows if row.is_subtotal}


_GROUP_PARTS = {id(spec): _parts(spec) for spec in (APPLICATIONS_2021, APPLICATIONS_2019)}


def _group_values(spec: TableSpec, cells: Cells, column: str) -> list[int | float | None]:
    """Each result group's value in a column as checks.py reads it: stated, or its sub-rows' sum."""
    parts = _GROUP_PARTS[id(spec)]
    values: list[int | float | None] = []
    for group in RESULT_GROUPS:
        value = cells.get(group, {}).get(column)
        if value is None and group in parts:
            items = [cells.get(part, {}).get(column) for part in parts[group]]
            value = None if any(item is None for item in items) else sum(i for i in items if i is not None)
        values.append(value)
    return values


def _sum(values: list[int | float | None]) -> int | float | None:
    return None if any(value is None for value in values) else sum(v for v in values if v is not None)


def _applications_break(spec: TableSpec, cells: Cells) -> bool:
    if not cells:
        return False
    columns = (*APPLICANT_COLUMN_IDS, "total")
    total_row = cells.get("total", {})
    # The 总计 row as read: stated, or the six result groups' sum.
    groups = {column: _sum(_group_values(spec, cells, column)) for column in columns}
    effective_total = {column: total_row.get(column, groups[column]) for column in columns}
    for column in columns:
        stated = total_row.get(column)
        if stated is not None and groups[column] is not None and stated != groups[column]:
            return True
    # 总计 column = the six applicant columns, on every stated row.
    for row, values in cells.items():
        total = values.get("total")
        if total is None:
            continue
        parts = [effective_total[c] if row == "total" else values.get(c) for c in APPLICANT_COLUMN_IDS]
        part_sum = _sum(parts)
        if part_sum is not None and total != part_sum:
            return True
    # 勾稽关系: new + carried_over = total + carried_forward, per column.
    for column in columns:
        four = [cells.get("new", {}).get(column), cells.get("carried_over", {}).get(column)]
        four += [effective_total[column], cells.get("carried_forward", {}).get(column)]
        if all(v is not None for v in four):
            new, carried_over, total, carried_forward = (v for v in four if v is not None)
            if new + carried_over != total + carried_forward:
                return True
    return False


def _disputes_break(cells: Cells) -> bool:
    for values in cells.values():
        parts = [values.get(part) for part in _DISPUTE_PARTS]
        total = values.get("total")
        if (
            total is not None
            and all(p is not None for p in parts)
            and total != sum(p for p in parts if p is not None)
        ):
            return True
    return False


def _in_force_breaks(cells: Cells) -> bool:
    for values in cells.values():
        if all(column in values for column in ("issued", "repealed", "in_force")):
            if values["in_force"] < values["issued"] - values["repealed"]:
                return True
    return False
