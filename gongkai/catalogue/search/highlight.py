"""Highlighted titles and snippets: where the terms occur in the original text, marked with <mark>."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from gongkai.catalogue.search.tokens import Term, fold


def spans(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """Where any term (or, for a term jieba splits, any of its words) occurs, merged, in order."""
    folded = fold(text)
    needles = {needle for term in terms for needle in (term.text, *term.words) if needle}
    found: list[tuple[int, int]] = []
    for needle in needles:
        start = folded.find(needle)
        while start != -1:
            found.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, found: Sequence[tuple[int, int]], start: int, end: int) -> str:
    pieces: list[str] = []
    cursor = start
    for span_start, span_end in found:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)


def highlight(text: str, terms: Sequence[Term]) -> str:
    """The whole text, HTML-escaped, with every occurrence marked."""
    return _marked(text, spans(text, terms), 0, len(text))


def snippet(text: str, terms: Sequence[Term], *, width: int = 140) -> str:
    """About ``width`` characters around the first occurrence (or the start), escaped and marked."""
    flat = " ".join(text.split())
    found = spans(flat, terms)
    start = max(0, found[0][0] - width // 4) if found else 0
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    body = _marked(flat, found, start, end)
    return ("…" if start > 0 else "") + body + ("…" if end < len(flat) else "")
