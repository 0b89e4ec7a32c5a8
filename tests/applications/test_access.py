"""Personal data is reached only by the staff of the agency that holds the case.

One test per view and per API endpoint (parametrized), each run as another agency's clerk, a
supervisor of the agency and an anonymous visitor: none of them sees the applicant, and none of
them changes the case. The last tests check that every URL and every endpoint is listed here.
"""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse

from gongkai.api import api
from gongkai.applications import urls
from gongkai.applications.models import Application, Letter
from gongkai.applications.views.actions import ACTIONS
from gongkai.audit.models import AuditEvent
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db
OUTSIDERS = ["other_agency_clerk", "supervisor", "anonymous"]
SECRETS = ["张三", "11010519491231002X", "13800138000", "zhang@example.org", "某市某路1号", "执法检查计划"]


@pytest.fixture
def case(agency, clerk, settings):
    cache.clear()
    settings.GONGKAI_FORM_MIN_SECONDS = 0
    with time_machine.travel(date(2024, 9, 25)):
        app = make_application(agency, received=date(2024, 9, 20), actor=clerk, email="zhang@example.org")
    letter = Letter(application=app, kind="acknowledgement", template_version="test", created_by=clerk)
    letter.file.save("acknowledgement-张三.docx", ContentFile("张三 11010519491231002X".encode()), save=True)
    app.letter = letter
    return app


@pytest.fixture
def as_persona(request, client):
    def sign_in(persona):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return sign_in


def assert_nothing_leaks(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    for secret in SECRETS:
        assert secret not in text, f"{secret} leaked"


def unchanged(app):
    return Application.objects.filter(pk=app.pk).values_list("stage", "assignee_id", "updated_at").get()


# --- pages -------------------------------------------------------------------------------------

STAFF_PAGES = {
    "inbox": ("get", lambda app: reverse("applications:inbox", args=[app.agency.slug]), {}),
    "inbox-search": ("get", lambda app: reverse("applications:inbox", args=[app.agency.slug]), {"q": "张三"}),
    "intake-form": ("get", lambda app: reverse("applications:intake", args=[app.agency.slug]), {}),
    "intake-post": (
        "post",
        lambda app: reverse("applications:intake", args=[app.agency.slug]),
        {
            "channel": "in_person",
            "received_on": "2024-09-20",
            "name": "张三",
            "phone": "1",
            "applicant_type": "natural_person",
            "content": "x",
            "delivery_form": "paper",
        },
    ),
    "case": ("get", lambda app: reverse("applications:case", args=[app.pk]), {}),
    "fee_preview": ("get", lambda app: reverse("applications:fee_preview", args=[app.pk]), {"pages": "40"}),
    "letter_download": (
        "get",
        lambda app: reverse("applications:letter_download", args=[app.pk, app.letter.pk]),
        {},
    ),
    **{
        f"case_action-{name}": (
            "post",
            lambda app, name=name: reverse("applications:case_action", args=[app.pk, name]),
            {"on": "2024-09-25", "text": "x", "what": "x", "kind": "reply"},
        )
        for name in ACTIONS
    },
}


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("page", STAFF_PAGES)
def test_staff_pages_show_nothing_to_outsiders(case, as_persona, persona, page):
    method, url, data = STAFF_PAGES[page]
    before, audit_rows = unchanged(case), AuditEvent.objects.count()
    response = getattr(as_persona(persona), method)(url(case), data)
    if persona == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("web:login"))
    else:
        assert response.status_code == 404  # the same answer as for a case that does not exist
    assert_nothing_leaks(response)
    assert unchanged(case) == before and AuditEvent.objects.count() == audit_rows
    assert Application.objects.count() == 1


@pytest.mark.parametrize("page", ["inbox", "inbox-search", "case", "letter_download"])
def test_the_agencys_own_clerk_does_see_the_applicant(case, as_persona, page):
    method, url, data = STAFF_PAGES[page]
    with time_machine.travel(date(2024, 9, 25)):
        response = getattr(as_persona("clerk"), method)(url(case), {**data, "tab": "all"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and "张三" in body.decode()


PUBLIC_PAGES = {
    "apply": lambda app: reverse("applications:apply", args=[app.agency.slug]),
    "receipt": lambda app: reverse("applications:receipt", args=[app.query_code]),
    "status": lambda app: f"{reverse('applications:status')}?code={app.query_code}",
}


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_never_show_personal_data(case, as_persona, persona, page):
    response = as_persona(persona).get(PUBLIC_PAGES[page](case))
    assert response.status_code == 200
    assert_nothing_leaks(response)


# --- API ---------------------------------------------------------------------------------------

BODY = {
    "on": "2024-09-25",
    "what": "x",
    "party": "x",
    "method": "by_volume",
    "pages": 40,
    "days": 5,
    "reason": "no_correction",
    "until": "2024-12-01",
    "reply_type": "granted",
    "service_method": "posted",
    "served_on": "2024-09-25",
    "assignee": "otherclerk",
    "text": "x",
}
STAFF_ENDPOINTS = {
    ("GET", "/agency/{slug}/inbox"): {},
    ("POST", "/agency/{slug}/intake"): {
        "name": "张三",
        "phone": "1",
        "content": "x",
        "channel": "in_person",
        "received_on": "2024-09-20",
    },
    ("GET", "/{application_id}"): {},
    ("POST", "/token"): {},
    **{
        ("POST", f"/{{application_id}}/{action}"): BODY
        for action in [
            "correction-request",
            "corrected-request",
            "consultation/start",
            "consultation/end",
            "fee-notice",
            "payment",
            "extension/request",
            "extension/approve",
            "extension/reject",
            "delayed-reply",
            "reply",
            "give-up",
            "withdraw",
            "receipt-date",
            "assign",
            "notes",
        ]
    },
}


def api_url(path, app):
    return "/api/applications" + path.format(slug=app.agency.slug, application_id=app.pk)


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("endpoint", STAFF_ENDPOINTS, ids=lambda e: f"{e[0]} {e[1]}")
def test_staff_endpoints_show_nothing_to_outsiders(case, as_persona, persona, endpoint):
    method, path = endpoint
    before, audit_rows = unchanged(case), AuditEvent.objects.count()
    client = as_persona(persona)
    if method == "GET":
        response = client.get(api_url(path, case))
    else:
        response = client.post(
            api_url(path, case), STAFF_ENDPOINTS[endpoint], content_type="application/json"
        )
    if persona == "anonymous":
        assert response.status_code == 401 and response.json()["code"] == "unauthenticated"
    elif path == "/token":
        assert response.status_code == 200  # a token only carries the user's own (lack of) rights
    else:
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert_nothing_leaks(response)
    assert unchanged(case) == before and Application.objects.count() == 1
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_the_public_status_endpoint_never_shows_personal_data(case, as_persona, persona):
    response = as_persona(persona).get(f"/api/applications/status/{case.query_code}")
    assert response.status_code == 200 and response.json()["ref"] == case.ref
    assert_nothing_leaks(response)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_the_public_submit_endpoint_answers_without_personal_data(case, as_persona, persona):
    with time_machine.travel(date(2024, 9, 25)):
        response = as_persona(persona).post(
            "/api/applications/submit",
            {
                "agency": case.agency.slug,
                "name": "张三",
                "id_number": "11010519491231002X",
                "phone": "13800138000",
                "email": "zhang@example.org",
                "address": "某市某路1号",
                "content": "执法检查计划",
            },
            content_type="application/json",
        )
    assert response.status_code == 201 and response.json()["query_code"]
    assert_nothing_leaks(response)


# --- nothing left out ----------------------------------------------------------------------------


def test_every_page_of_the_app_is_checked_here():
    covered = {key.split("-")[0] for key in STAFF_PAGES} | set(PUBLIC_PAGES)
    assert {pattern.name for pattern in urls.urlpatterns} == covered


def test_every_endpoint_of_the_api_is_checked_here():
    public = {("POST", "/submit"), ("GET", "/status/{code}")}
    prefix = "/api/applications"
    declared = {
        (method.upper(), path.removeprefix(prefix))
        for path, operations in api.get_openapi_schema()["paths"].items()
        if path.startswith(prefix + "/")
        for method in operations
    }
    assert declared == set(STAFF_ENDPOINTS) | public


def test_the_admin_shows_requests_without_personal_data(case, client):
    from tests import factories

    client.force_login(factories.UserFactory(username="root", is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:applications_application_changelist"))
    change = client.get(reverse("admin:applications_application_change", args=[case.pk]))
    assert change.status_code == 200 and case.ref in change.content.decode()
    assert_nothing_leaks(listing)
    assert_nothing_leaks(change)
