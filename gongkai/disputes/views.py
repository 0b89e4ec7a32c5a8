"""Staff pages: an agency's reviews and lawsuits, and the forms to file and decide them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.agencies.access import access_agency_as_staff
from gongkai.disputes.forms import DecideDisputeForm, FileDisputeForm
from gongkai.disputes.queries import disputes_for_staff, get_dispute_for_staff
from gongkai.disputes.services import decide_dispute, file_dispute
from gongkai.domain.errors import DomainError
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome

FILED = "已登记：{dispute}"
DECIDED = "已登记审结结果：{dispute}"
_FORM_FIELD = {"application": "application_ref"}  # where a service error lands on the form


def _add_domain_error(form: forms.Form, error: DomainError) -> None:
    field = _FORM_FIELD.get(error.where, error.where)
    form.add_error(field if field in form.fields else None, error.message)


@login_required
@require_GET
def dispute_list(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, agency_slug)
    disputes = disputes_for_staff(request.user, agency).order_by("-filed_on", "-id")
    return render(request, "disputes/list.html", {"agency": agency, "disputes": disputes})


@login_required
@require_http_methods(["GET", "POST"])
def file(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, agency_slug)
    initial = {"application_ref": request.GET.get("application", ""), "kind": request.GET.get("kind", "")}
    form = FileDisputeForm(request.POST or None, user=request.user, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dispute = file_dispute(
                agency,
                kind=DisputeKind(data["kind"]),
                body=data["body"],
                filed_on=data["filed_on"],
                case_number=data["case_number"],
                application=data["application_ref"],
                review=data["review"],
                note=data["note"],
                actor=request.user,
            )
        except DomainError as error:
            _add_domain_error(form, error)
        else:
            messages.success(request, FILED.format(dispute=dispute))
            return redirect("disputes:list", agency_slug=agency.slug)
    return render(request, "disputes/file.html", {"agency": agency, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, agency_slug: str, pk: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, agency_slug)
    dispute = get_dispute_for_staff(request.user, agency, pk)
    form = DecideDisputeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decide_dispute(
                dispute,
                outcome=DisputeOutcome(data["outcome"]),
                decided_on=data["decided_on"],
                note=data["note"],
                actor=request.user,
            )
        except DomainError as error:
            _add_domain_error(form, error)
        else:
            messages.success(request, DECIDED.format(dispute=dispute))
            return redirect("disputes:list", agency_slug=agency.slug)
    return render(request, "disputes/decide.html", {"agency": agency, "dispute": dispute, "form": form})
