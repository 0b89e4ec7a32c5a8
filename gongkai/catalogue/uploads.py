"""What an attachment may be: PDF, DOCX, XLSX or an image, checked by extension, content and size."""

from __future__ import annotations

import io
import zipfile

from gongkai.catalogue.models import AttachmentKind
from gongkai.domain.errors import InvalidInput

_EXTENSIONS = {
    ".pdf": AttachmentKind.PDF,
    ".docx": AttachmentKind.DOCX,
    ".xlsx": AttachmentKind.XLSX,
    ".png": AttachmentKind.IMAGE,
    ".jpg": AttachmentKind.IMAGE,
    ".jpeg": AttachmentKind.IMAGE,
    ".gif": AttachmentKind.IMAGE,
}
_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
# The part every DOCX / XLSX package has (ECMA-376 Part 2); a ZIP without it is not one.
_MAIN_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
ALLOWED = "PDF、DOCX、XLSX、PNG、JPG、GIF"


def extension_of(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(name: str, data: bytes, *, max_bytes: int) -> AttachmentKind:
    """The kind of an uploaded file, or InvalidInput saying why it is refused."""
    extension = extension_of(name)
    kind = _EXTENSIONS.get(extension)
    if kind is None:
        raise InvalidInput(
            f"附件“{name}”的类型不允许，只接受 {ALLOWED}", code="attachment_type", where="file"
        )
    if not data:
        raise InvalidInput(f"附件“{name}”是空文件", code="attachment_empty", where="file")
    if len(data) > max_bytes:
        raise InvalidInput(
            f"附件“{name}”超过大小上限 {max_bytes // (1024 * 1024)} MB", code="attachment_size", where="file"
        )
    if not data.startswith(_MAGIC[extension]):
        raise InvalidInput(
            f"附件“{name}”的内容与扩展名 {extension} 不符", code="attachment_content", where="file"
        )
    if extension in _MAIN_PART:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
        except zipfile.BadZipFile:
            names = set()
        if _MAIN_PART[extension] not in names:
            raise InvalidInput(
                f"附件“{name}”不是有效的 {extension[1:].upper()} 文件",
                code="attachment_content",
                where="file",
            )
    return kind
