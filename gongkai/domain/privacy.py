"""Personal data in texts about to be published: 居民身份证 numbers, mobile numbers, bank card numbers.

Published government information must not leak personal information (2019 Regulation Art. 15:
information whose disclosure would harm a third party's lawful rights is not disclosed without
consent; docs/domain.md §2). Before a publication goes to confidentiality review (保密审查), its title,
text and attachments are scanned; every hit says what it looks like (masked) and where it is.

What counts as a hit, chosen to avoid false alarms on the many long numbers government texts carry
(document serials, dates, codes):

- 居民身份证号码: 18 characters, GB 11643-1999: a 6-digit area code, a real birth date (YYYYMMDD),
  a 3-digit sequence and the ISO 7064 MOD 11-2 check character (0-9 or X);
- mobile number: 11 digits 1[3-9]xxxxxxxxx, optionally +86/86 in front and grouped 3-4-4;
- bank card number: 16–19 digits, optionally grouped by fours, passing the Luhn check, starting with
  3, 4, 5, 6 or 9 (JCB/AmEx, Visa, Mastercard, 中国银联, domestic 95xx cards).

A number only counts when it stands alone: a candidate inside a longer run of digits (or letters
and digits) is not a hit. Where one run could be two kinds, an ID number wins over a bank card.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PrivacyKind(StrEnum):
    ID_CARD = "id_card"  # 居民身份证号码
    MOBILE = "mobile"  # 手机号码
    BANK_CARD = "bank_card"  # 银行卡号

    @property
    def label(self) -> str:
        return PRIVACY_KIND_LABELS[self]


PRIVACY_KIND_LABELS: dict[PrivacyKind, str] = {
    PrivacyKind.ID_CARD: "居民身份证号码",
    PrivacyKind.MOBILE: "手机号码",
    PrivacyKind.BANK_CARD: "银行卡号",
}


@dataclass(frozen=True)
class PrivacyHit:
    """One piece of personal data found in one text; ``value`` stays in memory, never stored."""

    kind: PrivacyKind
    source: str  # what was scanned: "标题", "正文", "附件 通知.docx 第2段"
    line: int  # 1-based
    column: int  # 1-based, in characters
    start: int  # offsets into the scanned text
    end: int
    value: str  # as written, separators included

    @property
    def preview(self) -> str:
        return mask_value(self.value, self.kind)

    @property
    def digits(self) -> str:
        return "".join(c for c in self.value if c.isdigit() or c in "Xx").upper()

    @property
    def where(self) -> str:
        return f"{self.source} 第{self.line}行第{self.column}列"


# GB 11643-1999 §7: check character from weights 2^(17-i) mod 11, ISO 7064 MOD 11-2.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_EARLIEST_BIRTH_YEAR = 1850

# Full-width digits and X map onto ASCII one-to-one, so offsets stay valid.
_FULL_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), 0xFF38, 0xFF58)}

_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6}[ -]?\d{8}[ -]?\d{3}[0-9Xx])(?![0-9A-Za-z])", re.ASCII)
_BANK = re.compile(
    r"(?<![0-9A-Za-z])(\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?![0-9A-Za-z])", re.ASCII
)
_MOBILE = re.compile(r"(?<![0-9])((?:\+?86[ -]?)?1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4}))(?![0-9])", re.ASCII)


def is_valid_id_number(text: str) -> bool:
    """True for an 18-character 居民身份证号码 with a real birth date and the right check character."""
    number = text.upper()
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return False
    if number[0] == "0":  # area codes run from 11 (北京) to 82 (澳门)
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < _EARLIEST_BIRTH_YEAR:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def luhn_valid(digits: str) -> bool:
    """The Luhn (ISO/IEC 7812-1) check over a string of digits."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_bank_card_number(digits: str) -> bool:
    return 16 <= len(digits) <= 19 and digits[0] in "34569" and luhn_valid(digits)


def mask_value(value: str, kind: PrivacyKind) -> str:
    """The value with its middle digits replaced by *, separators kept: 138****5678."""
    keep_head, keep_tail = (3, 4) if kind == PrivacyKind.MOBILE else (4, 4)
    positions = [i for i, c in enumerate(value) if c.isdigit() or c in "Xx"]
    if kind == PrivacyKind.MOBILE and len(positions) > 11:  # +86 in front: keep it and the next three
        keep_head += len(positions) - 11
    hidden = set(positions[keep_head : len(positions) - keep_tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(value))


def _located(kind: PrivacyKind, text: str, start: int, end: int, source: str) -> PrivacyHit:
    line_start = text.rfind("\n", 0, start) + 1
    return PrivacyHit(
        kind=kind,
        source=source,
        line=text.count("\n", 0, start) + 1,
        column=start - line_start + 1,
        start=start,
        end=end,
        value=text[start:end],
    )


def scan_text(text: str, *, source: str) -> list[PrivacyHit]:
    """Every ID number, mobile number and bank card number in ``text``, in reading order."""
    plain = text.translate(_FULL_WIDTH)
    taken: list[tuple[int, int]] = []
    hits: list[PrivacyHit] = []

    def take(kind: PrivacyKind, match: re.Match[str]) -> None:
        start, end = match.span(1)
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return
        taken.append((start, end))
        hits.append(_located(kind, text, start, end, source))

    for match in _ID.finditer(plain):
        if is_valid_id_number(re.sub(r"[ -]", "", match.group(1))):
            take(PrivacyKind.ID_CARD, match)
    for match in _BANK.finditer(plain):
        if is_bank_card_number(re.sub(r"[ -]", "", match.group(1))):
            take(PrivacyKind.BANK_CARD, match)
    for match in _MOBILE.finditer(plain):
        take(PrivacyKind.MOBILE, match)
    return sorted(hits, key=lambda hit: hit.start)


def scan(segments: Iterable[tuple[str, str]]) -> list[PrivacyHit]:
    """Scan several texts, each given as (source, text): a title, a body, a page of an attachment."""
    return [hit for source, text in segments for hit in scan_text(text, source=source)]


def mask_text(text: str, hits: Iterable[PrivacyHit]) -> str:
    """``text`` with each hit (found in this very text) replaced by its masked form."""
    pieces: list[str] = []
    cursor = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < cursor or text[hit.start : hit.end] != hit.value:
            continue
        pieces += [text[cursor : hit.start], hit.preview]
        cursor = hit.end
    pieces.append(text[cursor:])
    return "".join(pieces)
