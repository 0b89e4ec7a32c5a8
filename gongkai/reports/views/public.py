"""The published report, for everyone: the tables and prose as published, no personal data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency
from gongkai.domain.annual_report import ReportTables
from gongkai.reports.models import AnnualReport, SectionKey, Status
from gongkai.reports.render import FORMATS
from gongkai.reports.render import render as render_report
from gongkai.reports.render.layout import Section, document


def published_report(agency: Agency, year: int) -> AnnualReport:
    report = (
        AnnualReport.objects.filter(agency=agency, year=year, status=Status.PUBLISHED)
        .order_by("-version")
        .first()
    )
    if report is None or not report.tables:
        raise Http404("该年度报告尚未发布")
    return report


def published_sections(report: AnnualReport) -> list[Section]:
    texts = report.published_sections or {}
    return [Section(key.value, str(key.label), texts[key.value]) for key in SectionKey if key.value in texts]


@require_GET
def agency_reports(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    reports = AnnualReport.objects.filter(agency=agency, status=Status.PUBLISHED).order_by(
        "-year", "-version"
    )
    latest: dict[int, AnnualReport] = {}
    for report in reports:
        latest.setdefault(report.year, report)
    return render(
        request, "reports/agency_reports.html", {"agency": agency, "reports": list(latest.values())}
    )


@require_GET
def public_report(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    report = published_report(agency, year)
    tables = ReportTables.from_json(report.tables or {})
    revising = AnnualReport.objects.filter(agency=agency, year=year, version__gt=report.version).exists()
    context = {
        "agency": agency,
        "report": report,
        "document": document(tables, published_sections(report)),
        "links": {},
        "revising": revising,
        "formats": FORMATS,
    }
    return render(request, "reports/public.html", context)


@require_GET
def public_download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("没有该格式")
    agency = get_object_or_404(Agency, slug=slug)
    report = published_report(agency, year)
    tables = ReportTables.from_json(report.tables or {})
    content = render_report(fmt, tables, sections=published_sections(report))
    return download(content, fmt, f"{agency.slug}-{year}-v{report.version}")


def download(content: bytes, fmt: str, stem: str) -> HttpResponse:
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(content, content_type=content_type)
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
    return response
