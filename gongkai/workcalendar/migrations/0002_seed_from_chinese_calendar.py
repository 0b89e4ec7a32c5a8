"""Reference data: the official holiday arrangements the chinese-calendar package covers.

Later years are loaded with `gongkai calendar import FILE` when the State Council publishes them.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.domain.workdays import chinese_calendar_years, entries_from_chinese_calendar

    CalendarDay = apps.get_model("workcalendar", "CalendarDay")
    CalendarYear = apps.get_model("workcalendar", "CalendarYear")
    years = [y for y in chinese_calendar_years() if not CalendarYear.objects.filter(year=y).exists()]
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(date=e.day, is_working=e.is_working, name=e.name, source="chinese-calendar")
            for y in years
            for e in entries_from_chinese_calendar(y)
        ],
        ignore_conflicts=True,
    )
    CalendarYear.objects.bulk_create([CalendarYear(year=y, source="chinese-calendar") for y in years])


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
