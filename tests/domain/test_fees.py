"""Information-processing fees (国办函〔2020〕109号; docs/domain.md §1 "Fees")."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.domain.errors import InvalidInput
from gongkai.domain.fees import (
    Fee,
    FeeMethod,
    fee_by_count,
    fee_by_count_total,
    fee_by_volume,
    fee_for,
)

IN_FORCE = date(2021, 1, 1)


@pytest.mark.parametrize(
    ("nth", "yuan"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (35, 200), (40, 200), (41, 300), (50, 300), (51, 400),
     (60, 400), (61, 500), (101, 900)],
)  # fmt: skip
def test_fee_by_count(nth: int, yuan: int) -> None:
    assert fee_by_count(nth) == yuan


@pytest.mark.parametrize(
    ("requests", "yuan"),
    [
        (0, 0),
        (10, 0),
        (11, 100),
        (30, 2000),
        (35, 3000),  # the measures' example: 10 x 0 + 20 x 100 + 5 x 200
        (40, 4000),
        (41, 4300),
        (50, 7000),
        (55, 9000),
    ],
)
def test_fee_by_count_total(requests: int, yuan: int) -> None:
    assert fee_by_count_total(requests) == yuan


def test_total_is_the_sum_of_each_request() -> None:
    for requests in range(0, 400):
        assert fee_by_count_total(requests) == sum(fee_by_count(n) for n in range(1, requests + 1))


@pytest.mark.parametrize(
    ("pages", "yuan"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),
        (101, 720),
        (200, 2700),
        (201, 2740),
        (250, 4700),  # the measures' example: 30 x 0 + 70 x 10 + 100 x 20 + 50 x 40
    ],
)
def test_fee_by_volume(pages: int, yuan: int) -> None:
    assert fee_by_volume(pages) == yuan


def test_fee_for_by_volume_explains_the_bands() -> None:
    fee = fee_for(method=FeeMethod.BY_VOLUME, pages=250, received=date(2024, 3, 1))
    assert fee == Fee(
        method=FeeMethod.BY_VOLUME,
        amount_yuan=4700,
        basis=(
            "按量计收（国办函〔2020〕109号）：共250页，第1—30页免费，第31—100页70页×10元=700元，"
            "第101—200页100页×20元=2000元，第201—250页50页×40元=2000元，合计4700元。"
        ),
    )


def test_fee_for_by_count() -> None:
    fee = fee_for(method=FeeMethod.BY_COUNT, nth_in_month=35, received=date(2024, 3, 1))
    assert fee is not None
    assert fee.amount_yuan == 200
    assert "第35件" in fee.basis
    assert "第31—40件" in fee.basis


@pytest.mark.parametrize(
    ("method", "figures", "received"),
    [
        (FeeMethod.BY_COUNT, {"nth_in_month": 10}, IN_FORCE),  # within the free threshold
        (FeeMethod.BY_VOLUME, {"pages": 30}, IN_FORCE),
        (FeeMethod.BY_COUNT, {"nth_in_month": 35}, date(2020, 12, 31)),  # before the measures
        (FeeMethod.BY_VOLUME, {"pages": 250}, date(2020, 12, 31)),
    ],
)
def test_no_fee(method: FeeMethod, figures: dict[str, int], received: date) -> None:
    assert fee_for(method=method, received=received, **figures) is None


def test_first_day_in_force() -> None:
    fee = fee_for(method=FeeMethod.BY_COUNT, nth_in_month=11, received=IN_FORCE)
    assert fee is not None
    assert fee.amount_yuan == 100


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (lambda: fee_by_count(0), "nth_in_month"),
        (lambda: fee_by_count(-3), "nth_in_month"),
        (lambda: fee_by_count_total(-1), "requests_in_month"),
        (lambda: fee_by_volume(-1), "pages"),
        (lambda: fee_for(method=FeeMethod.BY_COUNT, received=IN_FORCE), "nth_in_month"),
        (lambda: fee_for(method=FeeMethod.BY_VOLUME, received=IN_FORCE), "pages"),
        (lambda: fee_for(method=FeeMethod.BY_COUNT, nth_in_month=12, pages=40, received=IN_FORCE), "pages"),
        (
            lambda: fee_for(method=FeeMethod.BY_VOLUME, nth_in_month=12, pages=40, received=IN_FORCE),
            "nth_in_month",
        ),
        (
            lambda: fee_for(method=FeeMethod.BY_COUNT, nth_in_month=0, received=date(2020, 1, 1)),
            "nth_in_month",
        ),
    ],
)
def test_invalid_figures(call: object, where: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        call()  # type: ignore[operator]
    assert raised.value.where == where
