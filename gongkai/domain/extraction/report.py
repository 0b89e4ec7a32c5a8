"""One published report's text → its template, agency, year, fields, tables and findings.

``extract_text`` is the whole reader; ``ExtractedReport.to_json`` is the contract the command
line prints one line of per file (scripts depend on it):
``{"file", "agency", "year", "template", "fields", "proactive"/"applications"/"disputes" where
found, "findings"}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongkai.domain.annual_report.checks import Finding, check_tables
from gongkai.domain.annual_report.tables import Cells, ReportTables
from gongkai.domain.annual_report.templates import TemplateId
from gongkai.domain.errors import DomainError, ExtractionError
from gongkai.domain.extraction.consistency import may_break_identities
from gongkai.domain.extraction.figures import FIELDS, resolve_fields
from gongkai.domain.extraction.legacy import LegacyTable, read_legacy_table
from gongkai.domain.extraction.phrases import find_claims
from gongkai.domain.extraction.sections import Document, locate_tables, read_document
from gongkai.domain.extraction.tables import ReadTables, read_tables
from gongkai.domain.extraction.titles import find_agency, find_year

__all__ = ["ExtractedReport", "extract_text"]

# Beyond this a "report" is not one: the reader keeps its time bounded on any input.
MAX_CHARS = 1_000_000
_NATIONAL = ("proactive", "applications", "disputes")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ExtractedReport:
    """What the reader found in one report. ``fields`` holds only what the text states."""

    template: TemplateId
    agency: str
    year: int | None
    fields: dict[str, int | float]
    tables: ReportTables
    findings: tuple[Finding, ...] = ()
    found: tuple[str, ...] = field(default=())  # which national tables were read

    def to_json(self, file: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": file,
            "agency": self.agency,
            "year": self.year,
            "template": self.template,
            "fields": {name: self.fields[name] for name in FIELDS if name in self.fields},
        }
        national = self.tables.with_subtotals() if "applications" in self.found else self.tables
        for table in _NATIONAL:
            if table in self.found:
                data[table] = national.table(table)
        data["findings"] = [finding.to_json() for finding in self.findings]
        return data


def extract_text(text: str, *, filename: str = "") -> ExtractedReport:
    """Read one report. ExtractionError when the text is empty or is not a report's text at all."""
    if not text or not text.strip():
        raise ExtractionError("文件为空，没有可读取的文字", where=filename)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    document = read_document(text)
    if not _HAN.search(document.compact):
        raise ExtractionError("文件中没有中文文字，不像是政府信息公开年度报告", where=filename)
    year = find_year(document.compact)
    agency = find_agency(document.compact)
    read = read_tables(document, locate_tables(document))
    legacy = read_legacy_table(document) if _may_hold_statistics(document) else None
    template = _template(read, legacy, year, document)
    tables = _report_tables(template, agency, year, read, legacy)
    resolved = resolve_fields(document, find_claims(document.prose, year=year), read, legacy)
    findings = [*_identity_findings(tables, read, legacy), *resolved.findings]
    found = tuple(name for name in _NATIONAL if tables.table(name))
    return ExtractedReport(template, agency, year, resolved.fields, tables, tuple(findings), found)


_STATISTICS_PROACTIVE = ("公开政府信息数", "主动公开信息数", "主动公开文件数")
_STATISTICS_REQUESTS = (
    "收到申请数",
    "申请答复数",
    "行政复议数量",
    "受理依申请公开信息总数",
    "同意公开答复数",
)


def _may_hold_statistics(document: Document) -> bool:
    text = document.compact
    return any(label in text for label in _STATISTICS_PROACTIVE) and any(
        label in text for label in _STATISTICS_REQUESTS
    )


def _template(
    read: ReadTables, legacy: LegacyTable | None, year: int | None, document: Document
) -> TemplateId:
    if read.layout == "2021":
        return "2021"
    if read.layout == "2019":
        return "2019"
    if legacy is not None:
        return "pre2019-table"
    if year is not None:
        return "2021" if year >= 2021 else "2019" if year >= 2019 else "pre2019-prose"
    if "收到和处理政府信息公开申请情况" in document.prose:
        return "2021"
    return "pre2019-prose"


def _report_tables(
    template: TemplateId, agency: str, year: int | None, read: ReadTables, legacy: LegacyTable | None
) -> ReportTables:
    if template in ("pre2019-table", "pre2019-prose"):
        return ReportTables(template=template, agency=agency, year=year, extra=legacy.cells if legacy else {})
    return ReportTables(
        template=template,
        agency=agency,
        year=year,
        proactive=read.proactive,
        applications=_applications_as(template, read.applications),
        disputes=read.disputes,
    )


def _applications_as(template: TemplateId, cells: Cells) -> Cells:
    """Table 三 in the report's format when table 二 and table 三 were printed in different ones."""
    parts = [row for row in cells if row.startswith("other.")]
    if template == "2019" and parts:
        result = {row: values for row, values in cells.items() if not row.startswith("other.")}
        columns = set.intersection(*(set(cells[row]) for row in parts)) if len(parts) == 3 else set()
        if columns:
            result["other"] = {column: sum(cells[row][column] for row in parts) for column in sorted(columns)}
        return result
    if template == "2021" and "other" in cells:
        return {row: values for row, values in cells.items() if row != "other"}
    return cells


def _identity_findings(tables: ReportTables, read: ReadTables, legacy: LegacyTable | None) -> list[Finding]:
    if not may_break_identities(tables):
        return []
    try:
        findings = check_tables(tables)
    except DomainError:
        return []
    lines = {**read.lines, **(legacy.lines if legacy else {})}
    result = []
    for finding in findings:
        line = _line_of(finding.where, lines)
        where = f"{finding.where}: line {line}" if line else finding.where
        result.append(Finding(finding.code, finding.severity, finding.message, where, finding.cells))
    return result


def _line_of(path: str, lines: dict[str, int]) -> int:
    row = path.rsplit(".", 1)[0]
    if row in lines:
        return lines[row]
    candidates = [line for key, line in lines.items() if key.startswith(row + ".") or row.startswith(key)]
    return min(candidates, default=0)
