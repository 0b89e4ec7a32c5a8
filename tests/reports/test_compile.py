"""A year's report computed from the records, by the definitions of docs/domain.md §1."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.applications.models import Application
from gongkai.disputes.services import decide_dispute, file_dispute
from gongkai.domain.annual_report import ApplicationFact, DisputeFact, compile_tables
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType
from gongkai.reports.queries import cases_behind, compile_report
from gongkai.reports.render.layout import grids
from tests.reports.factories import make_case

pytestmark = pytest.mark.django_db

P, FIRM, LAB, NGO, LAW, ORG = (
    ApplicantType.NATURAL_PERSON,
    ApplicantType.COMMERCIAL,
    ApplicantType.RESEARCH,
    ApplicantType.PUBLIC_INTEREST,
    ApplicantType.LEGAL_SERVICES,
    ApplicantType.OTHER_ORG,
)


@pytest.fixture
def ledger(agency):
    """Cases around the edges of 2024, one per situation the definitions name."""
    return {
        "open_since_2023": make_case(agency, received=date(2023, 12, 28)),
        "carried_over_and_granted": make_case(
            agency, received=date(2023, 12, 29), concluded=date(2024, 1, 2), who=FIRM
        ),
        "concluded_in_2023": make_case(agency, received=date(2023, 11, 1), concluded=date(2023, 12, 29)),
        "concluded_on_last_day": make_case(
            agency,
            received=date(2024, 1, 2),
            concluded=date(2024, 12, 31),
            reply=ReplyType.PARTIAL,
            extended=True,
        ),
        "state_secret": make_case(
            agency,
            received=date(2024, 3, 1),
            concluded=date(2024, 4, 1),
            reply=ReplyType.REFUSED_STATE_SECRET,
            who=LAB,
            channel=Channel.FAX,
        ),
        "carried_forward": make_case(
            agency,
            received=date(2024, 12, 30),
            concluded=date(2025, 1, 3),
            reply=ReplyType.UNABLE_NOT_HELD,
            who=LAW,
        ),
        "received_in_2025": make_case(agency, received=date(2025, 1, 2)),
        "no_correction": make_case(
            agency,
            received=date(2024, 5, 6),
            concluded=date(2024, 6, 10),
            reply=ReplyType.OTHER_NO_CORRECTION,
        ),
        "withdrawn": make_case(
            agency,
            received=date(2024, 6, 3),
            concluded=date(2024, 6, 5),
            reply=ReplyType.OTHER_OTHER,
            who=NGO,
            channel=Channel.POST_SIGNED,
        ),
        "no_fee_payment": make_case(
            agency,
            received=date(2024, 7, 1),
            concluded=date(2024, 8, 15),
            reply=ReplyType.OTHER_NO_FEE_PAYMENT,
            who=ORG,
        ),
    }


def _row(tables, row):
    return {column: value for column, value in tables.applications[row].items() if value}


def test_table_three_counts_new_carried_over_results_and_carried_forward(agency, ledger):
    tables = compile_report(agency, 2024, template="2021").tables
    assert _row(tables, "new") == {
        "natural_person": 2,
        "research": 1,
        "public_interest": 1,
        "legal_services": 1,
        "other_org": 1,
        "total": 6,
    }
    assert _row(tables, "carried_over") == {"natural_person": 1, "commercial": 1, "total": 2}
    assert _row(tables, "granted") == {"commercial": 1, "total": 1}
    assert _row(tables, "partial") == {"natural_person": 1, "total": 1}  # concluded on 31 December
    assert _row(tables, "refused.state_secret") == _row(tables, "refused") == {"research": 1, "total": 1}
    assert _row(tables, "other.no_correction") == {"natural_person": 1, "total": 1}
    assert _row(tables, "other.no_fee_payment") == {"other_org": 1, "total": 1}
    assert _row(tables, "other.other") == {"public_interest": 1, "total": 1}
    assert _row(tables, "total")["total"] == 6
    assert _row(tables, "carried_forward") == {"natural_person": 1, "legal_services": 1, "total": 2}
    assert tables.applications["unable"] == dict.fromkeys(tables.applications["unable"], 0)  # stated zeros


def test_the_2019_format_has_one_other_row(agency, ledger):
    tables = compile_report(agency, 2024, template="2019").tables
    assert "other.other" not in tables.applications
    assert tables.applications["other"]["total"] == 3


def test_the_pre2019_statistics_table_from_the_same_records(agency, ledger):
    compiled = compile_report(agency, 2024, template="pre2019-table")
    value = {row: cells["value"] for row, cells in compiled.tables.extra.items()}
    assert value["requests.received"] == 6
    assert (value["requests.online"], value["requests.fax"], value["requests.letter"]) == (4, 1, 1)
    assert (value["requests.concluded"], value["requests.extended"], value["requests.on_time"]) == (6, 1, 5)
    assert (value["replies.granted"], value["replies.partial"], value["replies.refused"]) == (1, 1, 1)
    assert value["replies.refused.state_secret"] == 1
    assert value["replies.change_requested"] == 1 and value["replies.other_route"] == 2
    assert compiled.tables.applications == {} and compiled.tables.proactive == {}
    assert not [f for f in compiled.findings if f.code.startswith("statistics.")]


def test_table_four_counts_disputes_filed_in_the_year_by_outcome_on_31_december(agency, clerk):
    review = file_dispute(
        agency, kind=DisputeKind.REVIEW, body="市政府", filed_on=date(2024, 3, 1), actor=clerk
    )
    decide_dispute(review, outcome=DisputeOutcome.CORRECTED, decided_on=date(2024, 5, 1), actor=clerk)
    late = file_dispute(
        agency, kind=DisputeKind.REVIEW, body="市政府", filed_on=date(2024, 11, 1), actor=clerk
    )
    decide_dispute(late, outcome=DisputeOutcome.UPHELD, decided_on=date(2025, 2, 1), actor=clerk)
    file_dispute(
        agency,
        kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
        body="区法院",
        filed_on=date(2024, 6, 1),
        review=review,
        actor=clerk,
    )
    file_dispute(
        agency, kind=DisputeKind.LAWSUIT_DIRECT, body="区法院", filed_on=date(2023, 6, 1), actor=clerk
    )
    disputes = compile_report(agency, 2024, template="2021").tables.disputes
    assert disputes["review"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 1, "total": 2}
    assert disputes["lawsuit_after_review"]["pending"] == disputes["lawsuit_after_review"]["total"] == 1
    assert disputes["lawsuit_direct"]["total"] == 0


@pytest.mark.parametrize("template", ["2021", "pre2019-table"])
def test_every_request_cell_drills_down_to_exactly_the_cases_it_counts(agency, ledger, template):
    tables = compile_report(agency, 2024, template=template).tables
    paths = [cell.path for grid in grids(tables) for cell in grid.cells if cell.path]
    checked = 0
    for path in paths:
        table, rest = path.split(".", 1)
        row, column = rest.rsplit(".", 1)
        cases = cases_behind(Application.objects.all(), year=2024, template=template, path=path)
        if table in ("applications", "extra") and (
            table == "applications" or row.startswith(("requests.", "replies."))
        ):
            assert cases.count() == tables.cell(table, row, column), path
            checked += 1
    assert checked > (100 if template == "2021" else 20)
    behind = cases_behind(
        Application.objects.all(), year=2024, template=template, path="applications.carried_forward.total"
    )
    if template == "2021":
        assert set(behind) == {ledger["open_since_2023"], ledger["carried_forward"]}


def _random_ledger(agency, rng: random.Random, n: int, prefix: str = "R") -> None:
    """Rows written directly with their derived columns: the compile reads only those."""
    rows = []
    replies, who = list(ReplyType), list(ApplicantType)
    for i in range(n):
        received = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 366))
        concluded = received + timedelta(days=rng.randrange(60)) if rng.random() < 0.85 else None
        rows.append(
            Application(
                agency=agency,
                ref=f"{prefix}{i}",
                query_code=f"{prefix}{agency.pk}-{i}",
                channel=rng.choice(list(Channel)).value,
                receipt_basis="ledger",
                applicant_type=rng.choice(who).value,
                applicant_name="某",
                content="x",
                received_on=received,
                stage="concluded" if concluded else "open",
                concluded_on=concluded,
                reply_type=rng.choice(replies).value if concluded else "",
            )
        )
    Application.objects.bulk_create(rows)


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_the_grouped_queries_equal_folding_every_record(agency, template):
    _random_ledger(agency, random.Random(20240208), 600)
    facts = [
        ApplicationFact(r, ApplicantType(t), c, ReplyType(rt) if rt else None)
        for r, t, c, rt in Application.objects.values_list(
            "received_on", "applicant_type", "concluded_on", "reply_type"
        )
    ]
    for year in (2023, 2024, 2025):
        expected = compile_tables(
            agency=agency.name, year=year, template=template, applications=facts, publications=[], disputes=[]
        )
        assert compile_report(agency, year, template=template).tables.applications == expected.applications


def test_the_number_of_queries_does_not_grow_with_the_records(agency, other_agency):
    _random_ledger(agency, random.Random(1), 20)
    with CaptureQueriesContext(connection) as few:
        compile_report(agency, 2024)
    _random_ledger(other_agency, random.Random(2), 400, prefix="S")
    Application.objects.filter(agency=other_agency).update(agency=agency)
    with CaptureQueriesContext(connection) as many:
        compiled = compile_report(agency, 2024)
    assert compiled.tables.applications["new"]["total"] > 100
    assert len(many) == len(few) <= 15


def test_disputes_feed_facts_the_same_way(agency, clerk):
    facts = []
    rng = random.Random(7)
    for i in range(12):
        filed = date(2024, 1, 1) + timedelta(days=rng.randrange(400))
        kind = rng.choice([DisputeKind.REVIEW, DisputeKind.LAWSUIT_DIRECT])
        dispute = file_dispute(agency, kind=kind, body=f"机关{i}", filed_on=filed, actor=clerk)
        decided = filed + timedelta(days=rng.randrange(120)) if rng.random() < 0.7 else None
        outcome = DisputeOutcome.PENDING
        if decided is not None and decided <= date(2025, 6, 30):
            outcome = rng.choice([DisputeOutcome.UPHELD, DisputeOutcome.CORRECTED, DisputeOutcome.OTHER])
            decide_dispute(dispute, outcome=outcome, decided_on=decided, actor=clerk)
        else:
            decided = None
        facts.append(DisputeFact(kind, filed, outcome, decided))
    expected = compile_tables(
        agency=agency.name, year=2024, template="2021", applications=[], publications=[], disputes=facts
    )
    assert compile_report(agency, 2024, template="2021").tables.disputes == expected.disputes
