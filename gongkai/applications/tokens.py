"""API tokens without a table: the user's id, signed with a timestamp (Django's TimestampSigner).

A token also carries a digest of the user's password hash, so that changing the password revokes
every token issued before (as Django's password-reset tokens do). Tokens expire after
``GONGKAI_API_TOKEN_MAX_AGE`` seconds (30 days unless set).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.signing import BadSignature, TimestampSigner
from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "gongkai.applications.api-token"
DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 3600


def _signer() -> TimestampSigner:
    return TimestampSigner(salt=_SALT)


def _password_stamp(user: Any) -> str:
    return salted_hmac(_SALT, user.password).hexdigest()[:16]


def max_age_seconds() -> int:
    return int(getattr(settings, "GONGKAI_API_TOKEN_MAX_AGE", DEFAULT_MAX_AGE_SECONDS))


def issue_token(user: Any) -> str:
    return _signer().sign(f"{user.pk}:{_password_stamp(user)}")


def user_for_token(token: str) -> Any | None:
    """The active user the token was issued to, or None when it is forged, expired or revoked."""
    try:
        value = _signer().unsign(token.strip(), max_age=max_age_seconds())
    except BadSignature:
        return None
    pk, _, stamp = value.partition(":")
    if not pk.isdigit():
        return None
    user = get_user_model().objects.filter(pk=int(pk), is_active=True).first()
    if user is None or not constant_time_compare(stamp, _password_stamp(user)):
        return None
    return user
