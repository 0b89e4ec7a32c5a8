"""A year's tables from GROUP BY counts instead of one fact per record.

``annual_report.compile`` folds facts. A database holds millions of requests; loading them one by
one is what a report must not do. A request's contribution to year Y's table 三 depends only on
its applicant type, its final reply type and two yes/no questions (docs/domain.md §1):

- was it received before 1 January of Y (carried over) or in Y (new)?
- was it still open on 31 December of Y (carried forward) or concluded in Y (a result)?

and only requests open at some time in Y count at all (received by 31 December, not concluded
before 1 January). So the database can group by those four things (a few hundred groups at most)
and this module turns each group back into one :class:`ApplicationFact` with its ``count`` and
representative dates, which ``compile_tables`` folds exactly as it folds single records: the
definitions stay in one place. :func:`application_bucket` states the two questions in Python;
``gongkai.reports.queries`` asks them in SQL (the tests check both against ``compile_tables``).
Publications and disputes are bucketed the same way.

The pre-2019 statistics table (政府信息公开情况统计表, seed 002) has no fold in ``compile``; it is
built here, from the same groups, by :func:`statistics_cells`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from gongkai.domain.annual_report.compile import (
    ApplicationFact,
    DisputeFact,
    PublicationFact,
    PublicationKind,
)
from gongkai.domain.annual_report.tables import Cells
from gongkai.domain.annual_report.templates import EXTRA_COLUMN, PRE2019_TABLE, REPLY_TYPE_TO_OLDER
from gongkai.domain.errors import InvalidInput
from gongkai.domain.outcomes import ApplicantType, Channel, DisputeKind, DisputeOutcome, ReplyType

RepealState = Literal["in_force", "in_year", "before"]

_DAY = dt.timedelta(days=1)


def _bounds(year: int) -> tuple[dt.date, dt.date]:
    if isinstance(year, bool) or not isinstance(year, int) or not dt.MINYEAR < year < dt.MAXYEAR:
        raise InvalidInput(f"年度“{year}”无效", where="year")
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _positive(count: int, where: str) -> None:
    if not (type(count) is int and count > 0):
        raise InvalidInput(f"件数{count!r}应为正整数", where=where)


# --- requests (table 三) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApplicationGroup:
    """One GROUP BY row of an agency's requests open at some time in the year.

    ``reply_type`` is the final reply's type (None, or ignored, while open at the year's end);
    ``channel`` and ``extended`` (an extension was approved) are only needed by the pre-2019 table.
    """

    applicant_type: ApplicantType
    reply_type: ReplyType | None
    received_before: bool  # received before 1 January: 上年结转, else 本年新收
    open_at_end: bool  # not concluded by 31 December: 结转下年度, else a result of the year
    count: int
    channel: Channel | None = None
    extended: bool = False


def application_bucket(received: dt.date, concluded: dt.date | None, year: int) -> tuple[bool, bool] | None:
    """(received_before, open_at_end) for a request in ``year``, or None when it plays no part.

    The SQL of ``gongkai.reports.queries`` asks exactly these questions:
    ``received_on <= L AND NOT concluded_on < F`` selects; ``received_on < F`` and
    ``concluded_on IS NULL OR concluded_on > L`` are the two flags (F, L: first and last day).
    """
    first, last = _bounds(year)
    if received > last or (concluded is not None and concluded < first):
        return None
    return received < first, concluded is None or concluded > last


def application_facts(groups: Iterable[ApplicationGroup], year: int) -> Iterator[ApplicationFact]:
    """One fact per group with dates that fall in its buckets, for ``compile_tables``."""
    first, last = _bounds(year)
    for index, group in enumerate(groups):
        _positive(group.count, f"applications[{index}].count")
        yield ApplicationFact(
            received=first - _DAY if group.received_before else first,
            applicant_type=group.applicant_type,
            concluded=None if group.open_at_end else last,
            reply_type=None if group.open_at_end else group.reply_type,
            count=group.count,
        )


# --- publications (table 二) ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicationGroup:
    """One GROUP BY row of an agency's regulations or normative documents issued by 31 December.

    ``repeal``: ``in_force`` (not repealed by 31 December), ``in_year`` (repealed in the year) or
    ``before`` (repealed before 1 January).
    """

    kind: PublicationKind
    issued_in_year: bool
    repeal: RepealState
    count: int


def publication_bucket(
    issued: dt.date, repealed: dt.date | None, year: int
) -> tuple[bool, RepealState] | None:
    """(issued_in_year, repeal state) of a document in ``year``; None if issued after the year."""
    first, last = _bounds(year)
    if issued > last:
        return None
    if repealed is None or repealed > last:
        state: RepealState = "in_force"
    else:
        state = "in_year" if repealed >= first else "before"
    return issued >= first, state


def publication_facts(groups: Iterable[PublicationGroup], year: int) -> Iterator[PublicationFact]:
    first, last = _bounds(year)
    for index, group in enumerate(groups):
        _positive(group.count, f"publications[{index}].count")
        if group.issued_in_year and group.repeal == "before":
            raise InvalidInput("本年制发的文件不可能在本年以前废止", where=f"publications[{index}].repeal")
        issued = first if group.issued_in_year else first - _DAY
        repealed = {"in_force": None, "in_year": last, "before": first - _DAY}[group.repeal]
        yield PublicationFact(kind=group.kind, issued=issued, repealed=repealed, count=group.count)


# --- disputes (table 四) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DisputeGroup:
    """One GROUP BY row of the disputes filed in the year, by kind and outcome on 31 December."""

    kind: DisputeKind
    outcome_at_end: DisputeOutcome  # PENDING when not decided by 31 December
    count: int


def dispute_outcome_at_end(
    filed: dt.date, decided: dt.date | None, outcome: DisputeOutcome, year: int
) -> DisputeOutcome | None:
    """The column a dispute counts in for ``year``, or None when it was not filed in the year."""
    first, last = _bounds(year)
    if not first <= filed <= last:
        return None
    return DisputeOutcome.PENDING if decided is None or decided > last else outcome


def dispute_facts(groups: Iterable[DisputeGroup], year: int) -> Iterator[DisputeFact]:
    first, last = _bounds(year)
    for index, group in enumerate(groups):
        _positive(group.count, f"disputes[{index}].count")
        pending = group.outcome_at_end == DisputeOutcome.PENDING
        yield DisputeFact(
            kind=group.kind,
            filed=first,
            outcome=group.outcome_at_end,
            decided=None if pending else last,
            count=group.count,
        )


# --- the pre-2019 statistics table (政府信息公开情况统计表) ---------------------------------------

# 三、依申请公开情况 (一) counts requests by how they came: 当面/传真/网络/信函. E-mail is a 网络 channel;
# both kinds of post are 信函.
CHANNEL_ROWS: dict[Channel, str] = {
    Channel.IN_PERSON: "requests.in_person",
    Channel.FAX: "requests.fax",
    Channel.ONLINE: "requests.online",
    Channel.EMAIL: "requests.online",
    Channel.POST_SIGNED: "requests.letter",
    Channel.POST_ORDINARY: "requests.letter",
}
_DISPUTE_ROWS: dict[DisputeKind, str] = {
    DisputeKind.REVIEW: "reviews",
    DisputeKind.LAWSUIT_DIRECT: "lawsuits",
    DisputeKind.LAWSUIT_AFTER_REVIEW: "lawsuits",
}
# The table has no 尚未审结 line and its total is the sum of the three outcomes: a dispute still
# pending at the year's end is counted under （三）其他情形数 (project convention).
_DISPUTE_COLUMNS: dict[DisputeOutcome, str] = {
    DisputeOutcome.UPHELD: "upheld",
    DisputeOutcome.CORRECTED: "corrected",
    DisputeOutcome.OTHER: "other",
    DisputeOutcome.PENDING: "other",
}
_RECORD_ROWS: tuple[str, ...] = tuple(
    row.id
    for row in PRE2019_TABLE.rows
    if row.id.split(".", 1)[0] in ("requests", "replies", "reviews", "lawsuits") or row.id == "fees_10k_yuan"
)
# 一、主动公开情况 (二): the channel lines, by the catalogue's release channels.
CHANNEL_RELEASE_ROWS: dict[str, str] = {
    "gazette": "proactive.gazette",
    "website": "proactive.website",
    "weibo": "proactive.weibo",
    "wechat": "proactive.wechat",
    "other": "proactive.other_channels",
}
# Rows the catalogue answers for the years it covers.
CATALOGUE_ROWS: tuple[str, ...] = (
    "proactive.total",
    "proactive.normative_documents",
    "proactive.normative_documents_issued",
    *CHANNEL_RELEASE_ROWS.values(),
)
RECORD_ROWS: frozenset[str] = frozenset(_RECORD_ROWS)


@dataclass(frozen=True)
class CatalogueTotals:
    """Counts from the catalogue for the pre-2019 table's 一、主动公开情况.

    ``published``: items published (发布日期) in the year; ``normative_published``: of which
    normative documents; ``normative_issued``: normative documents made (成文日期) in the year;
    ``channels``: releases in the year by channel (gazette, website, weibo, wechat, other).
    """

    published: int
    normative_published: int
    normative_issued: int
    channels: Mapping[str, int] = field(default_factory=dict)


def statistics_cells(
    *,
    year: int,
    applications: Iterable[ApplicationGroup],
    disputes: Iterable[DisputeGroup],
    fees_yuan: float,
    catalogue: CatalogueTotals | None = None,
) -> Cells:
    """The record-derived lines of the pre-2019 statistics table, every one stated (zeros included).

    Requests: （一）收到申请数 are those received in the year, by channel; （二）申请办结数 and
    （三）申请答复数 those concluded in it, 延期办结 when an extension was approved; replies map
    through ``REPLY_TYPE_TO_OLDER``. Reviews and lawsuits: those filed in the year. Fees: 万元.
    The 一、主动公开情况 lines come from ``catalogue`` when given (the catalogue covers the year);
    every other line is entered by hand.
    """
    _bounds(year)
    counts: dict[str, int | float] = dict.fromkeys(_RECORD_ROWS, 0)
    for index, group in enumerate(applications):
        _positive(group.count, f"applications[{index}].count")
        _count_request(counts, group, index)
    for index, dispute in enumerate(disputes):
        _positive(dispute.count, f"disputes[{index}].count")
        prefix = _DISPUTE_ROWS[dispute.kind]
        for row in (f"{prefix}.total", f"{prefix}.{_DISPUTE_COLUMNS[dispute.outcome_at_end]}"):
            counts[row] += dispute.count
    if fees_yuan < 0:
        raise InvalidInput(f"收费金额{fees_yuan}不能为负数", where="fees_yuan")
    counts["fees_10k_yuan"] = round(fees_yuan / 10_000, 6)
    if catalogue is not None:
        counts["proactive.total"] = catalogue.published
        counts["proactive.normative_documents"] = catalogue.normative_published
        counts["proactive.normative_documents_issued"] = catalogue.normative_issued
        for channel, row in CHANNEL_RELEASE_ROWS.items():
            counts[row] = catalogue.channels.get(channel, 0)
    return {row.id: {EXTRA_COLUMN: counts[row.id]} for row in PRE2019_TABLE.rows if row.id in counts}


def _count_request(counts: dict[str, int | float], group: ApplicationGroup, index: int) -> None:
    n = group.count
    if not group.received_before:
        if group.channel is None:
            raise InvalidInput("统计表需要申请方式", where=f"applications[{index}].channel")
        counts["requests.received"] += n
        counts[CHANNEL_ROWS[group.channel]] += n
    if group.open_at_end:
        return
    if group.reply_type is None:
        raise InvalidInput("已办结的申请缺少答复类型", where=f"applications[{index}].reply_type")
    counts["requests.concluded"] += n
    counts["requests.extended" if group.extended else "requests.on_time"] += n
    older = REPLY_TYPE_TO_OLDER[group.reply_type]
    counts["replies.total"] += n
    counts[older["pre2019-table"]] += n
    if "pre2019-table.reason" in older:
        counts[older["pre2019-table.reason"]] += n
