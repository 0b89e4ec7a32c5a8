"""Reads for the request pages: the inbox tabs, the case page and the public status, each in a
fixed number of queries whatever the number of cases.

Every query on personal data starts from a queryset the caller got from
gongkai.agencies.access (``applications_for_staff`` / ``access_application``). ``today`` and the
work calendar are passed in. "Overdue" is derived here (``due_on < today`` on an open case); it is
never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When

from gongkai.agencies.models import CASEWORK_ROLES, Agency
from gongkai.applications.models import Application, ClockEvent, Consultation, FeeNotice, Reply
from gongkai.applications.services import case_state, nth_request_in_month
from gongkai.audit.models import AuditEvent
from gongkai.domain.cases import EVENT_LABELS, STAGE_LABELS, CaseState, EventKind, Stage, allowed_events
from gongkai.domain.deadlines import working_days_left
from gongkai.domain.fees import Fee, FeeMethod, fee_for
from gongkai.domain.outcomes import REPLY_TYPE_LABELS, ReplyType
from gongkai.domain.workdays import WorkCalendar

TAB_LABELS: dict[str, str] = {
    "today": "今日到期",
    "soon": "3个工作日内到期",
    "overdue": "已超期",
    "paused": "中止中",
    "approval": "待审批",
    "all": "全部",
}
PAUSED_STAGES = (Stage.CONSULTING.value, Stage.AWAITING_PAYMENT.value)
OPEN_STAGES = tuple(stage.value for stage in Stage if stage != Stage.CONCLUDED)
# "stage IN (open stages)" rather than "stage != concluded": the (agency, stage, due_on) index answers it.
_OPEN = Q(stage__in=OPEN_STAGES)
_ORDER: dict[str, tuple[str, ...]] = {
    "today": ("id",),
    "soon": ("due_on", "id"),
    "overdue": ("due_on", "id"),
    "paused": ("received_on", "id"),
    "approval": ("due_on", "id"),
    "all": ("-received_on", "-id"),
}
PER_PAGE = 25


@dataclass(frozen=True)
class InboxFilters:
    stage: str = ""
    assignee: str = ""  # a user id, or "none" for unassigned cases
    channel: str = ""
    year: int | None = None  # of the receipt date
    q: str = ""  # ref, content or applicant name: staff pages only


@dataclass(frozen=True)
class Inbox:
    tab: str
    counts: dict[str, int]
    page: Page[Any]

    @property
    def tabs(self) -> list[tuple[str, str, int]]:
        """(key, label, count) of every tab, in order."""
        return [(key, label, self.counts[key]) for key, label in TAB_LABELS.items()]


def tab_conditions(*, today: date, calendar: WorkCalendar) -> dict[str, Q]:
    horizon = calendar.add_workdays(today, 3)
    return {
        "today": _OPEN & Q(due_on=today),
        "soon": _OPEN & Q(due_on__gt=today, due_on__lte=horizon),
        "overdue": _OPEN & Q(due_on__lt=today),
        "paused": Q(stage__in=PAUSED_STAGES),
        "approval": _OPEN & Q(extension_pending=True),
        "all": Q(),
    }


def filtered_applications(applications: QuerySet[Any], filters: InboxFilters) -> QuerySet[Any]:
    if filters.stage:
        applications = applications.filter(stage=filters.stage)
    if filters.assignee == "none":
        applications = applications.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        applications = applications.filter(assignee_id=int(filters.assignee))
    if filters.channel:
        applications = applications.filter(channel=filters.channel)
    if filters.year:
        applications = applications.filter(received_on__year=filters.year)
    if filters.q.strip():
        q = filters.q.strip()
        applications = applications.filter(
            Q(ref__icontains=q) | Q(content__icontains=q) | Q(applicant_name__icontains=q)
        )
    return applications


def inbox_counts(
    applications: QuerySet[Any], *, filters: InboxFilters, today: date, calendar: WorkCalendar
) -> dict[str, int]:
    """How many cases each tab holds, in three queries whatever the number of cases.

    The deadline tabs are counted from the (agency, stage, due_on) index alone; the approval tab
    needs the rows of open cases; "all" counts the agency's index.
    """
    conditions = tab_conditions(today=today, calendar=calendar)
    cases = filtered_applications(applications, filters)
    by_due = cases.filter(_OPEN).aggregate(
        **{tab: Count("pk", filter=conditions[tab]) for tab in ("today", "soon", "overdue", "paused")}
    )
    return {**by_due, "approval": cases.filter(conditions["approval"]).count(), "all": cases.count()}


def inbox_applications(
    applications: QuerySet[Any], *, tab: str, filters: InboxFilters, today: date, calendar: WorkCalendar
) -> QuerySet[Any]:
    """One tab's cases, with what the inbox row shows joined or annotated (no query per row)."""
    conditions = tab_conditions(today=today, calendar=calendar)
    open_consultation = Consultation.objects.filter(application=OuterRef("pk"), answered_on__isnull=True)
    open_fee_notice = FeeNotice.objects.filter(application=OuterRef("pk"), paid_on__isnull=True)
    return (
        filtered_applications(applications, filters)
        .filter(conditions[tab])
        .select_related("assignee")
        .annotate(
            is_overdue=Case(
                When(_OPEN & Q(due_on__lt=today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            consultation_until=Subquery(open_consultation.order_by("-id").values("window_end")[:1]),
            pay_by=Subquery(open_fee_notice.order_by("-id").values("pay_by")[:1]),
        )
        .order_by(*_ORDER[tab])
    )


class _CountedPaginator(Paginator):
    """A paginator told its count: the tab's count is already known, so no second COUNT query."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


def inbox(
    applications: QuerySet[Any],
    *,
    tab: str,
    filters: InboxFilters,
    today: date,
    calendar: WorkCalendar,
    page_number: str | int | None = 1,
) -> Inbox:
    """The inbox page: the tab counts, then one page of the tab (four queries in all)."""
    tab = tab if tab in TAB_LABELS else "today"
    counts = inbox_counts(applications, filters=filters, today=today, calendar=calendar)
    rows = inbox_applications(applications, tab=tab, filters=filters, today=today, calendar=calendar)
    page = _CountedPaginator(rows, PER_PAGE, count=counts[tab]).get_page(page_number)
    for row in page.object_list:
        open_with_due = row.due_on is not None and row.stage != Stage.CONCLUDED
        row.days_left = (
            working_days_left(row.due_on, today=today, calendar=calendar) if open_with_due else None
        )
        row.days_overdue = -row.days_left if row.days_left is not None and row.days_left < 0 else 0
    return Inbox(tab=tab, counts=counts, page=page)


def assignable_staff(agency: Agency) -> QuerySet[Any]:
    """The agency's casework staff, who may be assigned its cases."""
    return (
        get_user_model()
        .objects.filter(memberships__agency=agency, memberships__role__in=CASEWORK_ROLES, is_active=True)
        .distinct()
        .order_by("username")
    )


# --- the case page ---------------------------------------------------------------------------


@dataclass
class CasePage:
    application: Application
    state: CaseState
    allowed: list[EventKind]
    is_overdue: bool
    days_left: int | None
    correction_window_passed: bool  # past the 7 working days of Art. 30
    events: list[ClockEvent]
    consultations: list[Consultation]
    fee_notices: list[FeeNotice]
    reply: Reply | None
    notes: list[Any]
    letters: list[Any]
    audit: list[AuditEvent]
    fee_preview: FeeEstimate | None  # by count, while a fee notice may be issued


AUDIT_LABELS: dict[str, str] = {
    **{f"application.{kind.value}": label for kind, label in EVENT_LABELS.items()},
    "application.assigned": "指定承办人",
    "application.note_added": "添加内部备注",
    "application.fee_waived": "免收信息处理费",
    "application.deadline_recomputed": "工作日历变更，重新计算期限",
    "application.letter_generated": "生成文书",
}


def case_audit(application: Application) -> list[AuditEvent]:
    """The case's audit trail, oldest first, each entry with a Chinese ``label``."""
    entries = list(
        AuditEvent.objects.filter(subject_type=Application._meta.label_lower, subject_id=str(application.pk))
        .select_related("actor")
        .order_by("created_at", "id")
    )
    for entry in entries:
        entry.label = AUDIT_LABELS.get(entry.event, entry.event)  # type: ignore[attr-defined]
    return entries


def case_page(application: Application, *, today: date, calendar: WorkCalendar) -> CasePage:
    """Everything the case page shows, for a case the caller got from ``access_application``."""
    state = case_state(application, calendar=calendar)
    allowed = allowed_events(state)
    due = state.due
    open_ = state.stage != Stage.CONCLUDED
    return CasePage(
        application=application,
        state=state,
        allowed=allowed,
        is_overdue=state.is_overdue(today),
        days_left=working_days_left(due, today=today, calendar=calendar) if due and open_ else None,
        correction_window_passed=state.correction_due is not None and today > state.correction_due,
        events=list(application.events.select_related("actor").order_by("id")),
        consultations=list(application.consultations.order_by("id")),
        fee_notices=list(application.fee_notices.order_by("id")),
        reply=Reply.objects.filter(application=application).first(),
        notes=list(application.notes.select_related("author").order_by("created_at", "id")),
        letters=list(application.letters.select_related("created_by").order_by("created_at", "id")),
        audit=case_audit(application),
        fee_preview=(
            fee_estimate(application, method=FeeMethod.BY_COUNT, pages=None)
            if EventKind.FEE_NOTICE_ISSUED in allowed
            else None
        ),
    )


@dataclass(frozen=True)
class FeeEstimate:
    method: FeeMethod
    nth_in_month: int | None
    pages: int | None
    fee: Fee | None  # None: free


def fee_estimate(application: Application, *, method: FeeMethod, pages: int | None) -> FeeEstimate:
    """The fee a notice would state, before it is issued (国办函〔2020〕109号)."""
    nth = nth_request_in_month(application) if method == FeeMethod.BY_COUNT else None
    fee = fee_for(method=method, nth_in_month=nth, pages=pages, received=application.received_on)
    return FeeEstimate(method=method, nth_in_month=nth, pages=pages, fee=fee)


# --- the public status page: never personal data -----------------------------------------------


@dataclass(frozen=True)
class PublicStatus:
    """What anyone holding the query code may see: the case's progress, nothing about the applicant."""

    ref: str
    agency: str
    stage: str
    stage_label: str
    received_on: date
    due_on: date | None
    provisional: bool
    concluded_on: date | None
    reply_type: str
    reply_type_label: str


def normalized_query_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def public_status(code: str) -> PublicStatus | None:
    code = normalized_query_code(code)
    if not code:
        return None
    row = (
        Application.objects.filter(query_code=code)
        .values(
            "ref",
            "agency__name",
            "stage",
            "received_on",
            "due_on",
            "provisional",
            "concluded_on",
            "reply_type",
        )
        .first()
    )
    if row is None:
        return None
    stage = Stage(row["stage"])
    reply_type = row["reply_type"] or ""
    return PublicStatus(
        ref=row["ref"],
        agency=row["agency__name"],
        stage=stage.value,
        stage_label=STAGE_LABELS[stage],
        received_on=row["received_on"],
        due_on=row["due_on"],
        provisional=row["provisional"],
        concluded_on=row["concluded_on"],
        reply_type=reply_type,
        reply_type_label=REPLY_TYPE_LABELS[ReplyType(reply_type)] if reply_type else "",
    )
