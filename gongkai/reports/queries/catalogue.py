"""Table 二's documents and the pre-2019 table's publication counts, from the catalogue.

The catalogue answers only for the years it covers: an agency whose first published entry is
dated after the year (its older publications were never entered) gets None, and the report states
those lines only where they are entered by hand, never as a false 0.

- a regulation (规章) or normative document (行政规范性文件) is issued (制发) on its 成文日期
  (the 发布日期 when that is missing), and leaves force on its 失效或废止日期 once its 有效性 is
  失效 or 废止 (both are counted as 本年废止: the format has no column for lapsing);
- the pre-2019 table counts entries published (发布日期) in the year and releases by channel.

As in ``aggregates``, every function answers for any number of agencies and years in one query.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from django.db.models import Case, Count, DateField, F, Min, Q, Value, When
from django.db.models.functions import Coalesce

from gongkai.catalogue.models import ChannelRelease, Publication
from gongkai.domain.annual_report.compile import PublicationKind
from gongkai.domain.annual_report_counts import CatalogueTotals, PublicationGroup, RepealState
from gongkai.domain.publication_rules import DocumentType, Validity
from gongkai.reports.queries.aggregates import NEVER, Key, year_bounds, year_index

_KINDS: dict[str, PublicationKind] = {
    DocumentType.REGULATION.value: "regulation",
    DocumentType.NORMATIVE.value: "normative_document",
}
_PUBLISHED = Q(status="published", published_on__isnull=False)
_NO_LONGER_IN_FORCE = (Validity.EXPIRED.value, Validity.REPEALED.value)


def _in(field: str, year: int) -> Q:
    first, last = year_bounds(year)
    return Q(**{f"{field}__gte": first, f"{field}__lte": last})


def covered(agency_ids: Collection[int], years: Sequence[int]) -> set[Key]:
    """(agency, year) pairs where the agency has an entry published by the year's last day.
    One query, answered from the (agency, status, 发布日期) index."""
    rows = (
        Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids)
        .values("agency_id")
        .annotate(first=Min("published_on"))
        .order_by()
    )
    return {
        (row["agency_id"], year) for row in rows for year in years if row["first"] <= year_bounds(year)[1]
    }


def publication_groups(
    agency_ids: Collection[int], years: Sequence[int]
) -> dict[Key, list[PublicationGroup] | None]:
    """Each agency's regulations and normative documents issued by 31 December of each year,
    grouped by (kind, issued in the year, repeal state); None where the catalogue does not cover
    the year. Two queries: SQL says in which of the years each was issued and left force."""
    years = sorted(years)
    gone = Case(
        When(validity__in=_NO_LONGER_IN_FORCE, then=Coalesce("invalid_on", "issued")),
        default=None,
        output_field=DateField(),
    )
    rows = (
        Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids, doc_type__in=list(_KINDS))
        .annotate(issued=Coalesce("written_on", "published_on", output_field=DateField()))
        .filter(issued__lte=year_bounds(years[-1])[1])
        .annotate(gone=gone)
        .annotate(issued_in=year_index("issued", years), gone_in=year_index("gone", years, null=NEVER))
        .values("agency_id", "doc_type", "issued_in", "gone_in")
        .annotate(n=Count("id"))
        .order_by()
    )
    answered = covered(agency_ids, years)
    groups: dict[Key, list[PublicationGroup] | None] = {
        (pk, year): [] if (pk, year) in answered else None for pk in agency_ids for year in years
    }
    for row in rows:
        issued, gone_in = row["issued_in"], row["gone_in"]
        for i, year in enumerate(years):
            found = groups[(row["agency_id"], year)]
            if found is None or issued > i:
                continue
            repeal: RepealState = "in_force" if gone_in > i else ("in_year" if gone_in == i else "before")
            found.append(PublicationGroup(_KINDS[row["doc_type"]], issued == i, repeal, row["n"]))
    return groups


def catalogue_totals(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, CatalogueTotals | None]:
    """主动公开政府信息数, its normative documents and the releases by channel. Two queries."""
    normative = Q(doc_type=DocumentType.NORMATIVE.value)
    counts = {}
    for year in years:
        counts[f"covered{year}"] = Count("id", filter=Q(published_on__lte=year_bounds(year)[1]))
        counts[f"published{year}"] = Count("id", filter=_in("published_on", year))
        counts[f"normative_published{year}"] = Count("id", filter=_in("published_on", year) & normative)
        counts[f"normative_issued{year}"] = Count("id", filter=_in("written_on", year) & normative)
    rows = (
        Publication.objects.filter(_PUBLISHED, agency_id__in=agency_ids)
        .values("agency_id")
        .annotate(**counts)
    )
    releases = _releases(agency_ids, years)
    totals: dict[Key, CatalogueTotals | None] = {(pk, year): None for pk in agency_ids for year in years}
    for row in rows.order_by():
        for year in years:
            if row[f"covered{year}"]:
                totals[(row["agency_id"], year)] = CatalogueTotals(
                    row[f"published{year}"],
                    row[f"normative_published{year}"],
                    row[f"normative_issued{year}"],
                    releases.get((row["agency_id"], year), {}),
                )
    return totals


def _releases(agency_ids: Collection[int], years: Sequence[int]) -> dict[Key, dict[str, int]]:
    released_in = Case(*(When(_in("released_on", y), then=Value(y)) for y in years), default=Value(0))
    rows = (
        ChannelRelease.objects.filter(publication__agency_id__in=agency_ids, publication__status="published")
        .annotate(released_in=released_in)
        .filter(released_in__in=list(years))
        .values("released_in", agency_id=F("publication__agency_id"), kind=F("channel"))
        .annotate(n=Count("id"))
        .order_by()
    )
    releases: dict[Key, dict[str, int]] = {}
    for row in rows:
        releases.setdefault((row["agency_id"], row["released_in"]), {})[row["kind"]] = row["n"]
    return releases
