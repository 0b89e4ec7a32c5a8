"""The text of DOCX, XLSX and PDF attachments, in pieces that say where each piece is."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from gongkai.catalogue.models import AttachmentKind
from gongkai.domain.errors import InvalidInput

Segment = tuple[
    str, str
]  # (where, text): "附件 通知.docx", "附件 表.xlsx 工作表“Sheet1” B3", "附件 x.pdf 第2页"


def segments(kind: str, data: bytes, *, name: str) -> list[Segment]:
    """The attachment's text as (where, text) pieces; images have none (no OCR)."""
    reader = {AttachmentKind.DOCX: _docx, AttachmentKind.XLSX: _xlsx, AttachmentKind.PDF: _pdf}.get(
        AttachmentKind(kind)
    )
    if reader is None:
        return []
    try:
        return list(reader(data, f"附件 {name}"))
    except Exception as error:  # noqa: BLE001 - any parser failure means the file cannot be read
        raise InvalidInput(
            f"无法读取附件“{name}”的内容：{error}", code="attachment_unreadable", where="file"
        ) from error


def text_of(pieces: list[Segment]) -> str:
    return "\n".join(text for _, text in pieces if text.strip())


def _docx(data: bytes, label: str) -> Iterator[Segment]:
    from docx import Document
    from docx.table import Table

    document = Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    # One piece, one paragraph a line: a hit's line number is the paragraph (or table row) number.
    yield label, "\n".join(lines)


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _xlsx(data: bytes, label: str) -> Iterator[Segment]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for column_number, value in enumerate(row, start=1):
                    text = _cell_text(value)
                    if text.strip():
                        yield (
                            f"{label} 工作表“{sheet.title}” {get_column_letter(column_number)}{row_number}",
                            text,
                        )
    finally:
        workbook.close()


def _pdf(data: bytes, label: str) -> Iterator[Segment]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    for number, page in enumerate(reader.pages, start=1):
        yield f"{label} 第{number}页", page.extract_text() or ""
