"""The API's input and output shapes."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ninja import Field, Schema

from gongkai.domain.cases import GiveUpReason, Stage
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType


class ErrorOut(Schema):
    message: str
    code: str
    where: str


ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


# --- public ------------------------------------------------------------------------------------


class ApplicantIn(Schema):
    applicant_type: ApplicantType = ApplicantType.NATURAL_PERSON
    name: str
    id_type: str = "resident_id"
    id_number: str = ""
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    content: str
    delivery_form: str = "electronic"


class SubmitIn(ApplicantIn):
    agency: str  # the agency's slug


class ProgressOut(Schema):
    """A request's progress: what the query code shows to anyone, nothing about the applicant."""

    ref: str
    agency: str
    stage: Stage
    stage_label: str
    received_on: date
    due_on: date | None
    provisional: bool
    concluded_on: date | None
    reply_type: str
    reply_type_label: str


class ReceiptOut(ProgressOut):
    query_code: str
    status_url: str


class TokenOut(Schema):
    token: str
    expires_in: int  # seconds


# --- staff -------------------------------------------------------------------------------------


class ApplicantOut(Schema):
    applicant_type: str
    name: str
    id_type: str
    id_number: str
    contact_person: str
    phone: str
    email: str
    address: str
    postcode: str


class StepOut(Schema):
    text: str
    article: str


class EventOut(Schema):
    kind: str
    label: str
    on: date
    note: str


class CaseOut(ProgressOut):
    id: int
    query_code: str
    channel: str
    receipt_basis: str
    delivery_form: str
    content: str
    applicant: ApplicantOut
    assignee: str | None
    extension_pending: bool
    overdue: bool
    deadline_steps: list[StepOut]
    events: list[EventOut]
    allowed_events: list[str]


class InboxRowOut(Schema):
    id: int
    ref: str
    applicant_name: str
    stage: str
    received_on: date
    due_on: date | None
    overdue: bool
    assignee: str | None


class InboxOut(Schema):
    tab: str
    counts: dict[str, int]
    total: int
    page: int
    pages: int
    results: list[InboxRowOut]


class IntakeIn(ApplicantIn):
    channel: Channel
    received_on: date
    note: str = ""


class OnIn(Schema):
    on: date
    note: str = ""


class CorrectionIn(Schema):
    on: date
    what: str


class ConsultationIn(Schema):
    on: date
    party: str = Field(max_length=120)
    party_contact: str = Field(default="", max_length=200)
    is_agency: bool = False


class ConsultationAnswerIn(Schema):
    on: date
    answer: str = ""


class FeeNoticeIn(Schema):
    on: date
    method: FeeMethod
    pages: int | None = None
    reduced_to_yuan: int | None = None
    reduction_reason: str = ""


class ExtensionIn(Schema):
    on: date
    days: int
    reason: str


class DelayedReplyIn(Schema):
    on: date
    until: date
    reason: str


class ReplyIn(Schema):
    reply_type: ReplyType
    # Signed for, or posted: fixes the date that counts (国办公开办函〔2016〕235号).
    service_method: Literal["signed", "posted", "electronic"]
    served_on: date
    withheld: str = ""
    reasons: str = ""


class GiveUpIn(Schema):
    on: date
    reason: GiveUpReason
    note: str = ""


class ReceiptDateIn(Schema):
    on: date
    reason: str


class AssignIn(Schema):
    assignee: str | None  # a username of the agency's casework staff; null to unassign


class NoteIn(Schema):
    text: str
