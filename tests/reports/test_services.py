"""Publishing, the gate on errors with the leaders' recorded override, and the locked year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.applications import services as applications
from gongkai.audit.models import AuditEvent
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import ReplyType
from gongkai.reports import services
from gongkai.reports.manual import NOT_ENTERED_BY_HAND
from gongkai.reports.models import AnnualReport, ManualEntry, Status
from gongkai.reports.queries import compile_report
from tests import factories
from tests.reports.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(agency):
    return factories.staff(agency, "leader", username="leader")


def _write_prose(agency, year, actor):
    services.save_section(agency, year, key="overview", text="新收申请{新收申请}件。", actor=actor)
    services.save_section(agency, year, key="problems", text="人员不足。", actor=actor)


def test_a_report_with_errors_cannot_be_published(agency, office_head):
    make_case(agency, received=date(2024, 3, 1), concluded=date(2024, 3, 5))
    services.save_section(agency, 2024, key="overview", text="新收申请{新收申请}件。", actor=office_head)
    compiled = compile_report(agency, 2024)
    assert [f.code for f in compiled.errors] == ["narrative.missing"]  # 五、存在的主要问题及改进情况
    with pytest.raises(TransitionNotAllowed) as error:
        services.publish_report(agency, 2024, actor=office_head)
    assert error.value.message == services.HAS_ERRORS.format(count=1)
    with pytest.raises(TransitionNotAllowed) as error:  # only a leader may override
        services.publish_report(agency, 2024, actor=office_head, override_reason="时间紧")
    assert error.value.message == services.OVERRIDE_NEEDS_LEADER
    assert not AnnualReport.objects.filter(status=Status.PUBLISHED).exists()


def test_a_leader_may_publish_over_errors_with_a_recorded_reason(agency, leader):
    make_case(agency, received=date(2024, 3, 1), concluded=date(2024, 3, 5))
    report = services.publish_report(
        agency, 2024, actor=leader, override_reason="按上级要求先行公开，正文另行补充"
    )
    assert report.status == Status.PUBLISHED and report.locked
    assert report.override_reason == "按上级要求先行公开，正文另行补充"
    assert report.tables["applications"]["granted"]["total"] == 1
    assert {f["code"] for f in report.findings} == {"narrative.missing"}
    event = AuditEvent.objects.get(event="report.published_with_errors")
    assert event.note == report.override_reason and event.after["errors"] == 2


def test_a_clean_report_is_published_and_locks_the_year(agency, office_head, clerk):
    make_case(agency, received=date(2024, 3, 1), concluded=date(2024, 3, 5))
    _write_prose(agency, 2024, clerk)
    with pytest.raises(TransitionNotAllowed):
        services.publish_report(agency, 2024, actor=clerk)  # a clerk does not publish
    report = services.publish_report(agency, 2024, actor=office_head)
    assert report.locked and report.published_by == office_head and report.override_reason == ""
    assert report.published_sections["overview"] == "新收申请1件。"
    assert AuditEvent.objects.filter(event="report.published", subject_id=str(report.pk)).exists()


def test_a_later_change_to_a_case_concluded_in_a_locked_year_needs_a_reason_and_reopens_it(
    agency, office_head, clerk
):
    make_case(agency, received=date(2024, 3, 1), concluded=date(2024, 3, 5))
    other = make_case(agency, received=date(2024, 3, 2))
    _write_prose(agency, 2024, clerk)
    published = services.publish_report(agency, 2024, actor=office_head)
    # an event that does not move the case within 2024 needs no reason
    applications.add_note(other, text="催办", actor=clerk)
    applications.send_reply(
        other, reply_type=ReplyType.GRANTED, service_method="posted", served_on=date(2025, 1, 6), actor=clerk
    )
    assert not AnnualReport.objects.filter(version=2).exists()
    # a reply backdated into 2024 changes the 2024 table: refused without a reason…
    late = make_case(agency, received=date(2024, 12, 1))
    with pytest.raises(TransitionNotAllowed) as error:
        applications.send_reply(
            late,
            reply_type=ReplyType.GRANTED,
            service_method="posted",
            served_on=date(2024, 12, 20),
            actor=clerk,
        )
    assert error.value.message == services.YEAR_LOCKED.format(year=2024)
    # …and with one it goes through and reopens the report as version 2
    applications.send_reply(
        late,
        reply_type=ReplyType.PARTIAL,
        service_method="posted",
        served_on=date(2024, 12, 20),
        withheld="个人信息",
        reasons="漏登的答复，按原件补录",
        actor=clerk,
    )
    published.refresh_from_db()
    draft = AnnualReport.objects.get(agency=agency, year=2024, version=2)
    assert not published.locked and published.status == Status.PUBLISHED  # still what the public sees
    assert draft.status == Status.DRAFT and draft.reopened_reason == "漏登的答复，按原件补录"
    assert draft.sections.count() == 2  # the prose carries over
    assert AuditEvent.objects.filter(event="report.reopened", note="漏登的答复，按原件补录").exists()


def test_a_manual_entry_in_a_locked_year_needs_a_reason(agency, office_head, clerk):
    _write_prose(agency, 2024, clerk)
    services.publish_report(agency, 2024, actor=office_head)
    key = "proactive.licensing.decisions"
    with pytest.raises(TransitionNotAllowed):
        services.save_manual_entry(agency, 2024, key=key, value=Decimal(12), actor=clerk)
    entry = services.save_manual_entry(
        agency, 2024, key=key, value=Decimal(12), actor=clerk, reason="补报许可数"
    )
    assert entry.entered_by == clerk and AnnualReport.objects.filter(version=2).exists()


def test_manual_entries_are_audited_and_record_derived_figures_are_refused(agency, clerk):
    entry = services.save_manual_entry(
        agency, 2024, key="proactive.fees.amount_10k_yuan", value=Decimal("3.5"), actor=clerk
    )
    assert entry.entered_by == clerk and entry.entered_at is not None
    event = AuditEvent.objects.get(event="report.manual_entry_saved")
    assert event.before["value"] is None and event.after["value"] == "3.5"
    assert compile_report(agency, 2024).tables.proactive["fees"] == {"amount_10k_yuan": 3.5}
    for key in ("applications.new.total", "extra.requests.received.value", "disputes.review.total"):
        with pytest.raises(InvalidInput) as error:
            services.save_manual_entry(agency, 2024, key=key, value=Decimal(1), actor=clerk)
        assert error.value.message == NOT_ENTERED_BY_HAND
    with pytest.raises(InvalidInput):
        services.save_manual_entry(
            agency, 2024, key="proactive.licensing.decisions", value=Decimal("1.5"), actor=clerk
        )
    services.save_manual_entry(agency, 2024, key="proactive.fees.amount_10k_yuan", value=None, actor=clerk)
    assert not ManualEntry.objects.exists()


def test_last_year_s_published_figures_are_the_continuity_check(agency, office_head, leader, clerk):
    """A case of 2024 changed after 2024 was published (with a reason) breaks 2025's continuity
    against the published 2024 report: an error that blocks publishing 2025 without an override."""
    case = make_case(agency, received=date(2024, 12, 2))
    _write_prose(agency, 2024, clerk)
    services.publish_report(agency, 2024, actor=office_head)
    applications.send_reply(
        case,
        reply_type=ReplyType.GRANTED,
        service_method="posted",
        served_on=date(2024, 12, 23),
        reasons="补录：当年已答复",
        actor=clerk,
    )
    _write_prose(agency, 2025, clerk)
    compiled = compile_report(agency, 2025)
    assert {f.code for f in compiled.errors} == {"continuity.carried_over"}
    with pytest.raises(TransitionNotAllowed):
        services.publish_report(agency, 2025, actor=office_head)
    report = services.publish_report(agency, 2025, actor=leader, override_reason="2024年报告正在修订")
    assert report.override_reason == "2024年报告正在修订"


def test_start_report_changes_the_format_of_the_draft(agency, clerk):
    report = services.start_report(agency, 2024, actor=clerk)
    assert report.template == "2021"
    assert services.start_report(agency, 2024, actor=clerk, template="2019").template == "2019"
    assert compile_report(agency, 2024).template == "2019"
    with pytest.raises(InvalidInput):
        services.start_report(agency, 2024, actor=clerk, template="1999")
