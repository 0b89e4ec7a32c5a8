import pytest

from gongkai.domain.identity import is_valid_resident_id, resident_id_check_digit


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "440524188001010014"])
def test_valid_numbers_pass(number):
    assert is_valid_resident_id(number)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",
        "11010519491331002X",
        "1101051949123100",
        "11010519491231002Y",
        "",
        "abcdefghijklmnopqr",
    ],
)
def test_invalid_numbers_fail(number):
    assert not is_valid_resident_id(number)


def test_check_digit_ten_is_written_x():
    assert resident_id_check_digit("11010519491231002") == "X"
