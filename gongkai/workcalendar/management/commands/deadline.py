from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.domain.deadline_cases import answer_case, parse_case
from gongkai.domain.deadlines import Deadline
from gongkai.domain.errors import DomainError
from gongkai.workcalendar.queries import work_calendar

WEEKDAYS = "一二三四五六日"


class Command(BaseCommand):
    help = "计算依申请公开的法定答复期限，并列出计算过程"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--received", help="收到申请的日期 YYYY-MM-DD")
        parser.add_argument("--rules", choices=["2019", "2008"], help="适用的条例版本（默认按收到日期）")
        ext = parser.add_mutually_exclusive_group()
        ext.add_argument("--extended", action="store_true", help="经批准延期（按最长延期计）")
        ext.add_argument("--extension-days", type=int, help="延期的工作日数")
        parser.add_argument(
            "--stop",
            action="append",
            default=[],
            metavar="START:END",
            help="不计入期限的中止期间（征求意见、收费通知）；END 留空表示尚未结束",
        )
        parser.add_argument("--delayed-until", help="延迟答复决定确定的日期（第三十五条）")
        parser.add_argument("--cases", help="JSON Lines 文件（- 为标准输入），每行一个案例")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args: object, **options: object) -> None:
        if options["cases"]:
            self._batch(str(options["cases"]))
            return
        if not options["received"]:
            raise CommandError("需要 --received YYYY-MM-DD 或 --cases FILE", returncode=2)
        data = {
            "received": options["received"],
            "rules": options["rules"],
            "extended": options["extended"],
            "extension_days": options["extension_days"],
            "stops": options["stop"],
            "delayed_until": options["delayed_until"],
        }
        try:
            result = answer_case(parse_case(data), calendar=work_calendar())
        except DomainError as error:
            raise CommandError(_option_message(error), returncode=2) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            self._explain(result)

    def _batch(self, source: str) -> None:
        try:
            stream = sys.stdin if source == "-" else Path(source).open(encoding="utf-8-sig")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"无法读取案例文件“{source}”：{error.strerror}", returncode=2) from error
        calendar = work_calendar()
        with stream:
            for line_no, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                self.stdout.write(json.dumps(_answer_line(line, line_no, calendar), ensure_ascii=False))

    def _explain(self, result: Deadline) -> None:
        if result.due is None:
            self.stdout.write("答复期限：中止中，暂无期限（中止结束后重新计算）")
        else:
            self.stdout.write(f"答复期限：{result.due:%Y-%m-%d}（星期{WEEKDAYS[result.due.weekday()]}）")
        if result.provisional:
            self.stdout.write("注意：期限跨越尚未载入官方节假日安排的年份，为暂定结果。")
        self.stdout.write("计算过程：")
        for number, step in enumerate(result.steps, start=1):
            article = f"〔{step.article}〕" if step.article else ""
            self.stdout.write(f"  {number}. {step.text}{article}")


def _option_message(error: DomainError) -> str:
    names = {
        "received": "--received",
        "rules": "--rules",
        "extension_days": "--extension-days",
        "delayed_until": "--delayed-until",
    }
    where = error.where
    if where.startswith("stops["):
        number = int(where[6:].split("]")[0]) + 1
        where = f"第{number}个 --stop"
    return f"{names.get(where, where)}：{error.message}" if where else error.message


def _answer_line(line: str, line_no: int, calendar: object) -> dict[str, object]:
    try:
        data = json.loads(line)
        result = answer_case(parse_case(data), calendar=calendar)  # type: ignore[arg-type]
    except json.JSONDecodeError as error:
        return {
            "line": line_no,
            "error": f"第{line_no}行不是有效的 JSON：{error.msg}",
            "code": "invalid_json",
        }
    except DomainError as error:
        message = f"{error.where}：{error.message}" if error.where else error.message
        return {"line": line_no, "error": message, "code": error.code, "where": error.where}
    return result.to_json()
