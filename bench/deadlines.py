"""Benchmark: the deadline engine against naive day-by-day stepping with chinese_calendar.is_workday.

The baseline counts the way froide and Alaveteli do: step one day at a time from the receipt date,
skip the paused days, ask chinese_calendar.is_workday about each, stop at the N-th working day.
The engine is gongkai.domain.deadlines.deadline over a WorkCalendar built from the same package's
arrangements (build time reported separately and in the "including build" ratio). Every due date
must agree; any mismatch exits 1.

    .venv/bin/python bench/deadlines.py [--cases N] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from gongkai.domain.deadlines import (
    BASE_DAYS,
    MAX_EXTENSION,
    RULES_2019_FROM,
    ClockStop,
    Rules,
    StopReason,
    deadline,
)
from gongkai.domain.workdays import calendar_from_chinese_calendar

ONE_DAY = timedelta(days=1)
FIRST = date(2019, 1, 1)
LAST = date(2026, 6, 30)  # late enough for 2026, early enough that every count ends inside the package's data
SWITCH_WINDOW = (date(2019, 1, 1), date(2019, 8, 31))  # extra cases around the 2019-05-15 switch


@dataclass(frozen=True)
class Case:
    received: date
    extension_days: int
    stops: tuple[ClockStop, ...]


def make_cases(count: int, seed: int) -> list[Case]:
    """A quarter with 1–2 pauses (a tenth of those still open), a third extended, ~15% under 2008 rules."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        low, high = SWITCH_WINDOW if rng.random() < 0.15 else (FIRST, LAST)
        received = low + timedelta(days=rng.randrange((high - low).days + 1))
        rules = Rules.R2019 if received >= RULES_2019_FROM else Rules.R2008
        extension = rng.randint(1, MAX_EXTENSION[rules]) if rng.random() < 1 / 3 else 0
        stops: list[ClockStop] = []
        if rng.random() < 0.25:
            cursor = received
            for _ in range(rng.randint(1, 2)):
                start = cursor + timedelta(days=rng.randint(0, 25))
                end = start + timedelta(days=rng.randint(1, 25))
                fee = rules is Rules.R2019 and rng.random() < 0.3
                stops.append(ClockStop(start, end, StopReason.FEE_NOTICE if fee else StopReason.CONSULTATION))
                cursor = end
            if rng.random() < 0.1:
                stops[-1] = ClockStop(stops[-1].start, None, stops[-1].reason)
        cases.append(Case(received, extension, tuple(stops)))
    return cases


def naive_due(case: Case) -> date | None:
    """Step one day at a time with chinese_calendar.is_workday, skipping paused days."""
    rules = Rules.R2019 if case.received >= RULES_2019_FROM else Rules.R2008
    total = BASE_DAYS[rules] + case.extension_days
    day, counted = case.received, 0
    while True:
        day += ONE_DAY
        if any(stop.start < day and (stop.end is None or day <= stop.end) for stop in case.stops):
            if any(stop.end is None and stop.start < day for stop in case.stops):
                return None  # reached a pause still open: no due date yet
            continue
        if chinese_calendar.is_workday(day):
            counted += 1
            if counted == total:
                return day


def timed(label: str, run: Callable[[], list[date | None]]) -> tuple[list[date | None], float]:
    print(f"  {label} …", end="", flush=True)
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    print(f" {seconds:.3f} s")
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20240208)
    args = parser.parse_args(argv)

    cases = make_cases(args.cases, args.seed)
    paused = sum(1 for c in cases if c.stops)
    extended = sum(1 for c in cases if c.extension_days)
    old_rules = sum(1 for c in cases if c.received < RULES_2019_FROM)
    print(f"{len(cases)} cases (seed {args.seed}): {paused} with pauses, {extended} extended, "
          f"{old_rules} under the 2008 rules")  # fmt: skip
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}")

    started = time.perf_counter()
    calendar = calendar_from_chinese_calendar()
    build = time.perf_counter() - started
    print(f"  build WorkCalendar from chinese_calendar … {build:.3f} s")

    def engine() -> list[date | None]:
        return [deadline(c.received, calendar=calendar, stops=c.stops, extension_days=c.extension_days).due
                for c in cases]  # fmt: skip

    def engine_with_steps() -> list[date | None]:
        out = []
        for c in cases:
            result = deadline(c.received, calendar=calendar, stops=c.stops, extension_days=c.extension_days)
            assert result.steps
            out.append(result.due)
        return out

    fast, fast_seconds = timed("engine: deadline()", engine)
    _, steps_seconds = timed("engine: deadline() + .steps", engine_with_steps)
    slow, slow_seconds = timed("baseline: stepping with is_workday", lambda: [naive_due(c) for c in cases])

    mismatches = [(c, a, b) for c, a, b in zip(cases, slow, fast, strict=True) if a != b]
    for case, expected, got in mismatches[:5]:
        print(f"MISMATCH {case}: baseline {expected}, engine {got}")
    n = len(cases)
    print(f"baseline {slow_seconds:.2f} s ({slow_seconds / n * 1e6:.1f} µs/case)")
    print(f"engine   {fast_seconds:.3f} s ({fast_seconds / n * 1e6:.2f} µs/case), build {build * 1e3:.1f} ms")
    ratio, with_build = slow_seconds / fast_seconds, slow_seconds / (fast_seconds + build)
    print(f"speed-up {ratio:.0f}x; including build {with_build:.0f}x")
    print(f"with .steps built for every case: {steps_seconds:.2f} s, {slow_seconds / steps_seconds:.0f}x")
    if mismatches:
        print(f"{len(mismatches)} due dates disagree")
        return 1
    print(f"all {n} due dates agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
