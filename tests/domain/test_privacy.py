"""Personal data in texts about to be published: ID numbers (GB 11643), mobiles, bank cards (Luhn)."""

import pytest

from gongkai.domain.privacy import (
    PrivacyKind,
    is_bank_card_number,
    is_valid_id_number,
    luhn_valid,
    mask_text,
    mask_value,
    scan,
    scan_text,
)


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "441302198001010015"])
def test_an_id_number_with_the_right_check_character_is_valid(number):
    assert is_valid_id_number(number)


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("110105194912310021", "wrong check character"),
        ("441302198001010013", "wrong check character"),
        ("110105194902300027", "30 February"),
        ("011105194912310025", "no area code starts with 0"),
        ("11010518001231002X", "born before 1850"),
        ("11010519491231002", "17 digits"),
        ("1101051949123100212", "19 digits"),
    ],
)
def test_an_id_number_is_invalid(number, why):
    assert not is_valid_id_number(number), why


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("4111111111111111", True),
        ("4111111111111112", False),
        ("6222021234567890128", True),
        ("79927398713", True),
    ],
)
def test_luhn(digits, valid):
    assert luhn_valid(digits) is valid


def test_a_bank_card_needs_16_to_19_digits_a_card_network_prefix_and_the_luhn_check():
    assert is_bank_card_number("4111111111111111")
    assert is_bank_card_number("6222021234567890128")
    assert not is_bank_card_number("79927398713")  # Luhn-valid but 11 digits
    assert not is_bank_card_number("2111111111111118")  # Luhn-valid, but no card network starts with 2


def test_each_hit_says_what_it_is_and_where_line_and_column():
    text = (
        "关于表彰的通知\n"
        "获奖人：张三，身份证11010519491231002X，电话 138-1234-5678。\n"
        "卡号 6222 0212 3456 7890 128"
    )
    hits = scan_text(text, source="正文")
    assert [(h.kind, h.line, h.column) for h in hits] == [
        (PrivacyKind.ID_CARD, 2, 11),
        (PrivacyKind.MOBILE, 2, 33),
        (PrivacyKind.BANK_CARD, 3, 4),
    ]
    assert hits[0].where == "正文 第2行第11列"
    assert [h.preview for h in hits] == ["1101**********002X", "138-****-5678", "6222 **** **** ***0 128"]
    assert text[hits[0].start : hits[0].end] == "11010519491231002X"


@pytest.mark.parametrize(
    "text",
    [
        "编号 911010519491231002X 不是身份证",  # the number sits inside a longer run of digits
        "流水号 211010519491231002X7",
        "订单 41381234567812 号",  # a mobile-looking run inside 14 digits
        "合同编号 4111111111111111222",  # Luhn fails for the whole 19-digit run
        "统一社会信用代码 91441300MA4UJ8K55X",
        "成文日期 20170301，文号 2017030112345",
    ],
)
def test_no_false_alarm_inside_longer_runs_of_digits_or_codes(text):
    assert scan_text(text, source="正文") == []


def test_a_mobile_number_with_the_country_code_keeps_it_in_the_preview():
    (hit,) = scan_text("联系 +86 13912345678", source="标题")
    assert hit.kind == PrivacyKind.MOBILE
    assert hit.preview == "+86 139****5678"


def test_full_width_digits_are_found_and_located_in_the_original():
    text = "电话１３９１２３４５６７８"
    (hit,) = scan_text(text, source="正文")
    assert hit.column == 3 and hit.value == "１３９１２３４５６７８"


def test_an_id_number_wins_over_a_bank_card_reading_of_the_same_digits():
    number = "441302198001010357"  # a valid ID number that also passes the bank card checks
    assert is_valid_id_number(number) and is_bank_card_number(number)
    assert [h.kind for h in scan_text(number, source="正文")] == [PrivacyKind.ID_CARD]


def test_scan_reports_each_source_separately():
    hits = scan([("标题", "13912345678"), ("附件 a.docx", "第一行\n11010519491231002X")])
    assert [(h.source, h.line) for h in hits] == [("标题", 1), ("附件 a.docx", 2)]


def test_masking_replaces_only_the_hits():
    text = "张三 11010519491231002X，李四 13912345678。"
    masked = mask_text(text, scan_text(text, source="正文"))
    assert masked == "张三 1101**********002X，李四 139****5678。"
    assert scan_text(masked, source="正文") == []


def test_mask_value_keeps_separators():
    assert mask_value("6222 0212 3456 7890", PrivacyKind.BANK_CARD) == "6222 **** **** 7890"
