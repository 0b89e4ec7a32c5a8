"""A figure as one place in a report states it, and the finding two places that disagree make.

Figures come from a table cell ("表三第57行"), the statistics table or the prose ("正文第14行",
"正文第13行（约数）"); a contradiction names every place with its line, and its ``where`` ends
with the lines ("extra.proactive.website.value: line 41 vs line 13").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.domain.annual_report.checks import Finding, contradiction
from gongkai.domain.extraction.phrases import Claim
from gongkai.domain.extraction.sections import Document

__all__ = ["NAMES", "Stated", "at_lines", "clash", "distinct", "from_claim", "same"]

NAMES: dict[str, str] = {  # each figure in words, for messages
    "proactive_total": "主动公开政府信息数",
    "requests_received": "收到政府信息公开申请数",
    "requests_carried_over": "上年结转申请数",
    "granted": "予以公开数",
    "partially_granted": "部分公开数",
    "refused": "不予公开数",
    "unable_to_provide": "无法提供数",
    "not_processed": "不予处理数",
    "other_handled": "其他处理数",
    "carried_forward": "结转下年度继续办理数",
    "admin_reviews": "行政复议数",
    "lawsuits": "行政诉讼数",
    "fees_yuan": "收取费用（元）",
    "website_items": "政府网站公开政府信息数",
    "weibo_items": "政务微博公开政府信息数",
    "wechat_items": "政务微信公开政府信息数",
    "gazette_items": "政府公报公开政府信息数",
    "trainings": "举办培训次数",
    "granted+partial": "予以公开及部分公开数",
}


@dataclass(frozen=True)
class Stated:
    value: int | float
    line: int
    path: str  # the cell, or "fields.<field>" for prose
    place: str  # how a message names it: 表三, 统计表, 正文
    approximate: bool = False


def from_claim(document: Document, claim: Claim) -> Stated:
    line = document.line_of(claim.figure if claim.figure >= 0 else claim.start)
    place = "正文（约数）" if claim.number.approximate else "正文"
    return Stated(claim.number.value, line, f"fields.{claim.field}", place, claim.number.approximate)


def same(a: int | float, b: int | float) -> bool:
    return abs(a - b) < 1e-6


def distinct(items: Iterable[Stated], *, most: int = 6) -> list[Stated]:
    """The first of each different value (a message names at most ``most`` of them)."""
    result: list[Stated] = []
    for item in items:
        if not any(same(item.value, seen.value) for seen in result):
            result.append(item)
            if len(result) >= most:
                break
    return result


def clash(field: str, items: list[Stated]) -> Finding:
    path = next((item.path for item in items if not item.path.startswith("fields.")), items[0].path)
    finding = contradiction(
        what=NAMES.get(field, field),
        where=path,
        values=[(_place(item), item.value) for item in items],
    )
    return at_lines(finding, [item.line for item in items])


def _place(item: Stated) -> str:
    if item.place.startswith("正文（"):
        return f"正文第{item.line}行{item.place[2:]}"
    return f"{item.place}第{item.line}行"


def at_lines(finding: Finding, lines: list[int]) -> Finding:
    where = f"{finding.where}: " + " vs ".join(f"line {line}" for line in dict.fromkeys(lines))
    return Finding(finding.code, finding.severity, finding.message, where, finding.cells)
