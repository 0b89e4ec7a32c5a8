"""Two backends behind one small interface: SQLite FTS5 (the embedded default) and PostgreSQL.

Both store the same tokens (made in Python, tokens.py) and answer the same query: every term must
occur (a term of two or more units as the phrase of its bigrams, or — for a term jieba splits into
words — all those words; one unit as a prefix), every filter facet must be present.

Ranking: relevance (BM25 on SQLite, ts_rank on PostgreSQL; title weighted above text) among the
``window`` newest matches, then older matches newest first. Ranking every match of a two-character
query over a million entries costs seconds; the newest few thousand is what a reader pages through.
Counts stop at ``cap`` for the same reason ("more than 10,000 results").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db import connection

from gongkai.catalogue.search.documents import IndexedEntry, SearchDocument
from gongkai.catalogue.search.tokens import Term


@dataclass(frozen=True)
class Match:
    publication_id: int
    score: float | None  # None past the relevance window or when ordered by date


class Backend(Protocol):
    def add(self, entries: Sequence[IndexedEntry]) -> None: ...

    def remove(self, entries: Sequence[IndexedEntry]) -> None: ...

    def clear(self) -> None: ...

    def matches(
        self,
        terms: Sequence[Term],
        facets: Sequence[str],
        *,
        by_relevance: bool,
        window: int,
        limit: int,
        offset: int,
    ) -> list[Match]: ...

    def count(self, terms: Sequence[Term], facets: Sequence[str], *, cap: int) -> int: ...

    def all_publication_ids(self, terms: Sequence[Term], facets: Sequence[str]) -> list[int]: ...


# -- SQLite FTS5 ---------------------------------------------------------------------------------------

_ID_BITS = 32


def fts_rowid(entry: IndexedEntry) -> int:
    """Rowids sort by 发布日期 then entry, so "newest first" is the index's own order."""
    return (entry.published_on.toordinal() << _ID_BITS) | entry.publication_id


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts5_expression(terms: Sequence[Term], facets: Sequence[str]) -> str:
    parts: list[str] = []
    for term in terms:
        if len(term.units) == 1:
            parts.append(f"{{title body}} : {_quoted(term.units[0])} *")
            continue
        phrase = "{title body} : " + _quoted(" ".join(term.bigrams))
        if term.words:
            words = " AND ".join(f"words : {_quoted(word)}" for word in term.words)
            phrase = f"({phrase} OR ({words}))"
        parts.append(phrase)
    parts += [f"facets : {_quoted(token)}" for token in facets]
    return " AND ".join(parts)


class SqliteBackend:
    """The FTS5 table catalogue_search (contentless; made in migration 0002). BM25 weights per
    column: title 10, text 1, jieba words 3, facets 0."""

    def add(self, entries: Sequence[IndexedEntry]) -> None:
        rows = [(fts_rowid(e), *_columns(e.document)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO catalogue_search(rowid, title, body, words, facets) VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def remove(self, entries: Sequence[IndexedEntry]) -> None:
        # A contentless table forgets a row when told exactly what it held (FTS5 'delete' command).
        rows = [(fts_rowid(e), *_columns(e.document)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO catalogue_search(catalogue_search, rowid, title, body, words, facets)"
                " VALUES ('delete', %s, %s, %s, %s, %s)",
                rows,
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO catalogue_search(catalogue_search) VALUES ('delete-all')")

    def matches(
        self,
        terms: Sequence[Term],
        facets: Sequence[str],
        *,
        by_relevance: bool,
        window: int,
        limit: int,
        offset: int,
    ) -> list[Match]:
        expression = fts5_expression(terms, facets)
        ranked: list[Match] = []
        with connection.cursor() as cursor:
            if by_relevance and offset < window:
                cursor.execute(
                    "SELECT rowid, score FROM (SELECT rowid,"
                    " bm25(catalogue_search, 10.0, 1.0, 3.0, 0.0) AS score"
                    " FROM catalogue_search WHERE catalogue_search MATCH %s ORDER BY rowid DESC LIMIT %s)"
                    " ORDER BY score, rowid DESC LIMIT %s OFFSET %s",
                    [expression, window, min(limit, window - offset), offset],
                )
                ranked = [Match(_publication_id(rowid), float(score)) for rowid, score in cursor.fetchall()]
                if len(ranked) == limit or len(ranked) < window - offset:
                    return ranked  # a full page, or every match was in the window
                limit, offset = limit - len(ranked), window  # the page runs past the window
            cursor.execute(
                "SELECT rowid FROM catalogue_search WHERE catalogue_search MATCH %s"
                " ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [expression, limit, offset],
            )
            return ranked + [Match(_publication_id(rowid), None) for (rowid,) in cursor.fetchall()]

    def count(self, terms: Sequence[Term], facets: Sequence[str], *, cap: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM catalogue_search"
                " WHERE catalogue_search MATCH %s LIMIT %s)",
                [fts5_expression(terms, facets), cap + 1],
            )
            return int(cursor.fetchone()[0])

    def all_publication_ids(self, terms: Sequence[Term], facets: Sequence[str]) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM catalogue_search WHERE catalogue_search MATCH %s",
                [fts5_expression(terms, facets)],
            )
            return [_publication_id(rowid) for (rowid,) in cursor.fetchall()]


def _columns(document: SearchDocument) -> tuple[str, str, str, str]:
    return document.title, document.body, document.words, document.facets


def _publication_id(rowid: int) -> int:
    return rowid & ((1 << _ID_BITS) - 1)


# -- PostgreSQL ------------------------------------------------------------------------------------------

# PostgreSQL keeps positions up to 16383 and at most 256 positions per lexeme (its tsvector limits);
# a phrase beyond them in a very long text is not found on this backend.
_PG_MAX_POSITION = 16383
_PG_MAX_POSITIONS = 256
# Weights: A title, B text, C jieba words, D facets.
_STREAMS = (("title", "A"), ("body", "B"), ("words", "C"), ("facets", "D"))


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(document: SearchDocument) -> str:
    """The document as a tsvector literal with positions and weights, parsed by no text search parser."""
    positions: dict[str, list[str]] = {}
    position = 0
    for field, weight in _STREAMS:
        for token in getattr(document, field).split():
            position = min(position + 1, _PG_MAX_POSITION)
            places = positions.setdefault(token, [])
            if len(places) < _PG_MAX_POSITIONS:
                places.append(f"{position}{weight}")
        position = min(position + 1, _PG_MAX_POSITION)  # no phrase runs from one field into the next
    return " ".join(f"{_lexeme(token)}:{','.join(places)}" for token, places in positions.items())


def tsquery_literal(terms: Sequence[Term], facets: Sequence[str]) -> str:
    parts: list[str] = []
    for term in terms:
        if len(term.units) == 1:
            parts.append(f"{_lexeme(term.units[0])}:*AB")
            continue
        phrase = " <-> ".join(f"{_lexeme(bigram)}:AB" for bigram in term.bigrams)
        if term.words:
            words = " & ".join(f"{_lexeme(word)}:C" for word in term.words)
            phrase = f"(({phrase}) | ({words}))"
        parts.append(f"({phrase})")
    parts += [f"{_lexeme(token)}:D" for token in facets]
    return " & ".join(parts)


class PostgresBackend:
    """The tsvector column catalogue_searchentry.document with a GIN index (migration 0002)."""

    def add(self, entries: Sequence[IndexedEntry]) -> None:
        rows = [(tsvector_literal(e.document), e.publication_id) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE catalogue_searchentry SET document = %s::tsvector WHERE publication_id = %s", rows
            )

    def remove(self, entries: Sequence[IndexedEntry]) -> None:
        """Nothing to do: the tokens go with the entry's row."""

    def clear(self) -> None:
        """Nothing to do: the tokens go with the entries' rows."""

    def matches(
        self,
        terms: Sequence[Term],
        facets: Sequence[str],
        *,
        by_relevance: bool,
        window: int,
        limit: int,
        offset: int,
    ) -> list[Match]:
        query = tsquery_literal(terms, facets)
        ranked: list[Match] = []
        with connection.cursor() as cursor:
            if by_relevance and offset < window:
                cursor.execute(
                    "SELECT publication_id, ts_rank(document, q) AS score"
                    " FROM (SELECT publication_id, document, published_on FROM catalogue_searchentry"
                    " WHERE document @@ %s::tsquery"
                    " ORDER BY published_on DESC, publication_id DESC LIMIT %s) recent,"
                    " CAST(%s AS tsquery) q"
                    " ORDER BY score DESC, published_on DESC, publication_id DESC LIMIT %s OFFSET %s",
                    [query, window, query, min(limit, window - offset), offset],
                )
                ranked = [Match(int(pk), float(score)) for pk, score in cursor.fetchall()]
                if len(ranked) == limit or len(ranked) < window - offset:
                    return ranked
                limit, offset = limit - len(ranked), window
            cursor.execute(
                "SELECT publication_id FROM catalogue_searchentry WHERE document @@ %s::tsquery"
                " ORDER BY published_on DESC, publication_id DESC LIMIT %s OFFSET %s",
                [query, limit, offset],
            )
            return ranked + [Match(int(pk), None) for (pk,) in cursor.fetchall()]

    def count(self, terms: Sequence[Term], facets: Sequence[str], *, cap: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM catalogue_searchentry"
                " WHERE document @@ %s::tsquery LIMIT %s) hits",
                [tsquery_literal(terms, facets), cap + 1],
            )
            return int(cursor.fetchone()[0])

    def all_publication_ids(self, terms: Sequence[Term], facets: Sequence[str]) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT publication_id FROM catalogue_searchentry WHERE document @@ %s::tsquery",
                [tsquery_literal(terms, facets)],
            )
            return [int(pk) for (pk,) in cursor.fetchall()]


def backend() -> Backend:
    """The backend for the database in use (``connection.vendor``)."""
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
