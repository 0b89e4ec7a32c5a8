from datetime import date

import pytest
import time_machine
from django.core import mail

from gongkai.applications import services
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_case(agency, clerk):
    clerk.email = "clerk@example.org"
    clerk.save(update_fields=["email"])
    with time_machine.travel(date(2024, 9, 20)):
        app = make_application(agency, received=date(2024, 9, 20), actor=clerk)
        services.assign(app, assignee=clerk, actor=clerk)
    return app  # due 2024-10-23


def test_notify_warns_the_clerk_three_working_days_ahead_and_only_once(assigned_case, gongkai):
    with time_machine.travel(date(2024, 10, 17)):  # 4 working days before: nothing yet
        assert "已发送提醒 0 封" in gongkai("notify").out
    with time_machine.travel(date(2024, 10, 18)):  # Fri; due Wed 10-23 is 3 working days later
        assert "已发送提醒 1 封" in gongkai("notify").out
        assert "已发送提醒 0 封" in gongkai("notify").out
    assert [m.to for m in mail.outbox] == [["clerk@example.org"]]
    assert "3个工作日内到期" in mail.outbox[0].subject


def test_notify_sends_an_overdue_warning_once(assigned_case, gongkai):
    with time_machine.travel(date(2024, 10, 24)):
        gongkai("notify")
        gongkai("notify")
    overdue = [m for m in mail.outbox if m.subject.startswith("已超期")]
    assert len(overdue) == 1


def test_a_concluded_case_gets_no_reminder(assigned_case, clerk, gongkai):
    from gongkai.domain.outcomes import ReplyType

    with time_machine.travel(date(2024, 10, 18)):
        services.send_reply(
            assigned_case,
            reply_type=ReplyType.GRANTED,
            service_method="posted",
            served_on=date(2024, 10, 18),
            actor=clerk,
        )
        assert "已发送提醒 0 封" in gongkai("notify").out


def test_applicant_without_email_gets_no_mail_and_with_email_gets_the_receipt(
    agency, clerk, django_capture_on_commit_callbacks
):
    with time_machine.travel(date(2024, 9, 20)), django_capture_on_commit_callbacks(execute=True):
        make_application(agency, received=date(2024, 9, 20), actor=clerk)
        app = make_application(agency, received=date(2024, 9, 20), actor=clerk, email="a@example.org")
    assert len(mail.outbox) == 1
    assert app.query_code in mail.outbox[0].body
    assert "11010519491231002X" not in mail.outbox[0].body
