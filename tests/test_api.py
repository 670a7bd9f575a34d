"""The read API under /api/: events, one event, actors, places, the change feed: the
specification, and a schemathesis run against the OpenAPI description."""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from timeline.models import Event

from .factories import make_event
from .test_exports import make_world, page_ids


@pytest.fixture
def world(db):
    return make_world()


FILTERS = [
    "",
    "?order=oldest",
    "?type=session&type=negotiation",
    "?from=2022-01-11&to=2022-01-12",
    "?q=Brest",
    "?country=ch&order=oldest",
]


def get(client, path, status=200, **params):
    response = client.get("/api" + path, params)
    assert response.status_code == status, response.content
    return response.json()


def every_page(client, query, limit):
    """All event ids, following next_cursor."""
    ids, cursor = [], None
    while True:
        params = f"limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(f"/api/events?{params}&{query.lstrip('?')}")
        page = response.json()
        ids += [event["id"] for event in page["events"]]
        if not (cursor := page["next_cursor"]):
            return ids


@pytest.mark.parametrize("query", FILTERS)
def test_events_are_those_of_the_filtered_timeline(client, world, query):
    on_page = page_ids(client, query)
    assert [event["id"] for event in client.get("/api/events" + query).json()["events"]] == on_page


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_cursor_pagination_walks_every_event_once(client, world, limit):
    assert every_page(client, "", limit) == page_ids(client)
    assert every_page(client, "?order=oldest", limit) == page_ids(client, "?order=oldest")


def test_the_cursor_is_the_timelines_own(client, world):
    first = get(client, "/events", limit=2)
    html = client.get(reverse("timeline"), {"cursor": first["next_cursor"]}).content.decode()
    rest = [event["id"] for event in get(client, "/events", cursor=first["next_cursor"])["events"]]
    assert rest == page_ids(client, f"?cursor={first['next_cursor']}")
    assert f'id="event-{rest[0]}"' in html


def test_events_list_shows_only_approved_events(client, world):
    ids = {event["id"] for event in get(client, "/events")["events"]}
    assert world["suggested"].pk not in ids and world["rejected"].pk not in ids
    assert len(ids) == 5


def test_one_event_with_sources_and_evidence(client, world):
    event = get(client, f"/events/{world['council'].pk}")

    assert event["title"] == "NATO-Russia Council meets again"
    assert event["place"]["name"] == "Brussels" and event["time"] == "10:00"
    [source] = event["sources"]
    assert source["url"] == "https://www.tagesschau.de/ausland/nato-russland-rat-101.html"
    assert source["evidence"] == [
        {"role": "date", "start": 0, "end": 15, "text": "Heute Vormittag"},
        {"role": "place", "start": 47, "end": 54, "text": "Brüssel"},
    ]


@pytest.mark.parametrize("key", ["suggested", "rejected"])
def test_unapproved_events_are_not_found(client, world, key):
    assert get(client, f"/events/{world[key].pk}", status=404)["detail"]


def test_actors_and_places_page_by_id(client, world):
    first = get(client, "/actors", limit=3)
    second = get(client, "/actors", limit=3, after=first["next_after"])
    names = [actor["name"] for actor in first["actors"] + second["actors"]]

    assert names == ["NATO", "Russia", "European Union", "United States"]
    assert second["next_after"] is None
    assert [a["name"] for a in get(client, "/actors", kind="state")["actors"]] == [
        "Russia",
        "United States",
    ]
    places = get(client, "/places", country="ch")["places"]
    assert places == [
        {
            "id": world["places"]["geneva"].pk,
            "name": "Geneva",
            "country": "CH",
            "latitude": 46.2,
            "longitude": 6.14,
        }
    ]
    assert [p["name"] for p in get(client, "/places", q="bre")["places"]] == ["Brest"]


BAD = [
    "/events?type=bogus",
    "/events?actor=abc",
    "/events?actor=999999",
    "/events?from=2022-02-01&to=2022-01-01",
    "/events?from=yesterday",
    "/events?cursor=not-a-cursor",
    "/events?limit=0",
    "/events?limit=100000",
    "/events/99999999999999999999999",
    "/actors?after=-1",
    "/places?limit=abc",
    "/changes?since=last-tuesday",
    "/changes?since=0.3366132405484512",
    "/changes?cursor=Zm9v",
    "/changes?since=0001-01-01T00:00:00%2B14:00",
]


@pytest.mark.parametrize("path", BAD)
def test_bad_parameters_are_a_400_with_the_reason(client, world, path):
    response = client.get("/api" + path)
    assert response.status_code in (400, 404), response.content
    if response.status_code == 400:
        assert response.json()["errors"]


def test_a_private_timeline_needs_a_login(client, analyst, world, settings):
    settings.TIMELINE_PUBLIC = False
    assert client.get("/api/events").status_code == 401
    client.force_login(analyst)
    assert client.get("/api/events").status_code == 200


# The change feed.


def changes(client, **params):
    return get(client, "/changes", **params)


def test_changes_give_approved_events_as_full_records_in_change_order(client, world):
    feed = changes(client)["changes"]
    assert [c["id"] for c in feed] == [
        world[key].pk for key in ("council", "brest", "geneva", "calls", "year")
    ]
    assert all(c["change"] == "updated" for c in feed)
    assert feed[0]["event"]["sources"][0]["outlet"] == "tagesschau"


def test_changes_never_show_events_that_were_never_approved(client, world):
    ids = {c["id"] for c in changes(client)["changes"]}
    assert world["suggested"].pk not in ids and world["rejected"].pk not in ids


def test_rejections_merges_withdrawals_and_deletions_are_tombstones(client, world):
    since = timezone.now()
    geneva, brest, year, calls = (world[k] for k in ("geneva", "brest", "year", "calls"))
    geneva.curation_status, geneva.rejection_reason = Event.Curation.REJECTED, "duplicate"
    geneva.save()
    brest.curation_status, brest.merged_into = Event.Curation.MERGED, world["council"]
    brest.save()
    year.curation_status = Event.Curation.SUGGESTED
    year.save()
    calls_id = calls.pk
    calls.delete()
    world["suggested"].delete()  # never approved: nothing to tell

    feed = changes(client, since=since.isoformat())["changes"]

    assert [(c["id"], c["change"], c["merged_into"], c["event"]) for c in feed] == [
        (geneva.pk, "rejected", None, None),
        (brest.pk, "merged", world["council"].pk, None),
        (year.pk, "withdrawn", None, None),
        (calls_id, "deleted", None, None),
    ]


def test_changes_since_a_time_leave_out_older_ones(client, world):
    assert changes(client, since="2999-01-01T00:00:00Z")["changes"] == []
    later = timezone.now()
    world["geneva"].summary = "Talks ended without result."
    world["geneva"].save()
    feed = changes(client, since=later.isoformat())["changes"]
    assert [(c["id"], c["event"]["summary"]) for c in feed] == [
        (world["geneva"].pk, "Talks ended without result.")
    ]


def test_a_since_with_an_offset_postgresql_refuses_is_still_a_time(client, world):
    # Python reads offsets up to a day; PostgreSQL refuses anything beyond ±15:59.
    response = client.get("/api/changes", {"since": "0348-05-03T03:49:30+20:11"})
    assert response.status_code == 200
    assert len(response.json()["changes"]) > 0
    # A time long before every change leaves none out.
    assert response.json()["changes"] == changes(client)["changes"]


def test_a_cursor_with_an_offset_postgresql_refuses_is_still_a_position(client, world):
    import base64

    cursor = base64.urlsafe_b64encode(b"0348-05-03T03:49:30+20:11|0|1").decode().rstrip("=")
    response = client.get("/api/changes", {"cursor": cursor})
    assert response.status_code == 200
    # A position before every change: the whole feed follows it.
    assert response.json()["changes"] == changes(client)["changes"]


def test_a_naive_since_is_in_the_sites_time_zone(client, world):
    local = timezone.localtime(world["council"].updated_at).replace(tzinfo=None)
    feed = changes(client, since=local.isoformat())["changes"]
    assert feed[0]["id"] == world["council"].pk


def test_the_change_cursor_walks_updates_and_deletions_once(client, world):
    world["geneva"].delete()
    make_event("Afterwards", datetime.date(2022, 2, 1))
    expected = [c["id"] for c in changes(client)["changes"]]
    walked, cursor = [], None
    while True:
        page = changes(client, limit=2, **({"cursor": cursor} if cursor else {}))
        walked += [c["id"] for c in page["changes"]]
        if not (cursor := page["next_cursor"]):
            break
    assert walked == expected and len(walked) == 6


# The description of the API.


def test_openapi_description_and_docs_are_served(client, db):
    description = client.get("/api/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/places",
        "/api/changes",
    } <= set(description["paths"])
    params = {p["name"] for p in description["paths"]["/api/events"]["get"]["parameters"]}
    assert {
        "q",
        "actor",
        "place",
        "country",
        "type",
        "tag",
        "status",
        "from",
        "to",
        "cursor",
    } <= params

    docs = client.get("/api/docs")
    html = docs.content.decode()
    assert docs.status_code == 200
    # The site's strict policy, unrelaxed: Swagger UI comes from the app's static files.
    policy = docs["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self';" in policy
    assert "unsafe" not in policy
    assert "<script>" not in html and "cdn" not in html


# Every operation, fuzzed from its description (bounded and deterministic).


@pytest.fixture
def connections_kept_open():
    """The WSGI app fires request_started and request_finished, whose close_old_connections
    would close the test's own connection inside its transaction (harmless on SQLite's
    in-memory database, fatal on PostgreSQL); Django's test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_description(world, mode, connections_kept_open):
    from timeline.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 5
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=25,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            # What JSON Schema cannot say is a 400 by design: an actor id that names no actor,
            # a cursor that was never issued, a range that ends before it starts.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        conforms()


@pytest.mark.browser
def test_api_docs_render_under_the_strict_policy(live_server, monkeypatch):
    """Swagger UI from the app's own static files, no console errors (CSP reports are errors)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    errors = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(live_server.url + "/api/docs")
        sync_api.expect(page.get_by_text("/api/changes", exact=True)).to_be_visible()
        browser.close()
    assert errors == []
