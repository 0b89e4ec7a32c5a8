"""The search document of one catalogue entry, and the query expression, as the backends need them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gongkai.catalogue.search.tokens import Term, streams


@dataclass(frozen=True)
class Filters:
    """Narrowing a search; each becomes a facet token the entry's document carries."""

    agency_id: int | None = None
    category_id: int | None = None  # the category and everything below it
    category_code: str = ""  # across agencies: the same code (the national categories share theirs)
    year: int | None = None  # of 发布日期
    validity: str = ""
    doc_type: str = ""

    def tokens(self) -> list[str]:
        wanted = [
            ("xa", self.agency_id),
            ("xc", self.category_id),
            ("xk", facet_value(self.category_code)),
            ("xy", self.year),
            ("xv", self.validity),
            ("xt", self.doc_type),
        ]
        return [f"{prefix}{value}" for prefix, value in wanted if value not in (None, "")]


def facet_value(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def facets_for(
    *,
    agency_id: int,
    category_ids: Sequence[int],
    category_code: str,
    year: int,
    validity: str,
    doc_type: str,
) -> str:
    values = [f"xa{agency_id}", *(f"xc{pk}" for pk in category_ids), f"xy{year}", f"xt{doc_type}"]
    if facet_value(category_code):
        values.append(f"xk{facet_value(category_code)}")
    if validity:
        values.append(f"xv{validity}")
    return " ".join(values)


@dataclass(frozen=True)
class SearchDocument:
    """The four token streams of one entry; ``facets`` are the filter tokens."""

    title: str
    body: str
    words: str
    facets: str


def document_for(*, title: str, text: str, doc_number: str, keywords: str, facets: str) -> SearchDocument:
    title_bigrams, title_words = streams(title)
    body_bigrams, body_words = streams("\n".join((text, doc_number, keywords)))
    return SearchDocument(
        title=title_bigrams,
        body=body_bigrams,
        words=f"{title_words} {body_words}".strip(),
        facets=facets,
    )


@dataclass(frozen=True)
class IndexedEntry:
    """One row to add to or remove from the backend: the publication's id, its date and its document."""

    publication_id: int
    published_on: date
    document: SearchDocument


def has_terms(terms: Sequence[Term]) -> bool:
    return any(term.units for term in terms)
