"""`gongkai report_reminders [--today YYYY-MM-DD]`: e-mail the heads of disclosure offices whose
report on last year is due soon or late (daily from cron; sending again is harmless)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.reports.reminders import send_report_reminders


class Command(BaseCommand):
    help = "年度报告到期提醒：1月31日（部门）、3月31日（政府本级）前提醒公开工作机构负责人"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="按该日期计算（默认今天）YYYY-MM-DD")

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(str(options["today"]))
            except ValueError as error:
                raise CommandError(
                    f"--today 应为 YYYY-MM-DD，而不是“{options['today']}”", returncode=2
                ) from error
        sent = send_report_reminders(today=today)
        self.stdout.write(f"已发送年报提醒 {sent} 封")
