"""The information-processing fee (信息处理费) of 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).

In force 2021-01-01. Requests are free unless their number or frequency clearly exceeds a reasonable
range (2019 Regulation Art. 42); the agency then picks one method per request, never both, each
progressive over a free threshold (docs/domain.md §1 "Fees"):
- by count (按件计收), the n-th request of an applicant in a natural month: 1–10 free, 11–30 at
  100 yuan, then bands of 10 each 100 yuan dearer (31–40: 200, 41–50: 300, ...);
- by volume (按量计收), pages of one request: 1–30 free, 31–100 at 10 yuan, 101–200 at 20,
  from 201 at 40 a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.domain.errors import InvalidInput

FEES_FROM = date(2021, 1, 1)  # 国办函〔2020〕109号 in force
_SOURCE = "国办函〔2020〕109号"

# 按件计收: requests 1–10 free, 11–30 at 100 yuan; from the 31st, bands of 10, each 100 yuan more.
_COUNT_FREE = 10
_COUNT_FIRST_BAND_END = 30
_COUNT_FIRST_PRICE = 100
_COUNT_BAND = 10

# 按量计收: (first page, last page or None, yuan a page).
VOLUME_BANDS: tuple[tuple[int, int | None, int], ...] = (
    (1, 30, 0),
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)


class FeeMethod(StrEnum):
    BY_COUNT = "by_count"  # 按件计收
    BY_VOLUME = "by_volume"  # 按量计收


@dataclass(frozen=True)
class Fee:
    method: FeeMethod
    amount_yuan: int
    basis: str  # Chinese: the measures, the band(s) applied and the sum


def _count_band(nth: int) -> tuple[int, int, int]:
    """(first, last, price) of the by-count band holding the ``nth`` request."""
    if nth <= _COUNT_FREE:
        return 1, _COUNT_FREE, 0
    if nth <= _COUNT_FIRST_BAND_END:
        return _COUNT_FREE + 1, _COUNT_FIRST_BAND_END, _COUNT_FIRST_PRICE
    band = (nth - _COUNT_FIRST_BAND_END - 1) // _COUNT_BAND
    first = _COUNT_FIRST_BAND_END + 1 + band * _COUNT_BAND
    return first, first + _COUNT_BAND - 1, _COUNT_FIRST_PRICE * (band + 2)


def fee_by_count(nth_in_month: int) -> int:
    """Yuan for an applicant's ``nth_in_month`` request of a natural month (按件计收)."""
    if nth_in_month < 1:
        raise InvalidInput(f"本月第几件申请应为正整数，收到{nth_in_month}", where="nth_in_month")
    return _count_band(nth_in_month)[2]


def fee_by_count_total(requests_in_month: int) -> int:
    """Yuan for all ``requests_in_month`` requests of an applicant in one natural month (按件计收)."""
    if requests_in_month < 0:
        raise InvalidInput(f"本月申请件数不能为负数，收到{requests_in_month}", where="requests_in_month")
    paid = max(0, min(requests_in_month, _COUNT_FIRST_BAND_END) - _COUNT_FREE) * _COUNT_FIRST_PRICE
    beyond = max(0, requests_in_month - _COUNT_FIRST_BAND_END)
    full, rest = divmod(beyond, _COUNT_BAND)
    # Full bands j = 0 .. full-1 cost 10 x 100 x (j + 2) each; the partial band costs 100 x (full + 2) each.
    full_bands = _COUNT_BAND * _COUNT_FIRST_PRICE * (2 * full + full * (full - 1) // 2)
    return paid + full_bands + rest * _COUNT_FIRST_PRICE * (full + 2)


def fee_by_volume(pages: int) -> int:
    """Yuan for ``pages`` pages of one request (按量计收)."""
    return sum(count * price for _, _, count, price in _volume_parts(pages))


def _volume_parts(pages: int) -> list[tuple[int, int, int, int]]:
    """The bands ``pages`` reaches, as (first page, last page, pages in band, yuan a page)."""
    if pages < 0:
        raise InvalidInput(f"页数不能为负数，收到{pages}", where="pages")
    parts = []
    for first, last, price in VOLUME_BANDS:
        if pages < first:
            break
        end = pages if last is None else min(pages, last)
        parts.append((first, end, end - first + 1, price))
    return parts


def fee_for(
    *, method: FeeMethod, nth_in_month: int | None = None, pages: int | None = None, received: date
) -> Fee | None:
    """The fee of a request received on ``received``, or None when it is free.

    None before 2021-01-01: no fee measures were in force. The method uses one figure; passing
    the other one is an error (the measures allow one method per request, never both).
    """
    if method is FeeMethod.BY_COUNT:
        figure = _only(nth_in_month, "nth_in_month", other=pages, other_name="pages", method=method)
        amount = fee_by_count(figure)
    else:
        figure = _only(pages, "pages", other=nth_in_month, other_name="nth_in_month", method=method)
        amount = fee_by_volume(figure)
    if received < FEES_FROM or amount == 0:
        return None
    basis = _count_basis(figure) if method is FeeMethod.BY_COUNT else _volume_basis(figure)
    return Fee(method=method, amount_yuan=amount, basis=basis)


def _only(value: int | None, name: str, *, other: int | None, other_name: str, method: FeeMethod) -> int:
    if value is None:
        raise InvalidInput(f"{_LABELS[method]}需要提供 {name}", where=name)
    if other is not None:
        raise InvalidInput(
            f"{_LABELS[method]}不使用 {other_name}：一件申请只能选择一种计收方式", where=other_name
        )
    return value


_LABELS = {FeeMethod.BY_COUNT: "按件计收", FeeMethod.BY_VOLUME: "按量计收"}


def _count_basis(nth: int) -> str:
    first, last, price = _count_band(nth)
    return (
        f"按件计收（{_SOURCE}）：申请人本自然月第{nth}件申请，"
        f"属第{first}—{last}件区间，每件{price}元，计{price}元。"
    )


def _volume_basis(pages: int) -> str:
    parts = []
    for first, last, count, price in _volume_parts(pages):
        if price == 0:
            parts.append(f"第{first}—{last}页免费")
        else:
            parts.append(f"第{first}—{last}页{count}页×{price}元={count * price}元")
    return f"按量计收（{_SOURCE}）：共{pages}页，{'，'.join(parts)}，合计{fee_by_volume(pages)}元。"
