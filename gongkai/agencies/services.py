from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from gongkai.agencies.models import Agency, Level, Membership, Role
from gongkai.audit.services import record


@transaction.atomic
def create_agency(
    *,
    slug: str,
    name: str,
    actor: AbstractBaseUser | None,
    parent: Agency | None = None,
    level: str = Level.COUNTY,
    is_government: bool = False,
    code: str = "",
) -> Agency:
    agency = Agency(slug=slug, name=name, parent=parent, level=level, is_government=is_government, code=code)
    agency.full_clean()
    agency.save()
    record(
        actor=actor,
        event="agency.created",
        subject=agency,
        agency=agency,
        after={"slug": slug, "name": name, "parent": parent.slug if parent else None, "level": level},
    )
    return agency


@transaction.atomic
def grant_role(user: Any, *, agency: Agency, role: Role, actor: AbstractBaseUser | None) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        record(
            actor=actor,
            event="membership.granted",
            subject=membership,
            agency=agency,
            after={"user": user.get_username(), "role": str(role)},
        )
    return membership


@transaction.atomic
def revoke_role(user: Any, *, agency: Agency, role: Role, actor: AbstractBaseUser | None) -> None:
    deleted, _ = Membership.objects.filter(user=user, agency=agency, role=role).delete()
    if deleted:
        record(
            actor=actor,
            event="membership.revoked",
            subject_type="agencies.membership",
            agency=agency,
            before={"user": user.get_username(), "role": str(role)},
        )
