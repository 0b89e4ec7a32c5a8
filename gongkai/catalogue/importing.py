"""An existing catalogue (CSV or XLSX) → rows ready to publish, with every bad cell reported.

The contract of ``gongkai import catalogue FILE --agency SLUG`` (the same as the ledger import's):
headers in English or Chinese, in any order, the header row being the first that names at least two
known columns; other columns are ignored and named. Every bad row is reported (row number as the
spreadsheet shows it, column, value, why) and nothing is imported unless every row is valid.

  index_number / 索引号        identifies the entry; when empty, 文号 + 标题 do (a 索引号 is generated)
  title / 标题                 required
  category / 信息分类          required; a category's code, name, or path (政策文件/行政规范性文件)
  published_on / 发布日期      required; YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or an Excel date
  written_on / 成文日期
  doc_number / 文号
  keywords / 主题词
  text / 正文                  plain text, or HTML (sanitised)
  doc_type / 文件类型          规章, 行政规范性文件 (规范性文件), 其他; default 其他
  validity / 有效性            有效, 失效, 废止; required for 规章 and 规范性文件
  channels / 发布渠道          政府公报, 政府网站, 政务微博, 政务微信, 其他方式, separated by ；or ,
                               each optionally with its date: 政府网站:2024-03-01
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from gongkai.catalogue.models import Category
from gongkai.domain.errors import InvalidInput
from gongkai.domain.ledger import Cell, RowError
from gongkai.domain.privacy import scan
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity, check_validity


class Column(StrEnum):
    INDEX_NUMBER = "index_number"
    TITLE = "title"
    CATEGORY = "category"
    PUBLISHED_ON = "published_on"
    WRITTEN_ON = "written_on"
    DOC_NUMBER = "doc_number"
    KEYWORDS = "keywords"
    TEXT = "text"
    DOC_TYPE = "doc_type"
    VALIDITY = "validity"
    CHANNELS = "channels"


COLUMN_NAMES = {
    Column.INDEX_NUMBER: "索引号",
    Column.TITLE: "标题",
    Column.CATEGORY: "信息分类",
    Column.PUBLISHED_ON: "发布日期",
    Column.WRITTEN_ON: "成文日期",
    Column.DOC_NUMBER: "文号",
    Column.KEYWORDS: "主题词",
    Column.TEXT: "正文",
    Column.DOC_TYPE: "文件类型",
    Column.VALIDITY: "有效性",
    Column.CHANNELS: "发布渠道",
}
REQUIRED = (Column.TITLE, Column.CATEGORY, Column.PUBLISHED_ON)
_ALIASES = {
    "分类": Column.CATEGORY,
    "类别": Column.CATEGORY,
    "公开日期": Column.PUBLISHED_ON,
    "生成日期": Column.WRITTEN_ON,
    "发文字号": Column.DOC_NUMBER,
    "关键词": Column.KEYWORDS,
    "内容": Column.TEXT,
    "全文": Column.TEXT,
    "公开渠道": Column.CHANNELS,
    "公开方式": Column.CHANNELS,
}
_DOC_TYPES = {t.label: t for t in DocumentType} | {
    "规范性文件": DocumentType.NORMATIVE,
    "": DocumentType.OTHER,
}
_VALIDITIES = {v.label: v for v in Validity}
_CHANNELS = {c.label: c for c in ReleaseChannel} | {
    c.label[2:]: c for c in ReleaseChannel
}  # 政府网站 or 网站


@dataclass(frozen=True)
class CatalogueRow:
    line: int
    index_number: str
    title: str
    category: Category
    published_on: date
    written_on: date | None
    doc_number: str
    keywords: str
    text: str
    doc_type: DocumentType
    validity: Validity | None
    channels: tuple[tuple[ReleaseChannel, date | None], ...]

    @property
    def key(self) -> tuple[str, str]:
        """The natural key: the 索引号, or (文号, 标题) when there is none."""
        return ("index", self.index_number) if self.index_number else (self.doc_number, self.title)


@dataclass(frozen=True)
class ParsedCatalogue:
    rows: tuple[CatalogueRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...] = ()


class CatalogueRejected(InvalidInput):
    """A catalogue file with bad rows: nothing of it is imported; ``errors`` lists every one."""

    code = "catalogue_rejected"

    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__(
            f"共 {len(errors)} 处错误，未导入任何记录", where=f"row {errors[0].row}" if errors else ""
        )
        self.errors = tuple(errors)


class _Bad(Exception):
    def __init__(self, why: str) -> None:
        self.why = why


# -- reading files ------------------------------------------------------------------------------------


def read_table(path: Path) -> list[list[Cell]]:
    """The first sheet of an .xlsx, or a .csv (UTF-8 with or without BOM, else GB18030), as rows."""
    if not path.is_file():
        raise InvalidInput(f"找不到文件：{path}", where="file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
        raise InvalidInput(f"无法识别 {path.name} 的编码：请保存为 UTF-8 或 GB18030 编码的 CSV", where="file")
    raise InvalidInput(f"不支持的文件类型“{path.suffix}”：请使用 .xlsx 或 .csv", where="file")


def _read_xlsx(path: Path) -> list[list[Cell]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                return [
                    [v if v is None or isinstance(v, str | int | float | date) else str(v) for v in row]
                    for row in workbook.worksheets[0].iter_rows(values_only=True)
                ]
            finally:
                workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InvalidInput(f"无法读取 Excel 文件 {path.name}：{error}", where="file") from error


# -- headers and cells --------------------------------------------------------------------------------


def _header_key(cell: Cell) -> Column | None:
    text = re.sub(r"[\s*＊:：（(].*$|\s", "", str(cell or "")).lower()
    for column in Column:
        if text in (column.value, COLUMN_NAMES[column]):
            return column
    return _ALIASES.get(text)


def _find_header(table: list[list[Cell]]) -> tuple[int, dict[Column, int], list[str]]:
    for index, row in enumerate(table[:20]):
        columns: dict[Column, int] = {}
        ignored = []
        for position, cell in enumerate(row):
            key = _header_key(cell)
            if key is not None and key not in columns:
                columns[key] = position
            elif str(cell or "").strip():
                ignored.append(str(cell).strip())
        if len(columns) >= 2:
            return index, columns, ignored
    raise InvalidInput(
        "找不到表头：第一行（或标题行之后的一行）应列出“标题”“信息分类”“发布日期”等列名", where="header"
    )


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(cell: Cell) -> date | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = _text(cell)
    match = _DATE.match(text) or re.match(r"^(\d{4})(\d{2})(\d{2})$", text)
    if not match:
        raise _Bad("不是可识别的日期（应为 YYYY-MM-DD）")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as error:
        raise _Bad("不是有效的日期") from error


def _channels(text: str) -> tuple[tuple[ReleaseChannel, date | None], ...]:
    found = []
    for part in filter(None, (p.strip() for p in re.split(r"[；;，,、\n]", text))):
        name, _, when = (s.strip() for s in part.replace("：", ":").partition(":"))
        channel = _CHANNELS.get(name)
        if channel is None:
            raise _Bad(f"不认识的发布渠道“{name}”（可用：{'、'.join(c.label for c in ReleaseChannel)}）")
        found.append((channel, parse_date(when) if when else None))
    return tuple(found) or ((ReleaseChannel.WEBSITE, None),)


class _CategoryIndex:
    """Find a category by code, name or path; a name shared by two categories must be given as a path."""

    def __init__(self, categories: Sequence[Category]) -> None:
        by_id = {c.pk: c for c in categories}
        self.by_code = {c.code.lower(): c for c in categories}
        self.by_name: dict[str, list[Category]] = {}
        self.by_path: dict[str, Category] = {}
        for category in categories:
            self.by_name.setdefault(category.name, []).append(category)
            path, parent = [category.name], by_id.get(category.parent_id or 0)
            while parent is not None:
                path.insert(0, parent.name)
                parent = by_id.get(parent.parent_id or 0)
            self.by_path["/".join(path)] = category

    def find(self, text: str) -> Category:
        cleaned = re.sub(r"\s*[/>＞›、]\s*", "/", text.strip())
        found = self.by_path.get(cleaned) or self.by_code.get(cleaned.lower())
        if found is not None:
            return found
        named = self.by_name.get(cleaned.rsplit("/", 1)[-1], [])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise _Bad("有多个同名分类，请写出完整路径（如“政策文件/其他文件”）")
        raise _Bad("本机关没有这个信息分类（先在“目录设置”中新增，或使用分类代码）")


# -- rows ---------------------------------------------------------------------------------------------


def _row(
    line: int, get: Any, categories: _CategoryIndex, today: date
) -> tuple[CatalogueRow | None, list[RowError]]:
    errors: list[RowError] = []

    def field(column: Column, parse: Any, *, required: bool = False) -> Any:
        raw = get(column)
        if required and raw in (None, ""):
            errors.append(RowError(line, get.header(column), "", "必填"))
            return None
        try:
            return parse(raw)
        except _Bad as bad:
            errors.append(RowError(line, get.header(column), _text(raw)[:60], bad.why))
            return None

    title = field(Column.TITLE, _text, required=True)
    category = field(Column.CATEGORY, lambda c: categories.find(_text(c)), required=True)
    published_on = field(Column.PUBLISHED_ON, parse_date, required=True)
    written_on = field(Column.WRITTEN_ON, parse_date)
    doc_type = field(Column.DOC_TYPE, _doc_type)
    validity = field(Column.VALIDITY, _validity)
    channels = field(Column.CHANNELS, lambda c: _channels(_text(c)))
    text = _text(get(Column.TEXT))
    errors += _cross_checks(
        line, get, title=title or "", text=text, today=today, published_on=published_on,
        written_on=written_on, doc_type=doc_type, validity=validity,
    )  # fmt: skip
    if errors:
        return None, errors
    return (
        CatalogueRow(
            line=line,
            index_number=_text(get(Column.INDEX_NUMBER)),
            title=title,
            category=category,
            published_on=published_on,
            written_on=written_on,
            doc_number=_text(get(Column.DOC_NUMBER)),
            keywords=_text(get(Column.KEYWORDS)),
            text=text,
            doc_type=doc_type,
            validity=validity,
            channels=channels,
        ),
        [],
    )


def _cross_checks(
    line: int,
    get: Any,
    *,
    title: str,
    text: str,
    today: date,
    published_on: date | None,
    written_on: date | None,
    doc_type: DocumentType | None,
    validity: Validity | None,
) -> list[RowError]:
    """Rules across cells: dates in order, validity where it belongs, no personal data."""
    errors = []
    if published_on and published_on > today:
        errors.append(RowError(line, get.header(Column.PUBLISHED_ON), published_on.isoformat(), "晚于今天"))
    if published_on and written_on and written_on > published_on:
        errors.append(RowError(line, get.header(Column.WRITTEN_ON), written_on.isoformat(), "晚于发布日期"))
    if len(title) > 300:
        errors.append(RowError(line, get.header(Column.TITLE), title[:60], "超过300个字"))
    if doc_type is not None:
        try:
            check_validity(doc_type, validity)
        except InvalidInput as error:
            value = validity.label if validity else ""
            errors.append(RowError(line, get.header(Column.VALIDITY), value, error.message))
    # A hit blocks publication (docs/domain.md §2): the file is fixed before it comes in.
    for hit in scan([(get.header(Column.TITLE), title), (get.header(Column.TEXT), text)]):
        why = f"疑似{hit.kind.label}（第{hit.line}行第{hit.column}列），请遮盖后再导入"
        errors.append(RowError(line, hit.source, hit.preview, why))
    return errors


def _doc_type(cell: Cell) -> DocumentType:
    text = _text(cell)
    found = _DOC_TYPES.get(text) or next((t for t in DocumentType if t.value == text.lower()), None)
    if found is None:
        raise _Bad("文件类型应为“规章”“行政规范性文件”或“其他”")
    return found


def _validity(cell: Cell) -> Validity | None:
    text = _text(cell)
    if not text:
        return None
    found = _VALIDITIES.get(text) or next((v for v in Validity if v.value == text.lower()), None)
    if found is None:
        raise _Bad("有效性应为“有效”“失效”或“废止”")
    return found


class _Getter:
    def __init__(self, row: list[Cell], columns: dict[Column, int], headers: list[Cell]) -> None:
        self.row, self.columns, self.headers = row, columns, headers

    def __call__(self, column: Column) -> Cell:
        position = self.columns.get(column)
        return self.row[position] if position is not None and position < len(self.row) else None

    def header(self, column: Column) -> str:
        position = self.columns.get(column)
        return _text(self.headers[position]) if position is not None else COLUMN_NAMES[column]


def parse_catalogue(
    table: list[list[Cell]], *, categories: Sequence[Category], today: date
) -> ParsedCatalogue:
    """Typed rows, or every problem: bad cells, missing columns, rows that repeat a key."""
    header_index, columns, ignored = _find_header(table)
    headers = table[header_index]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        names = "、".join(COLUMN_NAMES[c] for c in missing)
        return ParsedCatalogue((), (RowError(header_index + 1, names, "", "缺少必需的列"),), tuple(ignored))
    index = _CategoryIndex(categories)
    rows: list[CatalogueRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    for offset, raw in enumerate(table[header_index + 1 :], start=header_index + 2):
        if not any(_text(cell) for cell in raw):
            continue
        get = _Getter(raw, columns, headers)
        row, problems = _row(offset, get, index, today)
        errors += problems
        if row is None:
            continue
        earlier = seen.get(row.key)
        if earlier is not None:
            column = Column.INDEX_NUMBER if row.index_number else Column.TITLE
            errors.append(RowError(offset, get.header(column), row.key[1][:60], f"与第{earlier}行重复"))
            continue
        seen[row.key] = offset
        rows.append(row)
    return ParsedCatalogue(tuple(rows), tuple(errors), tuple(ignored))
