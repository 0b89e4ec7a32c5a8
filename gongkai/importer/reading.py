"""A published report's file → its text, ready for the report reader (gongkai.domain.extraction).

- .txt (and anything unknown): UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 or Big5,
  whichever reads as more Chinese;
- .html/.htm: the page's text, table rows as ``| cell | cell |`` lines (spans not expanded),
  scripts and styles dropped; a layout table's lone cell keeps its paragraphs as lines;
- .docx: paragraphs and tables in document order, table rows as ``| cell | cell |`` lines;
- .xlsx: every sheet's rows as ``| cell | cell |`` lines (reports Gongkai exports);
- .pdf: the text of every page, where pypdf is installed.

Every failure is an ExtractionError whose Chinese message names the file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from gongkai.domain.errors import ExtractionError

__all__ = ["SUFFIXES", "decode_text", "html_to_text", "read_report", "text_of"]

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".xlsx", ".pdf")
# Characters frequent in any report, in both scripts: how Chinese a decoding reads.
_COMMON = frozenset("的一是在年政府信息公开開申请請报報告工作情况況本局行和依")


def read_report(path: Path) -> str:
    """The text of the report at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractionError(
            f"无法读取文件“{path.name}”：{error.strerror or error}", where=str(path)
        ) from error
    return text_of(data, name=path.name)


def text_of(data: bytes, *, name: str) -> str:
    """The text of a report file's bytes; ``name`` gives the format (by suffix) and names errors."""
    if not data.strip():
        raise ExtractionError(f"文件“{name}”是空的", where=name)
    suffix = Path(name).suffix.lower()
    readers: dict[str, Callable[[bytes, str], str]] = {
        ".html": _html,
        ".htm": _html,
        ".docx": _docx,
        ".xlsx": _xlsx,
        ".pdf": _pdf,
        ".doc": _old_word,
    }
    text = readers.get(suffix, _plain)(data, name)
    if not text.strip():
        raise ExtractionError(f"文件“{name}”中没有可读取的文字", where=name)
    return text


def decode_text(data: bytes, *, name: str = "") -> str:
    """Bytes of a text file → str: UTF-8/UTF-16 by BOM or validity, else GB18030 or Big5."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return data.decode("gb18030", errors="replace")
    return max(candidates, key=_chinese_score)


def _chinese_score(text: str) -> float:
    sample = text[:20_000]
    return sum(1 for char in sample if char in _COMMON) / max(1, len(sample))


def _plain(data: bytes, name: str) -> str:
    text = decode_text(data, name=name)
    head = text[:2000].lower()
    if "<html" in head or "<!doctype html" in head or "<body" in head or _is_markup(text):
        return html_to_text(text)
    if "\x00" in text[:2000]:
        raise ExtractionError(f"文件“{name}”不是文本文件，无法读取", where=name)
    return text


_MARKUP = re.compile(r"<(?:p|td|th|tr|br|div|table|span|li)\b[^<>]{0,300}>", re.IGNORECASE)


def _is_markup(text: str) -> bool:
    """A scraped "text" that is really a page's markup (saved source, HTML inside a script string)."""
    return "<" in text and len(_MARKUP.findall(text, 0, 400_000)) >= 20


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_\-]+)""", re.IGNORECASE)


def _html(data: bytes, name: str) -> str:
    declared = _META_CHARSET.search(data[:4096])
    text = None
    if declared is not None:
        encoding = declared.group(1).decode("ascii").lower()
        encoding = "gb18030" if encoding in ("gb2312", "gbk", "gb18030") else encoding
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    return html_to_text(text if text is not None else decode_text(data, name=name))


_BLOCKS = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header")
    + ("footer", "tr", "title", "blockquote", "pre", "dd", "dt", "hr")
)
_SKIP = frozenset({"script", "style", "noscript", "template"})


class _Page(HTMLParser):
    """Text with line breaks at blocks, and each table row as one ``| … |`` line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []  # text of the line being written outside tables
        self.tables: list[list[list[list[str]]]] = []  # stack: table → rows → cells → parts
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "table":
            if self.tables:
                self._flush_outer()  # a table inside a (layout) table cell: keep the page's order
            self._break()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append([])
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table" and self.tables:
            self._emit_table(self.tables.pop())
        elif tag in _BLOCKS and tag != "tr":
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.tables[-1][-1][-1].append(data)
        elif not self.tables:
            self.current.append(data)

    def _break(self) -> None:
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.tables[-1][-1][-1].append("\n")  # a block inside a cell
        elif self.current:
            line = " ".join("".join(self.current).split())
            if line:
                self.lines.append(line)
            self.current = []

    def _flush_outer(self) -> None:
        """Write out what the enclosing table holds so far; it goes on collecting afterwards."""
        outer = self.tables[-1]
        self._emit_table(outer)
        open_cell = bool(outer and outer[-1])
        outer.clear()
        if open_cell:
            outer.append([[]])

    def _emit_table(self, rows: list[list[list[str]]]) -> None:
        for row in rows:
            cells = ["".join(parts) for parts in row]
            filled = [cell for cell in cells if cell.strip()]
            lone = filled[0] if len(filled) == 1 and len(cells) <= 2 else ""
            if lone and ("\n" in lone.strip() or len(lone.strip()) > 40 or lone.count("\n") >= 2):
                # A layout table's lone cell: its paragraphs are the page's lines.
                self.lines += [" ".join(line.split()) for line in filled[0].split("\n") if line.strip()]
            elif filled:
                self.lines.append("| " + " | ".join(" ".join(cell.split()) for cell in cells) + " |")

    def text(self) -> str:
        self._break()
        while self.tables:
            self._emit_table(self.tables.pop(0))
        return "\n".join(self.lines)


def html_to_text(html: str) -> str:
    """The page's text: a line per block, a ``| cell | cell |`` line per table row."""
    page = _Page()
    page.feed(html)
    page.close()
    return page.text()


def _docx(data: bytes, name: str) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ExtractionError(f"文件“{name}”不是有效的 Word（.docx）文件", where=name) from error
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines += _docx_rows(Table(child, document))
    return "\n".join(lines)


def _docx_rows(table: object) -> list[str]:
    lines = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column: keep it once
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _xlsx(data: bytes, name: str) -> str:
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ExtractionError(f"文件“{name}”不是有效的 Excel（.xlsx）文件", where=name) from error
    lines: list[str] = []
    for sheet in workbook.worksheets:
        # Spans are not expanded (as in HTML): the cells a merged cell covers are left out.
        covered = {
            (row, column)
            for merged in sheet.merged_cells.ranges
            for row in range(merged.min_row, merged.max_row + 1)
            for column in range(merged.min_col, merged.max_col + 1)
            if (row, column) != (merged.min_row, merged.min_col)
        }
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            values = [value for column, value in enumerate(row, start=1) if (number, column) not in covered]
            cells = ["" if value is None else " ".join(str(value).split()) for value in values]
            while cells and not cells[-1]:
                cells.pop()
            if len([cell for cell in cells if cell]) == 1 and len(cells) == 1:
                lines.append(cells[0])
            elif cells:
                lines.append("| " + " | ".join(cells) + " |")
    workbook.close()
    return "\n".join(lines)


def _pdf(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as error:  # pragma: no cover - pypdf is a dependency, but optional in spirit
        raise ExtractionError(f"读取 PDF 文件“{name}”需要安装 pypdf", where=name) from error
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"PDF 文件“{name}”已加密，无法读取", where=name)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ExtractionError(f"文件“{name}”不是有效的 PDF 文件或已损坏", where=name) from error


def _old_word(data: bytes, name: str) -> str:
    raise ExtractionError(f"不支持旧版 Word（.doc）文件“{name}”，请另存为 .docx 后再读取", where=name)
