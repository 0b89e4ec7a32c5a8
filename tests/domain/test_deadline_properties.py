"""Properties of the deadline engine, against a naive day-by-day reference (hypothesis, bounded)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.deadlines import BASE_DAYS, MAX_EXTENSION, ClockStop, Rules, StopReason, deadline
from gongkai.domain.workdays import calendar_from_chinese_calendar

CALENDAR = calendar_from_chinese_calendar()
FAST = settings(max_examples=150, deadline=None)
# Receipts late enough to reach both rule sets, early enough that every date counted stays in the
# years chinese-calendar covers (the reference steps with its is_workday).
RECEIVED = st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 5, 31))
ANY_YEAR = st.dates(min_value=date(2008, 5, 1), max_value=date(2031, 12, 31))


@st.composite
def stop_lists(draw: st.DrawFn, received: date) -> list[ClockStop]:
    """Up to three non-overlapping pauses after ``received``; the last may still be open."""
    stops: list[ClockStop] = []
    cursor = received
    for _ in range(draw(st.integers(0, 3))):
        start = cursor + timedelta(days=draw(st.integers(0, 25)))
        end = start + timedelta(days=draw(st.integers(0, 20)))
        stops.append(ClockStop(start, end, draw(st.sampled_from(StopReason))))
        cursor = end
    if stops and draw(st.booleans()):
        stops[-1] = ClockStop(stops[-1].start, None, stops[-1].reason)
    if received < date(2019, 5, 15):  # the 2008 rules know no fee notices
        stops = [ClockStop(s.start, s.end, StopReason.CONSULTATION) for s in stops]
    return stops


def reference_due(received: date, total: int, stops: list[ClockStop]) -> date | None:
    """Step one day at a time, as froide does: skip paused days, count chinese-calendar workdays."""
    day, counted = received, 0
    while True:
        day += timedelta(days=1)
        if any(s.end is None and s.start < day for s in stops):
            return None
        if any(s.start < day <= s.end for s in stops if s.end is not None):
            continue
        if chinese_calendar.is_workday(day):
            counted += 1
            if counted == total:
                return day


def rules_for(received: date) -> Rules:
    return Rules.R2019 if received >= date(2019, 5, 15) else Rules.R2008


@FAST
@given(data=st.data(), received=RECEIVED)
def test_engine_agrees_with_day_stepping(data: st.DataObject, received: date) -> None:
    stops = data.draw(stop_lists(received))
    rules = rules_for(received)
    extension = data.draw(st.integers(0, MAX_EXTENSION[rules]))
    result = deadline(received, calendar=CALENDAR, stops=stops, extension_days=extension)
    assert result.rules is rules
    assert result.due == reference_due(received, BASE_DAYS[rules] + extension, stops)
    assert result.paused == (result.due is None)
    assert not result.provisional


@FAST
@given(data=st.data(), received=ANY_YEAR)
def test_due_is_a_working_day(data: st.DataObject, received: date) -> None:
    stops = data.draw(stop_lists(received))
    result = deadline(received, calendar=CALENDAR, stops=stops)
    if result.due is not None:
        assert CALENDAR.is_workday(result.due)
        assert result.due > received
        assert all(s.end is not None for s in stops if s.start < result.due)


@FAST
@given(data=st.data(), received=ANY_YEAR)
def test_a_pause_never_brings_the_due_date_forward(data: st.DataObject, received: date) -> None:
    stops = data.draw(stop_lists(received))
    without = deadline(received, calendar=CALENDAR, stops=stops[:-1]).due
    with_pause = deadline(received, calendar=CALENDAR, stops=stops).due
    if without is None:
        assert with_pause is None
    elif with_pause is not None:
        assert with_pause >= without


@FAST
@given(data=st.data(), received=ANY_YEAR)
def test_an_extension_moves_the_due_date_by_its_working_days(data: st.DataObject, received: date) -> None:
    stops = [s for s in data.draw(stop_lists(received)) if s.end is not None]
    k = data.draw(st.integers(0, MAX_EXTENSION[rules_for(received)]))
    base = deadline(received, calendar=CALENDAR, stops=stops).due
    extended = deadline(received, calendar=CALENDAR, stops=stops, extension_days=k).due
    assert base is not None
    assert extended is not None
    between = [
        d
        for d in CALENDAR.workdays_in(base, extended)
        if not any(s.end is not None and s.start < d <= s.end for s in stops)
    ]
    assert len(between) == k
    if not stops:
        assert CALENDAR.add_workdays(base, k) == extended


@FAST
@given(start=ANY_YEAR, n=st.integers(-600, 600))
def test_add_and_count_are_inverse(start: date, n: int) -> None:
    end = CALENDAR.add_workdays(start, n)
    if n > 0:
        assert CALENDAR.is_workday(end)
        assert CALENDAR.workdays_between(start, end) == n
        assert len(CALENDAR.workdays_in(start, end)) == n
    elif n < 0:
        assert CALENDAR.is_workday(end)
        # (end, start] holds the |n| - 1 working days between them, plus start when it is one.
        assert CALENDAR.workdays_between(end, start) == -n - 1 + CALENDAR.is_workday(start)
    else:
        assert end == start


@FAST
@given(start=ANY_YEAR, span=st.integers(0, 800))
def test_counting_matches_stepping_through_the_calendar(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    stepped = [start + timedelta(days=k) for k in range(1, span + 1)]
    assert CALENDAR.workdays_in(start, end) == [d for d in stepped if CALENDAR.is_workday(d)]
    off = [d for d in stepped if not CALENDAR.is_workday(d)]
    assert sorted(CALENDAR.holidays_in(start, end) + CALENDAR.weekends_off_in(start, end)) == off
