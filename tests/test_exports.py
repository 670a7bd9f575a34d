"""Exports and subscriptions of a timeline view (CSV, JSON, iCalendar, Atom, TimelineJS) and the
CSV import in the admin: the specification."""

import csv
import datetime
import io
import json
import re
from html import unescape

import feedparser
import icalendar
import pytest
from django.urls import reverse

from timeline.imports import apply_import, plan_import
from timeline.models import Actor, Event

from .factories import cite, make_actor, make_article, make_event, make_place, make_series, make_tag

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FORMATS = ["export-csv", "export-json", "export-ics", "export-timelinejs", "feed-atom"]


@pytest.fixture
def world(db):
    return make_world()


def make_world():
    """January 2022 as the seed article tells it, plus what no export may show."""
    nato, russia = make_actor("NATO"), make_actor("Russia", Actor.Kind.STATE, name_de="Russland")
    eu, usa = make_actor("European Union"), make_actor("United States", Actor.Kind.STATE)
    brussels = make_place("Brussels", "BE", latitude=50.85, longitude=4.35)
    brest = make_place("Brest", "FR")
    geneva = make_place("Geneva", "CH", latitude=46.2, longitude=6.14)
    ukraine = make_tag("Ukraine crisis")
    council = make_event(
        "NATO-Russia Council meets again",
        datetime.date(2022, 1, 12),
        type="session",
        place=brussels,
        actors=[nato, russia],
        tags=[ukraine],
        series=make_series("NATO-Russia Council"),
        time=datetime.time(10, 0),
        summary="The first session since 2019.",
    )
    article = make_article(
        "Heute Vormittag kommt der Nato-Russland-Rat in Brüssel zusammen.",
        url="https://www.tagesschau.de/ausland/nato-russland-rat-101.html",
    )
    cite(council, article, ("date", "Heute Vormittag"), ("place", "Brüssel"))
    return {
        "actors": {"nato": nato, "russia": russia, "eu": eu, "usa": usa},
        "places": {"brussels": brussels, "brest": brest, "geneva": geneva},
        "council": council,
        "brest": make_event(
            "EU defence ministers meet in Brest",
            datetime.date(2022, 1, 12),
            end=datetime.date(2022, 1, 13),
            place=brest,
            hosts=[eu],
            tags=[ukraine],
        ),
        "geneva": make_event(
            "US-Russia strategic stability talks",
            datetime.date(2022, 1, 10),
            type="negotiation",
            place=geneva,
            actors=[usa, russia],
        ),
        "calls": make_event(
            "Biden calls European heads of government",
            datetime.date(2022, 1, 1),
            type="phone_call",
            precision="month",
            approximate=True,
            actors=[usa],
        ),
        "year": make_event("Sanctions debate", datetime.date(2021, 1, 1), precision="year"),
        "suggested": make_event(
            "Suggested: Lavrov meets Blinken",
            datetime.date(2022, 1, 11),
            actors=[usa, russia],
            curation_status=Event.Curation.SUGGESTED,
        ),
        "rejected": make_event(
            "Rejected: commentary",
            datetime.date(2022, 1, 12),
            place=brussels,
            curation_status=Event.Curation.REJECTED,
        ),
    }


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def export(client, name, query=""):
    response = client.get(reverse(name) + query)
    assert response.status_code == 200, body(response)
    return body(response).decode()


def ids_in(name, text):
    """The event ids an export lists, in its order, read with the format's own parser."""
    if name == "export-csv":
        return [int(row["id"]) for row in csv.DictReader(io.StringIO(text))]
    if name == "export-json":
        return [event["id"] for event in json.loads(text)["events"]]
    if name == "export-timelinejs":
        return [int(e["unique_id"].removeprefix("event-")) for e in json.loads(text)["events"]]
    if name == "export-ics":
        calendar = icalendar.Calendar.from_ical(text)
        return [
            int(str(e["UID"]).removeprefix("event-").split("@")[0]) for e in calendar.walk("VEVENT")
        ]
    feed = feedparser.parse(text)
    return [int(entry.link.rstrip("/").rsplit("/", 1)[1]) for entry in feed.entries]


def page_ids(client, query=""):
    html = client.get(reverse("timeline") + query).content.decode()
    return [int(pk) for pk in re.findall(r'<li class="event [^"]*" id="event-(\d+)"', html)]


# Each format, read back by a real parser.


def test_csv_has_one_row_per_event_with_flattened_sources_and_participants(client, world):
    rows = list(csv.DictReader(io.StringIO(export(client, "export-csv"))))
    council = next(row for row in rows if row["id"] == str(world["council"].pk))

    assert len(rows) == 5
    assert council["participants"] == "NATO; Russia"
    assert council["sources"] == (
        "https://www.tagesschau.de/ausland/nato-russland-rat-101.html|tagesschau|2022-01-12"
    )
    assert council["place"] == "Brussels" and council["country"] == "BE"
    assert council["tags"] == "Ukraine crisis" and council["series"] == "NATO-Russia Council"
    assert council["time"] == "10:00" and council["type"] == "session"
    assert council["url"] == f"http://testserver/events/{world['council'].pk}/"
    brest = next(row for row in rows if row["id"] == str(world["brest"].pk))
    assert (brest["start"], brest["end"], brest["hosts"]) == (
        "2022-01-12",
        "2022-01-13",
        "European Union",
    )


def test_json_export_carries_the_full_record(client, world):
    events = json.loads(export(client, "export-json"))["events"]
    council = next(event for event in events if event["id"] == world["council"].pk)

    assert council["participants"] == [
        {
            "id": world["actors"]["nato"].pk,
            "name": "NATO",
            "kind": "organization",
            "role": "participant",
        },
        {
            "id": world["actors"]["russia"].pk,
            "name": "Russia",
            "kind": "state",
            "role": "participant",
        },
    ]
    assert council["place"]["latitude"] == 50.85
    assert council["sources"][0]["outlet"] == "tagesschau"
    calls = next(event for event in events if event["id"] == world["calls"].pk)
    assert calls["display_date"] == "c. January 2022"


def test_ical_has_all_day_and_timed_events_with_place_and_sources(client, world):
    response = client.get(reverse("export-ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(body(response))
    entries = {str(e["UID"]): e for e in calendar.walk("VEVENT")}

    council = entries[f"event-{world['council'].pk}@testserver"]
    start = council.decoded("DTSTART")
    assert start == datetime.datetime(2022, 1, 12, 10, 0, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == "Europe/Berlin"
    assert str(council["LOCATION"]) == "Brussels, Belgium"
    assert (council["GEO"].latitude, council["GEO"].longitude) == (50.85, 4.35)
    assert str(council["URL"]) == f"http://testserver/events/{world['council'].pk}/"
    assert "The first session since 2019." in str(council["DESCRIPTION"])
    assert "https://www.tagesschau.de/ausland/nato-russland-rat-101.html" in str(
        council["DESCRIPTION"]
    )

    brest = entries[f"event-{world['brest'].pk}@testserver"]
    assert brest.decoded("DTSTART") == datetime.date(2022, 1, 12)
    assert brest.decoded("DTEND") == datetime.date(2022, 1, 14)  # exclusive: 12–13 January
    assert "GEO" not in brest
    calls = entries[f"event-{world['calls'].pk}@testserver"]
    assert (calls.decoded("DTSTART"), calls.decoded("DTEND")) == (
        datetime.date(2022, 1, 1),
        datetime.date(2022, 2, 1),
    )
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"


def test_ical_uids_are_stable_across_exports(client, world):
    first = ids_in("export-ics", export(client, "export-ics"))
    world["council"].summary = "Changed"
    world["council"].save()
    assert ids_in("export-ics", export(client, "export-ics")) == first


def test_atom_feed_lists_recently_changed_events_with_stable_ids(client, world):
    feed = feedparser.parse(export(client, "feed-atom"))

    assert feed.version == "atom10" and not feed.bozo
    assert len(feed.entries) == 5
    world["geneva"].summary = "Updated later"
    world["geneva"].save()
    again = feedparser.parse(export(client, "feed-atom"))
    assert again.entries[0].link == f"http://testserver/events/{world['geneva'].pk}/"
    assert {entry.id for entry in again.entries} == {entry.id for entry in feed.entries}
    updated = datetime.datetime.fromisoformat(again.entries[0].updated)
    assert updated == world["geneva"].updated_at


TIMELINEJS_DATE = {"year": str, "month?": str, "day?": str, "hour?": str, "minute?": str}
TIMELINEJS_SCHEMA = {
    "title": {"text": {"headline": str, "text": str}},
    "events": [
        {
            "unique_id": str,
            "start_date": TIMELINEJS_DATE,
            "end_date?": TIMELINEJS_DATE,
            "display_date?": str,
            "text": {"headline": str, "text": str},
            "group?": str,
            "location?": {"name": str, "lat?": float, "lon?": float},
        }
    ],
}


def check_shape(value, schema, where="$"):
    """A small JSON-schema: dicts name their keys ("key?" is optional, no others allowed),
    a one-item list describes every item, a type is the type of a leaf."""
    if isinstance(schema, dict):
        assert isinstance(value, dict), where
        keys = {key.rstrip("?") for key in schema}
        assert set(value) <= keys, f"{where}: unexpected {set(value) - keys}"
        for key, inner in schema.items():
            name = key.rstrip("?")
            if key.endswith("?") and name not in value:
                continue
            assert name in value, f"{where}.{name} is missing"
            check_shape(value[name], inner, f"{where}.{name}")
    elif isinstance(schema, list):
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            check_shape(item, schema[0], f"{where}[{index}]")
    else:
        assert isinstance(value, schema), f"{where}: {value!r} is not {schema.__name__}"


def test_timelinejs_export_has_knight_labs_shape_and_dates_at_their_precision(client, world):
    data = json.loads(export(client, "export-timelinejs"))
    check_shape(data, TIMELINEJS_SCHEMA)
    events = {event["unique_id"]: event for event in data["events"]}

    council = events[f"event-{world['council'].pk}"]
    assert council["start_date"] == {
        "year": "2022",
        "month": "1",
        "day": "12",
        "hour": "10",
        "minute": "0",
    }
    assert council["location"] == {"name": "Brussels, Belgium", "lat": 50.85, "lon": 4.35}
    assert council["group"] == "council or ministerial session"
    brest = events[f"event-{world['brest'].pk}"]
    assert brest["end_date"] == {"year": "2022", "month": "1", "day": "13"}
    calls = events[f"event-{world['calls'].pk}"]
    assert calls["start_date"] == {"year": "2022", "month": "1"}
    assert calls["display_date"] == "c. January 2022"
    assert events[f"event-{world['year'].pk}"]["start_date"] == {"year": "2021"}


def test_the_schema_checker_rejects_a_wrong_shape():
    with pytest.raises(AssertionError):
        check_shape(
            {"title": {"text": {"headline": 1, "text": ""}}, "events": []}, TIMELINEJS_SCHEMA
        )
    with pytest.raises(AssertionError):
        check_shape(
            {"title": {"text": {"headline": "", "text": ""}}, "events": [{}]}, TIMELINEJS_SCHEMA
        )


# Exactly the filtered view.

FILTERS = [
    "",
    "?order=oldest",
    "?type=session&type=negotiation",
    "?from=2022-01-11&to=2022-01-12",
    "?q=Brest",
    "?country=ch&order=oldest",
    "?status=held&from=2022-01-10",
]


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("query", FILTERS)
def test_export_holds_exactly_the_events_of_the_filtered_view(client, world, name, query):
    on_page = page_ids(client, query)
    exported = ids_in(name, export(client, name, query))

    assert on_page, "every filter here selects something"
    if name == "feed-atom":
        assert sorted(exported) == sorted(on_page)  # newest change first
    else:
        assert exported == on_page


def test_filters_by_actor_place_and_tag_select_the_same_events(client, world):
    query = (
        f"?actor={world['actors']['russia'].pk}&place={world['places']['brussels'].pk}"
        "&tag=ukraine-crisis"
    )
    assert ids_in("export-json", export(client, "export-json", query)) == [world["council"].pk]
    assert page_ids(client, query) == [world["council"].pk]


def test_page_position_is_not_part_of_the_export(client, world):
    everything = ids_in("export-csv", export(client, "export-csv"))
    assert ids_in("export-csv", export(client, "export-csv", "?jump=2021-06-01")) == everything


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("query", ["?type=bogus", "?from=2022-02-01&to=2022-01-01", "?actor=x"])
def test_bad_filters_are_a_400_not_a_500(client, world, name, query):
    response = client.get(reverse(name) + query)
    assert response.status_code == 400
    assert b"Traceback" not in body(response)


def test_timeline_page_links_every_export_with_its_filters(client, world):
    html = client.get(reverse("timeline") + "?type=session&cursor=&order=oldest").content.decode()
    links = set(re.findall(r'href="([^"]*(?:export|feed)[^"]*)"', html))

    for name in FORMATS:
        assert f"{reverse(name)}?type=session&amp;order=oldest" in links
    assert "webcal://testserver/export.ics?type=session&amp;order=oldest" in links


def test_htmx_results_carry_the_new_filters_in_the_export_links(client, world):
    html = client.get(
        reverse("timeline") + "?q=Brest", headers={"HX-Request": "true", "HX-Target": "results"}
    ).content.decode()
    assert 'href="/export.csv?q=Brest"' in html


# Who gets what.


@pytest.mark.parametrize("persona", ["client", "analyst_client", "editor_client"])
@pytest.mark.parametrize("name", FORMATS)
def test_every_persona_gets_only_approved_events(request, world, persona, name):
    client = request.getfixturevalue(persona)
    exported = set(ids_in(name, export(client, name)))
    approved = {world[key].pk for key in ("council", "brest", "geneva", "calls", "year")}
    assert exported == approved


@pytest.mark.parametrize("name", FORMATS)
def test_a_private_timeline_exports_nothing_to_anonymous_visitors(client, world, settings, name):
    settings.TIMELINE_PUBLIC = False
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_private_timeline_exports_to_analysts(analyst_client, world, settings):
    settings.TIMELINE_PUBLIC = False
    assert len(ids_in("export-csv", export(analyst_client, "export-csv"))) == 5


# Nothing runs.


@pytest.fixture
def hostile(world):
    event = world["council"]
    event.title = XSS
    event.summary = XSS
    event.save()
    article = make_article("javascript text", title="x", url=None, outlet='<b onmouseover="x">')
    cite(event, article)
    return event


def test_markup_in_titles_stays_text_in_timelinejs(client, hostile):
    event = next(
        e
        for e in json.loads(export(client, "export-timelinejs"))["events"]
        if e["unique_id"] == f"event-{hostile.pk}"
    )
    assert "<script" not in event["text"]["headline"] and "<img" not in event["text"]["text"]
    assert "<b " not in event["text"]["text"]
    assert unescape(event["text"]["headline"]) == XSS


def test_markup_in_titles_stays_text_in_the_atom_feed(client, hostile):
    xml = export(client, "feed-atom")
    entry = feedparser.parse(xml, sanitize_html=False).entries[0]
    assert entry.title == XSS  # plain text, not markup
    assert "<script" not in entry.summary and "<img" not in entry.summary
    assert "&lt;script&gt;" in entry.summary


def test_markup_in_queries_stays_text_on_the_page(client, world):
    html = client.get(reverse("timeline"), {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html


def test_csv_cells_cannot_start_a_spreadsheet_formula(client, world):
    world["council"].title = '=HYPERLINK("http://evil.example","click")'
    world["council"].save()
    rows = list(csv.DictReader(io.StringIO(export(client, "export-csv"))))
    assert not any(row["title"].startswith(("=", "+", "-", "@")) for row in rows)


def test_json_and_ical_keep_titles_as_data(client, hostile):
    events = json.loads(export(client, "export-json"))["events"]
    assert next(e for e in events if e["id"] == hostile.pk)["title"] == XSS
    calendar = icalendar.Calendar.from_ical(export(client, "export-ics"))
    assert XSS in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


# Streaming.


def test_a_5000_event_csv_export_streams(client, db):
    Event.objects.bulk_create(
        Event(
            title=f"Event {number}",
            type="meeting",
            start=datetime.date(2020, 1, 1) + datetime.timedelta(days=number % 1000),
            curation_status=Event.Curation.APPROVED,
        )
        for number in range(5000)
    )
    response = client.get(reverse("export-csv"))

    assert response.streaming is True
    lines = body(response).decode().splitlines()
    assert len(lines) == 5001
    assert len({line.split(",")[0] for line in lines[1:]}) == 5000


# Import: CSV export → import changes nothing.


def snapshot():
    return [
        (
            event.pk,
            event.title,
            event.summary,
            event.start,
            event.end,
            event.time,
            event.precision,
            event.approximate,
            event.place_id,
            event.series_id,
            event.curation_status,
            event.version,
            event.updated_at,
            sorted((p.actor_id, p.role) for p in event.participations.all()),
            sorted(tag.pk for tag in event.tags.all()),
        )
        for event in Event.objects.order_by("pk").prefetch_related("participations", "tags")
    ]


def test_importing_an_export_of_the_same_events_changes_nothing(client, world, hostile):
    text = export(client, "export-csv")
    before, history = snapshot(), Event.history.count()

    plans = plan_import(text)
    counts = apply_import(plans)

    assert [plan.action for plan in plans] == ["unchanged"] * 5, [
        p.errors or p.changes for p in plans
    ]
    assert counts == {"create": 0, "update": 0, "unchanged": 5, "error": 0}
    assert snapshot() == before and Event.history.count() == history


def test_rows_without_ids_match_by_title_and_start(client, world):
    text = export(client, "export-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c for c in rows[0] if c != "id"])
    writer.writeheader()
    writer.writerows({k: v for k, v in row.items() if k != "id"} for row in rows)

    assert {plan.action for plan in plan_import(out.getvalue())} == {"unchanged"}


def test_an_edited_export_updates_the_matched_event_and_adds_new_ones(client, world):
    text = export(client, "export-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    rows[0]["title"] = "Renamed"
    rows[0]["participants"] = "NATO"
    new = dict(rows[1], id="", title="New meeting in Geneva", place="Geneva", country="CH")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([*rows, new])

    plans = plan_import(out.getvalue())
    apply_import(plans)

    changed = Event.objects.get(pk=rows[0]["id"])
    assert changed.title == "Renamed"
    assert [p.actor.name for p in changed.participations.all()] == ["NATO"]
    created = Event.objects.get(title="New meeting in Geneva")
    assert created.curation_status == Event.Curation.SUGGESTED
    assert created.place == world["places"]["geneva"]


def test_rows_with_errors_are_reported_and_left_out(world):
    text = (
        "id,title,start,type,place,country,participants\n"
        ",Fine,2022-02-01,meeting,Geneva,CH,NATO\n"
        ",Bad date,2022-13-45,meeting,,,\n"
        ",Bad type,2022-02-01,picnic,,,\n"
        ",Unknown place,2022-02-01,meeting,Atlantis,XX,\n"
        ",Unknown actor,2022-02-01,meeting,,,Nobody\n"
    )
    plans = plan_import(text)

    assert [plan.action for plan in plans] == ["create", "error", "error", "error", "error"]
    assert "start" in plans[1].errors[0] and "type" in plans[2].errors[0]
    assert "Atlantis" in plans[3].errors[0] and "Nobody" in plans[4].errors[0]
    counts = apply_import(plans)
    assert counts["create"] == 1 and Event.objects.filter(title="Fine").exists()
    assert not Event.objects.filter(title__in=["Bad date", "Bad type"]).exists()


def test_admin_import_previews_then_confirms(editor_client, world, client):
    text = export(client, "export-csv").replace("US-Russia strategic", "US–Russia strategic")
    url = reverse("admin:timeline_event_import")
    upload = io.BytesIO(text.encode())
    upload.name = "timeline.csv"

    preview = editor_client.post(url, {"file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "1 to update, 4 unchanged" in " ".join(html.split())
    assert Event.objects.get(pk=world["geneva"].pk).title.startswith("US-Russia")

    token = re.search(r'name="data" value="([^"]+)"', html).group(1)
    confirmed = editor_client.post(url, {"data": token, "confirm": "1"})
    assert confirmed.status_code == 302
    assert Event.objects.get(pk=world["geneva"].pk).title.startswith("US–Russia")


def test_admin_import_refuses_a_tampered_preview(editor_client, world):
    response = editor_client.post(
        reverse("admin:timeline_event_import"), {"data": "forged", "confirm": "1"}
    )
    assert response.status_code == 200 and "upload the file again" in response.content.decode()


def test_event_changelist_links_the_import(editor_client, world):
    html = editor_client.get(reverse("admin:timeline_event_changelist")).content.decode()
    assert reverse("admin:timeline_event_import") in html


def test_analysts_cannot_import(analyst, client):
    analyst.is_staff = True
    analyst.save()
    client.force_login(analyst)
    assert client.get(reverse("admin:timeline_event_import")).status_code == 403
