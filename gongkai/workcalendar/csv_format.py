"""The calendar CSV a user loads for a newly announced year: one exceptional day a row.

Headers in English or Chinese: date/日期 (YYYY-MM-DD), working/是否上班 (1/0, 是/否, 上班/休息),
name/名称. Rows not listed follow the plain week.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from gongkai.domain.errors import InvalidInput
from gongkai.domain.workdays import CalendarEntry

HEADERS = {
    "date": "date",
    "日期": "date",
    "working": "working",
    "is_working": "working",
    "是否上班": "working",
    "是否工作日": "working",
    "上班": "working",
    "name": "name",
    "名称": "name",
    "节日": "name",
}
TRUE = {"1", "true", "yes", "是", "上班", "工作日", "work"}
FALSE = {"0", "false", "no", "否", "休息", "休", "放假", "off"}


def parse_calendar_csv(data: bytes, *, filename: str = "CSV") -> list[CalendarEntry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="strict")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise InvalidInput(f"{filename} 是空文件", where=filename)
    columns = [HEADERS.get(h.strip().lower(), HEADERS.get(h.strip(), "")) for h in header]
    for needed in ("date", "working"):
        if needed not in columns:
            raise InvalidInput(
                f"{filename} 缺少“{needed}”列（可用：date/日期，working/是否上班，name/名称）",
                where=f"{filename}:1",
            )
    entries: list[CalendarEntry] = []
    seen: set[date] = set()
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(columns, (cell.strip() for cell in row), strict=False))
        entries.append(_entry(values, where=f"{filename}:{line_no}", seen=seen))
    return entries


def _entry(values: dict[str, str], *, where: str, seen: set[date]) -> CalendarEntry:
    raw_date = values.get("date", "")
    try:
        day = date.fromisoformat(raw_date)
    except ValueError:
        raise InvalidInput(f"日期“{raw_date}”不是有效的 YYYY-MM-DD 日期", where=f"{where} date") from None
    if day in seen:
        raise InvalidInput(f"日期 {day} 重复出现", where=f"{where} date")
    seen.add(day)
    raw_working = values.get("working", "").lower()
    if raw_working in TRUE:
        working = True
    elif raw_working in FALSE:
        working = False
    else:
        raise InvalidInput(
            f"“{values.get('working', '')}”无法识别为上班或休息（用 1/0、是/否、上班/休息）",
            where=f"{where} working",
        )
    return CalendarEntry(day=day, is_working=working, name=values.get("name", ""))
