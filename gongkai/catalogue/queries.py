"""Reads of the catalogue: what the public sees, what the back office works on, counts for reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.agencies.models import Agency
from gongkai.audit.models import AuditEvent
from gongkai.catalogue.models import (
    CatalogueSettings,
    Category,
    ChannelRelease,
    Publication,
    PublicationStatus,
    PublicationVersion,
)
from gongkai.domain.publication_rules import (
    OPEN_STATES,
    Timeliness,
    TimelinessCounts,
    count_timeliness,
    timeliness,
)
from gongkai.domain.workdays import WorkCalendar
from gongkai.workcalendar.queries import work_calendar


def _descendant_ids(category: Category) -> list[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent in Category.objects.filter(agency_id=category.agency_id).values_list("id", "parent"):
        children[parent].append(pk)
    found, stack = [], [category.pk]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def published_publications(
    *,
    agency: Agency | None = None,
    category: Category | None = None,
    category_code: str = "",
    year: int | None = None,
    validity: str = "",
    doc_type: str = "",
) -> QuerySet[Publication]:
    """The public catalogue: published entries only, newest first; a category includes its subtree."""
    found = Publication.objects.filter(status=PublicationStatus.PUBLISHED).select_related(
        "current", "agency", "category"
    )
    if agency is not None:
        found = found.filter(agency=agency)
    if category is not None:
        found = found.filter(category_id__in=_descendant_ids(category))
    if category_code:
        found = found.filter(category__code=category_code)
    if year:
        found = found.filter(published_on__year=year)
    if validity:
        found = found.filter(validity=validity)
    if doc_type:
        found = found.filter(doc_type=doc_type)
    return found.order_by("-published_on", "-id")


def get_published_publication(agency: Agency, pk: int) -> Publication:
    publication = (
        Publication.objects.filter(agency=agency, pk=pk, status=PublicationStatus.PUBLISHED)
        .select_related("current", "agency", "category", "repealed_by__current")
        .first()
    )
    if publication is None or publication.current is None:
        raise Http404("没有找到该信息")
    return publication


@dataclass(frozen=True)
class CategoryNode:
    category: Category
    depth: int
    count: int  # published entries in it and below


def category_tree(agency: Agency) -> list[CategoryNode]:
    """The agency's categories in tree order, each with its published count (its subtree included)."""
    categories = list(Category.objects.filter(agency=agency).order_by("position", "code"))
    direct = dict(
        Publication.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
        .values_list("category")
        .annotate(n=Count("id"))
        .order_by()
    )
    children: dict[int | None, list[Category]] = defaultdict(list)
    for category in categories:
        children[category.parent_id].append(category)
    nodes: list[CategoryNode] = []

    def walk(parent: int | None, depth: int) -> int:
        total = 0
        for category in children.get(parent, []):
            index = len(nodes)
            nodes.append(CategoryNode(category, depth, 0))
            count = direct.get(category.pk, 0) + walk(category.pk, depth + 1)
            nodes[index] = CategoryNode(category, depth, count)
            total += count
        return total

    walk(None, 0)
    return nodes


def catalogue_years(agency: Agency | None = None) -> list[int]:
    found = Publication.objects.filter(status=PublicationStatus.PUBLISHED, published_on__isnull=False)
    if agency is not None:
        found = found.filter(agency=agency)
    return sorted({d.year for d in found.dates("published_on", "year")}, reverse=True)


def agencies_with_catalogues() -> QuerySet[Agency]:
    """Agencies with their number of published entries (those with none included), by name."""
    published = Count("publications", filter=Q(publications__status=PublicationStatus.PUBLISHED))
    return Agency.objects.annotate(published=published).order_by("-published", "name")


def national_categories_in_use() -> list[tuple[str, str, int]]:
    """(code, name, published count) per category code across agencies, for the cross-agency view."""
    rows = (
        Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        .values("category__code", "category__name")
        .annotate(n=Count("id"))
        .order_by("category__code")
    )
    merged: dict[str, tuple[str, int]] = {}
    for row in rows:
        code, name, n = row["category__code"], row["category__name"], row["n"]
        known = merged.get(code)
        merged[code] = (known[0] if known else name, (known[1] if known else 0) + n)
    return [(code, name, n) for code, (name, n) in sorted(merged.items())]


def guide_of(agency: Agency) -> CatalogueSettings | None:
    return CatalogueSettings.objects.filter(agency=agency).first()


# -- back office -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """A row of the back office list: the entry, the version being worked on or shown, its timeliness."""

    publication: Publication
    version: PublicationVersion
    timeliness: Timeliness | None

    @property
    def is_late(self) -> bool:
        return bool(self.timeliness and self.timeliness.is_late)


def _working_versions(publications: list[Publication]) -> dict[int, PublicationVersion]:
    open_versions = PublicationVersion.objects.filter(
        publication__in=publications, state__in=[s.value for s in OPEN_STATES]
    ).order_by("publication", "-number")
    found: dict[int, PublicationVersion] = {}
    for version in open_versions:
        found.setdefault(version.publication_id, version)
    return found


def work_items(
    agency: Agency, *, state: str = "", late_only: bool = False, today: date, limit: int = 200
) -> list[WorkItem]:
    """The agency's entries for the back office: open work first, then the latest published."""
    publications = (
        Publication.objects.filter(agency=agency)
        .select_related("current", "category")
        .order_by("-created_at", "-id")
    )
    if state == "open":
        publications = publications.filter(versions__state__in=[s.value for s in OPEN_STATES]).distinct()
    elif state:
        publications = publications.filter(status=state)
    chosen = list(publications[: limit * 5 if late_only else limit])
    working = _working_versions(chosen)
    calendar = work_calendar()
    rows = []
    for publication in chosen:
        version = working.get(publication.pk) or publication.current
        if version is None:
            continue
        rows.append(
            WorkItem(publication, version, version_timeliness(version, today=today, calendar=calendar))
        )
    if late_only:
        rows = [row for row in rows if row.is_late]
    return rows[:limit]


def version_timeliness(
    version: PublicationVersion, *, today: date, calendar: WorkCalendar
) -> Timeliness | None:
    """Art. 26's 20 working days for a version, or None when it has no 成文/变更 date (some imports)."""
    if version.formed_on is None or version.state == "withdrawn":
        return None
    return timeliness(version.formed_on, published_on=version.published_on, today=today, calendar=calendar)


def timeliness_summary(agency: Agency, year: int) -> TimelinessCounts:
    """Versions published in the year (first publications and corrections), on time or late."""
    versions = PublicationVersion.objects.filter(
        publication__agency=agency,
        published_on__year=year,
        formed_on__isnull=False,
        state__in=["published", "superseded"],
    ).values_list("formed_on", "published_on")
    calendar = work_calendar()
    return count_timeliness(
        timeliness(formed, published_on=published, today=published, calendar=calendar)
        for formed, published in versions
        if formed is not None and published is not None
    )


def channel_counts(agency: Agency, year: int) -> dict[str, int]:
    """Entries released per channel in the year (the older reports' 通过不同渠道公开政府信息的情况)."""
    rows = (
        ChannelRelease.objects.filter(publication__agency=agency, released_on__year=year)
        .values("channel")
        .annotate(n=Count("publication", distinct=True))
        .order_by()
    )
    return {row["channel"]: row["n"] for row in rows}


def history(publication: Publication) -> QuerySet[AuditEvent]:
    """Every audited step of the entry, oldest first."""
    return AuditEvent.objects.filter(
        subject_type="catalogue.publication", subject_id=str(publication.pk)
    ).order_by("created_at", "id")


def public_versions(publication: Publication) -> list[PublicationVersion]:
    """The versions the public has seen (published, superseded), newest first: the 更正 trail."""
    return list(publication.versions.filter(state__in=["published", "superseded"]).order_by("-number"))


def facts(agency: Agency, year: int) -> dict[str, Any]:
    """The year's catalogue figures as plain data (for the report and the back office)."""
    published = published_publications(agency=agency, year=year)
    return {
        "published": published.count(),
        "full_text": published.exclude(current__body_text="").count(),
        "by_channel": channel_counts(agency, year),
        "timeliness": timeliness_summary(agency, year),
    }
