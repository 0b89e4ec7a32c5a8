"""The supervising government's roll-up, and the reminders before the deadline."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.domain.outcomes import ReplyType
from gongkai.reports import services
from gongkai.reports.models import ReportReminder
from gongkai.reports.queries import rollup
from gongkai.reports.reminders import reminder_stage, send_report_reminders
from gongkai.reports.schedule import report_deadline
from tests import factories
from tests.reports.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(agency):
    city = factories.AgencyFactory(slug="city", name="某市人民政府", is_government=True)
    agency.parent = city
    agency.save(update_fields=["parent"])
    return city


def _department(city, slug, name):
    department = factories.AgencyFactory(slug=slug, name=name, parent=city)
    return department


def test_the_roll_up_says_who_published_who_is_late_and_sums_the_tables(city, agency, office_head):
    water = _department(city, "water", "某市水务局")
    make_case(agency, received=date(2024, 2, 1), concluded=date(2024, 2, 5))
    make_case(water, received=date(2024, 5, 1), concluded=date(2024, 5, 6), reply=ReplyType.PARTIAL)
    make_case(water, received=date(2024, 12, 1))
    services.save_section(agency, 2024, key="overview", text="概述", actor=office_head)
    services.save_section(agency, 2024, key="problems", text="问题", actor=office_head)
    with time_machine.travel(date(2025, 1, 20), tick=False):
        services.publish_report(agency, 2024, actor=office_head)
    result = rollup(city, 2024, today=date(2025, 2, 10))
    status = {row.agency.slug: row.status for row in result.rows}
    assert status == {"city": "not_started", "anjian": "published", "water": "late"}
    assert [row.agency.slug for row in result.late] == ["water"]
    assert result.rows[0].agency == city  # the government first
    assert {row.agency.slug for row in result.with_errors} == {"city", "water"}  # no prose yet
    totals = result.totals.applications
    assert totals["new"]["total"] == 3 and totals["granted"]["total"] == 1 and totals["partial"]["total"] == 1
    assert result.history["new"][2024] == {"某市人民政府": 0, "某市应急管理局": 1, "某市水务局": 2}


def test_the_government_s_own_report_is_due_on_31_march():
    assert report_deadline(2024, is_government=False) == date(2025, 1, 31)
    assert report_deadline(2024, is_government=True) == date(2025, 3, 31)
    assert report_deadline(2017, is_government=False) == date(2018, 3, 31)  # 2008 Regulation Art. 31


def test_the_roll_up_costs_the_same_queries_for_more_agencies(city, agency):
    make_case(agency, received=date(2024, 2, 1))
    with CaptureQueriesContext(connection) as two:
        rollup(city, 2024, today=date(2025, 6, 30))
    for i in range(6):
        department = _department(city, f"dept-{i}", f"部门{i}")
        make_case(department, received=date(2024, 3, 1), concluded=date(2024, 3, 4))
    with CaptureQueriesContext(connection) as eight:
        result = rollup(city, 2024, today=date(2025, 6, 30))
    assert len(result.rows) == 8 and len(eight) == len(two)


def test_reminders_go_to_office_heads_once_per_stage(city, agency, office_head):
    office_head.email = "head@example.org"
    office_head.save()
    head_of_city = factories.staff(city, "office_head", username="cityhead")
    head_of_city.email = "city@example.org"
    head_of_city.save()
    assert send_report_reminders(today=date(2024, 12, 20)) == 0  # 2023's reports: no longer chased
    assert send_report_reminders(today=date(2025, 1, 5)) == 1  # a month before 31 January: the department
    assert send_report_reminders(today=date(2025, 1, 6)) == 0  # idempotent
    assert send_report_reminders(today=date(2025, 1, 26)) == 1  # the week before
    assert send_report_reminders(today=date(2025, 2, 1)) == 1  # late
    assert send_report_reminders(today=date(2025, 3, 5)) == 1  # the government: a month before 31 March
    assert [m.to for m in mail.outbox] == [["head@example.org"]] * 3 + [["city@example.org"]]
    assert "已逾期" in mail.outbox[2].subject
    assert set(ReportReminder.objects.values_list("stage", flat=True)) == {"month", "week", "overdue"}


def test_no_reminder_once_the_report_is_published(city, agency, office_head):
    office_head.email = "head@example.org"
    office_head.save()
    services.save_section(agency, 2024, key="overview", text="概述", actor=office_head)
    services.save_section(agency, 2024, key="problems", text="问题", actor=office_head)
    services.publish_report(agency, 2024, actor=office_head)
    assert send_report_reminders(today=date(2025, 1, 26)) == 0


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (date(2024, 12, 31), None),
        (date(2025, 1, 1), "month"),
        (date(2025, 1, 24), "week"),
        (date(2025, 2, 1), "overdue"),
        (date(2025, 4, 2), None),
    ],
)
def test_reminder_stages(today, stage):
    assert reminder_stage(today, date(2025, 1, 31)) == stage


def test_the_reminders_command(gongkai, city, agency, office_head):
    office_head.email = "head@example.org"
    office_head.save()
    result = gongkai("report_reminders", "--today", "2025-01-26")
    assert result.code == 0 and "1 封" in result.out
    assert gongkai("report_reminders", "--today", "2025-01-26").out.strip().endswith("0 封")
    assert gongkai("report_reminders", "--today", "26/01/2025").code == 2
