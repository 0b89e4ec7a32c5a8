"""Importing published reports: stored with their findings, audited, and idempotent by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.domain.errors import ExtractionError
from gongkai.importer.models import ImportedReport
from gongkai.importer.queries import comparison_rows, imported_reports
from gongkai.importer.services import EVENT, import_report_file

pytestmark = pytest.mark.django_db

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


def test_a_report_is_stored_with_its_fields_tables_and_findings() -> None:
    report, created = import_report_file(REPORTS / "r2021-pipes.txt", actor="测试")
    assert created
    assert (report.agency, report.year, report.template) == ("青山市自然资源和规划局", 2022, "2021")
    assert report.fields["requests_received"] == 48
    assert report.tables["applications"]["refused"]["total"] == 7
    assert report.tables["template"] == "2021"
    assert report.findings == []
    assert "青山市自然资源和规划局" in report.text
    (event,) = AuditEvent.objects.filter(event=EVENT)
    assert event.subject_id == str(report.pk)
    assert event.after["fields"]["requests_received"] == 48
    assert event.actor_label == "测试"


def test_importing_the_same_file_again_changes_nothing(tmp_path: Path) -> None:
    first, created = import_report_file(REPORTS / "r2021-contradiction.txt")
    copy = tmp_path / "another-name.txt"
    copy.write_bytes((REPORTS / "r2021-contradiction.txt").read_bytes())
    again, created_again = import_report_file(copy)
    assert created and not created_again
    assert again.pk == first.pk and again.file_name == "r2021-contradiction.txt"
    assert ImportedReport.objects.count() == 1
    assert AuditEvent.objects.filter(event=EVENT).count() == 1
    assert [finding["code"] for finding in first.findings] == ["contradiction"]
    assert "line 7 vs line 10" in first.findings[0]["where"]


def test_an_unreadable_file_stores_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ExtractionError, match="empty.txt"):
        import_report_file(empty)
    assert not ImportedReport.objects.exists()
    assert not AuditEvent.objects.filter(event=EVENT).exists()


def test_the_comparison_of_one_year_lists_each_field_or_none() -> None:
    import_report_file(REPORTS / "r2021-pipes.txt")
    import_report_file(REPORTS / "r2021-contradiction.txt")
    import_report_file(REPORTS / "r2021-tabs.txt")
    rows = comparison_rows(2022)
    assert [row["agency"] for row in rows] == ["北岭街道办事处", "青山市自然资源和规划局"]
    assert rows[0]["requests_received"] is None and rows[0]["findings"] == 1
    assert rows[1]["requests_received"] == 48 and rows[1]["fees_yuan"] == 200
    assert imported_reports(year=2023, agency="教育").count() == 1
