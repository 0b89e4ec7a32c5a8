"""The supervising government's dashboard: who has published, who is late, whose report has
errors, the sum of the tables, charts comparing agencies and years, and the figures read from
the published reports of agencies that do not use Gongkai. Counts only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.agencies.access import access_agency_statistics
from gongkai.domain.extraction import FIELD_NAMES, FIELDS
from gongkai.importer.queries import comparison_rows
from gongkai.importer.summaries import TEMPLATE_NAMES
from gongkai.reports.queries import Rollup, rollup
from gongkai.reports.render.layout import grids
from gongkai.reports.views.backoffice import checked_year


def chart_data(result: Rollup) -> dict[str, Any]:
    """What the ECharts dashboard draws: one bar per agency, one line per agency over the years."""
    names = [row.agency.name for row in result.rows]
    history = result.history
    return {
        "agencies": names,
        "new": [row.figure("new") for row in result.rows],
        "granted": [row.figure("granted") for row in result.rows],
        "errors": [row.errors for row in result.rows],
        "years": [str(year) for year in history["new"]],
        "history": {name: [history["new"][year][name] for year in history["new"]] for name in names},
    }


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    government = access_agency_statistics(request.user, slug)
    today = timezone.localdate()
    try:
        year = checked_year(int(request.GET.get("year") or today.year - 1))
    except ValueError:
        year = today.year - 1
    result = rollup(government, year, today=today)
    context = {
        "government": government,
        "year": year,
        "years": range(today.year, 2007, -1),
        "rollup": result,
        "totals": grids(result.totals),
        "chart": chart_data(result),
        "links": {},
        # published reports of agencies that do not use Gongkai, read by `gongkai import reports`
        "imported": [
            {
                **row,
                "template": TEMPLATE_NAMES.get(row["template"], row["template"]).split("（")[0],
                "figures": [row[name] for name in FIELDS],
            }
            for row in comparison_rows(year)
        ],
        "imported_fields": [FIELD_NAMES[name] for name in FIELDS],
    }
    return render(request, "reports/rollup.html", context)
