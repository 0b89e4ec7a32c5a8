"""Records → a year's tables: a pure, streaming fold (docs/domain.md §1 "How a year's table follows").

The Django side passes plain facts built from ``values()`` querysets, never model instances. Each
iterable is read once, in one pass, keeping only counters, so a million facts need no more memory
than ten. Pre-aggregated input needs no separate function: every fact has a ``count`` (default 1),
so a query may group identical facts (``.values(...).annotate(count=Count("id"))``) and pass one
fact per group; the definitions below stay in this one place.

Definitions, for the calendar year Y (first day F, last day L):

- a request is concluded on the day of its final reply, or the day it is treated as given up;
- ``new``: received in Y; ``carried_over``: received before F and not concluded before F (a
  request concluded on F itself is carried over and counted among the year's results, as the
  table's balance requires); results: concluded in Y, by final reply type; ``carried_forward``:
  received by L and not concluded by L. So new + carried_over = total + carried_forward in every
  column (2019 Regulation Art. 50; the 2021 format's 勾稽关系);
- disputes (table 四): filed in Y; ``pending`` when not decided by L, otherwise their outcome;
- table 二: ``issued``/``repealed``: in Y; ``in_force``: issued by L and not repealed by L. For the
  2019 format, a recorded document is one made and published on its issued date, so 本年新制作数量
  and 本年新公开数量 are both the number issued in Y, and 对外公开总数量 all issued by L (repealed
  or not);
- figures no record holds (licensing, punishment and coercion decisions, fees) come from
  :class:`ManualFigures`.

Every count the fold produces is stated, zeros included: the records are complete by definition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from gongkai.domain.annual_report.tables import Cells, ReportTables, is_number, parse_cells
from gongkai.domain.annual_report.templates import (
    APPLICANT_COLUMN_IDS,
    PRE2019_TABLE,
    REPLY_TYPE_TO_OLDER,
    TEMPLATES,
    TableSpec,
    TemplateId,
)
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import ApplicantType, DisputeKind, DisputeOutcome, ReplyType

PublicationKind = Literal["regulation", "normative_document"]


@dataclass(frozen=True, slots=True)
class ApplicationFact:
    """One request (依申请公开), or ``count`` identical ones.

    ``concluded`` is the day of the final reply or of being treated as given up (None: open);
    ``reply_type`` is the final reply's type, required once concluded and ignored while open.
    """

    received: dt.date
    applicant_type: ApplicantType
    concluded: dt.date | None
    reply_type: ReplyType | None
    count: int = 1


@dataclass(frozen=True, slots=True)
class DisputeFact:
    """One administrative review or lawsuit about disclosure work (行政复议 / 行政诉讼).

    ``decided`` None means not decided yet; a decided dispute must have an outcome other than
    ``pending``.
    """

    kind: DisputeKind
    filed: dt.date
    outcome: DisputeOutcome
    decided: dt.date | None
    count: int = 1


@dataclass(frozen=True, slots=True)
class PublicationFact:
    """One regulation (规章) or normative document (行政规范性文件) in the catalogue."""

    kind: PublicationKind
    issued: dt.date
    repealed: dt.date | None
    count: int = 1


@dataclass(frozen=True)
class ManualFigures:
    """Table 二 figures entered by hand; None = not stated (the cell stays absent).

    ``proactive`` sets any other table 二 cell by row and column id (2019: 上一年项目数量,
    本年增/减, 政府集中采购 …) and replaces a computed cell, e.g. 现行有效件数 while the catalogue
    does not yet hold every older document. ``extra`` gives ReportTables.extra (trainings …).
    A named figure the format has no cell for is an error (fees in 2019, other services in 2021).
    """

    licensing_decisions: int | None = None  # 第二十条第（五）项 行政许可 本年处理决定数量
    punishment_decisions: int | None = None  # 第二十条第（六）项 行政处罚
    coercion_decisions: int | None = None  # 第二十条第（六）项 行政强制
    fees_amount_10k_yuan: float | None = None  # 第二十条第（八）项 行政事业性收费 本年收费金额（万元）, 2021
    other_services_decisions: int | None = None  # 2019 其他对外管理服务事项 处理决定数量
    proactive: Mapping[str, Mapping[str, int | float]] = field(default_factory=dict)
    extra: Mapping[str, Mapping[str, int | float]] = field(default_factory=dict)


def compile_tables(
    *,
    agency: str,
    year: int,
    template: TemplateId,
    applications: Iterable[ApplicationFact],
    publications: Iterable[PublicationFact],
    disputes: Iterable[DisputeFact],
    manual: ManualFigures | None = None,
) -> ReportTables:
    """The year's tables in the 2021 or 2019 format; InvalidInput for an impossible fact."""
    if template not in TEMPLATES:
        raise InvalidInput(f"只能按2021年或2019年格式汇总表格，不能按“{template}”", where="template")
    if isinstance(year, bool) or not isinstance(year, int) or not dt.MINYEAR < year < dt.MAXYEAR:
        raise InvalidInput(f"年度“{year}”无效", where="year")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    report = TEMPLATES[template]
    manual = manual or ManualFigures()
    return ReportTables(
        template=template,
        agency=agency,
        year=year,
        proactive=_proactive_cells(
            report.table("proactive"), _fold_publications(publications, first, last), manual
        ),
        applications=_application_cells(
            report.table("applications"), _fold_applications(applications, first, last)
        ),
        disputes=_dispute_cells(_fold_disputes(disputes, first, last)),
        extra=parse_cells(PRE2019_TABLE, manual.extra, where="manual.extra"),
    )


def _bad_count(count: object, where: str) -> InvalidInput:
    return InvalidInput(f"件数{count!r}应为正整数", where=where)


def _fold_applications(
    facts: Iterable[ApplicationFact], first: dt.date, last: dt.date
) -> dict[tuple[str, str], int]:
    """Counts by (row id or reply type, applicant type) in one pass."""
    counts: dict[tuple[str, str], int] = {}
    get = counts.get
    for index, fact in enumerate(facts):
        received, concluded, n = fact.received, fact.concluded, fact.count
        if concluded is not None and concluded < received:
            raise InvalidInput(
                f"办结日期{concluded}早于收到日期{received}，不可能", where=f"applications[{index}].concluded"
            )
        if not (type(n) is int and n > 0):
            raise _bad_count(n, f"applications[{index}].count")
        if received > last or (concluded is not None and concluded < first):
            continue  # not open at any time in the year
        who = fact.applicant_type
        key = ("new" if received >= first else "carried_over", who)
        counts[key] = get(key, 0) + n
        if concluded is None or concluded > last:
            key = ("carried_forward", who)
        elif fact.reply_type is None:
            raise InvalidInput("已办结的申请缺少答复类型", where=f"applications[{index}].reply_type")
        else:
            key = (fact.reply_type, who)
        counts[key] = get(key, 0) + n
    return counts


_REPLY_TYPES = frozenset(reply.value for reply in ReplyType)


def _application_cells(spec: TableSpec, counts: Mapping[tuple[str, str], int]) -> Cells:
    cells: Cells = {row.id: dict.fromkeys(APPLICANT_COLUMN_IDS, 0) for row in spec.rows}
    for (row, who), n in counts.items():
        if who not in APPLICANT_COLUMN_IDS:
            raise InvalidInput(f"未知的申请人类型“{who}”", where="applications.applicant_type")
        if not spec.has_row(row):
            if row not in _REPLY_TYPES:
                raise InvalidInput(f"未知的答复类型“{row}”", where="applications.reply_type")
            row = REPLY_TYPE_TO_OLDER[ReplyType(row)]["2019"]  # 2019: （六）其他处理 has no sub-rows
        cells[row][who] += n
    # Subtotal rows precede the total row in the template, and follow their own sub-rows' data.
    for row_spec in spec.rows:
        if row_spec.sum_of:
            cells[row_spec.id] = {
                c: sum(cells[part][c] for part in row_spec.sum_of) for c in APPLICANT_COLUMN_IDS
            }
    for values in cells.values():
        values["total"] = sum(values[c] for c in APPLICANT_COLUMN_IDS)
    return cells


def _fold_disputes(facts: Iterable[DisputeFact], first: dt.date, last: dt.date) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for index, fact in enumerate(facts):
        filed, decided, n = fact.filed, fact.decided, fact.count
        if decided is not None and (decided < filed or fact.outcome == DisputeOutcome.PENDING):
            where = f"disputes[{index}].decided" if decided < filed else f"disputes[{index}].outcome"
            raise InvalidInput(f"决定日期{decided}与收到日期{filed}或结果“尚未审结”矛盾", where=where)
        if not (type(n) is int and n > 0):
            raise _bad_count(n, f"disputes[{index}].count")
        if first <= filed <= last:
            outcome = DisputeOutcome.PENDING if decided is None or decided > last else fact.outcome
            key = (fact.kind, outcome)
            counts[key] = counts.get(key, 0) + n
    return counts


_DISPUTE_COLUMNS = tuple(outcome.value for outcome in DisputeOutcome)


def _dispute_cells(counts: Mapping[tuple[str, str], int]) -> Cells:
    cells: Cells = {kind.value: dict.fromkeys(_DISPUTE_COLUMNS, 0) for kind in DisputeKind}
    for (kind, outcome), n in counts.items():
        if kind not in cells or outcome not in _DISPUTE_COLUMNS:
            raise InvalidInput(f"未知的复议诉讼类型或结果“{kind}”“{outcome}”", where="disputes.kind")
        cells[kind][outcome] += n
    for values in cells.values():
        values["total"] = sum(values[c] for c in _DISPUTE_COLUMNS)
    return cells


_PUBLICATION_ROWS: dict[str, str] = {"regulation": "regulations", "normative_document": "normative_documents"}


def _fold_publications(
    facts: Iterable[PublicationFact], first: dt.date, last: dt.date
) -> dict[tuple[str, str], int]:
    """Counts by (kind, "issued" | "repealed" | "in_force" | "issued_by_end")."""
    counts: dict[tuple[str, str], int] = {}
    get = counts.get
    for index, fact in enumerate(facts):
        issued, repealed, n = fact.issued, fact.repealed, fact.count
        if repealed is not None and repealed < issued:
            raise InvalidInput(
                f"废止日期{repealed}早于制发日期{issued}，不可能", where=f"publications[{index}].repealed"
            )
        if not (type(n) is int and n > 0):
            raise _bad_count(n, f"publications[{index}].count")
        if issued > last:
            continue
        keys = [(fact.kind, "issued_by_end")]
        if issued >= first:
            keys.append((fact.kind, "issued"))
        if repealed is None or repealed > last:
            keys.append((fact.kind, "in_force"))
        elif repealed >= first:
            keys.append((fact.kind, "repealed"))
        for key in keys:
            counts[key] = get(key, 0) + n
    return counts


def _proactive_cells(spec: TableSpec, counts: Mapping[tuple[str, str], int], manual: ManualFigures) -> Cells:
    for kind, _ in counts:
        if kind not in _PUBLICATION_ROWS:
            raise InvalidInput(f"未知的文件类型“{kind}”", where="publications.kind")
    cells: Cells = {}
    for kind, row in _PUBLICATION_ROWS.items():
        columns = [column.id for column in spec.columns_for(row)]
        cells[row] = {column: counts.get((kind, _count_for(column)), 0) for column in columns}
    for (row, column), value in _named_figures(manual).items():
        if value is None:
            continue
        if not spec.has_row(row) or column not in {c.id for c in spec.columns_for(row)}:
            raise InvalidInput(f"本格式的表二没有“{row}.{column}”这一格", where=f"manual.{row}.{column}")
        if not is_number(value):
            raise InvalidInput(f"人工填报的数值{value!r}不是数字", where=f"manual.{row}.{column}")
        cells.setdefault(row, {})[column] = value
    for row, values in parse_cells(spec, manual.proactive, where="manual.proactive").items():
        cells.setdefault(row, {}).update(values)
    return {row.id: cells[row.id] for row in spec.rows if row.id in cells}


def _count_for(column: str) -> str:
    # 2019 format: a recorded document is made and published on its issued date.
    return {"made": "issued", "published": "issued", "total_public": "issued_by_end"}.get(column, column)


def _named_figures(manual: ManualFigures) -> dict[tuple[str, str], int | float | None]:
    return {
        ("licensing", "decisions"): manual.licensing_decisions,
        ("other_services", "decisions"): manual.other_services_decisions,
        ("punishment", "decisions"): manual.punishment_decisions,
        ("coercion", "decisions"): manual.coercion_decisions,
        ("fees", "amount_10k_yuan"): manual.fees_amount_10k_yuan,
    }
