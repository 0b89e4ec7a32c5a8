"""Numerals and normalisation: how a report's raw text becomes one spelling, line for line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.extraction.normalize import compact, normalize, to_halfwidth, to_simplified
from gongkai.domain.extraction.numerals import Number, parse_cell, parse_number
from gongkai.domain.extraction.sections import read_document


@pytest.mark.parametrize(
    ("figure", "prefix", "suffix", "expected"),
    [
        ("2825", "", "", Number(2825)),
        ("2,825", "", "", Number(2825)),
        ("110,578", "", "", Number(110578)),
        ("0", "", "", Number(0)),
        ("三", "", "", Number(3)),
        ("一千二百", "", "", Number(1200)),
        ("两百", "", "", Number(200)),
        ("十二", "", "", Number(12)),
        ("一百零五", "", "", Number(105)),
        ("三百", "", "余", Number(300, approximate=True)),
        ("300", "", "多", Number(300, approximate=True)),
        ("300", "约", "", Number(300, approximate=True)),
        ("1.2万", "", "", Number(12000, approximate=True)),
        ("3万", "", "", Number(30000)),
        ("0.5", "", "", Number(0.5)),
    ],
)
def test_figures_read_as_reports_write_them(figure: str, prefix: str, suffix: str, expected: Number) -> None:
    assert parse_number(figure, prefix=prefix, suffix=suffix) == expected


@pytest.mark.parametrize("figure", ["万", "亿", "百万万万", "十十", ""])
def test_not_a_figure(figure: str) -> None:
    assert parse_number(figure) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("12", 12), ("+2", 2), ("-1", -1), ("0.5", 0.5), ("2,825", 2825), ("251000元", 251000), ("5件", 5)],
)
def test_table_cells(cell: str, expected: int | float) -> None:
    assert parse_cell(cell) == expected


@pytest.mark.parametrize("cell", ["", "—", "规章", "2.重复申请", "25.1万元", "1 2"])
def test_cells_that_are_not_figures(cell: str) -> None:
    assert parse_cell(cell) is None


def test_traditional_becomes_simplified() -> None:
    assert (
        to_simplified("柳州市質量技術監督局政府信息公開工作年度報告")
        == "柳州市质量技术监督局政府信息公开工作年度报告"
    )


# Phrases OpenCC converts as a whole, though some of their characters are unchanged on their own.
_PHRASES = ["反覆", "打坏", "沈沒", "瞭解", "憑藉", "衹得", "彷彿", "傢俱", "么麼", "二噁英", "鍾馗", "項鍊"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*_PHRASES, "公开", "申请", "复议", "坏", "沈", "覆", "开", "開", "\n", " ", "𠀀", "a"]
        ),
        max_size=30,
    )
)
def test_skipping_the_conversion_never_changes_the_result(pieces: list[str]) -> None:
    import opencc

    text = "".join(pieces)
    assert to_simplified(text) == opencc.OpenCC("t2s").convert(text)


def test_a_simplified_text_is_returned_as_it_is() -> None:
    text = "本机关全年收到政府信息公开申请34件,均已答复"
    assert to_simplified(text) is text


def test_full_width_becomes_half_width() -> None:
    assert to_halfwidth("（一）收到申请２，８２５件；｜　") == "(一)收到申请2,825件;| "


def test_normalize_keeps_every_line_and_blanks_page_furniture() -> None:
    raw = "報(bào)告\r\n11.png\r\n【打印本页】\r\n正文 \r首页\n第六行\n相关阅读：\n别的报告2015年\n再一篇"
    lines = normalize(raw).split("\n")
    assert len(lines) == len(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert lines[0] == "报告"
    assert lines[1] == "" and lines[2] == ""
    assert lines[3] == "正文"
    assert lines[5] == "第六行"
    assert lines[6:] == ["", "", ""]  # everything after 相关阅读 late in the page


def test_related_reading_early_in_the_page_is_not_the_end() -> None:
    raw = "相关阅读\n" + "正文一行\n" * 10
    assert normalize(raw).split("\n")[5] == "正文一行"


def test_compact_drops_pdf_spacing_around_cjk_only() -> None:
    assert (
        compact("  全年收到申请 34 件, www.example.gov.cn 1 2") == "全年收到申请34件, www.example.gov.cn 1 2"
    )
    assert compact("规章 | 0 | 0") == "规章 | 0 | 0"


def test_prose_joins_pdf_wrapped_lines_and_keeps_line_numbers() -> None:
    text = (
        "第一行是标题\n"
        "全年收到政府信息公开申请 34 件，上年结转政府信息公开\n"
        "申请 2 件，所有申请均已按要求办理完成，没有结转到\n"
        "下一年度。\n"
        "二、主动公开政府信息情况\n"
    )
    document = read_document(text)
    assert "上年结转政府信息公开申请2件" in document.prose
    position = document.prose.index("申请2件")
    assert document.line_of(position) == 3
    assert document.line_of(document.prose.index("二、")) == 5


def test_a_lone_paragraph_in_a_layout_table_is_prose() -> None:
    document = read_document(
        "| 2020年，我局收到政府信息公开申请5件，均按期答复，无行政复议和行政诉讼。 |\n| 规章 | 0 |"
    )
    assert "收到政府信息公开申请5件" in document.prose
    assert "规章" not in document.prose
