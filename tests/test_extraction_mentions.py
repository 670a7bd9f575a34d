"""Actor and place mentions: inflected and compound forms, case, and ambiguous places."""

import pytest

from timeline.extraction.mentions import Gazetteer, place_context, resolve_places
from timeline.extraction.types import GazetteerActor, GazetteerPlace

NATO = GazetteerActor("nato", "NATO", "organization", aliases=("Nato", "NATO"))
NRC = GazetteerActor(
    "nrc", "NATO-Russia Council", "body", aliases=("Nato-Russland-Rat", "NATO-Russia Council")
)
EU = GazetteerActor("eu", "European Union", "organization", aliases=("EU", "Europäische Union"))
RUSSIA = GazetteerActor(
    "ru", "Russia", "state", "RU", ("Russland", "Russlands", "russische", "russischen", "Russian")
)
FRANCE = GazetteerActor(
    "fr", "France", "state", "FR", ("Frankreich", "Frankreichs", "französische", "Französin")
)
BELARUS = GazetteerActor("by", "Belarus", "state", "BY", ("Belarus", "Weißrussland"))
US = GazetteerActor("us", "United States", "state", "US", ("USA", "US", "U.S."))
PUTIN = GazetteerActor("putin", "Vladimir Putin", "person", "RU", ("Putin", "Kremlchef"))
BRUSSELS = GazetteerPlace(
    "bru", "Brussels", "BE", population=1_019_022, aliases=("Brüssel", "Brüsseler")
)
BREST_FR = GazetteerPlace("brest-fr", "Brest", "FR", region="FR-BRE", population=144_899)
BREST_BY = GazetteerPlace("brest-by", "Brest", "BY", region="BY-BR", population=347_138)
BRITTANY = GazetteerPlace(
    "bre", "Bretagne", "FR", kind="region", region="FR-BRE", aliases=("Brittany",)
)
FRANCE_PLACE = GazetteerPlace("fr-place", "France", "FR", kind="country", aliases=("Frankreich",))
BELARUS_PLACE = GazetteerPlace("by-place", "Belarus", "BY", kind="country")
ESSEN = GazetteerPlace("essen", "Essen", "DE", population=583_109)
UKRAINE_PLACE = GazetteerPlace("ua-place", "Ukraine", "UA", kind="country")
UKRAINE = GazetteerActor("ua", "Ukraine", "state", "UA", ("Ukraine",))

GAZETTEER = Gazetteer(
    [NATO, NRC, EU, RUSSIA, FRANCE, BELARUS, US, PUTIN, UKRAINE],
    [BRUSSELS, BREST_FR, BREST_BY, BRITTANY, ESSEN, UKRAINE_PLACE, FRANCE_PLACE, BELARUS_PLACE],
)


def names(text, lang="de"):
    found = []
    for mention in GAZETTEER.find(text, lang):
        named = [a.key for a in mention.actors] + [p.key for p in mention.places]
        found.append((mention.text, named))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Nato-Russland-Rat tagt.", [("Nato-Russland-Rat", ["nrc"])]),
        ("Der NATO Russland Rat tagt.", [("NATO Russland Rat", ["nrc"])]),
        ("Die Nato und Russland reden.", [("Nato", ["nato"]), ("Russland", ["ru"])]),
        ("russische Diplomaten kommen", [("russische", ["ru"])]),
        ("ins Brüsseler Hauptquartier", [("Brüsseler", ["bru"])]),
        ("Die EU-Verteidigungsminister beraten.", [("EU", ["eu"])]),
        ("Der Kremlchef schweigt.", [("Kremlchef", ["putin"])]),
        ("Eine Russlandreise ist geplant.", [("Russland", ["ru"])]),
        ("Brüssels Rolle wächst.", [("Brüssel", ["bru"])]),
        ("Frankreichs Ministerin", [("Frankreichs", ["fr"])]),
        ("Die USA und die U.S. Navy", [("USA", ["us"]), ("U.S", ["us"])]),
    ],
)
def test_inflected_hyphenated_and_compound_forms_are_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "let us talk",  # "us" is not the United States
        "wir essen gemeinsam",  # lower-case "essen" is not the city
        "Die Eu ist",  # an abbreviation written in capitals must be written so
    ],
)
def test_case_that_carries_meaning_is_respected(text):
    assert names(text, "en") == []


def test_offsets_point_at_the_mention():
    text = "Dass russische Diplomaten ins Brüsseler Hauptquartier kommen"
    for mention in GAZETTEER.find(text):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Sie treffen sich in der Festungsstadt Brest, sagt Putin.",
        # the town of a suburb: "im Pariser Vorort Vélizy-Villacoublay"
        "Sie treffen sich im Brüsseler Vorort Essen, sagt Putin.",
        "They meet in the Brussels suburb of Essen, says Putin.",
    ],
)
def test_places_after_a_locative_preposition_are_marked(text):
    mentions = GAZETTEER.find(text)
    place = next(m for m in mentions if m.text in ("Brest", "Essen"))
    assert place.locative
    putin = next(m for m in mentions if m.text == "Putin")
    assert not putin.locative


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "In der Bretagne treffen sich die Minister, in der Festungsstadt Brest. "
            "Frankreichs Ministerin ist Gastgeberin.",
            "FR",
        ),
        ("Brest liegt in Belarus an der Grenze zu Polen; Weißrussland kontrolliert.", "BY"),
        ("Die Minister treffen sich in Frankreich, in Brest.", "FR"),
    ],
)
def test_an_ambiguous_place_is_resolved_from_the_article_context(text, country):
    found = GAZETTEER.find(text)
    resolved = resolve_places(found, place_context(found))
    brest = next(m for m in resolved if m.text == "Brest")
    assert [place.country for place in brest.places] == [country]


def test_without_context_the_larger_place_wins():
    found = GAZETTEER.find("Treffen in Brest.")
    resolved = resolve_places(found, place_context(found))
    assert resolved[0].places == (BREST_BY,)


def test_exact_lookup_finds_aliases_of_actors_and_places():
    assert GAZETTEER.lookup("Nato-Russland-Rat") == ((NRC,), ())
    assert GAZETTEER.lookup("brüssel") == ((), (BRUSSELS,))
    assert GAZETTEER.lookup("Atlantis") == ((), ())


def test_a_city_name_after_an_article_is_a_common_noun():
    assert names("Sie essen in der Essen-Halle und im Essen.") == []
    assert names("Die Konferenz in Essen") == [("Essen", ["essen"])]
    assert names("in der Ukraine") == [("Ukraine", ["ua", "ua-place"])]


@pytest.mark.parametrize(
    ("text", "locative"),
    [("Im Nato-Hauptquartier tagten sie.", True), ("Die Nato-Staaten tagten.", False)],
)
def test_a_body_compounded_with_its_seat_is_a_place(text, locative):
    [mention] = [m for m in GAZETTEER.find(text, "de") if m.text == "Nato"]
    assert mention.locative is locative


def test_a_surname_after_another_given_name_is_someone_else():
    bennett = GazetteerActor("bennett", "Naftali Bennett", "person", "IL", ("Bennett",))
    other = GazetteerActor("richard", "Richard Moore", "person", "GB", ("Moore",))
    gazetteer = Gazetteer([bennett, other], [])

    def found(text):
        return [a.key for mention in gazetteer.find(text, "de") for a in mention.actors]

    assert found("Der Berichterstatter Richard Bennett warnte.") == []
    assert found("Bennett warnte.") == ["bennett"]
    assert found("Naftali Bennett warnte.") == ["bennett"]
    assert found("Ministerpräsident Bennett warnte.") == ["bennett"]


def test_a_region_outweighs_a_small_namesake_town_abroad_not_its_own_capital():
    florida = GazetteerPlace("fl", "Florida", "US", kind="region", region="US-FL")
    florida_cuba = GazetteerPlace("fl-cu", "Florida", "CU", population=49_000)
    kaunas = GazetteerPlace("kaunas", "Kaunas", "LT", population=289_380)
    kaunas_county = GazetteerPlace("kaunas-county", "Kaunas", "LT", kind="region", region="LT-KU")
    gazetteer = Gazetteer([US], [florida, florida_cuba, kaunas, kaunas_county])
    for text, expected in [
        ("Die Gesandten trafen sich in Florida.", florida),
        ("Die Minister trafen sich in Kaunas.", kaunas),
    ]:
        found = gazetteer.find(text)
        [mention] = resolve_places(found, place_context(found))
        assert mention.places == (expected,)


def test_a_person_named_in_full_is_meant_by_the_surname_alone_later_on():
    albanese = GazetteerActor("albanese", "Anthony Albanese", "person", "AU", ("Anthony Albanese",))
    rapporteur = GazetteerActor(
        "f-albanese", "Francesca Albanese", "person", "IT", ("Francesca Albanese",)
    )
    gazetteer = Gazetteer([albanese, rapporteur], [])
    text = "Prime Minister Anthony Albanese met Marape. Mr Albanese said the treaty mattered."
    found = [(m.text, m.actors[0].name) for m in gazetteer.find(text, "en")]
    assert found == [("Anthony Albanese", "Anthony Albanese"), ("Albanese", "Anthony Albanese")]
    # Without the full name the surname names no one in particular.
    assert gazetteer.find("Mr Albanese said the treaty mattered.", "en") == []


def test_a_countrys_consulate_abroad_is_no_place_in_that_country():
    [ukraine] = GAZETTEER.find("They held talks at Ukraine's consulate-general in the city.", "en")
    assert ukraine.text == "Ukraine" and not ukraine.locative


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Security Council met on Friday.", ["Security Council"]),
        ("Der UN-Sicherheitsrat und der Sicherheitsrat tagten.", ["UN-Sicherheitsrat", "Sicherheitsrat"]),
        ("The bloc's Mediation and Security Council met on Thursday.", []),
        ("Der Friedens- und Sicherheitsrat der Afrikanischen Union tagte.", []),
        ("Der Nationale Sicherheitsrat tagte.", []),
    ],
)  # fmt: skip
def test_another_council_is_not_the_one_known_by_the_end_of_its_name(text, found):
    council = GazetteerActor(
        "unsc",
        "UN Security Council",
        "body",
        aliases=("Security Council", "Sicherheitsrat", "UN-Sicherheitsrat"),
    )
    gazetteer = Gazetteer([council], [])
    assert [m.text for m in gazetteer.find(text, "en")] == found


def test_an_alias_running_on_past_a_shorter_one_is_the_mention():
    china = GazetteerActor("cn", "China", "state", "CN", ("the Chinese", "Chinese"))
    beijing = GazetteerPlace(
        "bj", "Beijing", "CN", population=18_960_744, aliases=("Chinese capital",)
    )
    gazetteer = Gazetteer([china], [beijing])
    found = gazetteer.find("They held consultations in the Chinese capital.", "en")
    assert [(m.text, m.places[0].name if m.places else None) for m in found] == [
        ("Chinese capital", "Beijing")
    ]
    assert [m.text for m in gazetteer.find("The Chinese said no.", "en")] == ["The Chinese"]


@pytest.mark.parametrize(
    ("text", "locative"),
    [
        ("Lula met Orsi, according to Brazil's presidency.", False),
        ("The talks failed due to Russia's veto.", False),
        ("Lula travelled to Brazil's capital.", True),
    ],
)
def test_according_to_a_state_is_no_place(text, locative):
    brazil = GazetteerPlace("br", "Brazil", "BR", kind="country")
    gazetteer = Gazetteer([], [brazil, GazetteerPlace("ru", "Russia", "RU", kind="country")])
    [mention] = gazetteer.find(text, "en")
    assert mention.locative is locative


def test_a_place_called_by_its_own_name_beats_a_bigger_one_formerly_so_called():
    islamabad = GazetteerPlace("isb", "Islamabad", "PK", population=601_600)
    chattogram = GazetteerPlace(
        "ctg", "Chattogram", "BD", population=3_920_222, aliases=("Chittagong", "Islamabad")
    )
    gazetteer = Gazetteer([], [islamabad, chattogram])
    for text in ["ISLAMABAD: The meeting ended.", "The ministers met in Islamabad."]:
        found = gazetteer.find(text, "en")
        [mention] = resolve_places(found, place_context(found))
        assert mention.places == (islamabad,)


def test_a_city_state_named_as_a_place_is_its_city():
    country = GazetteerPlace(
        "lu", "Luxembourg", "LU", kind="country", population=600_000, aliases=("Luxemburg",)
    )
    city = GazetteerPlace("lu-city", "Luxembourg", "LU", population=76_684, aliases=("Luxemburg",))
    gazetteer = Gazetteer([], [country, city])
    found = gazetteer.find("Die Außenminister trafen sich in Luxemburg.")
    [mention] = resolve_places(found, place_context(found))
    assert mention.places == (city,)


@pytest.mark.parametrize(
    ("text", "locative"),
    [
        ("Leaders flew in for the Samoa summit.", True),
        # a pair of names before the summit names its two sides, not where it is
        ("Leaders flew in for the Africa-Samoa summit.", False),
        ("Leaders flew in for the Africa–Samoa summit.", False),
    ],
)
def test_the_second_of_a_pair_before_a_summit_is_no_place(text, locative):
    samoa = GazetteerPlace("ws", "Samoa", "WS", kind="country")
    [mention] = Gazetteer([], [samoa]).find(text, "en")
    assert mention.locative is locative


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Essen war am Mittwoch Gastgeber des Gipfels.", "de"),
        ("Essen ist zum zweiten Mal Austragungsort des Treffens.", "de"),
        ("Essen hosted the summit on Wednesday.", "en"),
        ("Essen will host the next round of talks.", "en"),
        ("Sie trafen sich im Zentrum Essens.", "de"),
        ("They met in the heart of Essen.", "en"),
        # where someone still is: "He will then meet the speaker before leaving Essen"
        ("He will then meet the speaker before leaving Essen.", "en"),
    ],
)
def test_a_town_that_hosts_is_the_centre_of_or_is_left_after_a_meeting_is_its_place(text, lang):
    [mention] = [m for m in GAZETTEER.find(text, lang) if m.places]
    assert mention.locative


@pytest.mark.parametrize(
    ("text", "locative"),
    [("Die Brüsseler Klimakonferenz endet.", True), ("Die Brüsseler Behörden warnen.", False)],
)
def test_a_town_adjective_before_a_compound_of_meeting_is_its_place(text, locative):
    [mention] = GAZETTEER.find(text, "de")
    assert mention.locative is locative


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Putin sprach im Putin International Convention Centre.", ["Putin"]),
        ("Die Gäste landeten am Putin Airport und trafen Putin.", ["Putin"]),
        ("Sie tagen im Putin Conference Center.", []),
    ],
)
def test_a_building_named_after_someone_is_not_the_person(text, found):
    assert [m.text for m in GAZETTEER.find(text, "de") if m.actors] == found


def test_a_town_named_like_the_person_a_square_is_named_after_is_no_place():
    essen = Gazetteer([], [ESSEN])
    assert essen.find("A ceremony was held in Essen Il Sung Square.", "en") == []
    assert [m.text for m in essen.find("A ceremony was held in Essen.", "en")] == ["Essen"]


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened at the Essen Convention and Exhibition Centre.",
        "Der Gipfel begann im Essen Congress Center.",
    ],
)
def test_a_towns_convention_centre_is_in_that_town(text):
    [mention] = Gazetteer([], [ESSEN]).find(text, "en" if "The" in text else "de")
    assert mention.places == (ESSEN,) and mention.locative
