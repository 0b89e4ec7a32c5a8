"""`gongkai import reports PATH... [--recursive]`: store published reports for the roll-up dashboard.

Each file is read, its figures and findings stored; a file already imported (same content) is
left as it is. A file that cannot be read gets an error line and the rest go on (exit code 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.importer.batch import report_paths, run_batch
from gongkai.importer.services import import_report_file

ACTOR = "年报导入（gongkai import reports）"


class Command(BaseCommand):
    help = "导入已公布的政府信息公开工作年度报告，供汇总页比较；同一文件重复导入不会改变任何内容"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或目录")
        parser.add_argument("--recursive", action="store_true", help="导入目录及其子目录中的全部报告")

    def handle(self, *args: Any, paths: list[str], recursive: bool, **options: Any) -> None:
        files, missing = report_paths(paths, recursive=recursive)
        counts = {"created": 0, "unchanged": 0}
        failed = run_batch(files, lambda path: self._one(path, counts), errors=self.stderr, missing=missing)
        self.stdout.write(f"共导入 {counts['created']} 份；已导入过、未改动 {counts['unchanged']} 份")
        if failed:
            raise CommandError(f"{failed} 个文件未能导入", returncode=1)

    def _one(self, path: Path, counts: dict[str, int]) -> None:
        report, created = import_report_file(path, actor=ACTOR)
        counts["created" if created else "unchanged"] += 1
        what = (
            f"{report.agency or '机关未写明'}，{report.year or '年度未写明'}，{len(report.findings)} 条问题"
        )
        self.stdout.write(f"{'已导入' if created else '已导入过，未改动'}：{path}（{what}）")
