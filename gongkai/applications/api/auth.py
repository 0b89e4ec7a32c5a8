"""How the staff endpoints know who calls: a signed bearer token, or the session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from gongkai.applications.tokens import user_for_token


class SignedTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with a token from ``POST /api/applications/token``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


# The token first: a bearer client sends no CSRF cookie, which the session check would refuse.
STAFF_AUTH = [SignedTokenAuth(), django_auth]
