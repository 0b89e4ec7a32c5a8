"""`gongkai import applications FILE --agency SLUG [--dry-run]`: load a ledger (台账) of requests.

The file's columns are the contract described in gongkai/domain/ledger.py. Every bad row is
printed as `第N行 列“X” 值“V”：原因` and nothing is imported (exit 2); importing the same file again
changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import warnings
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from gongkai.agencies.models import Agency
from gongkai.applications.ledger import import_ledger
from gongkai.domain.ledger import COLUMN_NAMES, REQUIRED, Cell, LedgerRejected, RowError, parse_ledger

ACTOR = "台账导入（gongkai import applications）"
PROGRESS_FROM = 200  # rows; smaller files finish before a bar would help


class Command(BaseCommand):
    help = "导入依申请公开台账（.xlsx 或 .csv，中文或英文表头）；有任何错误行则全部不导入"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        columns = [
            f"  {c.value} / {name}{'（必填）' if c in REQUIRED else ''}" for c, name in COLUMN_NAMES.items()
        ]
        parser.epilog = "台账的列（表头可用英文或中文，顺序不限）：\n" + "\n".join(columns)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="台账文件（.xlsx 或 .csv，CSV 可为 UTF-8 或 GB18030 编码）")
        parser.add_argument("--agency", required=True, metavar="SLUG", help="台账所属机关的标识")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")

    def handle(self, *args: object, file: str, agency: str, dry_run: bool, **options: object) -> None:
        owner = Agency.objects.filter(slug=agency).first()
        if owner is None:
            raise CommandError(f"机关“{agency}”不存在", returncode=2)
        parsed = parse_ledger(read_table(Path(file)), today=timezone.localdate())
        if parsed.ignored_columns:
            self.stderr.write(f"提示：以下列不属于台账格式，已忽略：{'、'.join(parsed.ignored_columns)}")
        if parsed.errors:
            self._reject(parsed.errors)
        with tqdm(
            total=len(parsed.rows),
            file=sys.stderr,
            unit="行",
            disable=len(parsed.rows) <= PROGRESS_FROM,
            desc="导入",
        ) as bar:
            try:
                result = import_ledger(owner, parsed.rows, actor=ACTOR, dry_run=dry_run, on_row=bar.update)
            except LedgerRejected as rejected:
                bar.close()
                self._reject(rejected.errors)
        if result.dry_run:
            self.stdout.write(
                f"试运行：可新建 {result.created} 件，已存在且内容相同 {result.unchanged} 件；未写入数据库"
            )
        else:
            self.stdout.write(f"已导入 {result.created} 件；已存在且内容相同 {result.unchanged} 件，未改动")

    def _reject(self, errors: tuple[RowError, ...]) -> NoReturn:
        for error in errors:
            self.stderr.write(str(error))
        raise CommandError(f"共 {len(errors)} 处错误，未导入任何记录", returncode=2)


def read_table(path: Path) -> list[list[Cell]]:
    """The first sheet of an .xlsx, or a .csv (UTF-8 with or without BOM, else GB18030), as rows of cells."""
    if not path.is_file():
        raise CommandError(f"找不到文件：{path}", returncode=2)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise CommandError(
        f"不支持的文件类型“{path.suffix}”：请使用 .xlsx 或 .csv（.xls 请先另存为 .xlsx）", returncode=2
    )


def _read_csv(path: Path) -> list[list[Cell]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    raise CommandError(f"无法识别 {path.name} 的编码：请保存为 UTF-8 或 GB18030 编码的 CSV", returncode=2)


def _read_xlsx(path: Path) -> list[list[Cell]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # openpyxl's notes on styles and extensions
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise CommandError(f"无法读取 Excel 文件 {path.name}：{error}", returncode=2) from error


def _cell(value: Any) -> Cell:
    return value if value is None or isinstance(value, str | int | float | date) else str(value)
