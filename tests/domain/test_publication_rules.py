"""Proactive publication rules: the workflow, validity, 索引号 patterns, Art. 26's 20 working days."""

from datetime import date

import pytest

from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.publication_rules import (
    NATIONAL_CATEGORIES,
    DocumentType,
    Step,
    Validity,
    VersionState,
    check_validity,
    count_timeliness,
    next_state,
    parse_index_pattern,
    timeliness,
)
from gongkai.domain.workdays import calendar_from_chinese_calendar

CALENDAR = calendar_from_chinese_calendar([2024, 2025])


@pytest.mark.parametrize(
    ("state", "step", "after"),
    [
        (VersionState.DRAFT, Step.SUBMIT, VersionState.REVIEW),
        (VersionState.REVIEW, Step.CLEAR, VersionState.APPROVAL),
        (VersionState.REVIEW, Step.RETURN, VersionState.DRAFT),
        (VersionState.APPROVAL, Step.APPROVE, VersionState.PUBLISHED),
        (VersionState.APPROVAL, Step.RETURN, VersionState.DRAFT),
        (VersionState.PUBLISHED, Step.SUPERSEDE, VersionState.SUPERSEDED),
    ],
)
def test_the_workflow_goes_draft_review_approval_published(state, step, after):
    assert next_state(state, step) == after


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (VersionState.DRAFT, Step.APPROVE),  # no publication without 保密审查
        (VersionState.DRAFT, Step.CLEAR),
        (VersionState.REVIEW, Step.APPROVE),  # nor without the leader's approval after it
        (VersionState.PUBLISHED, Step.SUBMIT),  # a published version is never edited again
        (VersionState.SUPERSEDED, Step.SUPERSEDE),
    ],
)
def test_a_step_out_of_order_is_refused_in_chinese(state, step):
    with pytest.raises(TransitionNotAllowed) as refused:
        next_state(state, step)
    assert state.label in refused.value.message and step.label in refused.value.message


def test_validity_belongs_to_regulations_and_normative_documents_only():
    check_validity(DocumentType.NORMATIVE, Validity.REPEALED)
    check_validity(DocumentType.OTHER, None)
    with pytest.raises(InvalidInput, match="须注明有效性"):
        check_validity(DocumentType.REGULATION, None)
    with pytest.raises(InvalidInput, match="只有规章和行政规范性文件"):
        check_validity(DocumentType.OTHER, Validity.VALID)


def test_an_index_pattern_fills_agency_category_year_and_a_padded_serial():
    pattern = parse_index_pattern("{agency}-{category}-{year}-{serial:4}")
    assert (
        pattern.format(agency_code="441300AJJ", category_code="13", year=2017, serial=7)
        == "441300AJJ-13-2017-0007"
    )
    assert pattern.series(agency_code="441300AJJ", category_code="13", year=2017) == "441300AJJ-13-2017-#"


def test_a_pattern_without_year_numbers_on_across_years():
    pattern = parse_index_pattern("{agency}/{serial:6}")
    assert pattern.series(agency_code="A", category_code="13", year=2017) == pattern.series(
        agency_code="A", category_code="99", year=2018
    )
    assert pattern.format(agency_code="A", category_code="13", year=2017, serial=12) == "A/000012"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "不能为空"),
        ("{agency}-{year}", "恰好包含一个 {serial}"),
        ("{agency}-{serial}-{serial}", "恰好包含一个 {serial}"),
        ("{agency}-{month}-{serial}", "只能使用"),
        ("{category}-{year}-{serial}", "必须包含 {agency}"),
        ("{agency}-{serial:9}", "1到8之间"),
    ],
)
def test_a_bad_index_pattern_says_what_is_wrong(text, complaint):
    with pytest.raises(InvalidInput) as bad:
        parse_index_pattern(text)
    assert complaint in bad.value.message


def test_twenty_working_days_run_over_the_national_day_week_and_its_make_up_saturdays():
    # 2024-09-29 (Sunday) and 2024-10-12 (Saturday) were worked; 10-01..10-07 were off (Art. 26).
    on_time = timeliness(
        date(2024, 9, 20), published_on=date(2024, 10, 23), today=date(2024, 11, 1), calendar=CALENDAR
    )
    assert on_time.due_on == date(2024, 10, 23)
    assert on_time.working_days_taken == 20 and not on_time.is_late
    late = timeliness(
        date(2024, 9, 20), published_on=date(2024, 10, 24), today=date(2024, 11, 1), calendar=CALENDAR
    )
    assert late.is_late and late.working_days_taken == 21


def test_an_unpublished_item_is_late_once_today_is_past_its_due_date():
    waiting = timeliness(date(2024, 9, 20), published_on=None, today=date(2024, 10, 23), calendar=CALENDAR)
    assert not waiting.is_late and waiting.working_days_taken is None
    assert timeliness(
        date(2024, 9, 20), published_on=None, today=date(2024, 10, 24), calendar=CALENDAR
    ).is_late


def test_a_due_date_in_a_year_without_its_official_arrangement_is_provisional():
    crossing = timeliness(date(2025, 12, 20), published_on=None, today=date(2025, 12, 22), calendar=CALENDAR)
    assert crossing.is_provisional
    assert not timeliness(
        date(2024, 3, 1), published_on=None, today=date(2024, 3, 2), calendar=CALENDAR
    ).is_provisional


def test_counting_for_the_report_skips_unpublished_items():
    items = [
        timeliness(
            date(2024, 9, 20), published_on=date(2024, 10, 23), today=date(2024, 12, 31), calendar=CALENDAR
        ),
        timeliness(
            date(2024, 9, 20), published_on=date(2024, 10, 24), today=date(2024, 12, 31), calendar=CALENDAR
        ),
        timeliness(date(2024, 12, 20), published_on=None, today=date(2024, 12, 31), calendar=CALENDAR),
    ]
    counts = count_timeliness(items)
    assert (counts.published, counts.on_time, counts.late) == (2, 1, 1)


def test_the_national_categories_have_unique_codes_and_cover_the_report_rows():
    codes = [c.code for c in NATIONAL_CATEGORIES] + [k.code for c in NATIONAL_CATEGORIES for k in c.children]
    assert len(codes) == len(set(codes))
    names = {c.name for c in NATIONAL_CATEGORIES} | {k.name for c in NATIONAL_CATEGORIES for k in c.children}
    assert {"规章", "行政规范性文件", "行政许可", "行政处罚", "行政事业性收费", "工作动态"} <= names
