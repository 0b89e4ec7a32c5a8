"""Reply deadlines on real calendars (docs/domain.md §1 "Reply deadline", "Working days").

Every expected date was counted by hand from the State Council arrangements and cross-checked by
stepping with chinese_calendar.is_workday; none is copied from the engine.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gongkai.domain.deadlines import (
    BASE_DAYS,
    MAX_EXTENSION,
    RULES_2019_FROM,
    ClockStop,
    Deadline,
    Rules,
    StopReason,
    consultation_window_end,
    correction_window_end,
    deadline,
    fee_payment_window_end,
    rules_in_force,
    working_days_left,
)
from gongkai.domain.errors import InvalidClockStops, InvalidInput
from gongkai.domain.workdays import calendar_from_chinese_calendar

CALENDAR = calendar_from_chinese_calendar()
D = date
FEE = StopReason.FEE_NOTICE


def due(received: date, **kwargs: object) -> Deadline:
    return deadline(received, calendar=CALENDAR, **kwargs)  # type: ignore[arg-type]


def kinds(result: Deadline) -> list[str]:
    return [step.kind for step in result.steps]


def step(result: Deadline, kind: str) -> tuple[str, tuple[date, ...]]:
    (found,) = [s for s in result.steps if s.kind == kind]
    return found.text, found.days


@pytest.mark.parametrize(
    ("received", "expected", "rules"),
    [
        # Spring Festival 2024: 2-10..2-17 off, make-up Sundays 2-04 and 2-18.
        (D(2024, 2, 8), D(2024, 3, 13), Rules.R2019),
        (D(2024, 2, 2), D(2024, 3, 6), Rules.R2019),
        # National Day 2023: 9-29..10-06 off, make-up 10-07 (Sat) and 10-08 (Sun).
        (D(2023, 9, 27), D(2023, 10, 31), Rules.R2019),
        # National Day 2024: 10-01..10-07 off, make-up 9-29 (Sun) and 10-12 (Sat).
        (D(2024, 9, 27), D(2024, 10, 30), Rules.R2019),
        # The switch: 2008 rules (15 days) up to 2019-05-14, 2019 rules (20 days) from 2019-05-15.
        (D(2019, 5, 14), D(2019, 6, 4), Rules.R2008),
        (D(2019, 5, 15), D(2019, 6, 13), Rules.R2019),  # over 端午节 2019-06-07
        (D(2024, 5, 8), D(2024, 6, 4), Rules.R2019),  # 5-11 is a make-up Saturday
    ],
)
def test_plain_deadline(received: date, expected: date, rules: Rules) -> None:
    result = due(received)
    assert result.due == expected
    assert result.rules is rules
    assert result.working_days == BASE_DAYS[rules]
    assert (result.extension_days, result.provisional, result.paused) == (0, False, False)
    assert result.steps[0].kind == "received"
    assert result.steps[-1].kind == "due"
    assert result.steps[-1].days == (expected,)


def test_rules_in_force() -> None:
    assert rules_in_force(RULES_2019_FROM) is Rules.R2019
    assert rules_in_force(D(2019, 5, 14)) is Rules.R2008
    assert rules_in_force(D(2008, 5, 1)) is Rules.R2008
    with pytest.raises(InvalidInput) as raised:
        rules_in_force(D(2008, 4, 30))
    assert raised.value.where == "received"


def test_explicit_rules_override_the_receipt_date() -> None:
    result = due(D(2024, 2, 8), rules=Rules.R2008)
    assert result.due == D(2024, 3, 6)  # 15th working day: 3-01 was the 12th
    assert "指定" in step(result, "rules")[0]


def test_steps_show_the_spring_festival_working() -> None:
    result = due(D(2024, 2, 8))
    assert kinds(result) == [
        "received",
        "rules",
        "count",
        "holidays_skipped",
        "weekends_skipped",
        "makeup_workdays_counted",
        "due",
    ]
    text, days = step(result, "holidays_skipped")
    assert days == tuple(D(2024, 2, d) for d in range(10, 18))
    assert "春节（2024年2月10日至2月17日）" in text
    assert step(result, "makeup_workdays_counted")[1] == (D(2024, 2, 18),)  # 2-04 is before receipt
    assert step(result, "weekends_skipped")[1] == (
        D(2024, 2, 24), D(2024, 2, 25), D(2024, 3, 2), D(2024, 3, 3), D(2024, 3, 9), D(2024, 3, 10),
    )  # fmt: skip
    assert result.steps[1].article == "《政府信息公开条例》（2019）第三十三条"
    assert "2024年3月13日（星期三）" in result.steps[-1].text


def test_national_day_2023_counts_both_make_up_days() -> None:
    result = due(D(2023, 9, 27))
    assert step(result, "makeup_workdays_counted")[1] == (D(2023, 10, 7), D(2023, 10, 8))
    text, days = step(result, "holidays_skipped")
    assert days == tuple(D(2023, 9, 29) + timedelta(days=k) for k in range(8))
    assert "中秋节（2023年9月29日）" in text
    assert "国庆节（2023年9月30日至10月6日）" in text


# -- pauses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stops", "expected"),
    [
        # 4 working days counted to 2-20 (2-09, 2-18, 2-19, 2-20); 16 more from 3-04.
        ([ClockStop(D(2024, 2, 20), D(2024, 3, 1))], D(2024, 3, 25)),
        ([ClockStop(D(2024, 2, 20), D(2024, 3, 1), FEE)], D(2024, 3, 25)),
        # Paused on the receipt day: counting resumes after 2-20.
        ([ClockStop(D(2024, 2, 8), D(2024, 2, 20))], D(2024, 3, 19)),
        # A pause of zero length excludes nothing.
        ([ClockStop(D(2024, 2, 20), D(2024, 2, 20))], D(2024, 3, 13)),
        # Two pauses, given out of order: 2-20..2-22 (2 days) and 3-01..3-05 (2 days).
        (
            [ClockStop(D(2024, 3, 1), D(2024, 3, 5)), ClockStop(D(2024, 2, 20), D(2024, 2, 22))],
            D(2024, 3, 19),
        ),
        # Back-to-back pauses (the second starts the day the first ends).
        (
            [ClockStop(D(2024, 2, 20), D(2024, 2, 22)), ClockStop(D(2024, 2, 22), D(2024, 2, 26))],
            D(2024, 3, 19),
        ),
        # A pause starting on the due date does not move it (that day still counts).
        ([ClockStop(D(2024, 3, 13), D(2024, 3, 20))], D(2024, 3, 13)),
    ],
)
def test_pauses(stops: list[ClockStop], expected: date) -> None:
    result = due(D(2024, 2, 8), stops=stops)
    assert result.due == expected
    assert not result.paused
    assert kinds(result).count("pause") == len(stops)


def test_pause_step_lists_the_excluded_working_days() -> None:
    result = due(D(2024, 2, 8), stops=[ClockStop(D(2024, 2, 20), D(2024, 3, 1))])
    text, days = step(result, "pause")
    assert days == (D(2024, 2, 21), D(2024, 2, 22), D(2024, 2, 23), D(2024, 2, 26),
                    D(2024, 2, 27), D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1))  # fmt: skip
    assert "8个工作日不计入" in text
    assert (
        result.steps[kinds(result).index("pause")].article == "《政府信息公开条例》（2019）第三十三条第三款"
    )


def test_open_pause_has_no_due_date() -> None:
    result = due(D(2024, 2, 8), stops=[ClockStop(D(2024, 2, 20), None)])
    assert result.due is None
    assert result.paused
    text, days = step(result, "pause")
    assert days == (D(2024, 2, 20),)
    assert "已计4个工作日" in text
    assert "尚余16个工作日" in text
    assert result.to_json()["due"] is None


def test_open_pause_after_the_due_date_does_not_pause() -> None:
    result = due(D(2024, 2, 8), stops=[ClockStop(D(2024, 3, 20), None)])
    assert result.due == D(2024, 3, 13)
    assert not result.paused
    assert "不影响" in step(result, "pause")[0]


# -- extension and delayed reply ----------------------------------------------------------------


def test_extension_adds_its_days_after_the_original_count() -> None:
    # 40th working day: over 清明节 2024 (4-04..4-06 off, make-up Sunday 4-07).
    result = due(D(2024, 2, 8), extension_days=20)
    assert result.due == D(2024, 4, 11)
    assert (result.working_days, result.extension_days) == (40, 20)
    text, days = step(result, "extension")
    assert days == (D(2024, 3, 13),)
    assert "原期限2024年3月13日，延长至2024年4月11日" in text


def test_extension_with_a_pause() -> None:
    result = due(D(2024, 2, 8), stops=[ClockStop(D(2024, 2, 20), D(2024, 3, 1))], extension_days=5)
    assert result.due == D(2024, 4, 1)  # 3-25 was the 20th; 3-26..3-29, 4-01
    assert step(result, "extension")[1] == (D(2024, 3, 25),)


def test_2008_extension_limit() -> None:
    assert due(D(2019, 5, 14), extension_days=15).due == D(2019, 6, 26)  # 6-07 端午节 skipped
    assert MAX_EXTENSION[Rules.R2008] == 15


def test_delayed_reply_sets_the_date() -> None:
    result = due(D(2024, 2, 8), delayed_until=D(2024, 6, 1))
    assert result.due == D(2024, 6, 1)
    assert not result.provisional
    text, days = step(result, "delayed_reply")
    assert days == (D(2024, 6, 1),)
    assert "本应为2024年3月13日" in text
    assert result.steps[-1].article == "《政府信息公开条例》（2019）第三十五条"


# -- provisional years --------------------------------------------------------------------------


def test_deadline_running_into_an_unloaded_year_is_provisional() -> None:
    # 2026-12-16..12-31: 12 working days; 2027-01-01 (元旦) off; 1-04..1-08, 1-11..1-13: 8 more.
    result = due(D(2026, 12, 15))
    assert result.due == D(2027, 1, 13)
    assert result.provisional
    text, _ = step(result, "provisional")
    assert "2027年" in text
    assert "暂定" in text


def test_deadline_inside_an_unloaded_year() -> None:
    # 9-28..9-30; 10-01..10-03 (fixed 国庆节) off; 10-04.. 10-26 is the 20th.
    result = due(D(2027, 9, 27))
    assert result.due == D(2027, 10, 26)
    assert result.provisional
    assert step(result, "holidays_skipped")[1] == (D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3))


def test_received_on_new_years_eve_before_an_unloaded_year() -> None:
    assert due(D(2025, 12, 1)).provisional is False
    assert due(D(2026, 12, 31)).provisional is True


# -- bad input ----------------------------------------------------------------------------------


def stops(*spans: tuple[date, date | None], reason: StopReason = StopReason.CONSULTATION) -> list[ClockStop]:
    return [ClockStop(start, end, reason) for start, end in spans]


@pytest.mark.parametrize(
    ("kwargs", "error", "where", "mentions"),
    [
        ({"extension_days": 21}, InvalidInput, "extension_days", "21"),
        ({"extension_days": -1}, InvalidInput, "extension_days", "-1"),
        ({"rules": Rules.R2008, "extension_days": 16}, InvalidInput, "extension_days", "16"),
        ({"stops": stops((D(2024, 2, 7), D(2024, 2, 20)))}, InvalidClockStops, "stops[0]", "2024年2月7日"),
        (
            {"stops": stops((D(2024, 2, 20), D(2024, 3, 1)), (D(2024, 2, 22), D(2024, 2, 19)))},
            InvalidClockStops,
            "stops[1]",
            "2024年2月19日",
        ),
        (
            {"stops": stops((D(2024, 2, 20), D(2024, 3, 1)), (D(2024, 2, 29), D(2024, 3, 5)))},
            InvalidClockStops,
            "stops[1]",
            "2024年2月29日",
        ),
        (
            {"stops": stops((D(2024, 3, 5), D(2024, 3, 8)), (D(2024, 2, 20), None))},
            InvalidClockStops,
            "stops[0]",
            "未结束",
        ),
        (
            {"rules": Rules.R2008, "stops": stops((D(2024, 2, 20), None), reason=FEE)},
            InvalidClockStops,
            "stops[0]",
            "收费",
        ),
        ({"rules": Rules.R2008, "delayed_until": D(2024, 6, 1)}, InvalidInput, "delayed_until", "2008"),
        ({"delayed_until": D(2024, 2, 8)}, InvalidInput, "delayed_until", "2024年2月8日"),
    ],
)
def test_bad_input(kwargs: dict[str, object], error: type[Exception], where: str, mentions: str) -> None:
    with pytest.raises(error) as raised:
        due(D(2024, 2, 8), **kwargs)
    assert raised.value.where == where  # type: ignore[attr-defined]
    assert mentions in raised.value.message  # type: ignore[attr-defined]


def test_received_before_the_2008_regulation() -> None:
    with pytest.raises(InvalidInput) as raised:
        due(D(2007, 6, 1))
    assert raised.value.where == "received"


# -- other limits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "left"),
    [
        (D(2024, 3, 11), 2),
        (D(2024, 3, 13), 0),
        (D(2024, 2, 9), 19),  # over the Spring Festival
        (D(2024, 3, 14), -1),
        (D(2024, 3, 16), -2),  # Saturday: 3-14, 3-15 overdue
        (D(2024, 3, 18), -3),
    ],
)
def test_working_days_left(today: date, left: int) -> None:
    assert working_days_left(D(2024, 3, 13), today=today, calendar=CALENDAR) == left


def test_other_windows() -> None:
    # 7 working days after 2024-09-27: 9-29 (make-up), 9-30, 10-08..10-11, 10-12 (make-up Saturday).
    assert correction_window_end(D(2024, 9, 27), calendar=CALENDAR) == D(2024, 10, 12)
    # 15 working days after 2023-09-27: 9-28, 10-07, 10-08, 10-09..10-13, 10-16..10-20, 10-23, 10-24.
    assert consultation_window_end(D(2023, 9, 27), calendar=CALENDAR) == D(2023, 10, 24)
    assert fee_payment_window_end(D(2024, 2, 8), calendar=CALENDAR) == D(2024, 3, 13)


def test_to_json() -> None:
    result = due(D(2024, 2, 8), stops=[ClockStop(D(2024, 2, 20), D(2024, 3, 1))], extension_days=5)
    data = result.to_json()
    assert {k: data[k] for k in data if k != "steps"} == {
        "received": "2024-02-08",
        "rules": "2019",
        "due": "2024-04-01",
        "working_days": 25,
        "extension_days": 5,
        "provisional": False,
        "paused": False,
    }
    steps = data["steps"]
    assert isinstance(steps, list)
    assert [s["kind"] for s in steps] == kinds(result)
    assert steps[-1] == {
        "kind": "due",
        "text": "答复期限：2024年4月1日（星期一），即收到申请次日起第25个工作日（不计中止期间）。",
        "article": "《政府信息公开条例》（2019）第三十三条",
        "days": ["2024-04-01"],
    }


def test_equal_inputs_give_equal_deadlines() -> None:
    assert due(D(2024, 2, 8)) == due(D(2024, 2, 8))
    assert due(D(2024, 2, 8)) != due(D(2024, 2, 8), extension_days=1)
