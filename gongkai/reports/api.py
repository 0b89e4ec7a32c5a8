"""JSON API of annual reports: the Report JSON of docs/domain.md §4.

- ``GET /api/reports/published/{slug}/{year}``: the published version, for everyone;
- ``GET /api/reports/{slug}/{year}``: computed now from the records, for the agency's staff;
- ``POST /api/reports/{slug}/{year}/publish``: publish (leaders may override errors with a reason);
- ``GET /api/reports/rollup/{slug}/{year}``: the supervising government's overview (counts only).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.security import django_auth

from gongkai.agencies.access import access_agency_as_staff, access_agency_statistics
from gongkai.agencies.models import Agency
from gongkai.reports.models import AnnualReport, Status
from gongkai.reports.queries import compile_report, rollup
from gongkai.reports.schedule import TEMPLATE_OPTIONS
from gongkai.reports.services import publish_report

router = Router(tags=["reports"])


class PublishIn(Schema):
    override_reason: str = ""


class PublishedOut(Schema):
    agency: str
    year: int
    version: int
    status: str
    errors: int
    override_reason: str


class RollupRowOut(Schema):
    agency: str
    name: str
    status: str
    deadline: str
    errors: int
    warnings: int


class RollupOut(Schema):
    government: str
    year: int
    template: str
    agencies: list[RollupRowOut]
    totals: dict[str, Any]


@router.get("/published/{slug}/{year}", response=dict[str, Any])
def published(request: HttpRequest, slug: str, year: int) -> dict[str, Any]:
    agency = Agency.objects.filter(slug=slug).first()
    report = (
        AnnualReport.objects.filter(agency=agency, year=year, status=Status.PUBLISHED)
        .order_by("-version")
        .first()
        if agency
        else None
    )
    if report is None or not report.tables:
        raise Http404("该年度报告尚未发布")
    return {**report.tables, "findings": report.findings}


@router.get("/rollup/{slug}/{year}", response=RollupOut, auth=django_auth)
def rollup_overview(request: HttpRequest, slug: str, year: int) -> RollupOut:
    government = access_agency_statistics(request.user, slug)
    result = rollup(government, year, today=timezone.localdate())
    rows = [
        RollupRowOut(
            agency=row.agency.slug,
            name=row.agency.name,
            status=row.status,
            deadline=row.deadline.isoformat(),
            errors=row.errors,
            warnings=row.warnings,
        )
        for row in result.rows
    ]
    return RollupOut(
        government=government.slug,
        year=year,
        template=result.template,
        agencies=rows,
        totals=result.totals.to_json(),
    )


@router.get("/{slug}/{year}", response=dict[str, Any], auth=django_auth)
def current(request: HttpRequest, slug: str, year: int, template: str | None = None) -> dict[str, Any]:
    agency = access_agency_as_staff(request.user, slug)
    if template is not None and template not in TEMPLATE_OPTIONS:
        raise Http404("没有该格式")
    return compile_report(agency, year, template=TEMPLATE_OPTIONS[template] if template else None).to_json()


@router.post("/{slug}/{year}/publish", response=PublishedOut, auth=django_auth)
def publish(request: HttpRequest, slug: str, year: int, payload: PublishIn) -> PublishedOut:
    agency = access_agency_as_staff(request.user, slug)
    report = publish_report(agency, year, actor=request.user, override_reason=payload.override_reason)
    errors = sum(1 for finding in report.findings if finding.get("severity") == "error")
    return PublishedOut(
        agency=agency.slug,
        year=year,
        version=report.version,
        status=report.status,
        errors=errors,
        override_reason=report.override_reason,
    )
