"""The working-day calendar: which days count, and fast counting over them.

A day is a working day when the official arrangement says so: Monday–Friday unless a public
holiday, plus the weekend make-up workdays (调休上班) (docs/domain.md §1 "Working days").
The calendar holds only the exceptional days (``CalendarEntry``) and the years whose official
arrangement is loaded. A year that is not loaded is *provisional*: weekends and the holidays with a
fixed solar date are off, nothing else is known yet.

Counting never steps day by day: each year is indexed once into a prefix count of its working days
and the sorted list of their ordinals, so "the n-th working day after d" is an index lookup and
"working days between" a subtraction (plus one addition per year crossed).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

import chinese_calendar

from gongkai.domain.errors import InvalidInput


@dataclass(frozen=True)
class CalendarEntry:
    """One exceptional day: a holiday on a weekday, a make-up workday, or a named holiday weekend day."""

    day: date
    is_working: bool
    name: str = ""  # "国庆节", or "国庆节调休上班" for a make-up workday


# 《全国年节及纪念日放假办法》第二条: the public holidays on a fixed solar date, by the revision in
# force. A year whose arrangement is not loaded (provisional) takes these days and weekends off; the
# lunar holidays (春节, 清明节, 端午节, 中秋节) and the make-up workdays cannot be known before the
# State Council publishes the year's arrangement. Each row: (first year in force, {(month, day): name}).
PROVISIONAL_FIXED_HOLIDAYS: tuple[tuple[int, dict[tuple[int, int], str]], ...] = (
    # 1999 revision (also used for any earlier year): 劳动节 and 国庆节 three days each.
    (
        MINYEAR,
        {
            (1, 1): "元旦",
            (5, 1): "劳动节",
            (5, 2): "劳动节",
            (5, 3): "劳动节",
            (10, 1): "国庆节",
            (10, 2): "国庆节",
            (10, 3): "国庆节",
        },
    ),
    # 2007 revision, in force 2008-01-01: 劳动节 one day.
    (2008, {(1, 1): "元旦", (5, 1): "劳动节", (10, 1): "国庆节", (10, 2): "国庆节", (10, 3): "国庆节"}),
    # 2024 revision, in force 2025-01-01: 劳动节 two days (5-1, 5-2).
    (
        2025,
        {
            (1, 1): "元旦",
            (5, 1): "劳动节",
            (5, 2): "劳动节",
            (10, 1): "国庆节",
            (10, 2): "国庆节",
            (10, 3): "国庆节",
        },
    ),
)


def provisional_holiday_name(day: date) -> str:
    """The fixed-date holiday on ``day`` under the rules of its year, or ""."""
    for first_year, holidays in reversed(PROVISIONAL_FIXED_HOLIDAYS):
        if day.year >= first_year:
            return holidays.get((day.month, day.day), "")
    return ""  # pragma: no cover - the first row starts at MINYEAR


_WORK, _HOLIDAY, _WEEKEND, _MAKEUP = range(4)  # the kinds of day a year's index lists


class _Year:
    """One year indexed: prefix counts of working days and the sorted ordinals of each kind of day."""

    __slots__ = ("first", "cum", "days", "total")

    def __init__(self, first: int, kinds: list[int]) -> None:
        self.first = first
        cum = [0]
        days: tuple[list[int], ...] = ([], [], [], [])
        count = 0
        for offset, kind in enumerate(kinds):
            if kind == _MAKEUP:
                days[_MAKEUP].append(first + offset)
                kind = _WORK
            days[kind].append(first + offset)
            if kind == _WORK:
                count += 1
            cum.append(count)
        self.cum = cum  # cum[i] = working days among the year's first i days
        self.days = days  # days[kind]: sorted ordinals; days[_WORK] holds every working day, make-up ones too
        self.total = count


class WorkCalendar:
    """Working days from the exceptional days of the loaded years; other years are provisional."""

    def __init__(self, entries: Iterable[CalendarEntry], *, loaded_years: Iterable[int]) -> None:
        self._entries: dict[date, CalendarEntry] = {}
        for entry in entries:
            known = self._entries.get(entry.day)
            if known is not None and known != entry:
                raise InvalidInput(
                    f"日历中 {entry.day.isoformat()} 出现两次且内容不同", where=entry.day.isoformat()
                )
            self._entries[entry.day] = entry
        self._loaded = frozenset(loaded_years)
        self._years: dict[int, _Year] = {}
        for year in sorted(self._loaded | {day.year for day in self._entries}):
            self._year(year)

    @property
    def loaded_years(self) -> frozenset[int]:
        return self._loaded

    # -- single days ----------------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        block = self._year(d.year)
        index = d.toordinal() - block.first
        return block.cum[index + 1] != block.cum[index]

    def is_provisional(self, d: date) -> bool:
        """True when ``d``'s year has no official arrangement loaded."""
        return d.year not in self._loaded

    def name_of(self, d: date) -> str:
        """The holiday or make-up name of ``d`` ("" for an ordinary day)."""
        entry = self._entries.get(d)
        if entry is not None:
            return entry.name
        if d.year not in self._loaded:
            return provisional_holiday_name(d)
        return ""

    # -- counting -------------------------------------------------------------------------------

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after ``start``, ``start`` not counted (n < 0: before it; n == 0: start)."""
        if n == 0:
            return start
        year = start.year
        block = self._year(year)
        index = start.toordinal() - block.first
        if n > 0:
            k = block.cum[index + 1] + n  # 1-based rank of the answer among the year's working days
            while k > block.total:
                k -= block.total
                year += 1
                block = self._year_in_range(year, where="n")
        else:
            k = block.cum[index] + n + 1
            while k < 1:
                year -= 1
                block = self._year_in_range(year, where="n")
                k += block.total
        return date.fromordinal(block.days[_WORK][k - 1])

    def workdays_between(self, start: date, end: date) -> int:
        """How many working days d with start < d <= end (0 when end <= start)."""
        if end <= start:
            return 0
        first = self._year(start.year)
        last = self._year(end.year)
        done = first.cum[start.toordinal() - first.first + 1]
        upto = last.cum[end.toordinal() - last.first + 1]
        if start.year == end.year:
            return upto - done
        middle = sum(self._year(y).total for y in range(start.year + 1, end.year))
        return first.total - done + middle + upto

    def workdays_in(self, start: date, end: date) -> list[date]:
        """The working days d with start < d <= end, in order."""
        return self._pick(start, end, _WORK)

    def holidays_in(self, start: date, end: date) -> list[date]:
        """The days off d with start < d <= end that are holidays: on a weekday, or named (春节 Saturday)."""
        return self._pick(start, end, _HOLIDAY)

    def weekends_off_in(self, start: date, end: date) -> list[date]:
        """The plain weekend days off d with start < d <= end (not part of a named holiday)."""
        return self._pick(start, end, _WEEKEND)

    def makeup_workdays_in(self, start: date, end: date) -> list[date]:
        """The weekend days worked (调休上班) d with start < d <= end, in order."""
        return self._pick(start, end, _MAKEUP)

    # -- index ----------------------------------------------------------------------------------

    def _pick(self, start: date, end: date, kind: int) -> list[date]:
        low = start.toordinal()
        high = end.toordinal()
        days: list[date] = []
        for year in range(start.year, end.year + 1):
            ordinals = self._year(year).days[kind]
            first, last = bisect_right(ordinals, low), bisect_right(ordinals, high)
            days += map(date.fromordinal, ordinals[first:last])
        return days

    def _year_in_range(self, year: int, *, where: str) -> _Year:
        if not MINYEAR <= year <= MAXYEAR:
            raise InvalidInput("计算结果超出可表示的日期范围", where=where)
        return self._year(year)

    def _year(self, year: int) -> _Year:
        block = self._years.get(year)
        if block is None:
            block = self._years[year] = self._index(year)
        return block

    def _index(self, year: int) -> _Year:
        first = date(year, 1, 1).toordinal()
        loaded = year in self._loaded
        kinds = []
        for ordinal in range(first, date(year, 12, 31).toordinal() + 1):
            day = date.fromordinal(ordinal)
            weekend = day.weekday() >= 5
            entry = self._entries.get(day)
            if entry is not None:
                working, named = entry.is_working, bool(entry.name)
            else:
                named = not loaded and bool(provisional_holiday_name(day))
                working = not weekend and not named
            if working:
                kinds.append(_MAKEUP if weekend else _WORK)
            else:
                kinds.append(_HOLIDAY if named or not weekend else _WEEKEND)
        return _Year(first, kinds)


# -- the chinese-calendar package as a source of official arrangements --------------------------

_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def chinese_calendar_years() -> range:
    """The years the installed chinese-calendar package has an arrangement for."""
    years = {d.year for d in chinese_calendar.holidays}
    return range(min(years), max(years) + 1)


def entries_from_chinese_calendar(year: int) -> list[CalendarEntry]:
    """The exceptional days of ``year`` per chinese-calendar: weekday holidays, make-up workdays and
    weekend days named as part of a holiday."""
    if year not in chinese_calendar_years():
        covered = chinese_calendar_years()
        raise InvalidInput(
            f"chinese-calendar 软件包不含 {year} 年的安排（覆盖 {covered.start}–{covered.stop - 1} 年）",
            where="year",
        )
    candidates = sorted(d for d in (*chinese_calendar.holidays, *chinese_calendar.workdays) if d.year == year)
    entries: list[CalendarEntry] = []
    for day in candidates:
        is_holiday, english = chinese_calendar.get_holiday_detail(day)
        weekend = day.weekday() >= 5
        name = _HOLIDAY_NAMES.get(str(english), str(english)) if english else ""
        if is_holiday and (not weekend or name):
            entries.append(CalendarEntry(day=day, is_working=False, name=name))
        elif not is_holiday and weekend:
            entries.append(CalendarEntry(day=day, is_working=True, name=f"{name}调休上班"))
    return entries


def calendar_from_chinese_calendar(years: Iterable[int] | None = None) -> WorkCalendar:
    """A calendar with the package's arrangements loaded (all years it covers by default)."""
    wanted = list(chinese_calendar_years() if years is None else years)
    entries = [entry for year in wanted for entry in entries_from_chinese_calendar(year)]
    return WorkCalendar(entries, loaded_years=wanted)
