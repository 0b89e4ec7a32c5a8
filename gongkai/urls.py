from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from gongkai.api import api

admin.site.site_header = "公开 Gongkai 管理后台"
admin.site.site_title = "Gongkai"

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("catalogue/", include("gongkai.catalogue.urls")),
    path("applications/", include("gongkai.applications.urls")),
    path("disputes/", include("gongkai.disputes.urls")),
    path("reports/", include("gongkai.reports.urls")),
    path("", include("gongkai.web.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
