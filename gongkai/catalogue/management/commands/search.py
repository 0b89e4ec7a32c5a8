"""`gongkai search rebuild`: make the catalogue's search index again from the published entries."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from tqdm import tqdm

from gongkai.audit.services import record
from gongkai.catalogue import search
from gongkai.catalogue.models import Publication, PublicationStatus


class Command(BaseCommand):
    help = "主动公开全文检索：rebuild 重建索引（升级分词词典或恢复数据库后运行）"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=CommandParser)
        sub.add_parser("rebuild", help="按已发布的信息重建全文检索索引")

    def handle(self, *args: object, action: str, **options: object) -> None:
        total = Publication.objects.filter(status=PublicationStatus.PUBLISHED).count()
        started = time.perf_counter()
        with (
            tqdm(total=total, file=sys.stderr, unit="条", disable=total < 1000, desc="重建索引") as bar,
            transaction.atomic(),
        ):
            indexed = search.rebuild(progress=bar.update)
            record(
                actor=None,
                event="catalogue.search_rebuilt",
                subject_type="catalogue.search",
                after={"indexed": indexed},
            )
        self.stdout.write(f"已重建全文检索索引：{indexed} 条，用时 {time.perf_counter() - started:.1f} 秒")
