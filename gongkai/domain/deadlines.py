"""The statutory reply deadline of a request, with the working shown step by step.

Rules (docs/domain.md §1 "Reply deadline" and "Working days: the project's convention"):
- 2019 Regulation Art. 33: 20 working days, extension at most 20; third-party and other-agency
  consultation time not counted. 2008 Regulation Art. 24: 15 and 15; only third-party consultation
  excluded. The rules in force on the receipt date apply (2019 rules from 2019-05-15).
- The receipt day is not counted: the deadline is the N-th working day after it. An extension adds
  its days after the original N. A pause from S to E excludes the working days d with S < d <= E;
  a pause still open leaves no deadline yet. A delayed-reply decision (2019 Art. 35) sets the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from itertools import pairwise

from gongkai.domain.errors import InvalidClockStops, InvalidInput
from gongkai.domain.workdays import WorkCalendar


class Rules(StrEnum):
    R2019 = "2019"  # 《政府信息公开条例》国务院令第711号, in force 2019-05-15
    R2008 = "2008"  # 《政府信息公开条例》国务院令第492号, in force 2008-05-01


RULES_2008_FROM = date(2008, 5, 1)
RULES_2019_FROM = date(2019, 5, 15)

BASE_DAYS: dict[Rules, int] = {Rules.R2019: 20, Rules.R2008: 15}  # 2019 Art. 33(2); 2008 Art. 24(2)
MAX_EXTENSION: dict[Rules, int] = {Rules.R2019: 20, Rules.R2008: 15}  # 2019 Art. 33(2); 2008 Art. 24(2)

_LIMIT = {
    Rules.R2019: "《政府信息公开条例》（2019）第三十三条",
    Rules.R2008: "《政府信息公开条例》（2008）第二十四条",
}
_CONSULTATION = {
    Rules.R2019: "《政府信息公开条例》（2019）第三十三条第三款",
    Rules.R2008: "《政府信息公开条例》（2008）第二十四条第三款",
}
_RECEIPT = "《政府信息公开条例》（2019）第三十一条"
_DELAYED = "《政府信息公开条例》（2019）第三十五条"
_FEES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
_HOLIDAYS = "《全国年节及纪念日放假办法》第二条"
_ARRANGEMENT = "《全国年节及纪念日放假办法》；国务院办公厅当年节假日安排的通知"
_WEEKDAYS = "一二三四五六日"


class StopReason(StrEnum):
    CONSULTATION = "consultation"  # 2019 Art. 32, 34 (third party, other agencies); 2008 Art. 24(3)
    FEE_NOTICE = "fee_notice"  # 国办函〔2020〕109号; excluded by project convention (docs/domain.md "Fees")


_STOP_LABELS = {StopReason.CONSULTATION: "征求意见", StopReason.FEE_NOTICE: "收费通知至缴费"}


@dataclass(frozen=True)
class ClockStop:
    start: date
    end: date | None  # None: still stopped
    reason: StopReason = StopReason.CONSULTATION


@dataclass(frozen=True)
class Step:
    """One line of "show your working": what was done, why (article) and the days concerned."""

    kind: str
    text: str
    article: str
    days: tuple[date, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "article": self.article,
                "days": [d.isoformat() for d in self.days]}  # fmt: skip


@dataclass(frozen=True)
class Deadline:
    """The result: the due date and the facts behind it; ``steps`` explains it (built on first use)."""

    received: date
    rules: Rules
    due: date | None  # None while a pause is open
    working_days: int  # base + extension
    extension_days: int
    provisional: bool  # the due date may change when a year's official arrangement is loaded
    paused: bool
    _working: _Working | None = field(default=None, repr=False, compare=False)

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """The working, step by step. Built on first access: bulk recomputation only needs ``due``."""
        return () if self._working is None else self._working.steps()

    def to_json(self) -> dict[str, object]:
        return {
            "received": self.received.isoformat(),
            "rules": self.rules.value,
            "due": None if self.due is None else self.due.isoformat(),
            "working_days": self.working_days,
            "extension_days": self.extension_days,
            "provisional": self.provisional,
            "paused": self.paused,
            "steps": [step.to_json() for step in self.steps],
        }


def rules_in_force(received: date) -> Rules:
    if received < RULES_2008_FROM:
        raise InvalidInput(
            f"收到日期{_cn(received)}早于《政府信息公开条例》施行日（2008年5月1日）", where="received"
        )
    return Rules.R2019 if received >= RULES_2019_FROM else Rules.R2008


class _Walk:
    """The count through the pauses: the due date and what the count went through."""

    __slots__ = ("total", "due", "counted", "segments", "applied", "late")

    def __init__(self, total: int) -> None:
        self.total = total  # working days to count
        self.due: date | None = None
        self.counted = 0  # working days counted (up to the open pause, when there is one)
        self.segments: list[tuple[date, date]] = []  # the counted spans (a, b]
        self.applied: list[ClockStop] = []  # pauses inside the count
        self.late: list[ClockStop] = []  # pauses starting once the count was complete


def _walk(received: date, total: int, stops: Sequence[ClockStop], calendar: WorkCalendar) -> _Walk:
    walk = _Walk(total)
    cursor = received
    for position, stop in enumerate(stops):
        available = calendar.workdays_between(cursor, stop.start)
        if total - walk.counted <= available:
            walk.late.extend(stops[position:])
            break
        walk.counted += available
        walk.segments.append((cursor, stop.start))
        walk.applied.append(stop)
        if stop.end is None:
            return walk
        cursor = stop.end
    walk.due = calendar.add_workdays(cursor, total - walk.counted)
    walk.counted = total
    walk.segments.append((cursor, walk.due))
    return walk


def deadline(
    received: date,
    *,
    calendar: WorkCalendar,
    rules: Rules | None = None,
    stops: Sequence[ClockStop] = (),
    extension_days: int = 0,
    delayed_until: date | None = None,
) -> Deadline:
    """The reply deadline of a request received on ``received``, with the steps that led to it.

    ``delayed_until`` (a recorded Art. 35 decision) is the due date as given; ``provisional`` is then
    False (no calendar can change it) and ``paused`` still says whether a pause is open.
    """
    rules = rules_in_force(received) if rules is None else rules
    _check_extension(extension_days, rules)
    ordered = _checked_stops(stops, received=received, rules=rules) if stops else []
    if delayed_until is not None:
        _check_delay(delayed_until, received=received, rules=rules)
    total = BASE_DAYS[rules] + extension_days
    walk = _walk(received, total, ordered, calendar)
    end = walk.due if walk.due is not None else walk.applied[-1].start
    unloaded = [] if delayed_until is not None else _unloaded_years(received, end, calendar)
    working = _Working(received, rules, ordered, extension_days, delayed_until, walk, unloaded, calendar)
    return Deadline(
        received=received,
        rules=rules,
        due=walk.due if delayed_until is None else delayed_until,
        working_days=total,
        extension_days=extension_days,
        provisional=bool(unloaded),
        paused=walk.due is None,
        _working=working,
    )


# -- validation ---------------------------------------------------------------------------------


def _check_extension(extension_days: int, rules: Rules) -> None:
    if extension_days < 0:
        raise InvalidInput(f"延长的工作日数不能为负数（{extension_days}）", where="extension_days")
    if extension_days > MAX_EXTENSION[rules]:
        raise InvalidInput(
            f"延长的期限最长不得超过{MAX_EXTENSION[rules]}个工作日（{_LIMIT[rules]}），"
            f"收到{extension_days}个工作日",
            where="extension_days",
        )


def _check_delay(delayed_until: date, *, received: date, rules: Rules) -> None:
    if rules is Rules.R2008:
        raise InvalidInput("2008年《政府信息公开条例》没有延迟答复的规定", where="delayed_until")
    if delayed_until <= received:
        raise InvalidInput(
            f"延迟答复的日期{_cn(delayed_until)}应晚于收到申请日期{_cn(received)}", where="delayed_until"
        )


def _checked_stops(stops: Sequence[ClockStop], *, received: date, rules: Rules) -> list[ClockStop]:
    """The pauses sorted by start, after checking each and that no two overlap."""
    for index, stop in enumerate(stops):
        where = f"stops[{index}]"
        if stop.start < received:
            raise InvalidClockStops(
                f"中止开始日期{_cn(stop.start)}早于收到申请日期{_cn(received)}", where=where
            )
        if stop.end is not None and stop.end < stop.start:
            raise InvalidClockStops(f"中止结束日期{_cn(stop.end)}早于开始日期{_cn(stop.start)}", where=where)
        if rules is Rules.R2008 and stop.reason is StopReason.FEE_NOTICE:
            raise InvalidClockStops(
                f"2008年《政府信息公开条例》没有信息处理费，{_cn(stop.start)}的收费通知中止不能适用"
                "（该条例只扣除征求第三方意见的时间）",
                where=where,
            )
    ordered = sorted(enumerate(stops), key=lambda pair: pair[1].start)
    for (_, first), (index, second) in pairwise(ordered):
        if first.end is None or second.start < first.end:
            raise InvalidClockStops(f"中止期间重叠：{_span(first)}与{_span(second)}", where=f"stops[{index}]")
    return [stop for _, stop in ordered]


def _unloaded_years(received: date, end: date, calendar: WorkCalendar) -> list[int]:
    """The years of the span (received, end] with no official arrangement loaded."""
    first = received.year + (received.month == 12 and received.day == 31)
    loaded = calendar.loaded_years
    return [year for year in range(first, end.year + 1) if year not in loaded]


# -- the steps ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Working:
    """What ``deadline`` computed, kept to explain it on demand."""

    received: date
    rules: Rules
    stops: list[ClockStop]
    extension_days: int
    delayed_until: date | None
    walk: _Walk
    unloaded: list[int]
    calendar: WorkCalendar

    def steps(self) -> tuple[Step, ...]:
        rules, walk, calendar = self.rules, self.walk, self.calendar
        steps = _opening_steps(self.received, rules, self.extension_days, stops=bool(self.stops))
        steps += _calendar_steps(walk, calendar)
        steps += [_pause_step(stop, rules, walk, calendar, late=False) for stop in walk.applied]
        steps += [_pause_step(stop, rules, walk, calendar, late=True) for stop in walk.late]
        if self.extension_days:
            original = _walk(self.received, BASE_DAYS[rules], self.stops, calendar).due
            steps.append(_extension_step(self.extension_days, rules, original, walk.due))
        if self.unloaded:
            steps.append(_provisional_step(self.unloaded))
        if self.delayed_until is not None:
            steps.append(_delay_step(self.delayed_until, walk.due))
            steps.append(_due_step(self.delayed_until, walk.total, rules, delayed=True, paused=False))
        else:
            steps.append(_due_step(walk.due, walk.total, rules, delayed=False, paused=bool(walk.applied)))
        return tuple(steps)


def _opening_steps(received: date, rules: Rules, extension_days: int, *, stops: bool) -> list[Step]:
    base = BASE_DAYS[rules]
    in_force = rules_in_force(received) if received >= RULES_2008_FROM else None
    chosen = "" if in_force is rules else "（按指定的规则计算，与收到日期适用的规则不同）"
    count = f"共计{base}个工作日"
    if extension_days:
        count = f"基本期限{base}个工作日，加延长{extension_days}个工作日，共计{base + extension_days}个工作日"
    return [
        Step("received", f"收到申请：{_cnw(received)}；收到之日不计入，自次日起计算。",
             _RECEIPT if rules is Rules.R2019 else "", (received,)),
        Step("rules", f"适用{rules.value}年《政府信息公开条例》{chosen}：不能当场答复的，"
             f"应当自收到申请之日起{base}个工作日内答复。", _LIMIT[rules]),
        Step("count", f"需计算的工作日：{count}{'（不计中止期间）' if stops else ''}。", _LIMIT[rules]),
    ]  # fmt: skip


def _calendar_steps(walk: _Walk, calendar: WorkCalendar) -> list[Step]:
    holidays: list[tuple[date, str]] = []
    weekends: list[date] = []
    makeup: list[date] = []
    for start, end in walk.segments:
        holidays += [(day, calendar.name_of(day) or "节假日") for day in calendar.holidays_in(start, end)]
        weekends += calendar.weekends_off_in(start, end)
        makeup += calendar.makeup_workdays_in(start, end)
    steps = []
    if holidays:
        runs = "、".join(f"{name}（{_range(a, b)}）" for name, a, b in _runs(holidays))
        steps.append(Step("holidays_skipped", f"跳过节假日{len(holidays)}天：{runs}。", _ARRANGEMENT,
                          tuple(day for day, _ in holidays)))  # fmt: skip
    if weekends:
        steps.append(Step("weekends_skipped", f"跳过周末休息日{len(weekends)}天。", "", tuple(weekends)))
    if makeup:
        listed = "、".join(f"{_cn(day)}（{calendar.name_of(day) or '调休上班'}）" for day in makeup)
        steps.append(Step("makeup_workdays_counted", f"调休上班日计为工作日：{listed}。", "", tuple(makeup)))
    return steps


def _runs(days: list[tuple[date, str]]) -> list[tuple[str, date, date]]:
    """Consecutive days with the same name grouped as (name, first, last)."""
    runs: list[tuple[str, date, date]] = []
    for day, name in days:
        if runs and runs[-1][0] == name and (day - runs[-1][2]).days == 1:
            runs[-1] = (name, runs[-1][1], day)
        else:
            runs.append((name, day, day))
    return runs


def _pause_step(stop: ClockStop, rules: Rules, walk: _Walk, calendar: WorkCalendar, *, late: bool) -> Step:
    label = _STOP_LABELS[stop.reason]
    article = _CONSULTATION[rules] if stop.reason is StopReason.CONSULTATION else f"{_FEES}；项目约定"
    if late:
        text = f"{label}（{_span(stop)}）开始时已数满期限，不影响答复期限。"
        return Step("pause", text, article)
    if stop.end is None:
        text = (f"{label}：自{_cn(stop.start)}起中止计算，尚未结束；已计{walk.counted}个工作日，"
                f"尚余{walk.total - walk.counted}个工作日，中止结束后自次日起恢复计算。")  # fmt: skip
        return Step("pause", text, article, (stop.start,))
    excluded = calendar.workdays_in(stop.start, stop.end)
    text = (f"{label}：{_cn(stop.start)}至{_cn(stop.end)}，其间{len(excluded)}个工作日不计入答复期限"
            f"（开始当日照常计算，结束次日起恢复计算）。")  # fmt: skip
    return Step("pause", text, article, tuple(excluded))


def _extension_step(extension_days: int, rules: Rules, original: date | None, due: date | None) -> Step:
    text = (f"经政府信息公开工作机构负责人同意并告知申请人，延长答复期限{extension_days}个工作日"
            f"（最长{MAX_EXTENSION[rules]}个工作日）")  # fmt: skip
    if original is not None and due is not None:
        text += f"：原期限{_cn(original)}，延长至{_cn(due)}"
    return Step("extension", text + "。", _LIMIT[rules], () if original is None else (original,))


def _provisional_step(years: list[int]) -> Step:
    listed = "、".join(f"{year}年" for year in years)
    text = (f"{listed}的节假日安排尚未载入：暂按周末及元旦、劳动节、国庆节等固定日期的节日推算，"
            "答复期限为暂定，载入国务院办公厅公布的安排后重新计算。")  # fmt: skip
    return Step("provisional", text, _HOLIDAYS)


def _delay_step(delayed_until: date, computed: date | None) -> Step:
    text = f"已决定延迟答复，答复期限确定为{_cnw(delayed_until)}"
    if computed is not None:
        text += f"（按第三十三条计算本应为{_cn(computed)}）"
    return Step("delayed_reply", text + "。", _DELAYED, (delayed_until,))


def _due_step(due: date | None, total: int, rules: Rules, *, delayed: bool, paused: bool) -> Step:
    if due is None:
        return Step("due", "答复期限：中止期间暂无期限，中止结束后确定。", _LIMIT[rules])
    if delayed:
        return Step("due", f"答复期限：{_cnw(due)}（延迟答复决定确定的日期）。", _DELAYED, (due,))
    note = "（不计中止期间）" if paused else ""
    text = f"答复期限：{_cnw(due)}，即收到申请次日起第{total}个工作日{note}。"
    return Step("due", text, _LIMIT[rules], (due,))


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _cnw(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日（星期{_WEEKDAYS[d.weekday()]}）"


def _range(first: date, last: date) -> str:
    if first == last:
        return _cn(first)
    tail = f"{last.month}月{last.day}日" if first.year == last.year else _cn(last)
    return f"{_cn(first)}至{tail}"


def _span(stop: ClockStop) -> str:
    return f"{_cn(stop.start)}至{'未结束' if stop.end is None else _cn(stop.end)}"


# -- other time limits --------------------------------------------------------------------------


def working_days_left(due: date, *, today: date, calendar: WorkCalendar) -> int:
    """Working days after ``today`` up to ``due``; negative when overdue (minus the working days since)."""
    if today <= due:
        return calendar.workdays_between(today, due)
    return -calendar.workdays_between(due, today)


def correction_window_end(received: date, *, calendar: WorkCalendar) -> date:
    """Last day to ask for a correction, once: 7 working days from receipt (2019 Art. 30)."""
    return calendar.add_workdays(received, 7)


def consultation_window_end(sent: date, *, calendar: WorkCalendar) -> date:
    """Last day of a consultation: 15 working days (2019 Art. 32, 34) after the letter (convention)."""
    return calendar.add_workdays(sent, 15)


def fee_payment_window_end(notice_received: date, *, calendar: WorkCalendar) -> date:
    """Last day to pay: 20 working days from the day after the notice is received (国办函〔2020〕109号)."""
    return calendar.add_workdays(notice_received, 20)
