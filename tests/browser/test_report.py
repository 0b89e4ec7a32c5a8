"""The report pages in a real browser: the htmx prose editor and the ECharts roll-up."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from playwright.sync_api import expect

from tests.reports.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cases(agency):
    with time_machine.travel(date(2025, 6, 30), tick=False):
        make_case(agency, received=date(2024, 2, 1), concluded=date(2024, 2, 9))
        make_case(agency, received=date(2024, 12, 30))


def test_the_prose_editor_fills_placeholders_without_a_page_load(page, login, clerk, cases):
    login("clerk")
    page.goto("/reports/manage/anjian/2024/")
    expect(page.get_by_text("缺少“一、总体情况”部分")).to_be_visible()
    overview = page.locator("form", has=page.locator("textarea[name=text]")).first
    overview.locator("textarea").fill("本年度新收申请{新收申请}件。")
    overview.get_by_role("button", name="保存").click()
    page.get_by_text("本年度新收申请2件。").first.wait_for()
    assert page.get_by_text("缺少“一、总体情况”部分").count() == 0
    page.locator('td[data-cell="applications.new.total"] a').click()
    page.wait_for_url("**/cases/?cell=applications.new.total")
    assert page.locator("#case-count").inner_text() == "2"


def test_the_roll_up_draws_its_charts(page, login, supervisor, cases):
    login("supervisor")
    page.goto("/reports/rollup/city/?year=2024")
    page.locator("#chart-agencies canvas").first.wait_for()
    assert page.locator("#chart-years canvas").count() >= 1
    expect(page.locator('tr[data-agency="anjian"]').get_by_text("某市应急管理局")).to_be_visible()
