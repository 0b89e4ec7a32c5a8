"""Reminders to the heads of disclosure offices before their annual report is due.

2019 Regulation Art. 49: a department publishes by 31 January, a government its own report by
31 March (``schedule.report_deadline``). `gongkai report_reminders` (daily, from cron) sends at
most one e-mail per agency, year, stage and recipient: a month before, a week before, and once
when the deadline has passed with no report published (for 60 days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.reports.models import AnnualReport, ReportReminder, Status
from gongkai.reports.schedule import report_deadline

STAGES: tuple[tuple[str, int], ...] = (("week", 7), ("month", 30))  # days before the deadline
OVERDUE_DAYS = 60  # how long after the deadline a late report is still chased by e-mail
SUBJECTS = {
    "month": "{year}年度政府信息公开工作年度报告将于{deadline}到期",
    "week": "{year}年度政府信息公开工作年度报告一周内到期（{deadline}）",
    "overdue": "{year}年度政府信息公开工作年度报告已逾期（应于{deadline}前发布）",
}


@dataclass(frozen=True)
class Reminder:
    agency: Agency
    year: int
    stage: str
    deadline: dt.date
    recipient: str


def reminder_stage(today: dt.date, deadline: dt.date) -> str | None:
    """The most urgent stage that applies today, or None."""
    if today > deadline:
        return "overdue" if (today - deadline).days <= OVERDUE_DAYS else None
    days_left = (deadline - today).days
    for stage, days in STAGES:
        if days_left <= days:
            return stage
    return None


def due_reminders(*, today: dt.date) -> list[Reminder]:
    """Reminders for last year's reports not yet published. Three queries."""
    year = today.year - 1
    published = set(
        AnnualReport.objects.filter(year=year, status=Status.PUBLISHED).values_list("agency_id", flat=True)
    )
    heads: dict[int, list[str]] = {}
    rows = (
        Membership.objects.filter(role=Role.OFFICE_HEAD)
        .exclude(user__email="")
        .values_list("agency_id", "user__email")
    )
    for agency_id, email in rows:
        heads.setdefault(agency_id, []).append(email)
    reminders = []
    for agency in Agency.objects.filter(pk__in=heads).exclude(pk__in=published).order_by("name"):
        deadline = report_deadline(year, is_government=agency.is_government)
        stage = reminder_stage(today, deadline)
        if stage is not None:
            reminders += [
                Reminder(agency, year, stage, deadline, email) for email in sorted(set(heads[agency.pk]))
            ]
    return reminders


def send_reminder(reminder: Reminder) -> bool:
    """Send once; False when this reminder was already sent."""
    words = {"year": reminder.year, "deadline": f"{reminder.deadline:%Y年%m月%d日}"}
    subject = SUBJECTS[reminder.stage].format(**words)
    body = (
        f"{reminder.agency.name}：\n\n{subject}。\n"
        "依据《中华人民共和国政府信息公开条例》第四十九条，请按时公布年度报告并报送本级政府信息公开工作主管部门。\n"
    )
    try:
        with transaction.atomic():
            ReportReminder.objects.create(
                agency=reminder.agency, year=reminder.year, stage=reminder.stage, recipient=reminder.recipient
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [reminder.recipient])
    except IntegrityError:
        return False
    return True


def send_report_reminders(*, today: dt.date) -> int:
    return sum(send_reminder(reminder) for reminder in due_reminders(today=today))
