"""Importing a published report: read the file, extract, store with its findings (audited).

Idempotent by content: a file whose SHA-256 is already stored is not read again and nothing
changes (``created`` is False).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction

from gongkai.audit.services import record
from gongkai.domain.extraction import ExtractedReport, extract_text
from gongkai.importer.models import ImportedReport
from gongkai.importer.reading import text_of

EVENT = "importer.report_imported"


def import_report_file(path: Path, *, actor: Any = None) -> tuple[ImportedReport, bool]:
    """Store what the reader finds in the report at ``path``; (report, created).

    Raises ExtractionError (with a Chinese message naming the file) when it cannot be read.
    """
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    existing = ImportedReport.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    text = text_of(data, name=Path(path).name)
    report = extract_text(text, filename=Path(path).name)
    try:
        return _store(Path(path).name, digest, text, report, actor=actor), True
    except IntegrityError:  # the same file, imported at the same moment by someone else
        return ImportedReport.objects.get(sha256=digest), False


@transaction.atomic
def _store(name: str, digest: str, text: str, report: ExtractedReport, *, actor: Any) -> ImportedReport:
    findings = [finding.to_json() for finding in report.findings]
    imported = ImportedReport(
        file_name=name[:255],
        sha256=digest,
        agency=report.agency[:200],
        year=report.year,
        template=report.template,
        fields=dict(report.fields),
        tables=report.tables.with_subtotals().to_json(),
        findings=findings,
        text=text,
    )
    imported.full_clean()
    imported.save()
    record(
        actor=actor,
        event=EVENT,
        subject=imported,
        after={
            "file": name,
            "sha256": digest,
            "agency": imported.agency,
            "year": imported.year,
            "template": imported.template,
            "fields": imported.fields,
            "findings": len(findings),
        },
    )
    return imported
