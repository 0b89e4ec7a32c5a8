"""check_tables: each rule fires on a hand-broken table, with its code, cell and the template's words."""

from __future__ import annotations

import pytest

from gongkai.domain.annual_report import (
    APPLICATIONS_2021,
    RULES,
    RULES_BY_ID,
    Cells,
    Finding,
    ReportTables,
    Severity,
    check_tables,
    contradiction,
)
from gongkai.domain.errors import InvalidInput

APPLICANTS = ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org")
LEAVES = {
    "granted": 5,
    "partial": 1,
    "refused.state_secret": 1,
    "refused.process_info": 2,
    "unable.not_held": 3,
    "not_processed.petition": 1,
    "other.other": 1,
}


def _applications() -> dict[str, dict[str, int | float]]:
    """A consistent 2021 table 三: natural persons as LEAVES, one commercial grant, every cell stated."""
    cells: dict[str, dict[str, int | float]] = {}
    for row in APPLICATIONS_2021.rows:
        cells[row.id] = dict.fromkeys(APPLICANTS, 0)
        cells[row.id]["natural_person"] = LEAVES.get(row.id, 0)
    cells["granted"]["commercial"] = 1
    for row in APPLICATIONS_2021.rows:
        if row.sum_of:
            cells[row.id] = {c: sum(cells[p][c] for p in row.sum_of) for c in APPLICANTS}
    cells["carried_over"].update(natural_person=4)
    cells["carried_forward"].update(natural_person=2, commercial=1)
    cells["new"].update(natural_person=sum(LEAVES.values()) + 2 - 4, commercial=2)
    for values in cells.values():
        values["total"] = sum(values[c] for c in APPLICANTS)
    return cells


def _tables(year: int = 2024) -> ReportTables:
    return ReportTables(
        template="2021",
        agency="某市应急管理局",
        year=year,
        proactive={
            "regulations": {"issued": 1, "repealed": 0, "in_force": 4},
            "normative_documents": {"issued": 8, "repealed": 2, "in_force": 18},
            "licensing": {"decisions": 97},
            "fees": {"amount_10k_yuan": 0.0},
        },
        applications=_applications(),
        disputes={
            "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
            "lawsuit_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
        },
    )


def _previous() -> ReportTables:
    previous = _tables(2023)
    previous.proactive["regulations"]["in_force"] = 3
    previous.proactive["normative_documents"]["in_force"] = 12
    previous.applications["carried_forward"].update(natural_person=4, commercial=0, total=4)
    return previous


def _one(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_consistent_tables_give_no_findings() -> None:
    assert check_tables(_tables()) == []
    assert check_tables(_tables(), previous=_previous()) == []


def test_total_row_that_is_not_the_sum_of_the_results() -> None:
    tables = _tables()
    tables.applications["total"]["natural_person"] += 1
    tables.applications["total"]["total"] += 1
    tables.applications["carried_forward"]["natural_person"] -= 1  # keep the balance
    tables.applications["carried_forward"]["total"] -= 1
    findings = check_tables(tables)
    assert [(f.code, f.severity, f.where) for f in findings] == [
        ("applications.total_rows", Severity.ERROR, "applications.total.natural_person"),
        ("applications.total_rows", Severity.ERROR, "applications.total.total"),
    ]
    finding = findings[0]
    assert finding.message == "表三“总计”行“自然人”列为15，但各办理结果之和为14"
    assert "applications.other.natural_person" in finding.cells


def test_subtotal_that_is_not_the_sum_of_its_sub_rows() -> None:
    tables = _tables()
    tables.applications["refused"].update(commercial=1, total=4)
    findings = check_tables(tables)
    assert {(f.code, f.where) for f in findings} == {
        ("applications.subtotal", "applications.refused.commercial"),
        ("applications.subtotal", "applications.refused.total"),
        ("applications.total_rows", "applications.total.commercial"),
        ("applications.total_rows", "applications.total.total"),
    }
    subtotal = next(f for f in findings if f.where == "applications.refused.commercial")
    assert subtotal.message == "表三“不予公开”行“商业企业”列为1，但其下各项之和为0"


def test_total_column_that_is_not_the_sum_of_the_applicant_columns() -> None:
    tables = _tables()
    tables.applications["partial"]["total"] = 2
    finding = _one([f for f in check_tables(tables) if f.code == "applications.total_column"])
    assert finding.where == "applications.partial.total"
    assert finding.message == "表三“部分公开”行“总计”列为2，但各类申请人之和为1"


def test_balance_of_received_and_handled_in_a_column() -> None:
    tables = _tables()
    tables.applications["new"].update(commercial=3, total=tables.applications["new"]["total"] + 1)
    findings = check_tables(tables)
    assert [(f.code, f.where) for f in findings] == [
        ("applications.balance", "applications.carried_forward.commercial"),
        ("applications.balance", "applications.carried_forward.total"),
    ]
    finding = findings[0]
    assert finding.message.startswith(
        "表三“商业企业”列：“本年新收政府信息公开申请数量”加“上年结转政府信息公开申请数量”为3"
    )
    assert finding.message.endswith("但“总计”加“结转下年度继续办理”为2")


def test_disputes_total_that_is_not_the_sum_of_the_results() -> None:
    tables = _tables()
    tables.disputes["lawsuit_direct"]["total"] = 1
    finding = _one(check_tables(tables))
    assert (finding.code, finding.where) == ("disputes.total", "disputes.lawsuit_direct.total")
    assert finding.message == (
        "表四“行政诉讼（未经复议直接起诉）”行“总计”列为1，但“结果维持”、“结果纠正”、“其他结果”、“尚未审结”之和为0"
    )


def test_negative_cells_are_errors_except_2019_signed_changes() -> None:
    tables = _tables()
    tables.proactive["licensing"]["decisions"] = -3
    finding = _one(check_tables(tables))
    assert (finding.code, finding.severity, finding.where) == (
        "negative",
        Severity.ERROR,
        "proactive.licensing.decisions",
    )
    assert finding.message == "表二“行政许可”行“本年处理决定数量”列为负数（-3）"
    signed = ReportTables(template="2019", proactive={"punishment": {"previous_year": 25, "change": -1}})
    assert check_tables(signed) == []


def test_carried_over_must_equal_last_years_carried_forward() -> None:
    previous = _previous()
    previous.applications["carried_forward"].update(natural_person=5, total=5)
    findings = check_tables(_tables(), previous=previous)
    assert [(f.code, f.where) for f in findings] == [
        ("continuity.carried_over", "applications.carried_over.natural_person"),
        ("continuity.carried_over", "applications.carried_over.total"),
    ]
    assert (
        findings[0].message
        == "表三“上年结转政府信息公开申请数量”行“自然人”列为4，但上年报告“结转下年度继续办理”为5"
    )
    assert findings[0].cells[-1] == "previous:applications.carried_forward.natural_person"


def test_in_force_below_issued_minus_repealed_is_a_warning() -> None:
    tables = _tables()
    tables.proactive["normative_documents"]["in_force"] = 5
    finding = _one(check_tables(tables))
    assert (finding.code, finding.severity, finding.where) == (
        "proactive.in_force",
        Severity.WARNING,
        "proactive.normative_documents.in_force",
    )
    assert (
        finding.message
        == "表二“行政规范性文件”行“现行有效件数”列为5，少于“本年制发件数”（8）减“本年废止件数”（2）"
    )


def test_in_force_that_does_not_follow_from_last_year_is_a_warning() -> None:
    previous = _previous()
    previous.proactive["regulations"]["in_force"] = 2
    finding = _one(check_tables(_tables(), previous=previous))
    assert (finding.code, finding.where) == ("continuity.in_force", "proactive.regulations.in_force")
    assert "表二“规章”行“现行有效件数”列为4" in finding.message


@pytest.mark.parametrize(
    ("before", "now", "warns"),
    [
        (1, 6, False),
        (10, 60, True),
        (10, 50, False),
        (30, 0, True),
        (0, 50, False),
        (2, 0, False),
        (50, 9, True),
    ],
)
def test_a_jump_over_five_times_last_year_is_a_warning(before: int, now: int, warns: bool) -> None:
    previous = ReportTables(template="2021", year=2023, proactive={"licensing": {"decisions": before}})
    tables = ReportTables(template="2021", year=2024, proactive={"licensing": {"decisions": now}})
    findings = check_tables(tables, previous=previous)
    assert [(f.code, f.severity, f.where) for f in findings] == (
        [("jump", Severity.WARNING, "proactive.licensing.decisions")] if warns else []
    )
    if warns:
        assert findings[0].message.startswith(
            f"表二“行政许可”行“本年处理决定数量”列由上年的{before}变为{now}"
        )


def test_signed_columns_and_subtotal_rows_do_not_warn_of_jumps() -> None:
    previous = ReportTables(
        template="2019",
        year=2019,
        proactive={"licensing": {"change": 10}},
        applications={"refused": {"total": 10}},
    )
    tables = ReportTables(
        template="2019",
        year=2020,
        proactive={"licensing": {"change": 90}},
        applications={"refused": {"total": 90}},
    )
    assert check_tables(tables, previous=previous) == []


def test_previous_must_be_the_year_before() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_tables(_tables(2024), previous=_tables(2022))
    assert caught.value.where == "previous.year"


def test_cells_that_do_not_fit_the_format_are_an_input_error_not_a_finding() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_tables(ReportTables(template="2019", applications={"other.other": {"total": 1}}))
    assert caught.value.where == "applications.other.other"


# --- absent cells -----------------------------------------------------------------------------


def test_absent_cells_are_skipped_not_taken_as_zero() -> None:
    # Report-016's natural-person column and blanks elsewhere: nothing can be compared but the
    # natural-person balance, which holds (821 + 18 = 767 + 72).
    tables = ReportTables(
        template="2019",
        applications={
            "new": {
                "natural_person": 821,
                "commercial": 35,
                "legal_services": 2,
                "other_org": 1,
                "total": 859,
            },
            "carried_over": {"natural_person": 18, "total": 18},
            "granted": {"natural_person": 258, "commercial": 12, "legal_services": 1, "other_org": 1},
            "refused.state_secret": {"natural_person": 14},
            "total": {
                "natural_person": 767,
                "commercial": 35,
                "legal_services": 2,
                "other_org": 1,
                "total": 805,
            },
            "carried_forward": {"natural_person": 72, "total": 72},
        },
        disputes={"review": {"upheld": 5, "pending": 2, "total": 7}},
    )
    assert check_tables(tables) == []


def test_an_absent_subtotal_is_taken_from_its_sub_rows_when_all_are_stated() -> None:
    tables = _tables()
    for subtotal in ("refused", "unable", "not_processed", "other"):
        del tables.applications[subtotal]
    assert check_tables(tables) == []
    tables.applications["unable.needs_creation"]["natural_person"] = 1
    tables.applications["unable.needs_creation"]["total"] = 1
    codes = {(f.code, f.where) for f in check_tables(tables)}
    assert codes == {
        ("applications.total_rows", "applications.total.natural_person"),
        ("applications.total_rows", "applications.total.total"),
    }
    del tables.applications["unable.still_unclear"]["natural_person"]  # now the sum is unknown
    assert {f.where for f in check_tables(tables)} == {"applications.total.total"}


def test_the_2019_other_row_counts_as_a_result_of_its_own() -> None:
    tables = ReportTables(
        template="2019",
        applications={
            "new": {"total": 3},
            "carried_over": {"total": 0},
            "granted": {"total": 1},
            "partial": {"total": 0},
            "refused": {"total": 0},
            "unable": {"total": 0},
            "not_processed": {"total": 0},
            "other": {"total": 1},
            "total": {"total": 3},
            "carried_forward": {"total": 0},
        },
    )
    finding = _one(check_tables(tables))
    assert (finding.code, finding.message) == (
        "applications.total_rows",
        "表三“总计”行“总计”列为3，但各办理结果之和为2",
    )


def test_every_problem_is_reported_at_once() -> None:
    tables = _tables()
    tables.disputes["review"]["total"] = 5
    tables.proactive["licensing"]["decisions"] = -1
    tables.applications["partial"]["total"] = 2
    assert {f.code for f in check_tables(tables)} >= {
        "disputes.total",
        "negative",
        "applications.total_column",
    }


# --- the pre-2019 statistics table -------------------------------------------------------------


def test_seed_002_table_website_items_exceed_the_total_published() -> None:
    # Seed 002's table: 主动公开政府信息数 0, yet 155 items on the website and 200 on Weibo.
    extra: Cells = {
        "proactive.total": {"value": 0},
        "proactive.website": {"value": 155},
        "proactive.weibo": {"value": 200},
    }
    extra |= {"requests.received": {"value": 0}, "staffing.staff": {"value": 3}}
    extra |= {"staffing.full_time": {"value": 2}, "staffing.part_time": {"value": 1}}
    findings = check_tables(ReportTables(template="pre2019-table", year=2017, extra=extra))
    assert [(f.code, f.severity, f.where) for f in findings] == [
        ("statistics.within", Severity.WARNING, "extra.proactive.website.value"),
        ("statistics.within", Severity.WARNING, "extra.proactive.weibo.value"),
    ]
    assert (
        findings[0].message
        == "统计表“政府网站公开政府信息数”为155，大于其所属的统计表“主动公开政府信息数”（0）"
    )


def test_statistics_table_sums() -> None:
    extra: Cells = {
        "requests.received": {"value": 5},
        "requests.in_person": {"value": 1},
        "requests.fax": {"value": 0},
        "requests.online": {"value": 3},
        "requests.letter": {"value": 0},
    }
    finding = _one(check_tables(ReportTables(template="pre2019-table", extra=extra)))
    assert (finding.code, finding.severity, finding.where) == (
        "statistics.sum",
        Severity.WARNING,
        "extra.requests.received.value",
    )
    assert (
        finding.message
        == "统计表“收到申请数”为5，但“当面申请数”、“传真申请数”、“网络申请数”、“信函申请数”之和为4"
    )


# --- contradictions and the registry ------------------------------------------------------------


def test_contradiction_formats_prose_against_table_alike() -> None:
    finding = contradiction(
        what="政府网站公开政府信息数",
        where="extra.proactive.website.value",
        values=[("正文", 98), ("统计表", 155)],
    )
    assert finding.to_json() == {
        "code": "contradiction",
        "severity": "error",
        "message": "政府网站公开政府信息数前后不一致：正文为98，统计表为155",
        "where": "extra.proactive.website.value",
    }
    assert (
        contradiction(what="费用", where="x", values=[("正文", 0.5), ("表", 1.0)]).message
        == "费用前后不一致：正文为0.5，表为1"
    )
    with pytest.raises(InvalidInput):
        contradiction(what="x", where="y", values=[("正文", 1)])


def test_every_finding_code_is_a_registered_rule_with_its_severity() -> None:
    assert len({rule.id for rule in RULES}) == len(RULES)
    broken = _tables()
    broken.applications["refused"]["natural_person"] = 9
    broken.proactive["licensing"]["decisions"] = -1
    previous = _previous()
    previous.proactive["licensing"]["decisions"] = 1
    previous.applications["carried_forward"]["commercial"] = 3
    findings = check_tables(broken, previous=previous)
    assert len({f.code for f in findings}) >= 5
    for finding in findings:
        assert finding.severity == RULES_BY_ID[finding.code].severity
        assert finding.where == finding.cells[0]
        assert all("\u4e00" <= ch <= "\u9fff" for ch in RULES_BY_ID[finding.code].description[:1])


def test_finding_json_round_trip() -> None:
    finding = Finding("negative", Severity.ERROR, "表二…", "proactive.licensing.decisions")
    again = Finding.from_json(finding.to_json())
    assert (again.code, again.severity, again.message, again.where) == (
        "negative",
        Severity.ERROR,
        "表二…",
        "proactive.licensing.decisions",
    )
    with pytest.raises(InvalidInput):
        Finding.from_json({"code": "x", "severity": "fatal", "message": "", "where": ""})
