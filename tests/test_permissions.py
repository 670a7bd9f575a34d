"""Every URL pattern of the project × anonymous, analyst, editor and superuser: who gets what.

The table is the specification. `test_every_url_pattern_has_a_row` walks the resolver
(admin and API included), so a URL added without a row here fails the suite. Statuses are
(anonymous, analyst, editor, superuser); LOGIN is a 302 to the admin login page.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_tasks_db.models import DBTaskResult

from timeline import ingest, tasks
from timeline.models import (
    ActorAlias,
    Citation,
    Event,
    Feed,
    Ingestion,
    Participation,
    PlaceAlias,
)

from .factories import (
    cite,
    make_article,
    make_council,
    make_event,
    make_series,
)

LOGIN = "login"
PERSONAS = ("anonymous", "analyst", "editor", "superuser")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users are made per test: the production hasher's 1,000,000 rounds would dominate."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Row:
    route: str
    path: str
    expected: tuple
    method: str = "GET"
    data: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)

    @property
    def id(self):
        return f"{self.method} {self.route or '/'}"


def public(route, path, method="GET", status=200, **options):
    """Analysts' pages while TIMELINE_PUBLIC is on: everyone reads them."""
    return Row(route, path, (status,) * 4, method, **options)


def staff_only(route, path, editor, superuser=None, method="GET", **options):
    """An admin page: non-staff (anonymous, analysts) are sent to the login page."""
    superuser = editor if superuser is None else superuser
    return Row(route, path, (LOGIN, LOGIN, editor, superuser), method, **options)


FULL = {"changelist": 200, "add": 200, "history": 200, "delete": 200, "change": 200}
NONE = dict.fromkeys(FULL, 403)


def model_admin(app, model, key, editor, superuser=FULL):
    """The six URLs the admin makes for a registered model."""
    base = f"/admin/{app}/{model}/"
    views = [
        ("changelist", "", base),
        ("add", "add/", f"{base}add/"),
        ("history", "<path:object_id>/history/", f"{base}{{{key}}}/history/"),
        ("delete", "<path:object_id>/delete/", f"{base}{{{key}}}/delete/"),
        ("change", "<path:object_id>/change/", f"{base}{{{key}}}/change/"),
    ]
    rows = [
        staff_only(f"admin/{app}/{model}/{route}", path, editor[view], superuser[view])
        for view, route, path in views
    ]
    # /admin/app/model/<id>/ redirects to the change page for any staff member.
    rows.append(staff_only(f"admin/{app}/{model}/<path:object_id>/", f"{base}{{{key}}}/", 302))
    return rows


TIMELINE_MODELS = [
    ("actor", "actor"),
    ("actoralias", "actoralias"),
    ("place", "place"),
    ("placealias", "placealias"),
    ("feed", "feed"),
    ("article", "article"),
    ("series", "series"),
    ("tag", "tag"),
    ("event", "event"),
    ("participation", "participation"),
    ("citation", "citation"),
]

EVENT_QUERY = "?q=Brussels&order=oldest"
HTMX = {"HX-Request": "true"}

ROWS = [
    # The analysts' timeline, its exports and feed, the read API: public.
    public("", "/"),
    public("", f"/{EVENT_QUERY}", headers=HTMX),
    public("", "/", method="POST", status=405),
    public("healthz", "/healthz"),
    public("events/<int:pk>/", "/events/{event}/"),
    public("events/<int:pk>/", "/events/{suggested}/", status=404),
    public("export.csv", f"/export.csv{EVENT_QUERY}"),
    public("export.json", "/export.json"),
    public("export.ics", "/export.ics"),
    public("export.timelinejs.json", "/export.timelinejs.json"),
    public("feed.atom", "/feed.atom"),
    public("api/openapi.json", "/api/openapi.json"),
    public("api/docs", "/api/docs"),
    public("api/events", "/api/events"),
    public("api/events", "/api/events", method="POST", status=405),
    public("api/events/<event_id>", "/api/events/{event}"),
    public("api/events/<event_id>", "/api/events/{suggested}", status=404),
    public("api/actors", "/api/actors"),
    public("api/places", "/api/places"),
    public("api/changes", "/api/changes"),
    public("api/", "/api/", status=404),
    public("i18n/setlang/", "/i18n/setlang/", method="POST", status=302, data={"language": "de"}),
    # The admin: staff only, and then what the groups' permissions allow.
    staff_only("admin/", "/admin/", 200),
    Row("admin/login/", "/admin/login/", (200, 200, 302, 302)),
    Row("admin/logout/", "/admin/logout/", (302, 302, 200, 200), method="POST"),
    staff_only("admin/password_change/", "/admin/password_change/", 200),
    staff_only("admin/password_change/done/", "/admin/password_change/done/", 200),
    staff_only(
        "admin/autocomplete/",
        "/admin/autocomplete/?app_label=timeline&model_name=event&field_name=place&term=Bru",
        200,
    ),
    staff_only("admin/jsi18n/", "/admin/jsi18n/", 200),
    # Events have no get_absolute_url, so "view on site" has nowhere to go.
    staff_only(
        "admin/r/<path:content_type_id>/<path:object_id>/", "/admin/r/{event_ct}/{event}/", 404
    ),
    staff_only(
        "admin/^(?P<app_label>auth|django_tasks_database|timeline)/$", "/admin/timeline/", 200
    ),
    staff_only("admin/(?P<url>.*)$", "/admin/no-such-page/", 404),
    # Users and groups: superusers only.
    *model_admin("auth", "group", "group", NONE),
    *model_admin("auth", "user", "user", NONE),
    staff_only("admin/auth/user/<id>/password/", "/admin/auth/user/{user}/password/", 403, 200),
    # The task queue is read-only in the admin, even for superusers; editors do not see it.
    *model_admin(
        "django_tasks_database",
        "dbtaskresult",
        "task",
        NONE,
        {**FULL, "add": 403, "delete": 403},
    ),
    *(row for model, key in TIMELINE_MODELS for row in model_admin("timeline", model, key, FULL)),
    # Ingestions are made by the ingest page and followed read-only; nobody deletes them.
    *model_admin(
        "timeline",
        "ingestion",
        "ingestion",
        {**FULL, "add": 403, "delete": 403},
        {**FULL, "add": 403},
    ),
    staff_only("admin/timeline/article/ingest/", "/admin/timeline/article/ingest/", 200),
    staff_only(
        "admin/timeline/article/ingest/",
        "/admin/timeline/article/ingest/",
        200,  # the form again, with "Nothing to ingest"
        method="POST",
        data={"timezone": "Europe/Berlin"},
    ),
    staff_only("admin/timeline/event/review/", "/admin/timeline/event/review/", 200),
    staff_only(
        "admin/timeline/event/review/bulk/",
        "/admin/timeline/event/review/bulk/",
        302,
        method="POST",
        data={"bulk": "approve", "selected": "{suggested}", "version-{suggested}": "1"},
    ),
    staff_only(
        "admin/timeline/event/<int:pk>/review/<slug:action>/",
        "/admin/timeline/event/{suggested}/review/approve/",
        302,
        method="POST",
        data={"version": "1"},
    ),
    staff_only(
        "admin/timeline/event/<int:pk>/review/<slug:action>/",
        "/admin/timeline/event/{suggested}/review/approve/",
        405,
    ),
    staff_only("admin/timeline/event/import/", "/admin/timeline/event/import/", 200),
    staff_only(
        "admin/timeline/event/^([^/]+)/history/([^/]+)/$",
        "/admin/timeline/event/{event}/history/{history}/",
        200,
    ),
    # Writes through the changelist's actions and the delete page.
    staff_only(
        "admin/timeline/event/",
        "/admin/timeline/event/",
        200,  # the confirmation page
        method="POST",
        data={"action": "delete_selected", "_selected_action": "{suggested}"},
    ),
    staff_only(
        "admin/timeline/event/<path:object_id>/delete/",
        "/admin/timeline/event/{suggested}/delete/",
        302,
        method="POST",
        data={"post": "yes"},
    ),
    staff_only(
        "admin/auth/user/add/",
        "/admin/auth/user/add/",
        403,
        200,  # the form again: the password is missing
        method="POST",
        data={"username": "mallory"},
    ),
]


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_every_url_pattern_has_a_row():
    routes = set(walk(get_resolver().url_patterns))
    covered = {row.route for row in ROWS}
    assert routes - covered == set(), "URL patterns without a row in ROWS"
    assert covered - routes == set(), "rows for URL patterns that no longer exist"


@pytest.fixture
def world(db, editor):
    """One of everything, with the ids the paths need."""
    event, nato, _russia, brussels = make_council(series=make_series())
    suggested = make_event(
        "Suggested talks", datetime.date(2022, 1, 13), curation_status=Event.Curation.SUGGESTED
    )
    article = make_article("Der Nato-Russland-Rat tagt heute in Brüssel.")
    cite(event, article, ("place", "Brüssel"))
    ingestion = tasks.enqueue(
        ingest.create_ingestion(
            Ingestion.Kind.TEXT, [{"kind": "text", "name": "a", "text": "x"}], source="a"
        )
    )
    superuser = User.objects.create_superuser("root-test", password="root-pass")
    return {
        "event": event.pk,
        "suggested": suggested.pk,
        "actor": nato.pk,
        "actoralias": ActorAlias.objects.create(actor=nato, name="Nordatlantikpakt").pk,
        "place": brussels.pk,
        "placealias": PlaceAlias.objects.create(place=brussels, name="Brüsseler").pk,
        "feed": Feed.objects.create(url="https://example.org/feed.xml").pk,
        "article": article.pk,
        "ingestion": ingestion.pk,
        "series": event.series_id,
        "tag": event.tags.get().pk,
        "participation": Participation.objects.filter(event=event).first().pk,
        "citation": Citation.objects.get(event=event).pk,
        "group": Group.objects.get(name="Editors").pk,
        "user": superuser.pk,
        "task": DBTaskResult.objects.first().pk,
        "history": event.history.first().history_id,
        "event_ct": ContentType.objects.get_for_model(Event).pk,
        "superuser": superuser,
    }


def clients(world, editor, analyst):
    made = {name: Client() for name in PERSONAS}
    made["analyst"].force_login(analyst)
    made["editor"].force_login(editor)
    made["superuser"].force_login(world["superuser"])
    return made


def fill(template, world):
    return template.format(**world)


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_who_gets_what(row, world, editor, analyst):
    got, expected = {}, {}
    for persona, client in clients(world, editor, analyst).items():
        # Each persona sees the world as it was: a write by the one before is undone.
        with transaction.atomic():
            data = {fill(key, world): fill(value, world) for key, value in row.data.items()}
            request = client.post if row.method == "POST" else client.get
            response = request(fill(row.path, world), data, headers=row.headers)
            transaction.set_rollback(True)
        got[persona] = describe(response)
        expected[persona] = row.expected[PERSONAS.index(persona)]
    assert got == expected


def describe(response):
    """The status, with redirects to the login page named LOGIN."""
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    return response.status_code
