from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.disputes.models import Dispute
from gongkai.disputes.services import decide_dispute, file_dispute
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome

_FILED_FIELDS = ["agency", "application", "kind", "body", "case_number", "filed_on", "review"]


@admin.register(Dispute)
class DisputeAdmin(admin.ModelAdmin):
    list_display = ["filed_on", "agency", "kind", "body", "case_number", "outcome", "decided_on"]
    list_filter = ["kind", "outcome", "agency"]
    search_fields = ["case_number", "body", "application__ref"]
    date_hierarchy = "filed_on"
    raw_id_fields = ["application", "review"]
    autocomplete_fields = ["agency"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [*_FILED_FIELDS, "note"]
        return [*_FILED_FIELDS, "outcome", "decided_on", "note", "created_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        if obj.outcome == DisputeOutcome.PENDING:
            return [*_FILED_FIELDS, "note", "created_at"]  # only the decision is recorded here
        return [*_FILED_FIELDS, "outcome", "decided_on", "note", "created_at"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the annual report counts them; a mistaken record is decided "其他结果" with a note

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the services, so every change is validated the same way and audited.
        if not change:
            saved = file_dispute(
                obj.agency,
                kind=DisputeKind(obj.kind),
                body=obj.body,
                filed_on=obj.filed_on,
                case_number=obj.case_number,
                application=obj.application,
                review=obj.review,
                note=obj.note,
                actor=request.user,
            )
            obj.pk = saved.pk
        elif obj.outcome != DisputeOutcome.PENDING and "outcome" in form.changed_data:
            decide_dispute(
                obj,
                outcome=DisputeOutcome(obj.outcome),
                decided_on=obj.decided_on,
                note="",
                actor=request.user,
            )
