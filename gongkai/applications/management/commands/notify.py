from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.applications.notifications import notify_clerks


class Command(BaseCommand):
    help = "向承办人发送到期提醒（3个工作日内到期、已超期）；重复运行不会重复发送（供 cron 调用）"

    def handle(self, *args: object, **options: object) -> None:
        sent = notify_clerks(today=timezone.localdate())
        self.stdout.write(f"已发送提醒 {sent} 封")
