"""The GROUP BY queries a report is computed from: one query per kind of record, for any number
of agencies and years at once, never one row per record in Python. A report needs its year and the
year before (continuity, jumps) and the roll-up needs every agency: both cost one scan.

The buckets are those of ``gongkai.domain.annual_report_counts`` (``application_bucket`` …),
asked in SQL; the domain turns each group back into a fact for ``compile_tables``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)

from gongkai.applications.models import Application, ClockEvent, FeeNotice
from gongkai.domain.annual_report_counts import ApplicationGroup, DisputeGroup
from gongkai.domain.cases import EventKind
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType
from gongkai.reports.models import ManualEntry

Key = tuple[int, int]  # (agency id, year)


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


def _window(years: Sequence[int]) -> Q:
    """The requests open at some time in any of the years (one index range for all of them)."""
    return Q(received_on__lte=year_bounds(max(years))[1]) & ~Q(concluded_on__lt=year_bounds(min(years))[0])


def empty(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, list[Any]]:
    return {(pk, year): [] for pk in agency_ids for year in years}


def year_index(field: str, years: Sequence[int], *, null: int | None = None) -> Case:
    """Which of the (ascending) years a date falls in: its index, -1 before the first, len(years)
    after the last; ``null`` for a missing date. One CASE instead of one flag per year and question."""
    whens = [When(**{f"{field}__isnull": True}, then=Value(null))] if null is not None else []
    whens.append(When(**{f"{field}__lt": year_bounds(years[0])[0]}, then=Value(-1)))
    whens += [When(**{f"{field}__lte": year_bounds(year)[1]}, then=Value(i)) for i, year in enumerate(years)]
    return Case(*whens, default=Value(len(years)), output_field=IntegerField())


NEVER = 9999  # the year index of a request not concluded at all


def application_groups(
    agency_ids: Collection[int], years: Sequence[int], *, detailed: bool = False
) -> dict[Key, list[ApplicationGroup]]:
    """Each agency's requests open in each year, grouped by the four things table 三 depends on
    (plus channel and approved extension for the pre-2019 table when ``detailed``). One query.

    SQL says in which of the years each request was received and concluded; Python answers the
    definitions' questions for each year from those two indexes (as ``application_bucket`` does
    from the dates: received by the year's end, not concluded before it, …)."""
    years = sorted(years)
    queryset = Application.objects.filter(_window(years), agency_id__in=agency_ids).annotate(
        received_in=year_index("received_on", years),
        concluded_in=year_index("concluded_on", years, null=NEVER),
    )
    fields = ["agency_id", "applicant_type", "reply_type", "received_in", "concluded_in"]
    if detailed:
        approved = ClockEvent.objects.filter(
            application=OuterRef("pk"), kind=EventKind.EXTENSION_APPROVED.value
        )
        queryset = queryset.annotate(extended=Exists(approved))
        fields += ["channel", "extended"]
    groups: dict[Key, list[ApplicationGroup]] = empty(agency_ids, years)
    for row in queryset.values(*fields).annotate(n=Count("id")).order_by():
        received, concluded = row["received_in"], row["concluded_in"]
        for i, year in enumerate(years):
            if received > i or concluded < i:
                continue  # received after the year, or concluded before it
            groups[(row["agency_id"], year)].append(
                ApplicationGroup(
                    applicant_type=ApplicantType(row["applicant_type"]),
                    reply_type=ReplyType(row["reply_type"]) if concluded == i and row["reply_type"] else None,
                    received_before=received < i,
                    open_at_end=concluded > i,
                    count=row["n"],
                    channel=Channel(row["channel"]) if detailed else None,
                    extended=bool(row.get("extended", False)),
                )
            )
    return groups


def dispute_groups(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, list[DisputeGroup]]:
    """Each agency's reviews and lawsuits filed in each year, by kind and outcome on 31 December
    (尚未审结 when decided later, as ``disputes.queries.dispute_counts`` counts them). One query."""
    from gongkai.disputes.models import Dispute

    pending = Value(DisputeOutcome.PENDING.value)
    filed_in = Case(
        *(
            When(filed_on__gte=year_bounds(y)[0], filed_on__lte=year_bounds(y)[1], then=Value(y))
            for y in years
        ),
        default=Value(0),
    )
    at_end = Case(
        *(
            When(
                Q(filed_in=y) & (Q(decided_on__isnull=True) | Q(decided_on__gt=year_bounds(y)[1])),
                then=pending,
            )
            for y in years
        ),
        default=F("outcome"),
        output_field=CharField(),
    )
    rows = (
        Dispute.objects.filter(agency_id__in=agency_ids)
        .annotate(filed_in=filed_in)
        .filter(filed_in__in=list(years))
        .annotate(at_end=at_end)
        .values("agency_id", "filed_in", "kind", "at_end")
        .annotate(n=Count("id"))
        .order_by()
    )
    groups: dict[Key, list[DisputeGroup]] = empty(agency_ids, years)
    for row in rows:
        groups[(row["agency_id"], row["filed_in"])].append(
            DisputeGroup(DisputeKind(row["kind"]), DisputeOutcome(row["at_end"]), row["n"])
        )
    return groups


def fees_collected(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, float]:
    """信息处理费 paid in each year (yuan), by agency. One query."""
    sums = {
        f"y{year}": Sum(
            "amount_yuan", filter=Q(paid_on__gte=year_bounds(year)[0], paid_on__lte=year_bounds(year)[1])
        )
        for year in years
    }
    rows = (
        FeeNotice.objects.filter(application__agency_id__in=agency_ids, paid_on__isnull=False)
        .values("application__agency_id")
        .annotate(**sums)
        .order_by()
    )
    fees = {(pk, year): 0.0 for pk in agency_ids for year in years}
    for row in rows:
        for year in years:
            fees[(row["application__agency_id"], year)] = float(row[f"y{year}"] or 0)
    return fees


def manual_entries(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, dict[str, Decimal]]:
    entries: dict[Key, dict[str, Decimal]] = {(pk, year): {} for pk in agency_ids for year in years}
    rows = ManualEntry.objects.filter(agency_id__in=agency_ids, year__in=list(years)).values_list(
        "agency_id", "year", "key", "value"
    )
    for agency_id, year, key, value in rows:
        entries[(agency_id, year)][key] = value
    return entries
