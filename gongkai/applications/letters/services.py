"""Generate a letter and store it with the case: one audited transaction."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.applications.letters.render import render_letter
from gongkai.applications.models import Application, Letter, LetterKind
from gongkai.audit.services import record


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def generate_letter(
    application: Application, *, kind: LetterKind, actor: Any, extra: Mapping[str, Any] | None = None
) -> Letter:
    """Render the letter from the agency's or the national template and keep the file with the case."""
    kind = LetterKind(kind)
    content, version, title = render_letter(application, kind, extra=extra)
    letter = Letter(application=application, kind=kind, template_version=version, created_by=_user(actor))
    safe_ref = re.sub(r"[^\w-]+", "_", application.ref)
    letter.file.save(f"{kind.value}-{safe_ref}.docx", ContentFile(content), save=False)
    try:
        letter.full_clean()
        letter.save()
        record(
            actor=actor,
            event="application.letter_generated",
            subject=application,
            agency=application.agency,
            after={
                "letter": letter.pk,
                "kind": kind.value,
                "title": title,
                "template_version": version,
                "file": letter.file.name,
            },
        )
    except Exception:
        letter.file.delete(save=False)  # no orphan file when the row is not written
        raise
    return letter
