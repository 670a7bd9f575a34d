"""`load_seeds`: the gazetteer and curated events from seeds/, loaded idempotently."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from timeline.gazetteer import build_gazetteer
from timeline.models import (
    Actor,
    ActorAlias,
    Event,
    Participation,
    Place,
    PlaceAlias,
    Series,
    Tag,
    normalize_alias,
)

BREST_FRANCE, BREST_BELARUS, BRUSSELS = 3030300, 629634, 2800866

pytestmark = pytest.mark.django_db


def load(**options):
    call_command("load_seeds", stdout=io.StringIO(), **options)


@pytest.fixture
def seeded():
    """The gazetteer with only the largest cities (plus every curated event's place): fast."""
    load(cities_min_population=1_000_000)


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Actor, ActorAlias, Place, PlaceAlias, Event, Participation, Series, Tag)
    } | {"event history": Event.history.count()}


def place_names(alias):
    return {
        (a.place.name, a.place.country, a.place.kind)
        for a in PlaceAlias.objects.filter(normalized=normalize_alias(alias)).select_related(
            "place"
        )
    }


def actor_names(alias):
    return set(
        ActorAlias.objects.filter(normalized=normalize_alias(alias)).values_list(
            "actor__name", flat=True
        )
    )


def test_loading_twice_creates_no_duplicates(seeded):
    first = snapshot()
    load(cities_min_population=1_000_000)
    assert snapshot() == first
    assert first["Actor"] > 400 and first["PlaceAlias"] > first["Place"]


def test_the_full_gazetteer_has_both_brests_with_their_coordinates():
    """Loads all ~34,000 GeoNames cities once (a few seconds on SQLite)."""
    output = io.StringIO()
    call_command("load_seeds", stdout=output)
    assert Place.objects.filter(kind=Place.Kind.CITY).count() > 33_000
    assert "250 states" in output.getvalue()

    brest_fr = Place.objects.get(geonames_id=BREST_FRANCE)
    brest_by = Place.objects.get(geonames_id=BREST_BELARUS)
    assert (brest_fr.name, brest_fr.country, brest_fr.region) == ("Brest", "FR", "FR-BRE")
    assert (brest_by.name, brest_by.country, brest_by.region) == ("Brest", "BY", "BY-BR")
    assert brest_fr.latitude == pytest.approx(48.39, abs=0.01)
    assert brest_fr.longitude == pytest.approx(-4.49, abs=0.01)
    assert brest_by.latitude == pytest.approx(52.11, abs=0.01)
    assert brest_by.longitude == pytest.approx(23.72, abs=0.01)
    assert {("Brest", "FR", "city"), ("Brest", "BY", "city")} <= place_names("Brest")
    assert ("Bretagne", "FR", "region") in place_names("Bretagne")
    # Towns named like common words would turn "Auch", "Lage" and "Mitte Februar" into places.
    assert not PlaceAlias.objects.filter(normalized__in=["auch", "lage", "mitte", "of"]).exists()


# One load for each whole table: the expected resolution of every alias, compared at once.
PLACE_ALIASES = {
    "Brüssel": ("Brussels", "BE", "city"),
    "Brüsseler": ("Brussels", "BE", "city"),
    "Brussels": ("Brussels", "BE", "city"),
    "Moskau": ("Moscow", "RU", "city"),
    "Kiew": ("Kyiv", "UA", "city"),
    "Kiev": ("Kyiv", "UA", "city"),
    "Warschau": ("Warsaw", "PL", "city"),
    "Peking": ("Beijing", "CN", "city"),
    "Genf": ("Geneva", "CH", "city"),
    "Wien": ("Vienna", "AT", "city"),
    "Frankreich": ("France", "FR", "country"),
    "Vereinigte Staaten": ("United States", "US", "country"),
}

ACTOR_ALIASES = {
    "Lawrow": "Sergey Lavrov",
    "Lavrov": "Sergey Lavrov",
    "Selenskyj": "Volodymyr Zelenskyy",
    "Zelensky": "Volodymyr Zelenskyy",
    "Kremlchef": "Vladimir Putin",
    "Stoltenberg": "Jens Stoltenberg",
    "französische": "France",
    "Frankreichs": "France",
    "French": "France",
    "russischen": "Russia",
    "Russlands": "Russia",
    "U.S.": "United States",
    "amerikanische": "United States",
    "Weißrussland": "Belarus",
    "Nato-Russland-Rat": "NATO-Russia Council",
    "Nordatlantikpakt": "NATO",
    "OSZE": "OSCE",
    "Weltsicherheitsrat": "UN Security Council",
    "Kreml": "Kremlin",
}


def test_german_and_english_place_names_resolve(seeded):
    resolved = {
        alias: place for alias, place in PLACE_ALIASES.items() if place in place_names(alias)
    }
    assert resolved == PLACE_ALIASES


def test_german_and_english_actor_names_resolve(seeded):
    assert {alias: actor_names(alias) for alias in ACTOR_ALIASES} == {
        alias: {actor} for alias, actor in ACTOR_ALIASES.items()
    }


def test_organizations_and_bodies_know_what_they_are_part_of(seeded):
    council = Actor.objects.get(name="NATO-Russia Council")
    assert (council.kind, council.parent.name) == (Actor.Kind.BODY, "NATO")
    assert Actor.objects.get(name="Kremlin").parent.name == "Russia"
    france = Actor.objects.get(name="France", kind=Actor.Kind.STATE)
    assert france.country == "FR"


def test_curated_events_are_approved_and_held_in_winter_2021_22(seeded):
    events = Event.objects.prefetch_related("participants").select_related("place")
    assert events.count() >= 18
    for event in events:
        assert event.curation_status == Event.Curation.APPROVED, event
        assert event.occurrence_status == Event.Occurrence.HELD, event
        assert event.precision == "day", event
        assert date(2021, 12, 1) <= event.start <= event.last_day <= date(2022, 2, 28), event
        assert len(event.participants.all()) >= 2, event
        assert event.place is not None or event.type == "phone_call", event
        assert "Source:" in event.summary, event


def test_curated_events_take_place_where_they_happened(seeded):
    council = Event.objects.get(title="NATO-Russia Council meets in Brussels")
    assert (council.start, council.place.geonames_id) == (date(2022, 1, 12), BRUSSELS)
    assert council.series.name == "NATO-Russia Council sessions"
    assert council.participations.get(actor__name="Jens Stoltenberg").role == "host"

    brest = Event.objects.get(title="Informal meeting of EU defence ministers in Brest")
    assert brest.place.geonames_id == BREST_FRANCE
    assert (brest.start, brest.end) == (date(2022, 1, 12), date(2022, 1, 13))

    gomel = Event.objects.get(start=date(2022, 2, 28))
    assert (gomel.place.kind, gomel.place.region) == (Place.Kind.REGION, "BY-HO")


def test_skipping_cities_still_loads_the_places_of_curated_events_and_seats():
    load(skip_cities=True)
    cities = Place.objects.filter(kind=Place.Kind.CITY)
    event_places = Event.objects.filter(place__kind=Place.Kind.CITY).values_list(
        "place__geonames_id", flat=True
    )
    seats = Actor.objects.filter(seat__isnull=False).values_list("seat__geonames_id", flat=True)
    assert set(cities.values_list("geonames_id", flat=True)) == set(event_places) | set(seats)
    assert cities.count() >= 10


def test_councils_meet_at_their_seat():
    load(skip_cities=True)
    seats = dict(Actor.objects.filter(seat__isnull=False).values_list("name", "seat__name"))
    assert seats["NATO-Russia Council"] == "Brussels"
    assert seats["OSCE Permanent Council"] == "Vienna"
    assert seats["UN Security Council"] == "New York City"


def test_a_city_does_not_take_the_name_of_another_countrys_region():
    load(cities_min_population=250_000)
    florida = place_names("Florida")
    assert ("Florida", "US", "region") in florida
    assert not any(country == "CO" for _name, country, _kind in florida)  # not Floridablanca
    # the name of a region of the city's own country stays the city's
    assert ("New York City", "US", "city") in place_names("New York")
    # a database loaded before the rule loses such an alias when the seeds are loaded again
    floridablanca = Place.objects.get(name="Floridablanca", country="CO")
    PlaceAlias.objects.create(place=floridablanca, name="Florida")
    load(cities_min_population=250_000)
    assert not any(country == "CO" for _name, country, _kind in place_names("Florida"))


def test_a_city_does_not_take_the_name_of_another_countrys_people():
    load(cities_min_population=20_000)
    # GeoNames spells Gazakh, Azerbaijan, "Kazakh"; "Kazakh media" are Kazakhstan's
    assert ("Gazakh", "AZ", "city") in place_names("Gazakh")
    assert not any(country == "AZ" for _name, country, _kind in place_names("Kazakh"))


def test_a_city_does_not_take_the_name_of_another_city_of_its_country():
    load(cities_min_population=250_000)
    # GeoNames lists "New Delhi" among Delhi's names; New Delhi is a city of its own
    assert place_names("New Delhi") == {("New Delhi", "IN", "city")}
    assert ("Delhi", "IN", "city") in place_names("Delhi")
    # an alias that only drops the accents stays: "Belem" is Belém
    assert ("Belém", "BR", "city") in place_names("Belem")
    # a database loaded before the rule loses such an alias when the seeds are loaded again
    delhi = Place.objects.filter(name="Delhi", kind=Place.Kind.CITY).order_by("-population")[0]
    PlaceAlias.objects.create(place=delhi, name="New Delhi")
    load(cities_min_population=250_000)
    assert place_names("New Delhi") == {("New Delhi", "IN", "city")}


def test_a_capital_stands_for_its_state_and_stays_a_place(seeded):
    # "Paris und Algier weisen je zwölf Diplomaten aus", "Moscow responded"
    for capital, state in [("Algier", "Algeria"), ("Moscow", "Russia"), ("Peking", "China")]:
        assert actor_names(capital) == {state}
    assert ("Algiers", "DZ", "city") in place_names("Algier")
    # Brussels stands for the EU, not for Belgium.
    assert "Belgium" not in actor_names("Brüssel")


def test_german_kongo_is_the_dr_congo_not_a_town_in_mayotte(seeded):
    for name in ("Kongo", "kongolesischen"):
        assert actor_names(name) == {"Democratic Republic of the Congo"}
    assert {kind for _name, _country, kind in place_names("Kongo")} == {"country"}


def test_a_continent_is_no_town():
    load(cities_min_population=20_000)
    # GeoNames knows a town of 23,546 called Asia in the Philippines: "the EU-Central Asia
    # summit" is not held there.
    assert place_names("Asia") == set()
    assert not Place.objects.filter(name="Asia", kind=Place.Kind.CITY).exists()
    # a database loaded before the rule loses such a town and such an alias when the seeds
    # are loaded again: the gazetteer no longer finds a place called Asia
    asia = Place.objects.create(name="Asia", kind=Place.Kind.CITY, country="PH", population=23_546)
    PlaceAlias.objects.create(place=asia, name="Asia")
    PlaceAlias.objects.create(place=Place.objects.get(name="Manila", kind="city"), name="Asia")
    assert build_gazetteer().lookup("Asia")[1]
    load(cities_min_population=20_000)
    assert place_names("Asia") == set()
    assert build_gazetteer().lookup("Asia")[1] == ()


def test_german_speaking_towns_are_found_by_their_adjectives():
    load(cities_min_population=250_000)
    # "die Bonner Klimakonferenz", "das Grazer Treffen"
    assert ("Bonn", "DE", "city") in place_names("Bonner")
    assert ("Graz", "AT", "city") in place_names("Grazer")
    # a name ending like an adjective makes none ("Münster", not "Münsterer"), nor does a
    # town whose "-er" form is a common word ("Hamm", a "Hammer")
    assert place_names("Münsterer") == set()
    assert place_names("Hammer") == set()


def test_ulaanbaatar_as_the_news_spells_it():
    load(cities_min_population=250_000)
    # GeoNames calls it "Ulan Bator" and lists no "Ulaanbaatar"
    assert ("Ulan Bator", "MN", "city") in place_names("Ulaanbaatar")


def test_the_organization_of_turkic_states_by_its_german_name(seeded):
    assert actor_names("Organisation der Türkischen Staaten") == {"Organization of Turkic States"}
