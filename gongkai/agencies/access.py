"""Who may see what: the only door to agency-scoped records and to applicants' personal data.

A record that exists but is not the user's to see raises the same Http404 as one that does not
exist (Zulip's access_stream_by_id; froide's get_read_foirequest_queryset).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from gongkai.agencies.models import CASEWORK_ROLES, Agency, Membership, Role


def _roles(user: Any) -> dict[int, set[str]]:
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_gongkai_roles", None)
    if cached is None:
        cached = {}
        for agency_id, role in Membership.objects.filter(user=user).values_list("agency_id", "role"):
            cached.setdefault(agency_id, set()).add(role)
        user._gongkai_roles = cached
    return cached


def has_role(user: Any, agency: Agency, *roles: str) -> bool:
    held = _roles(user).get(agency.pk, set())
    return bool(held & set(roles)) if roles else bool(held)


def casework_agency_ids(user: Any) -> set[int]:
    """Agencies whose cases, with personal data, the user works on."""
    return {agency_id for agency_id, roles in _roles(user).items() if roles & CASEWORK_ROLES}


def staff_agencies(user: Any) -> QuerySet[Agency]:
    return Agency.objects.filter(pk__in=casework_agency_ids(user)).order_by("name")


def can_see_personal_data(user: Any, agency: Agency) -> bool:
    # 个人信息保护法: only the staff of the agency that holds the case; supervisors never.
    return agency.pk in casework_agency_ids(user)


def access_agency_as_staff(user: Any, slug: str, *, roles: Iterable[str] = ()) -> Agency:
    """The agency the user works in, or Http404 whether it is missing or not theirs."""
    agency = Agency.objects.filter(slug=slug).first()
    wanted = set(roles) or set(CASEWORK_ROLES)
    if agency is None or not (_roles(user).get(agency.pk, set()) & wanted):
        raise Http404("没有找到该机关")
    return agency


def descendants(agency_ids: Iterable[int]) -> set[int]:
    """The agencies below the given ones, the given ones included."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Agency.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    stack = list(agency_ids)
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children.get(current, []))
    return found


def supervised_agency_ids(user: Any) -> set[int]:
    """Agencies whose statistics (never personal data) the user may see: own ones and those below."""
    roots = {pk for pk, roles in _roles(user).items() if roles & {Role.SUPERVISOR, Role.ADMIN, Role.LEADER}}
    return descendants(roots) | casework_agency_ids(user)


def access_agency_statistics(user: Any, slug: str) -> Agency:
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None or agency.pk not in supervised_agency_ids(user):
        raise Http404("没有找到该机关")
    return agency


# --- Disclosure requests: the only door to applicants' personal data (个人信息保护法) ---


def applications_for_staff(user: Any, agency: Agency | None = None) -> QuerySet[Any]:
    """The requests whose personal data the user may see: those of the agencies they work in."""
    from gongkai.applications.models import Application

    queryset = Application.objects.filter(agency_id__in=casework_agency_ids(user))
    return queryset.filter(agency=agency) if agency is not None else queryset


def access_application(user: Any, application_id: int | str) -> Any:
    """One request for its agency's staff; Http404 alike when missing or another agency's."""
    try:
        pk = int(application_id)
    except (TypeError, ValueError):
        raise Http404("没有找到该申请") from None
    application = applications_for_staff(user).select_related("agency", "assignee").filter(pk=pk).first()
    if application is None:
        raise Http404("没有找到该申请")
    return application
