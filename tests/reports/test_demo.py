"""The demo: each seed agency's report states what its original states; seed 002's original
table is caught by the checks; for a demo agency the four exports agree cell for cell."""

from __future__ import annotations

import json
from datetime import date

import pytest
import time_machine

from gongkai.agencies.models import Agency
from gongkai.demo import build_demo
from gongkai.demo.agencies import SEED_AGENCIES
from gongkai.domain.annual_report import ReportTables
from gongkai.reports.models import AnnualReport, Status
from gongkai.reports.queries import compile_report
from tests.reports.readers import docx_matrices, html_matrices, printed_cells, read_tables, xlsx_matrices

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The corpus labels' fields → the pre-2019 table's lines (fees: 万元 there, yuan in the labels).
FIELD_ROWS = {
    "proactive_total": "proactive.total",
    "website_items": "proactive.website",
    "weibo_items": "proactive.weibo",
    "wechat_items": "proactive.wechat",
    "gazette_items": "proactive.gazette",
    "requests_received": "requests.received",
    "granted": "replies.granted",
    "partially_granted": "replies.partial",
    "refused": "replies.refused",
    "admin_reviews": "reviews.total",
    "lawsuits": "lawsuits.total",
    "fees_yuan": "fees_10k_yuan",
}


def test_the_demo_reports(corpus, gongkai, tmp_path):
    with time_machine.travel(date(2026, 6, 30), tick=False):  # the demo's cases run to the end of 2025
        _check_the_demo(corpus, gongkai, tmp_path)


def _check_the_demo(corpus, gongkai, tmp_path):
    build_demo()
    for seed in SEED_AGENCIES:
        label = json.loads((corpus / seed.corpus_file.replace(".txt", ".json")).read_text(encoding="utf-8"))
        compiled = compile_report(Agency.objects.get(slug=seed.slug), seed.year)
        assert compiled.template == "pre2019-table" and label["year"] == seed.year
        stated = {row: cells["value"] for row, cells in compiled.tables.extra.items()}
        for field, value in label["fields"].items():
            ours = stated[FIELD_ROWS[field]] * (10_000 if field == "fees_yuan" else 1)
            assert ours == value, (seed.slug, field)
    _seed_002_is_caught()
    assert AnnualReport.objects.filter(
        agency__slug="liuzhou-zjj", year=2018, status=Status.PUBLISHED
    ).exists()
    _the_exports_agree(gongkai, tmp_path)


def _seed_002_is_caught():
    guandu = Agency.objects.get(slug="guandu-hbj")
    findings = {(f.code, f.where): f for f in compile_report(guandu, 2017).findings}
    assert findings[("contradiction", "extra.proactive.website.value")].message == (
        "政府网站公开政府信息数前后不一致：正文为98，统计表为155"
    )
    assert "正文为300余，统计表为200" in findings[("contradiction", "extra.proactive.weibo.value")].message
    assert "正文为3，统计表为1" in findings[("contradiction", "extra.training.courses.value")].message
    within = findings[("statistics.within", "extra.proactive.website.value")]
    assert "主动公开政府信息数" in within.message and "（0）" in within.message
    assert ("statistics.within", "extra.proactive.weibo.value") in findings


def _the_exports_agree(gongkai, tmp_path):
    args = ["report", "--agency", "huizhou-ajj", "--year", "2025"]
    data = json.loads(gongkai(*args, "--format", "json").out)
    expected = printed_cells(ReportTables.from_json(data))
    assert expected["applications"]["new"]["total"] > 10
    for fmt, reader in (("docx", docx_matrices), ("xlsx", xlsx_matrices), ("html", html_matrices)):
        out = tmp_path / f"report.{fmt}"
        assert gongkai(*args, "--format", fmt, "-o", str(out)).code == 0
        assert read_tables("2021", reader(out.read_bytes())) == expected, fmt
