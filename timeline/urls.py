from django.contrib import admin
from django.urls import include, path

from . import health, views
from .api import api
from .feeds import TimelineFeed

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("healthz", health.healthz, name="healthz"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    # Exports of the timeline view: the same query parameters as "/" (see timeline/exports.py).
    path("export.csv", views.export, {"format": "csv"}, name="export-csv"),
    path("export.json", views.export, {"format": "json"}, name="export-json"),
    path("export.ics", views.export, {"format": "ics"}, name="export-ics"),
    path(
        "export.timelinejs.json",
        views.export,
        {"format": "timelinejs"},
        name="export-timelinejs",
    ),
    path("feed.atom", TimelineFeed(), name="feed-atom"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
