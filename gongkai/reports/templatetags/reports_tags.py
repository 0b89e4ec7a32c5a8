from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def lookup(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """``links|lookup:cell.path``: the value under a variable key, or "" when there is none."""
    return (mapping or {}).get(key, "")
