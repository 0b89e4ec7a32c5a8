"""E-mail to applicants and clerks through Django's e-mail backend; each message is sent once.

Applicants hear of receipt, a correction request, a fee notice, an extension and the reply.
Clerks hear 3 working days before a deadline and when it has passed (`gongkai notify`, for cron).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from gongkai.applications.models import Application, Notification
from gongkai.domain.deadlines import working_days_left
from gongkai.workcalendar.queries import work_calendar

APPLICANT_SUBJECTS = {
    "received": "您的政府信息公开申请已收到",
    "correction": "请补正您的政府信息公开申请",
    "fee_notice": "政府信息公开信息处理费收费通知",
    "extension": "您的政府信息公开申请延期答复",
    "reply": "您的政府信息公开申请已答复",
}


def _send_once(application: Application, key: str, recipient: str, subject: str, body: str) -> bool:
    try:
        with transaction.atomic():
            Notification.objects.create(application=application, key=key, recipient=recipient)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except IntegrityError:
        return False
    return True


def notify_applicant(application_id: int, key: str) -> bool:
    application = Application.objects.select_related("agency").get(pk=application_id)
    if not application.email:
        return False
    body = (
        f"{application.applicant_name}：\n\n"
        f"{application.agency.name}：{APPLICANT_SUBJECTS[key]}。\n"
        f"申请编号：{application.ref}\n查询码：{application.query_code}\n"
        f"当前状态：{application.get_stage_display()}\n"
        + (f"答复期限：{application.due_on:%Y年%m月%d日}\n" if application.due_on and key != "reply" else "")
        + "正式文书以书面送达为准。\n"
    )
    return _send_once(application, f"applicant.{key}", application.email, APPLICANT_SUBJECTS[key], body)


def notify_clerks(*, today: date) -> int:
    """Warn assignees of deadlines within 3 working days and of overdue cases; never twice."""
    calendar = work_calendar()
    sent = 0
    open_cases = (
        Application.objects.exclude(stage="concluded")
        .filter(due_on__isnull=False, assignee__isnull=False)
        .exclude(assignee__email="")
        .select_related("assignee", "agency")
    )
    horizon = calendar.add_workdays(today, 3)
    for application in open_cases.filter(due_on__lte=horizon).iterator():
        assert application.due_on is not None and application.assignee is not None
        left = working_days_left(application.due_on, today=today, calendar=calendar)
        if left < 0:
            key, subject = f"clerk.overdue.{application.due_on}", f"已超期：{application.ref}"
        else:
            key, subject = f"clerk.soon.{application.due_on}", f"{left}个工作日内到期：{application.ref}"
        body = (
            f"{application.agency.name} 申请 {application.ref} 的答复期限为 {application.due_on:%Y-%m-%d}。"
        )
        sent += _send_once(application, key, application.assignee.email, subject, body)
    return sent
