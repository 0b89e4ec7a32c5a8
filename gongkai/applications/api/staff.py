"""The staff endpoints: the agency's inbox and intake, a case, and one endpoint per action."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from gongkai.agencies.access import access_agency_as_staff, access_application, applications_for_staff
from gongkai.applications import queries, services
from gongkai.applications.api.auth import STAFF_AUTH
from gongkai.applications.api.public import validated
from gongkai.applications.api.schemas import (
    ERRORS,
    ApplicantOut,
    AssignIn,
    CaseOut,
    ConsultationAnswerIn,
    ConsultationIn,
    CorrectionIn,
    DelayedReplyIn,
    ExtensionIn,
    FeeNoticeIn,
    GiveUpIn,
    InboxOut,
    IntakeIn,
    NoteIn,
    OnIn,
    ReceiptDateIn,
    ReplyIn,
)
from gongkai.applications.forms import IntakeForm
from gongkai.applications.models import Application
from gongkai.domain.cases import EVENT_LABELS, STAGE_LABELS, EventKind, allowed_events
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import REPLY_TYPE_LABELS, ReplyType
from gongkai.workcalendar.queries import work_calendar

router = Router(auth=STAFF_AUTH)


def _case(user: Any, application_id: int) -> dict[str, Any]:
    application: Application = access_application(user, application_id)
    state = services.case_state(application)
    events = application.events.order_by("id")
    applicant = {name: getattr(application, name) for name in ApplicantOut.model_fields if name != "name"}
    return {
        **{
            field: getattr(application, field)
            for field in (
                "id",
                "ref",
                "query_code",
                "channel",
                "receipt_basis",
                "delivery_form",
                "content",
                "received_on",
                "due_on",
                "provisional",
                "concluded_on",
                "extension_pending",
            )
        },
        "agency": application.agency.name,
        "stage": state.stage,
        "stage_label": STAGE_LABELS[state.stage],
        "reply_type": application.reply_type,
        "reply_type_label": REPLY_TYPE_LABELS[ReplyType(application.reply_type)]
        if application.reply_type
        else "",
        "applicant": {**applicant, "name": application.applicant_name},
        "assignee": application.assignee.get_username() if application.assignee else None,
        "overdue": state.is_overdue(timezone.localdate()),
        "deadline_steps": [{"text": s.text, "article": s.article} for s in state.deadline.steps]
        if state.deadline
        else [],
        "events": [
            {"kind": e.kind, "label": EVENT_LABELS[EventKind(e.kind)], "on": e.on, "note": e.note}
            for e in events
        ],
        "allowed_events": [kind.value for kind in allowed_events(state)],
    }


@router.get("/agency/{slug}/inbox", response={200: InboxOut, **ERRORS})
def inbox(request: HttpRequest, slug: str, tab: str = "today", page: int = 1, q: str = "") -> dict[str, Any]:
    """One inbox tab of the agency, as on the back-office page."""
    agency = access_agency_as_staff(request.user, slug)
    result = queries.inbox(
        applications_for_staff(request.user, agency),
        tab=tab,
        filters=queries.InboxFilters(q=q),
        today=timezone.localdate(),
        calendar=work_calendar(),
        page_number=page,
    )
    rows = [
        {
            "id": a.pk,
            "ref": a.ref,
            "applicant_name": a.applicant_name,
            "stage": a.stage,
            "received_on": a.received_on,
            "due_on": a.due_on,
            "overdue": a.is_overdue,
            "assignee": a.assignee.get_username() if a.assignee else None,
        }
        for a in result.page
    ]
    paginator = result.page.paginator
    return {
        "tab": result.tab,
        "counts": result.counts,
        "total": paginator.count,
        "page": result.page.number,
        "pages": paginator.num_pages,
        "results": rows,
    }


@router.post("/agency/{slug}/intake", response={201: CaseOut, **ERRORS})
def intake(request: HttpRequest, slug: str, payload: IntakeIn) -> Status[Any]:
    """Record a request received in person, by post, fax or e-mail (receipt date per 2019 Art. 31)."""
    agency = access_agency_as_staff(request.user, slug)
    form = validated(IntakeForm, payload.model_dump(mode="json"))
    assert isinstance(form, IntakeForm)
    application = services.register_application(agency, actor=request.user, **form.service_arguments())
    return Status(201, _case(request.user, application.pk))


@router.get("/{application_id}", response={200: CaseOut, **ERRORS})
def case(request: HttpRequest, application_id: int) -> dict[str, Any]:
    """A case with its applicant, deadline explanation and events: its agency's staff only."""
    return _case(request.user, application_id)


STAFF_RESPONSES = {200: CaseOut, **ERRORS}


@router.post("/{application_id}/correction-request", response=STAFF_RESPONSES)
def request_correction(request: HttpRequest, application_id: int, payload: CorrectionIn) -> dict[str, Any]:
    """补正告知 (2019 Art. 30)."""
    application = access_application(request.user, application_id)
    services.request_correction(application, on=payload.on, what=payload.what, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/corrected-request", response=STAFF_RESPONSES)
def record_corrected_request(request: HttpRequest, application_id: int, payload: OnIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.record_corrected_request(application, on=payload.on, note=payload.note, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/consultation/start", response=STAFF_RESPONSES)
def start_consultation(request: HttpRequest, application_id: int, payload: ConsultationIn) -> dict[str, Any]:
    """征求意见 (2019 Art. 32, 34): the clock pauses; the party has 15 working days."""
    application = access_application(request.user, application_id)
    services.start_consultation(
        application,
        on=payload.on,
        party=payload.party,
        party_contact=payload.party_contact,
        is_agency=payload.is_agency,
        actor=request.user,
    )
    return _case(request.user, application_id)


@router.post("/{application_id}/consultation/end", response=STAFF_RESPONSES)
def end_consultation(
    request: HttpRequest, application_id: int, payload: ConsultationAnswerIn
) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.end_consultation(application, on=payload.on, answer=payload.answer, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/fee-notice", response=STAFF_RESPONSES)
def issue_fee_notice(request: HttpRequest, application_id: int, payload: FeeNoticeIn) -> dict[str, Any]:
    """收费通知 (国办函〔2020〕109号); a free request gets none and the case is unchanged."""
    application = access_application(request.user, application_id)
    services.issue_fee_notice(
        application,
        on=payload.on,
        method=payload.method,
        pages=payload.pages,
        reduced_to_yuan=payload.reduced_to_yuan,
        reduction_reason=payload.reduction_reason,
        actor=request.user,
    )
    return _case(request.user, application_id)


@router.post("/{application_id}/payment", response=STAFF_RESPONSES)
def record_payment(request: HttpRequest, application_id: int, payload: OnIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.record_payment(application, on=payload.on, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/extension/request", response=STAFF_RESPONSES)
def request_extension(request: HttpRequest, application_id: int, payload: ExtensionIn) -> dict[str, Any]:
    """延期答复 (2019 Art. 33(2)): asked by staff, approved by the office head."""
    application = access_application(request.user, application_id)
    services.request_extension(
        application, on=payload.on, days=payload.days, reason=payload.reason, actor=request.user
    )
    return _case(request.user, application_id)


@router.post("/{application_id}/extension/approve", response=STAFF_RESPONSES)
def approve_extension(request: HttpRequest, application_id: int, payload: OnIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.approve_extension(application, on=payload.on, note=payload.note, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/extension/reject", response=STAFF_RESPONSES)
def reject_extension(request: HttpRequest, application_id: int, payload: OnIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.reject_extension(application, on=payload.on, note=payload.note, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/delayed-reply", response=STAFF_RESPONSES)
def set_delayed_reply(request: HttpRequest, application_id: int, payload: DelayedReplyIn) -> dict[str, Any]:
    """延迟答复 (2019 Art. 35): a recorded decision sets the date."""
    application = access_application(request.user, application_id)
    services.set_delayed_reply(
        application, on=payload.on, until=payload.until, reason=payload.reason, actor=request.user
    )
    return _case(request.user, application_id)


@router.post("/{application_id}/reply", response=STAFF_RESPONSES)
def send_reply(request: HttpRequest, application_id: int, payload: ReplyIn) -> dict[str, Any]:
    """答复: the date that counts is the day the applicant signs or the letter is posted."""
    application = access_application(request.user, application_id)
    services.send_reply(
        application,
        reply_type=payload.reply_type,
        service_method=payload.service_method,
        served_on=payload.served_on,
        withheld=payload.withheld,
        reasons=payload.reasons,
        actor=request.user,
    )
    return _case(request.user, application_id)


@router.post("/{application_id}/give-up", response=STAFF_RESPONSES)
def give_up(request: HttpRequest, application_id: int, payload: GiveUpIn) -> dict[str, Any]:
    """视为放弃: no correction, or no payment, in time."""
    application = access_application(request.user, application_id)
    services.give_up(application, on=payload.on, reason=payload.reason, note=payload.note, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/withdraw", response=STAFF_RESPONSES)
def withdraw(request: HttpRequest, application_id: int, payload: OnIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.withdraw(application, on=payload.on, note=payload.note, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/receipt-date", response=STAFF_RESPONSES)
def correct_receipt_date(request: HttpRequest, application_id: int, payload: ReceiptDateIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.correct_receipt_date(application, on=payload.on, reason=payload.reason, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/assign", response=STAFF_RESPONSES)
def assign(request: HttpRequest, application_id: int, payload: AssignIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    assignee = None
    if payload.assignee:
        assignee = queries.assignable_staff(application.agency).filter(username=payload.assignee).first()
        if assignee is None:
            raise InvalidInput(f"“{payload.assignee}”不是本机关的工作人员", where="assignee")
    services.assign(application, assignee=assignee, actor=request.user)
    return _case(request.user, application_id)


@router.post("/{application_id}/notes", response=STAFF_RESPONSES)
def add_note(request: HttpRequest, application_id: int, payload: NoteIn) -> dict[str, Any]:
    application = access_application(request.user, application_id)
    services.add_note(application, text=payload.text, actor=request.user)
    return _case(request.user, application_id)
