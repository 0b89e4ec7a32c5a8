"""Two backends behind one small interface: SQLite FTS5 (the embedded default) and PostgreSQL.

Both store the same tokens (made in Python, tokens.py) and answer the same query: every term must
occur — a term of two or more units as the phrase of its bigrams (or, for a term made of words, all
those words), a one-unit term as a prefix — and every filter facet must be present. A query can be
narrowed to the title (``Scope.TITLE``) or to the matches whose title does not match
(``Scope.NOT_TITLE``), which is how search() puts title matches first in a large result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from django.db import connection

from gongkai.catalogue.search.documents import IndexedEntry, SearchDocument
from gongkai.catalogue.search.tokens import Term


class Scope(Enum):
    ALL = "all"
    TITLE = "title"  # every term in the title
    NOT_TITLE = "not_title"  # matches, but not every term in the title


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    facets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    publication_id: int
    score: float | None  # relevance, when ranked


class Backend(Protocol):
    def add(self, entries: Sequence[IndexedEntry]) -> None: ...

    def remove(self, entries: Sequence[IndexedEntry]) -> None: ...

    def clear(self) -> None: ...

    def count(self, query: Query, *, cap: int, scope: Scope = Scope.ALL) -> int:
        """How many entries match, counting no further than cap + 1."""

    def ranked(self, query: Query, *, limit: int, offset: int) -> list[Match]:
        """Matches best first (BM25 / ts_rank, title above text); scores every match."""

    def newest(self, query: Query, *, limit: int, offset: int, scope: Scope = Scope.ALL) -> list[Match]:
        """Matches by 发布日期, newest first; reads only as far as the page."""

    def all_publication_ids(self, query: Query) -> list[int]: ...


# -- SQLite FTS5 ---------------------------------------------------------------------------------------

_ID_BITS = 32


def fts_rowid(entry: IndexedEntry) -> int:
    """Rowids sort by 发布日期 then publication, so "newest first" is the index's own order."""
    return (entry.published_on.toordinal() << _ID_BITS) | entry.publication_id


def _publication_id(rowid: int) -> int:
    return rowid & ((1 << _ID_BITS) - 1)


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _fts5_term(term: Term, columns: str, *, with_words: bool) -> str:
    if len(term.units) == 1:
        return f"{columns} : {_quoted(term.units[0])} *"
    phrase = f"{columns} : {_quoted(' '.join(term.bigrams))}"
    if with_words and term.words:
        words = " AND ".join(f"words : {_quoted(word)}" for word in term.words)
        phrase = f"({phrase} OR ({words}))"
    return phrase


def fts5_expression(query: Query, scope: Scope = Scope.ALL) -> str:
    everywhere = " AND ".join(_fts5_term(t, "{title body}", with_words=True) for t in query.terms)
    in_title = " AND ".join(_fts5_term(t, "title", with_words=False) for t in query.terms)
    core = {
        Scope.ALL: everywhere,
        Scope.TITLE: in_title,
        Scope.NOT_TITLE: f"({everywhere}) NOT ({in_title})",
    }[scope]
    facets = [f"facets : {_quoted(token)}" for token in query.facets]
    return " AND ".join([f"({core})", *facets])


class SqliteBackend:
    """The contentless FTS5 table catalogue_search (migration 0002). BM25 column weights: title 10,
    text 1, jieba words 3, facets 0."""

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

    def count(self, query: Query, *, cap: int, scope: Scope = Scope.ALL) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM catalogue_search"
                " WHERE catalogue_search MATCH %s LIMIT %s)",
                [fts5_expression(query, scope), cap + 1],
            )
            return int(cursor.fetchone()[0])

    def ranked(self, query: Query, *, limit: int, offset: int) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, bm25(catalogue_search, 10.0, 1.0, 3.0, 0.0) AS score FROM catalogue_search"
                " WHERE catalogue_search MATCH %s ORDER BY score, rowid DESC LIMIT %s OFFSET %s",
                [fts5_expression(query), limit, offset],
            )
            return [Match(_publication_id(rowid), float(score)) for rowid, score in cursor.fetchall()]

    def newest(self, query: Query, *, limit: int, offset: int, scope: Scope = Scope.ALL) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM catalogue_search WHERE catalogue_search MATCH %s"
                " ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [fts5_expression(query, scope), limit, offset],
            )
            return [Match(_publication_id(rowid), None) for (rowid,) in cursor.fetchall()]

    def all_publication_ids(self, query: Query) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM catalogue_search WHERE catalogue_search MATCH %s", [fts5_expression(query)]
            )
            return [_publication_id(rowid) for (rowid,) in cursor.fetchall()]


def _columns(document: SearchDocument) -> tuple[str, str, str, str]:
    return document.title, document.body, document.words, document.facets


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


def _tsquery_term(term: Term, weights: str, *, with_words: bool) -> str:
    if len(term.units) == 1:
        return f"{_lexeme(term.units[0])}:*{weights}"
    phrase = " <-> ".join(f"{_lexeme(bigram)}:{weights}" for bigram in term.bigrams)
    if with_words and term.words:
        words = " & ".join(f"{_lexeme(word)}:C" for word in term.words)
        phrase = f"({phrase}) | ({words})"
    return f"({phrase})"


def tsquery_literal(query: Query, scope: Scope = Scope.ALL) -> str:
    everywhere = " & ".join(_tsquery_term(t, "AB", with_words=True) for t in query.terms)
    in_title = " & ".join(_tsquery_term(t, "A", with_words=False) for t in query.terms)
    core = {Scope.ALL: everywhere, Scope.TITLE: in_title, Scope.NOT_TITLE: f"({everywhere}) & !({in_title})"}[
        scope
    ]
    return " & ".join([f"({core})", *(f"{_lexeme(token)}:D" for token in query.facets)])


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

    def count(self, query: Query, *, cap: int, scope: Scope = Scope.ALL) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM catalogue_searchentry"
                " WHERE document @@ %s::tsquery LIMIT %s) hits",
                [tsquery_literal(query, scope), cap + 1],
            )
            return int(cursor.fetchone()[0])

    def ranked(self, query: Query, *, limit: int, offset: int) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT publication_id, ts_rank(document, q) AS score"
                " FROM catalogue_searchentry, CAST(%s AS tsquery) q WHERE document @@ q"
                " ORDER BY score DESC, published_on DESC, publication_id DESC LIMIT %s OFFSET %s",
                [tsquery_literal(query), limit, offset],
            )
            return [Match(int(pk), float(score)) for pk, score in cursor.fetchall()]

    def newest(self, query: Query, *, limit: int, offset: int, scope: Scope = Scope.ALL) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT publication_id FROM catalogue_searchentry WHERE document @@ %s::tsquery"
                " ORDER BY published_on DESC, publication_id DESC LIMIT %s OFFSET %s",
                [tsquery_literal(query, scope), limit, offset],
            )
            return [Match(int(pk), None) for (pk,) in cursor.fetchall()]

    def all_publication_ids(self, query: Query) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT publication_id FROM catalogue_searchentry WHERE document @@ %s::tsquery",
                [tsquery_literal(query)],
            )
            return [int(pk) for (pk,) in cursor.fetchall()]


def backend() -> Backend:
    """The backend for the database in use (``connection.vendor``)."""
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
