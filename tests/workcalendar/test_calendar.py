from datetime import date

from gongkai.audit.models import AuditEvent
from gongkai.workcalendar.models import CalendarDay, CalendarYear
from gongkai.workcalendar.queries import work_calendar
from gongkai.workcalendar.services import set_day

CSV_2027 = """date,working,name
2027-02-05,0,春节
2027-02-06,0,春节
2027-02-07,0,春节
2027-02-08,0,春节
2027-02-09,0,春节
2027-02-10,0,春节
2027-02-11,0,春节
2027-02-14,1,春节调休上班
"""


def test_years_the_package_covers_are_seeded_and_official(db):
    calendar = work_calendar()
    assert not calendar.is_provisional(date(2024, 10, 1))
    assert not calendar.is_workday(date(2024, 10, 1))  # 国庆节
    assert calendar.is_workday(date(2024, 9, 29))  # Sunday make-up workday
    assert CalendarYear.objects.filter(year=2024).exists()


def test_a_year_not_loaded_is_provisional_with_only_fixed_holidays(db):
    calendar = work_calendar()
    assert calendar.is_provisional(date(2027, 3, 1))
    assert not calendar.is_workday(date(2027, 10, 1))  # fixed-date 国庆节
    assert calendar.is_workday(date(2027, 2, 8))  # Spring Festival not known yet


def test_importing_a_newly_announced_year_makes_it_official_and_audits_it(db, gongkai, tmp_path):
    csv_file = tmp_path / "2027.csv"
    csv_file.write_text(CSV_2027, encoding="utf-8")
    result = gongkai("calendar", "import", str(csv_file))
    assert result.code == 0, result
    assert "2027 年已载入" in result.out
    calendar = work_calendar()
    assert not calendar.is_provisional(date(2027, 3, 1))
    assert not calendar.is_workday(date(2027, 2, 8))
    assert calendar.is_workday(date(2027, 2, 14))  # Sunday make-up
    event = AuditEvent.objects.get(event="calendar.year_loaded", subject_label__startswith="2027")
    assert "2027-02-14" in event.after
    shown = gongkai("calendar", "show", "2027")
    assert "官方安排已载入" in shown.out and "2027-02-14 星期日 调休上班" in shown.out


def test_importing_the_same_file_twice_changes_nothing(db, gongkai, tmp_path):
    csv_file = tmp_path / "2027.csv"
    csv_file.write_text(CSV_2027, encoding="utf-8")
    gongkai("calendar", "import", str(csv_file))
    gongkai("calendar", "import", str(csv_file))
    assert CalendarYear.objects.get(year=2027).version == 1
    assert AuditEvent.objects.filter(event="calendar.year_loaded").count() == 1


def test_a_bad_row_is_named_with_its_line_and_nothing_is_loaded(db, gongkai, tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("日期,是否上班,名称\n2027-02-05,否,春节\n2027-02-30,否,春节\n", encoding="utf-8")
    result = gongkai("calendar", "import", str(csv_file))
    assert result.code == 2
    assert "bad.csv:3" in result.err and "2027-02-30" in result.err
    assert "Traceback" not in result.err
    assert not CalendarDay.objects.filter(date__year=2027).exists()


def test_unrecognised_working_value_is_named(db, gongkai, tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("date,working,name\n2027-02-05,maybe,春节\n", encoding="utf-8")
    result = gongkai("calendar", "import", str(csv_file))
    assert result.code == 2
    assert "maybe" in result.err


def test_editing_a_day_by_hand_is_audited_and_takes_effect(db, clerk):
    assert work_calendar().is_workday(date(2024, 6, 11))
    set_day(date(2024, 6, 11), is_working=False, name="地方假日", actor=clerk)
    assert not work_calendar().is_workday(date(2024, 6, 11))
    event = AuditEvent.objects.get(event="calendar.day_set")
    assert event.actor == clerk and event.after == {"is_working": False, "name": "地方假日"}
