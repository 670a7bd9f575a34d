"""Bad input never 500s: property tests over every query parameter of the timeline, the event
page, the exports, the feed and the API. Whatever arrives, the answer is a 400 or a friendly
(possibly empty) result; a 500 raises here (the test client re-raises view exceptions)."""

import base64
import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import (
    cite,
    make_article,
    make_council,
    make_event,
)

FRIENDLY = {200, 400, 404}
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a URL can carry: everything but lone surrogates (which no client can encode).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from(["1", "0", "-1", "1e9", "0x10", "١٢", "NaN", "inf", "1.5", " 7 ", "9" * 400]),
).map(str)
dates = st.one_of(
    st.dates().map(str),
    st.sampled_from(["2022-02-30", "2022-13-01", "0000-01-01", "10000-01-01", "22-1-12",
                     "12.01.2022", "2022-01-12T10:00", "-2022-01-01", "2022-01-12\x00"]),
)  # fmt: skip
cursors = st.one_of(
    st.binary(max_size=48).map(lambda raw: base64.urlsafe_b64encode(raw).decode().rstrip("=")),
    st.tuples(st.dates(), st.integers(min_value=-(2**70), max_value=2**70)).map(
        lambda pair: base64.urlsafe_b64encode(f"{pair[0]}|{pair[1]}".encode()).decode()
    ),
    st.tuples(st.datetimes(), st.integers(-3, 3), st.integers(-(2**70), 2**70)).map(
        lambda t: base64.urlsafe_b64encode(f"{t[0].isoformat()}|{t[1]}|{t[2]}".encode()).decode()
    ),
)
long_values = st.sampled_from(["x" * 10_000, "\x00" * 300, "<script>" * 500, "%" * 2000])
values = st.one_of(any_text, numbers, dates, cursors, long_values)

PARAMETERS = [
    "q", "actor", "place", "country", "type", "tag", "status", "from", "to", "order", "jump",
    "cursor", "limit", "since", "after", "kind", "page", "format", "unknown",
]  # fmt: skip
queries = st.lists(
    st.tuples(st.sampled_from(PARAMETERS), st.lists(values, min_size=1, max_size=3)),
    max_size=5,
).map(lambda pairs: {name: items for name, items in pairs})


@pytest.fixture
def timeline(db):
    event, _nato, russia, _brussels = make_council()
    make_event("Talks in Geneva", datetime.date(2022, 1, 10), actors=[russia])
    article = make_article("Der Nato-Russland-Rat tagt heute in Brüssel.")
    cite(event, article, ("place", "Brüssel"))
    return event


def fetch(path, query, headers=None):
    response = Client().get(path, query, headers=headers or {})
    if response.streaming:
        b"".join(response.streaming_content)  # a failure while streaming counts, too
    assert response.status_code in FRIENDLY, (path, query, response.status_code)
    return response


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/", {}),
        ("/", {"HX-Request": "true"}),
        ("/", {"HX-Request": "true", "HX-Target": "results"}),
        ("/export.csv", {}),
        ("/export.json", {}),
        ("/export.ics", {}),
        ("/export.timelinejs.json", {}),
        ("/feed.atom", {}),
        ("/api/events", {}),
        ("/api/actors", {}),
        ("/api/places", {}),
        ("/api/changes", {}),
    ],
    ids=lambda value: value if isinstance(value, str) else ",".join(value) or "plain",
)
def test_no_query_string_makes_a_500(timeline, path, headers):
    @EXAMPLES
    @given(query=queries)
    def check(query):
        fetch(path, query, headers)

    check()


@EXAMPLES
@given(event_id=numbers, query=queries)
def test_no_event_id_or_query_makes_a_500(timeline, event_id, query):
    for path in (f"/events/{event_id}/", f"/api/events/{event_id}"):
        if "/" in event_id.strip("-") or not event_id.strip():
            continue
        fetch(path, query)
        fetch(path, query, {"HX-Request": "true"})


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2022-01-12", "to": "2022-01-10"},
        {"cursor": "MjAyMi0wMS0xMnw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"},
        {"actor": str(2**63)},
        {"q": "\x00"},
        {"jump": "9999-12-31", "order": "oldest"},
        {"since": "9999-12-31T23:59:59"},
        {"limit": "0"},
    ],
    ids=["inverted-range", "huge-cursor-id", "huge-actor", "nul", "far-jump", "far-since", "zero"],
)
def test_known_hard_cases(timeline, query):
    for path in ("/", "/export.csv", "/feed.atom", "/api/events", "/api/changes"):
        fetch(path, query)


def test_a_nul_in_a_gazetteer_search_is_a_400_that_names_the_field(timeline):
    # PostgreSQL refuses NUL in text: found by hypothesis on /api/actors and /api/places.
    for path in ("/api/actors", "/api/places"):
        response = fetch(path, {"q": "Brest\x00"})
        assert response.status_code == 400, path
        assert "q" in response.json()["errors"], path


def test_a_bad_filter_is_a_400_that_says_what_is_wrong(timeline):
    response = fetch("/", {"from": "2022-13-01"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.text
    api = fetch("/api/events", {"from": "2022-13-01"})
    assert api.status_code == 400 and "from" in api.json()["errors"]


def test_a_search_that_matches_nothing_is_a_friendly_empty_result(timeline):
    response = fetch("/", {"q": "\u202e<script>nothing like this</script>"})
    assert response.status_code == 200
    assert "NATO-Russia Council meets again" not in response.text
    assert fetch("/api/events", {"q": "nothing like this"}).json()["events"] == []
