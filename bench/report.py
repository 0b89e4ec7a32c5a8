"""Benchmark: the annual report compiled from a million requests and a million publications.

Builds a fresh SQLite database (in a temporary directory) with one government and 50 departments,
then grows it to 10k, 100k and 1M requests and as many catalogue entries, and at each size times

- one agency's 2024 report (``reports.queries.compile_report``: tables 二–四, findings, the previous
  year for the continuity checks, the prose), against the limit: the hand-written GROUP BY over the
  requests table and the one over the publications table that give the same table 三 and 二;
- the government's roll-up (``reports.queries.rollup``: every agency's report, the sum, the
  five-year history), against the same two GROUP BYs over all agencies at once.

It counts the queries each makes (they must not grow with N), checks that the compiled table 三
equals the limit's, and reports the peak memory (tracemalloc during the compile; the process's
maximum resident set size). Exits 1 if a table differs.

    .venv/bin/python bench/report.py                 # 10k, 100k, 1M (about 20 minutes, mostly building)
    .venv/bin/python bench/report.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

AGENCIES = 50
YEAR = 2024
FIRST_DAY, LAST_DAY = date(2021, 1, 1), date(2025, 12, 31)
REPEATS = 5


def setup_django(directory: str) -> None:
    os.environ["GONGKAI_DATA_DIR"] = directory
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_agencies() -> tuple[Any, list[Any], dict[int, Any]]:
    from gongkai.agencies.models import Agency
    from gongkai.catalogue.models import Category

    government = Agency.objects.create(slug="bench-gov", name="某市人民政府", is_government=True)
    departments = [
        Agency.objects.create(slug=f"bench-{i:02d}", name=f"某市第{i:02d}局", parent=government)
        for i in range(AGENCIES)
    ]
    categories = {a.pk: Category.objects.create(agency=a, code="01", name="综合") for a in departments}
    return government, departments, categories


def _requests(agencies: list[Any], start: int, count: int, rng: random.Random) -> Iterator[Any]:
    from gongkai.applications.models import Application
    from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType

    replies = list(ReplyType)
    weights = [30, 8, *([1] * 8), 8, 3, 2, 3, 3, 1, 1, 1, 3, 2, 4]
    who, who_weights = list(ApplicantType), [60, 12, 6, 6, 10, 6]
    span = (LAST_DAY - FIRST_DAY).days
    for i in range(start, start + count):
        received = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        concluded = received + timedelta(days=rng.randrange(45)) if rng.random() < 0.9 else None
        yield Application(
            agency_id=agencies[i % len(agencies)].pk,
            ref=f"B{i:07d}",
            query_code=f"Q{i:09d}",
            channel=rng.choice(list(Channel)).value,
            receipt_basis="ledger",
            source="ledger",
            applicant_type=rng.choices(who, who_weights)[0].value,
            applicant_name="某",
            content="某文件",
            received_on=received,
            stage="concluded" if concluded else "open",
            concluded_on=concluded,
            reply_type=rng.choices(replies, weights)[0].value if concluded else "",
        )


def _publications(
    agencies: list[Any], categories: dict[int, Any], start: int, count: int, rng: random.Random
) -> Iterator[Any]:
    from gongkai.catalogue.models import Publication

    span = (LAST_DAY - date(2015, 1, 1)).days
    for i in range(start, start + count):
        agency = agencies[i % len(agencies)]
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(span + 1))
        kind = rng.choices(["other", "regulation", "normative"], [90, 3, 7])[0]
        repealed = kind != "other" and rng.random() < 0.2
        yield Publication(
            agency_id=agency.pk,
            category=categories[agency.pk],
            status="published",
            doc_type=kind,
            validity="" if kind == "other" else ("repealed" if repealed else "valid"),
            invalid_on=published + timedelta(days=rng.randrange(30, 1500)) if repealed else None,
            written_on=published - timedelta(days=rng.randrange(20)),
            published_on=published,
            imported=True,
        )


def grow(agencies: list[Any], categories: dict[int, Any], have: int, want: int, rng: random.Random) -> float:
    from django.db import transaction

    from gongkai.applications.models import Application
    from gongkai.catalogue.models import Publication

    started = time.perf_counter()
    batch = 20_000
    for offset in range(have, want, batch):
        n = min(batch, want - offset)
        with transaction.atomic():
            Application.objects.bulk_create(_requests(agencies, offset, n, rng), batch_size=5000)
            Publication.objects.bulk_create(
                _publications(agencies, categories, offset, n, rng), batch_size=5000
            )
    return time.perf_counter() - started


# --- the limit: hand-written GROUP BYs giving the same figures ------------------------------------

_REQUESTS = """
SELECT {key} applicant_type,
       CASE WHEN concluded_on IS NULL OR concluded_on > %(last)s THEN '' ELSE reply_type END,
       received_on < %(first)s, concluded_on IS NULL OR concluded_on > %(last)s, COUNT(*)
FROM applications_application
WHERE {where} received_on <= %(last)s AND (concluded_on IS NULL OR concluded_on >= %(first)s)
GROUP BY {groups}
"""
_PUBLICATIONS = """
SELECT {key} doc_type, COALESCE(written_on, published_on) >= %(first)s,
       validity IN ('expired', 'repealed') AND COALESCE(invalid_on, written_on) <= %(last)s, COUNT(*)
FROM catalogue_publication
WHERE {where} status = 'published' AND doc_type IN ('regulation', 'normative')
      AND COALESCE(written_on, published_on) <= %(last)s
GROUP BY {groups}
"""


def _sql(template: str, agency_id: int | None, columns: int) -> str:
    if agency_id is None:  # the roll-up: every agency at once
        return template.format(key="agency_id,", where="", groups=", ".join(map(str, range(1, columns + 2))))
    where = f"agency_id = {int(agency_id)} AND"
    return template.format(key="", where=where, groups=", ".join(map(str, range(1, columns + 1))))


def _bounds() -> dict[str, str]:
    return {"first": date(YEAR, 1, 1).isoformat(), "last": date(YEAR, 12, 31).isoformat()}


def limit(agency_id: int | None) -> list[tuple[Any, ...]]:
    """The two GROUP BYs that give tables 三 and 二 (the least any report must ask the database)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_sql(_REQUESTS, agency_id, 4), _bounds())
        rows = cursor.fetchall()
        cursor.execute(_sql(_PUBLICATIONS, agency_id, 3), _bounds())
        rows += cursor.fetchall()
    return rows


def limit_table_three(agency_id: int) -> dict[str, dict[str, int]]:
    """Table 三's rows (new, carried over, each reply type, carried forward) by applicant column."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_sql(_REQUESTS, agency_id, 4), _bounds())
        rows = cursor.fetchall()
    table: dict[str, dict[str, int]] = {}
    for who, reply, before, open_at_end, n in rows:
        for row in ("carried_over" if before else "new", "carried_forward" if open_at_end else reply):
            table.setdefault(row, {}).setdefault(who, 0)
            table[row][who] += n
    return table


# --- measuring ----------------------------------------------------------------------------------


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def queries(function: Callable[[], Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def peak_memory(function: Callable[[], Any]) -> int:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def agrees(compiled: Any, agency_id: int) -> bool:
    expected = limit_table_three(agency_id)
    cells = compiled.tables.applications
    for row, values in expected.items():
        for who, n in values.items():
            if cells[row][who] != n:
                return False
    return True


def measure(government: Any, agency: Any, size: int) -> dict[str, Any]:
    from gongkai.reports.queries import compile_report, rollup

    today = date(2025, 6, 30)
    one_time, compiled = timed(lambda: compile_report(agency, YEAR))
    one_limit, _ = timed(lambda: limit(agency.pk))
    all_time, _ = timed(lambda: rollup(government, YEAR, today=today))
    all_limit, _ = timed(lambda: limit(None))
    return {
        "size": size,
        "one": one_time,
        "one_limit": one_limit,
        "all": all_time,
        "all_limit": all_limit,
        "one_queries": queries(lambda: compile_report(agency, YEAR)),
        "all_queries": queries(lambda: rollup(government, YEAR, today=today)),
        "one_memory": peak_memory(lambda: compile_report(agency, YEAR)),
        "all_memory": peak_memory(lambda: rollup(government, YEAR, today=today)),
        "agrees": agrees(compiled, agency.pk),
    }


def report(results: list[dict[str, Any]]) -> None:
    machine = f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
    print(f"{machine}; SQLite; median of {REPEATS} runs")
    print(
        "| requests + publications | one agency-year | limit | ratio | queries "
        "| roll-up (51 agencies) | limit | ratio | queries | peak memory | table 三 = limit |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['size']:,} + {r['size']:,} | {r['one'] * 1000:.0f} ms | {r['one_limit'] * 1000:.0f} ms"
            f" | {r['one'] / r['one_limit']:.2f}× | {r['one_queries']} | {r['all'] * 1000:.0f} ms"
            f" | {r['all_limit'] * 1000:.0f} ms | {r['all'] / r['all_limit']:.2f}× | {r['all_queries']}"
            f" | {r['rss']:.0f} MB ({r['one_memory'] / 2**20:.1f} / {r['all_memory'] / 2**20:.1f} MB)"
            f" | {'yes' if r['agrees'] else 'NO'} |"
        )
    print("built in: " + ", ".join(f"{r['size']:,}: {r['build']:.0f} s" for r in results))


def peak_resident_mb() -> float:
    """This process's peak resident set size. Read from /proc (VmHWM), not getrusage: Linux carries
    ru_maxrss across exec, so a child would report the forking parent's peak (the build's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_in_fresh_process(directory: str, size: int) -> dict[str, Any]:
    """Measure in a new process, so that its peak resident memory is the report's, not the build's."""
    command = [sys.executable, __file__, "--measure", directory, str(size)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    return json.loads(output.strip().splitlines()[-1])


def _measure_mode(directory: str, size: int) -> None:
    setup_django(directory)
    from gongkai.agencies.models import Agency

    government = Agency.objects.get(slug="bench-gov")
    result = measure(government, Agency.objects.get(slug="bench-07"), size)
    result["rss"] = peak_resident_mb()
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=20250131)
    parser.add_argument("--measure", nargs=2, metavar=("DIR", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure_mode(args.measure[0], int(args.measure[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as directory:
        setup_django(directory)
        from django.db import connection

        government, departments, categories = make_agencies()
        rng = random.Random(args.seed)
        results, have = [], 0
        for size in sorted(args.sizes):
            seconds = grow(departments, categories, have, size, rng)
            have = size
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the measuring process reads the file
            connection.close()
            results.append({**measure_in_fresh_process(directory, size), "build": seconds})
            print(f"… {size:,} measured", file=sys.stderr)
        report(results)
    return 0 if all(r["agrees"] for r in results) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
