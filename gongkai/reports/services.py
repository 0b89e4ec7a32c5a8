"""Every change to an annual report: one audited transaction each (style.md §2.5).

Publishing (2019 Regulation Art. 49) stores the tables as computed and locks the year. While the
year is locked, any change that would alter its figures or prose — a case event, a hand-entered
figure, a section — needs a reason, and reopens the report as a new draft version
(:func:`ensure_year_open`); the published version stays public until the new one is published.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.access import has_role
from gongkai.agencies.models import Agency, Role
from gongkai.audit.services import record
from gongkai.domain.annual_report import TemplateId
from gongkai.domain.annual_report_counts import application_bucket
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.reports.manual import as_number, manual_field
from gongkai.reports.models import AnnualReport, ManualEntry, NarrativeSection, SectionKey, Status, Template
from gongkai.reports.queries import compile_report
from gongkai.reports.schedule import default_template

# User-facing messages, named so that tests can import them (style.md §3.5).
YEAR_LOCKED = "{year}年度报告已发布，修改该年度的数据必须写明理由（报告将重新打开为新版本）"
HAS_ERRORS = "报告有{count}项错误，不能发布；审批领导可写明理由后带错误发布"
OVERRIDE_NEEDS_LEADER = "只有审批领导可以带错误发布报告"
PUBLISH_NEEDS_ROLE = "只有政府信息公开工作机构负责人或审批领导可以发布报告"
ALREADY_PUBLISHED = "该版本已发布；如需修改，请写明理由重新打开"
PUBLISHERS = (Role.OFFICE_HEAD, Role.LEADER)


def _latest(agency: Agency, year: int, *, lock: bool = False) -> AnnualReport | None:
    queryset = AnnualReport.objects.filter(agency=agency, year=year).order_by("-version")
    if lock:
        queryset = queryset.select_for_update()
    return queryset.first()


def _template(value: str | None, year: int) -> TemplateId:
    if value is None or value == "":
        return default_template(year)
    if value not in Template.values:
        raise InvalidInput(f"未知的报告格式“{value}”", where="template")
    return value  # type: ignore[return-value]


@transaction.atomic
def start_report(agency: Agency, year: int, *, actor: Any, template: str | None = None) -> AnnualReport:
    """The year's draft to work on: created as version 1, or the latest draft (its format changed
    when another is asked). A locked year must be reopened first (:func:`ensure_year_open`)."""
    report = _latest(agency, year, lock=True)
    if report is not None and report.status == Status.PUBLISHED:
        raise TransitionNotAllowed(ALREADY_PUBLISHED, where="report")
    wanted = _template(template, year) if template or report is None else report.template
    if report is None:
        report = AnnualReport(agency=agency, year=year, template=wanted)
        report.full_clean()
        report.save()
        record(actor=actor, event="report.started", subject=report, agency=agency, after={"template": wanted})
    elif report.template != wanted:
        before = report.template
        report.template = wanted
        report.save(update_fields=["template", "updated_at"])
        record(
            actor=actor,
            event="report.template_changed",
            subject=report,
            agency=agency,
            before={"template": before},
            after={"template": wanted},
        )
    return report


@transaction.atomic
def ensure_year_open(agency: Agency, year: int, *, reason: str, actor: Any) -> AnnualReport | None:
    """Let a change to ``year`` through: nothing to do unless the year's report is published and
    locked; then the reason is required and the report reopens as a new draft version."""
    locked = AnnualReport.objects.select_for_update().filter(agency=agency, year=year, locked=True).first()
    if locked is None:
        return None
    if not reason.strip():
        raise TransitionNotAllowed(YEAR_LOCKED.format(year=year), code="year_locked", where="reason")
    return reopen_report(locked, reason=reason, actor=actor)


@transaction.atomic
def reopen_report(report: AnnualReport, *, reason: str, actor: Any) -> AnnualReport:
    """A new draft version after the published one, with its prose; the published one stays public."""
    if not reason.strip():
        raise InvalidInput("重新打开已发布的报告必须写明理由", where="reason")
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != Status.PUBLISHED or not report.locked:
        raise TransitionNotAllowed("只有已发布且锁定的报告可以重新打开", where="report")
    report.locked = False
    report.save(update_fields=["locked", "updated_at"])
    draft = AnnualReport(
        agency=report.agency,
        year=report.year,
        template=report.template,
        version=report.version + 1,
        reopened_reason=reason.strip(),
    )
    draft.full_clean()
    draft.save()
    NarrativeSection.objects.bulk_create(
        NarrativeSection(report=draft, key=s.key, text=s.text, updated_by=s.updated_by)
        for s in report.sections.all()
    )
    record(
        actor=actor,
        event="report.reopened",
        subject=draft,
        agency=report.agency,
        before={"version": report.version},
        after={"version": draft.version},
        note=reason.strip(),
    )
    return draft


def ensure_case_change_allowed(application: Any, *, after: Any, reason: str, actor: Any) -> None:
    """The hook in ``applications.services.add_event``: a case event that changes how the case
    counts in a locked year (received or concluded date, reply type) needs a reason and reopens
    that year's report. ``after`` is the domain's CaseState once the event is applied."""
    before = (application.received_on, application.concluded_on, application.reply_type or None)
    now = (after.received, after.concluded_on, after.reply_type.value if after.reply_type else None)
    if before == now:
        return
    first = min(before[0], now[0]).year
    ends = [d for d in (before[1], now[1]) if d is not None]
    last = timezone.localdate().year if len(ends) < 2 else max(ends).year
    locked = AnnualReport.objects.filter(
        agency_id=application.agency_id, locked=True, year__gte=first, year__lte=last
    ).values_list("year", flat=True)
    for year in sorted(set(locked)):
        if _counts_in(before, year) != _counts_in(now, year):
            ensure_year_open(application.agency, year, reason=reason, actor=actor)


def _counts_in(case: tuple[dt.date, dt.date | None, str | None], year: int) -> tuple[Any, ...]:
    received, concluded, reply = case
    bucket = application_bucket(received, concluded, year)
    return (bucket, reply if bucket is not None and not bucket[1] else None)


@transaction.atomic
def save_manual_entry(
    agency: Agency,
    year: int,
    *,
    key: str,
    value: Decimal | None,
    actor: Any,
    note: str = "",
    reason: str = "",
) -> ManualEntry | None:
    """Enter, change or (``value=None``) clear a hand-entered figure, with who and when."""
    field = manual_field(key)
    if value is not None:
        as_number(field, value)
    existing = ManualEntry.objects.select_for_update().filter(agency=agency, year=year, key=key).first()
    before = None if existing is None else str(existing.value)
    if (existing is None and value is None) or (existing is not None and existing.value == value):
        return existing
    ensure_year_open(agency, year, reason=reason, actor=actor)
    user = actor if getattr(actor, "is_authenticated", False) else None
    entry: ManualEntry | None
    if value is None:
        assert existing is not None
        existing.delete()
        entry = None
    else:
        entry = existing or ManualEntry(agency=agency, year=year, key=key)
        entry.value, entry.note, entry.entered_by = value, note.strip(), user
        entry.full_clean()
        entry.save()
    record(
        actor=actor,
        event="report.manual_entry_saved",
        subject_type="reports.manualentry",
        subject_id=f"{agency.pk}:{year}:{key}",
        agency=agency,
        before={"key": key, "value": before},
        after={"key": key, "value": None if value is None else str(value)},
        note=reason.strip() or note.strip(),
    )
    return entry


@transaction.atomic
def save_section(
    agency: Agency, year: int, *, key: str, text: str, actor: Any, reason: str = ""
) -> NarrativeSection:
    """Write one prose part of the year's draft (created when there is none)."""
    if key not in SectionKey.values:
        raise InvalidInput(f"没有“{key}”这一部分", where="key")
    report = _latest(agency, year, lock=True)
    if report is not None and report.locked:
        current = report.sections.filter(key=key).first()
        if (current.text if current else "") == text.strip():
            return current or NarrativeSection(report=report, key=key)  # nothing changes: no new version
        report = ensure_year_open(agency, year, reason=reason, actor=actor)
    if report is None or report.status == Status.PUBLISHED:
        report = start_report(agency, year, actor=actor)
    section, _ = NarrativeSection.objects.get_or_create(report=report, key=key)
    before = section.text
    section.text = text.strip()
    section.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    section.save()
    record(
        actor=actor,
        event="report.section_saved",
        subject=report,
        agency=agency,
        before={"key": key, "text": before},
        after={"key": key, "text": section.text},
        note=reason.strip(),
    )
    return section


@transaction.atomic
def publish_report(agency: Agency, year: int, *, actor: Any, override_reason: str = "") -> AnnualReport:
    """Publish the year's draft with its tables as computed now, and lock the year.

    A report with error findings cannot be published, unless a leader (审批领导) records why.
    """
    if not has_role(actor, agency, *PUBLISHERS):
        raise TransitionNotAllowed(PUBLISH_NEEDS_ROLE, where="actor")
    report = _latest(agency, year, lock=True) or start_report(agency, year, actor=actor)
    if report.status == Status.PUBLISHED:
        raise TransitionNotAllowed(ALREADY_PUBLISHED, where="report")
    compiled = compile_report(agency, year, template=report.template)  # type: ignore[arg-type]
    errors = compiled.errors
    reason = override_reason.strip()
    if errors and not reason:
        raise TransitionNotAllowed(
            HAS_ERRORS.format(count=len(errors)), code="report_has_errors", where="findings"
        )
    if errors and not has_role(actor, agency, Role.LEADER):
        raise TransitionNotAllowed(OVERRIDE_NEEDS_LEADER, code="override_needs_leader", where="actor")
    report.tables = compiled.tables.to_json()
    report.findings = [finding.to_json() for finding in compiled.findings]
    report.published_sections = {section.key: section.filled.text for section in compiled.sections}
    report.status, report.locked = Status.PUBLISHED, True
    report.published_at = timezone.now()
    report.published_by = actor if getattr(actor, "is_authenticated", False) else None
    report.override_reason = reason if errors else ""
    report.save()
    record(
        actor=actor,
        event="report.published_with_errors" if errors else "report.published",
        subject=report,
        agency=agency,
        after={"version": report.version, "errors": len(errors), "warnings": len(compiled.warnings)},
        note=report.override_reason,
    )
    return report
