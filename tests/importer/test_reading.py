"""Report files → text: encodings, HTML tables, Word and Excel files, and files that are not reports."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import Workbook

from gongkai.domain.errors import ExtractionError
from gongkai.domain.extraction import extract_text
from gongkai.importer.reading import decode_text, html_to_text, read_report, text_of

REPORT = "某县统计局2020年政府信息公开工作年度报告\n全年收到政府信息公开申请12件，未收取费用。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_text_files_in_the_encodings_reports_come_in(encoding: str) -> None:
    text = text_of(REPORT.encode(encoding), name="report.txt")
    assert extract_text(text).fields == {"requests_received": 12, "fees_yuan": 0}


def test_big5_traditional_text() -> None:
    traditional = "某縣統計局2020年政府信息公開工作年度報告\n全年收到政府信息公開申請12件。\n"
    assert decode_text(traditional.encode("big5")) == traditional
    assert extract_text(text_of(traditional.encode("big5"), name="r.txt")).fields == {"requests_received": 12}


def test_html_keeps_table_rows_as_pipe_lines_and_drops_scripts() -> None:
    html = """<html><head><meta charset="gb2312"><title>某局2023年政府信息公开工作年度报告</title>
    <script>var x = "收到政府信息公开申请99件";</script></head><body>
    <div class="nav">首页 &gt; 政务公开</div>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table><tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td><p align="center">5</p></td>
    <td>&nbsp;</td><td>3</td></tr></table><p>第一段<br>第二段</p></body></html>"""
    text = text_of(html.encode("gb18030"), name="page.html")
    lines = text.split("\n")
    assert "| 一、本年新收政府信息公开申请数量 | 5 |  | 3 |" in lines
    assert "99" not in text
    assert lines[0] == "某局2023年政府信息公开工作年度报告"
    assert lines[-2:] == ["第一段", "第二段"]


def test_a_text_file_holding_a_pages_markup_is_read_as_the_page() -> None:
    """A scraper that saved the page source, or a script string holding the report's HTML, as .txt."""
    cells = "".join(
        f'<td style=\\"width:40px;\\"><p>{value}</p></td>' for value in (7, 1, "&nbsp;", 2, 0, 0, 10)
    )
    rows = "".join(f"<p>第{index}段正文。</p>" for index in range(20))
    source = (
        'var menu = [{"id": "1", "name": "政务公开"}];\n'
        'let content = "<p>某局2023年政府信息公开工作年度报告</p>'
        + rows
        + "<p>三、收到和处理政府信息公开申请情况</p>"
        "<table><tr><td>一、本年新收政府信息公开申请数量</td>" + cells + '</tr></table>"'
    )
    text = text_of(source.encode("utf-8"), name="scraped.txt")
    assert "| 一、本年新收政府信息公开申请数量 | 7 | 1 |  | 2 | 0 | 0 | 10 |" in text.split("\n")
    assert extract_text(text).fields["requests_received"] == 10


def test_a_text_that_mentions_a_tag_stays_text() -> None:
    assert (
        text_of("全年收到申请3件。<p>标签仅此一处</p>".encode(), name="r.txt")
        == "全年收到申请3件。<p>标签仅此一处</p>"
    )


def test_a_table_inside_a_layout_table_keeps_the_page_order() -> None:
    html = (
        "<table><tr><td><p>一、总体情况，本段文字足够长，像是一个用于排版的表格里面的正文段落内容。</p>"
        "<table><tr><td>规章</td><td>1</td></tr></table><p>五、存在的主要问题及改进情况</p></td></tr></table>"
    )
    lines = html_to_text(html).split("\n")
    assert lines.index("| 规章 | 1 |") > 0
    assert lines[-1] == "五、存在的主要问题及改进情况"


def _docx_report() -> bytes:
    document = Document()
    document.add_paragraph("某市统计局2023年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=2, cols=4)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "一、本年新收政府信息公开申请数量"
    table.cell(0, 2).text = "5"
    table.cell(0, 3).text = ""
    table.cell(1, 0).text = "规章"
    table.cell(1, 1).text = "0"
    document.add_paragraph("五、存在的主要问题及改进情况")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_document_order_merged_cells_once() -> None:
    lines = text_of(_docx_report(), name="report.docx").split("\n")
    assert lines[:2] == ["某市统计局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    assert lines[2] == "| 一、本年新收政府信息公开申请数量 | 5 |  |"
    assert lines[3].startswith("| 规章 | 0 |")
    assert lines[-1] == "五、存在的主要问题及改进情况"


def test_xlsx_rows_with_merged_cells_left_out() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["某市统计局2023年政府信息公开工作年度报告"])
    sheet.append(["一、本年新收政府信息公开申请数量", None, 5, 0, 5])
    sheet.merge_cells("A2:B2")
    buffer = io.BytesIO()
    workbook.save(buffer)
    lines = text_of(buffer.getvalue(), name="report.xlsx").split("\n")
    assert lines == [
        "某市统计局2023年政府信息公开工作年度报告",
        "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 5 |",
    ]


def _minimal_pdf(words: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({words}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_is_read_page_by_page() -> None:
    assert "Annual report 2023" in text_of(_minimal_pdf("Annual report 2023"), name="report.pdf")


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"", "empty.txt", "是空的"),
        (b"   \n\n", "blank.html", "是空的"),
        (b"PK\x03\x04not really a zip", "broken.docx", "不是有效的 Word"),
        (b"%PDF-1.4 garbage", "broken.pdf", "不是有效的 PDF"),
        (b"\xd0\xcf\x11\xe0 old word", "old.doc", "另存为 .docx"),
        (b"abc\x00\x00\x00def" * 10, "binary.txt", "不是文本文件"),
        (b"<html><body><script>x</script></body></html>", "nothing.html", "没有可读取的文字"),
    ],
)
def test_files_that_cannot_be_read_say_why_and_name_the_file(data: bytes, name: str, says: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        text_of(data, name=name)
    assert says in caught.value.message
    assert name in caught.value.message


def test_a_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExtractionError, match="无法读取文件“gone.txt”"):
        read_report(tmp_path / "gone.txt")
