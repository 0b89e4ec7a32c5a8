from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from gongkai.audit.services import record
from gongkai.domain.errors import InvalidInput
from gongkai.domain.workdays import CalendarEntry, chinese_calendar_years, entries_from_chinese_calendar
from gongkai.workcalendar.models import CalendarDay, CalendarYear, Source
from gongkai.workcalendar.queries import forget_calendar

# Apps whose stored dates depend on the calendar register a refresher here in AppConfig.ready();
# each takes (years changed, actor) and returns how many records it refreshed.
DEPENDENTS: list[Callable[[set[int], Any], int]] = []


@dataclass(frozen=True)
class YearLoaded:
    year: int
    version: int
    added: int
    changed: int
    removed: int
    refreshed: int


def _snapshot(year: int) -> dict[str, tuple[bool, str]]:
    days = CalendarDay.objects.filter(date__year=year)
    return {d.date.isoformat(): (d.is_working, d.name) for d in days}


@transaction.atomic
def load_year(year: int, entries: Sequence[CalendarEntry], *, source: str, actor: Any) -> YearLoaded:
    """Replace a year's exceptional days with an official arrangement and mark the year official."""
    strays = [e.day for e in entries if e.day.year != year]
    if strays:
        raise InvalidInput(f"日期 {strays[0]} 不属于 {year} 年", where=str(strays[0]))
    before = _snapshot(year)
    after = {e.day.isoformat(): (e.is_working, e.name) for e in entries}
    cal_year, created = CalendarYear.objects.get_or_create(year=year, defaults={"source": source})
    unchanged = not created and before == after
    if unchanged:
        return YearLoaded(year, cal_year.version, 0, 0, 0, 0)
    if not created:
        cal_year.version += 1
        cal_year.source = source
        cal_year.save(update_fields=["version", "source", "loaded_at"])
    CalendarDay.objects.filter(date__year=year).delete()
    CalendarDay.objects.bulk_create(
        CalendarDay(
            date=e.day,
            is_working=e.is_working,
            name=e.name,
            source=source,
            version=cal_year.version,
            updated_by=actor if getattr(actor, "pk", None) else None,
        )
        for e in entries
    )
    added = len(after.keys() - before.keys())
    removed = len(before.keys() - after.keys())
    changed = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])
    record(
        actor=actor,
        event="calendar.year_loaded",
        subject=cal_year,
        before={k: list(v) for k, v in before.items()},
        after={k: list(v) for k, v in after.items()},
        note=f"来源：{source}",
    )
    refreshed = refresh_dependents({year}, actor=actor)
    return YearLoaded(year, cal_year.version, added, changed, removed, refreshed)


@transaction.atomic
def set_day(day: date, *, is_working: bool, name: str, actor: Any) -> CalendarDay:
    """Correct one day by hand (the admin); recorded and followed by a refresh of open deadlines."""
    existing = CalendarDay.objects.filter(date=day).first()
    before = {"is_working": existing.is_working, "name": existing.name} if existing else None
    obj, _ = CalendarDay.objects.update_or_create(
        date=day,
        defaults={
            "is_working": is_working,
            "name": name,
            "source": Source.ADMIN,
            "updated_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    if existing:
        obj.version = existing.version + 1
        obj.save(update_fields=["version"])
    record(
        actor=actor,
        event="calendar.day_set",
        subject=obj,
        before=before,
        after={"is_working": is_working, "name": name},
    )
    refresh_dependents({day.year}, actor=actor)
    return obj


@transaction.atomic
def remove_day(day: CalendarDay, *, actor: Any) -> None:
    before = {"date": day.date.isoformat(), "is_working": day.is_working, "name": day.name}
    year = day.date.year
    day.delete()
    record(actor=actor, event="calendar.day_removed", subject_type="workcalendar.calendarday", before=before)
    refresh_dependents({year}, actor=actor)


def refresh_dependents(years: set[int], *, actor: Any) -> int:
    forget_calendar()
    transaction.on_commit(forget_calendar)
    return sum(refresh(years, actor) for refresh in DEPENDENTS)


def sync_from_chinese_calendar(*, years: Iterable[int] | None = None, actor: Any = None) -> list[YearLoaded]:
    """Seed or refresh the years the chinese-calendar package covers."""
    covered = set(chinese_calendar_years())
    wanted = sorted(covered if years is None else set(years))
    missing = [y for y in wanted if y not in covered]
    if missing:
        raise InvalidInput(
            f"chinese-calendar 软件包不含 {missing[0]} 年的安排（覆盖 {min(covered)}–{max(covered)} 年）；"
            "请用 gongkai calendar import 载入国务院办公厅公布的安排",
            where=str(missing[0]),
        )
    return [
        load_year(y, entries_from_chinese_calendar(y), source=Source.CHINESE_CALENDAR, actor=actor)
        for y in wanted
    ]
