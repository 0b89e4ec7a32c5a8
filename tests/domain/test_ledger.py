from datetime import date, datetime
from decimal import Decimal

import pytest

from gongkai.domain.ledger import Conclusion, RowError, parse_ledger
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType

TODAY = date(2025, 12, 31)
CHINESE = [
    "申请编号",
    "收到日期",
    "申请方式",
    "申请人类型",
    "申请人",
    "申请内容",
    "办理结果",
    "答复日期",
    "是否延期",
    "收费金额",
]
ENGLISH = [
    "ref",
    "received",
    "channel",
    "applicant_type",
    "applicant",
    "content",
    "outcome",
    "replied",
    "extended",
    "fee_yuan",
]


def row(**changes):
    values = {
        "ref": "2025-001",
        "received": "2025-03-03",
        "channel": "网络",
        "applicant_type": "自然人",
        "applicant": "张三",
        "content": "2024年执法检查计划",
        "outcome": "予以公开",
        "replied": "2025-03-20",
        "extended": "否",
        "fee_yuan": "",
    }
    values.update(changes)
    return [values[column] for column in ENGLISH]


def test_chinese_headers_and_labels_become_typed_rows():
    still_open = row(
        ref="2025-002",
        channel="信函",
        applicant_type="法律服务机构",
        outcome="",
        replied="",
        extended="是",
        fee_yuan="100",
    )
    parsed = parse_ledger([CHINESE, row(), still_open], today=TODAY)
    assert parsed.errors == ()
    first, second = parsed.rows
    assert (first.line, first.ref, first.received, first.channel) == (
        2,
        "2025-001",
        date(2025, 3, 3),
        Channel.ONLINE,
    )
    assert (first.outcome, first.conclusion, first.replied) == (
        ReplyType.GRANTED,
        Conclusion.REPLIED,
        date(2025, 3, 20),
    )
    assert second.channel == Channel.POST_SIGNED  # 信函: the ledger's one kind of letter
    assert second.applicant_type == ApplicantType.LEGAL_SERVICES
    assert (second.outcome, second.replied, second.extended, second.fee_yuan) == (
        None,
        None,
        True,
        Decimal("100.00"),
    )


def test_english_headers_in_any_order_with_excel_cells():
    header = list(reversed(ENGLISH))
    cells = list(
        reversed(
            [
                7,
                datetime(2025, 3, 3),
                "post",
                "commercial",
                "某公司",
                "安全评价报告",
                "partial",
                date(2025, 4, 1),
                1,
                12.5,
            ]
        )
    )
    parsed = parse_ledger([header, cells], today=TODAY)
    assert parsed.errors == ()
    (only,) = parsed.rows
    assert (only.ref, only.received, only.applicant_type) == ("7", date(2025, 3, 3), ApplicantType.COMMERCIAL)
    assert (only.outcome, only.extended, only.fee_yuan) == (ReplyType.PARTIAL, True, Decimal("12.50"))


@pytest.mark.parametrize(
    ("label", "reply_type", "conclusion"),
    [
        ("（三）1.属于国家秘密", ReplyType.REFUSED_STATE_SECRET, Conclusion.REPLIED),
        ("危及“三安全一稳定”", ReplyType.REFUSED_THREE_SAFETIES, Conclusion.REPLIED),
        ("本机关不掌握相关政府信息", ReplyType.UNABLE_NOT_HELD, Conclusion.REPLIED),
        ("重复申请", ReplyType.NOT_PROCESSED_DUPLICATE, Conclusion.REPLIED),
        ("不予处理：信访举报投诉类申请", ReplyType.NOT_PROCESSED_PETITION, Conclusion.REPLIED),
        ("not_processed.excessive", ReplyType.NOT_PROCESSED_EXCESSIVE, Conclusion.REPLIED),
        ("其他", ReplyType.OTHER_OTHER, Conclusion.REPLIED),
        (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ReplyType.OTHER_NO_CORRECTION,
            Conclusion.GIVEN_UP,
        ),
        ("逾期未缴费", ReplyType.OTHER_NO_FEE_PAYMENT, Conclusion.GIVEN_UP),
        ("撤回", ReplyType.OTHER_OTHER, Conclusion.WITHDRAWN),
        ("同意部分公开", ReplyType.PARTIAL, Conclusion.REPLIED),
    ],
)
def test_outcomes_accept_ids_our_labels_and_the_template_rows(label, reply_type, conclusion):
    parsed = parse_ledger([CHINESE, row(outcome=label)], today=TODAY)
    assert parsed.errors == ()
    assert (parsed.rows[0].outcome, parsed.rows[0].conclusion) == (reply_type, conclusion)


def test_every_bad_cell_is_reported_with_row_column_value_and_reason():
    table = [
        CHINESE,
        row(received="2025/13/01"),
        row(ref="2025-003", channel="微信", applicant_type="个体户", fee_yuan="-5"),
        row(ref="2025-004", replied="2025-02-01"),
        row(ref="2025-005", outcome="", replied="2025-04-01"),
        row(ref="2025-006", outcome="予以公开", replied=""),
        row(ref="2025-001"),
        row(ref="2025-007", received="2099-01-01", replied="", outcome="", extended="也许"),
        row(ref="", content=""),
        row(ref="2025-008", outcome="逾期未缴费", received="2020-06-01", replied="2020-08-01"),
        row(ref="2025-009", outcome="大概公开了"),
    ]
    parsed = parse_ledger(table, today=TODAY)
    assert parsed.rows == ()
    found = {(e.row, e.column, e.value) for e in parsed.errors}
    assert found == {
        (2, "收到日期", "2025/13/01"),
        (3, "申请方式", "微信"),
        (3, "申请人类型", "个体户"),
        (3, "收费金额", "-5"),
        (4, "答复日期", "2025-02-01"),
        (5, "办理结果", ""),
        (6, "答复日期", ""),
        (7, "申请编号", "2025-001"),
        (8, "收到日期", "2099-01-01"),
        (8, "是否延期", "也许"),
        (9, "申请编号", ""),
        (9, "申请内容", ""),
        (10, "办理结果", "其他处理：申请人逾期未按收费通知要求缴纳费用"),
        (11, "办理结果", "大概公开了"),
    }
    why = {(e.row, e.column): e.why for e in parsed.errors}
    assert why[(4, "答复日期")] == "早于收到日期 2025-03-03"
    assert why[(7, "申请编号")] == "与第2行的申请编号重复"
    assert why[(9, "申请编号")] == "必填"
    assert why[(8, "收到日期")] == "晚于今天"


def test_the_error_reads_as_the_contract_says():
    error = RowError(7, "收到日期", "2025/13/01", "没有这一天")
    assert str(error) == "第7行 列“收到日期” 值“2025/13/01”：没有这一天"


def test_missing_required_columns_are_named_and_nothing_is_parsed():
    parsed = parse_ledger([["申请编号", "收到日期", "备注"], ["1", "2025-03-03", "x"]], today=TODAY)
    assert parsed.rows == ()
    assert {e.column for e in parsed.errors} == {"申请方式", "申请人类型", "申请人", "申请内容"}
    assert all(e.row == 1 and "缺少必需的列" in e.why for e in parsed.errors)


def test_a_title_row_above_the_header_and_blank_rows_are_skipped_and_rows_keep_their_numbers():
    table = [
        ["某局2025年政府信息公开申请台账"],
        CHINESE + ["序号"],
        [None] * 11,
        row() + ["1"],
        row(ref="2025-002", received="x") + ["2"],
    ]
    parsed = parse_ledger(table, today=TODAY)
    assert [(e.row, e.column) for e in parsed.errors] == [(5, "收到日期")]
    assert parsed.ignored_columns == ("序号",)
    assert parse_ledger(table[:4], today=TODAY).rows[0].line == 4


def test_a_file_without_a_recognisable_header_is_one_error():
    parsed = parse_ledger([["a", "b"], ["1", "2"]], today=TODAY)
    assert len(parsed.errors) == 1 and "找不到表头" in parsed.errors[0].why
