from __future__ import annotations

from typing import Any

from django.db import models, transaction

from gongkai.audit.models import AuditEvent


def record(
    *,
    actor: Any,
    event: str,
    subject: models.Model | None = None,
    subject_type: str = "",
    subject_id: str = "",
    agency: Any = None,
    before: Any = None,
    after: Any = None,
    note: str = "",
) -> AuditEvent:
    """Write one audit row; must run inside the caller's transaction (style.md §2.5)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must be called inside the service's transaction")
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    label = getattr(actor, "get_username", lambda: str(actor or "系统"))() if actor is not None else "系统"
    return AuditEvent.objects.create(
        actor=actor_user,
        actor_label=label,
        agency=agency,
        event=event,
        subject_type=subject_type or (subject._meta.label_lower if subject is not None else ""),
        subject_id=subject_id or (str(subject.pk) if subject is not None else ""),
        subject_label=str(subject)[:255] if subject is not None else "",
        before=before,
        after=after,
        note=note,
    )
