from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from gongkai.catalogue.feeds import AgencyPublications, LatestPublications
from gongkai.catalogue.sitemaps import SITEMAPS
from gongkai.catalogue.views import public, staff

app_name = "catalogue"
urlpatterns = [
    path("", public.index, name="index"),
    path("search/", public.search_page, name="search"),
    path("feed/", LatestPublications(), name="feed"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "catalogue:sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("<slug:slug>/", public.agency_catalogue, name="agency"),
    path("<slug:slug>/guide/", public.guide, name="guide"),
    path("<slug:slug>/feed/", AgencyPublications(), name="agency_feed"),
    path("<slug:slug>/<int:pk>/", public.detail, name="detail"),
    path("<slug:slug>/<int:pk>/attachments/<int:attachment_id>/", public.attachment, name="attachment"),
    path("<slug:slug>/manage/", staff.work_list, name="manage"),
    path("<slug:slug>/manage/new/", staff.new_draft, name="new"),
    path("<slug:slug>/manage/settings/", staff.settings_page, name="settings"),
    path("<slug:slug>/manage/categories/", staff.add_category, name="add_category"),
    path("<slug:slug>/manage/<int:pk>/", staff.work_detail, name="work"),
    path("<slug:slug>/manage/<int:pk>/edit/", staff.edit_draft, name="edit"),
    path("<slug:slug>/manage/<int:pk>/attachments/", staff.upload, name="upload"),
    path(
        "<slug:slug>/manage/<int:pk>/attachments/<int:attachment_id>/",
        staff.staff_attachment,
        name="staff_attachment",
    ),
    path(
        "<slug:slug>/manage/<int:pk>/attachments/<int:attachment_id>/delete/",
        staff.delete_attachment,
        name="delete_attachment",
    ),
    path(
        "<slug:slug>/manage/<int:pk>/findings/<int:finding_id>/<str:action>/",
        staff.resolve_finding,
        name="finding",
    ),
    path("<slug:slug>/manage/<int:pk>/<str:action>/", staff.act, name="act"),
]
