from __future__ import annotations

from django.urls import URLPattern, path

from gongkai.reports.views import backoffice, public, rollup

app_name = "reports"
urlpatterns: list[URLPattern] = [
    # The supervising government: statistics of the agencies below it, never personal data.
    path("rollup/<slug:slug>/", rollup.dashboard, name="rollup"),
    # The back office: the agency's staff only (gongkai.agencies.access).
    path("manage/<slug:slug>/<int:year>/", backoffice.manage, name="manage"),
    path("manage/<slug:slug>/<int:year>/template/", backoffice.set_template, name="set_template"),
    path("manage/<slug:slug>/<int:year>/sections/<slug:key>/", backoffice.save_section, name="save_section"),
    path("manage/<slug:slug>/<int:year>/manual/", backoffice.manual, name="manual"),
    path("manage/<slug:slug>/<int:year>/publish/", backoffice.publish, name="publish"),
    path("manage/<slug:slug>/<int:year>/reopen/", backoffice.reopen, name="reopen"),
    path("manage/<slug:slug>/<int:year>/cases/", backoffice.cases, name="cases"),
    path("manage/<slug:slug>/<int:year>/export.<slug:fmt>", backoffice.export, name="export"),
    # The public side: published reports only.
    path("<slug:slug>/", public.agency_reports, name="agency_reports"),
    path("<slug:slug>/<int:year>/", public.public_report, name="public"),
    path("<slug:slug>/<int:year>/report.<slug:fmt>", public.public_download, name="download"),
]
