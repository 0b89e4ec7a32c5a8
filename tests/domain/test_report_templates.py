"""The formats' rows as data: exact wording, ids, structure, and the reply-type mapping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.domain.annual_report import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    DISPUTES,
    PRE2019_NEAREST,
    PRE2019_TABLE,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REPLY_TYPE_TO_OLDER,
    TEMPLATES,
    TableSpec,
    specs_for,
)
from gongkai.domain.outcomes import ReplyType

ALL_SPECS = (PROACTIVE_2021, PROACTIVE_2019, APPLICATIONS_2021, APPLICATIONS_2019, DISPUTES, PRE2019_TABLE)


@pytest.mark.parametrize(
    ("row_id", "label", "section_label"),
    [
        ("new", "一、本年新收政府信息公开申请数量", ""),
        ("carried_over", "二、上年结转政府信息公开申请数量", ""),
        ("granted", "（一）予以公开", "三、本年度办理结果"),
        ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"),
        ("refused", "（三）不予公开", "三、本年度办理结果"),
        ("refused.state_secret", "1.属于国家秘密", "（三）不予公开"),
        ("refused.three_safeties", "3.危及“三安全一稳定”", "（三）不予公开"),
        ("refused.query_matter", "8.属于行政查询事项", "（三）不予公开"),
        ("unable.still_unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
        ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
        (
            "other.no_fee_payment",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "（六）其他处理",
        ),
        ("total", "（七）总计", "三、本年度办理结果"),
        ("carried_forward", "四、结转下年度继续办理", ""),
    ],
)
def test_table_three_2021_rows_have_the_exact_template_wording(
    row_id: str, label: str, section_label: str
) -> None:
    row = APPLICATIONS_2021.row(row_id)
    assert (row.label, row.section_label) == (label, section_label)


def test_table_three_2021_has_every_reply_type_as_a_row_in_template_order() -> None:
    ids = APPLICATIONS_2021.row_ids
    assert ids[:3] == ("new", "carried_over", "granted")
    assert ids[-2:] == ("total", "carried_forward")
    assert [i for i in ids if i in {r.value for r in ReplyType}] == [r.value for r in ReplyType]
    assert [r.id for r in APPLICATIONS_2021.rows if r.is_subtotal] == [
        "refused",
        "unable",
        "not_processed",
        "other",
    ]


def test_subtotals_sum_their_numbered_sub_rows_and_total_sums_the_six_results() -> None:
    refused = APPLICATIONS_2021.row("refused")
    assert refused.sum_of == tuple(r.id for r in APPLICATIONS_2021.children("refused"))
    assert len(refused.sum_of) == 8
    assert APPLICATIONS_2021.row("total").sum_of == (
        "granted",
        "partial",
        "refused",
        "unable",
        "not_processed",
        "other",
    )


def test_2019_format_has_one_other_row_and_otherwise_the_same_rows() -> None:
    other = APPLICATIONS_2019.row("other")
    assert (other.label, other.is_subtotal, other.sum_of) == ("（六）其他处理", False, ())
    assert not [i for i in APPLICATIONS_2019.row_ids if i.startswith("other.")]
    same = [r for r in APPLICATIONS_2021.rows if not r.id.startswith("other")]
    assert [r for r in APPLICATIONS_2019.rows if not r.id.startswith("other")] == same


def test_table_three_columns_are_the_applicant_types_then_total() -> None:
    columns = [(c.id, c.label, c.group_label) for c in APPLICATIONS_2021.columns]
    assert columns == [
        ("natural_person", "自然人", ""),
        ("commercial", "商业企业", "法人或其他组织"),
        ("research", "科研机构", "法人或其他组织"),
        ("public_interest", "社会公益组织", "法人或其他组织"),
        ("legal_services", "法律服务机构", "法人或其他组织"),
        ("other_org", "其他", "法人或其他组织"),
        ("total", "总计", ""),
    ]
    assert APPLICATIONS_2021.column("total").sum_of == tuple(c for c, _, _ in columns[:6])


def test_label_path_and_names_for_messages() -> None:
    assert APPLICATIONS_2021.label_path("refused.state_secret") == (
        "三、本年度办理结果",
        "（三）不予公开",
        "1.属于国家秘密",
    )
    assert APPLICATIONS_2021.label_path("new") == ("一、本年新收政府信息公开申请数量",)
    assert APPLICATIONS_2021.row_name("total") == "总计"
    assert APPLICATIONS_2021.row_name("partial") == "部分公开"
    assert APPLICATIONS_2021.row_name("refused.state_secret") == "不予公开：属于国家秘密"
    assert DISPUTES.row_name("lawsuit_direct") == "行政诉讼（未经复议直接起诉）"


def test_table_two_2021_gives_each_row_its_own_columns() -> None:
    def columns(row: str) -> list[tuple[str, str]]:
        return [(c.id, c.label) for c in PROACTIVE_2021.columns_for(row)]

    documents = [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]
    assert columns("regulations") == columns("normative_documents") == documents
    assert (
        columns("licensing")
        == columns("punishment")
        == columns("coercion")
        == [("decisions", "本年处理决定数量")]
    )
    assert columns("fees") == [("amount_10k_yuan", "本年收费金额（单位：万元）")]
    normative = PROACTIVE_2021.row("normative_documents")
    assert (normative.label, normative.aliases, normative.section_label) == (
        "行政规范性文件",
        ("规范性文件",),
        "第二十条第（一）项",
    )
    assert [r.section_label for r in PROACTIVE_2021.rows][2:] == [
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert PROACTIVE_2021.title == "二、主动公开政府信息情况"


def test_table_two_2019_has_its_own_columns_and_a_signed_change() -> None:
    assert [c.label for c in PROACTIVE_2019.columns_for("regulations")] == [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    assert [(c.label, c.signed) for c in PROACTIVE_2019.columns_for("other_services")] == [
        ("上一年项目数量", False),
        ("本年增/减", True),
        ("处理决定数量", False),
    ]
    assert [c.id for c in PROACTIVE_2019.columns_for("fees")] == ["previous_year", "change"]
    procurement = PROACTIVE_2019.row("procurement")
    assert (procurement.label, procurement.section_label) == ("政府集中采购", "第二十条第（九）项")
    assert [c.label for c in PROACTIVE_2019.columns_for("procurement")] == ["采购项目数量", "采购总金额"]


def test_table_four_groups_are_rows_and_results_are_columns() -> None:
    assert DISPUTES.title == "四、政府信息公开行政复议、行政诉讼情况"
    assert [(r.id, r.label, r.section_label) for r in DISPUTES.rows] == [
        ("review", "行政复议", ""),
        ("lawsuit_direct", "未经复议直接起诉", "行政诉讼"),
        ("lawsuit_after_review", "复议后起诉", "行政诉讼"),
    ]
    assert [(c.id, c.label) for c in DISPUTES.columns] == [
        ("upheld", "结果维持"),
        ("corrected", "结果纠正"),
        ("other", "其他结果"),
        ("pending", "尚未审结"),
        ("total", "总计"),
    ]


def test_templates_name_their_document_numbers_and_hold_tables_two_to_four() -> None:
    assert TEMPLATES["2021"].name == "国办公开办函〔2021〕30号"
    assert TEMPLATES["2019"].name == "国办公开办函〔2019〕60号"
    assert TEMPLATES["2021"].table("applications") is APPLICATIONS_2021
    assert [t.title for t in TEMPLATES["2019"].tables] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    assert set(specs_for("pre2019-table")) == {"extra"}
    assert set(specs_for("2021")) == {"proactive", "applications", "disputes", "extra"}


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: f"{s.id}:{s.short_title}:{len(s.rows)}")
def test_every_reference_between_rows_and_columns_resolves(spec: TableSpec) -> None:
    assert len(set(spec.row_ids)) == len(spec.rows)
    for row in spec.rows:
        for other in (
            *row.sum_of,
            *((row.parent,) if row.parent else ()),
            *((row.within,) if row.within else ()),
        ):
            assert spec.has_row(other), (row.id, other)
        for column in spec.columns_for(row.id):
            assert spec.column(column.id) == column
    for column in spec.columns:
        assert all(spec.column(part) for part in column.sum_of)


def test_every_reply_type_maps_to_a_row_of_each_older_format() -> None:
    assert set(REPLY_TYPE_TO_OLDER) == set(ReplyType)
    numbered_replies = {r.id for r in PRE2019_TABLE.children("replies.total")}
    reasons = {r.id for r in PRE2019_TABLE.children("replies.refused")}
    for reply, older in REPLY_TYPE_TO_OLDER.items():
        assert APPLICATIONS_2019.has_row(older["2019"]), reply
        assert older["pre2019-table"] in numbered_replies, reply
        assert older.get("pre2019-table.reason", next(iter(reasons))) in reasons, reply
    assert REPLY_TYPE_TO_OLDER[ReplyType.OTHER_NO_CORRECTION]["2019"] == "other"
    assert REPLY_TYPE_TO_OLDER[ReplyType.REFUSED_STATE_SECRET] == {
        "2019": "refused.state_secret",
        "pre2019-table": "replies.refused",
        "pre2019-table.reason": "replies.refused.state_secret",
    }
    assert REPLY_TYPE_TO_OLDER[ReplyType.UNABLE_STILL_UNCLEAR]["pre2019-table"] == "replies.change_requested"
    assert PRE2019_NEAREST <= set(ReplyType)


_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "："})
_STAT_LINE = re.compile(r"^(?P<label>.+?) \| (?P<unit>[^|]+?) \|(?P<value>[^|]*)\|$")


def test_the_pre2019_table_follows_seed_002_line_by_line(corpus: Path) -> None:
    text = (corpus / "seed-002.txt").read_text(encoding="utf-8")
    lines = [m for line in text.splitlines() if (m := _STAT_LINE.match(line.strip())) and m["unit"] != "单位"]
    headings = [m["label"].translate(_HALF_TO_FULL) for m in lines if m["unit"] == "——"]
    rows = [(m["label"].translate(_HALF_TO_FULL), m["unit"]) for m in lines if m["unit"] != "——"]
    assert rows == [(r.label, r.unit) for r in PRE2019_TABLE.rows]
    assert len(headings) == 7
    assert set(headings) == {r.section_label for r in PRE2019_TABLE.rows if r.section_label}
