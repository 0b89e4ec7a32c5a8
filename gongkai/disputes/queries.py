"""Reads of reviews and lawsuits, always through the agencies the user works in."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.agencies.access import casework_agency_ids
from gongkai.agencies.models import Agency
from gongkai.disputes.models import Dispute
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome


def disputes_for_staff(user: Any, agency: Agency | None = None) -> QuerySet[Dispute]:
    """The disputes of the agencies whose cases the user works on (optionally one of them)."""
    queryset = Dispute.objects.filter(agency_id__in=casework_agency_ids(user)).select_related(
        "agency", "application", "review"
    )
    return queryset.filter(agency=agency) if agency is not None else queryset


def get_dispute_for_staff(user: Any, agency: Agency, dispute_id: int) -> Dispute:
    """One dispute of the agency; Http404 alike when it is missing or another agency's."""
    dispute = disputes_for_staff(user, agency).filter(pk=dispute_id).first()
    if dispute is None:
        raise Http404("没有找到该案件")
    return dispute


def reviews_of(agency: Agency) -> QuerySet[Dispute]:
    """The agency's reviews, which a lawsuit after review may name."""
    return Dispute.objects.filter(agency=agency, kind=DisputeKind.REVIEW.value).order_by("-filed_on", "-id")


def dispute_counts(agency: Agency, *, year: int) -> dict[str, dict[str, int]]:
    """Table 四 of ``year``: disputes filed in the year by kind and outcome as it stood on 31 December.

    Project convention (the templates do not define it): a case decided after the year's end is
    counted as 尚未审结 in that year's report. ``total`` = upheld + corrected + other + pending.
    """
    year_end = date(year, 12, 31)
    table = {kind.value: {outcome.value: 0 for outcome in DisputeOutcome} for kind in DisputeKind}
    rows = Dispute.objects.filter(agency=agency, filed_on__year=year).values_list(
        "kind", "outcome", "decided_on"
    )
    for kind, outcome, decided_on in rows:
        as_of_year_end = (
            outcome if decided_on is not None and decided_on <= year_end else DisputeOutcome.PENDING
        )
        table[kind][as_of_year_end] += 1
    for counts in table.values():
        counts["total"] = sum(counts.values())
    return table
