"""The report as a web page: the public page's content, standalone, with its print stylesheet.

The same templates draw the public page and the staff page (which adds drill-down links), so
what is exported is what is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string

from gongkai.domain.annual_report import ReportTables
from gongkai.reports.render.layout import Section, document


def render(tables: ReportTables, *, sections: Sequence[Section] = ()) -> bytes:
    context = {"document": document(tables, sections), "tables": tables, "links": {}}
    return render_to_string("reports/export.html", context).encode("utf-8")
