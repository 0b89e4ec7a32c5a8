"""ReportTables: absent cells, derived subtotals, and the Report JSON (docs/domain.md §4)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import (
    APPLICATIONS_2021,
    PROACTIVE_2019,
    Finding,
    ReportTables,
    Severity,
    TemplateId,
    specs_for,
)
from gongkai.domain.errors import InvalidInput


def _sample() -> ReportTables:
    return ReportTables(
        template="2021",
        agency="沭阳县发展和改革局",
        year=2023,
        proactive={
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "fees": {"amount_10k_yuan": 0.5},
        },
        applications={
            "new": {"natural_person": 26, "total": 26},
            "refused.state_secret": {"natural_person": 0},
            "carried_forward": {"natural_person": 0},
        },
        disputes={"review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}},
    )


def test_a_cell_the_report_does_not_state_is_none_not_zero() -> None:
    tables = _sample()
    assert tables.cell("applications", "new", "natural_person") == 26
    assert tables.cell("applications", "refused.state_secret", "natural_person") == 0
    assert tables.cell("applications", "new", "commercial") is None
    assert tables.cell("applications", "granted", "natural_person") is None
    assert tables.cell("extra", "training.courses", "value") is None


def test_asking_for_an_unknown_table_is_an_error() -> None:
    with pytest.raises(InvalidInput) as caught:
        _sample().cell("applicatons", "new", "total")
    assert caught.value.where == "applicatons"


def test_with_subtotals_fills_a_subtotal_only_where_every_sub_row_is_stated() -> None:
    tables = ReportTables(
        template="2021",
        applications={
            "unable.not_held": {"natural_person": 2, "commercial": 1},
            "unable.needs_creation": {"natural_person": 3, "commercial": 0},
            "unable.still_unclear": {"natural_person": 1},
            "refused": {"natural_person": 7},
        },
    )
    filled = tables.with_subtotals()
    assert filled.applications["unable"] == {"natural_person": 6}  # commercial lacks one sub-row
    assert filled.applications["refused"] == {"natural_person": 7}  # stated, kept as is
    assert "not_processed" not in filled.applications
    assert list(filled.applications)[:2] == ["refused", "unable"]  # template order
    assert "unable" not in tables.applications  # the original is unchanged


def test_with_subtotals_leaves_the_2019_other_row_alone() -> None:
    tables = ReportTables(template="2019", applications={"other": {"total": 3}})
    assert tables.with_subtotals().applications == {"other": {"total": 3}}


def test_to_json_has_exactly_the_shape_of_domain_md() -> None:
    finding = Finding("applications.total_rows", Severity.ERROR, "表三…", "applications.total.natural_person")
    data = _sample().to_json([finding])
    assert list(data) == ["template", "agency", "year", "proactive", "applications", "disputes", "findings"]
    assert data["findings"] == [
        {
            "code": "applications.total_rows",
            "severity": "error",
            "message": "表三…",
            "where": "applications.total.natural_person",
        }
    ]
    assert data["proactive"]["fees"] == {"amount_10k_yuan": 0.5}
    json.dumps(data)  # serialisable as it is


def test_extra_figures_are_written_only_when_there_are_some() -> None:
    tables = ReportTables(template="pre2019-table", year=2017, extra={"proactive.website": {"value": 155}})
    data = tables.to_json()
    assert data["extra"] == {"proactive.website": {"value": 155}}
    assert (data["proactive"], data["applications"], data["disputes"]) == ({}, {}, {})


def _round_trip(tables: ReportTables) -> None:
    data = tables.to_json()
    again = ReportTables.from_json(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == tables
    assert again.to_json() == data


def test_json_round_trip_is_exact() -> None:
    _round_trip(_sample())
    _round_trip(ReportTables(template="pre2019-prose", agency="张店区应急管理局", year=None))
    _round_trip(
        ReportTables(template="2019", proactive={"other_services": {"previous_year": 2, "change": -1}})
    )
    _round_trip(
        ReportTables(
            template="2021", extra={"fees_10k_yuan": {"value": 0.25}, "training.courses": {"value": 3}}
        )
    )


def test_from_json_copies_the_cells() -> None:
    data = _sample().to_json()
    tables = ReportTables.from_json(data)
    data["applications"]["new"]["natural_person"] = 99
    assert tables.cell("applications", "new", "natural_person") == 26


_cell_values = st.one_of(st.integers(-5, 10**6), st.floats(0, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def _tables(draw: st.DrawFn) -> ReportTables:
    template: TemplateId = draw(st.sampled_from(["2021", "2019", "pre2019-table"]))
    tables = ReportTables(
        template=template, agency=draw(st.text(max_size=5)), year=draw(st.none() | st.integers(2008, 2030))
    )
    for table, spec in specs_for(template).items():
        rows = draw(st.lists(st.sampled_from(spec.rows), max_size=6, unique=True))
        cells = {}
        for row in rows:
            columns = draw(st.lists(st.sampled_from(spec.columns_for(row.id)), min_size=1, unique=True))
            cells[row.id] = {c.id: draw(_cell_values) for c in columns}
        setattr(tables, table, cells)
    return tables


@settings(max_examples=60, deadline=None)
@given(_tables())
def test_any_valid_tables_survive_the_json_round_trip(tables: ReportTables) -> None:
    _round_trip(tables)


def _json(**changes: Any) -> dict[str, Any]:
    data = _sample().to_json()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (_json(applications={"grantd": {"total": 1}}), "applications.grantd"),
        (_json(applications={"granted": {"natural_persn": 1}}), "applications.granted.natural_persn"),
        (_json(applications={"granted": {"natural_person": "5"}}), "applications.granted.natural_person"),
        (_json(applications={"granted": {"natural_person": True}}), "applications.granted.natural_person"),
        (_json(applications={"granted": {"natural_person": None}}), "applications.granted.natural_person"),
        (
            _json(applications={"granted": {"natural_person": float("nan")}}),
            "applications.granted.natural_person",
        ),
        (_json(applications={"granted": 5}), "applications.granted"),
        (_json(applications=[]), "applications"),
        (_json(proactive={"licensing": {"issued": 1}}), "proactive.licensing.issued"),
        (_json(proactive={"procurement": {"projects": 1}}), "proactive.procurement"),  # a 2019-only row
        (_json(disputes={"review": {"dismissed": 1}}), "disputes.review.dismissed"),
        (_json(extra={"trainings": {"value": 1}}), "extra.trainings"),
        (_json(extra={"training.courses": {"count": 1}}), "extra.training.courses.count"),
        (_json(template="2022"), "template"),
        (_json(year="2023"), "year"),
        (_json(agency=None), "agency"),
        (_json(findings={}), "findings"),
        (_json(tables={}), "tables"),
        (_json(template="pre2019-table"), "proactive"),
    ],
)
def test_from_json_rejects_what_the_format_does_not_have_and_says_where(
    data: dict[str, Any], where: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        ReportTables.from_json(data)
    assert caught.value.where == where


def test_error_messages_name_the_row_in_the_template_words() -> None:
    with pytest.raises(InvalidInput) as caught:
        ReportTables.from_json(_json(applications={"total": {"natural_person": "五"}}))
    assert "表三“总计”行" in caught.value.message


def test_2019_signed_changes_and_2019_columns_are_accepted() -> None:
    data = _json(
        template="2019", proactive={"punishment": {"previous_year": 25, "change": -1, "decisions": 0}}
    )
    assert ReportTables.from_json(data).cell("proactive", "punishment", "change") == -1
    assert PROACTIVE_2019.column("change").signed


def test_validate_checks_hand_built_tables_without_changing_them() -> None:
    tables = _sample()
    cells = tables.applications
    tables.validate()
    assert tables.applications is cells
    tables.applications["refused.state_secret"]["natural_persons"] = 1
    with pytest.raises(InvalidInput) as caught:
        tables.validate()
    assert caught.value.where == "applications.refused.state_secret.natural_persons"


def test_iter_cells_walks_every_stated_cell() -> None:
    cells = list(_sample().iter_cells())
    assert ("applications", "new", "total", 26) in cells
    assert len(cells) == 3 + 1 + 4 + 5
    assert APPLICATIONS_2021.has_row("new")
