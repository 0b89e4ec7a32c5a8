from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from gongkai.applications.models import Application
from gongkai.applications.tokens import issue_token
from gongkai.audit.models import AuditEvent
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db
API = "/api/applications"
SUBMISSION = {
    "agency": "anjian",
    "name": "李四",
    "id_number": "11010519491231002X",
    "phone": "13900139000",
    "content": "2023年度行政处罚决定书目录",
    "delivery_form": "paper",
}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def post(client, path, body=None, **headers):
    return client.post(API + path, body or {}, content_type="application/json", **headers)


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user)}"}


# --- public ------------------------------------------------------------------------------------


@time_machine.travel(date(2024, 9, 20))
def test_submit_returns_the_receipt_and_status_follows_the_code(client, agency):
    response = post(client, "/submit", SUBMISSION)
    assert response.status_code == 201
    receipt = response.json()
    application = Application.objects.get()
    assert receipt["query_code"] == application.query_code and receipt["ref"] == application.ref
    assert (receipt["stage"], receipt["received_on"], receipt["due_on"]) == (
        "open",
        "2024-09-20",
        "2024-10-23",
    )
    assert receipt["status_url"] == f"/applications/status/?code={application.query_code}"
    assert (application.channel, application.source, application.delivery_form) == (
        "online",
        "online_form",
        "paper",
    )
    status = client.get(f"{API}/status/{application.query_code}").json()
    assert status == {key: receipt[key] for key in status}
    assert "applicant" not in status and "name" not in status


def test_submit_checks_the_resident_id_and_answers_in_the_one_error_shape(client, agency):
    response = post(client, "/submit", {**SUBMISSION, "id_number": "110105194912310021"})
    assert response.status_code == 400
    assert response.json() == {
        "message": "居民身份证号码有误：请核对18位号码（含出生日期与末位校验码）。",
        "code": "invalid_input",
        "where": "id_number",
    }
    assert post(client, "/submit", {**SUBMISSION, "agency": "nowhere"}).json()["where"] == "agency"
    missing = post(client, "/submit", {"agency": "anjian"})
    assert missing.status_code == 422 and set(missing.json()) == {"message", "code", "where"}
    assert not Application.objects.exists()


def test_submit_is_rate_limited_per_address(client, agency):
    for _ in range(5):
        assert post(client, "/submit", SUBMISSION).status_code == 201
    refused = post(client, "/submit", SUBMISSION)
    assert refused.status_code == 429 and refused.json()["code"] == "rate_limited"
    other_address = post(client, "/submit", SUBMISSION, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 201


def test_an_unknown_code_is_a_404_in_the_error_shape(client, db):
    response = client.get(f"{API}/status/NOPE")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


# --- staff, with a bearer token ----------------------------------------------------------------


def test_a_signed_in_user_gets_a_token_that_works_without_the_session(client, clerk, agency):
    client.force_login(clerk)
    token = post(client, "/token").json()["token"]
    with time_machine.travel(date(2024, 9, 25)):
        app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
        response = Client().get(f"{API}/{app.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200 and response.json()["applicant"]["name"] == "张三"


def test_a_forged_expired_or_revoked_token_is_refused(client, clerk, agency, settings):
    token = issue_token(clerk)
    assert client.get(f"{API}/agency/anjian/inbox", HTTP_AUTHORIZATION=f"Bearer {token}x").status_code == 401
    clerk.set_password("a-new-password-456")
    clerk.save()
    revoked = client.get(f"{API}/agency/anjian/inbox", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert revoked.status_code == 401 and revoked.json()["code"] == "unauthenticated"
    settings.GONGKAI_API_TOKEN_MAX_AGE = -1
    assert client.get(f"{API}/agency/anjian/inbox", **bearer(clerk)).status_code == 401


@time_machine.travel(date(2024, 12, 31))
def test_a_request_walks_through_every_action_by_api(client, agency, clerk, office_head):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    steps = [
        (clerk, "/correction-request", {"on": "2024-09-23", "what": "请写明年份"}, "awaiting_correction"),
        (clerk, "/corrected-request", {"on": "2024-09-25"}, "open"),
        (clerk, "/consultation/start", {"on": "2024-10-08", "party": "某公司"}, "consulting"),
        (clerk, "/consultation/end", {"on": "2024-10-10", "answer": "不同意"}, "open"),
        (clerk, "/fee-notice", {"on": "2024-10-11", "method": "by_volume", "pages": 120}, "awaiting_payment"),
        (clerk, "/payment", {"on": "2024-10-14"}, "open"),
        (clerk, "/extension/request", {"on": "2024-10-15", "days": 10, "reason": "需调取档案"}, "open"),
        (office_head, "/extension/approve", {"on": "2024-10-16"}, "open"),
        (clerk, "/assign", {"assignee": "clerk"}, "open"),
        (clerk, "/notes", {"text": "已电话联系申请人"}, "open"),
        (
            clerk,
            "/reply",
            {
                "reply_type": "partial",
                "service_method": "signed",
                "served_on": "2024-11-05",
                "withheld": "商业秘密",
                "reasons": "第十五条",
            },
            "concluded",
        ),
    ]
    for actor, path, body, stage in steps:
        response = post(client, f"/{app.pk}{path}", body, **bearer(actor))
        assert response.status_code == 200, (path, response.json())
        assert response.json()["stage"] == stage, path
    case = response.json()
    assert (
        case["reply_type"] == "partial"
        and case["concluded_on"] == "2024-11-05"
        and case["assignee"] == "clerk"
    )
    assert any("延长答复期限10个工作日" in step["text"] for step in case["deadline_steps"])
    assert [e["kind"] for e in case["events"]][-1] == "replied" and case["allowed_events"] == []
    assert app.fee_notices.get().amount_yuan == 30 * 0 + 70 * 10 + 20 * 20
    audited = set(AuditEvent.objects.filter(subject_id=str(app.pk)).values_list("event", flat=True))
    assert {
        "application.fee_notice_issued",
        "application.fee_paid",
        "application.extension_approved",
        "application.assigned",
        "application.note_added",
        "application.replied",
    } <= audited


@time_machine.travel(date(2024, 10, 9))
def test_refusals_use_409_and_400_with_the_reason(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    post(client, f"/{app.pk}/correction-request", {"on": "2024-09-23", "what": "x"}, **bearer(clerk))
    refused = post(
        client,
        f"/{app.pk}/reply",
        {"reply_type": "granted", "service_method": "posted", "served_on": "2024-10-08"},
        **bearer(clerk),
    )
    assert refused.status_code == 409 and "等待补正" in refused.json()["message"]
    approve = post(client, f"/{app.pk}/extension/approve", {"on": "2024-10-08"}, **bearer(clerk))
    assert approve.status_code == 409
    future = post(client, f"/{app.pk}/corrected-request", {"on": "2024-10-30"}, **bearer(clerk))
    assert future.status_code == 400 and future.json()["where"] == "on"
    stranger = post(client, f"/{app.pk}/assign", {"assignee": "nobody"}, **bearer(clerk))
    assert stranger.status_code == 400 and stranger.json()["where"] == "assignee"


@time_machine.travel(date(2024, 10, 9))
def test_intake_and_inbox_by_api(client, agency, clerk):
    created = post(
        client,
        "/agency/anjian/intake",
        {
            "name": "王五",
            "address": "某路3号",
            "content": "预算",
            "channel": "post_ordinary",
            "received_on": "2024-10-08",
        },
        **bearer(clerk),
    )
    assert created.status_code == 201
    assert (created.json()["receipt_basis"], created.json()["channel"]) == ("confirmed", "post_ordinary")
    inbox = client.get(f"{API}/agency/anjian/inbox", {"tab": "all", "q": "王五"}, **bearer(clerk)).json()
    assert inbox["counts"]["all"] == 1 and inbox["results"][0]["applicant_name"] == "王五"


def test_session_posts_need_the_csrf_token(clerk, agency):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    response = post(client, "/token")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed" and "CSRF" in response.json()["message"]


def test_the_openapi_document_lists_the_public_and_staff_endpoints(client, db):
    assert client.get("/api/docs").status_code == 200
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in [
        "/api/applications/submit",
        "/api/applications/status/{code}",
        "/api/applications/{application_id}/reply",
        "/api/applications/{application_id}/fee-notice",
    ]:
        assert path in paths


@time_machine.travel(date(2024, 10, 9))
def test_values_the_models_would_refuse_are_refused_as_input(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    long_party = post(
        client, f"/{app.pk}/consultation/start", {"on": "2024-10-08", "party": "某" * 121}, **bearer(clerk)
    )
    assert long_party.status_code == 422 and long_party.json()["where"] == "party"
    bad_method = post(
        client,
        f"/{app.pk}/reply",
        {"reply_type": "granted", "service_method": "pigeon", "served_on": "2024-10-08"},
        **bearer(clerk),
    )
    assert bad_method.status_code == 422 and bad_method.json()["where"] == "service_method"
    assert Application.objects.get(pk=app.pk).stage == "open"
