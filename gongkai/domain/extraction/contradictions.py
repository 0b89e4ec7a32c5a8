"""Contradictions the tables and the prose make between them, beyond one field stated twice.

- a combined prose figure ("予以公开及部分公开258件") against the table's two rows;
- prose saying every review and suit was upheld while table 四 shows others;
- a total followed by "其中" parts that add up to more ("网站发布信息2139条，其中…" = 2160);
- the statistics table's channels adding up to more than its 主动公开政府信息数 (seed 002).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from gongkai.domain.annual_report.checks import RULES_BY_ID, Finding, contradiction
from gongkai.domain.extraction.legacy import LegacyTable
from gongkai.domain.extraction.numerals import NUMBER, parse_number
from gongkai.domain.extraction.phrases import Claim
from gongkai.domain.extraction.sections import Document
from gongkai.domain.extraction.stated import NAMES, Stated, at_lines, clash, from_claim, same
from gongkai.domain.extraction.tables import ReadTables

__all__ = ["all_upheld", "channels_exceed", "combined", "parts_exceed"]


def combined(
    document: Document, claims: Iterable[Claim], stated: Mapping[str, Stated], derived: Mapping[str, Stated]
) -> list[Finding]:
    findings: list[Finding] = []
    parts = [stated.get(field) or derived.get(field) for field in ("granted", "partially_granted")]
    if any(part is None for part in parts):
        return findings
    total = sum(part.value for part in parts if part is not None)
    line = min(part.line for part in parts if part is not None)
    for claim in claims:
        if claim.number.approximate or same(claim.number.value, total):
            continue
        table = Stated(total, line, "applications.granted.total", "表三予以公开与部分公开之和")
        findings.append(clash("granted+partial", [table, from_claim(document, claim)]))
    return findings


def all_upheld(document: Document, claims: Iterable[Claim], tables: ReadTables) -> list[Finding]:
    """Prose saying every review and suit was upheld, while table 四 shows others."""
    findings: list[Finding] = []
    names = {
        "review": "行政复议",
        "lawsuit_direct": "未经复议直接起诉的行政诉讼",
        "lawsuit_after_review": "复议后起诉的行政诉讼",
    }
    rule = RULES_BY_ID["contradiction"]
    for claim in claims:
        said = document.line_of(claim.start)
        for group, values in tables.disputes.items():
            others = sum(values.get(column, 0) for column in ("corrected", "other", "pending"))
            if others <= 0:
                continue
            line = tables.lines.get("disputes.review", 0)
            message = (
                f"正文第{said}行称复议、诉讼均获维持，"
                f"但表四第{line}行{names[group]}有{_count(others)}件未获维持或尚未审结"
            )
            where = f"disputes.{group}: line {said} vs line {line}"
            findings.append(Finding("contradiction", rule.severity, message, where, (f"disputes.{group}",)))
    return findings


def _count(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_PARTS = re.compile(NUMBER + r"(?P<u>条|篇|件)")


def parts_exceed(document: Document, claims: Iterable[Claim]) -> list[Finding]:
    """A total followed by "其中" parts that add up to more than the total."""
    findings: list[Finding] = []
    for claim in claims:
        if claim.field not in ("proactive_total", "website_items") or claim.number.approximate:
            continue
        rest = document.prose[claim.end : claim.end + 400]
        rest = rest[: min(_find(rest, mark, 0) for mark in "。;\n")].lstrip(",")
        if not rest.startswith("其中"):
            continue
        rest = rest[: _find(rest, "其中", 2)]  # a second 其中 breaks down something else
        values = [parse_number(match.group("n")) for match in _PARTS.finditer(rest) if not match.group("a")]
        total = sum(number.value for number in values if number is not None)
        if len(values) >= 2 and total > claim.number.value:
            line = document.line_of(claim.figure)
            finding = contradiction(
                what=NAMES[claim.field],
                where=f"fields.{claim.field}",
                values=[(f"正文第{line}行总数", claim.number.value), ("其中各项之和", total)],
            )
            findings.append(at_lines(finding, [line]))
    return findings


_CHANNELS = (
    "proactive.gazette",
    "proactive.website",
    "proactive.weibo",
    "proactive.wechat",
    "proactive.other_channels",
)


def channels_exceed(legacy: LegacyTable | None) -> list[Finding]:
    """The statistics table's channels adding up to more than its 主动公开政府信息数."""
    if legacy is None or "proactive.total" not in legacy.cells:
        return []
    total = legacy.cells["proactive.total"]["value"]
    channels = [legacy.cells[row]["value"] for row in _CHANNELS if row in legacy.cells]
    if not channels or sum(channels) <= total:
        return []
    line = legacy.lines.get("extra.proactive.total", 0)
    last = max(legacy.lines.get(f"extra.{row}", 0) for row in _CHANNELS)
    finding = contradiction(
        what=NAMES["proactive_total"],
        where="extra.proactive.total.value",
        values=[(f"统计表第{line}行", total), (f"各渠道公开数之和（第{line + 1}至{last}行）", sum(channels))],
    )
    return [at_lines(finding, [line, last])]


def _find(text: str, mark: str, start: int) -> int:
    found = text.find(mark, start)
    return len(text) if found < 0 else found
