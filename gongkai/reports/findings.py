"""The report's own checks, beside the table identities of ``domain.annual_report.checks``.

Rules as data, like :data:`~gongkai.domain.annual_report.checks.RULES`: each has a code, a
severity, the cells it reads and a description. :data:`ALL_RULES` is what the findings page lists.

- ``narrative.missing``: a required prose part (一、总体情况; 五; 六 for a government) is empty;
- ``narrative.placeholder``: a ``{占位符}`` that does not exist, or whose figure the report lacks;
- ``contradiction``: the prose states a figure (read with the report reader's phrase patterns)
  that differs from the tables (seed 002: 98 website items in the prose, 155 in its table).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gongkai.domain.annual_report import (
    RULES,
    RULES_BY_ID,
    Finding,
    ReportTables,
    Rule,
    Severity,
    contradiction,
)
from gongkai.domain.errors import DomainError
from gongkai.reports.models import SectionKey
from gongkai.reports.narrative import PLACEHOLDERS, Filled, figure_value, format_number

REPORT_RULES: tuple[Rule, ...] = (
    Rule(
        "narrative.missing",
        Severity.ERROR,
        "报告必须包含“一、总体情况”“五、存在的主要问题及改进情况”（政府本级还有“六、其他需要报告的事项”）",
        ("narrative.*",),
    ),
    Rule(
        "narrative.placeholder",
        Severity.ERROR,
        "正文中的占位符（如{新收申请}）必须存在，且其数字在本报告的表格或人工填报数据中",
        ("narrative.*", "*"),
    ),
)
ALL_RULES: tuple[Rule, ...] = (*RULES, *REPORT_RULES)
_SEVERITY = {rule.id: rule.severity for rule in REPORT_RULES}

# The report reader's field → the placeholder naming the same figure (reports.narrative).
CLAIM_FIGURES: dict[str, tuple[str, str]] = {
    "requests_received": ("新收申请", "收到政府信息公开申请数"),
    "requests_carried_over": ("上年结转", "上年结转申请数"),
    "granted": ("予以公开", "予以公开数"),
    "partially_granted": ("部分公开", "部分公开数"),
    "refused": ("不予公开", "不予公开数"),
    "unable_to_provide": ("无法提供", "无法提供数"),
    "not_processed": ("不予处理", "不予处理数"),
    "other_handled": ("其他处理", "其他处理数"),
    "carried_forward": ("结转下年", "结转下年度继续办理数"),
    "admin_reviews": ("行政复议", "行政复议数"),
    "lawsuits": ("行政诉讼", "行政诉讼数"),
    "proactive_total": ("主动公开信息", "主动公开政府信息数"),
    "website_items": ("政府网站信息", "政府网站公开政府信息数"),
    "weibo_items": ("政务微博信息", "政务微博公开政府信息数"),
    "wechat_items": ("政务微信信息", "政务微信公开政府信息数"),
    "gazette_items": ("政府公报信息", "政府公报公开政府信息数"),
    "trainings": ("培训班", "举办各类培训班数"),
    "fees_yuan": ("信息处理费", "收取信息处理费"),
}


def _finding(code: str, message: str, where: str) -> Finding:
    return Finding(code, _SEVERITY[code], message, where, (where,))


@dataclass(frozen=True)
class SectionText:
    key: str
    heading: str
    text: str  # as typed, with placeholders
    filled: Filled


def required_sections(*, is_government: bool) -> tuple[str, ...]:
    # 2019 Regulation Art. 50 and the 2021 format: 一 and 五 always; governments also report under 六.
    keys = (SectionKey.OVERVIEW.value, SectionKey.PROBLEMS.value)
    return (*keys, SectionKey.OTHER.value) if is_government else keys


def narrative_findings(sections: Sequence[SectionText], *, required: Sequence[str]) -> list[Finding]:
    findings = []
    present = {section.key for section in sections if section.text.strip()}
    for key in required:
        if key not in present:
            label = SectionKey(key).label
            findings.append(_finding("narrative.missing", f"缺少“{label}”部分", f"narrative.{key}"))
    for section in sections:
        where = f"narrative.{section.key}"
        for name in section.filled.unknown:
            findings.append(
                _finding("narrative.placeholder", f"“{section.heading}”中的占位符{{{name}}}不存在", where)
            )
        for name in section.filled.unstated:
            findings.append(
                _finding(
                    "narrative.placeholder",
                    f"“{section.heading}”中的占位符{{{name}}}在本报告中没有数字（请先填报）",
                    where,
                )
            )
    return findings


def prose_contradictions(
    prose: str, tables: ReportTables, figures: Mapping[str, int | float]
) -> list[Finding]:
    """Figures the prose states that differ from the tables (every one, not the first)."""
    from gongkai.domain.extraction.normalize import normalize
    from gongkai.domain.extraction.phrases import find_claims

    try:
        claims = find_claims(normalize(prose), year=tables.year)
    except DomainError:
        return []
    findings: list[Finding] = []
    seen: set[tuple[str, float]] = set()
    for claim in claims:
        if claim.field not in CLAIM_FIGURES:
            continue
        placeholder, what = CLAIM_FIGURES[claim.field]
        value = figure_value(placeholder, tables, figures)
        stated = claim.number.value
        if value is None or (claim.field, float(stated)) in seen:
            continue
        seen.add((claim.field, float(stated)))
        if claim.field == "fees_yuan" and tables.template == "pre2019-table":
            value = round(value * 10_000, 2)  # the statistics table states 万元
        if _agrees(stated, value, approximate=claim.number.approximate):
            continue
        where = PLACEHOLDERS[placeholder][tables.template].split("+")[0]
        table = "统计表" if tables.template == "pre2019-table" else "表格"
        if claim.number.approximate:
            message = f"{what}前后不一致：正文为{format_number(stated)}余，{table}为{format_number(value)}"
            findings.append(
                Finding("contradiction", RULES_BY_ID["contradiction"].severity, message, where, (where,))
            )
        else:
            findings.append(contradiction(what=what, where=where, values=[("正文", stated), (table, value)]))
    return findings


def _agrees(stated: int | float, value: int | float, *, approximate: bool) -> bool:
    if approximate:  # "300余": more than 300
        return value >= stated
    return abs(stated - value) < 1e-6
