"""GROUP BY counts → tables: the same tables as compile_tables folds from one fact per record."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import (
    ApplicationFact,
    DisputeFact,
    PublicationFact,
    ReportTables,
    check_tables,
    compile_tables,
)
from gongkai.domain.annual_report_counts import (
    ApplicationGroup,
    CatalogueTotals,
    DisputeGroup,
    PublicationGroup,
    application_bucket,
    application_facts,
    dispute_facts,
    dispute_outcome_at_end,
    publication_bucket,
    publication_facts,
    statistics_cells,
)
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType

YEAR = 2024
FIRST, LAST = date(YEAR, 1, 1), date(YEAR, 12, 31)
# Dates cluster around the year's edges, where off-by-one mistakes live.
EDGES = [FIRST - timedelta(days=1), FIRST, FIRST + timedelta(days=1), LAST - timedelta(days=1), LAST]
dates = st.one_of(st.sampled_from(EDGES), st.dates(date(2022, 6, 1), date(2026, 6, 30)))


@st.composite
def requests(draw):
    received = draw(dates)
    concluded = draw(st.one_of(st.none(), dates.filter(lambda d: d >= received)))
    return (
        received,
        concluded,
        draw(st.sampled_from(list(ApplicantType))),
        draw(st.sampled_from(list(ReplyType))),
        draw(st.sampled_from(list(Channel))),
        draw(st.booleans()),
    )


@st.composite
def publications(draw):
    issued = draw(dates)
    repealed = draw(st.one_of(st.none(), dates.filter(lambda d: d >= issued)))
    return PublicationFact(draw(st.sampled_from(["regulation", "normative_document"])), issued, repealed)


@st.composite
def disputes(draw):
    filed = draw(dates)
    decided = draw(st.one_of(st.none(), dates.filter(lambda d: d >= filed)))
    outcome = (
        DisputeOutcome.PENDING
        if decided is None
        else draw(st.sampled_from([DisputeOutcome.UPHELD, DisputeOutcome.CORRECTED, DisputeOutcome.OTHER]))
    )
    return DisputeFact(draw(st.sampled_from(list(DisputeKind))), filed, outcome, decided)


def _application_groups(rows, *, detailed: bool = False) -> list[ApplicationGroup]:
    """What the SQL GROUP BY returns, computed from the definitions in application_bucket."""
    counter: Counter = Counter()
    for received, concluded, who, reply, channel, extended in rows:
        bucket = application_bucket(received, concluded, YEAR)
        if bucket is None:
            continue
        before, open_at_end = bucket
        key = (who, None if open_at_end else reply, before, open_at_end)
        counter[(*key, channel, extended) if detailed else key] += 1
    groups = []
    for key, n in counter.items():
        who, reply, before, open_at_end, *rest = key
        channel, extended = rest if rest else (None, False)
        groups.append(ApplicationGroup(who, reply, before, open_at_end, n, channel, extended))
    return groups


def _publication_groups(facts) -> list[PublicationGroup]:
    counter: Counter = Counter()
    for fact in facts:
        bucket = publication_bucket(fact.issued, fact.repealed, YEAR)
        if bucket is not None:
            counter[(fact.kind, *bucket)] += 1
    return [PublicationGroup(kind, in_year, repeal, n) for (kind, in_year, repeal), n in counter.items()]


def _dispute_groups(facts) -> list[DisputeGroup]:
    counter: Counter = Counter()
    for fact in facts:
        outcome = dispute_outcome_at_end(fact.filed, fact.decided, fact.outcome, YEAR)
        if outcome is not None:
            counter[(fact.kind, outcome)] += 1
    return [DisputeGroup(kind, outcome, n) for (kind, outcome), n in counter.items()]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(requests(), max_size=40),
    pubs=st.lists(publications(), max_size=15),
    suits=st.lists(disputes(), max_size=10),
    template=st.sampled_from(["2021", "2019"]),
)
def test_grouped_counts_give_the_same_tables_as_folding_every_record(rows, pubs, suits, template):
    facts = [ApplicationFact(r, who, c, reply) for r, c, who, reply, _, _ in rows]
    one_by_one = compile_tables(
        agency="甲", year=YEAR, template=template, applications=facts, publications=pubs, disputes=suits
    )
    grouped = compile_tables(
        agency="甲",
        year=YEAR,
        template=template,
        applications=application_facts(_application_groups(rows), YEAR),
        publications=publication_facts(_publication_groups(pubs), YEAR),
        disputes=dispute_facts(_dispute_groups(suits), YEAR),
    )
    assert grouped.to_json() == one_by_one.to_json()


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(requests(), max_size=40), suits=st.lists(disputes(), max_size=10))
def test_the_statistics_table_adds_up_and_agrees_with_table_three(rows, suits):
    groups = _application_groups(rows, detailed=True)
    cells = statistics_cells(year=YEAR, applications=groups, disputes=_dispute_groups(suits), fees_yuan=1500)
    tables = ReportTables(template="pre2019-table", year=YEAR, extra=cells)
    assert check_tables(tables) == []
    table_three = compile_tables(
        agency="甲",
        year=YEAR,
        template="2021",
        applications=[ApplicationFact(r, who, c, reply) for r, c, who, reply, _, _ in rows],
        publications=[],
        disputes=suits,
    )
    value = {row: values["value"] for row, values in cells.items()}
    assert value["requests.received"] == table_three.cell("applications", "new", "total")
    assert value["requests.concluded"] == table_three.cell("applications", "total", "total")
    assert value["replies.total"] == value["requests.concluded"]
    assert value["replies.granted"] == table_three.cell("applications", "granted", "total")
    assert value["reviews.total"] == table_three.cell("disputes", "review", "total")
    lawsuits = sum(
        table_three.cell("disputes", k, "total") for k in ("lawsuit_direct", "lawsuit_after_review")
    )
    assert value["lawsuits.total"] == lawsuits
    assert value["fees_10k_yuan"] == pytest.approx(0.15)


def test_statistics_count_channels_extensions_and_reasons():
    groups = [
        ApplicationGroup(
            ApplicantType.NATURAL_PERSON, ReplyType.GRANTED, False, False, 2, Channel.EMAIL, False
        ),
        ApplicationGroup(
            ApplicantType.COMMERCIAL, ReplyType.REFUSED_STATE_SECRET, False, False, 1, Channel.FAX, True
        ),
        ApplicationGroup(ApplicantType.NATURAL_PERSON, None, False, True, 4, Channel.POST_ORDINARY),
        # carried over from last year and replied this year: not received, but concluded, this year
        ApplicationGroup(
            ApplicantType.NATURAL_PERSON, ReplyType.OTHER_NO_CORRECTION, True, False, 1, Channel.IN_PERSON
        ),
    ]
    pending = DisputeGroup(DisputeKind.LAWSUIT_AFTER_REVIEW, DisputeOutcome.PENDING, 1)
    cells = statistics_cells(
        year=YEAR,
        applications=groups,
        disputes=[pending],
        fees_yuan=0,
        catalogue=CatalogueTotals(published=120, normative_published=3, normative_issued=2),
    )
    value = {row: values["value"] for row, values in cells.items()}
    assert (value["requests.received"], value["requests.online"], value["requests.fax"]) == (7, 2, 1)
    assert (value["requests.letter"], value["requests.in_person"]) == (4, 0)
    assert (value["requests.concluded"], value["requests.on_time"], value["requests.extended"]) == (4, 3, 1)
    assert value["replies.refused"] == value["replies.refused.state_secret"] == 1
    assert value["replies.change_requested"] == 1  # 逾期不补正: 告知作出更改补充
    assert (value["lawsuits.total"], value["lawsuits.other"]) == (1, 1)  # pending counts as 其他情形
    assert (value["proactive.total"], value["proactive.normative_documents_issued"]) == (120, 2)
    assert "training.courses" not in cells  # entered by hand, never 0 by default


def test_statistics_without_catalogue_leave_the_proactive_lines_absent():
    cells = statistics_cells(year=YEAR, applications=[], disputes=[], fees_yuan=0)
    assert "proactive.total" not in cells and cells["requests.received"] == {"value": 0}


@pytest.mark.parametrize(
    ("received", "concluded", "bucket"),
    [
        (date(2023, 12, 31), None, (True, True)),
        (date(2023, 12, 31), date(2024, 1, 1), (True, False)),  # concluded on the first day: carried over
        (date(2023, 12, 1), date(2023, 12, 31), None),  # concluded before the year
        (date(2024, 12, 31), date(2024, 12, 31), (False, False)),  # concluded on the last day: a result
        (date(2024, 12, 31), date(2025, 1, 1), (False, True)),
        (date(2025, 1, 1), None, None),
    ],
)
def test_application_bucket_at_the_edges_of_the_year(received, concluded, bucket):
    assert application_bucket(received, concluded, YEAR) == bucket


def test_a_group_with_no_count_is_refused():
    with pytest.raises(InvalidInput) as error:
        list(application_facts([ApplicationGroup(ApplicantType.NATURAL_PERSON, None, False, True, 0)], YEAR))
    assert error.value.where == "applications[0].count"


def test_a_document_issued_in_the_year_cannot_have_been_repealed_before_it():
    with pytest.raises(InvalidInput):
        list(publication_facts([PublicationGroup("regulation", True, "before", 1)], YEAR))
