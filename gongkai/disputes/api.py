"""JSON API of reviews and lawsuits: list, file and decide, for the agency's staff (session auth)."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from gongkai.agencies.access import access_agency_as_staff, access_application
from gongkai.disputes.models import DISPUTE_KIND_LABELS, DISPUTE_OUTCOME_LABELS, Dispute
from gongkai.disputes.queries import disputes_for_staff, get_dispute_for_staff
from gongkai.disputes.services import decide_dispute, file_dispute
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome

router = Router(tags=["disputes"], auth=django_auth)


class DisputeOut(Schema):
    id: int
    agency: str
    kind: DisputeKind
    kind_label: str
    body: str
    case_number: str
    filed_on: date
    decided_on: date | None
    outcome: DisputeOutcome
    outcome_label: str
    application_id: int | None
    application_ref: str | None
    review_id: int | None
    note: str

    @staticmethod
    def of(dispute: Dispute) -> DisputeOut:
        kind, outcome = DisputeKind(dispute.kind), DisputeOutcome(dispute.outcome)
        return DisputeOut(
            id=dispute.pk,
            agency=dispute.agency.slug,
            kind=kind,
            kind_label=DISPUTE_KIND_LABELS[kind],
            body=dispute.body,
            case_number=dispute.case_number,
            filed_on=dispute.filed_on,
            decided_on=dispute.decided_on,
            outcome=outcome,
            outcome_label=DISPUTE_OUTCOME_LABELS[outcome],
            application_id=dispute.application_id,
            application_ref=dispute.application.ref if dispute.application else None,
            review_id=dispute.review_id,
            note=dispute.note,
        )


class DisputeIn(Schema):
    kind: DisputeKind
    body: str
    filed_on: date
    case_number: str = ""
    application_id: int | None = None
    review_id: int | None = None
    note: str = ""


class DecisionIn(Schema):
    outcome: DisputeOutcome
    decided_on: date
    note: str = ""


@router.get("/{agency_slug}/", response=list[DisputeOut])
def list_disputes(request: HttpRequest, agency_slug: str) -> list[DisputeOut]:
    agency = access_agency_as_staff(request.user, agency_slug)
    return [DisputeOut.of(d) for d in disputes_for_staff(request.user, agency).order_by("-filed_on", "-id")]


@router.post("/{agency_slug}/", response={201: DisputeOut})
def create_dispute(request: HttpRequest, agency_slug: str, payload: DisputeIn) -> DisputeOut:
    agency = access_agency_as_staff(request.user, agency_slug)
    application = access_application(request.user, payload.application_id) if payload.application_id else None
    if application is not None and application.agency_id != agency.pk:
        raise Http404("没有找到该申请")
    review = get_dispute_for_staff(request.user, agency, payload.review_id) if payload.review_id else None
    dispute = file_dispute(
        agency,
        kind=payload.kind,
        body=payload.body,
        filed_on=payload.filed_on,
        case_number=payload.case_number,
        application=application,
        review=review,
        note=payload.note,
        actor=request.user,
    )
    return DisputeOut.of(dispute)  # the only response code declared, 201, applies


@router.post("/{agency_slug}/{dispute_id}/decide", response=DisputeOut)
def decide(request: HttpRequest, agency_slug: str, dispute_id: int, payload: DecisionIn) -> DisputeOut:
    agency = access_agency_as_staff(request.user, agency_slug)
    dispute = get_dispute_for_staff(request.user, agency, dispute_id)
    return DisputeOut.of(
        decide_dispute(
            dispute,
            outcome=payload.outcome,
            decided_on=payload.decided_on,
            note=payload.note,
            actor=request.user,
        )
    )
