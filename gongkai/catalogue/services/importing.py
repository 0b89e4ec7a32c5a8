"""Importing an agency's existing catalogue: all rows or none, and the same file twice changes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.audit.services import record
from gongkai.catalogue.importing import COLUMN_NAMES, CatalogueRejected, CatalogueRow, Column
from gongkai.catalogue.models import Publication
from gongkai.catalogue.richtext import body_from_input
from gongkai.catalogue.services.bulk import PublishedItem, publish_in_bulk
from gongkai.domain.ledger import RowError

ALREADY_THERE = "已存在且内容不同（{columns}）；导入不修改已公开的信息，请通过更正流程修改"
_CHUNK = 500
_HTML = re.compile(r"<(p|div|br|span|table|h[1-6])\b", re.IGNORECASE)


@dataclass(frozen=True)
class ImportResult:
    created: int
    unchanged: int
    dry_run: bool


def body_format_of(text: str) -> str:
    return "html" if _HTML.search(text) else "text"


def _existing(agency: Agency, rows: Sequence[CatalogueRow]) -> dict[tuple[str, str], Publication]:
    found: dict[tuple[str, str], Publication] = {}
    mine = Publication.objects.filter(agency=agency).select_related("current", "category")
    numbers = [row.index_number for row in rows if row.index_number]
    titles = sorted({row.title for row in rows if not row.index_number})
    for start in range(0, len(numbers), _CHUNK):
        for publication in mine.filter(index_number__in=numbers[start : start + _CHUNK]):
            found[("index", publication.index_number)] = publication
    for start in range(0, len(titles), _CHUNK):
        for publication in mine.filter(current__title__in=titles[start : start + _CHUNK]):
            current = publication.current
            assert current is not None
            found.setdefault((current.doc_number, current.title), publication)
    return found


def _differences(publication: Publication, row: CatalogueRow) -> list[str]:
    current = publication.current
    assert current is not None
    text = body_from_input(row.text, body_format=body_format_of(row.text))[1]
    pairs = [
        (Column.TITLE, current.title, row.title),
        (Column.CATEGORY, publication.category_id, row.category.pk),
        (Column.PUBLISHED_ON, publication.published_on, row.published_on),
        (Column.WRITTEN_ON, current.written_on, row.written_on),
        (Column.DOC_NUMBER, current.doc_number, row.doc_number),
        (Column.KEYWORDS, current.keywords, row.keywords),
        (Column.TEXT, current.body_text, text),
        (Column.DOC_TYPE, publication.doc_type, row.doc_type.value),
        (Column.VALIDITY, publication.validity, row.validity.value if row.validity else ""),
    ]
    return [COLUMN_NAMES[column] for column, stored, given in pairs if stored != given]


def _item(row: CatalogueRow) -> PublishedItem:
    return PublishedItem(
        category=row.category,
        title=row.title,
        published_on=row.published_on,
        body=row.text,
        body_format=body_format_of(row.text),
        doc_number=row.doc_number,
        written_on=row.written_on,
        keywords=row.keywords,
        index_number=row.index_number,
        doc_type=row.doc_type,
        validity=row.validity,
        channels=row.channels,
    )


@transaction.atomic
def import_catalogue(
    agency: Agency,
    rows: Sequence[CatalogueRow],
    *,
    actor: Any,
    dry_run: bool = False,
    source: str = "import",
    on_rows: Callable[[int], object] | None = None,
) -> ImportResult:
    """Publish the rows not there yet; a row already there must say the same, else nothing is kept."""
    existing = _existing(agency, rows)
    errors: list[RowError] = []
    new: list[CatalogueRow] = []
    unchanged = 0
    for row in rows:
        known = existing.get(row.key)
        if known is None:
            new.append(row)
            continue
        differences = _differences(known, row)
        if differences:
            column = COLUMN_NAMES[Column.INDEX_NUMBER] if row.index_number else COLUMN_NAMES[Column.TITLE]
            value = row.index_number or row.title
            errors.append(
                RowError(row.line, column, value[:60], ALREADY_THERE.format(columns="、".join(differences)))
            )
        else:
            unchanged += 1
        if on_rows:
            on_rows(1)
    if errors:
        raise CatalogueRejected(errors)
    for start in range(0, len(new), 1000):
        chunk = new[start : start + 1000]
        publish_in_bulk(agency, items=[_item(row) for row in chunk], source=source, actor=actor)
        if on_rows:
            on_rows(len(chunk))
    record(
        actor=actor,
        event="catalogue.imported",
        subject=agency,
        agency=agency,
        after={"source": source, "created": len(new), "unchanged": unchanged, "dry_run": dry_run},
    )
    if dry_run:
        transaction.set_rollback(True)
    return ImportResult(created=len(new), unchanged=unchanged, dry_run=dry_run)
