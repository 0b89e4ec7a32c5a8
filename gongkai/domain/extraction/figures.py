"""Fields from tables and prose, and the contradictions between them.

A field's value comes, in this order of trust, from:

1. a table cell that states it (table 三's 总计 column, a subtotal whose sub-rows are all printed,
   table 四's 总计, the statistics table's 统计数); a different figure in the prose is a
   contradiction, the table's value is kept;
2. the prose, when every exact statement agrees and, where the table's own cells add up to the
   same figure without stating it (the 总计 column left blank), they agree with that sum too;
3. nothing: a field stated twice with different values, only approximately ("300余"), only as a
   combined figure ("予以公开及部分公开258件") or not at all is absent, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gongkai.domain.annual_report.checks import RULES_BY_ID, Finding, contradiction
from gongkai.domain.annual_report.tables import Cells
from gongkai.domain.extraction.legacy import LegacyTable
from gongkai.domain.extraction.numerals import NUMBER, parse_number
from gongkai.domain.extraction.phrases import Claim
from gongkai.domain.extraction.sections import Document
from gongkai.domain.extraction.tables import ReadTables

__all__ = ["FIELDS", "FIELD_NAMES", "Resolved", "resolve_fields"]

FIELDS: tuple[str, ...] = (
    "proactive_total",
    "requests_received",
    "requests_carried_over",
    "granted",
    "partially_granted",
    "refused",
    "unable_to_provide",
    "not_processed",
    "carried_forward",
    "admin_reviews",
    "lawsuits",
    "fees_yuan",
    "website_items",
    "weibo_items",
    "wechat_items",
    "gazette_items",
)

# Field → its table-三 row (2019/2021 formats).
_APPLICATION_ROWS = {
    "requests_received": ("new",),
    "requests_carried_over": ("carried_over",),
    "granted": ("granted",),
    "partially_granted": ("partial",),
    "refused": ("refused",),
    "unable_to_provide": ("unable",),
    "not_processed": ("not_processed",),
    "other_handled": ("other",),
    "carried_forward": ("carried_forward",),
}
# Field → the statistics table's row (pre-2019).
_LEGACY_ROWS = {
    "proactive_total": "proactive.total",
    "gazette_items": "proactive.gazette",
    "website_items": "proactive.website",
    "weibo_items": "proactive.weibo",
    "wechat_items": "proactive.wechat",
    "requests_received": "requests.received",
    "granted": "replies.granted",
    "partially_granted": "replies.partial",
    "refused": "replies.refused",
    "admin_reviews": "reviews.total",
    "lawsuits": "lawsuits.total",
    "fees_yuan": "fees_10k_yuan",
    "trainings": "training.courses",
}
_NAMES = {
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

FIELD_NAMES: dict[str, str] = {field: _NAMES[field] for field in FIELDS}  # each field in words


@dataclass(frozen=True)
class _Stated:
    value: int | float
    line: int
    path: str  # the cell, or "fields.<field>" for prose
    place: str  # how a message names it: 表三, 统计表, 正文
    approximate: bool = False


@dataclass(frozen=True)
class Resolved:
    fields: dict[str, int | float]
    findings: list[Finding]


def resolve_fields(
    document: Document, claims: list[Claim], tables: ReadTables, legacy: LegacyTable | None
) -> Resolved:
    stated, derived = _table_figures(tables, legacy)
    by_field: dict[str, list[Claim]] = {}
    for claim in claims:
        by_field.setdefault(claim.field, []).append(claim)
    fields: dict[str, int | float] = {}
    findings: list[Finding] = []
    for field in (*FIELDS, "other_handled", "trainings"):
        stated_claims = by_field.get(field, [])
        if any(not claim.cumulative for claim in stated_claims):
            stated_claims = [claim for claim in stated_claims if not claim.cumulative]
        prose = [_prose(document, claim) for claim in stated_claims]
        value = _resolve(field, stated.get(field), derived.get(field), prose, findings)
        if value is not None and field in FIELDS:
            fields[field] = value
    findings += _combined(document, by_field.get("granted+partial", ()), stated, derived)
    findings += _all_upheld(document, by_field.get("all_upheld", ()), tables)
    findings += _parts_exceed(document, claims)
    findings += _channels_exceed(legacy)
    return Resolved(fields, findings)


def _prose(document: Document, claim: Claim) -> _Stated:
    line = document.line_of(claim.figure if claim.figure >= 0 else claim.start)
    place = "正文（约数）" if claim.number.approximate else "正文"
    return _Stated(claim.number.value, line, f"fields.{claim.field}", place, claim.number.approximate)


def _same(a: int | float, b: int | float) -> bool:
    return abs(a - b) < 1e-6


def _fits(approximate: int | float, value: int | float) -> bool:
    """Whether "about ``approximate``" (300余, 约300) can be ``value``."""
    return approximate * 0.8 <= value <= approximate * 1.5


def _resolve(
    field: str,
    table: _Stated | None,
    derived: _Stated | None,
    prose: list[_Stated],
    findings: list[Finding],
) -> int | float | None:
    exact = [item for item in prose if not item.approximate]
    rough = [item for item in prose if item.approximate]
    anchor = table or derived
    if anchor is not None:
        clashes = [item for item in exact if not _same(item.value, anchor.value)]
        clashes += [item for item in rough if not _fits(item.value, anchor.value)]
        if clashes:
            findings.append(_clash(field, [anchor, *_distinct(clashes, most=5)]))
        if table is not None:
            return table.value
        return exact[0].value if exact and not clashes else None
    values = _distinct(exact)
    if len(values) > 1:
        findings.append(_clash(field, values))
        return None
    if not values:
        return None
    clashes = [item for item in rough if not _fits(item.value, values[0].value)]
    if clashes:
        findings.append(_clash(field, [values[0], *_distinct(clashes, most=5)]))
    return values[0].value


def _distinct(items: Iterable[_Stated], *, most: int = 6) -> list[_Stated]:
    """The first of each different value (a message names at most ``most`` of them)."""
    result: list[_Stated] = []
    for item in items:
        if not any(_same(item.value, seen.value) for seen in result):
            result.append(item)
            if len(result) >= most:
                break
    return result


def _clash(field: str, items: list[_Stated]) -> Finding:
    path = next((item.path for item in items if not item.path.startswith("fields.")), items[0].path)
    finding = contradiction(
        what=_NAMES.get(field, field),
        where=path,
        values=[(_place(item), item.value) for item in items],
    )
    return _at(finding, [item.line for item in items])


def _place(item: _Stated) -> str:
    if item.place.startswith("正文（"):
        return f"正文第{item.line}行{item.place[2:]}"
    return f"{item.place}第{item.line}行"


def _at(finding: Finding, lines: list[int]) -> Finding:
    where = f"{finding.where}: " + " vs ".join(f"line {line}" for line in dict.fromkeys(lines))
    return Finding(finding.code, finding.severity, finding.message, where, finding.cells)


# --- figures the tables state -----------------------------------------------------------------


def _table_figures(
    tables: ReadTables, legacy: LegacyTable | None
) -> tuple[dict[str, _Stated], dict[str, _Stated]]:
    stated: dict[str, _Stated] = {}
    derived: dict[str, _Stated] = {}
    if tables.applications:
        for field, (row,) in _APPLICATION_ROWS.items():
            _application_figure(field, row, tables, stated, derived)
    if tables.disputes or "disputes.review" in tables.lines:
        _dispute_figures(tables, stated)
    if legacy is not None:
        for field, row in _LEGACY_ROWS.items():
            value = legacy.cells.get(row, {}).get("value")
            if value is None:
                continue
            if field == "fees_yuan":
                value = round(value * 10_000, 2)
                value = int(value) if float(value).is_integer() else value
            line = legacy.lines.get(f"extra.{row}", 0)
            stated.setdefault(field, _Stated(value, line, f"extra.{row}.value", "统计表"))
    return stated, derived


_SUBROWS = {
    "refused": 8,
    "unable": 3,
    "not_processed": 5,
}


def _rows_of(row: str, cells: Cells) -> list[str]:
    if row in _SUBROWS or (row == "other" and "other" not in cells):
        return [key for key in cells if key.startswith(f"{row}.")]
    return [row]


def _application_figure(
    field: str, row: str, tables: ReadTables, stated: dict[str, _Stated], derived: dict[str, _Stated]
) -> None:
    cells = tables.applications
    parts = _rows_of(row, cells)
    expected = _SUBROWS.get(row, 3 if row == "other" and parts != ["other"] else 1)
    if len(parts) != expected or any(part not in cells for part in parts):
        return
    line = min((tables.lines.get(f"applications.{part}", 0) for part in parts), default=0)
    totals = [cells[part].get("total") for part in parts]
    path = f"applications.{row}.total"
    if all(total is not None for total in totals):
        stated[field] = _Stated(sum(t for t in totals if t is not None), line, path, "表三")
        return
    sums = [
        cells[part]["total"]
        if "total" in cells[part]
        else sum(v for k, v in cells[part].items() if k != "total")
        for part in parts
    ]
    if any(cells[part] for part in parts):
        derived[field] = _Stated(sum(sums), line, path, "表三各列之和")


def _dispute_figures(tables: ReadTables, stated: dict[str, _Stated]) -> None:
    line = tables.lines.get("disputes.review", 0)
    review = tables.disputes.get("review", {}).get("total")
    if review is not None:
        stated["admin_reviews"] = _Stated(review, line, "disputes.review.total", "表四")
    direct = tables.disputes.get("lawsuit_direct", {})
    after = tables.disputes.get("lawsuit_after_review", {})
    totals = [group.get("total") for group in (direct, after) if group]
    if totals and all(total is not None for total in totals):
        # A group left wholly blank is none of that kind (the table was read whole).
        value = sum(total for total in totals if total is not None)
        stated["lawsuits"] = _Stated(value, line, "disputes.lawsuit_direct.total", "表四")


# --- findings between prose and tables ------------------------------------------------------


def _combined(
    document: Document, claims: Iterable[Claim], stated: Mapping[str, _Stated], derived: Mapping[str, _Stated]
) -> list[Finding]:
    findings: list[Finding] = []
    parts = [stated.get(field) or derived.get(field) for field in ("granted", "partially_granted")]
    if any(part is None for part in parts):
        return findings
    total = sum(part.value for part in parts if part is not None)
    line = min(part.line for part in parts if part is not None)
    for claim in claims:
        if claim.number.approximate or _same(claim.number.value, total):
            continue
        table = _Stated(total, line, "applications.granted.total", "表三予以公开与部分公开之和")
        findings.append(_clash("granted+partial", [table, _prose(document, claim)]))
    return findings


def _all_upheld(document: Document, claims: Iterable[Claim], tables: ReadTables) -> list[Finding]:
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


def _parts_exceed(document: Document, claims: Iterable[Claim]) -> list[Finding]:
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
                what=_NAMES[claim.field],
                where=f"fields.{claim.field}",
                values=[(f"正文第{line}行总数", claim.number.value), ("其中各项之和", total)],
            )
            findings.append(_at(finding, [line]))
    return findings


_CHANNELS = (
    "proactive.gazette",
    "proactive.website",
    "proactive.weibo",
    "proactive.wechat",
    "proactive.other_channels",
)


def _channels_exceed(legacy: LegacyTable | None) -> list[Finding]:
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
        what=_NAMES["proactive_total"],
        where="extra.proactive.total.value",
        values=[(f"统计表第{line}行", total), (f"各渠道公开数之和（第{line + 1}至{last}行）", sum(channels))],
    )
    return [_at(finding, [line, last])]


def _find(text: str, mark: str, start: int) -> int:
    found = text.find(mark, start)
    return len(text) if found < 0 else found
