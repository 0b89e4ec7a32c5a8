"""Reads for the annual report: grouped counts, the compiled report, the drill-down, the roll-up.

- ``aggregates``: one GROUP BY query per kind of record, for any number of agencies;
- ``catalogue``: the catalogue's documents and publication counts (the one place knowing its shape);
- ``compiled``: :func:`compile_report` / :func:`compile_reports` → :class:`CompiledReport`;
- ``drilldown``: the requests behind a cell;
- ``rollup``: the supervising government's overview.
"""

from __future__ import annotations

from gongkai.reports.queries.compiled import CompiledReport, compile_report, compile_reports
from gongkai.reports.queries.drilldown import cases_behind, cell_condition, is_drillable
from gongkai.reports.queries.rollup import Rollup, RollupRow, rollup

__all__ = [
    "CompiledReport",
    "Rollup",
    "RollupRow",
    "cases_behind",
    "cell_condition",
    "compile_report",
    "compile_reports",
    "is_drillable",
    "rollup",
]
