"""The report reader against labelled reports: the shared corpus and this repository's own.

Every labelled field must come out with its value, and no field may come out that the label does
not have (an unlabelled field is one the text does not state). Labels: ../shared/corpus/*.json
(see its README) and tests/data/reports/*.json (same shape, plus the finding codes expected).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gongkai.domain.extraction import FIELDS, extract_text
from gongkai.domain.extraction.normalize import to_simplified

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("GONGKAI_CORPUS", ROOT.parent / "shared" / "corpus"))
OWN = ROOT / "tests" / "data" / "reports"

# The two corpus texts that never name their agency (it is in the label from the page's source).
AGENCY_NOT_IN_TEXT = {"report-003", "report-025"}


def _cases(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


ALL = [pytest.param(path, id=path.stem) for path in (*_cases(CORPUS), *_cases(OWN))]


def _read(path: Path) -> tuple[dict[str, object], object]:
    label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return label, extract_text(path.read_text(encoding="utf-8"), filename=path.name)


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the labelled corpus is not at {CORPUS} (set GONGKAI_CORPUS)"
)
def test_the_corpus_is_there_and_labelled() -> None:
    assert len(_cases(CORPUS)) >= 15
    assert all(path.with_suffix(".json").is_file() for path in _cases(CORPUS))


@pytest.mark.parametrize("path", ALL)
def test_every_labelled_field_comes_out_right(path: Path) -> None:
    label, report = _read(path)
    fields = label["fields"]
    assert isinstance(fields, dict)
    wrong = {
        name: (value, report.fields.get(name))
        for name, value in fields.items()
        if report.fields.get(name) != value
    }
    assert not wrong, f"field: (label, extracted) {wrong}"


@pytest.mark.parametrize("path", ALL)
def test_no_field_comes_out_that_the_text_does_not_state(path: Path) -> None:
    label, report = _read(path)
    invented = {name: value for name, value in report.fields.items() if name not in label["fields"]}
    assert not invented
    assert set(report.fields) <= set(FIELDS)


@pytest.mark.parametrize("path", ALL)
def test_year_template_and_agency(path: Path) -> None:
    label, report = _read(path)
    assert report.year == label["year"]
    assert report.template == label["template"]
    expected = "" if path.stem in AGENCY_NOT_IN_TEXT else to_simplified(str(label["agency"]))
    assert report.agency == expected


@pytest.mark.parametrize("path", [pytest.param(path, id=path.stem) for path in _cases(OWN)])
def test_own_reports_give_exactly_the_findings_expected(path: Path) -> None:
    label, report = _read(path)
    assert sorted(finding.code for finding in report.findings) == sorted(label["findings"])


def _corpus_report(name: str):  # type: ignore[no-untyped-def]
    path = CORPUS / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    return extract_text(path.read_text(encoding="utf-8"), filename=path.name)


def _messages(report) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(f"{finding.message} @ {finding.where}" for finding in report.findings)


def test_seed_002_prose_contradicts_its_statistics_table() -> None:
    report = _corpus_report("seed-002")
    text = _messages(report)
    assert "统计表第41行为155，正文第13行为98" in text  # website
    assert "统计表第42行为200，正文第13行（约数）为300" in text  # Weibo "300余"
    assert "统计表第98行为1，正文第8行为3" in text  # trainings
    assert "统计表第36行为0，各渠道公开数之和" in text and "为355" in text
    contradictions = [f for f in report.findings if f.code == "contradiction"]
    assert all("line" in finding.where for finding in contradictions)
    assert {"statistics.within"} <= {finding.code for finding in report.findings}


def test_report_016_prose_contradicts_its_table() -> None:
    report = _corpus_report("report-016")
    text = _messages(report)
    assert "予以公开及部分公开数前后不一致：表三予以公开与部分公开之和第52行为275，正文第14行为258" in text
    assert "无法提供数前后不一致：表三各列之和第62行为337，正文第14行为265" in text
    assert "称复议、诉讼均获维持，但表四第78行行政复议有2件" in text
    assert "unable_to_provide" not in report.fields and "granted" not in report.fields


def test_report_030_website_total_is_less_than_its_parts() -> None:
    report = _corpus_report("report-030")
    assert "正文第65行总数为2139，其中各项之和为2160" in _messages(report)
    assert report.fields["website_items"] == 2139


def test_tables_of_a_2021_report_come_out_in_the_report_json_shape() -> None:
    report = _corpus_report("report-027")
    data = report.to_json("report-027.txt")
    assert list(data) == [
        "file",
        "agency",
        "year",
        "template",
        "fields",
        "proactive",
        "applications",
        "disputes",
        "findings",
    ]
    assert data["applications"]["new"] == {"natural_person": 26, "total": 26}  # blank cells stay absent
    assert data["applications"]["refused"]["total"] == 0  # subtotal carried in the JSON
    assert data["disputes"]["review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert data["proactive"]["normative_documents"] == {"issued": 8, "repealed": 0, "in_force": 18}
    json.dumps(data, ensure_ascii=False)


def test_blank_cells_stay_absent() -> None:
    report = _corpus_report("report-016")
    granted = report.tables.applications["granted"]
    assert granted == {"natural_person": 258, "commercial": 12, "legal_services": 1, "other_org": 1}
