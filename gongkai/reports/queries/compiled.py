"""A year's report as computed now: tables from the records, findings, prose with its figures.

Everything is read for many agencies at once (the roll-up) in a fixed number of queries; one
agency is the same path with one id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.agencies.models import Agency
from gongkai.domain.annual_report import (
    PRE2019_TABLE,
    Finding,
    ManualFigures,
    ReportTables,
    Severity,
    TemplateId,
    check_tables,
    compile_tables,
)
from gongkai.domain.annual_report_counts import (
    ApplicationGroup,
    CatalogueTotals,
    DisputeGroup,
    PublicationGroup,
    application_facts,
    dispute_facts,
    publication_facts,
    statistics_cells,
)
from gongkai.reports.findings import SectionText, narrative_findings, prose_contradictions, required_sections
from gongkai.reports.manual import manual_cells
from gongkai.reports.models import AnnualReport, NarrativeSection, SectionKey, Status
from gongkai.reports.narrative import fill
from gongkai.reports.queries.aggregates import (
    application_groups,
    dispute_groups,
    fees_collected,
    manual_entries,
)
from gongkai.reports.queries.catalogue import catalogue_totals, publication_groups
from gongkai.reports.schedule import default_template

Number = int | float
_DOCUMENT_ROWS = ("regulations", "normative_documents")


@dataclass(frozen=True)
class YearRecords:
    """One agency's year as the grouped queries return it."""

    applications: list[ApplicationGroup]
    disputes: list[DisputeGroup]
    publications: list[PublicationGroup] | None
    catalogue: CatalogueTotals | None
    fees_yuan: float
    manual: dict[str, Decimal]


def year_records(
    agency_ids: Sequence[int], years: Sequence[int], *, template: TemplateId
) -> dict[tuple[int, int], YearRecords]:
    """Every agency's records for every year, by (agency id, year): six or seven queries whatever
    the number of agencies, years and records."""
    older = template == "pre2019-table"
    applications = application_groups(agency_ids, years, detailed=older)
    disputes = dispute_groups(agency_ids, years)
    publications = {} if older else publication_groups(agency_ids, years)
    catalogue = catalogue_totals(agency_ids, years) if older else {}
    fees = fees_collected(agency_ids, years)
    manual = manual_entries(agency_ids, years)
    return {
        key: YearRecords(
            applications[key],
            disputes[key],
            publications.get(key),
            catalogue.get(key),
            fees[key],
            manual[key],
        )
        for key in applications
    }


def build_tables(
    *, agency: str, year: int, template: TemplateId, records: YearRecords
) -> tuple[ReportTables, dict[str, Number]]:
    """The tables, and the figures only the prose uses (placeholder paths → values)."""
    cells = manual_cells(records.manual, template)
    figures: dict[str, Number] = {**cells.figures, "figure.processing_fees_yuan": records.fees_yuan}
    if template == "pre2019-table":
        extra = statistics_cells(
            year=year,
            applications=records.applications,
            disputes=records.disputes,
            fees_yuan=records.fees_yuan,
            catalogue=records.catalogue,
        )
        extra.update(cells.extra)  # by hand: the catalogue lines replace the catalogue's counts
        ordered = {row.id: extra[row.id] for row in PRE2019_TABLE.rows if row.id in extra}
        return ReportTables(template=template, agency=agency, year=year, extra=ordered), figures
    tables = compile_tables(
        agency=agency,
        year=year,
        template=template,
        applications=application_facts(records.applications, year),
        publications=publication_facts(records.publications or (), year),
        disputes=dispute_facts(records.disputes, year),
        manual=ManualFigures(proactive=cells.proactive),
    )
    if records.publications is None:  # the catalogue does not cover the year: only what was entered
        for row in _DOCUMENT_ROWS:
            tables.proactive[row] = dict(cells.proactive.get(row, {}))
            if not tables.proactive[row]:
                del tables.proactive[row]
    figures.update(
        {f"extra.{row}.{column}": v for row, values in cells.extra.items() for column, v in values.items()}
    )
    return tables, figures


@dataclass
class CompiledReport:
    """The report of one agency and year as it stands: live tables for a draft."""

    agency: Agency
    year: int
    template: TemplateId
    tables: ReportTables
    figures: dict[str, Number]
    findings: list[Finding]
    sections: list[SectionText]
    report: AnnualReport | None  # the latest version, if one was started
    published: AnnualReport | None  # the latest published version
    previous: ReportTables | None = None
    history: dict[int, tuple[int, int]] = field(default_factory=dict)  # year → (received, concluded)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]

    def to_json(self) -> dict[str, object]:
        return self.tables.to_json(self.findings)


def compile_reports(
    agencies: Sequence[Agency], year: int, *, template: TemplateId | None = None, history_years: int = 2
) -> dict[int, CompiledReport]:
    """Every agency's report on ``year`` in one format (the one of the latest version when a
    single agency is asked without one), with the requests received and concluded in each of the
    last ``history_years`` years (at least this year and the one before, which the checks need).
    Nine or ten queries in all, whatever the number of agencies, years and records."""
    ids = [agency.pk for agency in agencies]
    versions = _versions(ids, (year, year - 1))
    if template is None:
        latest = versions.get((ids[0], year), []) if len(ids) == 1 else []
        template = latest[0].template if latest else default_template(year)  # type: ignore[assignment]
    assert template is not None
    years = tuple(range(max(year - max(history_years, 2) + 1, 1), year + 1))
    records = year_records(ids, years, template=template)
    previous = _previous_tables(agencies, year, template, versions, records)
    texts = _section_texts({pk: versions.get((pk, year), []) for pk in ids})
    compiled = {}
    for agency in agencies:
        tables, figures = build_tables(
            agency=agency.name, year=year, template=template, records=records[(agency.pk, year)]
        )
        sections = [
            SectionText(key, str(SectionKey(key).label), text, fill(text, tables, figures))
            for key, text in texts.get(agency.pk, {}).items()
        ]
        own = versions.get((agency.pk, year), [])
        compiled[agency.pk] = CompiledReport(
            agency=agency,
            year=year,
            template=template,
            tables=tables,
            figures=figures,
            findings=report_findings(tables, figures, sections, agency, previous.get(agency.pk)),
            sections=sections,
            report=own[0] if own else None,
            published=next((r for r in own if r.status == Status.PUBLISHED), None),
            previous=previous.get(agency.pk),
            history={y: _received_and_concluded(records[(agency.pk, y)]) for y in years},
        )
    return compiled


def compile_report(agency: Agency, year: int, *, template: TemplateId | None = None) -> CompiledReport:
    return compile_reports([agency], year, template=template)[agency.pk]


def report_findings(
    tables: ReportTables,
    figures: dict[str, Number],
    sections: Sequence[SectionText],
    agency: Agency,
    previous: ReportTables | None,
) -> list[Finding]:
    """Every finding at once: table identities, continuity and jumps, then the prose."""
    findings = check_tables(tables, previous=previous)
    findings += narrative_findings(sections, required=required_sections(is_government=agency.is_government))
    prose = "\n".join(section.filled.text for section in sections)
    findings += prose_contradictions(prose, tables, figures)
    return findings


def _versions(agency_ids: Sequence[int], years: tuple[int, ...]) -> dict[tuple[int, int], list[AnnualReport]]:
    """Every version of the agencies' reports on those years, newest first. One query."""
    found: dict[tuple[int, int], list[AnnualReport]] = {}
    rows = AnnualReport.objects.filter(agency_id__in=agency_ids, year__in=years).order_by("-version")
    for report in rows:
        found.setdefault((report.agency_id, report.year), []).append(report)
    return found


def _previous_tables(
    agencies: Sequence[Agency],
    year: int,
    template: TemplateId,
    versions: dict[tuple[int, int], list[AnnualReport]],
    records: dict[tuple[int, int], YearRecords],
) -> dict[int, ReportTables]:
    """Last year's published tables where published, otherwise last year's computed from records."""
    previous: dict[int, ReportTables] = {}
    for agency in agencies:
        published = next(
            (r for r in versions.get((agency.pk, year - 1), []) if r.status == Status.PUBLISHED and r.tables),
            None,
        )
        if published is not None:
            previous[agency.pk] = ReportTables.from_json(published.tables or {})
        elif (agency.pk, year - 1) in records:
            last = records[(agency.pk, year - 1)]
            previous[agency.pk] = build_tables(
                agency=agency.name, year=year - 1, template=template, records=last
            )[0]
    return previous


def _received_and_concluded(records: YearRecords) -> tuple[int, int]:
    received = sum(group.count for group in records.applications if not group.received_before)
    concluded = sum(group.count for group in records.applications if not group.open_at_end)
    return received, concluded


def _section_texts(latest: dict[int, list[AnnualReport]]) -> dict[int, dict[str, str]]:
    """The prose of each agency's latest version, in the format's order. One query."""
    report_ids = {reports[0].pk: pk for pk, reports in latest.items() if reports}
    texts: dict[int, dict[str, str]] = {pk: {} for pk in report_ids.values()}
    rows = NarrativeSection.objects.filter(report_id__in=report_ids).values_list("report_id", "key", "text")
    by_report: dict[int, dict[str, str]] = {}
    for report_id, key, text in rows:
        by_report.setdefault(report_id, {})[key] = text
    for report_id, agency_id in report_ids.items():
        found = by_report.get(report_id, {})
        texts[agency_id] = {key.value: found[key.value] for key in SectionKey if key.value in found}
    return texts
