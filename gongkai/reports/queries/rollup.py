"""The government disclosure office's view of every agency below it: who has published, who is
late, whose report has errors, the sum of their tables and the figures for the charts.

Statistics only (counts), never a request or an applicant. A fixed number of queries whatever
the number of agencies and records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.agencies.access import descendants
from gongkai.agencies.models import Agency
from gongkai.domain.annual_report import ReportTables, Severity, TemplateId, is_number
from gongkai.reports.queries.compiled import CompiledReport, compile_reports
from gongkai.reports.schedule import default_template, report_deadline

STATUS_LABELS = {
    "published": "已发布",
    "published_late": "逾期发布",
    "draft": "草稿",
    "not_started": "未开始",
    "late": "已逾期未发布",
}
HISTORY_YEARS = 5
HEADLINES = {
    "new": {"national": "applications.new.total", "extra": "extra.requests.received.value"},
    "granted": {"national": "applications.granted.total", "extra": "extra.replies.granted.value"},
}


@dataclass(frozen=True)
class RollupRow:
    agency: Agency
    compiled: CompiledReport
    deadline: dt.date
    status: str
    errors: int
    warnings: int

    def figure(self, name: str) -> int | float:
        """A headline figure ("new", "granted") in the report's format; 0 when not stated."""
        path = HEADLINES[name]["extra" if self.compiled.template == "pre2019-table" else "national"]
        table, rest = path.split(".", 1)
        row, column = rest.rsplit(".", 1)
        return self.compiled.tables.cell(table, row, column) or 0

    @property
    def new_requests(self) -> int | float:
        return self.figure("new")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_late(self) -> bool:
        return self.status in ("late", "published_late")


@dataclass(frozen=True)
class Rollup:
    government: Agency
    year: int
    template: TemplateId
    rows: list[RollupRow]
    totals: ReportTables
    history: dict[str, dict[int, dict[str, int]]]  # "new"/"concluded" → year → agency name → count

    @property
    def published(self) -> list[RollupRow]:
        return [row for row in self.rows if row.status.startswith("published")]

    @property
    def late(self) -> list[RollupRow]:
        return [row for row in self.rows if row.is_late]

    @property
    def with_errors(self) -> list[RollupRow]:
        return [row for row in self.rows if row.errors]


def agencies_below(government: Agency) -> list[Agency]:
    """The government itself and every agency below it, the government first."""
    ids = descendants([government.pk])
    agencies = Agency.objects.filter(pk__in=ids).order_by("name")
    return sorted(agencies, key=lambda a: (a.pk != government.pk, a.name))


def rollup(government: Agency, year: int, *, today: dt.date) -> Rollup:
    agencies = agencies_below(government)
    template = default_template(year)
    compiled = compile_reports(agencies, year, template=template, history_years=HISTORY_YEARS)
    rows = [_row(compiled[a.pk], today=today) for a in agencies]
    return Rollup(
        government=government,
        year=year,
        template=template,
        rows=rows,
        totals=sum_tables(
            (c.tables for c in compiled.values()), template=template, year=year, agency=government.name
        ),
        history=request_history(list(compiled.values()), year),
    )


def _row(compiled: CompiledReport, *, today: dt.date) -> RollupRow:
    agency, published = compiled.agency, compiled.published
    deadline = report_deadline(compiled.year, is_government=agency.is_government)
    if published is not None and published.published_at is not None:
        late = published.published_at.date() > deadline
        status = "published_late" if late else "published"
        errors = sum(1 for f in published.findings if f.get("severity") == Severity.ERROR.value)
        warnings = len(published.findings) - errors
    else:
        status = "late" if today > deadline else ("draft" if compiled.report is not None else "not_started")
        errors, warnings = len(compiled.errors), len(compiled.warnings)
    return RollupRow(agency, compiled, deadline, status, errors, warnings)


def sum_tables(
    tables: Iterable[ReportTables], *, template: TemplateId, year: int, agency: str
) -> ReportTables:
    """Cell by cell sums; a cell is stated in the sum when at least one agency states it."""
    total = ReportTables(template=template, agency=agency, year=year)
    for one in tables:
        for table, row, column, value in one.iter_cells():
            if not is_number(value):
                continue
            cells = total.table(table).setdefault(row, {})
            cells[column] = (
                round(cells.get(column, 0) + value, 6)
                if isinstance(value, float)
                else (cells.get(column, 0) + value)
            )
    return total


def request_history(reports: list[CompiledReport], year: int) -> dict[str, dict[int, dict[str, int]]]:
    """Requests received and concluded per year, per agency, for the last five years."""
    years = range(year - HISTORY_YEARS + 1, year + 1)
    history: dict[str, dict[int, dict[str, int]]] = {"new": {}, "concluded": {}}
    for y in years:
        history["new"][y] = {r.agency.name: r.history.get(y, (0, 0))[0] for r in reports}
        history["concluded"][y] = {r.agency.name: r.history.get(y, (0, 0))[1] for r in reports}
    return history
