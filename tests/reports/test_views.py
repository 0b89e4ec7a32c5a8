"""The pages: who sees what, the drill-down, the htmx prose editor, the manual form, publishing."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.domain.outcomes import ApplicantType, ReplyType
from gongkai.importer.models import ImportedReport
from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ManualEntry, Status
from tests import factories
from tests.reports.factories import make_case

pytestmark = pytest.mark.django_db

MANAGE = "/reports/manage/anjian/2024/"
REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


@pytest.fixture
def cases(agency):
    return [
        make_case(
            agency, received=date(2024, 2, 1), concluded=date(2024, 2, 9), who=ApplicantType.COMMERCIAL
        ),
        make_case(
            agency, received=date(2024, 3, 1), concluded=date(2024, 3, 9), who=ApplicantType.COMMERCIAL
        ),
        make_case(
            agency, received=date(2024, 3, 2), concluded=date(2024, 3, 9), reply=ReplyType.UNABLE_NOT_HELD
        ),
        make_case(agency, received=date(2024, 12, 30)),
    ]


def _publish(agency, office_head):
    services.save_section(agency, 2024, key="overview", text="新收申请{新收申请}件。", actor=office_head)
    services.save_section(agency, 2024, key="problems", text="无。", actor=office_head)
    return services.publish_report(agency, 2024, actor=office_head)


def test_staff_see_the_tables_with_drill_down_links(clerk_client, cases):
    response = clerk_client.get(MANAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "某市应急管理局2024年政府信息公开工作年度报告" in html
    assert 'href="/reports/manage/anjian/2024/cases/?cell=applications.granted.commercial"' in html
    assert "narrative.missing" in html  # the findings list: 一 and 五 are empty


def test_the_drill_down_lists_exactly_the_cases_behind_the_cell(clerk_client, cases):
    response = clerk_client.get(MANAGE + "cases/?cell=applications.granted.commercial")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="case-count">2<' in html
    assert f'data-ref="{cases[0].ref}"' in html and f'data-ref="{cases[1].ref}"' in html
    assert f'data-ref="{cases[2].ref}"' not in html and f'data-ref="{cases[3].ref}"' not in html
    short = clerk_client.get(MANAGE + "cases/?cell=carried_forward.natural_person").content.decode()
    assert f'data-ref="{cases[3].ref}"' in short and 'id="case-count">1<' in short
    assert clerk_client.get(MANAGE + "cases/?cell=disputes.review.total").status_code == 404


def test_another_agency_s_clerk_gets_404_everywhere(client, other_agency_clerk, cases, agency, office_head):
    client.force_login(other_agency_clerk)
    for url in [
        MANAGE,
        MANAGE + "cases/?cell=applications.new.total",
        MANAGE + "export.docx",
        MANAGE + "manual/",
        "/api/reports/anjian/2024",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(MANAGE + "publish/").status_code == 404
    assert client.post(MANAGE + "sections/overview/", {"text": "x"}).status_code == 404


def test_the_public_sees_only_published_reports_and_no_personal_data(client, cases, agency, office_head):
    assert client.get("/reports/anjian/2024/").status_code == 404
    assert client.get("/api/reports/published/anjian/2024").status_code == 404
    _publish(agency, office_head)
    response = client.get("/reports/anjian/2024/")
    html = response.content.decode()
    assert response.status_code == 200 and "新收申请4件。" in html and "@media print" in html
    assert "张三" not in html and "11010519491231002X" not in html and "cases/?cell" not in html
    data = client.get("/api/reports/published/anjian/2024").json()
    assert data["applications"]["new"]["total"] == 4 and data["template"] == "2021"
    assert client.get("/reports/anjian/2024/report.xlsx").status_code == 200
    assert client.get(MANAGE).status_code == 302  # the back office asks visitors to sign in


def test_a_supervisor_sees_the_roll_up_but_no_personal_data(client, supervisor, cases, agency):
    client.force_login(supervisor)
    response = client.get("/reports/rollup/city/?year=2024")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-agency="anjian"' in html and 'data-agency="city"' in html
    assert "张三" not in html and "cases/?cell" not in html
    chart = json.loads(
        html.split('<script id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    assert chart["new"][chart["agencies"].index("某市应急管理局")] == 4
    assert client.get(MANAGE).status_code == 404  # statistics, not the agency's back office
    assert client.get(MANAGE + "cases/?cell=applications.new.total").status_code == 404
    assert client.get("/api/reports/rollup/city/2024").json()["totals"]["applications"]["new"]["total"] == 4


def test_a_clerk_does_not_see_the_roll_up_of_the_government(clerk_client, cases):
    assert clerk_client.get("/reports/rollup/anjian/").status_code == 200  # their own agency's statistics
    factories.AgencyFactory(slug="city2", name="另一市人民政府", is_government=True)
    assert clerk_client.get("/reports/rollup/city2/").status_code == 404


def test_the_prose_is_saved_with_htmx_and_the_findings_refresh(clerk_client, cases, agency):
    response = clerk_client.post(
        MANAGE + "sections/overview/", {"text": "共收到申请{新收申请}件，{不存在}"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "共收到申请4件" in html and "占位符{不存在}不存在" in html
    assert (
        AnnualReport.objects.get(agency=agency, year=2024)
        .sections.get(key="overview")
        .text.startswith("共收到")
    )


def test_the_manual_form_saves_only_changed_figures(clerk_client, cases, agency, clerk):
    services.save_manual_entry(
        agency, 2024, key="proactive.coercion.decisions", value=Decimal(3), actor=clerk
    )
    page = clerk_client.get(MANAGE + "manual/")
    assert page.status_code == 200 and "行政许可" in page.content.decode()
    response = clerk_client.post(
        MANAGE + "manual/",
        {"f_proactive__licensing__decisions": "1204", "f_proactive__coercion__decisions": "3", "reason": ""},
    )
    assert response.status_code == 302
    assert ManualEntry.objects.get(key="proactive.licensing.decisions").value == Decimal(1204)
    assert ManualEntry.objects.filter(agency=agency).count() == 2  # coercion unchanged, the rest blank


def test_publish_from_the_page_shows_the_gate_then_publishes(client, cases, agency, office_head):
    client.force_login(office_head)
    response = client.post(MANAGE + "publish/", follow=True)
    assert "不能发布" in response.content.decode()
    _publish(agency, office_head)
    assert AnnualReport.objects.get(agency=agency, year=2024).status == Status.PUBLISHED
    page = client.get(MANAGE).content.decode()
    assert "重新打开为新版本" in page
    client.post(MANAGE + "reopen/", {"reason": "补录一件"})
    assert AnnualReport.objects.filter(agency=agency, year=2024, version=2, status=Status.DRAFT).exists()


def test_exports_download_for_staff(clerk_client, cases):
    response = clerk_client.get(MANAGE + "export.docx")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    assert clerk_client.get(MANAGE + "export.pdf").status_code == 404


def test_the_api_publish_gate(client, cases, agency, office_head):
    client.force_login(office_head)
    response = client.post("/api/reports/anjian/2024/publish", {}, content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "report_has_errors"


def test_the_roll_up_compares_the_reports_of_agencies_that_do_not_use_gongkai(client, supervisor, cases):
    client.force_login(supervisor)
    before = client.get("/reports/rollup/city/?year=2022").content.decode()
    assert 'id="imported"' not in before and "gongkai import reports" in before
    call_command("import_reports", str(REPORTS / "r2021-pipes.txt"), str(REPORTS / "r2021-contradiction.txt"))
    html = client.get("/reports/rollup/city/?year=2022").content.decode()
    table = html.split('id="imported"')[1].split("</table>")[0]
    (row,) = [row for row in table.split("<tr data-imported=") if "青山市自然资源和规划局" in row]
    assert "青山市自然资源和规划局" in row and "2021年格式" in row
    assert '<td class="num">48</td>' in row  # requests received, as the report states it
    assert table.count("<tr data-imported=") == ImportedReport.objects.filter(year=2022).count() == 2
    assert '<span class="badge bad">1</span>' in table  # the report whose figures contradict each other
