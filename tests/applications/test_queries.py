from dataclasses import fields
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.agencies.access import applications_for_staff
from gongkai.applications import queries, services
from gongkai.domain.outcomes import Channel, ReplyType
from gongkai.workcalendar.queries import work_calendar
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db
TODAY = date(2024, 10, 23)  # a Wednesday


def at(day, make, *args, **kwargs):
    with time_machine.travel(day):
        return make(*args, **kwargs)


@pytest.fixture
def cases(agency, clerk):
    """One case per tab on 2024-10-23, plus a concluded one and one due later."""
    built = {
        "today": at(TODAY, make_application, agency, received=date(2024, 9, 20), actor=clerk, name="今日"),
        "soon": at(
            TODAY,
            make_application,
            agency,
            received=date(2024, 9, 24),
            actor=clerk,
            name="将到期",
            channel=Channel.POST_SIGNED,
        ),
        "overdue": at(TODAY, make_application, agency, received=date(2024, 9, 10), actor=clerk, name="超期"),
        "paused": at(TODAY, make_application, agency, received=date(2024, 10, 8), actor=clerk, name="中止"),
        "approval": at(
            TODAY, make_application, agency, received=date(2024, 10, 10), actor=clerk, name="待批"
        ),
        "concluded": at(TODAY, make_application, agency, received=date(2024, 9, 2), actor=clerk, name="办结"),
        "later": at(
            TODAY,
            make_application,
            agency,
            received=date(2024, 10, 22),
            actor=clerk,
            name="新收",
            channel=Channel.EMAIL,
        ),
    }
    with time_machine.travel(TODAY):
        services.start_consultation(built["paused"], on=date(2024, 10, 9), party="某公司", actor=clerk)
        services.request_extension(
            built["approval"], on=date(2024, 10, 11), days=5, reason="档案", actor=clerk
        )
        services.send_reply(
            built["concluded"],
            reply_type=ReplyType.GRANTED,
            service_method="signed",
            served_on=date(2024, 9, 30),
            actor=clerk,
        )
    return built


def tab_refs(clerk, agency, tab, **filters):
    rows = queries.inbox_applications(
        applications_for_staff(clerk, agency),
        tab=tab,
        filters=queries.InboxFilters(**filters),
        today=TODAY,
        calendar=work_calendar(),
    )
    return {row.applicant_name for row in rows}


def test_each_tab_holds_its_cases_on_the_day_given(cases, clerk, agency):
    assert tab_refs(clerk, agency, "today") == {"今日"}
    assert tab_refs(clerk, agency, "soon") == {"将到期"}  # due 2024-10-25, within add_workdays(today, 3)
    assert tab_refs(clerk, agency, "overdue") == {"超期"}  # derived: due_on < today and not concluded
    assert tab_refs(clerk, agency, "paused") == {"中止"}
    assert tab_refs(clerk, agency, "approval") == {"待批"}
    assert len(tab_refs(clerk, agency, "all")) == 7


def test_counts_come_in_three_queries_and_follow_the_filters(cases, clerk, agency, django_assert_num_queries):
    calendar, applications = work_calendar(), applications_for_staff(clerk, agency)
    with django_assert_num_queries(3):
        counts = queries.inbox_counts(
            applications, filters=queries.InboxFilters(), today=TODAY, calendar=calendar
        )
    assert counts == {"today": 1, "soon": 1, "overdue": 1, "paused": 1, "approval": 1, "all": 7}
    by_post = queries.inbox_counts(
        applications_for_staff(clerk, agency),
        filters=queries.InboxFilters(channel="post_signed"),
        today=TODAY,
        calendar=calendar,
    )
    assert by_post["all"] == 1 and by_post["soon"] == 1 and by_post["today"] == 0


def test_overdue_moves_with_today_and_is_never_stored(cases, clerk, agency):
    rows = queries.inbox_applications(
        applications_for_staff(clerk, agency),
        tab="overdue",
        filters=queries.InboxFilters(),
        today=date(2024, 10, 24),
        calendar=work_calendar(),
    )
    assert {row.applicant_name for row in rows} == {"今日", "超期"}
    assert all(row.is_overdue for row in rows)


def test_filters_by_stage_assignee_channel_year_and_search(cases, clerk, agency):
    with time_machine.travel(TODAY):
        services.assign(cases["later"], assignee=clerk, actor=clerk)
    assert tab_refs(clerk, agency, "all", stage="consulting") == {"中止"}
    assert tab_refs(clerk, agency, "all", assignee=str(clerk.pk)) == {"新收"}
    assert len(tab_refs(clerk, agency, "all", assignee="none")) == 6
    assert tab_refs(clerk, agency, "all", channel="email") == {"新收"}
    assert len(tab_refs(clerk, agency, "all", year=2024)) == 7 and not tab_refs(
        clerk, agency, "all", year=2023
    )
    assert tab_refs(clerk, agency, "all", q="超") == {"超期"}  # applicant name
    assert tab_refs(clerk, agency, "all", q=cases["paused"].ref) == {"中止"}  # reference
    assert len(tab_refs(clerk, agency, "all", q="执法检查计划")) == 7  # content


def test_the_paused_row_carries_its_consultation_window(cases, clerk, agency):
    inbox = queries.inbox(
        applications_for_staff(clerk, agency),
        tab="paused",
        filters=queries.InboxFilters(),
        today=TODAY,
        calendar=work_calendar(),
    )
    (row,) = inbox.page.object_list
    assert row.consultation_until == date(2024, 10, 29) and row.pay_by is None and row.days_left is None


def test_the_inbox_query_is_four_queries(cases, clerk, agency, django_assert_num_queries):
    calendar, applications = work_calendar(), applications_for_staff(clerk, agency)
    with django_assert_num_queries(
        4
    ):  # the tab counts (3), then the page's rows with assignee and annotations
        inbox = queries.inbox(
            applications, tab="all", filters=queries.InboxFilters(), today=TODAY, calendar=calendar
        )
        assert [row.assignee for row in inbox.page] == [None] * 7
    assert inbox.page.paginator.count == 7 and inbox.page.paginator.num_pages == 1


def _inbox_queries(client, agency, tab):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("applications:inbox", args=[agency.slug]), {"tab": tab})
    assert response.status_code == 200
    return len(captured)


@time_machine.travel(TODAY)
def test_the_inbox_page_runs_the_same_number_of_queries_for_7_or_57_cases(
    cases, client, clerk, office_head, agency, django_assert_max_num_queries
):
    for i, app in enumerate(cases.values()):
        services.assign(app, assignee=clerk if i % 2 else office_head, actor=clerk)
    client.force_login(clerk)
    _inbox_queries(client, agency, "all")  # warm the work-calendar cache
    few = {tab: _inbox_queries(client, agency, tab) for tab in queries.TAB_LABELS}
    for i in range(50):  # every tab grows: due today, soon, overdue
        app = make_application(
            agency, received=(date(2024, 9, 20), date(2024, 9, 24), date(2024, 9, 10))[i % 3], actor=clerk
        )
        services.assign(app, assignee=clerk if i % 2 else office_head, actor=clerk)
    many = {tab: _inbox_queries(client, agency, tab) for tab in queries.TAB_LABELS}
    assert few == many
    with django_assert_max_num_queries(max(few.values())):
        client.get(reverse("applications:inbox", args=[agency.slug]), {"tab": "all", "page": "2"})


def test_public_status_carries_no_personal_data(db, agency):
    with time_machine.travel(date(2024, 9, 20)):
        app = make_application(agency, received=date(2024, 9, 20))
    status = queries.public_status(f" {app.query_code[:4].lower()}-{app.query_code[4:]} ")
    assert status is not None and status.ref == app.ref and status.stage_label == "办理中"
    assert {f.name for f in fields(status)} == {
        "ref",
        "agency",
        "stage",
        "stage_label",
        "received_on",
        "due_on",
        "provisional",
        "concluded_on",
        "reply_type",
        "reply_type_label",
    }
    assert queries.public_status("") is None and queries.public_status("NOPE") is None
