"""Chinese full-text search over the public catalogue: title, text, 文号 and 主题词.

Tokens are made once in Python (tokens.py: unit bigrams so any two characters match, plus jieba's
words) and stored by the backend of the database in use (backends.py: SQLite FTS5, or a PostgreSQL
tsvector column with a GIN index). Only what the public may see is indexed: services call
``index_publications`` whenever an entry is published, corrected, changed or withdrawn, in their
own transaction; ``rebuild`` (``gongkai search rebuild``) makes everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from gongkai.catalogue.models import Category, Publication, PublicationStatus, SearchEntry
from gongkai.catalogue.search.backends import Backend, Match, Query, Scope, backend
from gongkai.catalogue.search.documents import Filters, IndexedEntry, document_for, facets_for, has_terms
from gongkai.catalogue.search.highlight import highlight, snippet
from gongkai.catalogue.search.tokens import Term, parse_query

__all__ = [
    "COUNT_CAP",
    "RELEVANCE_WINDOW",
    "Filters",
    "SearchHit",
    "SearchPage",
    "index_publications",
    "matching_publication_ids",
    "rebuild",
    "search",
]

RELEVANCE_WINDOW = 1000  # results up to this size are ranked by relevance (see search())
COUNT_CAP = 10000  # counted exactly up to this many
BATCH = 2000

Order = Literal["relevance", "date"]


@dataclass(frozen=True)
class SearchHit:
    publication: Publication
    title_html: str
    snippet_html: str
    score: float | None


@dataclass(frozen=True)
class SearchPage:
    query: str
    terms: tuple[Term, ...]
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    total_is_exact: bool = True
    page: int = 1
    per_page: int = 20

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total


def _is_visible(publication: Publication) -> bool:
    current = publication.current
    return (
        publication.status == PublicationStatus.PUBLISHED
        and current is not None
        and current.state == "published"
        and publication.published_on is not None
    )


def _ancestors(category_ids: Iterable[int]) -> dict[int, list[int]]:
    wanted = set(category_ids)
    agencies = Category.objects.filter(pk__in=wanted).values("agency")
    parents = dict(Category.objects.filter(agency__in=agencies).values_list("id", "parent"))
    chains: dict[int, list[int]] = {}
    for pk in wanted:
        chain: list[int] = []
        current: int | None = pk
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        chains[pk] = chain
    return chains


def _indexed(entry: SearchEntry) -> IndexedEntry:
    version = entry.version
    document = document_for(
        title=version.title,
        text=version.body_text,
        doc_number=version.doc_number,
        keywords=version.keywords,
        facets=entry.facets,
    )
    return IndexedEntry(publication_id=entry.pk, published_on=entry.published_on, document=document)


def _remove_entries(entries: Sequence[SearchEntry]) -> None:
    if entries:
        backend().remove([_indexed(entry) for entry in entries])
        SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()


def index_publications(publications: Sequence[Publication]) -> int:
    """Make the index match these entries: add what the public may see, drop what it may not.

    Call inside the service's transaction, with ``current``, ``category`` and ``agency`` loaded."""
    total = 0
    for start in range(0, len(publications), BATCH):
        total += _index_batch(publications[start : start + BATCH])
    return total


def _index_batch(publications: Sequence[Publication]) -> int:
    old = list(
        SearchEntry.objects.filter(publication__in=[p.pk for p in publications]).select_related("version")
    )
    _remove_entries(old)
    visible = [p for p in publications if _is_visible(p)]
    chains = _ancestors({p.category_id for p in visible})
    entries = []
    for publication in visible:
        assert publication.current is not None and publication.published_on is not None
        facets = facets_for(
            agency_id=publication.agency_id,
            category_ids=chains.get(publication.category_id, [publication.category_id]),
            category_code=publication.category.code,
            year=publication.published_on.year,
            validity=publication.validity,
            doc_type=publication.doc_type,
        )
        entries.append(
            SearchEntry(
                publication=publication,
                version=publication.current,
                published_on=publication.published_on,
                facets=facets,
            )
        )
    SearchEntry.objects.bulk_create(entries)
    backend().add([_indexed(entry) for entry in entries])
    return len(entries)


def rebuild(*, progress: Callable[[int], None] | None = None) -> int:
    """Empty the index and index every visible entry again; returns how many were indexed."""
    backend().clear()
    SearchEntry.objects.all().delete()
    visible = (
        Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        .select_related("current", "category")
        .order_by("published_on", "id")
    )
    total = 0
    batch: list[Publication] = []
    for publication in visible.iterator(chunk_size=BATCH):
        batch.append(publication)
        if len(batch) == BATCH:
            total += _index_batch(batch)
            batch = []
            if progress:
                progress(BATCH)
    total += _index_batch(batch)
    if progress:
        progress(len(batch))
    return total


def _page(engine: Backend, query: Query, *, order: Order, total: int, limit: int, offset: int) -> list[Match]:
    if order == "date":
        return engine.newest(query, limit=limit, offset=offset)
    if total <= RELEVANCE_WINDOW:
        return engine.ranked(query, limit=limit, offset=offset)
    # A large result: matches in the title first, then the rest, each newest first.
    found = engine.newest(query, limit=limit, offset=offset, scope=Scope.TITLE)
    if len(found) == limit:
        return found
    # Where the title matches end: known from this page unless it lies past them all.
    in_title = offset + len(found) if found else engine.count(query, cap=COUNT_CAP, scope=Scope.TITLE)
    rest = max(0, offset - in_title)
    return found + engine.newest(query, limit=limit - len(found), offset=rest, scope=Scope.NOT_TITLE)


def search(
    query: str,
    *,
    filters: Filters | None = None,
    order: Order = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    """One page of published entries matching ``query``, with highlighted titles and snippets.

    Relevance: up to RELEVANCE_WINDOW matches are ranked (BM25 / ts_rank, title above text); a larger
    result lists the matches in the title first, then the others, newest first within each (ranking
    a two-character query's half a million matches costs seconds and orders nothing anyone reads).
    Counts stop at COUNT_CAP ("more than 10,000")."""
    terms = tuple(parse_query(query))
    if not has_terms(terms):
        return SearchPage(query=query, terms=terms, page=1, per_page=per_page)
    wanted = Query(terms=terms, facets=tuple((filters or Filters()).tokens()))
    engine = backend()
    page = max(1, min(page, COUNT_CAP // per_page))
    total = engine.count(wanted, cap=COUNT_CAP)
    found = _page(engine, wanted, order=order, total=total, limit=per_page, offset=(page - 1) * per_page)
    publications = Publication.objects.filter(
        pk__in=[m.publication_id for m in found], status=PublicationStatus.PUBLISHED
    ).select_related("current", "agency", "category")
    by_id = {publication.pk: publication for publication in publications}
    hits = []
    for match in found:
        publication = by_id.get(match.publication_id)
        if publication is None or publication.current is None:
            continue
        version = publication.current
        text = "\n".join(filter(None, (version.body_text, version.doc_number, version.keywords)))
        hits.append(
            SearchHit(publication, highlight(version.title, terms), snippet(text, terms), match.score)
        )
    return SearchPage(
        query=query,
        terms=terms,
        hits=hits,
        total=min(total, COUNT_CAP),
        total_is_exact=total <= COUNT_CAP,
        page=page,
        per_page=per_page,
    )


def matching_publication_ids(query: str, *, filters: Filters | None = None) -> list[int]:
    """Every published entry matching ``query`` (no ranking, no cap): for exports and measurements."""
    terms = parse_query(query)
    if not has_terms(terms):
        return []
    return backend().all_publication_ids(
        Query(terms=tuple(terms), facets=tuple((filters or Filters()).tokens()))
    )
