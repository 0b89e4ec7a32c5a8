"""The back office: inbox, intake, the case page and its actions (htmx where it saves a page load).

Every view starts from gongkai.agencies.access; another agency's staff, supervisors and anonymous
visitors get the same 404 as for a case that does not exist (anonymous visitors are sent to sign in).
"""

from __future__ import annotations

import mimetypes
import os
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from gongkai.agencies.access import access_agency_as_staff, access_application, applications_for_staff
from gongkai.applications import queries, services
from gongkai.applications.forms import (
    ActionForm,
    FeePreviewForm,
    InboxFilterForm,
    IntakeForm,
    add_domain_error,
)
from gongkai.applications.models import Application, LetterKind
from gongkai.applications.views.actions import ACTIONS, Action, letters_available
from gongkai.domain.errors import DomainError
from gongkai.workcalendar.queries import work_calendar

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
@require_GET
def inbox(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    filter_form = InboxFilterForm(request.GET or None, agency=agency)
    result = queries.inbox(
        applications_for_staff(request.user, agency),
        tab=request.GET.get("tab", "today"),
        filters=filter_form.filters(),
        today=timezone.localdate(),
        calendar=work_calendar(),
        page_number=request.GET.get("page"),
    )
    template = "applications/partials/inbox_table.html" if _is_htmx(request) else "applications/inbox.html"
    context = {
        "agency": agency,
        "inbox": result,
        "filter_form": filter_form,
        "query": filter_form.query_string(),
    }
    return render(request, template, context)


@login_required
def intake(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.register_application(
                agency, actor=request.user, **form.service_arguments()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"已登记申请 {application.ref}（查询码 {application.query_code}）。")
            return redirect("applications:case", pk=application.pk)
    return render(request, "applications/intake.html", {"agency": agency, "form": form})


@login_required
@require_GET
def case(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_case(request, access_application(request.user, pk))


@login_required
@require_POST
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    application = access_application(request.user, pk)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("没有该操作")
    form = spec.form(request.POST, application=application, auto_id=f"{action}-%s")
    done = _perform(spec, form, application, request.user)
    if done is None:
        return _render_case(request, application, failed=(action, form))
    application = access_application(request.user, pk)  # the service changed it
    if _is_htmx(request):
        return _render_case(request, application, flash=done)
    messages.success(request, done)
    return redirect("applications:case", pk=pk)


def _perform(spec: Action, form: ActionForm, application: Application, user: Any) -> str | None:
    """The service's success message, or None with the refusal added to the form."""
    if not form.is_valid():
        return None
    try:
        return spec.perform(application, form.cleaned_data, user)
    except DomainError as error:
        add_domain_error(form, error)
        return None


def _render_case(
    request: HttpRequest,
    application: Application,
    *,
    failed: tuple[str, ActionForm] | None = None,
    flash: str = "",
) -> HttpResponse:
    """The case page, or with htmx its body alone; a refused action is shown open with its errors."""
    page = queries.case_page(application, today=timezone.localdate(), calendar=work_calendar())
    forms = {
        name: spec.form(application=application, auto_id=f"{name}-%s")
        for name, spec in ACTIONS.items()
        if spec.offered(allowed=page.allowed, user=request.user, application=application)
    }
    if failed is not None:
        forms[failed[0]] = failed[1]
    context = {
        "case": page,
        "app": application,
        "forms": forms,
        "actions": ACTIONS,
        "event_actions": [(ACTIONS[name], form) for name, form in forms.items() if ACTIONS[name].event],
        "flash": flash,
        "failed": failed[0] if failed else "",
        "letter_kinds": LetterKind.choices,
        "letters_available": letters_available(),
    }
    if _is_htmx(request):  # htmx swaps 2xx responses only
        return render(request, "applications/partials/case_body.html", context)
    return render(request, "applications/case.html", context, status=400 if failed else 200)


@login_required
@require_GET
def fee_preview(request: HttpRequest, pk: int) -> HttpResponse:
    application = access_application(request.user, pk)
    form = FeePreviewForm(request.GET)
    context: dict[str, Any] = {"estimate": None, "error": "" if form.is_valid() else "请填写有效的页数。"}
    try:
        if form.is_valid():
            context["estimate"] = queries.fee_estimate(application, **form.estimate_arguments())
    except DomainError as error:
        context["error"] = error.message
    return render(request, "applications/partials/fee_preview.html", context)


@login_required
@never_cache
@require_GET
def letter_download(request: HttpRequest, pk: int, letter_id: int) -> FileResponse:
    """Stream a stored letter to its agency's staff: letters are never served from a public media URL."""
    application = access_application(request.user, pk)
    letter = get_object_or_404(application.letters, pk=letter_id)
    filename = os.path.basename(letter.file.name)
    content_type = DOCX if filename.endswith(".docx") else mimetypes.guess_type(filename)[0]
    return FileResponse(
        letter.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
