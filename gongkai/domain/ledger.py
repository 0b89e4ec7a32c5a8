"""A ledger (台账) of requests, as agencies keep it in Excel → typed rows, with every bad cell reported.

The import contract (``gongkai import applications FILE --agency SLUG``; scripts depend on it, keep
it fixed). Headers in English or Chinese, in any order; the header row is the first row that names
at least two known columns (a title row above it is skipped); other columns are ignored and named:

  ref / 申请编号            required; identifies the case within the agency
  received / 收到日期       required; YYYY-MM-DD (an Excel date cell is fine too)
  channel / 申请方式        required; in_person 当面, post 信函, online 网络, fax 传真, email 电子邮件
  applicant_type / 申请人类型  required; a column id of table 三 or its label (自然人, 商业企业 ...)
  applicant / 申请人        required
  content / 申请内容        required
  outcome / 办理结果        a reply-type id or label (2021 template row); empty while the case is open
  replied / 答复日期        required with an outcome, empty without
  extended / 是否延期       0/1 or 是/否; empty means no
  fee_yuan / 收费金额       yuan, up to two decimals; empty means 0

Rows are numbered as the spreadsheet numbers them (the first row is 1). Nothing here reads the
clock: ``today`` is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from gongkai.domain.deadlines import RULES_2008_FROM
from gongkai.domain.errors import InvalidInput
from gongkai.domain.fees import FEES_FROM
from gongkai.domain.outcomes import (
    APPLICANT_TYPE_LABELS,
    REPLY_TYPE_LABELS,
    ApplicantType,
    Channel,
    ReplyType,
)

_T = TypeVar("_T")
Cell = (
    str | int | float | Decimal | date | None
)  # what csv and openpyxl give (datetime is a date; bool an int)


class Column(StrEnum):
    REF = "ref"
    RECEIVED = "received"
    CHANNEL = "channel"
    APPLICANT_TYPE = "applicant_type"
    APPLICANT = "applicant"
    CONTENT = "content"
    OUTCOME = "outcome"
    REPLIED = "replied"
    EXTENDED = "extended"
    FEE_YUAN = "fee_yuan"


COLUMN_NAMES: dict[Column, str] = {
    Column.REF: "申请编号",
    Column.RECEIVED: "收到日期",
    Column.CHANNEL: "申请方式",
    Column.APPLICANT_TYPE: "申请人类型",
    Column.APPLICANT: "申请人",
    Column.CONTENT: "申请内容",
    Column.OUTCOME: "办理结果",
    Column.REPLIED: "答复日期",
    Column.EXTENDED: "是否延期",
    Column.FEE_YUAN: "收费金额",
}
REQUIRED = (
    Column.REF,
    Column.RECEIVED,
    Column.CHANNEL,
    Column.APPLICANT_TYPE,
    Column.APPLICANT,
    Column.CONTENT,
)
MAX_LENGTH = {Column.REF: 40, Column.APPLICANT: 120}


class Conclusion(StrEnum):
    """How a concluded row ends: the clock event it becomes."""

    REPLIED = "replied"
    GIVEN_UP = "given_up"  # （六）1 逾期不补正, 2 逾期未缴费
    WITHDRAWN = "withdrawn"  # counted under （六）3 其他


@dataclass(frozen=True)
class LedgerRow:
    line: int  # the spreadsheet's row number
    ref: str
    received: date
    channel: Channel
    applicant_type: ApplicantType
    applicant: str
    content: str
    outcome: ReplyType | None  # None: still open
    conclusion: Conclusion | None
    replied: date | None
    extended: bool
    fee_yuan: Decimal


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # as the file writes it
    value: str
    why: str

    def __str__(self) -> str:
        return f"第{self.row}行 列“{self.column}” 值“{self.value}”：{self.why}"


@dataclass(frozen=True)
class ParsedLedger:
    rows: tuple[LedgerRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...] = ()


class LedgerRejected(InvalidInput):
    """A ledger with bad rows: nothing of it is imported; ``errors`` lists every one."""

    code = "ledger_rejected"

    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__(f"台账中有{len(errors)}处错误，未导入任何记录")
        self.errors = tuple(errors)


# --- vocabularies: ids, labels and the row labels of the report templates ----------------------

# Row numbering pasted with a template label, as in "（三）1.属于国家秘密".
_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[0-9]+[.、．])+")
_NOISE = re.compile(r"[\s\u3000“”\"‘’'「」]")


def _key(text: str) -> str:
    """Compare labels loosely: no spaces, quotes or leading row numbers; ASCII case ignored."""
    return _NUMBERING.sub("", _NOISE.sub("", text)).casefold()


def _vocabulary(entries: Iterable[tuple[str, object]]) -> dict[str, object]:
    return {_key(name): value for name, value in entries}


_CHANNELS = _vocabulary(
    [(c.value, c) for c in Channel]
    + [
        ("in_person", Channel.IN_PERSON), ("当面", Channel.IN_PERSON), ("当面申请", Channel.IN_PERSON),
        ("post", Channel.POST_SIGNED), ("信函", Channel.POST_SIGNED), ("信函申请", Channel.POST_SIGNED),
        ("邮寄", Channel.POST_SIGNED), ("邮寄（签收）", Channel.POST_SIGNED), ("平信", Channel.POST_ORDINARY),
        ("online", Channel.ONLINE), ("网络", Channel.ONLINE), ("网络申请", Channel.ONLINE),
        ("网上", Channel.ONLINE), ("互联网", Channel.ONLINE),
        ("fax", Channel.FAX), ("传真", Channel.FAX), ("传真申请", Channel.FAX),
        ("email", Channel.EMAIL), ("电子邮件", Channel.EMAIL), ("电子邮箱", Channel.EMAIL),
    ]
)  # fmt: skip
_APPLICANT_TYPES = _vocabulary(
    [(t.value, t) for t in ApplicantType] + [(label, t) for t, label in APPLICANT_TYPE_LABELS.items()]
)

# The 2021 template's row labels of table 三 (国办公开办函〔2021〕30号), a few older ones, and our labels.
_TEMPLATE_ROWS: list[tuple[str, ReplyType]] = [
    ("予以公开", ReplyType.GRANTED),
    ("部分公开", ReplyType.PARTIAL),
    ("部分公开（区分处理的，只计这一情形，不计其他情形）", ReplyType.PARTIAL),
    ("属于国家秘密", ReplyType.REFUSED_STATE_SECRET),
    ("其他法律行政法规禁止公开", ReplyType.REFUSED_LAW_PROHIBITED),
    ("危及“三安全一稳定”", ReplyType.REFUSED_THREE_SAFETIES),
    ("保护第三方合法权益", ReplyType.REFUSED_THIRD_PARTY),
    ("属于三类内部事务信息", ReplyType.REFUSED_INTERNAL_AFFAIRS),
    ("属于四类过程性信息", ReplyType.REFUSED_PROCESS_INFO),
    ("属于行政执法案卷", ReplyType.REFUSED_ENFORCEMENT_FILE),
    ("属于行政查询事项", ReplyType.REFUSED_QUERY_MATTER),
    ("本机关不掌握相关政府信息", ReplyType.UNABLE_NOT_HELD),
    ("没有现成信息需要另行制作", ReplyType.UNABLE_NEEDS_CREATION),
    ("补正后申请内容仍不明确", ReplyType.UNABLE_STILL_UNCLEAR),
    ("信访举报投诉类申请", ReplyType.NOT_PROCESSED_PETITION),
    ("重复申请", ReplyType.NOT_PROCESSED_DUPLICATE),
    ("要求提供公开出版物", ReplyType.NOT_PROCESSED_PUBLICATION),
    ("无正当理由大量反复申请", ReplyType.NOT_PROCESSED_EXCESSIVE),
    ("要求行政机关确认或重新出具已获取信息", ReplyType.NOT_PROCESSED_CONFIRMATION),
    ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ReplyType.OTHER_NO_CORRECTION),
    (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ReplyType.OTHER_NO_FEE_PAYMENT,
    ),
    ("其他", ReplyType.OTHER_OTHER),
    ("逾期不补正", ReplyType.OTHER_NO_CORRECTION),
    ("逾期未缴费", ReplyType.OTHER_NO_FEE_PAYMENT),
    ("逾期未缴纳费用", ReplyType.OTHER_NO_FEE_PAYMENT),
    # The pre-2019 statistics table (国办发〔2014〕32号), where the row names one reply type.
    ("属于已主动公开范围", ReplyType.GRANTED),
    ("同意公开", ReplyType.GRANTED),
    ("同意部分公开", ReplyType.PARTIAL),
    ("申请信息不存在", ReplyType.UNABLE_NOT_HELD),
    ("不属于本行政机关公开", ReplyType.UNABLE_NOT_HELD),
]
_WITHDRAWN = ("withdrawn", "撤回", "申请人撤回", "撤回申请", "申请人撤回申请")
_OUTCOMES = _vocabulary(
    [(r.value, r) for r in ReplyType]
    + [(label, r) for r, label in REPLY_TYPE_LABELS.items()]
    + [(label, r) for label, r in _TEMPLATE_ROWS]
)
_YES = {"1", "是", "yes", "y", "true", "延期"}
_NO = {"", "0", "否", "no", "n", "false", "未延期", "不延期"}
_HEADERS: dict[str, Column] = {
    **{_key(c.value): c for c in Column},
    **{_key(name): c for c, name in COLUMN_NAMES.items()},
    _key("收费金额（元）"): Column.FEE_YUAN,
    _key("收费金额(元)"): Column.FEE_YUAN,
}
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?$")


# --- one cell ----------------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


def _date(cell: Cell) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    match = _DATE.match(_text(cell))
    if match is None:
        raise _Bad("日期应写作 YYYY-MM-DD，例如 2025-03-04")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _Bad("没有这一天") from None


def _lookup(vocabulary: Mapping[str, object], what: str) -> Callable[[Cell], object]:
    def parse(cell: Cell) -> object:
        found = vocabulary.get(_key(_text(cell)))
        if found is None:
            raise _Bad(f"不是可识别的{what}")
        return found

    return parse


def _bounded_text(column: Column) -> Callable[[Cell], str]:
    def parse(cell: Cell) -> str:
        value = _text(cell)
        limit = MAX_LENGTH.get(column)
        if limit is not None and len(value) > limit:
            raise _Bad(f"不能超过{limit}个字")
        return value

    return parse


def _outcome(cell: Cell) -> tuple[ReplyType, Conclusion] | None:
    text = _key(_text(cell))
    if not text:
        return None
    if text in {_key(w) for w in _WITHDRAWN}:
        return ReplyType.OTHER_OTHER, Conclusion.WITHDRAWN
    found = _OUTCOMES.get(text)
    if not isinstance(found, ReplyType):
        raise _Bad("不是可识别的办理结果（应为答复类型编号或2021年报表行名，如“予以公开”“重复申请”）")
    if found in (ReplyType.OTHER_NO_CORRECTION, ReplyType.OTHER_NO_FEE_PAYMENT):
        return found, Conclusion.GIVEN_UP
    return found, Conclusion.REPLIED


def _extended(cell: Cell) -> bool:
    text = _text(cell).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _Bad("应填 0/1 或 是/否")


def _fee(cell: Cell) -> Decimal:
    text = _text(cell).replace(",", "").removesuffix("元").strip()
    if not text:
        return Decimal(0)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise _Bad("应为金额（元），例如 100 或 12.50") from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal(10**8):
        raise _Bad("金额应为不小于0的数")
    if amount != amount.quantize(Decimal("0.01")):
        raise _Bad("金额最多保留两位小数")
    return amount.quantize(Decimal("0.01"))


def _optional_date(cell: Cell) -> date | None:
    return None if _text(cell) == "" else _date(cell)


_PARSERS: dict[Column, Callable[[Cell], object]] = {
    Column.REF: _bounded_text(Column.REF),
    Column.RECEIVED: _date,
    Column.CHANNEL: _lookup(_CHANNELS, "申请方式（当面、信函、网络、传真、电子邮件）"),
    Column.APPLICANT_TYPE: _lookup(_APPLICANT_TYPES, "申请人类型（自然人、商业企业、科研机构等）"),
    Column.APPLICANT: _bounded_text(Column.APPLICANT),
    Column.CONTENT: _bounded_text(Column.CONTENT),
    Column.OUTCOME: _outcome,
    Column.REPLIED: _optional_date,
    Column.EXTENDED: _extended,
    Column.FEE_YUAN: _fee,
}


# --- the header --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    row: int
    positions: dict[Column, int]  # column → index in the row
    written: dict[Column, str]  # column → the header as the file writes it
    ignored: tuple[str, ...]


def _find_header(table: Sequence[Sequence[Cell]]) -> _Header | None:
    for index, cells in enumerate(table[:10]):
        names = [_text(cell) for cell in cells]
        if sum(1 for name in names if _key(name) in _HEADERS) >= 2:
            return _header(index + 1, names)
    return None


def _header(row: int, names: list[str]) -> _Header:
    positions: dict[Column, int] = {}
    written: dict[Column, str] = {}
    ignored: list[str] = []
    for position, name in enumerate(names):
        column = _HEADERS.get(_key(name))
        if column is None:
            if name:
                ignored.append(name)
        elif column not in positions:
            positions[column], written[column] = position, name
        else:
            ignored.append(name)
    return _Header(row, positions, written, tuple(ignored))


def _header_errors(header: _Header) -> list[RowError]:
    errors = [
        RowError(header.row, COLUMN_NAMES[c], "", f"缺少必需的列（表头写作“{c.value}”或“{COLUMN_NAMES[c]}”）")
        for c in REQUIRED
        if c not in header.positions
    ]
    duplicates = [name for name in header.ignored if _key(name) in _HEADERS]
    errors += [RowError(header.row, name, "", "这一列重复出现") for name in duplicates]
    return errors


# --- rows --------------------------------------------------------------------------------------


def parse_ledger(table: Sequence[Sequence[Cell]], *, today: date) -> ParsedLedger:
    """Read every row; return the rows, or every problem found (then import nothing)."""
    header = _find_header(table)
    if header is None:
        why = "找不到表头：前10行中没有一行写有申请编号、收到日期等列名"
        return ParsedLedger((), (RowError(1, "", "", why),))
    errors = _header_errors(header)
    if errors:
        return ParsedLedger((), tuple(errors), header.ignored)
    rows: list[LedgerRow] = []
    seen: dict[str, int] = {}  # ref → the first row that gives it
    for line, cells in enumerate(table[header.row :], start=header.row + 1):
        if all(_text(cell) == "" for cell in cells):
            continue  # blank rows, often at the end of a sheet
        row, problems = _parse_row(line, cells, header, today=today)
        ref = _text(_cell_of(cells, header, Column.REF))
        if ref and ref in seen:
            problems.append(_error(line, header, Column.REF, ref, f"与第{seen[ref]}行的申请编号重复"))
        seen.setdefault(ref, line)
        errors += problems
        if row is not None and not problems:
            rows.append(row)
    return ParsedLedger(tuple(rows) if not errors else (), tuple(errors), header.ignored)


def _error(line: int, header: _Header, column: Column, value: str, why: str) -> RowError:
    return RowError(line, header.written.get(column, COLUMN_NAMES[column]), value, why)


def _cell_of(cells: Sequence[Cell], header: _Header, column: Column) -> Cell:
    position = header.positions.get(column)
    return cells[position] if position is not None and position < len(cells) else None


def _parse_row(
    line: int, cells: Sequence[Cell], header: _Header, *, today: date
) -> tuple[LedgerRow | None, list[RowError]]:
    values: dict[Column, object] = {}
    errors: list[RowError] = []
    for column, parse in _PARSERS.items():
        cell = _cell_of(cells, header, column)
        if column in REQUIRED and _text(cell) == "":
            errors.append(_error(line, header, column, "", "必填"))
            continue
        try:
            values[column] = parse(cell)
        except _Bad as bad:
            errors.append(_error(line, header, column, _text(cell), bad.why))
    errors += [
        _error(line, header, column, value, why) for column, value, why in _row_problems(values, today)
    ]
    return (None if errors else _row(line, values)), errors


def _row(line: int, values: Mapping[Column, object]) -> LedgerRow:
    reply_type, conclusion = _outcome_of(values)
    return LedgerRow(
        line=line,
        ref=str(values[Column.REF]),
        received=_as(values[Column.RECEIVED], date),
        channel=_as(values[Column.CHANNEL], Channel),
        applicant_type=_as(values[Column.APPLICANT_TYPE], ApplicantType),
        applicant=str(values[Column.APPLICANT]),
        content=str(values[Column.CONTENT]),
        outcome=reply_type,
        conclusion=conclusion,
        replied=_as(values[Column.REPLIED], date) if values[Column.REPLIED] is not None else None,
        extended=bool(values[Column.EXTENDED]),
        fee_yuan=_as(values[Column.FEE_YUAN], Decimal),
    )


def _outcome_of(values: Mapping[Column, object]) -> tuple[ReplyType | None, Conclusion | None]:
    outcome = values.get(Column.OUTCOME)
    if isinstance(outcome, tuple):
        return _as(outcome[0], ReplyType), _as(outcome[1], Conclusion)
    return None, None


def _as(value: object, kind: type[_T]) -> _T:
    assert isinstance(value, kind)
    return value


def _row_problems(values: Mapping[Column, object], today: date) -> list[tuple[Column, str, str]]:
    """Rules on the values that could be read, alone and across cells; each as (column, value, why)."""
    received, replied = values.get(Column.RECEIVED), values.get(Column.REPLIED)
    problems: list[tuple[Column, str, str]] = []
    for column, day in ((Column.RECEIVED, received), (Column.REPLIED, replied)):
        if isinstance(day, date) and day > today:
            problems.append((column, day.isoformat(), "晚于今天"))
    if isinstance(received, date) and received < RULES_2008_FROM:
        problems.append(
            (Column.RECEIVED, received.isoformat(), "早于《政府信息公开条例》施行日（2008年5月1日）")
        )
    if isinstance(received, date) and isinstance(replied, date) and replied < received:
        problems.append((Column.REPLIED, replied.isoformat(), f"早于收到日期 {received.isoformat()}"))
    if Column.OUTCOME in values and Column.REPLIED in values:
        problems += _conclusion_problems(values)
    return problems


def _conclusion_problems(values: Mapping[Column, object]) -> list[tuple[Column, str, str]]:
    reply_type, _ = _outcome_of(values)
    replied, received = values[Column.REPLIED], values.get(Column.RECEIVED)
    if reply_type is None and replied is not None:
        return [(Column.OUTCOME, "", "有答复日期但没有办理结果")]
    if reply_type is not None and replied is None:
        return [(Column.REPLIED, "", "有办理结果时必须填写答复日期")]
    if reply_type == ReplyType.OTHER_NO_FEE_PAYMENT and isinstance(received, date) and received < FEES_FROM:
        # 国办函〔2020〕109号 applies to requests received from 2021-01-01.
        return [(Column.OUTCOME, reply_type.label, "2021年1月1日前收到的申请不适用收费，不会逾期未缴费")]
    return []
