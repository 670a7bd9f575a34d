"""Mentions found with the real gazetteer of seeds/: how news names cities without their name."""

import pytest


def places(gazetteer, text, lang):
    return [
        (m.text, m.places[0].name, m.places[0].country, m.locative)
        for m in gazetteer.find(text, lang)
        if m.places
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Die Gespräche fanden in der Genfer Residenz des Botschafters statt.",
            "de",
            [("Genfer", "Geneva", "CH", True)],
        ),
        (
            "Am Donnerstag beraten in der französischen Hauptstadt 30 Staaten.",
            "de",
            [("französischen Hauptstadt", "Paris", "FR", True)],
        ),
        (
            "Er traf in der Hauptstadt Japans ein.",
            "de",
            [("Hauptstadt Japans", "Tokyo", "JP", True)],
        ),
        (
            "The talks in the Ukrainian capital lasted three hours.",
            "en",
            [("Ukrainian capital", "Kyiv", "UA", True)],
        ),
        # the Vienna talks are held in Vienna, as "die Genfer Gespräche" are in Geneva
        ("Die Wiener Atomgespräche gehen weiter.", "de", [("Wiener", "Vienna", "AT", True)]),
    ],
)
def test_a_city_named_by_its_adjective_or_as_a_capital(seed_gazetteer, text, lang, expected):
    assert places(seed_gazetteer, text, lang) == expected


def test_a_city_name_after_an_article_is_still_a_common_noun(seed_gazetteer):
    # "die Halle" is a hall, not the city of Halle.
    assert places(seed_gazetteer, "Die Minister trafen sich in der Halle.", "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Am Dienstag wurde der russische Botschafter ins Auswärtige Amt einbestellt.",
            "de",
            "Berlin",
        ),
        (
            "The Russian ambassador was summoned to the British Foreign Office on Tuesday.",
            "en",
            "London",
        ),
        ("Blinken met Wang Yi at the State Department on Tuesday.", "en", "Washington"),
    ],
)
def test_a_ministry_named_as_a_place_stands_for_its_seat(seed_gazetteer, text, lang, place):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from timeline.extraction.pipeline import suggest
    from timeline.extraction.types import Document

    published = datetime(2024, 5, 8, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    (event,) = suggest(Document(body=text), seed_gazetteer, published=published, lang=lang).events
    assert event.place is not None and event.place.name == place


def test_a_foreign_office_of_no_named_state_is_no_one_s(seed_gazetteer):
    # Pakistan, Germany and others have a "Foreign Office" too: the bare name is no actor.
    found = seed_gazetteer.find("The Foreign Office summoned the envoy.", "en")
    assert {actor.name for mention in found for actor in mention.actors} == set()


def test_a_conference_named_after_its_town_is_there_and_a_mission_to_the_un_is_not_in_new_york(
    seed_gazetteer,
):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from timeline.extraction.pipeline import suggest
    from timeline.extraction.types import Document

    text = (
        "Die Gespräche von Blinken und Lawrow in der US-Vertretung bei den Vereinten Nationen "
        "begannen heute Morgen um 9 Uhr.\n\n"
        "Am Freitag beginnt die Münchner Sicherheitskonferenz, die bis Sonntag dauert."
    )
    published = datetime(2022, 2, 16, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    found = suggest(Document(body=text), seed_gazetteer, published=published, lang="de").events
    places = {e.start.isoformat(): e.place and e.place.name for e in found}
    assert places == {"2022-02-16": None, "2022-02-18": "Munich"}
    assert [(e.start, e.end) for e in found if e.type == "summit"] == [
        (datetime(2022, 2, 18).date(), datetime(2022, 2, 20).date())
    ]


def test_a_dateline_naming_a_body_is_filed_from_its_seat(seed_gazetteer):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from timeline.extraction.pipeline import suggest
    from timeline.extraction.reading import read_document

    document = read_document(
        b"Talks end\n\nUNITED NATIONS (AP) \xe2\x80\x94 Blinken met Wang Yi on Tuesday.\n"
    )
    published = datetime(2024, 5, 8, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    (event,) = suggest(document, seed_gazetteer, published=published, lang="en").events
    assert event.place is not None and event.place.name == "New York City"


def test_the_city_a_meeting_was_held_in_is_its_place(seed_gazetteer):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from timeline.extraction.pipeline import suggest
    from timeline.extraction.types import Document

    text = (
        "Preparations for the Tashkent meeting were completed at the foreign ministers' "
        "meeting, held in Samarkand on April 26 and attended by Wang Yi."
    )
    published = datetime(2025, 6, 17, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    (event,) = suggest(Document(body=text), seed_gazetteer, published=published, lang="en").events
    assert (event.place.name, event.start.isoformat()) == ("Samarkand", "2025-04-26")
