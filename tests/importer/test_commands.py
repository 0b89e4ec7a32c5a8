"""`gongkai extract` and `gongkai import reports` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gongkai.importer.models import ImportedReport

pytestmark = pytest.mark.django_db

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
CONTRACT = {"file", "agency", "year", "template", "fields", "findings"}


def test_extract_json_prints_one_object_per_file_per_line(gongkai) -> None:  # type: ignore[no-untyped-def]
    result = gongkai(
        "extract", "--json", str(REPORTS / "r2021-pipes.txt"), str(REPORTS / "pre2019-traditional.txt")
    )
    assert result.code == 0, result
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert set(first) == CONTRACT | {"proactive", "applications", "disputes"}
    assert set(second) == CONTRACT
    assert first["file"].endswith("r2021-pipes.txt") and first["fields"]["fees_yuan"] == 200
    assert second["agency"] == "临江县审计局" and second["fields"]["proactive_total"] == 123
    assert not ImportedReport.objects.exists()  # extract stores nothing


def test_extract_goes_on_past_a_bad_file_and_exits_1(gongkai, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(REPORTS / "r2021-tabs.txt", tmp_path / "good.txt")
    result = gongkai("extract", "--json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.code == 1
    (line,) = result.out.splitlines()
    assert json.loads(line)["agency"] == "江北区教育局"
    assert "empty.txt" in result.err and "是空的" in result.err
    assert "missing.txt：找不到文件或目录" in result.err
    assert "Traceback" not in result.err


def test_extract_recursive_reads_subdirectories(gongkai, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "2022").mkdir()
    shutil.copy(REPORTS / "r2021-pipes.txt", tmp_path / "2022" / "a.txt")
    shutil.copy(REPORTS / "r2019-spaces.txt", tmp_path / "b.txt")
    flat = gongkai("extract", "--json", str(tmp_path))
    deep = gongkai("extract", "--json", "--recursive", str(tmp_path))
    assert len(flat.out.splitlines()) == 1
    assert len(deep.out.splitlines()) == 2


def test_extract_without_json_summarises_in_chinese(gongkai) -> None:  # type: ignore[no-untyped-def]
    result = gongkai("extract", str(REPORTS / "r2021-contradiction.txt"))
    assert result.code == 0, result
    assert "格式：2021年格式" in result.out
    assert "机关：北岭街道办事处　年度：2022" in result.out
    assert "数字：行政复议数 0" in result.out
    assert "收到政府信息公开申请数前后不一致" in result.out and "line 7 vs line 10" in result.out


def test_import_reports_stores_once(gongkai, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(REPORTS / "r2021-pipes.txt", tmp_path / "a.txt")
    shutil.copy(REPORTS / "pre2019-table-tabs.txt", tmp_path / "b.txt")
    first = gongkai("import", "reports", str(tmp_path))
    again = gongkai("import", "reports", str(tmp_path / "a.txt"))
    assert first.code == 0 and again.code == 0, (first, again)
    assert "共导入 2 份" in first.out
    assert "已导入过，未改动" in again.out and "共导入 0 份" in again.out
    assert ImportedReport.objects.count() == 2


def test_import_reports_goes_on_past_a_bad_file(gongkai, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    shutil.copy(REPORTS / "r2021-cells.txt", tmp_path / "good.txt")
    result = gongkai("import", "reports", str(tmp_path))
    assert result.code == 1
    assert "bad.docx" in result.err and "不是有效的 Word" in result.err
    assert ImportedReport.objects.get().agency == "清河镇人民政府"
