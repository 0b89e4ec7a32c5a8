"""Table 二's documents and the pre-2019 table's publication counts, from the catalogue.

The catalogue answers only for the years it covers: an agency whose first published entry is
dated after the year (its older publications were never entered) gets None, and the report states
those lines only where they are entered by hand, never as a false 0.

- a regulation (规章) or normative document (行政规范性文件) is issued (制发) on its 成文日期
  (the 发布日期 when that is missing), and leaves force on its 失效或废止日期 once its 有效性 is
  失效 or 废止 (both are counted as 本年废止: the format has no column for lapsing);
- the pre-2019 table counts entries published (发布日期) in the year and releases by channel.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import BooleanField, Case, CharField, Count, DateField, F, Q, Value, When
from django.db.models.functions import Coalesce

from gongkai.catalogue.models import ChannelRelease, Publication
from gongkai.domain.annual_report_counts import CatalogueTotals, PublicationGroup
from gongkai.domain.publication_rules import DocumentType, Validity
from gongkai.reports.queries.aggregates import year_bounds

_KINDS = {DocumentType.REGULATION.value: "regulation", DocumentType.NORMATIVE.value: "normative_document"}
_PUBLISHED = Q(status="published", published_on__isnull=False)
_NO_LONGER_IN_FORCE = (Validity.EXPIRED.value, Validity.REPEALED.value)


def covered_agencies(agency_ids: Collection[int], year: int) -> set[int]:
    """The agencies with at least one entry published by the year's last day. One query."""
    last = year_bounds(year)[1]
    rows = Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids, published_on__lte=last)
    return set(rows.values_list("agency_id", flat=True).distinct())


def publication_groups(agency_ids: Collection[int], year: int) -> dict[int, list[PublicationGroup] | None]:
    """Each agency's regulations and normative documents issued by 31 December, grouped by
    (kind, issued in the year, repeal state); None where the catalogue does not cover the year."""
    first, last = year_bounds(year)
    issued = Coalesce("written_on", "published_on", output_field=DateField())
    gone = Case(
        When(validity__in=_NO_LONGER_IN_FORCE, then=Coalesce("invalid_on", "issued")),
        default=None,
        output_field=DateField(),
    )
    rows = (
        Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids, doc_type__in=list(_KINDS))
        .annotate(issued=issued)
        .filter(issued__lte=last)
        .annotate(gone=gone)
        .annotate(
            in_year=Case(
                When(issued__gte=first, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            repeal=Case(
                When(Q(gone__isnull=True) | Q(gone__gt=last), then=Value("in_force")),
                When(gone__gte=first, then=Value("in_year")),
                default=Value("before"),
                output_field=CharField(),
            ),
        )
        .values("agency_id", "doc_type", "in_year", "repeal")
        .annotate(n=Count("id"))
        .order_by()
    )
    covered = covered_agencies(agency_ids, year)
    groups: dict[int, list[PublicationGroup] | None] = {
        pk: [] if pk in covered else None for pk in agency_ids
    }
    for row in rows:
        found = groups[row["agency_id"]]
        if found is not None:
            found.append(PublicationGroup(_KINDS[row["doc_type"]], row["in_year"], row["repeal"], row["n"]))  # type: ignore[arg-type]
    return groups


def catalogue_totals(agency_ids: Collection[int], year: int) -> dict[int, CatalogueTotals | None]:
    """主动公开政府信息数, its normative documents and the releases by channel. Two queries."""
    first, last = year_bounds(year)
    in_year = Q(published_on__gte=first, published_on__lte=last)
    normative = Q(doc_type=DocumentType.NORMATIVE.value)
    made = Q(written_on__gte=first, written_on__lte=last)
    rows = (
        Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids)
        .values("agency_id")
        .annotate(
            covered=Count("id", filter=Q(published_on__lte=last)),
            published=Count("id", filter=in_year),
            normative_published=Count("id", filter=in_year & normative),
            normative_issued=Count("id", filter=made & normative),
        )
        .order_by()
    )
    releases: dict[int, dict[str, int]] = {}
    channel_rows = (
        ChannelRelease.objects.filter(
            publication__agency_id__in=agency_ids,
            publication__status="published",
            released_on__gte=first,
            released_on__lte=last,
        )
        .values(agency_id=F("publication__agency_id"), kind=F("channel"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in channel_rows:
        releases.setdefault(row["agency_id"], {})[row["kind"]] = row["n"]
    totals: dict[int, CatalogueTotals | None] = dict.fromkeys(agency_ids)
    for row in rows:
        if row["covered"]:
            totals[row["agency_id"]] = CatalogueTotals(
                row["published"],
                row["normative_published"],
                row["normative_issued"],
                releases.get(row["agency_id"], {}),
            )
    return totals
