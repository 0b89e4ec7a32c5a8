"""Benchmark: the inbox tabs and a case page run the same number of queries at 1k, 10k and 100k cases.

Builds a throwaway SQLite database in a temporary directory (migrated, calendar seeded), adds one
case through the real services with a full history (the case page measured), then grows the
agency to each size with bulk_create (the benchmark measures reads, not writes). For each size a
clerk signed in with Django's test client requests every inbox tab, a search, a deep page and
the case page; the script prints the queries and the median time of each, and exits 1 unless
every page's query count is the same at every size. After each build it runs ANALYZE, as a
production database keeps its planner statistics (SQLite ``PRAGMA optimize``, PostgreSQL autovacuum).

    .venv/bin/python bench/inbox.py                      # 1,000 / 10,000 / 100,000 cases
    .venv/bin/python bench/inbox.py --sizes 500,5000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DATA_DIR = Path(tempfile.mkdtemp(prefix="gongkai-bench-inbox-"))
os.environ["GONGKAI_DATA_DIR"] = str(DATA_DIR)
os.environ["DATABASE_URL"] = f"sqlite:///{DATA_DIR / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from gongkai.agencies.models import Agency, Membership  # noqa: E402
from gongkai.applications import services  # noqa: E402
from gongkai.applications.models import Application, ClockEvent, Consultation, FeeNotice  # noqa: E402
from gongkai.applications.queries import TAB_LABELS  # noqa: E402
from gongkai.domain.fees import FeeMethod  # noqa: E402
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType  # noqa: E402

ALPHABET = services.QUERY_CODE_ALPHABET
NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞"]
TOPICS = ["执法检查计划", "行政处罚决定书", "财政预算", "安全生产许可", "环境影响评价", "征收补偿方案"]
# Share of the bulk cases per stage; open ones get a due date spread around today.
STAGES = [
    ("concluded", 0.62),
    ("open", 0.26),
    ("awaiting_correction", 0.04),
    ("consulting", 0.04),
    ("awaiting_payment", 0.04),
]


def code_for(index: int) -> str:
    digits = []
    for _ in range(12):
        index, rest = divmod(index, len(ALPHABET))
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def setup_agency() -> tuple[Agency, object, Application]:
    from django.contrib.auth import get_user_model

    call_command("migrate", verbosity=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    agency = Agency.objects.create(slug="bench", name="基准测试局")
    users = [get_user_model().objects.create_user(f"clerk{i}", password="pw-for-bench-123") for i in range(5)]
    for user in users:
        Membership.objects.create(user=user, agency=agency, role="clerk")
    Membership.objects.create(user=users[0], agency=agency, role="office_head")
    return agency, users[0], full_history_case(agency, users[0])


def full_history_case(agency: Agency, clerk: object) -> Application:
    """One case built by the services: correction, consultation, fee, extension, notes."""
    day = timezone.localdate() - timedelta(days=60)
    applicant = services.Applicant(
        applicant_type=ApplicantType.NATURAL_PERSON,
        name="基准申请人",
        id_type="resident_id",
        id_number="11010519491231002X",
        phone="13800138000",
    )
    app = services.register_application(
        agency,
        applicant=applicant,
        content="基准测试申请",
        channel=Channel.ONLINE,
        received_on=day,
        delivery_form="electronic",
        actor=clerk,
    )
    services.request_correction(app, on=day + timedelta(days=1), what="请写明年份", actor=clerk)
    services.record_corrected_request(app, on=day + timedelta(days=3), actor=clerk)
    services.start_consultation(app, on=day + timedelta(days=4), party="某公司", actor=clerk)
    services.end_consultation(app, on=day + timedelta(days=8), answer="同意", actor=clerk)
    if day >= date(2021, 1, 1):
        services.issue_fee_notice(
            app, on=day + timedelta(days=9), method=FeeMethod.BY_VOLUME, pages=120, actor=clerk
        )
        services.record_payment(app, on=day + timedelta(days=10), actor=clerk)
    services.request_extension(app, on=day + timedelta(days=11), days=10, reason="档案", actor=clerk)
    for text in ["已联系申请人", "等待档案室答复"]:
        services.add_note(app, text=text, actor=clerk)
    services.assign(app, assignee=clerk, actor=clerk)
    return app


def bulk_cases(agency: Agency, users: list[object], start: int, stop: int, rng: random.Random) -> None:
    """Cases ``start``..``stop - 1`` of the agency, with their first clock event and open pauses."""
    today = timezone.localdate()
    stages, weights = zip(*STAGES, strict=True)
    apps = []
    for index in range(start, stop):
        received = today - timedelta(days=rng.randrange(0, 3 * 365))
        stage = rng.choices(stages, weights)[0]
        concluded = stage == "concluded"
        due = (
            None
            if stage in ("awaiting_correction", "consulting", "awaiting_payment")
            else (
                today + timedelta(days=rng.randrange(-15, 30))
                if not concluded
                else received + timedelta(days=28)
            )
        )
        channel = rng.choice(list(Channel))
        apps.append(
            Application(
                agency=agency,
                ref=f"B-{index:07d}",
                query_code=code_for(index + 1),
                source="intake",
                channel=channel,
                receipt_basis=services.RECEIPT_BASIS[channel],
                applicant_type=ApplicantType.NATURAL_PERSON,
                applicant_name=rng.choice(NAMES),
                id_type="resident_id",
                id_number=f"{index:018d}",
                phone="13800138000",
                content=f"{received.year}年度{rng.choice(TOPICS)}",
                received_on=received,
                stage=stage,
                due_on=due,
                extension_pending=stage == "open" and rng.random() < 0.05,
                concluded_on=due if concluded else None,
                reply_type=ReplyType.GRANTED.value if concluded else "",
                assignee=rng.choice([None, *users]),
            )
        )
    with transaction.atomic():
        created = Application.objects.bulk_create(apps, batch_size=2000)
        ClockEvent.objects.bulk_create(
            [ClockEvent(application=a, kind="received", on=a.received_on) for a in created], batch_size=5000
        )
        Consultation.objects.bulk_create(
            [
                Consultation(
                    application=a,
                    party="第三方",
                    sent_on=a.received_on,
                    window_end=a.received_on + timedelta(21),
                )
                for a in created
                if a.stage == "consulting"
            ]
        )
        FeeNotice.objects.bulk_create(
            [
                FeeNotice(
                    application=a,
                    method="by_volume",
                    pages=120,
                    basis="按量计收",
                    computed_yuan=1100,
                    amount_yuan=1100,
                    issued_on=a.received_on,
                    pay_by=a.received_on + timedelta(28),
                )
                for a in created
                if a.stage == "awaiting_payment"
            ]
        )


def measure(client: Client, url: str, repeat: int) -> tuple[int, float]:
    """(queries, median milliseconds) of one GET, after a warm-up request."""
    assert client.get(url).status_code == 200, url
    counts, times = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        counts.append(len(captured))
    assert len(set(counts)) == 1, f"{url}: query counts vary between runs: {counts}"
    return counts[0], statistics.median(times)


def pages(agency: Agency, case: Application) -> dict[str, str]:
    inbox = f"/applications/inbox/{agency.slug}/"
    return {
        **{f"inbox: {label}": f"{inbox}?tab={tab}" for tab, label in TAB_LABELS.items()},
        "inbox: 全部, page 40": f"{inbox}?tab=all&page=40",
        "inbox: search 处罚 + filters": f"{inbox}?tab=all&q=处罚&stage=concluded&channel=post_signed",
        "case page": f"/applications/case/{case.pk}/",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of cases")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page and size")
    parser.add_argument("--seed", type=int, default=20241023)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    sqlite = sqlite3.sqlite_version
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite}")
    print(f"database: {DATA_DIR / 'bench.sqlite3'} (throwaway)")
    agency, clerk, case = setup_agency()
    users = list(Membership.objects.filter(agency=agency).values_list("user", flat=True).distinct())
    from django.contrib.auth import get_user_model

    user_objects = list(get_user_model().objects.filter(pk__in=users))
    client = Client()
    client.force_login(clerk)
    rng = random.Random(args.seed)
    results: dict[str, dict[int, tuple[int, float]]] = {}
    have = Application.objects.count()
    for size in sizes:
        started = time.perf_counter()
        bulk_cases(agency, user_objects, have, size, rng)
        have = max(have, size)
        with (
            connection.cursor() as cursor
        ):  # planner statistics, as `PRAGMA optimize` keeps them in production
            cursor.execute("ANALYZE")
        print(f"\n{Application.objects.count():,} cases (built in {time.perf_counter() - started:.1f} s)")
        for name, url in pages(agency, case).items():
            queries, ms = measure(client, url, args.repeat)
            results.setdefault(name, {})[size] = (queries, ms)
            print(f"  {name:<32} {queries:>3} queries  {ms:8.1f} ms")
    return report(results, sizes)


def report(results: dict[str, dict[int, tuple[int, float]]], sizes: list[int]) -> int:
    header = " | ".join(f"{size:,} cases" for size in sizes)
    print(f"\n| page | queries | {header} |")
    print(f"|---|---|{'---|' * len(sizes)}")
    varying = []
    for name, by_size in results.items():
        counts = {queries for queries, _ in by_size.values()}
        if len(counts) != 1:
            varying.append(name)
        shown = "/".join(str(c) for c in sorted(counts))
        print(f"| {name} | {shown} | " + " | ".join(f"{by_size[s][1]:.1f} ms" for s in sizes) + " |")
    if varying:
        print(f"\nquery count NOT constant for: {', '.join(varying)}")
        return 1
    print(f"\nquery count constant across {' / '.join(f'{s:,}' for s in sizes)} cases: yes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
