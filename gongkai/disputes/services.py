"""Filing and deciding reviews and lawsuits: one audited transaction each (style.md §2.5)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application
from gongkai.audit.services import record
from gongkai.disputes.models import Dispute
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome

ALREADY_DECIDED = "该案件已审结，不能再次登记结果"
DECISION_NEEDS_OUTCOME = "审结须选择结果：结果维持、结果纠正或其他结果"


def _snapshot(dispute: Dispute) -> dict[str, Any]:
    return {
        "kind": dispute.kind,
        "body": dispute.body,
        "case_number": dispute.case_number,
        "filed_on": dispute.filed_on.isoformat(),
        "decided_on": dispute.decided_on.isoformat() if dispute.decided_on else None,
        "outcome": dispute.outcome,
        "application": dispute.application.ref if dispute.application else None,
        "review": dispute.review_id,
    }


def _validate(dispute: Dispute) -> None:
    """The model's rules and field checks, as the domain's error (first problem, with its field)."""
    problems = dispute.problems()
    if problems:
        where, message = next(iter(problems.items()))
        raise InvalidInput(message, where=where)
    try:
        dispute.full_clean()
    except ValidationError as error:
        where, messages = next(iter(error.message_dict.items()))
        raise InvalidInput("；".join(messages), where="" if where == NON_FIELD_ERRORS else where) from error


@transaction.atomic
def file_dispute(
    agency: Agency,
    *,
    kind: DisputeKind,
    body: str,
    filed_on: date,
    actor: Any,
    application: Application | None = None,
    case_number: str = "",
    review: Dispute | None = None,
    note: str = "",
) -> Dispute:
    """Record a review or lawsuit against the agency; a lawsuit after review names its review."""
    if not body.strip():
        raise InvalidInput("请填写复议机关或法院", where="body")
    if application is None and review is not None:
        application = review.application  # the lawsuit is about the case the review was about
    dispute = Dispute(
        agency=agency,
        application=application,
        kind=kind.value,
        body=body.strip(),
        case_number=case_number.strip(),
        filed_on=filed_on,
        review=review,
        note=note,
    )
    _validate(dispute)
    dispute.save()
    record(actor=actor, event="dispute.filed", subject=dispute, agency=agency, after=_snapshot(dispute))
    return dispute


@transaction.atomic
def decide_dispute(
    dispute: Dispute, *, outcome: DisputeOutcome, decided_on: date, actor: Any, note: str = ""
) -> Dispute:
    """Record the decision or judgment: upheld, corrected or another result."""
    dispute = Dispute.objects.select_for_update(of=("self",)).select_related("application").get(pk=dispute.pk)
    if dispute.outcome != DisputeOutcome.PENDING:
        raise TransitionNotAllowed(ALREADY_DECIDED, where="outcome")
    if outcome == DisputeOutcome.PENDING:
        raise InvalidInput(DECISION_NEEDS_OUTCOME, where="outcome")
    before = _snapshot(dispute)
    dispute.outcome, dispute.decided_on = outcome.value, decided_on
    if note.strip():
        dispute.note = f"{dispute.note}\n{note.strip()}".strip()
    _validate(dispute)
    dispute.save(update_fields=["outcome", "decided_on", "note"])
    record(
        actor=actor,
        event="dispute.decided",
        subject=dispute,
        agency=dispute.agency,
        before=before,
        after=_snapshot(dispute),
        note=note,
    )
    return dispute
