"""The analysts' timeline at / and an event's page at /events/<id>/: the specification."""

import base64
import datetime
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from timeline.models import Actor, Event, TimelineVersion

from .factories import (
    cite,
    make_actor,
    make_article,
    make_event,
    make_place,
    make_series,
    make_tag,
)
from .test_admin_review import change_form_data

HTMX = {"HX-Request": "true"}
HTMX_RESULTS = {"HX-Request": "true", "HX-Target": "results"}


def titles(response):
    """Event titles in the order the page lists them."""
    html = response.content.decode()
    return [unescape(t) for t in re.findall(r'class="expand"[^>]*>([^<]*)</a>', html)]


def next_cursor(response):
    match = re.search(r'<li class="more" hx-get="[^"]*cursor=([^"&]+)', response.content.decode())
    return match and unescape(match.group(1))


@pytest.fixture
def crisis(db):
    """January 2022 as the seed article tells it, plus what analysts must never see."""
    nato, russia = make_actor("NATO"), make_actor("Russia", Actor.Kind.STATE, name_de="Russland")
    eu, usa = make_actor("European Union"), make_actor("United States", Actor.Kind.STATE)
    brussels = make_place("Brussels", "BE", name_de="Brüssel")
    brest = make_place("Brest", "FR")
    geneva = make_place("Geneva", "CH", name_de="Genf")
    vienna = make_place("Vienna", "AT")
    ukraine = make_tag("Ukraine crisis")
    council = make_series("NATO-Russia Council")
    return {
        "council": make_event(
            "NATO-Russia Council meets again",
            datetime.date(2022, 1, 12),
            type="session",
            place=brussels,
            actors=[nato, russia],
            tags=[ukraine],
            series=council,
            corroboration=3,
            summary="The first session since 2019.",
        ),
        "brest": make_event(
            "EU defence ministers meet in Brest",
            datetime.date(2022, 1, 12),
            end=datetime.date(2022, 1, 13),
            place=brest,
            actors=[eu],
            tags=[ukraine],
        ),
        "geneva": make_event(
            "US-Russia strategic stability talks",
            datetime.date(2022, 1, 10),
            type="negotiation",
            place=geneva,
            actors=[usa, russia],
        ),
        "osce": make_event(
            "OSCE Permanent Council",
            datetime.date(2022, 1, 13),
            type="session",
            place=vienna,
            occurrence_status=Event.Occurrence.ANNOUNCED,
        ),
        "calls": make_event(
            "Biden calls European heads of government",
            datetime.date(2021, 12, 20),
            type="phone_call",
            precision="week",
            approximate=True,
            hosts=[usa],
        ),
        "normandy": make_event(
            "Normandy format summit",
            datetime.date(2022, 2, 1),
            type="summit",
            precision="month",
            occurrence_status=Event.Occurrence.POSTPONED,
        ),
        "suggested": make_event(
            "Suggested secret meeting", curation_status=Event.Curation.SUGGESTED, place=brussels
        ),
        "rejected": make_event(
            "Rejected rumour", curation_status=Event.Curation.REJECTED, actors=[nato]
        ),
    }


PUBLIC = [
    "Normandy format summit",
    "OSCE Permanent Council",
    "EU defence ministers meet in Brest",
    "NATO-Russia Council meets again",
    "US-Russia strategic stability talks",
    "Biden calls European heads of government",
]


@pytest.mark.parametrize("persona", ["client", "analyst_client", "editor_client"])
def test_every_persona_gets_the_approved_events_newest_first(request, crisis, persona):
    response = request.getfixturevalue(persona).get("/")
    assert response.status_code == 200
    assert titles(response) == PUBLIC


@pytest.mark.parametrize("persona", ["client", "analyst_client", "editor_client"])
def test_suggested_and_rejected_events_are_never_shown(request, crisis, persona):
    client = request.getfixturevalue(persona)
    html = client.get("/?q=secret").content.decode() + client.get("/?q=rumour").content.decode()
    assert "Suggested secret meeting" not in html
    assert "Rejected rumour" not in html
    assert client.get(reverse("event", args=[crisis["suggested"].pk])).status_code == 404
    assert client.get(reverse("event", args=[crisis["rejected"].pk])).status_code == 404


def test_oldest_first_reverses_the_order(client, crisis):
    assert titles(client.get("/?order=oldest")) == PUBLIC[::-1]


def test_events_are_grouped_by_month_and_day(client, crisis):
    html = client.get("/").content.decode()
    months = re.findall(r'<h2 class="month-heading">([^<]*)</h2>', html)
    assert months == ["February 2022", "January 2022", "December 2021"]
    days = re.findall(r'<h3 class="day-heading"><time datetime="([^"]*)"', html)
    # One heading for 12 January, though two events start that day.
    assert days == ["2022-02-01", "2022-01-13", "2022-01-12", "2022-01-10", "2021-12-20"]


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(html)).split()).replace(" ,", ",")


def item_text(html, event):
    """The words of an event's list item."""
    item = re.search(rf'<li class="event [^"]*" id="event-{event.pk}">.*?</article>', html, re.S)
    return words(item.group(0))


def test_each_event_shows_its_date_type_place_participants_tags_status_and_sources(client, crisis):
    calls = crisis["calls"]
    calls.participations.create(actor=Actor.objects.get(name="NATO"))
    calls.tags.add(crisis["council"].tags.get())
    html = client.get("/").content.decode()
    assert item_text(html, crisis["council"]) == (
        "12 January 2022 held NATO-Russia Council meets again council or ministerial session "
        "Brussels (BE) 3 sources Participants: NATO, Russia Ukraine crisis"
    )
    assert item_text(html, calls) == (
        "c. week of 20 Dec 2021 held Biden calls European heads of government phone call "
        "0 sources Participants: United States (host), NATO Ukraine crisis"
    )
    page = client.get(reverse("event", args=[calls.pk])).content.decode()
    facts = words(page.split('<dl class="facts">')[1])
    assert facts.startswith(
        "Type phone call Participants United States (host), NATO Tags Ukraine crisis"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor={russia}", ["NATO-Russia Council meets again",
                            "US-Russia strategic stability talks"]),
        ("actor={eu}&actor={usa}", ["EU defence ministers meet in Brest",
                                    "US-Russia strategic stability talks",
                                    "Biden calls European heads of government"]),
        ("place={brussels}", ["NATO-Russia Council meets again"]),
        ("country=fr", ["EU defence ministers meet in Brest"]),
        ("country=CH&country=AT", ["OSCE Permanent Council",
                                   "US-Russia strategic stability talks"]),
        ("type=session", ["OSCE Permanent Council", "NATO-Russia Council meets again"]),
        ("tag=ukraine-crisis", ["EU defence ministers meet in Brest",
                                "NATO-Russia Council meets again"]),
        ("status=postponed&status=announced", ["Normandy format summit", "OSCE Permanent Council"]),
        ("from=2022-01-13&to=2022-01-31", ["OSCE Permanent Council",
                                           "EU defence ministers meet in Brest"]),
        ("to=2022-01-10", ["US-Russia strategic stability talks",
                           "Biden calls European heads of government"]),
        ("q=brest", ["EU defence ministers meet in Brest"]),
        ("q=Brüssel", ["NATO-Russia Council meets again"]),
        ("q=russland", ["NATO-Russia Council meets again", "US-Russia strategic stability talks"]),
        ("q=since+2019", ["NATO-Russia Council meets again"]),
        ("type=session&country=BE", ["NATO-Russia Council meets again"]),
        ("q=nothing+like+this", []),
    ],
)  # fmt: skip
def test_each_filter_selects_exactly_its_events(client, crisis, query, expected):
    ids = {
        "russia": Actor.objects.get(name="Russia").pk,
        "eu": Actor.objects.get(name="European Union").pk,
        "usa": Actor.objects.get(name="United States").pk,
        "brussels": crisis["council"].place_id,
    }
    response = client.get("/?" + query.format(**ids))
    assert response.status_code == 200
    assert titles(response) == expected


# The search. A word few events have is looked up in an index (FTS5 on SQLite, GIN on
# PostgreSQL) and the events listed by id; a common one is looked for in timeline order. Both
# ways must find exactly the same events: every search test runs both ways, on both databases.


@pytest.fixture(params=["listed", "scanned"])
def search_way(request, monkeypatch):
    if request.param == "scanned":
        monkeypatch.setattr("timeline.models.SEARCH_LISTED", 0)
    return request.param


@pytest.fixture
def german_talks(crisis):
    return make_event(
        "Gespräche der Außenminister in Minsk",
        datetime.date(2021, 12, 1),
        summary="Die Außenminister berieten über die Lage.",
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("brest", ["EU defence ministers meet in Brest"]),  # title, and the place's name
        ("since 2019", ["NATO-Russia Council meets again"]),  # the summary only
        ("Genf", ["US-Russia strategic stability talks"]),  # the place's German name
        ("United States", ["US-Russia strategic stability talks",
                           "Biden calls European heads of government"]),  # an actor's name
        ("russland", ["NATO-Russia Council meets again",
                      "US-Russia strategic stability talks"]),  # an actor's German name
        ("meet", ["EU defence ministers meet in Brest", "NATO-Russia Council meets again"]),
        ("Gespräch", ["Gespräche der Außenminister in Minsk"]),
        ("außenminister", ["Gespräche der Außenminister in Minsk"]),
        ("NATO-Russia", ["NATO-Russia Council meets again"]),
        ("Ouagadougou", []),
    ],
)  # fmt: skip
def test_the_search_finds_words_of_the_text_and_names_of_places_and_actors(
    client, german_talks, search_way, q, expected
):
    response = client.get("/", {"q": q})
    assert response.status_code == 200
    assert titles(response) == expected
    assert titles(client.get("/", {"q": q}, headers=HTMX)) == expected


def test_a_search_nothing_matches_is_an_empty_list_found_in_the_index_alone(
    client, crisis, django_assert_num_queries
):
    html = client.get("/?q=Ouagadougou").content.decode()
    assert re.search(r'id="result-count"[^>]*>\s*0 events\s*<', html)
    # One query asks the index and the names; no event row is read.
    with django_assert_num_queries(1):
        response = client.get("/?q=Ouagadougou", headers=HTMX)
    assert response.status_code == 200 and titles(response) == []


@pytest.mark.parametrize(
    "q",
    ['"', '""', 'brest"', '"brest', "'", "OR", "NOT", "AND brest", "brest OR", "NOT brest",
     "*", "bre*", "^brest", "title:brest", "NEAR(brest meet)", "(brest", "brest)", "((", "-",
     "-brest", "+", "%", "_", "\\", "a:b", "{title}: brest", "brest & !meet | <->"],
)  # fmt: skip
def test_search_syntax_in_the_query_is_never_an_error(client, crisis, search_way, q):
    response = client.get("/", {"q": q})
    assert response.status_code == 200
    assert re.search(r'id="result-count"[^>]*>\s*\d+ events?\s*<', response.content.decode())
    assert client.get("/", {"q": q}, headers=HTMX).status_code == 200


@pytest.mark.parametrize("q", ["50%", "round_2", "(round", '"at 50%"', "[draft]"])
def test_characters_with_a_meaning_to_the_database_are_searched_as_they_are(
    client, crisis, search_way, q
):
    make_event('Talks "at 50%" (round_2) [draft]', datetime.date(2022, 1, 20))
    assert titles(client.get("/", {"q": q})) == ['Talks "at 50%" (round_2) [draft]']


def test_the_search_finds_events_as_they_are_now(client, crisis):
    event = make_event("Consultations in Oslo", datetime.date(2022, 1, 20))
    assert titles(client.get("/?q=consultations")) == ["Consultations in Oslo"]
    Event.objects.filter(pk=event.pk).update(title="Round table in Oslo")
    assert titles(client.get("/?q=consultations")) == []
    assert titles(client.get("/?q=round+table")) == ["Round table in Oslo"]
    event.refresh_from_db()
    event.summary = "Second round of consultations."
    event.save()
    assert titles(client.get("/?q=consultations")) == ["Round table in Oslo"]
    event.delete()
    assert titles(client.get("/?q=oslo")) == []


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_search_results_continue_exactly_where_the_page_ended(client, db, search_way, order):
    many_events(20)
    for i in range(45):
        make_event(f"Talks round {i:02}", datetime.date(2020, 1, 1) + datetime.timedelta(i // 4))
    expected = list(
        Event.objects.filter(title__startswith="Talks")
        .in_timeline_order(newest_first=order == "newest")
        .values_list("title", flat=True)
    )
    first = client.get(f"/?q=talks&order={order}")
    second = client.get(f"/?q=talks&order={order}&cursor={next_cursor(first)}", headers=HTMX)
    assert titles(first) + titles(second) == expected
    assert next_cursor(second) is None


def test_a_filtered_view_says_how_many_events_match(client, crisis):
    html = client.get("/?type=session").content.decode()
    assert re.search(r'id="result-count"[^>]*aria-live="polite"[^>]*>\s*2 events\s*<', html)


def test_each_filter_option_shows_how_many_events_it_would_match(client, crisis):
    html = client.get("/?type=session").content.decode()
    # Other facets count within the chosen type; the type facet ignores its own choice.
    session = r'id="type-session" checked>\s*<label[^>]*><span class="option-label">council or'
    assert re.search(session + r' ministerial session</span> <span class="count">2<', html)
    assert re.search(r'value="negotiation"[^>]*>\s*<label[^>]*>.*?"count">1<', html)
    assert re.search(r'value="AT"[^>]*>\s*<label[^>]*><span class="option-label">Austria'
                     r'</span> <span class="count">1<', html)  # fmt: skip
    assert 'value="FR"' not in html  # Brest is a meeting, not a session


@pytest.mark.parametrize(
    "query",
    [
        "from=yesterday",
        "to=2022-13-45",
        "from=2022-02-01&to=2022-01-01",
        "actor=999999",
        "actor=not-a-number",
        "place=0",
        "country=France",
        "type=party",
        "status=imagined",
        "tag=no-such-tag",
        "order=sideways",
        "jump=soon",
        "cursor=%00%ff",
        "q=" + "x" * 201,
    ],
)
def test_bad_parameters_are_a_400_with_the_form_errors_never_a_500(client, crisis, query):
    response = client.get("/?" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html
    assert titles(response) == []


def test_an_htmx_filter_request_gets_the_results_without_the_page(client, crisis):
    response = client.get("/?type=session", headers=HTMX_RESULTS)
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert titles(response) == ["OSCE Permanent Council", "NATO-Russia Council meets again"]
    # The live region and the facet counts are swapped out of band.
    assert 'hx-swap-oob="innerHTML:#result-count"' in html
    assert '<div id="facets" class="facets" hx-swap-oob="true">' in html
    assert response["Vary"].count("HX-Request") == 1


def test_an_htmx_scroll_request_gets_only_the_next_events(client, crisis):
    response = client.get("/?type=session", headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and 'id="facets"' not in html and "density" not in html
    assert html.lstrip().startswith("<li")
    assert titles(response) == ["OSCE Permanent Council", "NATO-Russia Council meets again"]


def test_an_htmx_history_restore_gets_the_full_page(client, crisis):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in client.get("/?type=session", headers=headers).content.decode()


def test_the_filter_form_updates_the_list_in_place_and_the_url(client, crisis):
    html = client.get("/").content.decode()
    form = re.search(r'<form id="filters"[^>]*>', html, re.S).group(0)
    assert 'method="get"' in form and 'action="/"' in form
    assert 'hx-get="/"' in form and 'hx-target="#results"' in form
    assert 'hx-push-url="true"' in form


def test_the_page_has_landmarks_labels_and_no_inline_script_or_style(client, crisis):
    html = client.get("/").content.decode()
    for landmark in ("<header", "<main", "<footer", 'role="search"', "<aside"):
        assert landmark in html
    for field in ("q", "from", "to", "order", "jump"):
        assert f'<label for="id_{field}">' in html
    assert " style=" not in html and "<style" not in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all(" src=" in script and "nonce=" in script for script in scripts)
    assert '"includeIndicatorStyles": false' in html


def many_events(count, start=datetime.date(2020, 1, 1)):
    """`count` events, three a day, so pages end in the middle of a day."""
    return [
        make_event(f"Event number {i:03}", start + datetime.timedelta(days=i // 3))
        for i in range(count)
    ]


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_the_next_page_continues_exactly_where_the_first_ended(client, db, order):
    many_events(70)
    expected = list(
        Event.objects.approved()
        .in_timeline_order(newest_first=order == "newest")
        .values_list("title", flat=True)
    )
    first = client.get(f"/?order={order}")
    assert titles(first) == expected[:30]
    second = client.get(f"/?order={order}&cursor={next_cursor(first)}", headers=HTMX)
    assert titles(second) == expected[30:60]
    third = client.get(f"/?order={order}&cursor={next_cursor(second)}", headers=HTMX)
    assert titles(third) == expected[60:]
    assert next_cursor(third) is None
    assert "End of the timeline." in third.content.decode()


def test_a_continued_day_gets_no_second_heading(client, db):
    many_events(70)
    first = client.get("/")
    second = client.get(f"/?cursor={next_cursor(first)}", headers=HTMX).content.decode()
    # 30 events end mid-way through a day: page two continues it without a heading.
    assert second.lstrip().startswith('<li class="day continued">')
    assert '<h2 class="month-heading">' not in second.split('class="event ')[1]


def test_load_more_is_a_real_link_without_javascript(client, db):
    many_events(40)
    html = client.get("/").content.decode()
    more = re.search(r'<li class="more"[^>]*>\s*<a href="([^"]+)"', html)
    assert 'hx-trigger="revealed"' in html and 'hx-swap="outerHTML"' in html
    page_two = client.get("/" + unescape(more.group(1)))
    assert page_two.status_code == 200 and "<html" in page_two.content.decode()
    assert len(titles(page_two)) == 10


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!!",
        base64.urlsafe_b64encode(b"2022-01-01").decode(),
        base64.urlsafe_b64encode(b"2022-02-30|5").decode(),
        base64.urlsafe_b64encode(b"2022-01-01|-5").decode(),
        base64.urlsafe_b64encode(b"2022-01-01|99999999999999999999999").decode(),
        base64.urlsafe_b64encode(b"'; DROP TABLE timeline_event; --|1").decode(),
        "x" * 500,
    ],
)
def test_a_tampered_cursor_is_a_400_not_a_500(client, db, cursor):
    many_events(5)
    assert client.get(f"/?cursor={cursor}", headers=HTMX).status_code == 400
    assert client.get(f"/?cursor={cursor}").status_code == 400


def test_jumping_to_a_date_starts_the_list_there(client, crisis):
    assert titles(client.get("/?jump=2022-01-12"))[:2] == [
        "EU defence ministers meet in Brest",
        "NATO-Russia Council meets again",
    ]
    assert titles(client.get("/?jump=2022-01-11&order=oldest")) == [
        "NATO-Russia Council meets again",
        "EU defence ministers meet in Brest",
        "OSCE Permanent Council",
        "Normandy format summit",
    ]


@pytest.mark.parametrize("persona", ["client", "analyst_client"])
def test_the_fragment_costs_the_same_few_queries_at_any_depth(
    request, db, persona, django_assert_max_num_queries
):
    client = request.getfixturevalue(persona)
    nato, russia = make_actor("NATO"), make_actor("Russia", Actor.Kind.STATE)
    tag = make_tag("Ukraine crisis")
    for i in range(200):
        make_event(f"Talks {i}", datetime.date(2021, 1, 1) + datetime.timedelta(days=i),
                   actors=[nato, russia], tags=[tag], place=make_place())  # fmt: skip
    deep = client.get("/")
    for _ in range(5):
        deep = client.get(f"/?cursor={next_cursor(deep)}", headers=HTMX)
    for url in ["/", f"/?cursor={next_cursor(deep)}", f"/?actor={nato.pk}&q=talks&type=meeting"]:
        with django_assert_max_num_queries(5):
            response = client.get(url, headers=HTMX)
        assert len(titles(response)) >= 20


def test_the_full_page_has_a_bounded_number_of_queries(
    client, crisis, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/?type=session&q=council&from=2022-01-01")


# The total, the density strip and the facet counts are cached: a change an analyst could see
# in them must show on the very next page, whichever way it reached the database.


def summaries_of(response):
    """The page's count, facets and density strip: what is cached."""
    html = response.content.decode()
    parts = [
        r'<p id="result-count".*?</p>',
        r'<div id="facets".*?<p class="actions">',
        r'<figure class="density".*?</figure>',
    ]
    return [re.search(part, html, re.S).group(0) for part in parts]


def approve_a_suggestion(crisis, editor):
    crisis["suggested"].approve(by=editor)


def reject_an_approved_event(crisis, editor):
    crisis["council"].reject(by=editor, reason="duplicate")


def merge_a_suggestion_into_an_approved_event(crisis, editor):
    crisis["suggested"].participations.create(actor=make_actor("France", Actor.Kind.STATE))
    crisis["suggested"].merge_into(crisis["council"], by=editor)


def split_it_off_again(crisis, editor):
    Event.objects.get(pk=crisis["suggested"].pk).split(by=editor)


def change_an_approved_events_type(crisis, editor):
    crisis["geneva"].type = "meeting"
    crisis["geneva"].save()


def add_a_participant(crisis, editor):
    crisis["osce"].participations.create(actor=Actor.objects.get(name="Russia"))


def remove_a_tag(crisis, editor):
    crisis["brest"].tags.clear()


def rename_a_place(crisis, editor):
    place = crisis["geneva"].place
    place.name = "Genève"
    place.save()


def delete_an_approved_event(crisis, editor):
    crisis["calls"].delete()


def edit_participants_in_the_admin(crisis, editor):
    client = Client()
    client.force_login(editor)
    event = Event.objects.get(pk=crisis["osce"].pk)
    url = reverse("admin:timeline_event_change", args=[event.pk])
    fields = change_form_data(event, **{
        "participations-TOTAL_FORMS": 1, "participations-0-actor": Actor.objects.get(name="NATO").pk,
        "participations-0-role": "participant",
    })  # fmt: skip
    assert client.post(url, fields).status_code == 302


@pytest.mark.parametrize(
    ("earlier", "change"),
    [(None, approve_a_suggestion), (None, reject_an_approved_event),
     (None, merge_a_suggestion_into_an_approved_event),
     (merge_a_suggestion_into_an_approved_event, split_it_off_again),
     (None, change_an_approved_events_type), (None, add_a_participant), (None, remove_a_tag),
     (None, rename_a_place), (None, delete_an_approved_event),
     (None, edit_participants_in_the_admin)],
)  # fmt: skip
def test_a_change_shows_at_once_in_the_counts_facets_and_density(
    client, crisis, editor, earlier, change
):
    if earlier:
        earlier(crisis, editor)
    before = summaries_of(client.get("/"))
    change(crisis, editor)
    after = summaries_of(client.get("/"))
    assert after != before
    cache.clear()
    assert after == summaries_of(client.get("/"))


def test_the_counts_are_computed_once_until_the_timeline_changes(
    client, crisis, editor, django_assert_max_num_queries
):
    client.get("/?type=session&q=council")
    # The token, the actors the search names and the page of events: no counting again.
    with django_assert_max_num_queries(5):
        html = client.get("/?q=council&type=session").content.decode()
    assert re.search(r'id="result-count"[^>]*>\s*2 events\s*<', html)
    make_event("Another council", datetime.date(2022, 1, 14), type="session")
    html = client.get("/?type=session&q=council").content.decode()
    assert re.search(r'id="result-count"[^>]*>\s*3 events\s*<', html)


def test_a_new_suggestion_leaves_the_cached_counts_in_place(db, crisis):
    version = TimelineVersion.current()
    make_event("Suggested again", curation_status=Event.Curation.SUGGESTED, actors=[])
    assert TimelineVersion.current() == version
    make_event("Approved at once")
    assert TimelineVersion.current() != version


@pytest.mark.parametrize(
    ("fields", "english", "german"),
    [
        ({}, "12 January 2022", "12. Januar 2022"),
        ({"end": datetime.date(2022, 1, 13)}, "12–13 January 2022", "12.–13. Januar 2022"),
        ({"end": datetime.date(2022, 2, 2)}, "12 January – 2 February 2022",
         "12. Januar – 2. Februar 2022"),
        ({"precision": "week"}, "week of 12 Jan 2022", "Woche vom 12. Jan. 2022"),
        ({"precision": "week", "end": datetime.date(2022, 2, 2), "approximate": True},
         "c. 12 January – 2 February 2022", "ca. 12. Januar – 2. Februar 2022"),
        ({"precision": "month"}, "January 2022", "Januar 2022"),
        ({"precision": "quarter"}, "Q1 2022", "1. Quartal 2022"),
        ({"precision": "year"}, "2022", "2022"),
        ({"approximate": True}, "c. 12 January 2022", "ca. 12. Januar 2022"),
        ({"precision": "month", "approximate": True}, "c. January 2022", "ca. Januar 2022"),
    ],
)  # fmt: skip
def test_the_date_is_drawn_at_its_precision(client, db, fields, english, german):
    make_event("Dated", datetime.date(2022, 1, 12), **fields)
    pattern = r'<p class="event-when">\s*<time datetime="2022-01-12">([^<]*)</time>'
    assert re.search(pattern, client.get("/").content.decode()).group(1) == english
    client.cookies["django_language"] = "de"
    assert re.search(pattern, client.get("/").content.decode()).group(1) == german


def test_a_month_precise_event_is_not_shown_under_the_first_of_the_month(client, db):
    make_event("Sometime in January", datetime.date(2022, 1, 1), precision="month")
    html = client.get("/").content.decode().split('id="event-list"')[1]
    assert "1 January" not in html and "Saturday" not in html
    assert "date within the month not known" in html


def test_the_german_page_is_translated(client, crisis):
    client.cookies["django_language"] = "de"
    html = client.get("/?type=session").content.decode()
    assert '<html lang="de">' in html
    assert "2 Ereignisse" in html and "Suche" in html and "verschoben" not in html
    assert "Brüssel" in html  # the gazetteer's German name
    lede = re.search(r'<p class="lede">([^<]*)</p>', html).group(1)
    assert lede == "Wer traf wen, wo und wann – geprüfte Ereignisse aus Nachrichtenmeldungen."


def test_the_language_switch_posts_to_set_language(client, crisis):
    html = client.get("/?type=session").content.decode()
    form = re.search(r'<form class="language" action="([^"]+)" method="post">', html)
    assert form.group(1) == "/i18n/setlang/"
    assert '<input type="hidden" name="next" value="/?type=session">' in html
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/?type=session"})
    assert response.status_code == 302 and response["Location"] == "/?type=session"
    assert "Zeitleiste" in client.get("/").content.decode()


def test_the_density_strip_links_each_period_to_its_range(client, crisis):
    html = client.get("/?from=2022-01-01&to=2022-01-31").content.decode()
    svg = re.search(r"<svg class=\"density-strip\".*?</svg>", html, re.S).group(0)
    bars = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', svg)
    assert len(bars) == 3  # the days events start on: 10, 12 and 13 January
    assert ("?from=2022-01-12&amp;to=2022-01-12", "12 January 2022: 2 events") in bars
    assert "Events per day" in html


def test_the_density_strip_counts_weeks_or_months_over_longer_ranges(client, crisis):
    html = client.get("/?from=2021-06-01&to=2022-03-31").content.decode()
    assert "Events per week" in html
    assert re.search(r'aria-label="week of 10 Jan 2022: 4 events"', html)
    html = client.get("/").content.decode()
    assert "Events per day" in html  # Dec 2021 – Feb 2022 is short enough for days
    html = client.get("/?from=2015-01-01").content.decode()
    assert "Events per month" in html
    assert 'aria-label="January 2022: 4 events"' in html


@pytest.fixture
def reported(crisis):
    text = (
        "Nato-Russland-Rat tagt wieder\nStand: 12.01.2022 03:55 Uhr\n\n"
        "Heute Vormittag kommt in Brüssel der Nato-Russland-Rat zusammen. "
        "Danach treffen sich die EU-Verteidigungsminister in Brest."
    )
    article = make_article(text, url="https://www.tagesschau.de/ausland/nato-russland-101.html")
    cite(crisis["council"], article, ("date", "Heute Vormittag"), ("place", "Brüssel"),
         ("actor", "Nato-Russland-Rat zusammen"), ("trigger", "kommt"))  # fmt: skip
    return article


def test_an_event_page_shows_its_sources_with_highlighted_evidence(client, crisis, reported):
    response = client.get(reverse("event", args=[crisis["council"].pk]))
    html = response.content.decode()
    assert "<html" in html and "The first session since 2019." in html
    assert 'href="https://www.tagesschau.de/ausland/nato-russland-101.html"' in html
    assert "Nato-Russland-Rat tagt wieder" in html and "tagesschau" in html
    assert '<mark class="evidence evidence-date" title="date">Heute Vormittag</mark>' in html
    assert '<mark class="evidence evidence-place" title="place">Brüssel</mark>' in html
    assert "Danach treffen sich" not in html  # only the sentence the evidence is in


def test_an_event_expands_in_place_from_the_list(client, crisis, reported):
    html = client.get("/").content.decode()
    url = reverse("event", args=[crisis["council"].pk])
    assert re.search(rf'<a href="{url}" class="expand" hx-get="{url}" '
                     rf'hx-target="#event-{crisis["council"].pk}-detail"', html)  # fmt: skip
    fragment = client.get(url, headers=HTMX).content.decode()
    assert "<html" not in fragment and "<h1" not in fragment
    assert "evidence-place" in fragment and "<h5" in fragment


def test_related_events_share_the_series_or_an_actor_within_a_week(client, crisis):
    later = make_event("NATO-Russia Council, second session", datetime.date(2022, 6, 1),
                       series=crisis["council"].series)  # fmt: skip
    far = make_event("Russia at the UN, months later", datetime.date(2022, 5, 1),
                     actors=[Actor.objects.get(name="Russia")])  # fmt: skip
    html = client.get(reverse("event", args=[crisis["council"].pk])).content.decode()
    related = html.split("Related events")[1]
    assert "US-Russia strategic stability talks" in related  # Russia, two days earlier
    assert later.title in related
    assert far.title not in related
    assert "EU defence ministers" not in related


def test_titles_and_article_text_are_escaped(client, crisis):
    attack = "<script>alert(1)</script>"
    event = make_event(f"Summit {attack}", datetime.date(2022, 1, 14), summary=attack)
    article = make_article(f"Harmless start. {attack} met in <b>Paris</b>.", title=attack,
                           url="https://example.org/a")  # fmt: skip
    cite(event, article, ("trigger", "met"), ("actor", attack), ("place", "<b>Paris</b>"))
    for html in (
        client.get("/").content.decode(),
        client.get(reverse("event", args=[event.pk])).content.decode(),
        client.get(reverse("event", args=[event.pk]), headers=HTMX).content.decode(),
    ):
        assert "<script>alert" not in html and "<b>Paris" not in html
    html = client.get(reverse("event", args=[event.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert "&lt;b&gt;Paris&lt;/b&gt;</mark>" in html


def test_evidence_that_does_not_fit_the_text_is_ignored(client, crisis, reported):
    citation = crisis["council"].citations.get()
    citation.evidence = [{"role": "date", "start": 5, "end": 10**6},
                         {"role": "<img>", "start": 0, "end": 3}, "junk",
                         {"role": "place", "start": "0", "end": 4}]  # fmt: skip
    citation.save()
    response = client.get(reverse("event", args=[crisis["council"].pk]))
    assert (
        response.status_code == 200
        and '<mark class="evidence evidence-'
        not in (response.content.decode().split('class="legend"')[0])
    )


def test_a_javascript_url_is_not_a_link(client, crisis, reported):
    type(reported).objects.filter(pk=reported.pk).update(url="javascript:alert(1)")
    html = client.get(reverse("event", args=[crisis["council"].pk])).content.decode()
    assert "javascript:" not in html


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_one_actors_events_are_listed_in_timeline_order_as_they_are_now(
    client, editor_client, editor, order
):
    # One actor's events are read through its participations' copies of their dates and
    # statuses: the copies must follow every change, in the admin as elsewhere.
    nato, russia = make_actor("NATO"), make_actor("Russia", Actor.Kind.STATE)
    events = many_events(75)
    for i, event in enumerate(events):
        event.participations.create(actor=nato if i % 3 else russia)
    moved, joined, rejected = events[1], events[3], events[4]
    Event.objects.filter(pk=moved.pk).update(start=datetime.date(2019, 6, 1))
    url = reverse("admin:timeline_event_change", args=[joined.pk])
    fields = change_form_data(joined, start="2021-07-01", **{
        "participations-TOTAL_FORMS": 1, "participations-0-actor": nato.pk,
        "participations-0-role": "participant",
    })  # fmt: skip
    assert editor_client.post(url, fields).status_code == 302
    rejected.reject(by=editor, reason="a rumour")
    newest = order == "newest"
    natos = (
        Event.objects.approved()
        .filter(participants=nato)
        .order_by(*(["-start", "-id"] if newest else ["start", "id"]))
        .values_list("title", "start")
    )
    expected = [title for title, _ in natos]
    assert {moved.title, joined.title} <= set(expected) and rejected.title not in expected

    first = client.get(f"/?actor={nato.pk}&order={order}")
    cursor = next_cursor(first)
    second = client.get(f"/?actor={nato.pk}&order={order}&cursor={cursor}", headers=HTMX)
    assert titles(first) + titles(second) == expected
    assert next_cursor(second) is None

    day, week = datetime.date(2020, 1, 10), (datetime.date(2020, 1, 5), datetime.date(2020, 1, 12))
    jump = client.get(f"/?actor={nato.pk}&order={order}&jump={day}")
    on_or_past = [title for title, start in natos if start == day or (start < day) == newest]
    assert titles(jump) == on_or_past[:30]
    dated = client.get(f"/?actor={nato.pk}&order={order}&from={week[0]}&to={week[1]}")
    assert titles(dated) == [title for title, start in natos if week[0] <= start <= week[1]]


def density_axis(html):
    axis = re.search(r'<div class="density-axis"[^>]*>(.*?)</div>', html, re.S).group(1)
    return [words(label) for label in re.findall(r"<span>(.*?)</span>", axis, re.S)]


def test_the_density_axis_labels_where_the_bars_are(client, crisis):
    # Four days are four bars at the left of a strip 40 bars wide: its right edge is not
    # 13 January, so the span is said under the bars, at the left.
    html = client.get("/?from=2022-01-10&to=2022-01-13").content.decode()
    assert density_axis(html) == ["10 January 2022 – 13 January 2022"]
    # Bars that fill the strip: its first period at the left edge, its last at the right.
    html = client.get("/?from=2022-01-01&to=2022-03-31").content.decode()
    assert density_axis(html) == ["1 January 2022", "31 March 2022"]


def test_an_event_without_sources_says_so_without_a_numbered_list_or_legend(
    client, crisis, reported
):
    html = client.get(reverse("event", args=[crisis["calls"].pk])).content.decode()
    sources = re.search(r'<section class="sources".*?</section>', html, re.S).group(0)
    assert words(sources) == "0 sources No sources are linked to this event yet."
    assert "<ol" not in sources and 'class="legend"' not in sources
    html = client.get(reverse("event", args=[crisis["council"].pk])).content.decode()
    sources = re.search(r'<section class="sources".*?</section>', html, re.S).group(0)
    assert '<ol class="citations">' in sources and 'class="legend"' in sources
    assert "No sources" not in sources
