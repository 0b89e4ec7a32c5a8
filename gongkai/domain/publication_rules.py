"""Rules of proactive publication (主动公开): workflow, validity, 索引号, the 20-working-day limit.

Sources: 2019 Regulation Art. 19–20 (what is published), Art. 26 (within 20 working days of the
information being formed or changed), Art. 17 and the 保密审查 practice (review before publication);
docs/domain.md §2.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.workdays import WorkCalendar

# 2019 Regulation Art. 26: published within 20 working days of being formed or changed.
PUBLICATION_TIME_LIMIT = 20


class Validity(StrEnum):
    """有效性 of a regulation or normative document."""

    VALID = "valid"  # 有效
    EXPIRED = "expired"  # 失效
    REPEALED = "repealed"  # 废止

    @property
    def label(self) -> str:
        return {"valid": "有效", "expired": "失效", "repealed": "废止"}[self.value]


class DocumentType(StrEnum):
    """2019 Art. 20(1): regulations and normative documents carry a validity; other items do not."""

    REGULATION = "regulation"  # 规章
    NORMATIVE = "normative"  # 行政规范性文件
    OTHER = "other"  # 其他

    @property
    def label(self) -> str:
        return {"regulation": "规章", "normative": "行政规范性文件", "other": "其他"}[self.value]

    @property
    def has_validity(self) -> bool:
        return self is not DocumentType.OTHER


class ReleaseChannel(StrEnum):
    """The channels the older reports count (国办发〔2014〕32号 statistics table)."""

    GAZETTE = "gazette"  # 政府公报
    WEBSITE = "website"  # 政府网站
    WEIBO = "weibo"  # 政务微博
    WECHAT = "wechat"  # 政务微信
    OTHER = "other"  # 其他方式

    @property
    def label(self) -> str:
        return {
            "gazette": "政府公报",
            "website": "政府网站",
            "weibo": "政务微博",
            "wechat": "政务微信",
            "other": "其他方式",
        }[self.value]


class VersionState(StrEnum):
    """Where one version of a publication stands: draft → 保密审查 → 审批 → published."""

    DRAFT = "draft"  # 草稿
    REVIEW = "review"  # 保密审查中
    APPROVAL = "approval"  # 待审批
    PUBLISHED = "published"  # 已发布
    SUPERSEDED = "superseded"  # 已被新版本取代（更正或撤回）
    WITHDRAWN = "withdrawn"  # 撤回记录

    @property
    def label(self) -> str:
        return VERSION_STATE_LABELS[self]


VERSION_STATE_LABELS: dict[VersionState, str] = {
    VersionState.DRAFT: "草稿",
    VersionState.REVIEW: "保密审查中",
    VersionState.APPROVAL: "待审批",
    VersionState.PUBLISHED: "已发布",
    VersionState.SUPERSEDED: "已被取代",
    VersionState.WITHDRAWN: "已撤回",
}


class Step(StrEnum):
    SUBMIT = "submit"  # 提交保密审查
    CLEAR = "clear"  # 保密审查通过
    APPROVE = "approve"  # 审批通过并发布
    RETURN = "return"  # 退回修改
    SUPERSEDE = "supersede"  # 被更正或撤回取代

    @property
    def label(self) -> str:
        return {
            "submit": "提交保密审查",
            "clear": "保密审查通过",
            "approve": "审批发布",
            "return": "退回修改",
            "supersede": "取代",
        }[self.value]


_TRANSITIONS: dict[tuple[VersionState, Step], VersionState] = {
    (VersionState.DRAFT, Step.SUBMIT): VersionState.REVIEW,
    (VersionState.REVIEW, Step.CLEAR): VersionState.APPROVAL,
    (VersionState.REVIEW, Step.RETURN): VersionState.DRAFT,
    (VersionState.APPROVAL, Step.APPROVE): VersionState.PUBLISHED,
    (VersionState.APPROVAL, Step.RETURN): VersionState.DRAFT,
    (VersionState.PUBLISHED, Step.SUPERSEDE): VersionState.SUPERSEDED,
}

OPEN_STATES = frozenset({VersionState.DRAFT, VersionState.REVIEW, VersionState.APPROVAL})


def next_state(state: VersionState, step: Step) -> VersionState:
    """The state after ``step``; a step the state does not allow raises TransitionNotAllowed."""
    after = _TRANSITIONS.get((state, step))
    if after is None:
        message = f"“{state.label}”状态下不能{step.label}"
        raise TransitionNotAllowed(message, code="publication_step", where="state")
    return after


def check_validity(doc_type: DocumentType, validity: Validity | None) -> None:
    """Validity belongs to regulations and normative documents only, and they must have one."""
    if doc_type.has_validity and validity is None:
        raise InvalidInput(f"{doc_type.label}须注明有效性（有效、失效或废止）", where="validity")
    if not doc_type.has_validity and validity is not None:
        raise InvalidInput("只有规章和行政规范性文件注明有效性", where="validity")


# -- 索引号 -----------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(agency|category|year|serial)(?::(\d))?\}")
_LEFTOVER = re.compile(r"[{}]")


@dataclass(frozen=True)
class IndexPattern:
    """An agency's 索引号 format, e.g. "{agency}-{category}-{year}-{serial:4}".

    Placeholders: {agency} the agency code, {category} the category code, {year} the year of
    publication, {serial} the serial (with :N, zero-padded to N digits). The serial counts up within a
    *series*: everything the pattern shows besides the serial (so a pattern with {year} restarts each
    year, one with {category} counts per category)."""

    text: str

    def format(self, *, agency_code: str, category_code: str, year: int, serial: int) -> str:
        return self._fill(agency_code, category_code, year, serial)

    def series(self, *, agency_code: str, category_code: str, year: int) -> str:
        return self._fill(agency_code, category_code, year, None)

    def _fill(self, agency_code: str, category_code: str, year: int, serial: int | None) -> str:
        values = {"agency": agency_code, "category": category_code, "year": str(year)}

        def replace(match: re.Match[str]) -> str:
            name, width = match.group(1), match.group(2)
            if name != "serial":
                return values[name]
            if serial is None:
                return "#"
            return str(serial).zfill(int(width)) if width else str(serial)

        return _PLACEHOLDER.sub(replace, self.text)


def parse_index_pattern(text: str) -> IndexPattern:
    """Check an 索引号 pattern: known placeholders only, exactly one {serial}, at most 60 characters."""
    pattern = text.strip()
    if not pattern or len(pattern) > 60:
        raise InvalidInput("索引号格式不能为空，且不超过60个字符", where="index_pattern")
    if _LEFTOVER.search(_PLACEHOLDER.sub("", pattern)):
        raise InvalidInput(
            "索引号格式只能使用 {agency}、{category}、{year}、{serial} 或 {serial:N}", where="index_pattern"
        )
    serials = [m for m in _PLACEHOLDER.finditer(pattern) if m.group(1) == "serial"]
    if len(serials) != 1:
        raise InvalidInput("索引号格式必须恰好包含一个 {serial}（流水号）", where="index_pattern")
    width = serials[0].group(2)
    if width is not None and not 1 <= int(width) <= 8:
        raise InvalidInput("流水号位数须在1到8之间", where="index_pattern")
    if "{agency}" not in pattern:
        message = "索引号格式必须包含 {agency}（机构代码），以保证各机关的索引号不重复"
        raise InvalidInput(message, where="index_pattern")
    return IndexPattern(pattern)


DEFAULT_INDEX_PATTERN = "{agency}-{category}-{year}-{serial:4}"


# -- timeliness (2019 Art. 26) ------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeliness:
    formed_on: date  # 成文日期, or the day the information changed
    due_on: date  # the 20th working day after formed_on
    published_on: date | None
    is_late: bool  # published after due_on, or still unpublished after it
    working_days_taken: int | None  # formed → published, None while unpublished
    is_provisional: bool  # the due date crosses a year whose holidays are not loaded yet


def timeliness(
    formed_on: date, *, published_on: date | None, today: date, calendar: WorkCalendar
) -> Timeliness:
    """How the 20 working days of Art. 26 stand for one item (the formed day itself is not counted)."""
    due_on = calendar.add_workdays(formed_on, PUBLICATION_TIME_LIMIT)
    provisional = any(calendar.is_provisional(date(y, 1, 1)) for y in range(formed_on.year, due_on.year + 1))
    if published_on is None:
        return Timeliness(formed_on, due_on, None, today > due_on, None, provisional)
    taken = calendar.workdays_between(formed_on, published_on)
    return Timeliness(formed_on, due_on, published_on, published_on > due_on, taken, provisional)


@dataclass(frozen=True)
class TimelinessCounts:
    published: int
    on_time: int
    late: int


def count_timeliness(items: Iterable[Timeliness]) -> TimelinessCounts:
    """Published items, and how many of them were on time or late (for the annual report)."""
    published = on_time = late = 0
    for item in items:
        if item.published_on is None:
            continue
        published += 1
        if item.is_late:
            late += 1
        else:
            on_time += 1
    return TimelinessCounts(published, on_time, late)


# -- the common national categories ------------------------------------------------------------------


@dataclass(frozen=True)
class CategorySeed:
    code: str
    name: str
    children: tuple[CategorySeed, ...] = ()


# The categories most 主动公开目录 share, after the items of 2019 Regulation Art. 20; every agency's
# tree starts with these and adds its own.
NATIONAL_CATEGORIES: tuple[CategorySeed, ...] = (
    CategorySeed("01", "机构职能"),  # Art. 20(2)
    CategorySeed(
        "02",
        "政策文件",  # Art. 20(1)
        (
            CategorySeed("0201", "规章"),
            CategorySeed("0202", "行政规范性文件"),
            CategorySeed("0203", "其他文件"),
        ),
    ),
    CategorySeed("03", "规划计划"),  # Art. 20(3)
    CategorySeed("04", "统计信息"),  # Art. 20(4)
    CategorySeed("05", "财政信息", (CategorySeed("0501", "预决算及三公经费"),)),  # Art. 20(7)
    CategorySeed("06", "行政许可"),  # Art. 20(5)
    CategorySeed("07", "行政处罚"),  # Art. 20(6)
    CategorySeed("08", "行政强制"),  # Art. 20(6)
    CategorySeed("09", "行政事业性收费"),  # Art. 20(8)
    CategorySeed("10", "政府采购"),  # Art. 20(9)
    CategorySeed("11", "人事信息"),  # Art. 20(13)
    CategorySeed("12", "应急管理"),  # Art. 20(11)
    CategorySeed("13", "工作动态"),
    CategorySeed("14", "建议提案办理"),
    CategorySeed("15", "通知公告"),
    CategorySeed("99", "其他"),
)
