"""`gongkai extract PATH... [--json] [--recursive]`: read published reports, print what they state.

With --json, one JSON object per file and per line on stdout (a contract scripts depend on):
{"file", "agency", "year", "template", "fields", "proactive"/"applications"/"disputes" where
found, "findings"}. A file that cannot be read gets an error line on stderr and the rest go on;
the exit code is then 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.domain.extraction import extract_text
from gongkai.importer.batch import report_paths, run_batch
from gongkai.importer.reading import read_report
from gongkai.importer.summaries import summary


class Command(BaseCommand):
    help = "读取已公布的政府信息公开工作年度报告（.txt、.html、.docx、.pdf），输出其中的数字、表格和问题"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或目录")
        parser.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
        parser.add_argument("--recursive", action="store_true", help="读取目录及其子目录中的全部报告")

    def handle(self, *args: Any, paths: list[str], json: bool, recursive: bool, **options: Any) -> None:
        files, missing = report_paths(paths, recursive=recursive)
        failed = run_batch(
            files, lambda path: self._one(path, as_json=json), errors=self.stderr, missing=missing
        )
        if failed:
            raise CommandError(f"{failed} 个文件未能读取", returncode=1)

    def _one(self, path: Path, *, as_json: bool) -> None:
        report = extract_text(read_report(path), filename=path.name)
        if as_json:
            self.stdout.write(_dumps(report.to_json(str(path))))
        else:
            self.stdout.write(summary(report, file=str(path)) + "\n")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
