"""`gongkai import catalogue FILE --agency SLUG [--dry-run]`: move an existing catalogue in.

The file's columns are the contract in gongkai/catalogue/importing.py. Every bad row is printed as
`第N行 列“X” 值“V”：原因` and nothing is imported (exit 2); importing the same file again changes
nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from gongkai.agencies.models import Agency
from gongkai.catalogue.importing import COLUMN_NAMES, REQUIRED, CatalogueRejected, parse_catalogue, read_table
from gongkai.catalogue.models import Category
from gongkai.catalogue.services import set_up_catalogue
from gongkai.catalogue.services.importing import import_catalogue
from gongkai.domain.errors import DomainError
from gongkai.domain.ledger import RowError

ACTOR = "目录导入（gongkai import catalogue）"
PROGRESS_FROM = 200  # rows; smaller files finish before a bar would help


class Command(BaseCommand):
    help = "导入已有的主动公开目录（.xlsx 或 .csv，中文或英文表头）；有任何错误行则全部不导入"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        columns = [
            f"  {c.value} / {name}{'（必填）' if c in REQUIRED else ''}" for c, name in COLUMN_NAMES.items()
        ]
        parser.epilog = "目录的列（表头可用英文或中文，顺序不限）：\n" + "\n".join(columns)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="目录文件（.xlsx 或 .csv，CSV 可为 UTF-8 或 GB18030 编码）")
        parser.add_argument("--agency", required=True, metavar="SLUG", help="目录所属机关的标识")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")

    def handle(self, *args: object, file: str, agency: str, dry_run: bool, **options: object) -> None:
        owner = Agency.objects.filter(slug=agency).first()
        if owner is None:
            raise CommandError(f"机关“{agency}”不存在", returncode=2)
        path = Path(file)
        try:
            table = read_table(path)
            set_up_catalogue(owner, actor=ACTOR)
            categories = list(Category.objects.filter(agency=owner))
            parsed = parse_catalogue(table, categories=categories, today=timezone.localdate())
        except DomainError as error:
            raise CommandError(error.message, returncode=2) from error
        if parsed.ignored_columns:
            self.stderr.write(f"提示：以下列不属于目录格式，已忽略：{'、'.join(parsed.ignored_columns)}")
        if parsed.errors:
            self._reject(parsed.errors)
        rows = parsed.rows
        with tqdm(
            total=len(rows) * 2, file=sys.stderr, unit="行", disable=len(rows) <= PROGRESS_FROM, desc="导入"
        ) as bar:
            try:
                result = import_catalogue(
                    owner,
                    rows,
                    actor=ACTOR,
                    dry_run=dry_run,
                    source=f"import:{path.name}",
                    on_rows=bar.update,
                )
            except CatalogueRejected as rejected:
                bar.close()
                self._reject(rejected.errors)
            except DomainError as error:
                raise CommandError(error.message, returncode=2) from error
        if result.dry_run:
            self.stdout.write(
                f"试运行：可新增 {result.created} 条，已存在且内容相同 {result.unchanged} 条；未写入数据库"
            )
        else:
            self.stdout.write(f"已导入 {result.created} 条；已存在且内容相同 {result.unchanged} 条，未改动")

    def _reject(self, errors: tuple[RowError, ...]) -> NoReturn:
        for error in errors:
            self.stderr.write(str(error))
        raise CommandError(f"共 {len(errors)} 处错误，未导入任何记录", returncode=2)
