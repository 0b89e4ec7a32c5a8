"""A disclosure request's state and dates, derived from its clock events alone.

Every date of a case follows from the recorded events (domain.md §5): nothing about the clock is
stored that could drift. ``derive_case`` folds the events; ``check_allowed`` says whether a new
event may follow them, with the reason in Chinese when it may not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from gongkai.domain.deadlines import (
    MAX_EXTENSION,
    ClockStop,
    Deadline,
    Rules,
    StopReason,
    consultation_window_end,
    correction_window_end,
    deadline,
    fee_payment_window_end,
    rules_in_force,
)
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import ReplyType
from gongkai.domain.workdays import WorkCalendar

FEES_IN_FORCE_FROM = date(2021, 1, 1)  # 国办函〔2020〕109号 applies from 2021-01-01


class EventKind(StrEnum):
    RECEIVED = "received"  # 2019 Art. 31: the date fixed by the channel's rule
    RECEIPT_CORRECTED = "receipt_corrected"  # staff correct the receipt date, with a reason
    CORRECTION_REQUESTED = "correction_requested"  # 补正告知, 2019 Art. 30
    CORRECTION_RECEIVED = "correction_received"  # the clock restarts from this day
    CONSULTATION_SENT = "consultation_sent"  # 征求第三方/其他机关意见, Art. 32, 34
    CONSULTATION_ANSWERED = "consultation_answered"
    FEE_NOTICE_ISSUED = "fee_notice_issued"  # 收费通知, 国办函〔2020〕109号
    FEE_PAID = "fee_paid"
    EXTENSION_REQUESTED = "extension_requested"  # 延期答复, Art. 33(2)
    EXTENSION_APPROVED = "extension_approved"
    EXTENSION_REJECTED = "extension_rejected"
    DELAYED_REPLY_SET = "delayed_reply_set"  # 延迟答复, Art. 35
    REPLIED = "replied"  # the day the applicant signs, or the day it is posted (国办公开办函〔2016〕235号)
    GIVEN_UP = "given_up"  # no correction / no payment in time: treated as given up
    WITHDRAWN = "withdrawn"


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.RECEIVED: "收到申请",
    EventKind.RECEIPT_CORRECTED: "更正收到日期",
    EventKind.CORRECTION_REQUESTED: "告知补正",
    EventKind.CORRECTION_RECEIVED: "收到补正后的申请",
    EventKind.CONSULTATION_SENT: "发出征求意见函",
    EventKind.CONSULTATION_ANSWERED: "收到征求意见答复",
    EventKind.FEE_NOTICE_ISSUED: "送达收费通知",
    EventKind.FEE_PAID: "申请人缴费",
    EventKind.EXTENSION_REQUESTED: "申请延期答复",
    EventKind.EXTENSION_APPROVED: "批准延期",
    EventKind.EXTENSION_REJECTED: "不批准延期",
    EventKind.DELAYED_REPLY_SET: "决定延迟答复",
    EventKind.REPLIED: "作出答复",
    EventKind.GIVEN_UP: "视为放弃申请",
    EventKind.WITHDRAWN: "申请人撤回申请",
}


class Stage(StrEnum):
    OPEN = "open"  # the clock runs
    AWAITING_CORRECTION = "awaiting_correction"  # no deadline until the corrected request arrives
    CONSULTING = "consulting"  # paused
    AWAITING_PAYMENT = "awaiting_payment"  # paused
    CONCLUDED = "concluded"


STAGE_LABELS: dict[Stage, str] = {
    Stage.OPEN: "办理中",
    Stage.AWAITING_CORRECTION: "等待补正",
    Stage.CONSULTING: "征求意见中（期限中止）",
    Stage.AWAITING_PAYMENT: "等待缴费（期限中止）",
    Stage.CONCLUDED: "已办结",
}


class GiveUpReason(StrEnum):
    NO_CORRECTION = "no_correction"  # 表三（六）1
    NO_FEE_PAYMENT = "no_fee_payment"  # 表三（六）2


@dataclass(frozen=True)
class CaseEvent:
    kind: EventKind
    on: date
    extension_days: int = 0  # EXTENSION_REQUESTED / APPROVED
    delayed_until: date | None = None  # DELAYED_REPLY_SET
    reply_type: ReplyType | None = None  # REPLIED
    give_up_reason: GiveUpReason | None = None  # GIVEN_UP


@dataclass(frozen=True)
class CaseState:
    stage: Stage
    received: date  # the date the clock runs from (after a correction: the corrected request)
    rules: Rules
    deadline: Deadline | None  # None while awaiting a correction
    stops: tuple[ClockStop, ...] = ()
    extension_days: int = 0
    extension_pending: int = 0  # days asked for and not yet decided
    delayed_until: date | None = None
    concluded_on: date | None = None
    reply_type: ReplyType | None = None
    correction_requested: bool = False
    correction_due: date | None = None  # 7 working days from receipt (Art. 30)
    correction_late: bool = False  # asked after that window
    consultation_until: date | None = None  # the 15-working-day window of an open consultation
    payment_due: date | None = None  # the 20-working-day window of an open fee notice
    kinds: frozenset[EventKind] = field(default_factory=frozenset)

    @property
    def due(self) -> date | None:
        return None if self.deadline is None else self.deadline.due

    @property
    def paused(self) -> bool:
        return self.stage in (Stage.CONSULTING, Stage.AWAITING_PAYMENT)

    def is_overdue(self, today: date) -> bool:
        """Past the deadline and not concluded; derived, never stored."""
        return self.stage != Stage.CONCLUDED and self.due is not None and today > self.due

    def concluded_late(self) -> bool:
        return self.concluded_on is not None and self.due is not None and self.concluded_on > self.due


@dataclass
class _Fold:
    received: date
    rules: Rules
    stage: Stage = Stage.OPEN
    stops: list[ClockStop] = field(default_factory=list)
    open_stop: tuple[StopReason, date] | None = None
    extension_days: int = 0
    extension_pending: int = 0
    delayed_until: date | None = None
    concluded_on: date | None = None
    reply_type: ReplyType | None = None
    correction_requested: bool = False
    correction_late: bool = False
    kinds: set[EventKind] = field(default_factory=set)


def derive_case(events: Sequence[CaseEvent], *, calendar: WorkCalendar) -> CaseState:
    """Fold the events, in order, into the case's state. The first event must be RECEIVED."""
    if not events or events[0].kind != EventKind.RECEIVED:
        raise InvalidInput("案件的第一个事件必须是“收到申请”", where="events[0]")
    fold = _Fold(received=events[0].on, rules=rules_in_force(events[0].on))
    previous = events[0].on
    for index, event in enumerate(events[1:], start=1):
        if event.on < previous and event.kind != EventKind.RECEIPT_CORRECTED:
            raise InvalidInput(
                f"{EVENT_LABELS[event.kind]}的日期 {event.on} 早于前一事件的日期 {previous}",
                where=f"events[{index}]",
            )
        check_allowed(_state(fold, calendar), event)
        _apply(fold, event, calendar)
        fold.kinds.add(event.kind)
        previous = max(previous, event.on)
    return _state(fold, calendar)


def _apply(fold: _Fold, event: CaseEvent, calendar: WorkCalendar) -> None:  # noqa: C901 - one arm per kind
    kind = event.kind
    if kind == EventKind.RECEIPT_CORRECTED:
        fold.received, fold.rules = event.on, rules_in_force(event.on)
    elif kind == EventKind.CORRECTION_REQUESTED:
        fold.stage, fold.correction_requested = Stage.AWAITING_CORRECTION, True
        fold.correction_late = event.on > correction_window_end(fold.received, calendar=calendar)
    elif kind == EventKind.CORRECTION_RECEIVED:
        # Art. 30: the reply period runs from the day the corrected request is received.
        fold.received, fold.stage = event.on, Stage.OPEN
        fold.stops, fold.extension_days, fold.extension_pending = [], 0, 0
    elif kind in (EventKind.CONSULTATION_SENT, EventKind.FEE_NOTICE_ISSUED):
        reason = StopReason.CONSULTATION if kind == EventKind.CONSULTATION_SENT else StopReason.FEE_NOTICE
        fold.open_stop = (reason, event.on)
        fold.stage = Stage.CONSULTING if reason == StopReason.CONSULTATION else Stage.AWAITING_PAYMENT
    elif kind in (EventKind.CONSULTATION_ANSWERED, EventKind.FEE_PAID):
        fold.stops.append(_closed_stop(fold, event.on, calendar))
        fold.open_stop, fold.stage = None, Stage.OPEN
    elif kind == EventKind.EXTENSION_REQUESTED:
        fold.extension_pending = event.extension_days
    elif kind == EventKind.EXTENSION_APPROVED:
        fold.extension_days, fold.extension_pending = event.extension_days or fold.extension_pending, 0
    elif kind == EventKind.EXTENSION_REJECTED:
        fold.extension_pending = 0
    elif kind == EventKind.DELAYED_REPLY_SET:
        fold.delayed_until = event.delayed_until
    else:
        _conclude(fold, event)


def _closed_stop(fold: _Fold, end: date, calendar: WorkCalendar) -> ClockStop:
    assert fold.open_stop is not None
    reason, start = fold.open_stop
    # The excluded time is capped where it is recorded (domain.md "Working days"): 15 working days
    # for a consultation (Art. 32, 34), 20 for a fee notice (国办函〔2020〕109号).
    if reason == StopReason.CONSULTATION:
        cap = consultation_window_end(start, calendar=calendar)
    else:
        cap = fee_payment_window_end(start, calendar=calendar)
    return ClockStop(start=start, end=min(end, cap), reason=reason)


def _conclude(fold: _Fold, event: CaseEvent) -> None:
    fold.stage, fold.concluded_on = Stage.CONCLUDED, event.on
    if fold.open_stop is not None:  # withdrawn or given up while paused: the pause ends there
        fold.stops.append(ClockStop(start=fold.open_stop[1], end=event.on, reason=fold.open_stop[0]))
        fold.open_stop = None
    if event.kind == EventKind.REPLIED:
        fold.reply_type = event.reply_type
    elif event.kind == EventKind.GIVEN_UP:
        fold.reply_type = (
            ReplyType.OTHER_NO_CORRECTION
            if event.give_up_reason == GiveUpReason.NO_CORRECTION
            else ReplyType.OTHER_NO_FEE_PAYMENT
        )
    else:
        fold.reply_type = ReplyType.OTHER_OTHER  # withdrawals are counted under （六）3.其他


def _state(fold: _Fold, calendar: WorkCalendar) -> CaseState:
    stops = list(fold.stops)
    if fold.open_stop is not None:
        stops.append(ClockStop(start=fold.open_stop[1], end=None, reason=fold.open_stop[0]))
    computed = None
    if fold.stage != Stage.AWAITING_CORRECTION or fold.concluded_on is not None:
        computed = deadline(
            fold.received,
            calendar=calendar,
            rules=fold.rules,
            stops=stops,
            extension_days=fold.extension_days,
            delayed_until=fold.delayed_until,
        )
    open_reason = fold.open_stop[0] if fold.open_stop else None
    open_start = fold.open_stop[1] if fold.open_stop else None
    return CaseState(
        stage=fold.stage,
        received=fold.received,
        rules=fold.rules,
        deadline=computed,
        stops=tuple(stops),
        extension_days=fold.extension_days,
        extension_pending=fold.extension_pending,
        delayed_until=fold.delayed_until,
        concluded_on=fold.concluded_on,
        reply_type=fold.reply_type,
        correction_requested=fold.correction_requested,
        correction_due=correction_window_end(fold.received, calendar=calendar),
        correction_late=fold.correction_late,
        consultation_until=consultation_window_end(open_start, calendar=calendar)
        if open_start and open_reason == StopReason.CONSULTATION
        else None,
        payment_due=fee_payment_window_end(open_start, calendar=calendar)
        if open_start and open_reason == StopReason.FEE_NOTICE
        else None,
        kinds=frozenset(fold.kinds),
    )


# Which stages each event may follow; the finer rules are in check_allowed.
_ALLOWED_FROM: dict[EventKind, frozenset[Stage]] = {
    EventKind.RECEIPT_CORRECTED: frozenset({Stage.OPEN, Stage.AWAITING_CORRECTION}),
    EventKind.CORRECTION_REQUESTED: frozenset({Stage.OPEN}),
    EventKind.CORRECTION_RECEIVED: frozenset({Stage.AWAITING_CORRECTION}),
    EventKind.CONSULTATION_SENT: frozenset({Stage.OPEN}),
    EventKind.CONSULTATION_ANSWERED: frozenset({Stage.CONSULTING}),
    EventKind.FEE_NOTICE_ISSUED: frozenset({Stage.OPEN}),
    EventKind.FEE_PAID: frozenset({Stage.AWAITING_PAYMENT}),
    EventKind.EXTENSION_REQUESTED: frozenset({Stage.OPEN, Stage.CONSULTING, Stage.AWAITING_PAYMENT}),
    EventKind.EXTENSION_APPROVED: frozenset({Stage.OPEN, Stage.CONSULTING, Stage.AWAITING_PAYMENT}),
    EventKind.EXTENSION_REJECTED: frozenset({Stage.OPEN, Stage.CONSULTING, Stage.AWAITING_PAYMENT}),
    EventKind.DELAYED_REPLY_SET: frozenset({Stage.OPEN, Stage.CONSULTING, Stage.AWAITING_PAYMENT}),
    EventKind.REPLIED: frozenset({Stage.OPEN}),
    EventKind.GIVEN_UP: frozenset({Stage.AWAITING_CORRECTION, Stage.AWAITING_PAYMENT}),
    EventKind.WITHDRAWN: frozenset(
        {Stage.OPEN, Stage.AWAITING_CORRECTION, Stage.CONSULTING, Stage.AWAITING_PAYMENT}
    ),
}


def check_allowed(state: CaseState, event: CaseEvent) -> None:
    """Raise TransitionNotAllowed, saying why, when ``event`` cannot follow ``state``."""
    label = EVENT_LABELS[event.kind]
    if event.kind == EventKind.RECEIVED:
        raise TransitionNotAllowed("案件已经收到，不能再次登记收到", where="kind")
    if state.stage not in _ALLOWED_FROM[event.kind]:
        raise TransitionNotAllowed(f"案件当前状态为“{STAGE_LABELS[state.stage]}”，不能{label}", where="kind")
    problem = _specific_problem(state, event)
    if problem:
        raise TransitionNotAllowed(problem, where=_WHERE.get(event.kind, "kind"))


_WHERE = {
    EventKind.EXTENSION_REQUESTED: "extension_days",
    EventKind.EXTENSION_APPROVED: "extension_days",
    EventKind.DELAYED_REPLY_SET: "delayed_until",
    EventKind.REPLIED: "reply_type",
    EventKind.GIVEN_UP: "give_up_reason",
}


def _specific_problem(state: CaseState, event: CaseEvent) -> str:  # noqa: C901 - one rule per line
    kind = event.kind
    limit = MAX_EXTENSION[state.rules]
    if kind == EventKind.CORRECTION_REQUESTED and state.correction_requested:
        return "补正只能告知一次（《政府信息公开条例》第三十条）"
    if kind == EventKind.FEE_NOTICE_ISSUED and state.received < FEES_IN_FORCE_FROM:
        return "2021年1月1日前收到的申请不适用《政府信息公开信息处理费管理办法》，不能收费"
    if kind == EventKind.EXTENSION_REQUESTED and (state.extension_days or state.extension_pending):
        return "本案已申请或批准过延期，不能再次延期"
    if kind in (EventKind.EXTENSION_REQUESTED, EventKind.EXTENSION_APPROVED):
        days = event.extension_days or state.extension_pending
        if kind == EventKind.EXTENSION_APPROVED and not state.extension_pending:
            return "没有待批准的延期申请"
        if not 1 <= days <= limit:
            return f"延期天数应为 1 至 {limit} 个工作日（第三十三条），收到 {days}"
    if kind == EventKind.EXTENSION_REJECTED and not state.extension_pending:
        return "没有待批准的延期申请"
    if kind == EventKind.DELAYED_REPLY_SET:
        if state.rules != Rules.R2019:
            return "延迟答复（第三十五条）只适用于2019年条例"
        if event.delayed_until is None or event.delayed_until <= event.on:
            return "延迟答复的日期应晚于作出决定的日期"
    if kind == EventKind.REPLIED and event.reply_type is None:
        return "答复必须选择一种答复类型"
    if kind == EventKind.REPLIED and event.reply_type in (
        ReplyType.OTHER_NO_CORRECTION,
        ReplyType.OTHER_NO_FEE_PAYMENT,
    ):
        return "逾期不补正或不缴费应登记为“视为放弃”，不是答复"
    if kind == EventKind.GIVEN_UP:
        expected = (
            GiveUpReason.NO_CORRECTION
            if state.stage == Stage.AWAITING_CORRECTION
            else GiveUpReason.NO_FEE_PAYMENT
        )
        if event.give_up_reason != expected:
            return "逾期不补正只能在等待补正时登记，逾期不缴费只能在等待缴费时登记"
    return ""


def allowed_events(state: CaseState) -> list[EventKind]:
    """The kinds of event that may come next, for the case page's action buttons."""
    probes = {
        EventKind.EXTENSION_REQUESTED: CaseEvent(
            EventKind.EXTENSION_REQUESTED, state.received, extension_days=1
        ),
        EventKind.EXTENSION_APPROVED: CaseEvent(EventKind.EXTENSION_APPROVED, state.received),
        EventKind.REPLIED: CaseEvent(EventKind.REPLIED, state.received, reply_type=ReplyType.GRANTED),
        EventKind.DELAYED_REPLY_SET: CaseEvent(EventKind.DELAYED_REPLY_SET, date.min, delayed_until=date.max),
    }
    result: list[EventKind] = []
    for kind in EventKind:
        if kind == EventKind.GIVEN_UP:
            if state.stage in (Stage.AWAITING_CORRECTION, Stage.AWAITING_PAYMENT):
                result.append(kind)
            continue
        try:
            check_allowed(state, probes.get(kind, CaseEvent(kind, state.received)))
        except TransitionNotAllowed:
            continue
        result.append(kind)
    return result
