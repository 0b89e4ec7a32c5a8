"""Entries that are already public elsewhere, published in one audited call: an agency moving its
existing catalogue in (import), or the demo's catalogue. They skip review because they were
published before; they go through the same validation, numbering and search indexing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery

from gongkai.agencies.models import Agency
from gongkai.audit.services import record
from gongkai.catalogue import search
from gongkai.catalogue.models import (
    Category,
    ChannelRelease,
    Publication,
    PublicationStatus,
    PublicationVersion,
    VersionKind,
)
from gongkai.catalogue.richtext import body_from_input
from gongkai.catalogue.services.numbering import allocate_index_numbers
from gongkai.catalogue.services.setup import set_up_catalogue
from gongkai.domain.errors import InvalidInput
from gongkai.domain.publication_rules import (
    DocumentType,
    ReleaseChannel,
    Validity,
    VersionState,
    check_validity,
)


@dataclass(frozen=True)
class PublishedItem:
    """One entry as it was published: text (plain, or HTML when ``body_format`` is "html")."""

    category: Category
    title: str
    published_on: date
    body: str = ""
    body_format: str = "text"
    doc_number: str = ""
    written_on: date | None = None
    keywords: str = ""
    index_number: str = ""  # blank: numbered from the agency's pattern
    doc_type: DocumentType = DocumentType.OTHER
    validity: Validity | None = None
    # Each channel with its date; None: on the day of publication.
    channels: tuple[tuple[ReleaseChannel, date | None], ...] = field(
        default=((ReleaseChannel.WEBSITE, None),)
    )


def _check(agency: Agency, item: PublishedItem, position: int) -> None:
    where = f"items[{position}]"
    if item.category.agency_id != agency.pk:
        raise InvalidInput(f"第{position + 1}条：信息分类不属于本机关", where=f"{where}.category")
    if not item.title.strip():
        raise InvalidInput(f"第{position + 1}条：标题不能为空", where=f"{where}.title")
    if item.written_on and item.written_on > item.published_on:
        raise InvalidInput(f"第{position + 1}条：成文日期晚于发布日期", where=f"{where}.written_on")
    try:
        check_validity(item.doc_type, item.validity)
    except InvalidInput as error:
        raise InvalidInput(f"第{position + 1}条：{error.message}", where=f"{where}.validity") from error


@transaction.atomic
def publish_in_bulk(
    agency: Agency, *, items: Sequence[PublishedItem], source: str, actor: Any, full_clean: bool = True
) -> list[Publication]:
    """Publish already-public entries at once: one audit row for the whole batch.

    ``full_clean=False`` skips the per-object model validation (not the checks above) for very large
    batches whose rows were validated on the way in (the importer, the benchmark)."""
    set_up_catalogue(agency, actor=actor)
    for position, item in enumerate(items):
        _check(agency, item, position)
    missing = [(i.category, i.published_on.year) for i in items if not i.index_number]
    generated = iter(allocate_index_numbers(agency, missing)) if missing else iter(())
    creator = actor if getattr(actor, "pk", None) else None
    publications = [
        Publication(
            agency=agency,
            category=item.category,
            index_number=item.index_number or next(generated),
            status=PublicationStatus.PUBLISHED,
            doc_type=item.doc_type.value,
            validity=item.validity.value if item.validity else "",
            written_on=item.written_on,
            published_on=item.published_on,
            imported=True,
            created_by=creator,
        )
        for item in items
    ]
    versions = []
    for item in items:
        html, text = body_from_input(item.body, body_format=item.body_format)
        versions.append(
            PublicationVersion(
                number=1,
                kind=VersionKind.ORIGINAL,
                state=VersionState.PUBLISHED.value,
                title=item.title.strip(),
                body_html=html,
                body_text=text,
                doc_number=item.doc_number.strip(),
                written_on=item.written_on,
                formed_on=item.written_on,
                keywords=item.keywords.strip(),
                published_on=item.published_on,
                created_by=creator,
            )
        )
    if full_clean:
        for publication in publications:
            publication.full_clean(exclude=["current"], validate_unique=False, validate_constraints=False)
    created = Publication.objects.bulk_create(publications, batch_size=2000)
    for publication, version in zip(created, versions, strict=True):
        version.publication = publication
        if full_clean:
            version.full_clean(validate_unique=False, validate_constraints=False)
    PublicationVersion.objects.bulk_create(versions, batch_size=2000)
    first_version = PublicationVersion.objects.filter(publication=OuterRef("pk"), number=1).values("pk")[:1]
    ids = [p.pk for p in created]
    for start in range(0, len(ids), 5000):
        Publication.objects.filter(pk__in=ids[start : start + 5000]).update(current=Subquery(first_version))
    releases = [
        ChannelRelease(publication=publication, channel=channel.value, released_on=day or item.published_on)
        for publication, item in zip(created, items, strict=True)
        for channel, day in item.channels
    ]
    ChannelRelease.objects.bulk_create(releases, batch_size=5000)
    for publication, version in zip(created, versions, strict=True):
        publication.current = version
    indexed = search.index_publications(created)
    record(
        actor=actor,
        event="catalogue.bulk_published",
        subject_type="catalogue.publication",
        agency=agency,
        after={
            "source": source,
            "count": len(created),
            "indexed": indexed,
            "ids": [ids[0], ids[-1]] if ids else [],
            "channels": len(releases),
        },
    )
    return created
