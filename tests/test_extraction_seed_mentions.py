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
        ("Die Wiener Atomgespräche gehen weiter.", "de", [("Wiener", "Vienna", "AT", False)]),
    ],
)
def test_a_city_named_by_its_adjective_or_as_a_capital(seed_gazetteer, text, lang, expected):
    assert places(seed_gazetteer, text, lang) == expected


def test_a_city_name_after_an_article_is_still_a_common_noun(seed_gazetteer):
    # "die Halle" is a hall, not the city of Halle.
    assert places(seed_gazetteer, "Die Minister trafen sich in der Halle.", "de") == []
