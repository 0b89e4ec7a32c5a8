"""Reads of imported reports, for the roll-up dashboard's comparison of published reports."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gongkai.domain.extraction import FIELDS
from gongkai.importer.models import ImportedReport


def imported_reports(*, year: int | None = None, agency: str = "") -> QuerySet[ImportedReport]:
    """Imported reports, newest first; of one ``year`` and of agencies whose name contains ``agency``."""
    queryset = ImportedReport.objects.all()
    if year is not None:
        queryset = queryset.filter(year=year)
    if agency:
        queryset = queryset.filter(agency__contains=agency)
    return queryset


def comparison_rows(year: int) -> list[dict[str, Any]]:
    """One row per imported report on ``year``: agency, template, each field (None where the
    report does not state it) and the number of findings, ordered by agency."""
    rows = []
    for report in (
        imported_reports(year=year)
        .order_by("agency", "id")
        .only("id", "agency", "file_name", "template", "fields", "findings")
    ):
        row: dict[str, Any] = {
            "id": report.pk,
            "agency": report.agency or report.file_name,
            "template": report.template,
            "findings": len(report.findings),
        }
        row.update({name: report.fields.get(name) for name in FIELDS})
        rows.append(row)
    return rows
