from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gongkai.agencies.access import staff_agencies


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The agencies the signed-in user works in, for the back-office menu (lazily evaluated)."""
    user = request.user
    return {"my_agencies": staff_agencies(user) if user.is_authenticated else []}
