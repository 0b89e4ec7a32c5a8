"""Each export read back equals the computed tables, cell for cell (blank where not stated)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from gongkai.domain.outcomes import ApplicantType, ReplyType
from gongkai.reports import services
from gongkai.reports.queries import compile_report
from gongkai.reports.render import render
from gongkai.reports.render.layout import Section
from tests.reports.factories import make_case
from tests.reports.readers import docx_matrices, html_matrices, printed_cells, read_tables, xlsx_matrices

pytestmark = pytest.mark.django_db

READERS = {"docx": docx_matrices, "xlsx": xlsx_matrices, "html": html_matrices}


@pytest.fixture
def records(agency, clerk):
    make_case(agency, received=date(2023, 12, 20))
    make_case(agency, received=date(2024, 2, 1), concluded=date(2024, 2, 20), who=ApplicantType.COMMERCIAL)
    make_case(
        agency, received=date(2024, 3, 1), concluded=date(2024, 3, 9), reply=ReplyType.REFUSED_PROCESS_INFO
    )
    make_case(agency, received=date(2024, 4, 1), concluded=date(2024, 4, 9), reply=ReplyType.OTHER_OTHER)
    for key, value in {
        "proactive.licensing.decisions": "1204",
        "proactive.punishment.decisions": "37",
        "proactive.fees.amount_10k_yuan": "12.35",
        "proactive.licensing.change": "-1",  # 2019 format only: a signed cell
        "proactive.punishment.change": "2",
        "proactive.regulations.in_force": "4",
        "extra.proactive.website.value": "155",
        "extra.training.courses.value": "3",
        "extra.staffing.funding_10k_yuan.value": "0.5",
    }.items():
        services.save_manual_entry(agency, 2024, key=key, value=Decimal(value), actor=clerk)
    services.save_section(agency, 2024, key="overview", text="本年度新收申请{新收申请}件。", actor=clerk)
    services.save_section(agency, 2024, key="problems", text="一是……\n二是……", actor=clerk)


@pytest.mark.parametrize("template", ["2021", "2019", "pre2019-table"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_the_export_reads_back_as_the_computed_tables(agency, records, template, fmt):
    compiled = compile_report(agency, 2024, template=template)
    sections = [Section(s.key, s.heading, s.filled.text) for s in compiled.sections]
    content = render(fmt, compiled.tables, sections=sections)
    read = read_tables(template, READERS[fmt](content))
    expected = printed_cells(compiled.tables)
    assert read == expected
    assert sum(len(values) for table in expected.values() for values in table.values()) > 10


def test_a_signed_cell_prints_with_its_sign(agency, records):
    compiled = compile_report(agency, 2024, template="2019")
    html = render("html", compiled.tables).decode()
    assert '<td class="v" data-cell="proactive.punishment.change">+2</td>' in html
    assert '<td class="v" data-cell="proactive.licensing.change">-1</td>' in html


def test_the_word_document_has_the_title_prose_and_tables_in_the_format_s_order(agency, records):
    compiled = compile_report(agency, 2024, template="2021")
    sections = [Section(s.key, s.heading, s.filled.text) for s in compiled.sections]
    document = Document(io.BytesIO(render("docx", compiled.tables, sections=sections)))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0] == "某市应急管理局2024年政府信息公开工作年度报告"
    headings = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert "本年度新收申请3件。" in paragraphs  # the placeholder filled from table 三
    assert len(document.tables) == 3


def test_the_public_html_has_a_print_stylesheet_and_no_placeholders(agency, records):
    compiled = compile_report(agency, 2024)
    sections = [Section(s.key, s.heading, s.filled.text) for s in compiled.sections]
    html = render("html", compiled.tables, sections=sections).decode()
    assert "@media print" in html and "本年度新收申请3件。" in html and "{新收申请}" not in html
