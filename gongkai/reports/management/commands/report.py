"""The annual report on the command line:

    gongkai report --agency SLUG --year YYYY [--template 2021|2019|pre2019]
                   --format json|html|docx|xlsx [-o FILE]

The contract scripts depend on (keep it fixed): the year's report computed from the records now;
JSON in the exact shape of docs/domain.md §4 (plus "extra" for the pre-2019 table) with every
finding; bad agency, year or template → one line on stderr, exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.domain.errors import DomainError
from gongkai.reports.queries import compile_report
from gongkai.reports.render import FORMATS, render
from gongkai.reports.render.layout import Section
from gongkai.reports.schedule import TEMPLATE_OPTIONS

FIRST_YEAR = 2008


class Command(BaseCommand):
    help = "生成机关的政府信息公开工作年度报告（JSON、HTML、DOCX、XLSX），数字由办件记录实时计算"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="机关标识（slug）")
        parser.add_argument("--year", required=True, help="报告年度 YYYY")
        parser.add_argument("--template", help="报告格式：2021、2019 或 pre2019（默认按年度）")
        parser.add_argument("--format", required=True, help="输出格式：json、html、docx、xlsx")
        parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")

    def handle(self, *args: object, **options: object) -> None:
        agency = Agency.objects.filter(slug=str(options["agency"])).first()
        if agency is None:
            raise CommandError(f"没有找到机关“{options['agency']}”", returncode=2)
        year = _year(str(options["year"]))
        fmt = str(options["format"])
        if fmt not in ("json", *FORMATS):
            raise CommandError(f"--format 应为 json、html、docx 或 xlsx，而不是“{fmt}”", returncode=2)
        template = options["template"]
        if template is not None and template not in TEMPLATE_OPTIONS:
            raise CommandError(f"--template 应为 2021、2019 或 pre2019，而不是“{template}”", returncode=2)
        try:
            compiled = compile_report(
                agency, year, template=TEMPLATE_OPTIONS[str(template)] if template else None
            )
        except DomainError as error:
            raise CommandError(error.message, returncode=1) from error
        if fmt == "json":
            content = (json.dumps(compiled.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        else:
            sections = [Section(s.key, s.heading, s.filled.text) for s in compiled.sections]
            content = render(fmt, compiled.tables, sections=sections)
        self._write(content, options["output"])

    def _write(self, content: bytes, output: object) -> None:
        if output:
            try:
                Path(str(output)).write_bytes(content)
            except OSError as error:
                raise CommandError(f"无法写入“{output}”：{error.strerror}", returncode=2) from error
            return
        self.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.flush()


def _year(text: str) -> int:
    this_year = timezone.localdate().year
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= this_year:
        raise CommandError(
            f"--year 应为 {FIRST_YEAR} 至 {this_year} 之间的年份，而不是“{text}”", returncode=2
        )
    return int(text)
