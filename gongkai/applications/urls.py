from __future__ import annotations

from django.urls import URLPattern, path

from gongkai.applications.views import backoffice, public

app_name = "applications"
urlpatterns: list[URLPattern] = [
    # The public side: no sign-in, no personal data shown.
    path("apply/<slug:slug>/", public.apply, name="apply"),
    path("receipt/<str:code>/", public.receipt, name="receipt"),
    path("status/", public.status, name="status"),
    # The back office: the agency's staff only (gongkai.agencies.access).
    path("inbox/<slug:slug>/", backoffice.inbox, name="inbox"),
    path("intake/<slug:slug>/", backoffice.intake, name="intake"),
    path("case/<int:pk>/", backoffice.case, name="case"),
    path("case/<int:pk>/do/<slug:action>/", backoffice.case_action, name="case_action"),
    path("case/<int:pk>/fee-preview/", backoffice.fee_preview, name="fee_preview"),
    path("case/<int:pk>/letters/<int:letter_id>/", backoffice.letter_download, name="letter_download"),
]
