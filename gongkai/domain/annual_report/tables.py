"""A report's tables as one value, and its JSON form (docs/domain.md §4, "Report JSON").

Cells are nested dicts, row id → column id → number, with the ids of ``templates.py``. A cell
the source does not state is ABSENT, never 0: zero, blank and not applicable stay distinct, and
the checks skip what is absent.

``ReportTables.extra`` holds figures outside the three national tables, in the vocabulary of the
pre-2019 statistics table (:data:`~gongkai.domain.annual_report.templates.PRE2019_TABLE` row ids,
one column ``"value"``): the whole table of a ``"pre2019-table"`` report, the figures a
``"pre2019-prose"`` report states, and in any report such figures as website items
(``proactive.website``), trainings (``training.courses``) or fees in 万元 (``fees_10k_yuan``).
Its JSON key ``"extra"`` is written only when it holds something, so reports in the national
formats have exactly the shape of domain.md §4.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from gongkai.domain.annual_report.templates import TABLE_IDS, TEMPLATE_IDS, TableSpec, TemplateId, specs_for
from gongkai.domain.errors import InvalidInput

if TYPE_CHECKING:
    from gongkai.domain.annual_report.checks import Finding

Number = int | float
Cells = dict[str, dict[str, int | float]]

_JSON_KEYS = frozenset({"template", "agency", "year", *TABLE_IDS, "findings"})


def is_number(value: object) -> bool:
    """True for an int or a finite float (a bool is not a number here)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def parse_cells(spec: TableSpec, data: object, *, where: str) -> Cells:
    """Validate cells against a table and return a copy; InvalidInput names the first bad cell.

    ``where`` is the path prefix of the table ("applications"), errors say e.g.
    ``applications.granted.natural_person``.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{spec.short_title}应为“行→列→数值”的对象", where=where)
    cells: Cells = {}
    for row_id, row_data in data.items():
        row_where = f"{where}.{row_id}"
        if not isinstance(row_id, str) or not spec.has_row(row_id):
            raise InvalidInput(f"{spec.short_title}没有“{row_id}”这一行", where=row_where)
        if not isinstance(row_data, Mapping):
            raise InvalidInput(
                f"{spec.short_title}“{spec.row_name(row_id)}”行应为“列→数值”的对象", where=row_where
            )
        column_ids = {column.id for column in spec.columns_for(row_id)}
        row_cells: dict[str, Number] = {}
        for column_id, value in row_data.items():
            cell_where = f"{row_where}.{column_id}"
            if column_id not in column_ids:
                raise InvalidInput(
                    f"{spec.short_title}“{spec.row_name(row_id)}”行没有“{column_id}”这一列", where=cell_where
                )
            if not is_number(value):
                raise InvalidInput(
                    f"{spec.short_title}“{spec.row_name(row_id)}”行的值{value!r}不是数字", where=cell_where
                )
            row_cells[column_id] = value
        cells[row_id] = row_cells
    return cells


@dataclass
class ReportTables:
    """The figures of one annual report: tables 二, 三, 四 and the extra figures.

    ``template`` fixes which rows and columns exist (``templates.specs_for``). Build it by hand,
    with ``compile.compile_tables`` from records, or with :meth:`from_json`.
    """

    template: TemplateId
    agency: str = ""
    year: int | None = None
    proactive: Cells = field(default_factory=dict)  # 二、主动公开政府信息情况
    applications: Cells = field(default_factory=dict)  # 三、收到和处理政府信息公开申请情况
    disputes: Cells = field(default_factory=dict)  # 四、政府信息公开行政复议、行政诉讼情况
    extra: Cells = field(default_factory=dict)  # PRE2019_TABLE rows, column "value"

    def table(self, table: str) -> Cells:
        """The cells of one table by id: proactive, applications, disputes or extra."""
        if table not in TABLE_IDS:
            raise InvalidInput(f"没有名为“{table}”的表", where=table)
        return cast(Cells, getattr(self, table))

    def cell(self, table: str, row: str, col: str) -> Number | None:
        """The stated value, or None when the report does not state it."""
        return self.table(table).get(row, {}).get(col)

    def iter_cells(self) -> Iterator[tuple[str, str, str, Number]]:
        """Every stated cell as (table, row, column, value), tables in order 二, 三, 四, extra."""
        for table in TABLE_IDS:
            for row, values in self.table(table).items():
                for col, value in values.items():
                    yield table, row, col, value

    def copy(self) -> ReportTables:
        return copy.deepcopy(self)

    def with_subtotals(self) -> ReportTables:
        """A copy with table 三's subtotal rows (refused, unable, not_processed, other) filled in.

        A subtotal cell is filled, per column, only where it is absent and every one of its
        sub-rows is stated; stated subtotals are kept as they are (the checks compare them).
        """
        result = self.copy()
        spec = specs_for(self.template).get("applications")
        if spec is None:
            return result
        for row in spec.rows:
            if not row.is_subtotal:
                continue
            for column in spec.columns_for(row.id):
                parts = [self.cell("applications", part, column.id) for part in row.sum_of]
                if self.cell("applications", row.id, column.id) is None and all(p is not None for p in parts):
                    result.applications.setdefault(row.id, {})[column.id] = sum(cast(list[Number], parts))
        result.applications = _in_spec_order(spec, result.applications)
        return result

    def to_json(self, findings: Sequence[Finding] = ()) -> dict[str, Any]:
        """The Report JSON of domain.md §4 (plus ``"extra"`` when it holds figures)."""
        data: dict[str, Any] = {
            "template": self.template,
            "agency": self.agency,
            "year": self.year,
            "proactive": copy.deepcopy(self.proactive),
            "applications": copy.deepcopy(self.applications),
            "disputes": copy.deepcopy(self.disputes),
        }
        if self.extra:
            data["extra"] = copy.deepcopy(self.extra)
        data["findings"] = [finding.to_json() for finding in findings]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReportTables:
        """Read the Report JSON; InvalidInput names the first unknown key, row, column or bad value.

        ``"findings"`` is accepted and ignored here (``checks.Finding.from_json`` reads it).
        """
        if not isinstance(data, Mapping):
            raise InvalidInput("报告数据应为JSON对象")
        for key in data:
            if key not in _JSON_KEYS:
                raise InvalidInput(f"报告数据中有未知的键“{key}”", where=str(key))
        template = data.get("template")
        if template not in TEMPLATE_IDS:
            raise InvalidInput(f"未知的报告格式“{template}”", where="template")
        agency = data.get("agency", "")
        if not isinstance(agency, str):
            raise InvalidInput("机关名称应为文字", where="agency")
        year = data.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise InvalidInput(f"年度“{year}”应为整数", where="year")
        if not isinstance(data.get("findings", []), list):
            raise InvalidInput("findings应为列表", where="findings")
        tables = cls(template=cast(TemplateId, template), agency=agency, year=year)
        for table, cells in _parsed(tables.template, {t: data.get(t, {}) for t in TABLE_IDS}).items():
            setattr(tables, table, cells)
        return tables

    def validate(self) -> None:
        """Check every cell against the format (the tables are not changed).

        InvalidInput names the first unknown row or column, or value that is not a number.
        """
        if self.template not in TEMPLATE_IDS:
            raise InvalidInput(f"未知的报告格式“{self.template}”", where="template")
        _parsed(self.template, {t: self.table(t) for t in TABLE_IDS})


def _parsed(template: TemplateId, raw: Mapping[str, object]) -> dict[str, Cells]:
    specs = specs_for(template)
    parsed: dict[str, Cells] = {}
    for table in TABLE_IDS:
        if table in specs:
            parsed[table] = parse_cells(specs[table], raw[table], where=table)
        elif raw[table]:
            raise InvalidInput(f"“{template}”格式的报告没有这张表", where=table)
        else:
            parsed[table] = {}
    return parsed


def _in_spec_order(spec: TableSpec, cells: Cells) -> Cells:
    rank = {row_id: index for index, row_id in enumerate(spec.row_ids)}
    return {row_id: cells[row_id] for row_id in sorted(cells, key=lambda row_id: rank.get(row_id, len(rank)))}
