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

from dataclasses import dataclass

from gongkai.domain.annual_report.checks import Finding
from gongkai.domain.annual_report.tables import Cells
from gongkai.domain.extraction.contradictions import all_upheld, channels_exceed, combined, parts_exceed
from gongkai.domain.extraction.legacy import LegacyTable
from gongkai.domain.extraction.phrases import Claim
from gongkai.domain.extraction.sections import Document
from gongkai.domain.extraction.stated import NAMES, Stated, clash, distinct, from_claim, same
from gongkai.domain.extraction.tables import ReadTables
from gongkai.domain.extraction.websites import settle_websites

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
FIELD_NAMES: dict[str, str] = {field: NAMES[field] for field in FIELDS}  # each field in words
_RESOLVED = (*FIELDS, "other_handled", "trainings")  # the fields, and figures kept for cross-checks


@dataclass(frozen=True)
class Resolved:
    fields: dict[str, int | float]
    findings: list[Finding]


def resolve_fields(
    document: Document, claims: list[Claim], tables: ReadTables, legacy: LegacyTable | None
) -> Resolved:
    stated, derived = _table_figures(tables, legacy)
    claims = settle_websites(
        document.prose, claims, "proactive_total" in stated or "proactive_total" in derived
    )
    by_field: dict[str, list[Claim]] = {}
    for claim in claims:
        by_field.setdefault(claim.field, []).append(claim)
    fields: dict[str, int | float] = {}
    findings: list[Finding] = []
    for field in _RESOLVED:
        stated_claims = by_field.get(field, [])
        if not stated_claims and field not in stated and field not in derived:
            continue  # stated nowhere: nothing to resolve
        if any(not claim.cumulative for claim in stated_claims):
            stated_claims = [claim for claim in stated_claims if not claim.cumulative]
        prose = [from_claim(document, claim) for claim in stated_claims]
        value = _resolve(field, stated.get(field), derived.get(field), prose, findings)
        if value is not None and field in FIELDS:
            fields[field] = value
    findings += combined(document, by_field.get("granted+partial", ()), stated, derived)
    findings += all_upheld(document, by_field.get("all_upheld", ()), tables)
    findings += parts_exceed(document, claims)
    findings += channels_exceed(legacy)
    return Resolved(fields, findings)


def _fits(approximate: int | float, value: int | float) -> bool:
    """Whether "about ``approximate``" (300余, 约300) can be ``value``."""
    return approximate * 0.8 <= value <= approximate * 1.5


def _resolve(
    field: str,
    table: Stated | None,
    derived: Stated | None,
    prose: list[Stated],
    findings: list[Finding],
) -> int | float | None:
    exact = [item for item in prose if not item.approximate]
    rough = [item for item in prose if item.approximate]
    anchor = table or derived
    if anchor is not None:
        clashes = [item for item in exact if not same(item.value, anchor.value)]
        clashes += [item for item in rough if not _fits(item.value, anchor.value)]
        if clashes:
            findings.append(clash(field, [anchor, *distinct(clashes, most=5)]))
        if table is not None:
            return table.value
        return exact[0].value if exact and not clashes else None
    values = distinct(exact)
    if len(values) > 1:
        findings.append(clash(field, values))
        return None
    if not values:
        return None
    clashes = [item for item in rough if not _fits(item.value, values[0].value)]
    if clashes:
        findings.append(clash(field, [values[0], *distinct(clashes, most=5)]))
    return values[0].value


# --- figures the tables state -----------------------------------------------------------------


def _table_figures(
    tables: ReadTables, legacy: LegacyTable | None
) -> tuple[dict[str, Stated], dict[str, Stated]]:
    stated: dict[str, Stated] = {}
    derived: dict[str, Stated] = {}
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
            stated.setdefault(field, Stated(value, line, f"extra.{row}.value", "统计表"))
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
    field: str, row: str, tables: ReadTables, stated: dict[str, Stated], derived: dict[str, Stated]
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
        stated[field] = Stated(sum(t for t in totals if t is not None), line, path, "表三")
        return
    sums = [
        cells[part]["total"]
        if "total" in cells[part]
        else sum(v for k, v in cells[part].items() if k != "total")
        for part in parts
    ]
    if any(cells[part] for part in parts):
        derived[field] = Stated(sum(sums), line, path, "表三各列之和")


def _dispute_figures(tables: ReadTables, stated: dict[str, Stated]) -> None:
    line = tables.lines.get("disputes.review", 0)
    review = tables.disputes.get("review", {}).get("total")
    if review is not None:
        stated["admin_reviews"] = Stated(review, line, "disputes.review.total", "表四")
    direct = tables.disputes.get("lawsuit_direct", {})
    after = tables.disputes.get("lawsuit_after_review", {})
    totals = [group.get("total") for group in (direct, after) if group]
    if totals and all(total is not None for total in totals):
        # A group left wholly blank is none of that kind (the table was read whole).
        value = sum(total for total in totals if total is not None)
        stated["lawsuits"] = Stated(value, line, "disputes.lawsuit_direct.total", "表四")
