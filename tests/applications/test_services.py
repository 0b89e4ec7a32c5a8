from datetime import date

import pytest
import time_machine
from django.core import mail

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.audit.models import AuditEvent
from gongkai.domain.cases import GiveUpReason, Stage
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ReplyType
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db(transaction=False)


@time_machine.travel(date(2024, 12, 31))
def test_a_request_walks_through_every_pause_to_its_reply_and_each_step_is_audited(
    agency, clerk, office_head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _walk_the_request(agency, clerk, office_head)
    assert {m.subject for m in mail.outbox} >= {
        "您的政府信息公开申请已收到",
        "请补正您的政府信息公开申请",
        "您的政府信息公开申请延期答复",
        "您的政府信息公开申请已答复",
    }


def _walk_the_request(agency, clerk, office_head):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk, email="zhang@example.org")
    # 20 working days after Fri 2024-09-20: National Day 10-1..7 skipped, Sun 9-29 and Sat 10-12 counted.
    assert app.due_on == date(2024, 10, 23)
    services.request_correction(app, on=date(2024, 9, 23), what="请说明所需文件的年份", actor=clerk)
    app.refresh_from_db()
    assert app.stage == Stage.AWAITING_CORRECTION and app.due_on is None
    services.record_corrected_request(app, on=date(2024, 9, 25), actor=clerk)
    app.refresh_from_db()
    assert app.received_on == date(2024, 9, 25)  # Art. 30: the clock restarts
    due_after_correction = app.due_on
    services.start_consultation(app, on=date(2024, 10, 8), party="某公司", actor=clerk)
    app.refresh_from_db()
    assert app.stage == Stage.CONSULTING and app.due_on is None
    services.end_consultation(app, on=date(2024, 10, 10), answer="不同意公开", actor=clerk)
    app.refresh_from_db()
    assert app.due_on > due_after_correction  # the consultation days are not counted
    services.request_extension(app, on=date(2024, 10, 11), days=20, reason="需调取档案", actor=clerk)
    app.refresh_from_db()
    assert app.extension_pending
    with pytest.raises(TransitionNotAllowed):
        services.approve_extension(app, on=date(2024, 10, 11), actor=clerk)  # only the office head
    before_extension = app.due_on
    services.approve_extension(app, on=date(2024, 10, 11), actor=office_head)
    app.refresh_from_db()
    assert app.due_on > before_extension and not app.extension_pending
    services.send_reply(
        app,
        reply_type=ReplyType.PARTIAL,
        service_method="posted",
        served_on=date(2024, 11, 1),
        withheld="第三方商业秘密部分",
        reasons="第十五条",
        actor=clerk,
    )
    app.refresh_from_db()
    assert (
        app.stage == Stage.CONCLUDED and app.reply_type == "partial" and app.concluded_on == date(2024, 11, 1)
    )
    events = list(AuditEvent.objects.filter(subject_id=str(app.pk)).values_list("event", flat=True))
    for expected in [
        "application.received",
        "application.correction_requested",
        "application.correction_received",
        "application.consultation_sent",
        "application.consultation_answered",
        "application.extension_requested",
        "application.extension_approved",
        "application.replied",
    ]:
        assert expected in events


@time_machine.travel(date(2024, 12, 31))
def test_fee_notice_by_count_charges_from_the_eleventh_request_of_the_month(agency, clerk):
    apps = [make_application(agency, received=date(2024, 3, 1 + i), actor=clerk) for i in range(11)]
    assert (
        services.issue_fee_notice(apps[0], on=date(2024, 3, 12), method=FeeMethod.BY_COUNT, actor=clerk)
        is None
    )
    notice = services.issue_fee_notice(apps[10], on=date(2024, 3, 12), method=FeeMethod.BY_COUNT, actor=clerk)
    assert notice is not None and notice.amount_yuan == 100 and notice.nth_in_month == 11
    apps[10].refresh_from_db()
    assert apps[10].stage == Stage.AWAITING_PAYMENT and apps[10].due_on is None
    services.give_up(apps[10], on=date(2024, 4, 15), reason=GiveUpReason.NO_FEE_PAYMENT, actor=clerk)
    apps[10].refresh_from_db()
    assert apps[10].reply_type == "other.no_fee_payment"


@time_machine.travel(date(2024, 12, 31))
def test_fee_by_pages_can_be_reduced_only_with_a_reason(agency, clerk):
    app = make_application(agency, received=date(2024, 5, 6), actor=clerk)
    with pytest.raises(InvalidInput) as error:
        services.issue_fee_notice(
            app, on=date(2024, 5, 7), method=FeeMethod.BY_VOLUME, pages=250, reduced_to_yuan=100, actor=clerk
        )
    assert error.value.where == "reduction_reason"
    notice = services.issue_fee_notice(
        app,
        on=date(2024, 5, 7),
        method=FeeMethod.BY_VOLUME,
        pages=250,
        reduced_to_yuan=1000,
        reduction_reason="困难群众",
        actor=clerk,
    )
    assert notice.computed_yuan == 4700 and notice.amount_yuan == 1000


@time_machine.travel(date(2020, 12, 31))
def test_no_fee_before_the_2020_measures_took_effect(agency, clerk):
    app = make_application(agency, received=date(2020, 6, 1), actor=clerk)
    assert (
        services.issue_fee_notice(
            app, on=date(2020, 6, 2), method=FeeMethod.BY_VOLUME, pages=500, actor=clerk
        )
        is None
    )


@time_machine.travel(date(2024, 12, 31))
def test_a_reply_cannot_be_sent_while_the_case_waits_for_correction(agency, clerk):
    app = make_application(agency, actor=clerk)
    services.request_correction(app, on=date(2024, 9, 23), what="不明确", actor=clerk)
    with pytest.raises(TransitionNotAllowed) as error:
        services.send_reply(
            app,
            reply_type=ReplyType.GRANTED,
            service_method="posted",
            served_on=date(2024, 9, 30),
            actor=clerk,
        )
    assert "等待补正" in error.value.message
    assert Application.objects.get(pk=app.pk).stage == Stage.AWAITING_CORRECTION


@time_machine.travel(date(2024, 12, 31))
def test_a_second_correction_request_is_refused(agency, clerk):
    app = make_application(agency, actor=clerk)
    services.request_correction(app, on=date(2024, 9, 23), what="不明确", actor=clerk)
    services.record_corrected_request(app, on=date(2024, 9, 24), actor=clerk)
    with pytest.raises(TransitionNotAllowed, match="只能告知一次"):
        services.request_correction(app, on=date(2024, 9, 25), what="还是不明确", actor=clerk)


@time_machine.travel(date(2024, 9, 25))
def test_an_event_in_the_future_is_refused(agency, clerk):
    app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
    with pytest.raises(InvalidInput):
        services.withdraw(app, on=date(2024, 10, 30), actor=clerk)


def test_refresh_after_calendar_change(agency, clerk):
    from gongkai.domain.workdays import CalendarEntry
    from gongkai.workcalendar.models import Source
    from gongkai.workcalendar.services import load_year

    with time_machine.travel(date(2026, 12, 18)):
        app = make_application(agency, received=date(2026, 12, 18), actor=clerk)
    app.refresh_from_db()
    assert app.provisional  # its 20 working days run into 2027, not loaded yet
    provisional_due = app.due_on
    days = [CalendarEntry(date(2027, 1, d), False, "元旦") for d in (1, 4, 5)]
    load_year(2027, days, source=Source.CSV, actor=clerk)
    app.refresh_from_db()
    assert not app.provisional
    assert app.due_on > provisional_due
    assert AuditEvent.objects.filter(event="application.deadline_recomputed", subject_id=str(app.pk)).exists()
