"""Output formats, one module each behind one signature (style.md §2.5):
``render(tables: ReportTables, *, sections: Sequence[Section] = ()) -> bytes``.

All three draw the same ``layout.Document``, so they agree cell for cell. Adding a format means
adding a module and a line in :data:`FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from gongkai.domain.annual_report import ReportTables
from gongkai.reports.render.layout import Section

Renderer = Callable[..., bytes]

# format → (content type, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "html": ("text/html; charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def render(fmt: str, tables: ReportTables, *, sections: Sequence[Section] = ()) -> bytes:
    """The report in one of :data:`FORMATS`; KeyError for another."""
    if fmt not in FORMATS:
        raise KeyError(fmt)
    module = import_module(f"gongkai.reports.render.{fmt}")
    renderer: Renderer = module.render
    return renderer(tables, sections=sections)


__all__ = ["FORMATS", "Section", "render"]
