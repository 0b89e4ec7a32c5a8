"""The public endpoints: submit a request, follow it by its query code (never personal data)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Status
from ninja.security import django_auth

from gongkai.agencies.models import Agency
from gongkai.applications import queries, services
from gongkai.applications.api.schemas import ERRORS, ErrorOut, ProgressOut, ReceiptOut, SubmitIn, TokenOut
from gongkai.applications.forms import ApplicationForm, first_error
from gongkai.applications.models import Source
from gongkai.applications.ratelimit import RATE_LIMITED, STATUS_LOOKUPS, SUBMISSIONS
from gongkai.applications.tokens import issue_token, max_age_seconds
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import Channel

router = Router()


def validated(form_class: type[ApplicationForm], data: dict[str, Any]) -> ApplicationForm:
    """Check API input with the form the pages use (one set of rules), or raise InvalidInput."""
    form = form_class(data=data)
    if not form.is_valid():
        where, message = first_error(form)
        raise InvalidInput(message, where=where)
    return form


@router.post("/submit", auth=None, response={201: ReceiptOut, 429: ErrorOut, **ERRORS})
def submit(request: HttpRequest, payload: SubmitIn) -> Status[Any]:
    """Submit a request online, as the public form does (rate-limited per address)."""
    agency = Agency.objects.filter(slug=payload.agency).first()
    if agency is None:
        raise InvalidInput("没有找到该机关", where="agency")
    form = validated(ApplicationForm, payload.model_dump(mode="json", exclude={"agency"}))
    if not SUBMISSIONS.allow(request):
        return Status(429, {"message": RATE_LIMITED, "code": "rate_limited", "where": ""})
    application = services.register_application(
        agency,
        applicant=form.applicant(),
        content=form.cleaned_data["content"],
        channel=Channel.ONLINE,
        received_on=timezone.localdate(),
        delivery_form=form.cleaned_data["delivery_form"],
        actor="网上申请（接口）",
        source=Source.ONLINE_FORM,
    )
    return Status(201, _receipt(application.query_code))


def _receipt(code: str) -> dict[str, Any]:
    found = queries.public_status(code)
    assert found is not None
    url = f"{reverse('applications:status')}?code={code}"
    return {**found.__dict__, "query_code": code, "status_url": url}


@router.get("/status/{code}", auth=None, response={200: ProgressOut, 429: ErrorOut, **ERRORS})
def status(request: HttpRequest, code: str) -> Status[Any]:
    """The progress of the request with this query code."""
    if not STATUS_LOOKUPS.allow(request):
        return Status(429, {"message": RATE_LIMITED, "code": "rate_limited", "where": ""})
    found = queries.public_status(code)
    if found is None:
        return Status(404, {"message": "没有找到该查询码对应的申请", "code": "not_found", "where": "code"})
    return Status(200, found.__dict__)


@router.post("/token", auth=django_auth, response={200: TokenOut, **ERRORS})
def token(request: HttpRequest) -> dict[str, Any]:
    """A bearer token for the signed-in user (revoked when the password changes)."""
    return {"token": issue_token(request.user), "expires_in": max_age_seconds()}
