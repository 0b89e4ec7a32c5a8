"""Spam protection for the public request form, with no outside service.

Three guards: a per-IP limit counted in Django's cache (a fixed window), a honeypot field that
people never see and bots fill in, and a minimum time between showing the form and submitting it
(a signed timestamp in a hidden field, so no server state is needed).

Behind a reverse proxy the proxy must set REMOTE_ADDR to the client's address (e.g. gunicorn's
``--forwarded-allow-ips``); X-Forwarded-For is not trusted here, as anyone can send it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

HONEYPOT_FIELD = "homepage"
STARTED_FIELD = "started"
_STARTED_SALT = "gongkai.applications.form-started"
MAX_FORM_AGE_SECONDS = 24 * 3600

RATE_LIMITED = "提交过于频繁，请稍后再试。"
TOO_FAST = "提交过快，请核对填写的内容后再提交。"
FORM_EXPIRED = "表单已过期，请刷新页面后重新填写。"
NOT_ACCEPTED = "提交未被接受，请刷新页面后重新填写。"


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` hits per ``window_seconds`` from one address."""

    name: str
    limit: int
    window_seconds: int

    def allow(self, request: HttpRequest) -> bool:
        """Count one hit; False once the address has used up the window."""
        window = int(time.time()) // self.window_seconds
        key = f"ratelimit:{self.name}:{client_ip(request)}:{window}"
        if cache.add(key, 1, timeout=self.window_seconds):
            return True
        try:
            return cache.incr(key) <= self.limit
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window_seconds)
            return True


# 5 requests per address per 10 minutes; lookups of query codes are cheaper and more frequent.
SUBMISSIONS = RateLimit("submit", limit=5, window_seconds=600)
STATUS_LOOKUPS = RateLimit("status", limit=60, window_seconds=600)


def form_started_token() -> str:
    return signing.dumps(int(time.time()), salt=_STARTED_SALT)


def min_fill_seconds() -> int:
    return int(getattr(settings, "GONGKAI_FORM_MIN_SECONDS", 3))


def form_timing_problem(token: str) -> str:
    """Why a form submitted with this start token is refused, or "" when it may be accepted."""
    try:
        started = signing.loads(token, salt=_STARTED_SALT, max_age=MAX_FORM_AGE_SECONDS)
    except signing.SignatureExpired:
        return FORM_EXPIRED
    except signing.BadSignature:
        return NOT_ACCEPTED
    if not isinstance(started, int) or time.time() - started < min_fill_seconds():
        return TOO_FAST
    return ""


def honeypot_filled(value: object) -> bool:
    return bool(str(value or "").strip())
