"""The annual report (政府信息公开工作年度报告) as pure data: formats, tables, checks, compilation.

- ``templates``: the 2021, 2019 and pre-2019 formats' rows and columns with their exact labels;
- ``tables``: :class:`ReportTables`, the figures of one report, and its JSON form;
- ``checks``: :func:`check_tables` → :class:`Finding` s, and the rule registry :data:`RULES`;
- ``compile``: :func:`compile_tables`, the fold from an agency's records to a year's tables.
"""

from __future__ import annotations

from gongkai.domain.annual_report.checks import (
    JUMP_FACTOR,
    JUMP_MIN_CHANGE,
    RULES,
    RULES_BY_ID,
    Finding,
    Rule,
    Severity,
    check_tables,
    contradiction,
)
from gongkai.domain.annual_report.compile import (
    ApplicationFact,
    DisputeFact,
    ManualFigures,
    PublicationFact,
    compile_tables,
)
from gongkai.domain.annual_report.tables import Cells, Number, ReportTables, is_number, parse_cells
from gongkai.domain.annual_report.templates import (
    APPLICANT_COLUMN_IDS,
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    EXTRA_COLUMN,
    PRE2019_NEAREST,
    PRE2019_TABLE,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REPLY_TYPE_TO_OLDER,
    RESULT_GROUPS,
    TABLE_IDS,
    TEMPLATE_IDS,
    TEMPLATES,
    Column,
    ReportTemplate,
    Row,
    TableId,
    TableSpec,
    TemplateId,
    specs_for,
)

__all__ = [
    "APPLICANT_COLUMN_IDS",
    "APPLICATIONS_2019",
    "APPLICATIONS_2021",
    "DISPUTES",
    "EXTRA_COLUMN",
    "JUMP_FACTOR",
    "JUMP_MIN_CHANGE",
    "PRE2019_NEAREST",
    "PRE2019_TABLE",
    "PROACTIVE_2019",
    "PROACTIVE_2021",
    "REPLY_TYPE_TO_OLDER",
    "RESULT_GROUPS",
    "RULES",
    "RULES_BY_ID",
    "TABLE_IDS",
    "TEMPLATES",
    "TEMPLATE_IDS",
    "ApplicationFact",
    "Cells",
    "Column",
    "DisputeFact",
    "Finding",
    "ManualFigures",
    "Number",
    "PublicationFact",
    "ReportTables",
    "ReportTemplate",
    "Row",
    "Rule",
    "Severity",
    "TableId",
    "TableSpec",
    "TemplateId",
    "check_tables",
    "compile_tables",
    "contradiction",
    "is_number",
    "parse_cells",
    "specs_for",
]
