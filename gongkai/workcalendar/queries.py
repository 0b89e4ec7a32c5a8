from __future__ import annotations

import time

from django.db import DatabaseError
from django.db.models import Count, Max

from gongkai.domain.workdays import (
    CalendarEntry,
    WorkCalendar,
    chinese_calendar_years,
    entries_from_chinese_calendar,
)
from gongkai.workcalendar.models import CalendarDay, CalendarYear

_cache: dict[str, object] = {}
# Another process's calendar change is seen within this many seconds; this process's own changes
# at once (the services call forget_calendar()). Bulk work (a ledger import computes thousands of
# deadlines) then costs no query per deadline.
RECHECK_SECONDS = 5.0


def forget_calendar() -> None:
    _cache.pop("checked_at", None)
    _cache.pop("key", None)


def work_calendar() -> WorkCalendar:
    """The calendar as the domain needs it, rebuilt only when the table changed."""
    checked_at = _cache.get("checked_at")
    if (
        isinstance(checked_at, float)
        and time.monotonic() - checked_at < RECHECK_SECONDS
        and "calendar" in _cache
    ):
        cached = _cache["calendar"]
        assert isinstance(cached, WorkCalendar)
        return cached
    try:
        seeded = CalendarYear.objects.exists()
    except DatabaseError:  # no database yet: `gongkai deadline` must still answer
        seeded = False
    if not seeded:
        # A database not seeded yet (e.g. `gongkai deadline` before `gongkai migrate` ran the seed):
        # the package's arrangement is the official one for the years it covers.
        return package_calendar()
    stamp = CalendarDay.objects.aggregate(n=Count("id"), t=Max("updated_at"), v=Max("version"))
    years = tuple(CalendarYear.objects.order_by("year").values_list("year", "version"))
    key = (stamp["n"], stamp["t"], stamp["v"], years)
    if _cache.get("key") != key:
        entries = [
            CalendarEntry(day=d, is_working=w, name=n)
            for d, w, n in CalendarDay.objects.values_list("date", "is_working", "name")
        ]
        _cache["calendar"] = WorkCalendar(entries, loaded_years=[y for y, _ in years])
        _cache["key"] = key
    _cache["checked_at"] = time.monotonic()
    calendar = _cache["calendar"]
    assert isinstance(calendar, WorkCalendar)
    return calendar


def loaded_years() -> list[int]:
    return list(CalendarYear.objects.order_by("year").values_list("year", flat=True))


def package_calendar() -> WorkCalendar:
    if "package" not in _cache:
        years = list(chinese_calendar_years())
        entries = [e for y in years for e in entries_from_chinese_calendar(y)]
        _cache["package"] = WorkCalendar(entries, loaded_years=years)
    calendar = _cache["package"]
    assert isinstance(calendar, WorkCalendar)
    return calendar
