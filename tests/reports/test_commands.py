"""`gongkai report …` as scripts call it, and random ledgers through `gongkai import applications`."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import APPLICANT_COLUMN_IDS, ReportTables, check_tables
from gongkai.domain.outcomes import ApplicantType, ReplyType
from tests.reports.factories import make_case
from tests.reports.readers import docx_matrices, printed_cells, read_tables, xlsx_matrices

pytestmark = pytest.mark.django_db

REPORT_KEYS = ["template", "agency", "year", "proactive", "applications", "disputes", "findings"]


@pytest.fixture
def cases(agency):
    make_case(agency, received=date(2024, 2, 1), concluded=date(2024, 2, 9), who=ApplicantType.RESEARCH)
    make_case(agency, received=date(2024, 12, 30))


def test_json_has_exactly_the_shape_of_domain_md(gongkai, agency, cases):
    result = gongkai("report", "--agency", "anjian", "--year", "2024", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert list(data) == REPORT_KEYS
    assert (data["template"], data["agency"], data["year"]) == ("2021", "某市应急管理局", 2024)
    assert data["applications"]["new"] == {
        **dict.fromkeys(APPLICANT_COLUMN_IDS, 0),
        "research": 1,
        "natural_person": 1,
        "total": 2,
    }
    assert set(data["disputes"]) == {"review", "lawsuit_direct", "lawsuit_after_review"}
    assert {"code", "severity", "message", "where"} == set(data["findings"][0])
    assert ReportTables.from_json(data).applications == data["applications"]


def test_the_pre2019_template_prints_the_statistics_table(gongkai, agency, cases):
    result = gongkai(
        "report", "--agency", "anjian", "--year", "2024", "--template", "pre2019", "--format", "json"
    )
    data = json.loads(result.out)
    assert data["template"] == "pre2019-table" and data["extra"]["requests.received"] == {"value": 2}
    assert data["applications"] == {} and list(data) == [*REPORT_KEYS[:-1], "extra", "findings"]


@pytest.mark.parametrize(("fmt", "reader"), [("docx", docx_matrices), ("xlsx", xlsx_matrices)])
def test_files_written_with_o_read_back_as_the_json(gongkai, agency, cases, tmp_path, fmt, reader):
    out = tmp_path / f"report.{fmt}"
    assert (
        gongkai("report", "--agency", "anjian", "--year", "2024", "--format", fmt, "-o", str(out)).code == 0
    )
    data = json.loads(gongkai("report", "--agency", "anjian", "--year", "2024", "--format", "json").out)
    assert read_tables("2021", reader(out.read_bytes())) == printed_cells(ReportTables.from_json(data))


def test_html_goes_to_standard_output(gongkai, agency, cases):
    result = gongkai("report", "--agency", "anjian", "--year", "2024", "--format", "html")
    assert result.code == 0 and result.out.startswith("<!DOCTYPE html>")
    assert "某市应急管理局2024年政府信息公开工作年度报告" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agency", "nowhere", "--year", "2024", "--format", "json"], "没有找到机关“nowhere”"),
        (["--agency", "anjian", "--year", "1999", "--format", "json"], "--year 应为 2008 至 2025 之间的年份"),
        (["--agency", "anjian", "--year", "2024x", "--format", "json"], "--year"),
        (
            ["--agency", "anjian", "--year", "2024", "--format", "pdf"],
            "--format 应为 json、html、docx 或 xlsx",
        ),
        (["--agency", "anjian", "--year", "2024", "--template", "2008", "--format", "json"], "--template"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(gongkai, agency, args, message):
    result = gongkai("report", *args)
    assert result.code == 2 and result.out == ""
    assert message in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


# --- the property: random ledgers through the import, then the report ---------------------------

TODAY = date(2025, 6, 30)
OUTCOMES = [reply for reply in ReplyType]


@st.composite
def ledgers(draw):
    rows = []
    for i in range(draw(st.integers(0, 14))):
        received = date(2023, 10, 1) + timedelta(days=draw(st.integers(0, (TODAY - date(2023, 10, 1)).days)))
        replied = None
        if draw(st.booleans()):
            replied = received + timedelta(days=draw(st.integers(0, min(90, (TODAY - received).days))))
        rows.append(
            {
                "ref": f"L{i:03d}",
                "received": received.isoformat(),
                "channel": draw(st.sampled_from(["in_person", "post", "online", "fax", "email"])),
                "applicant_type": draw(st.sampled_from(APPLICANT_COLUMN_IDS)),
                "applicant": f"申请人{i}",
                "content": "某文件",
                "outcome": draw(st.sampled_from(OUTCOMES)).value if replied else "",
                "replied": replied.isoformat() if replied else "",
            }
        )
    return rows


def _identities_hold(data: dict) -> None:
    tables = ReportTables.from_json(data)
    errors = [f for f in check_tables(tables) if f.severity == "error"]
    assert errors == [], errors
    cells = tables.applications
    for column in [*APPLICANT_COLUMN_IDS, "total"]:
        new, over = cells["new"][column], cells["carried_over"][column]
        assert new + over == cells["total"][column] + cells["carried_forward"][column]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ledgers())
def test_on_random_ledgers_every_identity_holds(gongkai, agency, tmp_path, rows):
    with transaction.atomic():
        ledger = tmp_path / "ledger.csv"
        with ledger.open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]) if rows else ["ref", "received"])
            writer.writeheader()
            writer.writerows(rows)
        if rows:
            imported = gongkai("import", "applications", str(ledger), "--agency", "anjian")
            assert imported.code == 0, imported
        reports = {}
        for year in (2023, 2024, 2025):
            result = gongkai("report", "--agency", "anjian", "--year", str(year), "--format", "json")
            assert result.code == 0, result
            reports[year] = json.loads(result.out)
            _identities_hold(reports[year])
        for year in (2024, 2025):  # this year's carried-over is last year's carried-forward
            assert (
                reports[year]["applications"]["carried_over"]
                == reports[year - 1]["applications"]["carried_forward"]
            )
        assert reports[2024]["applications"]["new"]["total"] == sum(
            r["received"].startswith("2024") for r in rows
        )
        transaction.set_rollback(True)
