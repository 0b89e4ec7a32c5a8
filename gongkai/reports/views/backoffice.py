"""The agency's report in the back office: tables with drill-down, findings, prose (htmx),
hand-entered figures, publish (with the leaders' override) and reopen. Staff of the agency only;
anyone else gets the same 404 as for an agency that does not exist."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.access import access_agency_as_staff, applications_for_staff, has_role
from gongkai.agencies.models import Agency, Role
from gongkai.domain.errors import DomainError
from gongkai.domain.outcomes import APPLICANT_TYPE_LABELS, CHANNEL_LABELS, REPLY_TYPE_LABELS
from gongkai.reports import services
from gongkai.reports.findings import ALL_RULES
from gongkai.reports.forms import ManualEntriesForm, PublishForm, ReopenForm, SectionForm, TemplateForm
from gongkai.reports.models import AnnualReport, SectionKey
from gongkai.reports.narrative import placeholders_for, sample_overview
from gongkai.reports.queries import CompiledReport, cases_behind, compile_report, is_drillable
from gongkai.reports.queries.aggregates import manual_entries
from gongkai.reports.render import FORMATS
from gongkai.reports.render import render as render_report
from gongkai.reports.render.layout import Section, document
from gongkai.reports.views.public import download

FIRST_YEAR = 2008  # the 2008 Regulation took effect on 1 May 2008


def checked_year(year: int) -> int:
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404("年度无效")
    return year


def filled_sections(compiled: CompiledReport) -> list[Section]:
    return [Section(s.key, s.heading, s.filled.text) for s in compiled.sections]


def _links(agency: Agency, compiled: CompiledReport) -> dict[str, str]:
    base = reverse("reports:cases", args=[agency.slug, compiled.year])
    return {
        cell.path: f"{base}?cell={cell.path}"
        for grid in document(compiled.tables).grids
        for cell in grid.cells
        if cell.path and is_drillable(compiled.template, cell.path)
    }


def _context(request: HttpRequest, agency: Agency, compiled: CompiledReport, **extra: Any) -> dict[str, Any]:
    report = compiled.report
    texts = {s.key: s for s in compiled.sections}
    return {
        "agency": agency,
        "compiled": compiled,
        "report": report,
        "document": document(compiled.tables, filled_sections(compiled)),
        "links": _links(agency, compiled),
        "sections": [
            (
                key,
                texts.get(key.value),
                SectionForm(initial={"text": texts[key.value].text if key.value in texts else ""}),
            )
            for key in SectionKey
        ],
        "sample": sample_overview(compiled.template),
        "placeholders": placeholders_for(compiled.template),
        "template_form": TemplateForm(initial={"template": compiled.template}),
        "publish_form": PublishForm(),
        "reopen_form": ReopenForm(),
        "can_publish": has_role(request.user, agency, *services.PUBLISHERS),
        "is_leader": has_role(request.user, agency, Role.LEADER),
        "versions": AnnualReport.objects.filter(agency=agency, year=compiled.year).order_by("-version"),
        "formats": FORMATS,
        "rules": ALL_RULES,
        **extra,
    }


@login_required
@require_GET
def manage(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    compiled = compile_report(agency, checked_year(year))
    return render(request, "reports/manage.html", _context(request, agency, compiled))


@login_required
@require_POST
def set_template(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    form = TemplateForm(request.POST)
    if form.is_valid():
        try:
            services.start_report(
                agency, checked_year(year), actor=request.user, template=form.cleaned_data["template"]
            )
        except DomainError as error:
            messages.error(request, error.message)
    return redirect("reports:manage", agency.slug, year)


@login_required
@require_POST
def save_section(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    if key not in SectionKey.values:
        raise Http404("没有这一部分")
    form = SectionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.save_section(
                agency,
                checked_year(year),
                key=key,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except DomainError as exc:
            error = exc.message
    if request.headers.get("HX-Request") != "true":
        if error:
            messages.error(request, error)
        return redirect("reports:manage", agency.slug, year)
    compiled = compile_report(agency, year)
    context = _context(request, agency, compiled, saved_key=key, section_error=error, error_key=key)
    return render(request, "reports/partials/workbench.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def manual(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    compiled = compile_report(agency, checked_year(year))
    current = manual_entries([agency.pk], [year])[(agency.pk, year)]
    form = ManualEntriesForm(request.POST or None, template=compiled.template, initial_values=current)
    if request.method == "POST" and form.is_valid():
        try:
            for key, value in form.changed_values(current).items():
                services.save_manual_entry(
                    agency, year, key=key, value=value, reason=form.cleaned_data["reason"], actor=request.user
                )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "已保存人工填报数据")
            return redirect("reports:manage", agency.slug, year)
    return render(
        request, "reports/manual.html", {"agency": agency, "year": year, "form": form, "compiled": compiled}
    )


@login_required
@require_POST
def publish(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        report = services.publish_report(
            agency,
            checked_year(year),
            actor=request.user,
            override_reason=form.cleaned_data.get("override_reason", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已发布第{report.version}版")
    return redirect("reports:manage", agency.slug, year)


@login_required
@require_POST
def reopen(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    form = ReopenForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.ensure_year_open(agency, checked_year(year), reason=reason, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("reports:manage", agency.slug, year)


@login_required
@require_GET
def export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    if fmt not in FORMATS:
        raise Http404("没有该格式")
    compiled = compile_report(agency, checked_year(year))
    content = render_report(fmt, compiled.tables, sections=filled_sections(compiled))
    return download(content, fmt, f"{agency.slug}-{year}-draft")


def _case_url(pk: int) -> str:
    try:
        return reverse("applications:case", args=[pk])
    except NoReverseMatch:
        return ""


@login_required
@require_GET
def cases(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The requests behind one cell (``?cell=applications.granted.natural_person``)."""
    agency = access_agency_as_staff(request.user, slug)
    compiled = compile_report(agency, checked_year(year))
    path = request.GET.get("cell", "")
    if path and not path.startswith(("applications.", "extra.")):
        path = f"applications.{path}"  # the inbox's short form: ?cell=granted.natural_person
    if not is_drillable(compiled.template, path):
        raise Http404("该单元格没有对应的申请")
    table, row, column = path.split(".", 1)[0], *path.split(".", 1)[1].rsplit(".", 1)
    rows = cases_behind(
        applications_for_staff(request.user, agency), year=year, template=compiled.template, path=path
    )
    context = {
        "agency": agency,
        "year": year,
        "path": path,
        "value": compiled.tables.cell(table, row, column),
        "cases": [
            {
                "application": a,
                "url": _case_url(a.pk),
                "applicant_type": APPLICANT_TYPE_LABELS.get(a.applicant_type, a.applicant_type),  # type: ignore[call-overload]
                "channel": CHANNEL_LABELS.get(a.channel, a.channel),  # type: ignore[call-overload]
                "reply": REPLY_TYPE_LABELS.get(a.reply_type, "") if a.reply_type else "",  # type: ignore[call-overload]
            }
            for a in rows.only(
                "id",
                "ref",
                "received_on",
                "concluded_on",
                "applicant_type",
                "channel",
                "reply_type",
                "agency_id",
            )
        ],
        "inbox_url": _inbox_url(agency, year, path),
    }
    return render(request, "reports/cases.html", context)


def _inbox_url(agency: Agency, year: int, path: str) -> str:
    try:
        base = reverse("applications:inbox", args=[agency.slug])
    except NoReverseMatch:
        return ""
    return f"{base}?tab=all&year={year}&cell={path.removeprefix('applications.')}"
