"""Every report Gongkai itself generates reads back to the same tables (HTML, Word, Excel)."""

from __future__ import annotations

import random

import pytest

from gongkai.domain.annual_report import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    PROACTIVE_2019,
    PROACTIVE_2021,
    Cells,
    ReportTables,
    TableSpec,
)
from gongkai.domain.extraction import extract_text
from gongkai.importer.reading import text_of
from gongkai.reports.render import FORMATS, render

SPECS = {"2021": (PROACTIVE_2021, APPLICATIONS_2021), "2019": (PROACTIVE_2019, APPLICATIONS_2019)}


def _cells(spec: TableSpec, rng: random.Random) -> Cells:
    rows = [row for row in spec.rows if not row.is_subtotal]
    return {row.id: {column.id: rng.randint(0, 40) for column in spec.columns_for(row.id)} for row in rows}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_report_reads_back_to_its_tables(template: str, fmt: str, seed: int) -> None:
    rng = random.Random(seed)
    proactive, applications = SPECS[template]
    tables = ReportTables(
        template=template,  # type: ignore[arg-type]
        agency="某市应急管理局",
        year=2024 if template == "2021" else 2020,
        proactive=_cells(proactive, rng),
        applications=_cells(applications, rng),
        disputes=_cells(DISPUTES, rng),
    )
    report = extract_text(text_of(render(fmt, tables), name=f"report.{fmt}"))
    assert (report.template, report.year, report.agency) == (template, tables.year, "某市应急管理局")
    expected = tables.with_subtotals()
    data = report.to_json("x")
    for table in ("proactive", "applications", "disputes"):
        assert data[table] == expected.table(table), table
