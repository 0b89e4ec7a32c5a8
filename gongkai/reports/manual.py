"""What an agency may enter by hand for a year, and how the entries become table cells.

Three kinds of key, each a path:

- ``proactive.<row>.<column>``: a table 二 cell of the 2021 or 2019 format. Decisions on licensing,
  punishment and coercion and the fee revenue (2021 Art. 20(5), (6), (8)) are never in the
  records; the document rows (规章, 行政规范性文件) replace the catalogue's counts, for years the
  catalogue does not hold completely;
- ``extra.<row>.value``: a line of the pre-2019 statistics table that no record answers (channels,
  press conferences, complaints, staff, budget, meetings, trainings…). The catalogue lines
  (主动公开政府信息数…) replace the catalogue's counts as above;
- ``figure.<name>``: a figure only the prose uses (deputies' suggestions, online Q&A).

Request, review and lawsuit figures are never entered: they follow from the cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from gongkai.domain.annual_report import (
    EXTRA_COLUMN,
    PRE2019_TABLE,
    PROACTIVE_2019,
    PROACTIVE_2021,
    Cells,
    TableSpec,
    TemplateId,
)
from gongkai.domain.annual_report_counts import RECORD_ROWS
from gongkai.domain.errors import InvalidInput

# Columns in 万元 or 元 with decimals; every other figure is a whole number.
_DECIMAL_COLUMNS = frozenset({"amount_10k_yuan", "amount"})
_DECIMAL_ROWS = frozenset({"fees_10k_yuan", "staffing.funding_10k_yuan"})

NOT_ENTERED_BY_HAND = "依申请公开、行政复议和行政诉讼的数字由办件记录自动生成，不能人工填报"


@dataclass(frozen=True)
class ManualField:
    key: str
    label: str
    unit: str = ""
    decimals: bool = False
    signed: bool = False
    templates: tuple[str, ...] = ()  # the formats whose tables hold it ("" = prose only)

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]


FIGURES: dict[str, str] = {
    "figure.proposals": "办理人大代表建议和政协提案件数",
    "figure.online_qa": "网络问政（在线答复网民留言）条数",
}


def _proactive_fields() -> dict[str, ManualField]:
    fields: dict[str, ManualField] = {}
    for template, spec in (("2021", PROACTIVE_2021), ("2019", PROACTIVE_2019)):
        for row in spec.rows:
            for column in spec.columns_for(row.id):
                key = f"proactive.{row.id}.{column.id}"
                known = fields.get(key)
                fields[key] = ManualField(
                    key,
                    f"表二 {row.section_label} {row.label}：{column.label}",
                    decimals=column.id in _DECIMAL_COLUMNS,
                    signed=column.signed,
                    templates=(*known.templates, template) if known else (template,),
                )
    return fields


def _extra_fields() -> dict[str, ManualField]:
    fields = {}
    for row in PRE2019_TABLE.rows:
        if row.id in RECORD_ROWS:
            continue
        key = f"extra.{row.id}.{EXTRA_COLUMN}"
        label = f"统计表 {row.section_label} {row.label}".replace("  ", " ")
        fields[key] = ManualField(
            key,
            label,
            unit=row.unit,
            decimals=row.id in _DECIMAL_ROWS,
            templates=("2021", "2019", "pre2019-table"),
        )
    return fields


MANUAL_FIELDS: dict[str, ManualField] = {
    **_proactive_fields(),
    **_extra_fields(),
    **{key: ManualField(key, label) for key, label in FIGURES.items()},
}


def manual_field(key: str) -> ManualField:
    """The field for a key; InvalidInput for a record-derived or unknown one."""
    if key in MANUAL_FIELDS:
        return MANUAL_FIELDS[key]
    parts = key.split(".")
    if (parts[0] == "applications" or parts[0] == "disputes") or (
        parts[0] == "extra" and ".".join(parts[1:-1]) in RECORD_ROWS
    ):
        raise InvalidInput(NOT_ENTERED_BY_HAND, where=key)
    raise InvalidInput(f"没有可以人工填报的项目“{key}”", where=key)


def as_number(field: ManualField, value: Decimal) -> int | float:
    """The entry as a table value: a float for money, an int for counts (InvalidInput otherwise)."""
    if not value.is_finite():
        raise InvalidInput("数值无效", where=field.key)
    if value < 0 and not field.signed:
        raise InvalidInput(f"“{field.label}”不能为负数", where=field.key)
    if field.decimals:
        return float(value)
    if value != value.to_integral_value():
        raise InvalidInput(f"“{field.label}”应为整数", where=field.key)
    return int(value)


@dataclass(frozen=True)
class ManualCells:
    proactive: Cells
    extra: Cells
    figures: dict[str, int | float]


def manual_cells(entries: Mapping[str, Decimal], template: TemplateId) -> ManualCells:
    """The entries that fit the format, as cells; entries for another format are left out."""
    spec: TableSpec | None = {"2021": PROACTIVE_2021, "2019": PROACTIVE_2019}.get(template)
    proactive: Cells = {}
    extra: Cells = {}
    figures: dict[str, int | float] = {}
    for key, value in entries.items():
        field = MANUAL_FIELDS.get(key)
        if field is None:
            continue  # a key retired since it was entered: kept in the database, not shown
        number = as_number(field, value)
        if field.group == "figure":
            figures[key] = number
            continue
        _, row, column = _split(key)
        if field.group == "extra":
            extra.setdefault(row, {})[column] = number
        elif spec is not None and spec.has_row(row) and column in {c.id for c in spec.columns_for(row)}:
            proactive.setdefault(row, {})[column] = number
    return ManualCells(proactive, extra, figures)


def _split(key: str) -> tuple[str, str, str]:
    group, rest = key.split(".", 1)
    row, column = rest.rsplit(".", 1)
    return group, row, column


def fields_for(template: str) -> list[ManualField]:
    """The fields the form offers for a format, in table order (prose-only figures last)."""
    return [f for f in MANUAL_FIELDS.values() if template in f.templates] + [
        f for f in MANUAL_FIELDS.values() if not f.templates
    ]
