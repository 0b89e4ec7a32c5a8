"""Deadline questions as scripts ask them: the JSON case of `gongkai deadline --cases`.

A case is {"received": "YYYY-MM-DD", "rules": "2019"|"2008" (optional), "extended": bool,
"extension_days": int (optional), "stops": [[start, end|null], ...], "delayed_until": date (optional)}.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from gongkai.domain.deadlines import (
    MAX_EXTENSION,
    ClockStop,
    Deadline,
    Rules,
    StopReason,
    deadline,
    rules_in_force,
)
from gongkai.domain.errors import InvalidInput
from gongkai.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class DeadlineCase:
    received: date
    rules: Rules | None
    extended: bool
    extension_days: int | None
    stops: tuple[ClockStop, ...]
    delayed_until: date | None = None


def parse_date(value: object, *, where: str) -> date:
    if not isinstance(value, str):
        raise InvalidInput(f"应为 YYYY-MM-DD 格式的日期，收到 {value!r}", where=where)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"“{value}”不是有效日期（应为 YYYY-MM-DD）", where=where) from None


def parse_stop(value: object, *, where: str) -> ClockStop:
    """A pause as [start, end] (end null while open), optionally [start, end, reason]."""
    if isinstance(value, str):
        value = value.split(":")
    if not isinstance(value, list | tuple) or len(value) not in (2, 3):
        raise InvalidInput(f"{where} 应为 [开始日期, 结束日期] 或 开始:结束，收到 {value!r}", where=where)
    start = parse_date(value[0], where=f"{where}[0]")
    end = None if value[1] in (None, "") else parse_date(value[1], where=f"{where}[1]")
    reason = StopReason.CONSULTATION
    if len(value) == 3:
        try:
            reason = StopReason(value[2])
        except ValueError:
            names = "、".join(r.value for r in StopReason)
            raise InvalidInput(
                f"{where} 的中止原因“{value[2]}”无效（可用：{names}）", where=f"{where}[2]"
            ) from None
    return ClockStop(start=start, end=end, reason=reason)


def parse_case(data: Mapping[str, object]) -> DeadlineCase:
    if not isinstance(data, Mapping):
        raise InvalidInput("每行应为一个 JSON 对象", where="")
    if "received" not in data:
        raise InvalidInput("缺少 received（收到申请日期）", where="received")
    rules = None
    if data.get("rules") not in (None, ""):
        try:
            rules = Rules(str(data["rules"]))
        except ValueError:
            raise InvalidInput(
                f"rules 的值“{data['rules']}”无效（可用：2019、2008）", where="rules"
            ) from None
    extension_days = data.get("extension_days")
    if extension_days is not None and (
        isinstance(extension_days, bool) or not isinstance(extension_days, int)
    ):
        raise InvalidInput(f"extension_days 应为整数，收到 {extension_days!r}", where="extension_days")
    stops = data.get("stops") or []
    if not isinstance(stops, list):
        raise InvalidInput("stops 应为列表，每项为 [开始, 结束]", where="stops")
    delayed = data.get("delayed_until")
    return DeadlineCase(
        received=parse_date(data["received"], where="received"),
        rules=rules,
        extended=bool(data.get("extended", False)),
        extension_days=extension_days,
        stops=tuple(parse_stop(s, where=f"stops[{i}]") for i, s in enumerate(stops)),
        delayed_until=None if delayed in (None, "") else parse_date(delayed, where="delayed_until"),
    )


def answer_case(case: DeadlineCase, *, calendar: WorkCalendar) -> Deadline:
    rules = case.rules or rules_in_force(case.received)
    days = (
        case.extension_days
        if case.extension_days is not None
        else (MAX_EXTENSION[rules] if case.extended else 0)
    )
    return deadline(
        case.received,
        calendar=calendar,
        rules=rules,
        stops=case.stops,
        extension_days=days,
        delayed_until=case.delayed_until,
    )
