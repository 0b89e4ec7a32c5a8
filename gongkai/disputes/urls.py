from django.urls import path

from gongkai.disputes import views

app_name = "disputes"
urlpatterns = [
    path("<slug:agency_slug>/", views.dispute_list, name="list"),
    path("<slug:agency_slug>/new/", views.file, name="file"),
    path("<slug:agency_slug>/<int:pk>/decide/", views.decide, name="decide"),
]
