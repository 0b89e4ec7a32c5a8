"""The admin shows the catalogue; every change goes through the services (and their audit trail)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.catalogue.models import (
    CatalogueSettings,
    Category,
    ChannelRelease,
    PrivacyFinding,
    Publication,
    PublicationVersion,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VersionInline(admin.TabularInline):
    model = PublicationVersion
    fields = ["number", "kind", "state", "title", "doc_number", "formed_on", "published_on"]
    readonly_fields = ["number", "kind", "state", "title", "doc_number", "formed_on", "published_on"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReleaseInline(admin.TabularInline):
    model = ChannelRelease
    fields = ["channel", "released_on", "note"]
    readonly_fields = ["channel", "released_on", "note"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = [
        "index_number",
        "__str__",
        "agency",
        "category",
        "status",
        "doc_type",
        "validity",
        "published_on",
    ]
    list_filter = ["status", "doc_type", "validity", "agency"]
    list_select_related = ["current", "agency", "category"]
    search_fields = ["index_number", "versions__title", "versions__doc_number"]
    inlines = [VersionInline, ReleaseInline]


@admin.register(PrivacyFinding)
class PrivacyFindingAdmin(ReadOnlyAdmin):
    list_display = ["version", "kind", "preview", "source", "line", "column", "status"]
    list_filter = ["kind", "status"]


@admin.register(Category)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "parent", "agency", "position"]
    list_filter = ["agency"]
    search_fields = ["name", "code"]


@admin.register(CatalogueSettings)
class CatalogueSettingsAdmin(ReadOnlyAdmin):
    list_display = ["agency", "index_pattern", "updated_at"]
