"""Consistency checks of a report's tables: every problem at once, each with a code and a cell.

The identities are read from the templates' data (``Row.sum_of``, ``Column.sum_of``,
``Row.within``) plus the balance of table 三 and the year-to-year rules below; :data:`RULES` lists
them all for documentation and the UI. A check compares only cells that are stated: an absent
cell is skipped, never taken as 0. A subtotal that is absent but whose sub-rows are all stated is
taken as their sum (the 2021 format prints no numbers on its subtotal rows).

Cell paths are ``"<table>.<row>.<column>"`` (``"applications.refused.state_secret.total"``);
findings' messages name rows and columns in the template's own words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from gongkai.domain.annual_report.tables import Number, ReportTables
from gongkai.domain.annual_report.templates import TableSpec, specs_for
from gongkai.domain.errors import InvalidInput

# "jump": a cell more than JUMP_FACTOR times (or less than 1/JUMP_FACTOR of) last year's value,
# when last year's value is above 0 and the change is at least JUMP_MIN_CHANGE (in the cell's
# unit), so that 1 → 6 requests does not warn but 10 → 60 does, and 30 → 0 does.
JUMP_FACTOR = 5
JUMP_MIN_CHANGE = 10


class Severity(StrEnum):
    ERROR = "error"  # the figures cannot all be right
    WARNING = "warning"  # worth a second look; may be right


@dataclass(frozen=True)
class Finding:
    """One problem: a stable ``code`` (a :data:`RULES` id), a Chinese message and the cell it is in.

    ``cells`` lists every cell path the finding involves (``where`` first).
    """

    code: str
    severity: Severity
    message: str
    where: str
    cells: tuple[str, ...] = ()

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "where": self.where,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        """Read one item of the Report JSON's ``"findings"`` (``cells`` is not part of the JSON)."""
        try:
            fields = {key: data[key] for key in ("code", "severity", "message", "where")}
            severity = Severity(fields["severity"])
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidInput(f"无法读取检查结果：{error}", where="findings") from error
        if not all(isinstance(value, str) for value in fields.values()):
            raise InvalidInput("检查结果的各项应为文字", where="findings")
        return cls(fields["code"], severity, fields["message"], fields["where"], (fields["where"],))


@dataclass(frozen=True)
class Rule:
    """One kind of finding: its code, severity, what it checks, and the cell patterns it reads.

    ``reads`` are shell-style patterns over cell paths; ``previous:`` marks last year's report.
    """

    id: str
    severity: Severity
    description: str
    reads: tuple[str, ...]


_E, _W = Severity.ERROR, Severity.WARNING
RULES: tuple[Rule, ...] = (
    Rule(
        "applications.balance",
        _E,
        "表三每一列：本年新收加上年结转，等于本年度办理结果总计加结转下年度继续办理（表三勾稽关系）",
        (
            "applications.new.*",
            "applications.carried_over.*",
            "applications.total.*",
            "applications.carried_forward.*",
        ),
    ),
    Rule(
        "applications.subtotal",
        _E,
        "表三不予公开、无法提供、不予处理、其他处理各等于其下各项之和",
        (
            "applications.refused.*",
            "applications.unable.*",
            "applications.not_processed.*",
            "applications.other.*",
        ),
    ),
    Rule(
        "applications.total_rows",
        _E,
        "表三“总计”行等于予以公开、部分公开、不予公开、无法提供、不予处理、其他处理之和",
        ("applications.*",),
    ),
    Rule(
        "applications.total_column",
        _E,
        "表三每一行“总计”列等于自然人与法人或其他组织各列之和",
        ("applications.*",),
    ),
    Rule(
        "disputes.total",
        _E,
        "表四行政复议和两类行政诉讼的“总计”各等于结果维持、结果纠正、其他结果、尚未审结之和",
        ("disputes.*",),
    ),
    Rule(
        "continuity.carried_over",
        _E,
        "表三“上年结转”每一列等于上年报告“结转下年度继续办理”的同一列",
        ("applications.carried_over.*", "previous:applications.carried_forward.*"),
    ),
    Rule("negative", _E, "除2019年格式表二“本年增/减”外，表中数值不能为负数", ("*",)),
    Rule(
        "proactive.in_force",
        _W,
        "表二规章、行政规范性文件的“现行有效件数”不少于“本年制发件数”减“本年废止件数”",
        ("proactive.*.issued", "proactive.*.repealed", "proactive.*.in_force"),
    ),
    Rule(
        "continuity.in_force",
        _W,
        "表二“现行有效件数”等于上年报告的现行有效件数加本年制发件数减本年废止件数",
        (
            "proactive.*.issued",
            "proactive.*.repealed",
            "proactive.*.in_force",
            "previous:proactive.*.in_force",
        ),
    ),
    Rule(
        "jump",
        _W,
        f"与上年报告同一格相比变化超过{JUMP_FACTOR}倍（上年大于0且变化至少{JUMP_MIN_CHANGE}）",
        ("*", "previous:*"),
    ),
    Rule(
        "statistics.sum",
        _W,
        "2019年以前的统计表中，合计项等于其下各项之和（如收到申请数等于四种渠道之和）",
        ("extra.*",),
    ),
    Rule(
        "statistics.within",
        _W,
        "统计表中“其中”项和各渠道公开数不大于其所属项（如政府网站公开数不大于主动公开政府信息数）",
        ("extra.*",),
    ),
    Rule("contradiction", _E, "报告正文与表格（或两处文字）对同一数字的说法不一致（由报告读取程序给出）", ()),
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# Wordings for the parts of long sums in messages.
_PARTS_PHRASE = {("applications", "total"): "各办理结果", ("applications", "column:total"): "各类申请人"}


def check_tables(tables: ReportTables, *, previous: ReportTables | None = None) -> list[Finding]:
    """Every finding on the tables, and against last year's report when ``previous`` is given.

    Raises InvalidInput when the cells do not fit the format (``ReportTables.validate``) or when
    ``previous`` is not the report on the year before.
    """
    tables.validate()
    specs = specs_for(tables.template)
    findings = list(_negatives(tables, specs))
    for spec in specs.values():
        cells = tables.table(spec.id)
        findings += _row_sums(spec, cells)
        findings += _column_sums(spec, cells)
        findings += _withins(spec, cells)
    if "applications" in specs:
        findings += _balance(specs["applications"], tables.applications)
    if "proactive" in specs:
        findings += _in_force(specs["proactive"], tables.proactive)
    if previous is not None:
        findings += _against_previous(tables, previous, specs)
    return findings


def contradiction(*, what: str, where: str, values: Sequence[tuple[str, int | float]]) -> Finding:
    """A finding for one figure stated differently in two or more places.

    ``values`` pairs each place with what it says: ``contradiction(what="政府网站公开政府信息数",
    where="extra.proactive.website.value", values=[("正文", 98), ("统计表", 155)])`` gives
    "政府网站公开政府信息数前后不一致：正文为98，统计表为155".
    """
    if len(values) < 2:
        raise InvalidInput("前后不一致至少涉及两处数值", where=where)
    stated = "，".join(f"{place}为{_fmt(value)}" for place, value in values)
    return _finding("contradiction", f"{what}前后不一致：{stated}", where, ())


# --- helpers --------------------------------------------------------------------------------


def _finding(code: str, message: str, where: str, others: Sequence[str]) -> Finding:
    return Finding(code, RULES_BY_ID[code].severity, message, where, (where, *others))


def _fmt(value: Number) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _equal(a: Number, b: Number) -> bool:
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def _path(spec: TableSpec, row: str, column: str) -> str:
    return f"{spec.id}.{row}.{column}"


def _cell_name(spec: TableSpec, row: str, column: str) -> str:
    """表三“总计”行“自然人”列; in the one-column statistics table, 统计表“收到申请数”."""
    if len(spec.columns) == 1:
        return f"{spec.short_title}“{spec.row_name(row)}”"
    return f"{spec.short_title}“{spec.row_name(row)}”行“{spec.column_name(column)}”列"


def _parts_phrase(key: tuple[str, str], names: Sequence[str]) -> str:
    if key in _PARTS_PHRASE:
        return _PARTS_PHRASE[key]
    return "、".join(f"“{name}”" for name in names) if len(names) <= 4 else "其下各项"


def _stated(cells: Mapping[str, Mapping[str, Number]], row: str, column: str) -> Number | None:
    return cells.get(row, {}).get(column)


def _effective(
    spec: TableSpec, cells: Mapping[str, Mapping[str, Number]], row: str, column: str
) -> Number | None:
    """The stated value, or for an unstated sum row the sum of its parts when all are known."""
    value = _stated(cells, row, column)
    if value is not None or not spec.has_row(row) or not spec.row(row).sum_of:
        return value
    parts = [_effective(spec, cells, part, column) for part in spec.row(row).sum_of]
    return None if any(part is None for part in parts) else sum(p for p in parts if p is not None)


def _row_sum_code(spec: TableSpec, row: str) -> str:
    if spec.id == "applications":
        return "applications.subtotal" if spec.row(row).is_subtotal else "applications.total_rows"
    return "statistics.sum"


def _column_sum_code(spec: TableSpec) -> str:
    return "disputes.total" if spec.id == "disputes" else "applications.total_column"


# --- checks on one report -------------------------------------------------------------------


def _negatives(tables: ReportTables, specs: Mapping[str, TableSpec]) -> Iterator[Finding]:
    for table, row, column, value in tables.iter_cells():
        spec = specs[table]
        if value < 0 and not spec.column(column).signed:
            where = _path(spec, row, column)
            yield _finding("negative", f"{_cell_name(spec, row, column)}为负数（{_fmt(value)}）", where, ())


def _row_sums(spec: TableSpec, cells: Mapping[str, Mapping[str, Number]]) -> Iterator[Finding]:
    for row in spec.rows:
        for column in spec.columns_for(row.id) if row.sum_of else ():
            stated = _stated(cells, row.id, column.id)
            parts = [_effective(spec, cells, part, column.id) for part in row.sum_of]
            if stated is None or any(part is None for part in parts):
                continue
            total = sum(part for part in parts if part is not None)
            if _equal(stated, total):
                continue
            phrase = _parts_phrase((spec.id, row.id), [spec.row(part).short_label for part in row.sum_of])
            yield _finding(
                _row_sum_code(spec, row.id),
                f"{_cell_name(spec, row.id, column.id)}为{_fmt(stated)}，但{phrase}之和为{_fmt(total)}",
                _path(spec, row.id, column.id),
                [_path(spec, part, column.id) for part in row.sum_of],
            )


def _column_sums(spec: TableSpec, cells: Mapping[str, Mapping[str, Number]]) -> Iterator[Finding]:
    for column in spec.columns:
        for row in spec.rows if column.sum_of else ():
            stated = _stated(cells, row.id, column.id)
            parts = [_effective(spec, cells, row.id, part) for part in column.sum_of]
            if stated is None or any(part is None for part in parts):
                continue
            total = sum(part for part in parts if part is not None)
            if _equal(stated, total):
                continue
            names = [spec.column(part).display_name for part in column.sum_of]
            phrase = _parts_phrase((spec.id, f"column:{column.id}"), names)
            yield _finding(
                _column_sum_code(spec),
                f"{_cell_name(spec, row.id, column.id)}为{_fmt(stated)}，但{phrase}之和为{_fmt(total)}",
                _path(spec, row.id, column.id),
                [_path(spec, row.id, part) for part in column.sum_of],
            )


def _withins(spec: TableSpec, cells: Mapping[str, Mapping[str, Number]]) -> Iterator[Finding]:
    for row in spec.rows:
        for column in spec.columns_for(row.id) if row.within else ():
            part = _stated(cells, row.id, column.id)
            whole = _effective(spec, cells, row.within, column.id)
            if part is None or whole is None or part <= whole:
                continue
            yield _finding(
                "statistics.within",
                f"{_cell_name(spec, row.id, column.id)}为{_fmt(part)}，"
                f"大于其所属的{_cell_name(spec, row.within, column.id)}（{_fmt(whole)}）",
                _path(spec, row.id, column.id),
                [_path(spec, row.within, column.id)],
            )


# Table 三's 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和.
_BALANCE = (("new", "carried_over"), ("total", "carried_forward"))


def _balance(spec: TableSpec, cells: Mapping[str, Mapping[str, Number]]) -> Iterator[Finding]:
    (new, carried_over), (total, carried_forward) = _BALANCE
    for column in spec.columns:
        received = [_stated(cells, new, column.id), _stated(cells, carried_over, column.id)]
        handled = [_effective(spec, cells, total, column.id), _stated(cells, carried_forward, column.id)]
        if any(value is None for value in (*received, *handled)):
            continue
        left = sum(v for v in received if v is not None)
        right = sum(v for v in handled if v is not None)
        if _equal(left, right):
            continue
        names = [f"“{spec.row_name(row)}”" for row in (new, carried_over, total, carried_forward)]
        yield _finding(
            "applications.balance",
            f"{spec.short_title}“{spec.column_name(column.id)}”列：{names[0]}加{names[1]}为{_fmt(left)}，"
            f"但{names[2]}加{names[3]}为{_fmt(right)}",
            _path(spec, carried_forward, column.id),
            [_path(spec, row, column.id) for row in (new, carried_over, total)],
        )


def _in_force(spec: TableSpec, cells: Mapping[str, Mapping[str, Number]]) -> Iterator[Finding]:
    # Documents issued this year and not repealed by its end are in force at its end, and at most
    # `repealed` of them were repealed: in_force >= issued - repealed. (A normative document whose
    # validity period lapses without repeal breaks this rarely, hence a warning.)
    for row in spec.rows:
        values = [_stated(cells, row.id, column) for column in ("issued", "repealed", "in_force")]
        if any(value is None for value in values):
            continue
        issued, repealed, in_force = (v for v in values if v is not None)
        if in_force >= issued - repealed:
            continue
        yield _finding(
            "proactive.in_force",
            f"{_cell_name(spec, row.id, 'in_force')}为{_fmt(in_force)}，少于“{spec.column_name('issued')}”"
            f"（{_fmt(issued)}）减“{spec.column_name('repealed')}”（{_fmt(repealed)}）",
            _path(spec, row.id, "in_force"),
            [_path(spec, row.id, "issued"), _path(spec, row.id, "repealed")],
        )


# --- checks against last year's report ------------------------------------------------------


def _against_previous(
    tables: ReportTables, previous: ReportTables, specs: Mapping[str, TableSpec]
) -> list[Finding]:
    if tables.year is not None and previous.year is not None and previous.year != tables.year - 1:
        raise InvalidInput(
            f"上年报告应为{tables.year - 1}年度，而不是{previous.year}年度", where="previous.year"
        )
    previous.validate()
    findings: list[Finding] = []
    if "applications" in specs:
        findings += _carried_over(specs["applications"], tables, previous)
    if "proactive" in specs:
        findings += _in_force_continuity(specs["proactive"], tables, previous)
    findings += _jumps(tables, previous, specs)
    return findings


def _carried_over(spec: TableSpec, tables: ReportTables, previous: ReportTables) -> Iterator[Finding]:
    for column in spec.columns:
        now = tables.cell("applications", "carried_over", column.id)
        before = previous.cell("applications", "carried_forward", column.id)
        if now is None or before is None or _equal(now, before):
            continue
        yield _finding(
            "continuity.carried_over",
            f"{_cell_name(spec, 'carried_over', column.id)}为{_fmt(now)}，"
            f"但上年报告“{spec.row_name('carried_forward')}”为{_fmt(before)}",
            _path(spec, "carried_over", column.id),
            [f"previous:{_path(spec, 'carried_forward', column.id)}"],
        )


def _in_force_continuity(spec: TableSpec, tables: ReportTables, previous: ReportTables) -> Iterator[Finding]:
    for row in spec.rows:
        issued, repealed, in_force = (
            tables.cell("proactive", row.id, c) for c in ("issued", "repealed", "in_force")
        )
        before = previous.cell("proactive", row.id, "in_force")
        if issued is None or repealed is None or in_force is None or before is None:
            continue
        expected = before + issued - repealed
        if _equal(in_force, expected):
            continue
        yield _finding(
            "continuity.in_force",
            f"{_cell_name(spec, row.id, 'in_force')}为{_fmt(in_force)}，"
            f"但上年报告的现行有效件数（{_fmt(before)}）"
            f"加本年制发（{_fmt(issued)}）减本年废止（{_fmt(repealed)}）为{_fmt(expected)}",
            _path(spec, row.id, "in_force"),
            [
                _path(spec, row.id, "issued"),
                _path(spec, row.id, "repealed"),
                f"previous:{_path(spec, row.id, 'in_force')}",
            ],
        )


def _is_jump(now: Number, before: Number) -> bool:
    if before <= 0 or abs(now - before) < JUMP_MIN_CHANGE:
        return False
    return now > before * JUMP_FACTOR or now * JUMP_FACTOR < before


def _jumps(tables: ReportTables, previous: ReportTables, specs: Mapping[str, TableSpec]) -> Iterator[Finding]:
    # Subtotal rows are skipped (their sub-rows already warn) and so are signed columns (本年增/减).
    for table, row, column, now in tables.iter_cells():
        spec = specs[table]
        before = previous.cell(table, row, column)
        if (
            before is None
            or spec.row(row).is_subtotal
            or spec.column(column).signed
            or not _is_jump(now, before)
        ):
            continue
        yield _finding(
            "jump",
            f"{_cell_name(spec, row, column)}由上年的{_fmt(before)}变为{_fmt(now)}，变化超过{JUMP_FACTOR}倍",
            _path(spec, row, column),
            [f"previous:{_path(spec, row, column)}"],
        )
