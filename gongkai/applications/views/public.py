"""The public side: the online form, its receipt (回执) and the status page. No personal data is shown."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications import services
from gongkai.applications.forms import PublicApplicationForm, add_domain_error
from gongkai.applications.models import Source
from gongkai.applications.queries import normalized_query_code, public_status
from gongkai.applications.ratelimit import RATE_LIMITED, STATUS_LOOKUPS, SUBMISSIONS
from gongkai.domain.errors import DomainError
from gongkai.domain.outcomes import Channel

ONLINE_ACTOR = "网上申请"  # the audit trail's actor label for a request the applicant submitted


def apply(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    form = PublicApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not SUBMISSIONS.allow(request):
            form.add_error(None, RATE_LIMITED)
            return render(request, "applications/apply.html", {"agency": agency, "form": form}, status=429)
        try:
            application = services.register_application(
                agency,
                applicant=form.applicant(),
                content=form.cleaned_data["content"],
                channel=Channel.ONLINE,
                received_on=timezone.localdate(),
                delivery_form=form.cleaned_data["delivery_form"],
                actor=ONLINE_ACTOR,
                source=Source.ONLINE_FORM,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("applications:receipt", code=application.query_code)
    return render(request, "applications/apply.html", {"agency": agency, "form": form})


def receipt(request: HttpRequest, code: str) -> HttpResponse:
    found = public_status(code)
    if found is None:
        raise Http404("没有找到该查询码对应的申请")
    return render(
        request, "applications/receipt.html", {"status": found, "code": normalized_query_code(code)}
    )


def status(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()
    context: dict[str, object] = {"code": code, "status": None, "error": ""}
    if code and not STATUS_LOOKUPS.allow(request):
        context["error"] = RATE_LIMITED
        return render(request, "applications/status.html", context, status=429)
    if code:
        context["status"] = public_status(code)
        context["error"] = "" if context["status"] else "没有找到该查询码对应的申请，请核对后重试。"
    return render(request, "applications/status.html", context, status=200 if not context["error"] else 404)
