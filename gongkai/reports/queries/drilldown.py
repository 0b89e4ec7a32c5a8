"""The requests behind one cell of a report: the same conditions the counts are made of.

A cell path is ``applications.<row>.<column>`` (tables 三 of 2021 and 2019) or
``extra.<row>.value`` for the request lines of the pre-2019 statistics table. Only staff of the
agency see the list (the caller starts from ``agencies.access.applications_for_staff``).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from gongkai.applications.models import Application, ClockEvent
from gongkai.domain.annual_report import APPLICANT_COLUMN_IDS, REPLY_TYPE_TO_OLDER, TemplateId, specs_for
from gongkai.domain.annual_report_counts import CHANNEL_ROWS
from gongkai.domain.cases import EventKind
from gongkai.domain.outcomes import ReplyType
from gongkai.reports.queries.aggregates import open_at_end, open_in_year, received_before

_GROUPS = ("refused", "unable", "not_processed", "other")


def _extended() -> Exists:
    return Exists(
        ClockEvent.objects.filter(application=OuterRef("pk"), kind=EventKind.EXTENSION_APPROVED.value)
    )


def _concluded(year: int) -> Q:
    return open_in_year(year) & ~open_at_end(year)


def _table_three(year: int, row: str, column: str) -> Q | None:
    if column != "total" and column not in APPLICANT_COLUMN_IDS:
        return None
    who = Q() if column == "total" else Q(applicant_type=column)
    base = open_in_year(year) & who
    rows = {
        "new": base & ~received_before(year),
        "carried_over": base & received_before(year),
        "carried_forward": base & open_at_end(year),
        "total": base & ~open_at_end(year),
    }
    if row in rows:
        return rows[row]
    if row in _GROUPS:
        return base & ~open_at_end(year) & Q(reply_type__startswith=f"{row}.")
    if row in {reply.value for reply in ReplyType}:
        return base & ~open_at_end(year) & Q(reply_type=row)
    return None


def _older_replies(row: str) -> list[str]:
    key = "pre2019-table.reason" if row.startswith("replies.refused.") else "pre2019-table"
    return [reply.value for reply, rows in REPLY_TYPE_TO_OLDER.items() if rows.get(key) == row]


def _statistics(year: int, row: str) -> Q | None:
    new = open_in_year(year) & ~received_before(year)
    concluded = _concluded(year)
    if row == "requests.received":
        return new
    channels = [channel.value for channel, line in CHANNEL_ROWS.items() if line == row]
    if channels:
        return new & Q(channel__in=channels)
    fixed = {
        "requests.concluded": concluded,
        "replies.total": concluded,
        "requests.on_time": concluded & ~Q(extended=True),
        "requests.extended": concluded & Q(extended=True),
    }
    if row in fixed:
        return fixed[row]
    replies = _older_replies(row)
    return concluded & Q(reply_type__in=replies) if row.startswith("replies.") else None


def cell_condition(year: int, template: TemplateId, path: str) -> Q | None:
    """The condition selecting the requests a cell counts, or None when the cell has none."""
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    spec = specs_for(template).get(table)
    if spec is None or not spec.has_row(row):
        return None
    if table == "applications":
        return _table_three(year, row, column)
    if table == "extra" and template == "pre2019-table":
        return _statistics(year, row)
    return None


def cases_behind(
    queryset: QuerySet[Application], *, year: int, template: TemplateId, path: str
) -> QuerySet[Application]:
    """The requests of ``queryset`` (already limited to what the user may see) behind the cell."""
    condition = cell_condition(year, template, path)
    if condition is None:
        return queryset.none()
    return queryset.annotate(extended=_extended()).filter(condition).order_by("received_on", "id")


def is_drillable(template: TemplateId, path: str) -> bool:
    return cell_condition(2000, template, path) is not None
