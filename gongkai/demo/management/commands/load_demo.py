from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from gongkai.agencies.models import Agency
from gongkai.demo import build_demo


class Command(BaseCommand):
    help = "载入演示数据（机关、人员、申请、目录、年报），全部经由真实的业务服务生成"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="先清空数据库再载入")

    def handle(self, *args: object, **options: object) -> None:
        if options["reset"]:
            call_command("flush", interactive=False, verbosity=0)
            call_command("migrate", verbosity=0)
        elif Agency.objects.exists():
            self.stdout.write("数据库中已有数据，未重复载入（用 --reset 清空后重新载入）")
            return
        summary = build_demo()
        for line in summary:
            self.stdout.write(line)
