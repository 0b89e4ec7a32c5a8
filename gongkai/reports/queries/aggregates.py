"""The GROUP BY queries a report is computed from: one query per kind of record, any number of
agencies at once, never one row per record in Python (so the roll-up costs what one agency costs).

The buckets are those of ``gongkai.domain.annual_report_counts`` (``application_bucket`` …),
asked in SQL; the domain turns each group back into a fact for ``compile_tables``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal

from django.db.models import BooleanField, Case, CharField, Count, Exists, F, OuterRef, Q, Sum, Value, When

from gongkai.applications.models import Application, ClockEvent, FeeNotice
from gongkai.domain.annual_report_counts import ApplicationGroup, DisputeGroup
from gongkai.domain.cases import EventKind
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType
from gongkai.reports.models import ManualEntry


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# The definitions of docs/domain.md §1 as Q objects; the drill-down filters with the same ones.
def open_in_year(year: int) -> Q:
    """Received by the last day and not concluded before the first: the requests the year sees."""
    first, last = year_bounds(year)
    return Q(received_on__lte=last) & ~Q(concluded_on__lt=first)


def received_before(year: int) -> Q:
    return Q(received_on__lt=year_bounds(year)[0])


def open_at_end(year: int) -> Q:
    return Q(concluded_on__isnull=True) | Q(concluded_on__gt=year_bounds(year)[1])


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def application_groups(
    agency_ids: Collection[int], year: int, *, detailed: bool = False
) -> dict[int, list[ApplicationGroup]]:
    """Each agency's requests open in the year, grouped by the four things table 三 depends on
    (plus channel and approved extension for the pre-2019 table when ``detailed``). One query."""
    queryset = Application.objects.filter(open_in_year(year), agency_id__in=agency_ids).annotate(
        before=_flag(received_before(year)), at_end=_flag(open_at_end(year))
    )
    fields = ["agency_id", "applicant_type", "reply_type", "before", "at_end"]
    if detailed:
        approved = ClockEvent.objects.filter(
            application=OuterRef("pk"), kind=EventKind.EXTENSION_APPROVED.value
        )
        queryset = queryset.annotate(extended=Exists(approved))
        fields += ["channel", "extended"]
    groups: dict[int, list[ApplicationGroup]] = {pk: [] for pk in agency_ids}
    for row in queryset.values(*fields).annotate(n=Count("id")).order_by():
        groups[row["agency_id"]].append(
            ApplicationGroup(
                applicant_type=ApplicantType(row["applicant_type"]),
                reply_type=ReplyType(row["reply_type"]) if row["reply_type"] else None,
                received_before=row["before"],
                open_at_end=row["at_end"],
                count=row["n"],
                channel=Channel(row["channel"]) if detailed else None,
                extended=bool(row.get("extended", False)),
            )
        )
    return groups


def dispute_groups(agency_ids: Collection[int], year: int) -> dict[int, list[DisputeGroup]]:
    """Each agency's reviews and lawsuits filed in the year, by kind and outcome on 31 December
    (尚未审结 when decided later, as ``disputes.queries.dispute_counts`` counts them). One query."""
    from gongkai.disputes.models import Dispute

    first, last = year_bounds(year)
    at_end = Case(
        When(Q(decided_on__isnull=True) | Q(decided_on__gt=last), then=Value(DisputeOutcome.PENDING.value)),
        default=F("outcome"),
        output_field=CharField(),
    )
    rows = (
        Dispute.objects.filter(agency_id__in=agency_ids, filed_on__gte=first, filed_on__lte=last)
        .annotate(at_end=at_end)
        .values("agency_id", "kind", "at_end")
        .annotate(n=Count("id"))
        .order_by()
    )
    groups: dict[int, list[DisputeGroup]] = {pk: [] for pk in agency_ids}
    for row in rows:
        groups[row["agency_id"]].append(
            DisputeGroup(DisputeKind(row["kind"]), DisputeOutcome(row["at_end"]), row["n"])
        )
    return groups


def fees_collected(agency_ids: Collection[int], year: int) -> dict[int, float]:
    """信息处理费 paid in the year (yuan), by agency. One query."""
    first, last = year_bounds(year)
    rows = (
        FeeNotice.objects.filter(application__agency_id__in=agency_ids, paid_on__gte=first, paid_on__lte=last)
        .values("application__agency_id")
        .annotate(total=Sum("amount_yuan"))
        .order_by()
    )
    fees = dict.fromkeys(agency_ids, 0.0)
    fees.update({row["application__agency_id"]: float(row["total"] or 0) for row in rows})
    return fees


def manual_entries(agency_ids: Collection[int], year: int) -> dict[int, dict[str, Decimal]]:
    entries: dict[int, dict[str, Decimal]] = {pk: {} for pk in agency_ids}
    rows = ManualEntry.objects.filter(agency_id__in=agency_ids, year=year).values_list(
        "agency_id", "key", "value"
    )
    for agency_id, key, value in rows:
        entries[agency_id][key] = value
    return entries
