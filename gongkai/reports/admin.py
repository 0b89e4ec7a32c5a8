"""Read-only admin views: reports change only through gongkai.reports.services (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.reports.models import AnnualReport, ManualEntry, NarrativeSection, ReportReminder


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnly):
    list_display = ("agency", "year", "version", "template", "status", "locked", "published_at")
    list_filter = ("status", "template", "year")
    search_fields = ("agency__name", "agency__slug")


@admin.register(ManualEntry)
class ManualEntryAdmin(ReadOnly):
    list_display = ("agency", "year", "key", "value", "entered_by", "entered_at")
    list_filter = ("year",)
    search_fields = ("agency__name", "key")


@admin.register(NarrativeSection)
class NarrativeSectionAdmin(ReadOnly):
    list_display = ("report", "key", "updated_by", "updated_at")


@admin.register(ReportReminder)
class ReportReminderAdmin(ReadOnly):
    list_display = ("agency", "year", "stage", "recipient", "sent_at")
