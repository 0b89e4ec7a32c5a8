"""The reader's quick identity test never hides a finding that check_tables would give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import (
    APPLICANT_COLUMN_IDS,
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    PROACTIVE_2019,
    PROACTIVE_2021,
    Cells,
    ReportTables,
    check_tables,
)
from gongkai.domain.extraction.consistency import may_break_identities


@st.composite
def _consistent_tables(draw: st.DrawFn) -> ReportTables:
    """Tables whose identities hold, then (often) blanked, nudged or negated here and there."""
    template = draw(st.sampled_from(["2021", "2019"]))
    spec = APPLICATIONS_2021 if template == "2021" else APPLICATIONS_2019
    small = st.integers(min_value=0, max_value=6)
    results = [
        row
        for row in spec.rows
        if not row.is_subtotal and row.id not in ("new", "carried_over", "total", "carried_forward")
    ]
    applications: Cells = {}
    for row in results:
        applications[row.id] = {column: draw(small) for column in APPLICANT_COLUMN_IDS}
    totals = {column: sum(applications[row.id][column] for row in results) for column in APPLICANT_COLUMN_IDS}
    carried_forward = {column: draw(small) for column in APPLICANT_COLUMN_IDS}
    carried_over = {
        column: draw(st.integers(min_value=0, max_value=totals[column] + carried_forward[column]))
        for column in APPLICANT_COLUMN_IDS
    }
    new = {
        column: totals[column] + carried_forward[column] - carried_over[column]
        for column in APPLICANT_COLUMN_IDS
    }
    for row, values in (
        ("new", new),
        ("carried_over", carried_over),
        ("total", totals),
        ("carried_forward", carried_forward),
    ):
        applications[row] = dict(values)
    for values in applications.values():
        values["total"] = sum(values[column] for column in APPLICANT_COLUMN_IDS)
    disputes: Cells = {}
    for row in DISPUTES.row_ids:
        parts = {column: draw(small) for column in ("upheld", "corrected", "other", "pending")}
        disputes[row] = {**parts, "total": sum(parts.values())}
    proactive_spec = PROACTIVE_2021 if template == "2021" else PROACTIVE_2019
    proactive: Cells = {
        row.id: {
            column.id: draw(st.integers(min_value=0, max_value=9))
            for column in proactive_spec.columns_for(row.id)
        }
        for row in proactive_spec.rows
    }
    tables = ReportTables(
        template=template, applications=applications, disputes=disputes, proactive=proactive
    )  # type: ignore[arg-type]
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        table = draw(st.sampled_from([applications, disputes, proactive]))
        row = draw(st.sampled_from(sorted(r for r in table if table[r])))
        column = draw(st.sampled_from(sorted(table[row])))
        change = draw(st.sampled_from(["blank", "nudge", "negate", "float"]))
        if change == "blank":
            del table[row][column]
        elif change == "nudge":
            table[row][column] += draw(st.sampled_from([-1, 1, 10]))
        elif change == "negate":
            table[row][column] = -1 - table[row][column]
        else:
            table[row][column] = table[row][column] + 0.5
    return tables


@settings(max_examples=400, deadline=None, database=None)
@given(_consistent_tables())
def test_a_report_the_quick_test_passes_has_no_findings(tables: ReportTables) -> None:
    if not may_break_identities(tables):
        assert check_tables(tables) == []


@settings(max_examples=100, deadline=None, database=None)
@given(_consistent_tables())
def test_tables_that_add_up_pass_the_quick_test(tables: ReportTables) -> None:
    if check_tables(tables) == []:
        negative = any(v < 0 for _, _, column, v in tables.iter_cells() if column != "change")
        assert (
            negative
            or not may_break_identities(tables)
            or any(isinstance(v, float) for _, _, _, v in tables.iter_cells())
        )
