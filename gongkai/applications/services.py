"""Every change to a request: one audited transaction each (style.md §2.5).

The clock is never edited: each action appends a ClockEvent, the domain re-derives the case from
all its events (which also checks the transition), and the cached columns are refreshed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.applications.models import (
    Application,
    ClockEvent,
    Consultation,
    FeeNotice,
    Note,
    ReceiptBasis,
    Reply,
    Source,
)
from gongkai.audit.services import record
from gongkai.domain.cases import CaseEvent, CaseState, EventKind, GiveUpReason, derive_case
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.fees import FeeMethod, fee_for
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType
from gongkai.domain.workdays import WorkCalendar
from gongkai.workcalendar.queries import work_calendar

# 2019 Art. 31: which event fixes the receipt date, by channel.
RECEIPT_BASIS: dict[Channel, ReceiptBasis] = {
    Channel.IN_PERSON: ReceiptBasis.HANDED_IN,
    Channel.POST_SIGNED: ReceiptBasis.SIGNED_FOR,
    Channel.POST_ORDINARY: ReceiptBasis.CONFIRMED,
    Channel.ONLINE: ReceiptBasis.BOTH_CONFIRMED,
    Channel.FAX: ReceiptBasis.BOTH_CONFIRMED,
    Channel.EMAIL: ReceiptBasis.BOTH_CONFIRMED,
}
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


@dataclass(frozen=True)
class Applicant:
    applicant_type: ApplicantType
    name: str
    id_type: str = ""
    id_number: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""


def _new_query_code() -> str:
    while True:
        code = "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(12))
        if not Application.objects.filter(query_code=code).exists():
            return code


def _next_ref(agency: Agency, year: int) -> str:
    prefix = f"{year}-"
    last = (
        Application.objects.select_for_update()
        .filter(agency=agency, ref__startswith=prefix)
        .order_by("-ref")
        .values_list("ref", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last and last.removeprefix(prefix).isdigit() else 1
    return f"{prefix}{number:04d}"


def domain_events(application: Application) -> list[CaseEvent]:
    return [_as_case_event(e) for e in application.events.order_by("id")]


def _as_case_event(event: ClockEvent) -> CaseEvent:
    return CaseEvent(
        kind=EventKind(event.kind),
        on=event.on,
        extension_days=event.extension_days,
        delayed_until=event.delayed_until,
        reply_type=ReplyType(event.reply_type) if event.reply_type else None,
        give_up_reason=GiveUpReason(event.give_up_reason) if event.give_up_reason else None,
    )


def case_state(application: Application, *, calendar: WorkCalendar | None = None) -> CaseState:
    return derive_case(domain_events(application), calendar=calendar or work_calendar())


def _snapshot(application: Application) -> dict[str, Any]:
    return {
        "stage": application.stage,
        "received_on": application.received_on.isoformat() if application.received_on else None,
        "due_on": application.due_on.isoformat() if application.due_on else None,
        "reply_type": application.reply_type,
    }


def _apply_state(application: Application, state: CaseState) -> list[str]:
    values = {
        "received_on": state.received,
        "rules": state.rules.value,
        "stage": state.stage.value,
        "due_on": state.due,
        "provisional": bool(state.deadline and state.deadline.provisional),
        "extension_pending": bool(state.extension_pending),
        "concluded_on": state.concluded_on,
        "reply_type": state.reply_type.value if state.reply_type else "",
    }
    changed = [name for name, value in values.items() if getattr(application, name) != value]
    for name in changed:
        setattr(application, name, values[name])
    return changed


@transaction.atomic
def register_application(
    agency: Agency,
    *,
    applicant: Applicant,
    content: str,
    channel: Channel,
    received_on: date,
    delivery_form: str,
    actor: Any,
    source: str = Source.INTAKE,
    ref: str | None = None,
    note: str = "",
) -> Application:
    """Record a request as received; the channel fixes which event gave the date (2019 Art. 31)."""
    application = Application(
        agency=agency,
        ref=ref or _next_ref(agency, received_on.year),
        query_code=_new_query_code(),
        source=source,
        channel=channel.value,
        receipt_basis=RECEIPT_BASIS[channel],
        applicant_type=applicant.applicant_type.value,
        applicant_name=applicant.name,
        id_type=applicant.id_type,
        id_number=applicant.id_number,
        contact_person=applicant.contact_person,
        phone=applicant.phone,
        email=applicant.email,
        address=applicant.address,
        postcode=applicant.postcode,
        content=content,
        delivery_form=delivery_form,
        received_on=received_on,
    )
    state = derive_case([CaseEvent(EventKind.RECEIVED, received_on)], calendar=work_calendar())
    _apply_state(application, state)
    application.full_clean()
    application.save()
    ClockEvent.objects.create(
        application=application, kind=EventKind.RECEIVED, on=received_on, actor=_user(actor), note=note
    )
    record(
        actor=actor,
        event="application.received",
        subject=application,
        agency=agency,
        after={**_snapshot(application), "channel": channel.value, "source": source},
    )
    _notify_applicant(application, "received")
    return application


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def add_event(
    application: Application,
    *,
    kind: EventKind,
    on: date,
    actor: Any,
    note: str = "",
    extension_days: int = 0,
    delayed_until: date | None = None,
    reply_type: ReplyType | None = None,
    give_up_reason: GiveUpReason | None = None,
) -> CaseState:
    """Append one clock event after the domain accepts it; refresh the case; audit."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    event = CaseEvent(
        kind=kind,
        on=on,
        extension_days=extension_days,
        delayed_until=delayed_until,
        reply_type=reply_type,
        give_up_reason=give_up_reason,
    )
    if on > timezone.localdate():
        raise InvalidInput(f"日期 {on} 晚于今天，不能登记尚未发生的事件", where="on")
    state = derive_case([*domain_events(application), event], calendar=work_calendar())
    from gongkai.reports.services import ensure_case_change_allowed  # a published report locks its year

    ensure_case_change_allowed(application, after=state, reason=note, actor=actor)
    before = _snapshot(application)
    ClockEvent.objects.create(
        application=application,
        kind=kind,
        on=on,
        extension_days=extension_days,
        delayed_until=delayed_until,
        reply_type=reply_type.value if reply_type else "",
        give_up_reason=give_up_reason.value if give_up_reason else "",
        actor=_user(actor),
        note=note,
    )
    changed = _apply_state(application, state)
    application.save(update_fields=[*changed, "updated_at"])
    record(
        actor=actor,
        event=f"application.{kind.value}",
        subject=application,
        agency=application.agency,
        before=before,
        after={**_snapshot(application), "on": on.isoformat()},
        note=note,
    )
    return state


def request_correction(application: Application, *, on: date, what: str, actor: Any) -> CaseState:
    state = add_event(application, kind=EventKind.CORRECTION_REQUESTED, on=on, actor=actor, note=what)
    _notify_applicant(application, "correction")
    return state


def record_corrected_request(application: Application, *, on: date, actor: Any, note: str = "") -> CaseState:
    return add_event(application, kind=EventKind.CORRECTION_RECEIVED, on=on, actor=actor, note=note)


@transaction.atomic
def start_consultation(
    application: Application,
    *,
    on: date,
    party: str,
    actor: Any,
    party_contact: str = "",
    is_agency: bool = False,
) -> Consultation:
    state = add_event(
        application, kind=EventKind.CONSULTATION_SENT, on=on, actor=actor, note=f"征求：{party}"
    )
    assert state.consultation_until is not None
    consultation = Consultation(
        application=application,
        party=party,
        party_contact=party_contact,
        is_agency=is_agency,
        sent_on=on,
        window_end=state.consultation_until,
    )
    consultation.full_clean()
    consultation.save()
    return consultation


@transaction.atomic
def end_consultation(application: Application, *, on: date, answer: str, actor: Any) -> CaseState:
    state = add_event(application, kind=EventKind.CONSULTATION_ANSWERED, on=on, actor=actor, note=answer)
    Consultation.objects.filter(application=application, answered_on__isnull=True).update(
        answered_on=on, answer=answer
    )
    return state


def nth_request_in_month(application: Application) -> int:
    """The request's place among the applicant's requests to this agency in its natural month (by receipt)."""
    same_applicant = (
        Q(id_number=application.id_number)
        if application.id_number
        else Q(applicant_name=application.applicant_name)
    )
    first = application.received_on.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    month = Application.objects.filter(
        same_applicant,
        agency_id=application.agency_id,
        received_on__gte=first,
        received_on__lt=following,
    )
    earlier = month.filter(
        Q(received_on__lt=application.received_on)
        | Q(received_on=application.received_on, pk__lte=application.pk)
    )
    return earlier.count()


@transaction.atomic
def issue_fee_notice(
    application: Application,
    *,
    on: date,
    method: FeeMethod,
    actor: Any,
    pages: int | None = None,
    reduced_to_yuan: int | None = None,
    reduction_reason: str = "",
) -> FeeNotice | None:
    """Compute the fee by the 2020 measures; a free request gets no notice (returns None)."""
    nth = nth_request_in_month(application) if method == FeeMethod.BY_COUNT else None
    pages = pages if method == FeeMethod.BY_VOLUME else None
    fee = fee_for(method=method, nth_in_month=nth, pages=pages, received=application.received_on)
    if fee is None:
        return None
    amount = fee.amount_yuan
    if reduced_to_yuan is not None:
        if not reduction_reason.strip():
            raise InvalidInput("减免收费必须写明理由", where="reduction_reason")
        if not 0 <= reduced_to_yuan <= fee.amount_yuan:
            raise InvalidInput(f"减免后的金额应在 0 至 {fee.amount_yuan} 元之间", where="reduced_to_yuan")
        amount = reduced_to_yuan
    if amount == 0:
        record(
            actor=actor,
            event="application.fee_waived",
            subject=application,
            agency=application.agency,
            after={"computed": fee.amount_yuan},
            note=reduction_reason,
        )
        return None
    state = add_event(
        application,
        kind=EventKind.FEE_NOTICE_ISSUED,
        on=on,
        actor=actor,
        note=f"{fee.basis}；应缴 {amount} 元",
    )
    assert state.payment_due is not None
    notice = FeeNotice(
        application=application,
        method=method.value,
        nth_in_month=nth,
        pages=pages,
        basis=fee.basis,
        computed_yuan=fee.amount_yuan,
        amount_yuan=amount,
        reduction_reason=reduction_reason,
        issued_on=on,
        pay_by=state.payment_due,
    )
    notice.full_clean()
    notice.save()
    _notify_applicant(application, "fee_notice")
    return notice


@transaction.atomic
def record_payment(application: Application, *, on: date, actor: Any) -> CaseState:
    state = add_event(application, kind=EventKind.FEE_PAID, on=on, actor=actor)
    notice = application.fee_notices.filter(paid_on__isnull=True).order_by("-id").first()
    if notice is not None:
        notice.paid_on = on
        notice.save(update_fields=["paid_on"])
        Application.objects.filter(pk=application.pk).update(fee_yuan=notice.amount_yuan)
    return state


def request_extension(application: Application, *, on: date, days: int, reason: str, actor: Any) -> CaseState:
    if not reason.strip():
        raise InvalidInput("申请延期必须写明理由", where="reason")
    return add_event(
        application, kind=EventKind.EXTENSION_REQUESTED, on=on, actor=actor, extension_days=days, note=reason
    )


def approve_extension(application: Application, *, on: date, actor: Any, note: str = "") -> CaseState:
    """Art. 33(2): the head of the disclosure office approves; the applicant is told."""
    from gongkai.agencies.access import has_role

    if not has_role(actor, application.agency, "office_head"):
        raise TransitionNotAllowed("延期答复须经政府信息公开工作机构负责人同意", where="actor")
    state = add_event(application, kind=EventKind.EXTENSION_APPROVED, on=on, actor=actor, note=note)
    _notify_applicant(application, "extension")
    return state


def reject_extension(application: Application, *, on: date, actor: Any, note: str = "") -> CaseState:
    from gongkai.agencies.access import has_role

    if not has_role(actor, application.agency, "office_head"):
        raise TransitionNotAllowed("延期答复须经政府信息公开工作机构负责人决定", where="actor")
    return add_event(application, kind=EventKind.EXTENSION_REJECTED, on=on, actor=actor, note=note)


def set_delayed_reply(
    application: Application, *, on: date, until: date, reason: str, actor: Any
) -> CaseState:
    if not reason.strip():
        raise InvalidInput("延迟答复必须记录决定理由", where="reason")
    return add_event(
        application, kind=EventKind.DELAYED_REPLY_SET, on=on, delayed_until=until, actor=actor, note=reason
    )


@transaction.atomic
def send_reply(
    application: Application,
    *,
    reply_type: ReplyType,
    service_method: str,
    served_on: date,
    actor: Any,
    withheld: str = "",
    reasons: str = "",
) -> Reply:
    """The final reply; the date that counts is the signing or posting day (国办公开办函〔2016〕235号)."""
    if reply_type == ReplyType.PARTIAL and not (withheld.strip() and reasons.strip()):
        raise InvalidInput("部分公开必须写明不予公开的内容及理由", where="withheld")
    add_event(
        application, kind=EventKind.REPLIED, on=served_on, reply_type=reply_type, actor=actor, note=reasons
    )
    reply = Reply(
        application=application,
        reply_type=reply_type.value,
        withheld=withheld,
        reasons=reasons,
        service_method=service_method,
        served_on=served_on,
    )
    reply.full_clean()
    reply.save()
    _notify_applicant(application, "reply")
    return reply


def give_up(
    application: Application, *, on: date, reason: GiveUpReason, actor: Any, note: str = ""
) -> CaseState:
    return add_event(
        application, kind=EventKind.GIVEN_UP, on=on, give_up_reason=reason, actor=actor, note=note
    )


def withdraw(application: Application, *, on: date, actor: Any, note: str = "") -> CaseState:
    return add_event(application, kind=EventKind.WITHDRAWN, on=on, actor=actor, note=note)


def correct_receipt_date(application: Application, *, on: date, reason: str, actor: Any) -> CaseState:
    if not reason.strip():
        raise InvalidInput("更正收到日期必须写明理由", where="reason")
    return add_event(application, kind=EventKind.RECEIPT_CORRECTED, on=on, actor=actor, note=reason)


@transaction.atomic
def assign(application: Application, *, assignee: Any, actor: Any) -> Application:
    before = {"assignee": application.assignee.get_username() if application.assignee else None}
    application.assignee = assignee
    application.save(update_fields=["assignee", "updated_at"])
    record(
        actor=actor,
        event="application.assigned",
        subject=application,
        agency=application.agency,
        before=before,
        after={"assignee": assignee.get_username() if assignee else None},
    )
    return application


@transaction.atomic
def add_note(application: Application, *, text: str, actor: Any) -> Note:
    if not text.strip():
        raise InvalidInput("备注不能为空", where="text")
    note = Note.objects.create(application=application, author=_user(actor), text=text.strip())
    record(
        actor=actor,
        event="application.note_added",
        subject=application,
        agency=application.agency,
        after={"note_id": note.pk},
    )
    return note


@transaction.atomic
def refresh_deadlines_for_years(years: set[int], actor: Any) -> int:
    """After a calendar change: recompute every open case; record each due date that moved."""
    calendar = work_calendar()
    refreshed = 0
    open_cases = Application.objects.select_for_update().exclude(stage="concluded").prefetch_related("events")
    for application in open_cases.iterator(chunk_size=500):
        if application.received_on.year > max(years) or (
            application.due_on and application.due_on.year < min(years) and not application.provisional
        ):
            continue
        before = _snapshot(application)
        state = derive_case([_as_case_event(e) for e in application.events.all()], calendar=calendar)
        changed = _apply_state(application, state)
        if changed:
            application.save(update_fields=[*changed, "updated_at"])
            record(
                actor=actor,
                event="application.deadline_recomputed",
                subject=application,
                agency=application.agency,
                before=before,
                after=_snapshot(application),
                note=f"工作日历变更：{'、'.join(str(y) for y in sorted(years))}年",
            )
            refreshed += 1
    return refreshed


def _notify_applicant(application: Application, key: str) -> None:
    from gongkai.applications.notifications import notify_applicant

    transaction.on_commit(lambda: notify_applicant(application.pk, key))
