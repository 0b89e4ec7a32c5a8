"""The working-day calendar, checked against real State Council arrangements (via chinese-calendar).

Expected dates were worked out by hand from the published arrangements and cross-checked by stepping
with chinese_calendar.is_workday; none is copied from the engine's output.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.domain.errors import InvalidInput
from gongkai.domain.workdays import (
    CalendarEntry,
    WorkCalendar,
    calendar_from_chinese_calendar,
    chinese_calendar_years,
    entries_from_chinese_calendar,
    provisional_holiday_name,
)

CALENDAR = calendar_from_chinese_calendar()
D = date


@pytest.mark.parametrize(
    ("day", "working", "name"),
    [
        # Spring Festival 2024: 2-10..2-17 off, make-up Sundays 2-04 and 2-18.
        (D(2024, 2, 4), True, "春节调休上班"),
        (D(2024, 2, 9), True, ""),
        (D(2024, 2, 10), False, "春节"),
        (D(2024, 2, 12), False, "春节"),
        (D(2024, 2, 17), False, "春节"),
        (D(2024, 2, 18), True, "春节调休上班"),
        (D(2024, 2, 24), False, ""),
        # National Day 2023 (with 中秋节 on 9-29): 9-29..10-06 off, make-up 10-07 Sat and 10-08 Sun.
        (D(2023, 9, 29), False, "中秋节"),
        (D(2023, 10, 2), False, "国庆节"),
        (D(2023, 10, 6), False, "国庆节"),
        (D(2023, 10, 7), True, "国庆节调休上班"),
        (D(2023, 10, 8), True, "国庆节调休上班"),
        # National Day 2024: 10-01..10-07 off, make-up 9-29 Sun and 10-12 Sat.
        (D(2024, 9, 29), True, "国庆节调休上班"),
        (D(2024, 10, 7), False, "国庆节"),
        (D(2024, 10, 12), True, "国庆节调休上班"),
        (D(2024, 9, 14), True, "中秋节调休上班"),
        (D(2015, 9, 3), False, "抗战胜利70周年纪念日"),
        (D(2015, 9, 6), True, "抗战胜利70周年纪念日调休上班"),
        (D(2019, 5, 5), True, "劳动节调休上班"),
        (D(2024, 5, 6), True, ""),
    ],
)
def test_official_days(day: date, working: bool, name: str) -> None:
    assert CALENDAR.is_workday(day) is working
    assert CALENDAR.name_of(day) == name
    assert not CALENDAR.is_provisional(day)


def test_agrees_with_chinese_calendar_on_every_covered_day() -> None:
    years = chinese_calendar_years()
    day, last = D(years.start, 1, 1), D(years.stop - 1, 12, 31)
    mismatches = []
    while day <= last:
        if CALENDAR.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += timedelta(days=1)
    assert mismatches == []


def test_entries_hold_only_exceptional_days() -> None:
    entries = {e.day: e for e in entries_from_chinese_calendar(2024)}
    assert entries[D(2024, 2, 11)] == CalendarEntry(D(2024, 2, 11), False, "春节")  # a holiday Sunday
    assert entries[D(2024, 2, 4)] == CalendarEntry(D(2024, 2, 4), True, "春节调休上班")
    assert D(2024, 2, 24) not in entries  # plain Saturday
    assert D(2024, 2, 19) not in entries  # plain Monday
    assert all(e.day.year == 2024 for e in entries.values())
    assert all(e.day.weekday() >= 5 for e in entries.values() if e.is_working)


def test_chinese_calendar_years_are_the_package_years() -> None:
    years = chinese_calendar_years()
    assert years.start == 2004
    assert {2019, 2024, 2025} <= set(years)
    assert years.stop - 1 == max(d.year for d in chinese_calendar.holidays)


def test_entries_for_a_year_the_package_lacks() -> None:
    with pytest.raises(InvalidInput) as raised:
        entries_from_chinese_calendar(2090)
    assert raised.value.where == "year"
    assert "2090" in raised.value.message


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2024, 2, 8), 1, D(2024, 2, 9)),
        (D(2024, 2, 9), 1, D(2024, 2, 18)),  # over the Spring Festival to the make-up Sunday
        (D(2024, 2, 8), 20, D(2024, 3, 13)),
        (D(2024, 2, 2), 1, D(2024, 2, 4)),  # Saturday off, Sunday make-up
        (D(2023, 9, 28), 1, D(2023, 10, 7)),
        (D(2023, 9, 27), 15, D(2023, 10, 24)),
        (D(2024, 9, 27), 7, D(2024, 10, 12)),  # lands on the make-up Saturday
        (D(2024, 2, 10), 1, D(2024, 2, 18)),  # start on a holiday
        (D(2023, 12, 29), 1, D(2024, 1, 2)),  # across a year end and 元旦
        (D(2024, 12, 31), 1, D(2025, 1, 2)),
        (D(2024, 2, 8), 0, D(2024, 2, 8)),
        (D(2024, 2, 18), -1, D(2024, 2, 9)),  # backwards over the Spring Festival
        (D(2024, 1, 2), -1, D(2023, 12, 29)),
        (D(2024, 2, 10), -1, D(2024, 2, 9)),
    ],
)
def test_add_workdays(start: date, n: int, expected: date) -> None:
    assert CALENDAR.add_workdays(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2024, 2, 8), D(2024, 3, 13), 20),
        (D(2024, 2, 9), D(2024, 2, 17), 0),
        (D(2024, 2, 9), D(2024, 2, 18), 1),
        (D(2023, 9, 28), D(2023, 10, 8), 2),
        (D(2024, 3, 13), D(2024, 3, 13), 0),
        (D(2024, 3, 13), D(2024, 2, 8), 0),
        (D(2023, 12, 29), D(2024, 1, 2), 1),
    ],
)
def test_workdays_between(start: date, end: date, expected: int) -> None:
    assert CALENDAR.workdays_between(start, end) == expected


def test_workdays_between_over_many_years_matches_stepping() -> None:
    start, end = D(2005, 3, 7), D(2025, 11, 20)
    stepped = sum(
        1 for k in range(1, (end - start).days + 1) if chinese_calendar.is_workday(start + timedelta(days=k))
    )
    assert CALENDAR.workdays_between(start, end) == stepped
    assert CALENDAR.add_workdays(start, stepped) == D(2025, 11, 20)


def test_lists_of_days() -> None:
    start, end = D(2024, 2, 1), D(2024, 2, 19)
    assert CALENDAR.workdays_in(start, end) == [
        D(2024, 2, 2), D(2024, 2, 4), D(2024, 2, 5), D(2024, 2, 6), D(2024, 2, 7), D(2024, 2, 8),
        D(2024, 2, 9), D(2024, 2, 18), D(2024, 2, 19),
    ]  # fmt: skip
    assert CALENDAR.holidays_in(start, end) == [D(2024, 2, 10) + timedelta(days=k) for k in range(8)]
    assert CALENDAR.weekends_off_in(start, end) == [D(2024, 2, 3)]
    assert CALENDAR.makeup_workdays_in(start, end) == [D(2024, 2, 4), D(2024, 2, 18)]
    assert CALENDAR.workdays_in(D(2023, 12, 28), D(2024, 1, 2)) == [D(2023, 12, 29), D(2024, 1, 2)]


# -- provisional years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working", "name"),
    [
        (D(2027, 1, 1), False, "元旦"),  # Friday
        (D(2027, 1, 4), True, ""),
        (D(2027, 2, 8), True, ""),  # 春节 2027 cannot be known before the arrangement
        (D(2027, 5, 3), True, ""),  # 5-1, 5-2 fall on the weekend; no substitute day is assumed
        (D(2028, 5, 1), False, "劳动节"),  # Monday
        (D(2028, 5, 2), False, "劳动节"),  # Tuesday: two days since the 2024 revision
        (D(2027, 10, 1), False, "国庆节"),
        (D(2027, 10, 4), True, ""),
        (D(2027, 10, 9), False, ""),  # Saturday
    ],
)
def test_provisional_year(day: date, working: bool, name: str) -> None:
    assert CALENDAR.is_provisional(day)
    assert CALENDAR.is_workday(day) is working
    assert CALENDAR.name_of(day) == name


def test_provisional_fixed_holidays_follow_the_revision_in_force() -> None:
    assert provisional_holiday_name(D(2030, 5, 2)) == "劳动节"
    assert provisional_holiday_name(D(2015, 5, 2)) == ""
    assert provisional_holiday_name(D(2005, 5, 3)) == "劳动节"
    assert provisional_holiday_name(D(2030, 10, 4)) == ""


def test_counting_into_a_provisional_year() -> None:
    # 2026-12-31 is a Thursday; 2027-01-01 (元旦) is off even before the arrangement is loaded.
    assert CALENDAR.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert CALENDAR.workdays_between(D(2026, 12, 30), D(2027, 1, 4)) == 2


def test_entries_of_an_unloaded_year_still_apply() -> None:
    entries = [
        CalendarEntry(D(2027, 2, 8), False, "春节"),
        CalendarEntry(D(2027, 2, 20), True, "春节调休上班"),
    ]
    calendar = WorkCalendar(entries, loaded_years=[])
    assert calendar.is_provisional(D(2027, 2, 8))
    assert not calendar.is_workday(D(2027, 2, 8))
    assert calendar.is_workday(D(2027, 2, 20))
    assert calendar.name_of(D(2027, 2, 8)) == "春节"
    assert calendar.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 9)


def test_loaded_year_without_entries_is_a_plain_week() -> None:
    calendar = WorkCalendar([], loaded_years=[2027])
    assert not calendar.is_provisional(D(2027, 1, 1))
    assert calendar.is_workday(D(2027, 1, 1))  # loaded: only the entries say what is off
    assert calendar.name_of(D(2027, 1, 1)) == ""


def test_conflicting_duplicate_entries() -> None:
    entries = [CalendarEntry(D(2024, 2, 4), True, "春节调休上班"), CalendarEntry(D(2024, 2, 4), False, "")]
    with pytest.raises(InvalidInput) as raised:
        WorkCalendar(entries, loaded_years=[2024])
    assert raised.value.where == "2024-02-04"
    same_twice = [entries[0], entries[0]]
    assert WorkCalendar(same_twice, loaded_years=[2024]).is_workday(D(2024, 2, 4))


def test_counting_past_the_last_representable_year() -> None:
    with pytest.raises(InvalidInput) as raised:
        CALENDAR.add_workdays(D(9999, 12, 1), 100)
    assert raised.value.where == "n"
    with pytest.raises(InvalidInput):
        CALENDAR.add_workdays(D(1, 1, 10), -100)


def test_large_counts_are_exact() -> None:
    # 10 years of working days from a loaded year into provisional ones, both directions.
    start = D(2020, 6, 1)
    target = CALENDAR.add_workdays(start, 2500)
    assert CALENDAR.workdays_between(start, target) == 2500
    assert CALENDAR.is_workday(target)
    assert CALENDAR.add_workdays(target, -2500) == start
