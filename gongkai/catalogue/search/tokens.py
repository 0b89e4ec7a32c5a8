"""Search tokens, made once in Python and stored, so both backends see exactly the same tokens.

A text is folded (full-width → half-width, lower case; same length, so offsets still point into the
original), then cut into *runs* of letters and digits (punctuation and spaces end a run). Inside a run
each Chinese character is one *unit* and a stretch of other letters or digits is one unit.

- The ``title`` and ``body`` streams hold the overlapping unit bigrams of every run, then the run's
  last unit: 应急管理局 → 应急 急管 管理 理局 局. A query term of n ≥ 2 units is the phrase of its
  bigrams, so it matches exactly where it occurs as a substring: any two characters match, and so do
  personal and place names that a word segmenter would cut apart. A one-unit term is a prefix query.
- The ``words`` stream holds jieba's search-engine cut (words of two or more characters). It lets a
  query such as 安全生产培训 also find 安全生产教育和培训 (every word present, not adjacent) and
  weighs whole words in the ranking.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

# Full-width ASCII (U+FF01–FF5E) and the ideographic space map one-to-one onto ASCII.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x0130: ord("i")}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile(r"[^\W_]+")
_UNIT = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")

# A term longer than this is cut; ten terms are plenty for a catalogue search box.
MAX_TERM_UNITS = 40
MAX_TERMS = 10


def fold(text: str) -> str:
    """Full-width forms to ASCII and lower case, keeping the length (offsets stay valid)."""
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else "".join(c.lower()[:1] or c for c in text.translate(_FOLD))


def runs(folded: str) -> Iterator[str]:
    for match in _RUN.finditer(folded):
        yield match.group()


@lru_cache(maxsize=200_000)
def _run_bigrams(run: str) -> str:
    units = _UNIT.findall(run)
    if len(units) < 2:
        return units[0] if units else ""
    pairs = [units[i] + units[i + 1] for i in range(len(units) - 1)]
    pairs.append(units[-1])
    return " ".join(pairs)


@lru_cache(maxsize=200_000)
def _run_words(run: str) -> str:
    return " ".join(word for word in jieba.cut_for_search(run) if len(word) >= 2)


# Sentences (or lines) and the runs inside them are cached: government texts repeat their set
# phrases, and jieba cuts each run on its own anyway, so the result is the same as cutting the whole.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;\n]*|[。！？；!?;\n]+")


@lru_cache(maxsize=200_000)
def _sentence_streams(sentence: str) -> tuple[str, str]:
    found = _RUN.findall(sentence)
    bigrams = " ".join(_run_bigrams(run) for run in found)
    words = " ".join(filter(None, map(_run_words, found)))
    return bigrams, words


def streams(text: str) -> tuple[str, str]:
    """(bigram stream, word stream) of ``text``, see the module docstring."""
    parts = [_sentence_streams(sentence) for sentence in _SENTENCE.findall(fold(text))]
    return " ".join(b for b, _ in parts if b), " ".join(w for _, w in parts if w)


def bigram_stream(text: str) -> str:
    return streams(text)[0]


def word_stream(text: str) -> str:
    """jieba's search-engine cut of ``text``: words of two or more characters, space-separated."""
    return streams(text)[1]


@dataclass(frozen=True)
class Term:
    """One term of a query: a run of letters and digits the results must contain."""

    text: str  # folded
    units: tuple[str, ...]
    words: tuple[str, ...]  # jieba's words when the term is two or more words, else ()

    @property
    def bigrams(self) -> tuple[str, ...]:
        return tuple(self.units[i] + self.units[i + 1] for i in range(len(self.units) - 1))


def parse_query(query: str) -> list[Term]:
    """The terms of a search box's text: every run of letters and digits, at most ``MAX_TERMS``."""
    terms: list[Term] = []
    for run in runs(fold(query)):
        units = tuple(_UNIT.findall(run))[:MAX_TERM_UNITS]
        text = "".join(units)
        words = tuple(jieba.cut(text))
        # Only a term made of words (安全生产培训 → 安全 生产 培训) also matches its words apart.
        is_words = len(words) >= 2 and all(len(w) >= 2 for w in words)
        terms.append(Term(text=text, units=units, words=words if is_words else ()))
        if len(terms) == MAX_TERMS:
            break
    return terms
