from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.domain.errors import DomainError
from gongkai.workcalendar.csv_format import parse_calendar_csv
from gongkai.workcalendar.models import Source
from gongkai.workcalendar.queries import work_calendar
from gongkai.workcalendar.services import load_year, sync_from_chinese_calendar

WEEKDAYS = "一二三四五六日"


class Command(BaseCommand):
    help = "工作日历：import 载入新公布年度的安排（CSV），show 查看某年，sync 从 chinese-calendar 同步"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=CommandParser)
        imp = sub.add_parser("import", help="从 CSV 载入（列：date/日期, working/是否上班, name/名称）")
        imp.add_argument("file")
        show = sub.add_parser("show", help="查看某年的节假日与调休")
        show.add_argument("year", type=int)
        sync = sub.add_parser("sync", help="从 chinese-calendar 软件包同步其覆盖的年份")
        sync.add_argument("years", nargs="*", type=int)

    def handle(self, *args: object, **options: object) -> None:
        try:
            getattr(self, f"handle_{options['action']}")(**options)
        except DomainError as error:
            raise CommandError(str(error), returncode=2) from error

    def handle_import(self, *, file: str, **_: object) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"文件“{file}”不存在", returncode=2)
        entries = parse_calendar_csv(path.read_bytes(), filename=path.name)
        if not entries:
            raise CommandError(f"{path.name} 没有任何日期行", returncode=2)
        for year in sorted({e.day.year for e in entries}):
            result = load_year(
                year, [e for e in entries if e.day.year == year], source=Source.CSV, actor=None
            )
            self.stdout.write(
                f"{year} 年已载入（第{result.version}版）：新增 {result.added}，修改 {result.changed}，"
                f"删除 {result.removed}；重新计算期限 {result.refreshed} 件"
            )

    def handle_show(self, *, year: int, **_: object) -> None:
        calendar = work_calendar()
        status = (
            "暂定（尚未载入官方安排：只按周末和固定日期节日计算）"
            if calendar.is_provisional(date(year, 1, 1))
            else "官方安排已载入"
        )
        self.stdout.write(f"{year} 年：{status}")
        day, end, working = date(year, 1, 1), date(year, 12, 31), 0
        while day <= end:
            is_work = calendar.is_workday(day)
            working += is_work
            weekend = day.weekday() >= 5
            if is_work == weekend:  # a holiday on a weekday or a make-up working weekend day
                kind = "调休上班" if is_work else "放假"
                self.stdout.write(
                    f"  {day:%Y-%m-%d} 星期{WEEKDAYS[day.weekday()]} {kind} {calendar.name_of(day)}"
                )
            day += timedelta(days=1)
        self.stdout.write(f"全年工作日 {working} 天")

    def handle_sync(self, *, years: list[int], **_: object) -> None:
        for result in sync_from_chinese_calendar(years=years or None, actor=None):
            self.stdout.write(f"{result.year} 年：第{result.version}版")
