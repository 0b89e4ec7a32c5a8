"""compile_tables: records → a year's tables, by the definitions of docs/domain.md §1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import (
    ApplicationFact,
    DisputeFact,
    ManualFigures,
    PublicationFact,
    ReportTables,
    Severity,
    TemplateId,
    check_tables,
    compile_tables,
)
from gongkai.domain.annual_report.compile import PublicationKind
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import ApplicantType, DisputeKind, DisputeOutcome, ReplyType

PERSON, FIRM = ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL


def _compile(
    applications: Iterable[ApplicationFact] = (),
    *,
    year: int = 2024,
    template: TemplateId = "2021",
    publications: Iterable[PublicationFact] = (),
    disputes: Iterable[DisputeFact] = (),
    manual: ManualFigures | None = None,
) -> ReportTables:
    return compile_tables(
        agency="某市应急管理局",
        year=year,
        template=template,
        applications=applications,
        publications=publications,
        disputes=disputes,
        manual=manual,
    )


def _app(
    received: date,
    concluded: date | None,
    reply: ReplyType | None = ReplyType.GRANTED,
    who: ApplicantType = PERSON,
) -> ApplicationFact:
    return ApplicationFact(received, who, concluded, reply)


# --- requests (table 三) -------------------------------------------------------------------------


def test_year_boundaries_follow_the_project_definitions() -> None:
    tables = _compile(
        [
            _app(date(2023, 12, 20), date(2024, 1, 1)),  # carried over, concluded on the first day
            _app(date(2023, 12, 20), date(2023, 12, 31)),  # concluded before the year: not counted
            _app(date(2024, 12, 31), None, None),  # new and carried forward
            _app(date(2024, 12, 30), date(2024, 12, 31), ReplyType.PARTIAL),  # concluded on the last day
            _app(date(2024, 12, 1), date(2025, 1, 2), ReplyType.PARTIAL),  # concluded after the year
            _app(date(2025, 1, 1), None, None),  # received after the year: not counted
            _app(date(2022, 5, 1), None, None),  # open for two years: carried over and forward
        ]
    )

    def column(row: str) -> tuple[int | float | None, int | float | None]:
        return tables.cell("applications", row, "natural_person"), tables.cell("applications", row, "total")

    assert column("new") == (3, 3)
    assert column("carried_over") == (2, 2)
    assert column("granted") == (1, 1)
    assert column("partial") == (1, 1)
    assert column("total") == (2, 2)
    assert column("carried_forward") == (3, 3)
    assert tables.cell("applications", "refused.state_secret", "commercial") == 0  # a stated zero


def test_results_count_by_final_reply_type_and_applicant_with_subtotals() -> None:
    day = date(2024, 3, 1)
    tables = _compile(
        [
            _app(day, day, ReplyType.REFUSED_STATE_SECRET),
            _app(day, day, ReplyType.REFUSED_THIRD_PARTY, FIRM),
            _app(day, day, ReplyType.UNABLE_NOT_HELD, ApplicantType.LEGAL_SERVICES),
            _app(day, day, ReplyType.OTHER_NO_FEE_PAYMENT),
            _app(day, day, ReplyType.OTHER_OTHER),
        ]
    )
    assert tables.applications["refused"] == {
        "natural_person": 1,
        "commercial": 1,
        "research": 0,
        "public_interest": 0,
        "legal_services": 0,
        "other_org": 0,
        "total": 2,
    }
    assert tables.cell("applications", "unable", "legal_services") == 1
    assert tables.cell("applications", "other", "natural_person") == 2
    assert tables.cell("applications", "other.other", "total") == 1
    assert tables.cell("applications", "total", "total") == 5
    assert check_tables(tables) == []


def test_the_2019_format_counts_every_other_handling_in_one_row() -> None:
    day = date(2020, 6, 1)
    facts = [_app(day, day, ReplyType.OTHER_NO_CORRECTION), _app(day, day, ReplyType.OTHER_OTHER, FIRM)]
    tables = _compile(facts, year=2020, template="2019")
    assert tables.applications["other"]["total"] == 2
    assert not [row for row in tables.applications if row.startswith("other.")]
    assert check_tables(tables) == []


def test_a_reply_before_receipt_is_impossible() -> None:
    facts = [_app(date(2024, 1, 5), None, None), _app(date(2024, 3, 5), date(2024, 3, 4))]
    with pytest.raises(InvalidInput) as caught:
        _compile(facts)
    assert caught.value.where == "applications[1].concluded"


def test_a_request_concluded_in_the_year_needs_a_reply_type_an_open_one_does_not() -> None:
    with pytest.raises(InvalidInput) as caught:
        _compile([_app(date(2024, 1, 5), date(2024, 1, 6), None)])
    assert caught.value.where == "applications[0].reply_type"
    open_one = _compile([_app(date(2024, 1, 5), None, ReplyType.GRANTED)])  # a draft reply is ignored
    assert open_one.cell("applications", "granted", "total") == 0


def test_unknown_applicant_or_reply_type_values_are_rejected() -> None:
    day = date(2024, 1, 5)
    with pytest.raises(InvalidInput) as caught:
        _compile([ApplicationFact(day, "company", None, None)])  # type: ignore[arg-type]
    assert caught.value.where == "applications.applicant_type"
    with pytest.raises(InvalidInput) as caught:
        _compile([ApplicationFact(day, PERSON, day, "approved")])  # type: ignore[arg-type]
    assert caught.value.where == "applications.reply_type"


def test_plain_string_values_from_a_values_query_are_accepted() -> None:
    day = date(2024, 1, 5)
    fact = ApplicationFact(day, "research", day, "unable.needs_creation")  # type: ignore[arg-type]
    assert _compile([fact]).cell("applications", "unable.needs_creation", "research") == 1


def test_a_fact_may_stand_for_several_identical_requests() -> None:
    day = date(2024, 1, 5)
    tables = _compile([ApplicationFact(day, PERSON, day, ReplyType.GRANTED, count=40)])
    assert tables.cell("applications", "granted", "natural_person") == 40
    with pytest.raises(InvalidInput) as caught:
        _compile([ApplicationFact(day, PERSON, day, ReplyType.GRANTED, count=0)])
    assert caught.value.where == "applications[0].count"


def test_facts_are_read_once_from_any_iterable() -> None:
    day = date(2024, 1, 5)
    facts = (_app(day + timedelta(days=i % 300), None, None) for i in range(1000))
    assert _compile(facts).cell("applications", "new", "total") == 1000


# --- reviews and lawsuits (table 四) -------------------------------------------------------------


def test_disputes_filed_in_the_year_with_outcome_or_pending() -> None:
    review, direct = DisputeKind.REVIEW, DisputeKind.LAWSUIT_DIRECT
    upheld, corrected = DisputeOutcome.UPHELD, DisputeOutcome.CORRECTED
    tables = _compile(
        disputes=[
            DisputeFact(review, date(2024, 2, 1), upheld, date(2024, 4, 1)),
            DisputeFact(review, date(2024, 11, 1), corrected, date(2025, 1, 10)),  # decided after the year
            DisputeFact(review, date(2024, 12, 1), DisputeOutcome.PENDING, None),
            DisputeFact(review, date(2023, 12, 31), upheld, date(2024, 2, 1)),  # filed the year before
            DisputeFact(review, date(2025, 1, 1), DisputeOutcome.PENDING, None),  # filed the year after
            DisputeFact(
                direct, date(2024, 1, 1), upheld, date(2024, 12, 31)
            ),  # first day, decided on the last
            DisputeFact(direct, date(2024, 5, 1), corrected, date(2024, 9, 1), count=2),
        ]
    )
    assert tables.disputes["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 2, "total": 3}
    assert tables.disputes["lawsuit_direct"] == {
        "upheld": 1,
        "corrected": 2,
        "other": 0,
        "pending": 0,
        "total": 3,
    }
    assert tables.disputes["lawsuit_after_review"]["total"] == 0


@pytest.mark.parametrize(
    ("fact", "where"),
    [
        (
            DisputeFact(DisputeKind.REVIEW, date(2024, 5, 1), DisputeOutcome.UPHELD, date(2024, 4, 1)),
            "disputes[0].decided",
        ),
        (
            DisputeFact(DisputeKind.REVIEW, date(2024, 5, 1), DisputeOutcome.PENDING, date(2024, 6, 1)),
            "disputes[0].outcome",
        ),
    ],
)
def test_impossible_disputes_are_rejected(fact: DisputeFact, where: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _compile(disputes=[fact])
    assert caught.value.where == where


# --- proactive publication (table 二) ------------------------------------------------------------


PUBLICATIONS = [
    PublicationFact("regulation", date(2019, 3, 1), None),  # in force
    PublicationFact("regulation", date(2020, 3, 1), date(2024, 6, 1)),  # repealed this year
    PublicationFact("normative_document", date(2024, 2, 1), None, count=3),  # issued this year
    PublicationFact("normative_document", date(2024, 2, 1), date(2024, 9, 1)),  # issued and repealed
    PublicationFact("normative_document", date(2021, 2, 1), date(2023, 9, 1)),  # repealed before
    PublicationFact("normative_document", date(2024, 12, 31), date(2025, 3, 1)),  # repealed after
    PublicationFact("normative_document", date(2025, 1, 1), None),  # issued after
]


def test_issued_repealed_and_in_force_documents() -> None:
    tables = _compile(publications=PUBLICATIONS)
    assert tables.proactive["regulations"] == {"issued": 0, "repealed": 1, "in_force": 1}
    assert tables.proactive["normative_documents"] == {"issued": 5, "repealed": 1, "in_force": 4}
    assert "licensing" not in tables.proactive  # no manual figure: absent, not 0


def test_2019_format_counts_made_published_and_all_published_documents() -> None:
    tables = _compile(publications=PUBLICATIONS, template="2019")
    assert tables.proactive["regulations"] == {"made": 0, "published": 0, "total_public": 2}
    assert tables.proactive["normative_documents"] == {"made": 5, "published": 5, "total_public": 6}


def test_a_repeal_before_issue_is_impossible() -> None:
    with pytest.raises(InvalidInput) as caught:
        _compile(publications=[PublicationFact("regulation", date(2024, 3, 1), date(2024, 2, 1))])
    assert caught.value.where == "publications[0].repealed"


def test_manual_figures_fill_their_cells() -> None:
    manual = ManualFigures(
        licensing_decisions=97,
        punishment_decisions=0,
        fees_amount_10k_yuan=1.5,
        proactive={"regulations": {"in_force": 40}},
        extra={"training.courses": {"value": 3}},
    )
    tables = _compile(publications=PUBLICATIONS, manual=manual)
    assert tables.proactive["licensing"] == {"decisions": 97}
    assert tables.proactive["punishment"] == {"decisions": 0}
    assert "coercion" not in tables.proactive
    assert tables.proactive["fees"] == {"amount_10k_yuan": 1.5}
    assert tables.proactive["regulations"] == {"issued": 0, "repealed": 1, "in_force": 40}  # replaced by hand
    assert tables.extra == {"training.courses": {"value": 3}}
    assert list(tables.proactive) == ["regulations", "normative_documents", "licensing", "punishment", "fees"]


def test_2019_manual_figures_and_cells_the_format_lacks() -> None:
    manual = ManualFigures(
        other_services_decisions=114, proactive={"other_services": {"previous_year": 2, "change": 2}}
    )
    tables = _compile(template="2019", manual=manual)
    assert tables.proactive["other_services"] == {"decisions": 114, "previous_year": 2, "change": 2}
    with pytest.raises(InvalidInput) as caught:
        _compile(template="2019", manual=ManualFigures(fees_amount_10k_yuan=1.0))
    assert caught.value.where == "manual.fees.amount_10k_yuan"
    with pytest.raises(InvalidInput) as caught:
        _compile(manual=ManualFigures(proactive={"procurement": {"projects": 6}}))
    assert caught.value.where == "manual.proactive.procurement"


@pytest.mark.parametrize(
    ("template", "year", "where"), [("pre2019-table", 2017, "template"), ("2021", 0, "year")]
)
def test_only_the_national_formats_and_real_years_can_be_compiled(
    template: TemplateId, year: int, where: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        _compile(template=template, year=year)
    assert caught.value.where == where


# --- the identities hold for any records -----------------------------------------------------------


# Year boundaries are where off-by-one mistakes hide: draw them often.
_BOUNDARIES = [date(y, m, d) for y in (2022, 2023, 2024, 2025) for m, d in ((1, 1), (12, 31))]


def _day(low: date, high: date) -> st.SearchStrategy[date]:
    return st.sampled_from([b for b in _BOUNDARIES if low <= b <= high]) | st.dates(low, high)


@st.composite
def _later(draw: st.DrawFn, start: date, most: int) -> date | None:
    """None (still open), or a day on or after ``start``: a few days later or a year boundary."""
    boundaries = [b for b in _BOUNDARIES if b >= start]
    choice = draw(st.sampled_from(["open", "days", "boundary"] if boundaries else ["open", "days"]))
    if choice == "open":
        return None
    if choice == "boundary":
        return draw(st.sampled_from(boundaries))
    return start + timedelta(days=draw(st.integers(0, most)))


@st.composite
def _application_facts(draw: st.DrawFn) -> ApplicationFact:
    received = draw(_day(date(2021, 6, 1), date(2025, 6, 30)))
    return ApplicationFact(
        received,
        draw(st.sampled_from(ApplicantType)),
        draw(_later(received, 500)),
        draw(st.sampled_from(ReplyType)),
        draw(st.integers(1, 3)),
    )


@st.composite
def _dispute_facts(draw: st.DrawFn) -> DisputeFact:
    filed = draw(_day(date(2022, 6, 1), date(2025, 6, 30)))
    decided = draw(_later(filed, 400))
    outcome = draw(st.sampled_from([o for o in DisputeOutcome if o is not DisputeOutcome.PENDING]))
    return DisputeFact(
        draw(st.sampled_from(DisputeKind)), filed, outcome if decided else DisputeOutcome.PENDING, decided
    )


@st.composite
def _publication_facts(draw: st.DrawFn) -> PublicationFact:
    issued = draw(_day(date(2015, 1, 1), date(2025, 6, 30)))
    kind: PublicationKind = draw(st.sampled_from(["regulation", "normative_document"]))
    return PublicationFact(kind, issued, draw(_later(issued, 3000)))


@settings(max_examples=120, deadline=None)
@given(
    applications=st.lists(_application_facts(), max_size=60),
    disputes=st.lists(_dispute_facts(), max_size=15),
    publications=st.lists(_publication_facts(), max_size=20),
    template=st.sampled_from(["2021", "2019"]),
)
def test_compiled_tables_satisfy_every_identity(
    applications: list[ApplicationFact],
    disputes: list[DisputeFact],
    publications: list[PublicationFact],
    template: TemplateId,
) -> None:
    def year(y: int) -> ReportTables:
        return _compile(applications, year=y, template=template, publications=publications, disputes=disputes)

    before, tables = year(2023), year(2024)
    errors = [f for f in check_tables(tables, previous=before) if f.severity is Severity.ERROR]
    assert errors == []
    warnings = {f.code for f in check_tables(tables, previous=before) if f.severity is Severity.WARNING}
    assert warnings <= {"jump"}  # in_force follows from the same records exactly
    # Cross-check the definitions by direct counting.
    first, last = date(2024, 1, 1), date(2024, 12, 31)
    assert tables.cell("applications", "new", "total") == sum(
        a.count for a in applications if first <= a.received <= last
    )
    open_at_end = [
        a for a in applications if a.received <= last and (a.concluded is None or a.concluded > last)
    ]
    assert tables.cell("applications", "carried_forward", "total") == sum(a.count for a in open_at_end)
    filed = sum(d.count for d in disputes if first <= d.filed <= last)
    assert sum(tables.cell("disputes", kind, "total") or 0 for kind in DisputeKind) == filed
    assert ReportTables.from_json(tables.to_json()) == tables
