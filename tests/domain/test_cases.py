from datetime import date

import pytest

from gongkai.domain.cases import (
    CaseEvent,
    EventKind,
    GiveUpReason,
    Stage,
    allowed_events,
    derive_case,
)
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import ReplyType
from gongkai.domain.workdays import calendar_from_chinese_calendar

CAL = calendar_from_chinese_calendar()
R = EventKind


def case(*events):
    return derive_case([CaseEvent(R.RECEIVED, date(2024, 9, 20)), *events], calendar=CAL)


def test_a_fresh_case_is_open_with_its_statutory_deadline():
    state = case()
    assert state.stage == Stage.OPEN and state.due == date(2024, 10, 23)
    assert state.correction_due == date(2024, 9, 30)  # 7 working days, Sunday 9-29 a make-up workday


def test_a_correction_removes_the_deadline_until_the_corrected_request_restarts_it():
    waiting = case(CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 23)))
    assert waiting.stage == Stage.AWAITING_CORRECTION and waiting.due is None
    restarted = case(
        CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 23)),
        CaseEvent(R.CORRECTION_RECEIVED, date(2024, 10, 8)),
    )
    assert restarted.received == date(2024, 10, 8)
    assert restarted.due == CAL.add_workdays(date(2024, 10, 8), 20)


def test_a_correction_asked_after_seven_working_days_is_flagged_late():
    assert case(CaseEvent(R.CORRECTION_REQUESTED, date(2024, 10, 8))).correction_late
    assert not case(CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 30))).correction_late


def test_a_consultation_pauses_the_clock_and_its_excluded_time_is_capped_at_15_working_days():
    sent = date(2024, 9, 23)
    open_state = case(CaseEvent(R.CONSULTATION_SENT, sent))
    assert open_state.paused and open_state.due is None
    assert open_state.consultation_until == CAL.add_workdays(sent, 15)
    late_answer = case(
        CaseEvent(R.CONSULTATION_SENT, sent), CaseEvent(R.CONSULTATION_ANSWERED, date(2024, 12, 2))
    )
    capped = case(
        CaseEvent(R.CONSULTATION_SENT, sent), CaseEvent(R.CONSULTATION_ANSWERED, CAL.add_workdays(sent, 15))
    )
    assert late_answer.due == capped.due
    assert late_answer.stops[0].end == CAL.add_workdays(sent, 15)


def test_extension_needs_a_request_then_approval_and_adds_its_days():
    requested = case(CaseEvent(R.EXTENSION_REQUESTED, date(2024, 10, 8), extension_days=10))
    assert requested.extension_pending == 10 and requested.due == date(2024, 10, 23)
    approved = case(
        CaseEvent(R.EXTENSION_REQUESTED, date(2024, 10, 8), extension_days=10),
        CaseEvent(R.EXTENSION_APPROVED, date(2024, 10, 9)),
    )
    assert approved.due == CAL.add_workdays(date(2024, 10, 23), 10)


def test_an_extension_longer_than_the_law_allows_is_refused():
    with pytest.raises(TransitionNotAllowed, match="1 至 20"):
        case(CaseEvent(R.EXTENSION_REQUESTED, date(2024, 10, 8), extension_days=21))


def test_a_delayed_reply_sets_the_due_date():
    state = case(CaseEvent(R.DELAYED_REPLY_SET, date(2024, 9, 25), delayed_until=date(2024, 12, 31)))
    assert state.due == date(2024, 12, 31)


@pytest.mark.parametrize(
    ("events", "reply_type"),
    [
        ([CaseEvent(R.REPLIED, date(2024, 10, 10), reply_type=ReplyType.GRANTED)], ReplyType.GRANTED),
        (
            [
                CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 23)),
                CaseEvent(R.GIVEN_UP, date(2024, 11, 1), give_up_reason=GiveUpReason.NO_CORRECTION),
            ],
            ReplyType.OTHER_NO_CORRECTION,
        ),
        (
            [CaseEvent(R.CONSULTATION_SENT, date(2024, 9, 23)), CaseEvent(R.WITHDRAWN, date(2024, 9, 30))],
            ReplyType.OTHER_OTHER,
        ),
    ],
)
def test_each_way_of_concluding_gives_its_report_row(events, reply_type):
    state = case(*events)
    assert state.stage == Stage.CONCLUDED and state.reply_type == reply_type
    assert state.concluded_on == events[-1].on


def test_a_reply_after_the_due_date_is_late_and_overdue_is_derived_from_today():
    state = case(CaseEvent(R.REPLIED, date(2024, 10, 24), reply_type=ReplyType.GRANTED))
    assert state.concluded_late()
    assert case().is_overdue(date(2024, 10, 24)) and not case().is_overdue(date(2024, 10, 23))


def test_events_out_of_order_or_not_allowed_are_refused_with_a_reason():
    with pytest.raises(InvalidInput, match="早于前一事件"):
        case(CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 19)))
    with pytest.raises(TransitionNotAllowed, match="不能作出答复"):
        case(
            CaseEvent(R.CONSULTATION_SENT, date(2024, 9, 23)),
            CaseEvent(R.REPLIED, date(2024, 9, 24), reply_type=ReplyType.GRANTED),
        )
    with pytest.raises(TransitionNotAllowed, match="2021年1月1日前"):
        derive_case(
            [CaseEvent(R.RECEIVED, date(2020, 3, 2)), CaseEvent(R.FEE_NOTICE_ISSUED, date(2020, 3, 3))],
            calendar=CAL,
        )


def test_allowed_events_offer_only_what_the_stage_permits():
    assert R.REPLIED in allowed_events(case())
    waiting = allowed_events(case(CaseEvent(R.CORRECTION_REQUESTED, date(2024, 9, 23))))
    assert R.CORRECTION_RECEIVED in waiting and R.GIVEN_UP in waiting and R.REPLIED not in waiting
    assert allowed_events(case(CaseEvent(R.WITHDRAWN, date(2024, 9, 23)))) == []
