from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.agencies.models import Agency


def home(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.select_related("parent").order_by("parent_id", "name")
    return render(request, "web/home.html", {"agencies": agencies})


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
