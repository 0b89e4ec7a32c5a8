"""Import a ledger (台账) of past and open requests: all rows in one transaction, or none.

Each new case goes through the same services as one registered by hand, so its deadline, audit
trail and report figures follow from its clock events. A ref already known for the agency is
left alone when the row says the same, and reported when it does not: a ledger never edits a case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, DeliveryForm, ReceiptBasis, Source
from gongkai.applications.services import Applicant, add_event, register_application
from gongkai.audit.services import record
from gongkai.domain.cases import EventKind, GiveUpReason
from gongkai.domain.deadlines import MAX_EXTENSION, rules_in_force
from gongkai.domain.errors import DomainError
from gongkai.domain.ledger import COLUMN_NAMES, Column, Conclusion, LedgerRejected, LedgerRow, RowError
from gongkai.domain.outcomes import Channel, ReplyType

ALREADY_THERE = "已存在且内容不同（{columns}）；台账导入不修改已有案件"
NOTE = "台账导入"
NOTE_UNDATED = "台账导入：台账未记载该事项的日期，按收到日期登记"
_LOOKUP_CHUNK = 500  # refs per query, well under SQLite's variable limit


@dataclass(frozen=True)
class LedgerResult:
    created: int
    unchanged: int
    dry_run: bool


@transaction.atomic
def import_ledger(
    agency: Agency,
    rows: Sequence[LedgerRow],
    *,
    actor: Any,
    dry_run: bool,
    on_row: Callable[[], object] | None = None,
) -> LedgerResult:
    """Create the new cases, recognise the known ones; raise LedgerRejected (nothing kept) on any problem."""
    existing = _existing(agency, [row.ref for row in rows])
    errors: list[RowError] = []
    created = unchanged = 0
    for row in rows:
        known = existing.get(row.ref)
        if known is not None:
            differences = _differences(known, row)
            if differences:
                why = ALREADY_THERE.format(columns="、".join(differences))
                errors.append(RowError(row.line, COLUMN_NAMES[Column.REF], row.ref, why))
            else:
                unchanged += 1
        else:
            try:
                with transaction.atomic():
                    _create(agency, row, actor=actor)
                created += 1
            except DomainError as error:
                errors.append(RowError(row.line, COLUMN_NAMES[Column.REF], row.ref, error.message))
        if on_row is not None:
            on_row()
    if errors:
        raise LedgerRejected(errors)
    record(
        actor=actor,
        event="application.ledger_imported",
        subject=agency,
        agency=agency,
        after={"created": created, "unchanged": unchanged, "dry_run": dry_run},
    )
    if dry_run:
        transaction.set_rollback(True)
    return LedgerResult(created=created, unchanged=unchanged, dry_run=dry_run)


def _existing(agency: Agency, refs: list[str]) -> dict[str, Application]:
    found: dict[str, Application] = {}
    for start in range(0, len(refs), _LOOKUP_CHUNK):
        chunk = refs[start : start + _LOOKUP_CHUNK]
        for application in Application.objects.filter(agency=agency, ref__in=chunk).prefetch_related(
            "events"
        ):
            found[application.ref] = application
    return found


def _create(agency: Agency, row: LedgerRow, *, actor: Any) -> Application:
    application = register_application(
        agency,
        applicant=Applicant(applicant_type=row.applicant_type, name=row.applicant),
        content=row.content,
        channel=row.channel,
        received_on=row.received,
        delivery_form=DeliveryForm.OTHER,
        actor=actor,
        source=Source.LEDGER,
        ref=row.ref,
        note=NOTE,
    )
    # The date is the one the ledger records, whatever the channel (ReceiptBasis.LEDGER).
    Application.objects.filter(pk=application.pk).update(
        receipt_basis=ReceiptBasis.LEDGER, fee_yuan=row.fee_yuan
    )
    if row.extended:
        # Historic data: the approval was given at the time, outside Gongkai; the ledger records
        # neither the days nor the date, so the maximum of Art. 33(2) (2008: Art. 24) on receipt.
        days = MAX_EXTENSION[rules_in_force(row.received)]
        add_event(
            application,
            kind=EventKind.EXTENSION_REQUESTED,
            on=row.received,
            extension_days=days,
            actor=actor,
            note=NOTE_UNDATED,
        )
        add_event(
            application, kind=EventKind.EXTENSION_APPROVED, on=row.received, actor=actor, note=NOTE_UNDATED
        )
    _conclude(application, row, actor=actor)
    return application


def _conclude(application: Application, row: LedgerRow, *, actor: Any) -> None:
    if row.outcome is None or row.replied is None:
        return
    if row.conclusion == Conclusion.WITHDRAWN:
        add_event(application, kind=EventKind.WITHDRAWN, on=row.replied, actor=actor, note=NOTE)
    elif row.conclusion == Conclusion.GIVEN_UP:
        # Given up follows an unanswered correction request (Art. 30) or fee notice (国办函〔2020〕109号).
        no_correction = row.outcome == ReplyType.OTHER_NO_CORRECTION
        asked = EventKind.CORRECTION_REQUESTED if no_correction else EventKind.FEE_NOTICE_ISSUED
        add_event(application, kind=asked, on=row.received, actor=actor, note=NOTE_UNDATED)
        reason = GiveUpReason.NO_CORRECTION if no_correction else GiveUpReason.NO_FEE_PAYMENT
        add_event(
            application,
            kind=EventKind.GIVEN_UP,
            on=row.replied,
            give_up_reason=reason,
            actor=actor,
            note=NOTE,
        )
    else:
        add_event(
            application,
            kind=EventKind.REPLIED,
            on=row.replied,
            reply_type=row.outcome,
            actor=actor,
            note=NOTE,
        )


def _differences(application: Application, row: LedgerRow) -> list[str]:
    """The columns where the stored case and the row disagree, by their Chinese names."""
    events = list(application.events.all())
    received = next((e.on for e in events if e.kind == EventKind.RECEIVED), application.received_on)
    extended = any(e.kind == EventKind.EXTENSION_APPROVED for e in events)
    stored = {
        Column.RECEIVED: received,
        Column.CHANNEL: _same_post(application.channel),
        Column.APPLICANT_TYPE: application.applicant_type,
        Column.APPLICANT: application.applicant_name,
        Column.CONTENT: application.content.strip(),
        Column.OUTCOME: application.reply_type or None,
        Column.REPLIED: application.concluded_on,
        Column.EXTENDED: extended,
        Column.FEE_YUAN: application.fee_yuan,
    }
    given = {
        Column.RECEIVED: row.received,
        Column.CHANNEL: _same_post(row.channel),
        Column.APPLICANT_TYPE: row.applicant_type.value,
        Column.APPLICANT: row.applicant,
        Column.CONTENT: row.content.strip(),
        Column.OUTCOME: row.outcome.value if row.outcome else None,
        Column.REPLIED: row.replied,
        Column.EXTENDED: row.extended,
        Column.FEE_YUAN: row.fee_yuan,
    }
    return [COLUMN_NAMES[column] for column in stored if stored[column] != given[column]]


def _same_post(channel: str) -> str:
    # The ledger's one "post" (信函) covers both kinds of letter of 2019 Art. 31.
    return Channel.POST_SIGNED.value if channel == Channel.POST_ORDINARY else str(channel)
