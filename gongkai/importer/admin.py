from __future__ import annotations

from django.contrib import admin

from gongkai.importer.models import ImportedReport


@admin.register(ImportedReport)
class ImportedReportAdmin(admin.ModelAdmin):
    list_display = ("file_name", "agency", "year", "template", "imported_at")
    list_filter = ("template", "year")
    search_fields = ("file_name", "agency", "sha256")
    readonly_fields = [field.name for field in ImportedReport._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False  # reports come in through `gongkai import reports`, which reads and audits them
