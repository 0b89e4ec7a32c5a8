"""Admin for requests: read-only and without personal data, which only the access functions reach.

Requests change through the services (the back office and the API), never here. Agencies' own
letter wordings (LetterTemplate) are edited here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.applications.models import Application, ClockEvent, LetterTemplate

# Personal data (个人信息保护法) is never shown in the admin: see gongkai.agencies.access.
PERSONAL_FIELDS = (
    "applicant_name",
    "id_type",
    "id_number",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "content",
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ClockEventInline(admin.TabularInline):
    model = ClockEvent
    fields = readonly_fields = (
        "on",
        "kind",
        "extension_days",
        "delayed_until",
        "reply_type",
        "actor",
        "created_at",
    )
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = [
        "ref",
        "agency",
        "channel",
        "received_on",
        "stage",
        "due_on",
        "concluded_on",
        "reply_type",
    ]
    list_filter = ["stage", "channel", "source", "agency"]
    search_fields = ["ref", "agency__name"]
    list_select_related = ["agency"]
    exclude = PERSONAL_FIELDS
    inlines = [ClockEventInline]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["agency", "kind", "reply_type", "title", "version", "updated_at"]
    list_filter = ["kind", "agency"]
    search_fields = ["title", "agency__name"]
    autocomplete_fields = ["agency"]
