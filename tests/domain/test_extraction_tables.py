"""Tables 二, 三 and 四 read back from the national formats however they were flattened.

A table is drawn from ``templates.py`` the way the formats print it (merged label cells first,
then the figures), flattened as ``| cell |`` rows (blank cells kept), tab-separated, space-aligned
or one cell a line, and must read back to the same cells (blank cells absent).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.domain.annual_report import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    PROACTIVE_2019,
    PROACTIVE_2021,
    Cells,
    ReportTables,
    TableSpec,
)
from gongkai.domain.extraction import extract_text

Line = list[str]


def _applications(spec: TableSpec, cells: Cells) -> list[Line]:
    columns = [column.id for column in spec.columns]
    lines: list[Line] = [[spec.corner_label, "申请人情况"], ["自然人", "法人或其他组织", "总计"]]
    lines.append(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    seen_groups: set[str] = set()
    for row in spec.rows:
        if row.is_subtotal:
            continue
        labels = [row.label]
        group = row.parent or (row.section_label if row.id in ("granted", "partial", "other") else "")
        if row.parent and row.parent not in seen_groups:
            labels.insert(0, spec.row(row.parent).label)
        if row.id == "granted":
            labels.insert(0, row.section_label)
        seen_groups.add(group)
        values = cells.get(row.id, {})
        lines.append([*labels, *(_cell(values.get(column)) for column in columns)])
    return lines


def _proactive(spec: TableSpec, cells: Cells) -> list[Line]:
    lines: list[Line] = []
    section = ""
    for row in spec.rows:
        columns = spec.columns_for(row.id)
        if row.section_label != section:
            section = row.section_label
            lines += [[section], ["信息内容", *(column.label for column in columns)]]
        values = cells.get(row.id, {})
        lines.append([row.label, *(_cell(values.get(column.id)) for column in columns)])
    return lines


def _disputes(cells: Cells) -> list[Line]:
    parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines: list[Line] = [
        ["行政复议", "行政诉讼"],
        [*parts, "未经复议直接起诉", "复议后起诉"],
        [*parts, *parts],
    ]
    values = [cells.get(row, {}).get(column.id) for row in DISPUTES.row_ids for column in DISPUTES.columns]
    return [*lines, [_cell(value) for value in values]]


def _cell(value: int | float | None) -> str:
    return "" if value is None else str(value)


def _pipes(lines: list[Line]) -> str:
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _tabs(lines: list[Line]) -> str:
    return "\n".join("\t".join(line) for line in lines)


def _spaces(lines: list[Line]) -> str:
    return "\n".join("    ".join(line) for line in lines)


def _cell_lines(lines: list[Line]) -> str:
    return "\n".join(cell for line in lines for cell in ["|", *line])


STYLES: dict[str, Callable[[list[Line]], str]] = {
    "pipes": _pipes,
    "tabs": _tabs,
    "spaces": _spaces,
    "one cell a line": _cell_lines,
}


def _report(tables: ReportTables, style: Callable[[list[Line]], str]) -> str:
    proactive = PROACTIVE_2021 if tables.template == "2021" else PROACTIVE_2019
    applications = APPLICATIONS_2021 if tables.template == "2021" else APPLICATIONS_2019
    return "\n".join(
        [
            f"{tables.agency}{tables.year}年政府信息公开工作年度报告",
            "一、总体情况",
            "本机关认真贯彻《条例》。",
            "二、主动公开政府信息情况",
            style(_proactive(proactive, tables.proactive)),
            "三、收到和处理政府信息公开申请情况",
            style(_applications(applications, tables.applications)),
            "四、政府信息公开行政复议、行政诉讼情况",
            style(_disputes(tables.disputes)),
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )


def _cells_strategy(spec: TableSpec, *, blanks: bool) -> st.SearchStrategy[Cells]:
    figure = st.integers(min_value=0, max_value=3000)
    value = st.one_of(st.none(), figure) if blanks else figure
    rows = [row for row in spec.rows if not row.is_subtotal]
    return st.fixed_dictionaries(
        {
            row.id: st.fixed_dictionaries({column.id: value for column in spec.columns_for(row.id)})
            for row in rows
        }
    ).map(
        lambda cells: {
            row: {c: v for c, v in values.items() if v is not None} for row, values in cells.items()
        }
    )


def _tables(template: str, *, blanks: bool) -> st.SearchStrategy[ReportTables]:
    proactive = PROACTIVE_2021 if template == "2021" else PROACTIVE_2019
    applications = APPLICATIONS_2021 if template == "2021" else APPLICATIONS_2019
    return st.builds(
        lambda pro, apps, dis: ReportTables(
            template=template,  # type: ignore[arg-type]
            agency="测试市统计局",
            year=2023 if template == "2021" else 2020,
            proactive=pro,
            applications=apps,
            disputes=dis,
        ),
        _cells_strategy(proactive, blanks=blanks),
        _cells_strategy(applications, blanks=blanks),
        _cells_strategy(DISPUTES, blanks=blanks),
    )


def _assert_reads_back(tables: ReportTables, text: str) -> None:
    report = extract_text(text)
    assert report.template == tables.template
    data = report.to_json("x.txt")
    expected = tables.with_subtotals()
    for table in ("proactive", "applications", "disputes"):
        want = {row: values for row, values in expected.table(table).items() if values}
        got = {row: values for row, values in data.get(table, {}).items() if values}
        assert got == want, table


_SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("style", list(STYLES), ids=list(STYLES))
@pytest.mark.parametrize("template", ["2021", "2019"])
@_SETTINGS
@given(data=st.data())
def test_every_cell_reads_back(style: str, template: str, data: st.DataObject) -> None:
    tables = data.draw(_tables(template, blanks=False))
    _assert_reads_back(tables, _report(tables, STYLES[style]))


@pytest.mark.parametrize("template", ["2021", "2019"])
@_SETTINGS
@given(data=st.data())
def test_blank_cells_in_piped_rows_stay_absent(template: str, data: st.DataObject) -> None:
    tables = data.draw(_tables(template, blanks=True))
    _assert_reads_back(tables, _report(tables, _pipes))


def test_a_pdf_page_number_between_rows_is_not_a_row() -> None:
    tables = ReportTables(
        template="2021",
        agency="测试市统计局",
        year=2023,
        applications={
            row.id: dict.fromkeys((c.id for c in APPLICATIONS_2021.columns), 1)
            for row in APPLICATIONS_2021.rows
            if not row.is_subtotal
        },
    )
    lines = _pipes(_applications(APPLICATIONS_2021, tables.applications)).split("\n")
    lines.insert(10, "7")  # a page number
    lines.insert(12, "— 8 —")
    text = "测试市统计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(
        lines
    )
    report = extract_text(text)
    assert report.tables.applications == tables.applications


def test_a_row_whose_label_was_lost_takes_its_place_between_labelled_rows() -> None:
    text_rows = []
    for row in APPLICATIONS_2021.rows:
        if row.is_subtotal:
            continue
        values = ["5"] * 7 if row.id == "partial" else ["2"] * 7
        label = [] if row.id == "partial" else [row.label]
        text_rows.append("| " + " | ".join([*label, *values]) + " |")
    text = "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(text_rows)
    report = extract_text(text)
    assert report.tables.applications["partial"]["total"] == 5
    assert report.fields["partially_granted"] == 5


def test_a_row_with_too_few_cells_is_left_out_not_guessed() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 5 0 0 0 3\n"
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"
    )
    report = extract_text(text)
    assert "new" not in report.tables.applications
    assert report.tables.applications["carried_over"]["total"] == 1
    assert "requests_received" not in report.fields


def test_blank_cells_lost_one_cell_a_line_the_total_is_the_figure_the_others_add_up_to() -> None:
    text = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 |\n7 |\n1 |\n8 |\n||||||\n"
        "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n|||||||\n"
        "三、本年度办理结果 |\n(一)予以公开 |\n0 |\n1 |\n1 |\n|||||\n"
        "(二)部分公开 |\n0 |\n0 |\n"  # the page stops here: its zeros may be cut short
    )
    report = extract_text(text)
    assert report.tables.applications["new"] == {"total": 8}
    assert report.fields["requests_received"] == 8
    assert report.fields["requests_carried_over"] == 0
    assert report.fields["granted"] == 1
    assert "partially_granted" not in report.fields


def test_table_four_printed_with_results_as_rows() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
        "| | 行政复议 | 未经复议直接起诉 | 复议后起诉 |\n"
        "| 结果维持 | 3 | 1 | 0 |\n| 结果纠正 | 1 | 0 | 0 |\n| 其他结果 | 0 | 0 | 0 |\n"
        "| 尚未审结 | 1 | 1 | 0 |\n| 总计 | 5 | 2 | 0 |\n五、存在的主要问题及改进情况\n"
    )
    report = extract_text(text)
    assert report.tables.disputes["review"] == {
        "upheld": 3,
        "corrected": 1,
        "other": 0,
        "pending": 1,
        "total": 5,
    }
    assert report.tables.disputes["lawsuit_direct"]["total"] == 2
    assert (report.fields["admin_reviews"], report.fields["lawsuits"]) == (5, 2)


def test_one_cell_a_line_with_borders_a_lone_border_is_a_blank_cell() -> None:
    text = (
        "某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "申请人情况 |\n自然人 |\n法人或其他组织 |\n总计 |\n|||||\n"
        "一、本年新收政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n0 |\n||\n"
        "二、上年结转政府信息公开申请数量 |\n2 |\n|\n|\n|\n|\n|\n2 |\n||\n"
    )
    report = extract_text(text)
    assert report.tables.applications["new"] == {"total": 0}
    assert report.tables.applications["carried_over"] == {"natural_person": 2, "total": 2}
    assert report.fields["requests_received"] == 0


def test_without_borders_a_lone_bar_only_separates_cells() -> None:
    cells = "\n|\n".join(["0"] * 7)
    text = (
        "某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        f"一、本年新收政府信息公开申请数量\n|\n{cells}\n二、上年结转政府信息公开申请数量\n|\n{cells}\n"
    )
    report = extract_text(text)
    assert report.tables.applications["new"]["total"] == 0
    assert len(report.tables.applications["new"]) == 7


def test_a_piped_row_with_one_figure_keeps_its_blank_cells() -> None:
    tables = ReportTables(
        template="2021", agency="测试市统计局", year=2023, disputes={"lawsuit_after_review": {"total": 0}}
    )
    _assert_reads_back(tables, _report(tables, _pipes))


# The 2008–2013 statistics table with a column of counts since 2008, as provinces printed it.
_OLD_STATISTICS = [
    ("主动公开信息数", "条", 425, 1516),
    ("其中：1.网站公开", "条", 418, 1509),
    ("2.政府公报公开", "条", 7, 7),
    ("受理依申请公开信息总数", "条", 3, 28),
    ("对申请的答复数", "条", 3, 24),
    ("其中：1.同意公开答复数", "条", 2, 19),
    ("2.同意部分公开答复数", "条", 1, 3),
    ("3.否决公开答复数", "条", 0, 2),
    ("行政复议数", "件", 0, 1),
    ("行政诉讼数", "件", 0, 0),
]
_OLD_STATISTICS_FIELDS = {
    "proactive_total": 425,
    "website_items": 418,
    "gazette_items": 7,
    "requests_received": 3,
    "granted": 2,
    "partially_granted": 1,
    "refused": 0,
    "admin_reviews": 0,
    "lawsuits": 0,
}


def _old_statistics(row: Callable[[str, str, int, int], str], joiner: str) -> str:
    head = row("指标名称", "计量单位", "2011年度", "历年累计")  # type: ignore[arg-type]
    body = joiner.join(row(*cells) for cells in _OLD_STATISTICS)
    return f"某县人民政府2011年政府信息公开工作年度报告\n五、政府信息公开情况统计表\n{head}{joiner}{body}\n"


@pytest.mark.parametrize(
    ("row", "joiner"),
    [
        (lambda *cells: "| " + " | ".join(map(str, cells)) + " |", "\n"),  # one row a line
        (lambda *cells: " ".join(map(str, cells)), " "),  # the whole table on one line
    ],
    ids=["pipes", "one-line"],
)
def test_an_older_statistics_table_gives_the_years_figures_not_the_cumulative_ones(
    row: Callable[..., str], joiner: str
) -> None:
    report = extract_text(_old_statistics(row, joiner))
    assert report.template == "pre2019-table"
    assert report.fields == _OLD_STATISTICS_FIELDS


def test_figures_run_together_are_not_split() -> None:
    text = _old_statistics(lambda *cells: "".join(map(str, cells)), "")
    assert "proactive_total" not in extract_text(text).fields
