from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.forms import INVALID_RESIDENT_ID, NO_CONTACT
from gongkai.applications.models import Application, Letter, LetterKind
from gongkai.applications.ratelimit import NOT_ACCEPTED, RATE_LIMITED, TOO_FAST
from gongkai.audit.models import AuditEvent
from gongkai.domain.cases import Stage
from gongkai.domain.outcomes import Channel
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
VALID_ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    cache.clear()
    settings.GONGKAI_FORM_MIN_SECONDS = 0


def form_data(**overrides):
    data = {
        "applicant_type": "natural_person",
        "name": "李四",
        "id_type": "resident_id",
        "id_number": VALID_ID,
        "phone": "13900139000",
        "email": "lisi@example.org",
        "address": "某市某区某路2号",
        "content": "2023年度行政处罚决定书目录",
        "delivery_form": "electronic",
        "homepage": "",
    }
    data.update(overrides)
    return data


def submit(client, agency, **overrides):
    started = client.get(reverse("applications:apply", args=[agency.slug])).context["form"]["started"].value()
    return client.post(
        reverse("applications:apply", args=[agency.slug]), {**form_data(**overrides), "started": started}
    )


# --- the public form, receipt and status -------------------------------------------------------


def test_the_public_form_asks_who_what_and_how_but_never_why(client, agency):
    response = client.get(reverse("applications:apply", args=[agency.slug]))
    page = response.content.decode()
    for label in [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "居民身份证",
        "获取信息的方式",
        "纸质文本",
    ]:
        assert label in page
    labels = " ".join(str(field.label) for field in response.context["form"])
    assert "用途" not in labels and "需要" not in labels  # the 2019 Regulation dropped "special needs"


@time_machine.travel(date(2024, 9, 20), tick=False)
def test_submitting_gives_a_receipt_with_query_code_and_e_mails_the_applicant(
    client, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, agency)
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:receipt", args=[application.query_code])
    assert (application.channel, application.source, application.receipt_basis) == (
        "online",
        "online_form",
        "both_confirmed",
    )
    assert application.received_on == date(2024, 9, 20) and application.due_on == date(2024, 10, 23)
    receipt = client.get(response["Location"]).content.decode()
    assert (
        application.query_code in receipt
        and "政府信息公开申请回执" in receipt
        and "2024年10月23日" in receipt
    )
    assert "李四" not in receipt and VALID_ID not in receipt
    assert [m.subject for m in mail.outbox] == ["您的政府信息公开申请已收到"]
    assert application.query_code in mail.outbox[0].body
    assert AuditEvent.objects.get(event="application.received").actor_label == "网上申请"


def test_a_resident_id_with_a_wrong_check_digit_is_refused(client, agency):
    response = submit(client, agency, id_number="110105194912310021")
    assert response.status_code == 200
    assert INVALID_RESIDENT_ID in response.content.decode()
    assert not Application.objects.exists()


def test_an_organisation_gives_its_type_and_needs_some_contact(client, agency):
    response = submit(
        client,
        agency,
        applicant_type="research",
        name="某研究院",
        id_type="credit_code",
        id_number="12100000400000624D",
        phone="",
        email="",
        address="",
    )
    assert NO_CONTACT in response.content.decode()
    response = submit(
        client,
        agency,
        applicant_type="research",
        name="某研究院",
        id_type="credit_code",
        id_number="12100000400000624D",
        contact_person="王五",
    )
    assert response.status_code == 302
    assert Application.objects.get().applicant_type == "research"


def test_the_honeypot_and_a_too_quick_submission_are_refused(client, agency, settings):
    assert NOT_ACCEPTED in submit(client, agency, homepage="http://spam.example").content.decode()
    settings.GONGKAI_FORM_MIN_SECONDS = 60
    assert TOO_FAST in submit(client, agency).content.decode()
    forged = client.post(
        reverse("applications:apply", args=[agency.slug]), {**form_data(), "started": "forged"}
    )
    assert NOT_ACCEPTED in forged.content.decode()
    assert not Application.objects.exists()


@time_machine.travel(date(2024, 9, 20))
def test_an_address_may_submit_five_requests_in_ten_minutes(client, agency):
    for _ in range(5):
        assert submit(client, agency).status_code == 302
    refused = submit(client, agency)
    assert refused.status_code == 429 and RATE_LIMITED in refused.content.decode()
    assert Application.objects.count() == 5


@time_machine.travel(date(2024, 10, 9))
def test_the_status_page_shows_stage_and_dates_and_nothing_about_the_applicant(client, agency, clerk):
    app = make_application(
        agency, received=date(2024, 9, 20), actor=clerk, name="张三", email="zs@example.org"
    )
    services.request_correction(app, on=date(2024, 9, 23), what="请说明年份", actor=clerk)
    response = client.get(reverse("applications:status"), {"code": app.query_code.lower()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "等待补正" in page and app.ref in page and agency.name in page and "2024年9月20日" in page
    for secret in [
        "张三",
        "11010519491231002X",
        "13800138000",
        "zs@example.org",
        "某市某路1号",
        "请说明年份",
    ]:
        assert secret not in page


def test_an_unknown_query_code_is_not_found(client, db):
    response = client.get(reverse("applications:status"), {"code": "NOPE"})
    assert response.status_code == 404 and "没有找到" in response.content.decode()
    assert client.get(reverse("applications:receipt", args=["NOPE"])).status_code == 404


# --- intake ------------------------------------------------------------------------------------


@time_machine.travel(date(2024, 10, 9))
def test_intake_records_the_channel_and_the_rule_that_gave_the_receipt_date(client, agency, clerk):
    client.force_login(clerk)
    page = client.get(reverse("applications:intake", args=[agency.slug])).content.decode()
    assert "邮寄（签收）（收到日期：本机关签收之日）" in page and "平信（收到日期：与申请人确认之日）" in page
    data = {**form_data(), "channel": "post_signed", "received_on": "2024-09-20", "id_number": ""}
    response = client.post(reverse("applications:intake", args=[agency.slug]), data)
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "applications:case", args=[application.pk]
    )
    assert (application.channel, application.receipt_basis, application.source) == (
        "post_signed",
        "signed_for",
        "intake",
    )
    case_page = client.get(response["Location"]).content.decode()
    assert "本机关签收之日" in case_page and "第三十一条" in case_page


@time_machine.travel(date(2024, 10, 9))
def test_intake_refuses_a_receipt_date_in_the_future(client, agency, clerk):
    client.force_login(clerk)
    data = {**form_data(), "channel": "in_person", "received_on": "2024-10-10"}
    response = client.post(reverse("applications:intake", args=[agency.slug]), data)
    assert "日期不能晚于今天" in response.content.decode()
    assert not Application.objects.exists()


# --- the inbox ---------------------------------------------------------------------------------


@time_machine.travel(date(2024, 10, 23))
def test_the_inbox_shows_tabs_with_counts_and_searches_staff_fields(client, agency, clerk):
    due_today = make_application(agency, received=date(2024, 9, 20), actor=clerk, name="王今日")
    make_application(agency, received=date(2024, 9, 10), actor=clerk, name="赵超期")  # due 2024-10-15
    client.force_login(clerk)
    page = client.get(reverse("applications:inbox", args=[agency.slug])).content.decode()
    for tab in ["今日到期", "3个工作日内到期", "已超期", "中止中", "待审批", "全部"]:
        assert tab in page
    assert due_today.ref in page and "王今日" in page and "赵超期" not in page
    overdue = client.get(reverse("applications:inbox", args=[agency.slug]), {"tab": "overdue"}, **HTMX)
    assert (
        "赵超期" in overdue.content.decode() and "<html" not in overdue.content.decode()
    )  # an htmx fragment
    found = client.get(
        reverse("applications:inbox", args=[agency.slug]), {"tab": "all", "q": "赵"}
    ).content.decode()
    assert "赵超期" in found and "王今日" not in found


# --- the case page and its actions ---------------------------------------------------------------


@time_machine.travel(date(2024, 10, 9))
def test_the_case_page_explains_the_deadline_and_offers_only_allowed_actions(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    page = client.get(reverse("applications:case", args=[app.pk])).content.decode()
    assert (
        "2024年10月23日" in page and "跳过节假日" in page and "第三十三条" in page
    )  # the steps, with articles
    assert "张三" in page and "11010519491231002X" in page  # its own agency's staff see the applicant
    assert 'id="action-correction"' in page and 'id="action-reply"' in page
    assert 'id="action-payment"' not in page and 'id="action-corrected"' not in page
    assert 'id="action-extension_approve"' not in page  # office head only
    assert "已超过收到申请之日起7个工作日" in page  # 2024-10-09 is past the Art. 30 window (2024-10-08)


@time_machine.travel(date(2024, 9, 23))
def test_an_htmx_action_swaps_the_case_body_and_is_audited(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case_action", args=[app.pk, "correction"])
    response = client.post(url, {"on": "2024-09-23", "what": "请写明文件年份"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<div id="case-body">')
    assert "已登记补正告知" in body and "等待补正" in body and 'id="action-corrected"' in body
    assert Application.objects.get(pk=app.pk).stage == Stage.AWAITING_CORRECTION
    assert AuditEvent.objects.filter(
        event="application.correction_requested", subject_id=str(app.pk)
    ).exists()
    assert "<td>收到申请</td>" in body and "<td>告知补正</td>" in body  # the case's audit trail


@time_machine.travel(date(2024, 9, 23))
def test_an_action_without_htmx_redirects_back_to_the_case(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case_action", args=[app.pk, "note"])
    response = client.post(url, {"text": "申请人来电询问"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("applications:case", args=[app.pk])
    page = response.content.decode()
    assert "已添加内部备注" in page and "申请人来电询问" in page
    assert '<button type="submit" class="primary">添加内部备注</button>' in page


@time_machine.travel(date(2024, 10, 9))
def test_a_refused_transition_shows_the_reason_in_chinese_on_the_form(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    services.request_extension(app, on=date(2024, 10, 8), days=10, reason="需调取档案", actor=clerk)
    client.force_login(clerk)
    page = client.get(reverse("applications:case", args=[app.pk])).content.decode()
    assert "延期申请（10个工作日）待公开工作机构负责人审批" in page
    response = client.post(
        reverse("applications:case_action", args=[app.pk, "extension_approve"]), {"on": "2024-10-09"}
    )
    assert response.status_code == 400
    assert "延期答复须经政府信息公开工作机构负责人同意" in response.content.decode()
    assert Application.objects.get(pk=app.pk).extension_pending


@time_machine.travel(date(2024, 10, 9))
def test_the_office_head_approves_an_extension_from_the_case_page(client, agency, clerk, office_head):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    services.request_extension(app, on=date(2024, 10, 8), days=10, reason="需调取档案", actor=clerk)
    client.force_login(office_head)
    assert (
        'id="action-extension_approve"'
        in client.get(reverse("applications:case", args=[app.pk])).content.decode()
    )
    client.post(reverse("applications:case_action", args=[app.pk, "extension_approve"]), {"on": "2024-10-09"})
    app.refresh_from_db()
    assert not app.extension_pending and app.due_on == date(2024, 11, 6)


@time_machine.travel(date(2024, 10, 9))
def test_a_partial_reply_must_say_what_was_withheld_and_why(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case_action", args=[app.pk, "reply"])
    data = {"reply_type": "partial", "service_method": "posted", "served_on": "2024-10-08"}
    refused = client.post(url, data, **HTMX).content.decode()
    assert "部分公开必须写明不予公开的内容及理由" in refused and '<details id="action-reply" open>' in refused
    client.post(url, {**data, "withheld": "第三方商业秘密", "reasons": "第十五条"}, **HTMX)
    app.refresh_from_db()
    assert (app.stage, app.reply_type, app.concluded_on) == ("concluded", "partial", date(2024, 10, 8))
    assert app.reply.service_method == "posted"  # the posting day counts (国办公开办函〔2016〕235号)


@time_machine.travel(date(2024, 10, 9))
def test_fee_preview_and_notice_by_pages_with_a_reduction(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    preview = client.get(
        reverse("applications:fee_preview", args=[app.pk]), {"method": "by_volume", "pages": "250"}
    )
    assert "4700" in preview.content.decode()
    page = client.get(reverse("applications:case", args=[app.pk])).content.decode()
    assert "本自然月第1件申请，在免费范围内" in page
    url = reverse("applications:case_action", args=[app.pk, "fee_notice"])
    body = client.post(
        url,
        {
            "on": "2024-10-08",
            "method": "by_volume",
            "pages": "250",
            "reduced_to_yuan": "1000",
            "reduction_reason": "困难群众",
        },
        **HTMX,
    ).content.decode()
    assert "应缴 1000 元" in body and "等待缴费" in body
    notice = app.fee_notices.get()
    assert (notice.computed_yuan, notice.amount_yuan, notice.reduction_reason) == (4700, 1000, "困难群众")


@time_machine.travel(date(2024, 10, 9))
def test_a_consultation_shows_its_fifteen_working_day_window(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case_action", args=[app.pk, "consultation_start"])
    body = client.post(
        url, {"on": "2024-09-24", "party": "某科技公司", "party_contact": "010-12345678"}, **HTMX
    ).content.decode()
    # 15 working days after Tue 2024-09-24, skipping National Day week and counting the make-up Saturday.
    assert "某科技公司" in body and "2024-10-18" in body and "征求意见中" in body


@time_machine.travel(date(2024, 10, 9))
def test_assignment_is_listed_and_audited(client, agency, clerk, office_head):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(office_head)
    client.post(reverse("applications:case_action", args=[app.pk, "assign"]), {"assignee": clerk.pk}, **HTMX)
    app.refresh_from_db()
    assert app.assignee == clerk
    assert AuditEvent.objects.get(event="application.assigned").after == {"assignee": "clerk"}
    mine = client.get(reverse("applications:inbox", args=[agency.slug]), {"tab": "all", "assignee": clerk.pk})
    assert app.ref in mine.content.decode()


@time_machine.travel(date(2024, 10, 9))
def test_a_stored_letter_streams_to_staff_as_an_attachment(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    letter = Letter(application=app, kind="acknowledgement", template_version="test", created_by=clerk)
    letter.file.save("acknowledgement-test.docx", ContentFile(b"PK\x03\x04 test"), save=True)
    client.force_login(clerk)
    assert (
        reverse("applications:letter_download", args=[app.pk, letter.pk])
        in client.get(reverse("applications:case", args=[app.pk])).content.decode()
    )
    response = client.get(reverse("applications:letter_download", args=[app.pk, letter.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"PK")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert "attachment" in response["Content-Disposition"] and "no-cache" in response["Cache-Control"]


@time_machine.travel(date(2024, 10, 9))
def test_generating_the_reply_letter_gives_a_docx(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    services.send_reply(
        app,
        reply_type=services.ReplyType.GRANTED,
        service_method="posted",
        served_on=date(2024, 10, 8),
        actor=clerk,
    )
    client.force_login(clerk)
    body = client.post(
        reverse("applications:case_action", args=[app.pk, "letter"]), {"kind": "reply"}, **HTMX
    ).content.decode()
    letter = app.letters.get()
    assert "已生成政府信息公开申请答复书" in body
    download = client.get(reverse("applications:letter_download", args=[app.pk, letter.pk]))
    content = b"".join(download.streaming_content)
    assert content.startswith(b"PK") and b"word/document.xml" in content


@time_machine.travel(date(2024, 10, 9))
def test_the_case_page_runs_the_same_number_of_queries_with_5_or_50_cases(client, agency, clerk):
    apps = [make_application(agency, received=date(2024, 9, 2 + i % 20), actor=clerk) for i in range(5)]
    services.add_note(apps[0], text="备注", actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case", args=[apps[0].pk])
    client.get(url)  # warm the work-calendar cache
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    for i in range(45):
        make_application(agency, received=date(2024, 9, 2 + i % 20), actor=clerk, channel=Channel.EMAIL)
    services.add_note(apps[0], text="第二条备注", actor=clerk)
    with CaptureQueriesContext(connection) as fifty:
        client.get(url)
    assert len(five) == len(fifty), [q["sql"] for q in fifty.captured_queries]


@time_machine.travel(date(2024, 10, 9))
def test_a_letter_that_cannot_be_generated_yet_says_why(client, agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    client.force_login(clerk)
    url = reverse("applications:case_action", args=[app.pk, "letter"])
    body = client.post(url, {"kind": "reply"}, **HTMX).content.decode()
    from gongkai.applications.letters.render import NOT_READY

    assert NOT_READY[LetterKind.REPLY] in body and '<ul class="errorlist"' in body
    assert not app.letters.exists()
