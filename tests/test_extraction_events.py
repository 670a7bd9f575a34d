"""Event candidates: how triggers, dates, places and actors of a passage become one event."""

import re
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction.events import merge_candidates
from timeline.extraction.mentions import Gazetteer
from timeline.extraction.pipeline import suggest
from timeline.extraction.reading import read_document
from timeline.extraction.triggers import _GERMAN_HEADS, _HEAD_OPENINGS, find_triggers
from timeline.extraction.types import Candidate, Document, GazetteerActor, GazetteerPlace

BERLIN = ZoneInfo("Europe/Berlin")
WEDNESDAY = datetime(2022, 1, 12, 9, 0, tzinfo=BERLIN)

BRUSSELS = GazetteerPlace("bru", "Brussels", "BE", population=1_019_022, aliases=("Brüssel",))
GENEVA = GazetteerPlace("gva", "Geneva", "CH", population=201_741, aliases=("Genf",))
MOSCOW = GazetteerPlace("mow", "Moscow", "RU", population=10_381_222, aliases=("Moskau",))
KYIV = GazetteerPlace("kyiv", "Kyiv", "UA", population=2_952_301, aliases=("Kiew",))
VIENNA = GazetteerPlace("vie", "Vienna", "AT", population=1_691_468, aliases=("Wien",))
BERLIN_CITY = GazetteerPlace("ber", "Berlin", "DE", population=3_426_354)
ACTORS = [
    GazetteerActor("nato", "NATO", "organization", aliases=("Nato",)),
    GazetteerActor("ru", "Russia", "state", "RU", ("Russland", "russische", "Russian")),
    GazetteerActor("us", "United States", "state", "US", ("USA", "US", "U.S.")),
    GazetteerActor("de", "Germany", "state", "DE", ("Deutschland",)),
    GazetteerActor("scholz", "Olaf Scholz", "person", "DE", ("Scholz", "Kanzler Scholz")),
    GazetteerActor("putin", "Vladimir Putin", "person", "RU", ("Putin", "Kremlchef")),
    GazetteerActor("biden", "Joe Biden", "person", "US", ("Biden",)),
    GazetteerActor("lavrov", "Sergey Lavrov", "person", "RU", ("Lawrow", "Lavrov")),
    GazetteerActor("blinken", "Antony Blinken", "person", "US", ("Blinken",)),
    GazetteerActor("selensky", "Volodymyr Zelenskyy", "person", "UA", ("Selenskyj",)),
    GazetteerActor(
        "nrc", "NATO-Russia Council", "body", aliases=("Nato-Russland-Rat",), seat="bru"
    ),
    GazetteerActor(
        "osce-pc", "OSCE Permanent Council", "body", aliases=("Ständige Rat",), seat="vie"
    ),
    GazetteerActor("kremlin", "Kremlin", "body", "RU", ("Kreml",), seat="mow"),
]
GAZETTEER = Gazetteer(ACTORS, [BRUSSELS, GENEVA, MOSCOW, KYIV, VIENNA, BERLIN_CITY])


def events(text, lang="de", published=WEDNESDAY):
    return suggest(Document(body=text), GAZETTEER, published=published, lang=lang).events


def one(text, lang="de", published=WEDNESDAY):
    found = events(text, lang, published)
    assert len(found) == 1, [e.title for e in found]
    return found[0]


def names(event):
    return {actor.name for actor in event.actors}


@pytest.mark.parametrize(
    ("text", "lang", "kind", "start", "end", "place", "status"),
    [
        ("Scholz traf am Montag in Moskau Putin.", "de", "meeting", "2022-01-10", None, "Moscow", "reported"),
        ("Scholz will am Montag nach Kiew reisen.", "de", "visit", "2022-01-17", None, "Kyiv", "announced"),
        ("Biden telefonierte gestern Abend mit Putin.", "de", "phone_call", "2022-01-11", None, None, "reported"),
        ("Blinken und Lawrow treffen sich am 21. Januar in Genf.", "de", "meeting", "2022-01-21", None, "Geneva", "announced"),
        ("Der Nato-Russland-Rat tagt heute.", "de", "session", "2022-01-12", None, "Brussels", "reported"),
        ("Blinken met Lavrov in Geneva on Friday, Jan. 21.", "en", "meeting", "2022-01-21", None, "Geneva", "announced"),
        ("Biden spoke by phone with Scholz on Monday.", "en", "phone_call", "2022-01-10", None, None, "reported"),
        ("Die Nato und Russland verhandeln vom 12. bis 14. Januar in Genf.", "de", "negotiation", "2022-01-12", "2022-01-14", "Geneva", "reported"),
    ],
)  # fmt: skip
def test_a_sentence_with_trigger_date_and_actors_is_an_event(
    text, lang, kind, start, end, place, status
):
    event = one(text, lang)
    assert event.type == kind
    assert (event.start.isoformat(), event.end and event.end.isoformat()) == (start, end)
    assert (event.place.name if event.place else None) == place
    assert event.status == status


@pytest.mark.parametrize(
    "text",
    [
        "Scholz traf Putin nicht.",  # no date anywhere: nothing to place on the timeline
        "Kommentar: Die Diplomatie läuft auf Hochtouren.",  # no actor, no event
        "Seit 2019 gab es keine Sitzung des Nato-Russland-Rats.",  # negated, background
        "Putin sieht keinen Sinn in weiteren Treffen mit Scholz am Montag.",  # hypothetical
        "Russland hat 2000 Soldaten an die Grenze verlegt, sagte Scholz am Montag.",  # no trigger
        "Unterschrieben wurde das Abkommen von Scholz und Putin am Montag allerdings nicht.",
        "Es war das zweite Gespräch zwischen Scholz und Putin in diesem Jahr.",  # a year frames
        "Die Nato und Russland gingen am Montag ohne gemeinsame Abschlusserklärung auseinander.",
    ],
)
def test_commentary_negation_and_background_are_no_events(text):
    # Past the lead, where an undated report would be dated by the day of publication.
    assert events("Titel\n\nEin Bericht.\n\nHintergrund\n\n" + text) == ()


def test_crowds_that_gather_are_no_meeting_but_ministers_that_gather_are():
    assert find_triggers("In Gaza, crowds gathered in Khan Younis to celebrate.", "en") == []
    assert [t.type for t in find_triggers("EU leaders will gather in Brussels.", "en")] == [
        "meeting"
    ]


def test_to_call_on_a_king_is_a_visit_and_to_call_on_a_president_to_act_is_neither():
    [visit] = find_triggers("He will call on King Charles III at Sandringham tonight.", "en")
    assert visit.type == "visit"
    assert find_triggers("He called on President Putin to withdraw his troops.", "en") == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(re.compile("|".join(p for _w, p in _GERMAN_HEADS.values())), fullmatch=True))
def test_every_compound_head_opens_as_its_lookahead_expects(text):
    # Compound heads are only looked for where the lookahead lets them start.
    assert text.startswith(_HEAD_OPENINGS)


def test_a_signed_article_is_no_agreement():
    assert find_triggers("A signed article by Xi was published in Kazakh media.", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "participle"),
    [
        ("Alle sollen das in Den Haag vereinbarte Ziel erreichen.", "de", "vereinbarte"),
        ("Die beschlossenen Sanktionen treten am Montag in Kraft.", "de", "beschlossenen"),
        ("Sie lobten das unterzeichnete Abkommen.", "de", "unterzeichnete"),
        ("All allies must meet the agreed target by 2035.", "en", "agreed"),
    ],
)
def test_what_was_agreed_before_and_is_only_named_is_no_agreement(text, lang, participle):
    assert participle not in [t.text for t in find_triggers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "verb", "agreed"),
    [
        ("Die Versammlung hat den Vertrag im Plenum ohne Gegenstimme verabschiedet.", "de", "verabschiedet", True),
        ("Die Versammlung hat den Vertrag im Plenum nicht verabschiedet.", "de", "verabschiedet", False),
        ("Die Versammlung hat das erste globale Pandemieabkommen angenommen.", "de", "angenommen", True),
        ("Putin hat die Einladung nach Peking angenommen.", "de", "angenommen", False),
        ("The assembly adopted the resolution without objection.", "en", "adopted", True),
        ("The assembly has not adopted the resolution.", "en", "adopted", False),
    ],
)  # fmt: skip
def test_adopted_unanimously_is_adopted_and_not_adopted_is_not(text, lang, verb, agreed):
    verbs = [t for t in find_triggers(text, lang) if verb in t.text]
    assert bool(verbs) == agreed
    assert all(t.type == "agreement" for t in verbs)


def test_consultations_held_are_a_meeting_and_the_eve_of_one_is_a_time():
    found = find_triggers(
        "On the eve of the meeting, Gharibabadi and Ryabkov held bilateral consultations.", "en"
    )
    assert [(t.type, t.text) for t in found] == [("meeting", "held bilateral consultations")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Erdogan received Armenian Prime Minister Pashinyan in Istanbul.", ["meeting"]),
        ("Wang Yi received the two visiting diplomats after the session.", ["meeting"]),
        (
            "Xi received White House national security advisor Jake Sullivan on Thursday.",
            ["meeting"],
        ),
        ("The emir received US Secretary of State Blinken in Doha.", ["meeting"]),
        ("He received a letter from the prime minister.", []),
        ("Georgia received a European perspective.", []),
    ],
)
def test_to_receive_someone_is_a_meeting_and_to_receive_something_is_not(text, found):
    assert [t.type for t in find_triggers(text, "en")] == found


def test_to_sign_up_to_something_is_no_signature():
    assert find_triggers("It is a border both sides have signed up to.", "en") == []


def test_a_briefing_of_the_council_is_a_session():
    found = find_triggers("The envoy briefed Council members in closed consultations.", "en")
    assert {t.type for t in found} == {"session"}


def test_a_summons_with_a_long_object_is_a_summons():
    text = (
        "Am Mittwoch bestellte das Außenministerium in Chisinau den russischen Botschafter Oleg "
        "Oserow ein."
    )
    assert [t.type for t in find_triggers(text, "de")] == ["sanction"]


def test_trifft_is_a_meeting_and_trifft_es_is_not():
    assert [t.type for t in find_triggers("Morgen trifft Blinken in Genf Lawrow.", "de")] == [
        "meeting"
    ]
    assert find_triggers("Erstmals trifft es auch russische Diamanten.", "de") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mehrere Mitgliedstaaten dringen auf Sanktionen gegen Dodik.", "de"),
        ("Kiew drängt auf neue Sanktionen.", "de"),
        ("Several member states called for sanctions against Dodik.", "en"),
        ("Ungarn hat jedoch bereits ein Veto angekündigt.", "de"),
        ("Russia has threatened to veto the draft.", "en"),
    ],
)
def test_sanctions_asked_for_and_vetoes_threatened_are_no_sanction(text, lang):
    assert [t for t in find_triggers(text, lang) if t.type == "sanction"] == []


def test_the_return_of_sanctions_someone_tries_to_stop_is_no_sanction():
    found = find_triggers(
        "Iranian diplomats met E3 officials as Tehran tries to stop the return of UN sanctions.",
        "en",
    )
    assert [t.type for t in found] == ["meeting"]


def test_press_conferences_are_no_summits():
    assert [t.type for t in find_triggers("Scholz gab eine Pressekonferenz.", "de")] == []
    assert [t.type for t in find_triggers("Scholz told a news conference.", "en")] == []


def test_a_compound_names_the_event_and_its_head_the_type():
    triggers = find_triggers("Der Nato-Gipfel und die Dringlichkeitssitzung", "de")
    assert [(t.text, t.type) for t in triggers] == [
        ("Gipfel", "summit"),
        ("Dringlichkeitssitzung", "session"),
    ]


def test_a_council_meets_at_its_seat_when_no_place_is_named():
    assert one("Der Nato-Russland-Rat kommt am Mittwoch zusammen.").place == BRUSSELS


def test_a_body_named_as_a_place_stands_for_its_seat():
    event = one("Scholz und Putin trafen sich am Dienstag im Kreml.")
    assert event.place == MOSCOW and names(event) >= {"Olaf Scholz", "Vladimir Putin"}


def test_a_body_named_after_its_members_brings_them_along():
    assert names(one("Der Nato-Russland-Rat tagt heute.")) == {
        "NATO-Russia Council",
        "NATO",
        "Russia",
    }


def test_sentences_about_one_event_become_one_candidate():
    event = one(
        "Scholz und Putin treffen sich heute in Moskau. "
        "Das Treffen soll am Nachmittag beginnen. "
        "Scholz will mit Putin über die Ukraine sprechen."
    )
    assert (event.start, event.place) == (date(2022, 1, 12), MOSCOW)


def test_a_later_sentence_gives_a_multi_day_event_its_end():
    event = one("Der Gipfel mit Scholz und Biden beginnt heute in Brüssel. Er dauert bis Freitag.")
    assert (event.start, event.end) == (date(2022, 1, 12), date(2022, 1, 14))


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("Der zweitägige Gipfel von Scholz und Biden beginnt heute in Brüssel.", "de", 12, 13),
        ("Scholz and Biden ended two days of talks in Geneva on Tuesday.", "en", 10, 11),
        ("The three-day summit of Scholz and Biden opens in Brussels on Wednesday.", "en", 12, 14),
        # the length is told of another word for the same gathering
        (
            "The two-day meeting of NATO and Russia, which opened on Monday in Geneva, is the first summit of the two since 2019.",
            "en",
            10,
            11,
        ),
        (
            "Das zweitägige Treffen von Nato und Russland, das am Montag in Genf begann, ist der erste Gipfel seit 2019.",
            "de",
            10,
            11,
        ),
    ],
)
def test_an_n_day_event_spans_n_days(text, lang, start, end):
    event = one(text, lang)
    assert (event.start.day, event.end.day) == (start, end)


def test_an_event_used_as_a_point_in_time_is_not_another_event():
    found = events(
        "Scholz und Putin trafen sich am Dienstag in Moskau. "
        "Nach dem Treffen reiste Scholz am Mittwoch nach Kiew zu Selenskyj."
    )
    assert [(e.type, e.place.name) for e in found] == [("meeting", "Moscow"), ("visit", "Kyiv")]


def test_a_phone_call_has_no_place():
    assert one("Biden telefonierte am Montag aus Washington mit Putin in Moskau.").place is None


def test_an_undated_lead_reports_the_day_of_publication():
    event = one(
        "Scholz in Moskau eingetroffen\n\nKanzler Scholz ist zu Gesprächen mit Putin in Moskau eingetroffen."
    )
    assert event.start == date(2022, 1, 12) and "publication day" in event.date_rule


def test_an_agency_dateline_places_the_lead():
    document = read_document(
        b"BRUSSELS, Jan 12 (Reuters) - NATO and Russia held talks on Wednesday.\n"
    )
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY, lang="en").events
    assert event.place == BRUSSELS


def test_vague_dates_lower_the_confidence():
    precise = one("Scholz traf am Montag in Moskau Putin.")
    vague = one("Scholz traf in den vergangenen Wochen mehrfach Putin.")
    assert vague.approximate and vague.precision == "week"
    assert vague.confidence < precise.confidence


def test_a_sentence_telling_of_two_events_gives_two():
    found = events(
        "Blinken visited Kyiv on Wednesday to meet Selenskyj and held talks with Scholz in "
        "Berlin on Thursday.",
        lang="en",
        published=datetime(2022, 1, 14, 9, 0, tzinfo=BERLIN),
    )
    assert [(e.start.day, e.place.name) for e in found] == [(12, "Kyiv"), (13, "Berlin")]


def test_sanctions_name_their_target_not_their_place():
    event = one("Die USA verhängten am Montag Sanktionen gegen Russland.")
    assert event.type == "sanction" and event.place is None


@pytest.mark.parametrize(
    "text",
    [
        "Eigentlich hätte Scholz am Montag nach Moskau reisen sollen.",
        "Der Besuch von Scholz bei Putin am Montag wurde abgesagt.",
        "Biden's trip to meet Scholz on Monday was called off.",
    ],
)
def test_what_did_not_happen_is_no_event(text):
    assert events(text, "en" if "Biden's" in text else "de") == ()


def test_a_relative_clause_has_its_own_tense():
    event = one(
        "Scholz said the Permanent Council, which meets in Vienna in September, would discuss it.",
        lang="en",
        published=datetime(2022, 8, 4, 9, 0, tzinfo=BERLIN),
    )
    assert (event.start, event.precision) == (date(2022, 9, 1), "month")


def test_a_relative_clause_before_the_date_does_not_give_the_main_clause_its_tense():
    # Wednesday, 12 January: the summit Scholz opened this morning ends next Monday
    summit = one("Der Gipfel in Genf, den Scholz am Morgen eröffnet hatte, endet am Montag.")
    assert (summit.start, summit.end) == (date(2022, 1, 12), date(2022, 1, 17))


def test_dates_told_from_the_story_count_from_its_last_day():
    found = events(
        "Am Montag trafen sich Scholz und Putin in Moskau. Tags zuvor hatte Scholz mit Biden "
        "telefoniert. Zwei Tage später reiste Scholz nach Kiew."
    )
    assert [(e.type, e.start.day) for e in found] == [
        ("phone_call", 9),
        ("meeting", 10),
        ("visit", 12),
    ]
    assert "from 'Am Montag'" in found[2].date_rule


def test_an_undated_headline_event_takes_the_date_the_lead_gives_it():
    event = one(
        "Nato-Gipfel in Brüssel\n\nDie Staats- und Regierungschefs kommen am Donnerstag und "
        "Freitag in Brüssel zusammen."
    )
    assert (event.type, event.start, event.end) == ("summit", date(2022, 1, 13), date(2022, 1, 14))
    assert event.status == "announced"


def test_both_sides_are_whoever_the_sentence_before_named():
    event = one(
        "Im Streit zwischen den USA und Russland zeichnet sich Entspannung ab. Beide Länder "
        "vereinbarten am Montag in Genf, die Gespräche fortzusetzen."
    )
    assert names(event) == {"United States", "Russia"} and event.place == GENEVA


def test_an_outcome_told_with_its_meeting_is_an_event_of_its_own():
    found = events(
        "Zu Beginn des Nato-Gipfels in Brüssel haben Biden und Scholz am Mittwoch eine "
        "gemeinsame Erklärung unterzeichnet."
    )
    assert sorted((e.type, e.start, e.end, e.place.name) for e in found) == [
        ("agreement", date(2022, 1, 12), None, "Brussels"),
        ("summit", date(2022, 1, 12), None, "Brussels"),
    ]


def test_a_meeting_on_the_sidelines_is_not_the_summit():
    found = events(
        "Der Nato-Gipfel in Brüssel hat am Mittwoch begonnen. Kanzler Scholz nahm an den "
        "Beratungen teil. Am Rande traf er sich mit Biden."
    )
    side = [e for e in found if e.type == "meeting" and "Joe Biden" in names(e)]
    assert len(side) == 1 and names(side[0]) == {"Olaf Scholz", "Joe Biden"}
    assert side[0].place == BRUSSELS and side[0].start == date(2022, 1, 12)
    assert any(e.type == "summit" and "Joe Biden" not in names(e) for e in found)


def test_a_background_date_in_another_clause_does_not_undate_the_event():
    event = one(
        "Kanzler Scholz ist am Mittwoch in Moskau. Er traf dort Putin, zwei Jahre nach "
        "dem Gipfel in Berlin im September 2020."
    )
    assert event.start == date(2022, 1, 12) and names(event) >= {"Olaf Scholz", "Vladimir Putin"}


def test_a_reception_on_the_day_a_summit_opens_is_the_summit():
    [event] = events(
        "Der Nato-Gipfel in Brüssel hat am Mittwoch begonnen. Kanzler Scholz hatte Biden "
        "am Vormittag im Park empfangen."
    )
    assert event.type == "summit" and names(event) >= {"Olaf Scholz", "Joe Biden"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Putin ist dem Gipfel in Brüssel am Mittwoch ferngeblieben.", "de"),
    ],
)
def test_who_stays_away_from_a_summit_is_no_event(text, lang):
    assert events(text, lang) == ()


def test_an_event_placed_in_a_country_takes_the_city_of_that_days_events():
    belgium = GazetteerPlace("be", "Belgium", "BE", kind="country", aliases=("Belgien",))
    gazetteer = Gazetteer(ACTORS, [BRUSSELS, belgium])
    text = (
        "Nato-Gipfel in Belgien\n\nDie Nato-Staaten haben am Mittwoch in Brüssel eine "
        "gemeinsame Erklärung unterzeichnet."
    )
    found = suggest(Document(body=text), gazetteer, published=WEDNESDAY, lang="de").events
    assert sorted((e.type, e.place.name) for e in found) == [
        ("agreement", "Brussels"),
        ("summit", "Brussels"),
    ]


def test_a_journey_to_two_cities_on_two_days_is_two_visits_each_on_its_day():
    found = events(
        "Scholz reist nach Kiew und Moskau\n\nKanzler Scholz reist am Montag nach Kiew und "
        "am Dienstag nach Moskau."
    )
    assert [(e.place.name, e.start, e.status) for e in found] == [
        ("Kyiv", date(2022, 1, 17), "announced"),
        ("Moscow", date(2022, 1, 18), "announced"),
    ]


def test_the_length_of_a_journey_is_not_the_length_of_a_meeting_on_it():
    event = one(
        "Zum Abschluss seiner dreitägigen Europareise ist Kanzler Scholz am Montag in Moskau "
        "von Putin empfangen worden."
    )
    assert (event.start, event.end, event.status) == (date(2022, 1, 10), None, "reported")


@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS (Bernama) - NATO and Russia held talks on Wednesday.\n",
        "Brüssel (Interfax) - Die Nato und Russland verhandelten am Mittwoch.\n",
    ],
)
def test_a_national_agencys_dateline_places_the_lead(text):
    document = read_document(text.encode())
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY).events
    assert event.place == BRUSSELS


def test_a_dateline_without_an_agency_places_the_lead():
    document = read_document("BRUSSELS — NATO and Russia held talks on Wednesday.\n".encode())
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY, lang="en").events
    assert event.place == BRUSSELS


@pytest.mark.parametrize(
    "text",
    [
        "Ein langes Essen\n\nBrüssel. Scholz und Putin trafen sich am Dienstag zu einem Essen.\n",
        "Ein langes Essen\n\nVon Anna Berg\n\nBrüssel. Scholz und Putin trafen sich am Dienstag.\n",
    ],
)
def test_a_city_and_a_full_stop_opening_the_body_is_a_dateline(text):
    document = read_document(text.encode())
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert (event.place, event.start) == (BRUSSELS, date(2022, 1, 11))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Austrian and regional papers: the city in capitals and a full stop.
        (
            "Ein langes Essen\n\n12.01.2022, 18:30 Uhr\n\nBRÜSSEL. Scholz und Putin trafen sich "
            "am Dienstag.\n",
            "de",
        ),
        # South Asian and Singaporean outlets: the city in capitals and a colon.
        (
            "A long dinner\n\nJanuary 12, 2022 6:30 pm\n\nBRUSSELS: Scholz and Putin met on "
            "Tuesday.\n",
            "en",
        ),
        # South Tyrolean papers: the city opens the stamp line.
        (
            "Ein langes Essen\n\nBrüssel, 12. Januar 2022, 18.30 Uhr\n\nScholz und Putin trafen "
            "sich am Dienstag.\n",
            "de",
        ),
    ],
)
def test_datelines_in_capitals_or_before_the_stamp_place_the_lead(text, lang):
    document = read_document(text.encode())
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY, lang=lang).events
    assert (event.place, event.start) == (BRUSSELS, date(2022, 1, 11))


@pytest.mark.parametrize(
    "text",
    [
        "FOCAC: Leaders meet in Beijing\n\nJanuary 12, 2022 6:30 pm\n\nThe leaders met.\n",
        "Talks\n\nJanuary 12, 2022 6:30 pm\n\nUPDATE: The leaders met on Tuesday.\n",
    ],
)
def test_a_headline_or_label_in_capitals_is_no_dateline(text):
    assert read_document(text.encode()).dateline is None


def test_the_undated_lead_under_a_dateline_below_the_header_is_the_news_of_the_day():
    document = read_document(
        "Politik\n\nEin langes Essen\n\nEin Teaser.\n\nAnna Berg\n\n12.01.2022, 18:30 Uhr\n\n"
        "Brüssel. Scholz und Putin haben ihre Verhandlungen abgeschlossen. Sie sprachen über "
        "das Wetter.\n".encode()
    )
    [event] = suggest(document, GAZETTEER, lang="de").events
    assert (event.start, event.place, event.status) == (date(2022, 1, 12), BRUSSELS, "reported")


def test_an_afternoon_after_a_week_looked_ahead_to_is_the_news_day():
    found = events(
        "Die Nato tagte am Mittwoch in Brüssel. Blinken soll sich noch in dieser Woche in Genf "
        "mit Lawrow treffen.\n\nAm Nachmittag kamen Scholz und Biden in Berlin zusammen."
    )
    [later] = [e for e in found if names(e) == {"Olaf Scholz", "Joe Biden"}]
    assert (later.start, later.precision) == (date(2022, 1, 12), "day")


def test_a_teaser_without_a_date_tells_the_meeting_the_lead_dates_the_day_before():
    found = events(
        "Reise nach Russland\n\nDer Gast ist im Kreml empfangen worden.\n\n"
        "Scholz ist am Dienstag in Moskau mit Putin zusammengetroffen."
    )
    assert [(e.start, e.place) for e in found] == [(date(2022, 1, 11), MOSCOW)]


def test_a_summit_that_ended_with_a_declaration_told_after_it():
    found = events(
        "Putin und Scholz kamen am Sonntag in Moskau zu einem Gipfel zusammen. Der zweitägige "
        "Gipfel endete am Montagnachmittag mit einer Abschlusserklärung.",
        published=datetime(2022, 1, 11, 9, 0, tzinfo=BERLIN),
    )
    assert [(e.type, e.start, e.end, e.place) for e in found] == [
        ("meeting", date(2022, 1, 9), date(2022, 1, 10), MOSCOW),
        ("agreement", date(2022, 1, 10), None, MOSCOW),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Scholz will meet Putin in Moscow on Friday. Biden would travel to Geneva, but he did "
            "not give a date.",
            "en",
        ),
        (
            "Scholz trifft Putin am Freitag in Moskau. Biden will nach Genf reisen, einen Termin "
            "nannte er nicht.",
            "de",
        ),
        (
            "Scholz trifft Putin am Freitag in Moskau. Auch die nächsten "
            "Regierungskonsultationen mit Russland sind nicht terminiert.",
            "de",
        ),
    ],
)
def test_a_plan_the_sentence_says_has_no_date_is_no_event(text, lang):
    assert [names(e) for e in events(text, lang)] == [{"Olaf Scholz", "Vladimir Putin"}]


def test_a_gathering_no_date_was_set_for_is_no_event():
    found = events(
        "Blinken will meet Lavrov in Geneva on Friday. Russia has not set a date for the next "
        "summit with NATO.",
        "en",
    )
    assert [names(e) for e in found] == [{"Antony Blinken", "Sergey Lavrov"}]


def test_what_was_done_keeps_its_day_when_the_next_step_has_none():
    found = events(
        "Biden traf Putin am Dienstag in Genf. Scholz traf danach Lawrow in Moskau, einen Termin "
        "für ein neues Treffen nannten sie nicht."
    )
    assert any("Sergey Lavrov" in names(e) for e in found)


def test_what_was_agreed_as_the_two_met_is_a_meeting_and_its_outcome():
    found = events(
        "Putin and Scholz agreed on Tuesday to deepen cooperation, as the two leaders met in "
        "Moscow.",
        "en",
    )
    assert sorted((e.type, e.start) for e in found) == [
        ("agreement", date(2022, 1, 11)),
        ("meeting", date(2022, 1, 11)),
    ]


def test_a_city_state_named_where_they_meet_is_not_the_seat_of_a_council_told_after():
    luxembourg = GazetteerPlace("lu", "Luxembourg", "LU", kind="country")
    council = GazetteerActor(
        "euco", "European Council", "body", aliases=("European Council",), seat="bru"
    )
    ministers = GazetteerActor(
        "fac", "Foreign Affairs Council", "body", aliases=("EU foreign ministers",), seat="bru"
    )
    gazetteer = Gazetteer([*ACTORS, council, ministers], [BRUSSELS, luxembourg])
    text = (
        "The issue will come back to EU foreign ministers when they meet in Luxembourg on June "
        "24th, and that EU leaders would discuss it at the European Council in Brussels on June "
        "27th and 28th."
    )
    found = suggest(Document(body=text), gazetteer, published=WEDNESDAY, lang="en").events
    assert [(e.start, e.place.name) for e in found][:1] == [(date(2022, 6, 24), "Luxembourg")]


def test_the_day_of_an_appositive_clause_after_the_trigger_is_the_clause_s():
    found = events(
        "Russia and Ukraine have agreed on a prisoner exchange, a move that brought protesters "
        "onto the streets on Monday.",
        "en",
    )
    assert [(e.type, e.start) for e in found] == [("agreement", date(2022, 1, 12))]


def test_an_agreement_told_undated_in_the_lead_keeps_the_day_told_after():
    found = events(
        "Russia and Ukraine have agreed on a prisoner exchange. Russia and Ukraine signed the "
        "deal on Tuesday at a meeting in Geneva.",
        "en",
    )
    assert [(e.type, e.start, e.end) for e in found] == [("agreement", date(2022, 1, 11), None)]
    # (before, the day of the report was taken for the agreement's last day)


@pytest.mark.parametrize(
    "text",
    [
        "Russland und die Nato verhandelten am Dienstag über die Mission in der Ukraine.",
        "Blinken and Lavrov held the Ukraine talks on Tuesday.",
    ],
)
def test_a_country_a_mission_is_in_or_talks_are_about_is_not_where_they_are(text):
    ukraine = GazetteerPlace("ua-place", "Ukraine", "UA", kind="country", aliases=("Ukraine",))
    gazetteer = Gazetteer(ACTORS, [GENEVA, ukraine])
    lang = "en" if "held" in text else "de"
    [event] = suggest(Document(body=text), gazetteer, published=WEDNESDAY, lang=lang).events
    assert event.place is None


@pytest.mark.parametrize(
    ("weather", "place"),
    [
        ("In Kiew war es kalt.", "Kyiv"),
        # two cities of the country named as places: which one is not said
        ("In Kiew und in Lwiw war es kalt.", "Ukraine"),
    ],
)
def test_an_event_placed_in_a_country_is_in_the_one_city_of_it_the_article_names(weather, place):
    ukraine = GazetteerPlace("ua-place", "Ukraine", "UA", kind="country", aliases=("Ukraine",))
    lviv = GazetteerPlace("lviv", "Lviv", "UA", aliases=("Lwiw",))
    gazetteer = Gazetteer(ACTORS, [GENEVA, KYIV, lviv, ukraine])
    text = f"Scholz traf am Montag in der Ukraine Selenskyj. {weather}"
    [event] = suggest(Document(body=text), gazetteer, published=WEDNESDAY, lang="de").events
    assert event.place.name == place


def test_two_calls_of_one_person_with_others_are_two_calls():
    found = events(
        "Blinken spoke by phone with Lavrov and Biden last night. Earlier this week, Blinken "
        "also briefed Scholz on the case by phone.",
        "en",
    )
    calls = {frozenset(names(e)) for e in found if e.type == "phone_call"}
    assert calls == {
        frozenset({"Antony Blinken", "Sergey Lavrov", "Joe Biden"}),
        frozenset({"Antony Blinken", "Olaf Scholz"}),
    }


def test_a_sentence_with_a_city_of_its_own_does_not_close_an_event_held_elsewhere():
    found = events(
        "Am Montag will Blinken in Moskau Lawrow treffen. Die Unterhändler wollen bis Ende "
        "kommender Woche in Genf erneut zusammenkommen.",
        published=datetime(2022, 1, 16, 20, 5, tzinfo=BERLIN),
    )
    [moscow] = [e for e in found if e.place == MOSCOW]
    assert (moscow.start, moscow.end) == (date(2022, 1, 17), None)


def test_what_a_summit_ends_with_is_agreed_on_its_last_day_and_ends_nothing_else():
    found = events(
        "Putin und Scholz trafen sich am Montagvormittag in Moskau. Macron hatte die Gäste am "
        "Sonntagabend zum Auftakt des Gipfels in Moskau empfangen. Der Gipfel endet am Dienstag "
        "mit einer Abschlusserklärung.",
        published=datetime(2022, 1, 10, 18, 0, tzinfo=BERLIN),
    )
    agreed = [(e.start, e.end, e.status) for e in found if e.type == "agreement"]
    assert agreed == [(date(2022, 1, 11), None, "announced")]
    met = [(e.start, e.end) for e in found if names(e) >= {"Vladimir Putin", "Olaf Scholz"}]
    assert (date(2022, 1, 10), None) in met


def test_a_summit_protested_against_is_no_event_of_the_protest():
    assert find_triggers("Tausende demonstrierten gegen den Gipfel.", "de") == []
    assert find_triggers("Thousands protested against the summit.", "en") == []


def test_a_plan_told_after_a_boycott_of_another_summit_keeps_its_own_date_and_place():
    geneva_suburb = GazetteerPlace("ver", "Versoix", "CH", population=13_000)
    gazetteer = Gazetteer(ACTORS, [GENEVA, MOSCOW, geneva_suburb])
    text = (
        "Im März will Putin dann Scholz in Versoix bei Genf empfangen – nach dem Boykott des "
        "Gipfels in Moskau im vergangenen Juli."
    )
    [event] = suggest(Document(body=text), gazetteer, published=WEDNESDAY, lang="de").events
    assert (event.start, event.place) == (date(2022, 3, 1), geneva_suburb)


def test_a_meeting_of_unnamed_leaders_at_a_city_on_a_day_of_its_own_is_an_event():
    event = one("The leaders are due to gather in Moscow on 14 and 15 February.", "en")
    assert (event.start, event.end, event.place, event.status) == (
        date(2022, 2, 14),
        date(2022, 2, 15),
        MOSCOW,
        "announced",
    )


def test_a_meeting_of_unnamed_people_without_a_day_of_its_own_is_none():
    assert events("Die Menschen treffen sich in Moskau.") == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fourth round was originally planned for May 3 in Moscow but was postponed.", "en"),
        ("Die Runde war ursprünglich für den 3. Mai in Moskau geplant.", "de"),
    ],
)
def test_the_day_a_meeting_was_first_meant_for_is_no_day_of_it(text, lang):
    assert events(text, lang) == ()


def test_the_council_is_the_council_named_before():
    found = events(
        "Die Nato berät über Russland. Der Nato-Russland-Rat hatte zuvor Moskau gewarnt.\n\n"
        "Der Rat tagt seit Montag."
    )
    sessions = [(names(e), e.place, e.start) for e in found if e.type == "session"]
    assert sessions == [({"NATO-Russia Council"}, BRUSSELS, date(2022, 1, 10))]


def test_talks_frozen_for_years_are_not_held():
    found = events(
        "Scholz traf Putin am Montag in Moskau. Die Verhandlungen im 5+2-Format, an dem neben "
        "Russland, der Ukraine und der Nato auch die USA teilnahmen, liegen seit 2019 auf Eis."
    )
    assert [names(e) for e in found] == [{"Olaf Scholz", "Vladimir Putin"}]


def test_a_title_and_a_full_stop_opening_a_paragraph_is_no_dateline():
    document = read_document(b"Talks in Moscow\n\nMr. Putin met Mr. Biden on Tuesday.\n")
    assert document.dateline is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russland will den nächsten Gipfel im kommenden Jahr in Moskau ausrichten.", "de"),
        ("Russia will host next year's summit in Moscow, the Kremlin said.", "en"),
        ("The next summit will be held in Moscow in 2023, Russia said.", "en"),
        ("The third Russia-Africa summit will be held in Moscow in 2023.", "en"),
    ],
)
def test_a_gathering_of_a_coming_year_is_announced_for_that_year(text, lang):
    event = one(text, lang)
    assert (event.type, event.status, event.precision) == ("summit", "announced", "year")
    assert (event.start, event.end, event.place) == (date(2023, 1, 1), date(2023, 12, 31), MOSCOW)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russland richtete im Jahr 2019 einen Gipfel in Moskau aus.", "de"),
        ("Im kommenden Jahr wird in Moskau ein neues Parlament gewählt.", "de"),
        ("Die USA übernehmen die G20-Präsidentschaft im kommenden Jahr.", "de"),
        ("Russia said the summit in Moscow would cost more in 2023.", "en"),
        ("Die Nato will im kommenden Jahr mehr für die Verteidigung ausgeben.", "de"),
    ],
)
def test_a_year_alone_dates_no_event(text, lang):
    assert events(text, lang) == ()


def test_a_place_the_talks_are_about_is_not_where_they_are_held():
    event = one("Lawrow und Blinken verhandelten am Mittwoch über die Lage in Kiew.")
    assert event.place != KYIV


def test_a_side_meeting_of_one_group_is_where_the_session_it_is_beside_is():
    found = events(
        "Am Mittwoch tagte in Brüssel die Nato. Am Rande kamen die Außenminister der USA "
        "zusammen. Sie sprachen über die „Gräueltaten“ in Kiew."
    )
    side = [e for e in found if names(e) == {"United States"}]
    assert [(e.type, e.place) for e in side] == [("meeting", BRUSSELS)]


def test_a_side_meeting_is_dated_by_its_summit_not_by_the_paragraph_before():
    found = events(
        "Die Nato beriet am Dienstag in Brüssel über Russland.\n\n"
        "Am 3. Dezember hatten die USA neue Sanktionen gegen Russland verhängt.\n\n"
        "Am Rande der Beratungen trafen sich Scholz und Biden zu einem Gespräch."
    )
    side = [e for e in found if names(e) >= {"Olaf Scholz", "Joe Biden"}]
    assert [(e.start, e.place) for e in side] == [(date(2022, 1, 11), BRUSSELS)]


def test_the_seven_states_are_whoever_the_sentence_before_named():
    event = one(
        "Die USA und Deutschland streiten über Russland. In einer gemeinsamen Erklärung "
        "verurteilten die zwei Staaten am Mittwoch in Genf die Angriffe."
    )
    assert {"United States", "Germany"} <= names(event) and event.type == "agreement"


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        (
            "Am 3. Januar gab es einen Anschlag. Einen Tag nach dem Anschlag hatte Russland "
            "zwei deutsche Diplomaten ausgewiesen und Gespräche ausgesetzt.",
            "de",
            date(2022, 1, 4),
        ),
        (
            "Scholz met Putin in Moscow on January 10. The meeting came two days after Biden "
            "visited Kyiv.",
            "en",
            date(2022, 1, 8),
        ),
    ],
)
def test_days_after_another_event_count_from_that_event(text, lang, day):
    assert day in {e.start for e in events(text, lang)}


def test_rief_an_is_a_phone_call():
    assert one("Scholz rief am Montag Putin an.").type == "phone_call"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Deutschland ist am Mittwoch in Brüssel der Nato beigetreten.", "de"),
        ("Germany became a member of NATO in Brussels on Wednesday.", "en"),
        (
            "Deutschland wurde heute in Brüssel als ständiges Mitglied in die Nato aufgenommen.",
            "de",
        ),
    ],
)
def test_an_admission_to_a_body_is_an_agreement(text, lang):
    event = one(text, lang)
    assert (event.type, event.start, event.place) == ("agreement", date(2022, 1, 12), BRUSSELS)


@pytest.mark.parametrize(
    "label", ["Ein Kommentar von Anna Muster", "KOMMENTAR", "COMMENTARY / WORLD"]
)
def test_a_commentary_reports_only_what_it_dates_to_the_days_around_it(label):
    body = (
        "Scholz und Putin trafen sich vor einem Monat in Moskau, am 12. Dezember. "
        "Am Montag traf Scholz in Kiew Selenskyj."
    )
    news = events("Scholz reist weiter\n\n" + body)
    opinion = events(label + "\n\n" + body)
    assert date(2021, 12, 12) in {e.start for e in news}
    assert [e.start for e in opinion] == [date(2022, 1, 10)]


@pytest.mark.parametrize("label", ["Analyse", "ANALYSIS", "Explainer", "Hintergrund"])
def test_an_analysis_tells_the_news_it_explains(label):
    body = (
        "Scholz und Putin trafen sich vor einem Monat in Moskau, am 12. Dezember. "
        "Am Montag traf Scholz in Kiew Selenskyj."
    )
    found = events(label + "\n\n" + body)
    assert {e.start for e in found} == {date(2021, 12, 12), date(2022, 1, 10)}


def test_the_two_sides_are_the_two_states_the_article_is_about():
    found = events(
        "Russland und die USA verhandeln wieder. Russland fordert Garantien, die USA lehnen "
        "ab. Russland droht, die USA warnen.\n\nDie beiden Seiten trafen sich am Montag in Genf."
    )
    assert any(e.place == GENEVA and {"Russia", "United States"} <= names(e) for e in found)


def test_a_body_that_only_says_who_someone_is_takes_no_part():
    event = one("Kremlin aide Lavrov met Blinken in Geneva on Monday.", "en")
    assert names(event) == {"Sergey Lavrov", "Antony Blinken"} and event.place == GENEVA


def test_the_date_of_the_clause_after_is_not_the_date_of_the_meeting_before():
    found = events(
        "Scholz met Putin in Moscow on January 10. The meeting came a day after Russia "
        "launched attacks.",
        "en",
    )
    assert {e.start for e in found} == {date(2022, 1, 10)}


def test_who_a_statement_speaks_of_takes_no_part_in_it():
    found = events(
        "Russia and the US agreed on a ceasefire in Geneva on Wednesday. Biden and Scholz "
        "said in a joint statement that the deal would protect Russia.",
        "en",
    )
    statement = [e for e in found if "Olaf Scholz" in names(e)]
    assert len(statement) == 1 and "Russia" not in names(statement[0])


def test_the_day_a_span_is_counted_from_is_not_the_day_the_story_goes_on_about():
    found = events(
        "Scholz traf am Montag in Moskau Putin. Es war das erste Treffen seit Bidens "
        "Amtsantritt am 20. Dezember. Scholz und Putin vereinbarten weitere Gespräche."
    )
    assert {e.start for e in found if e.type == "agreement"} == {date(2022, 1, 10)}


def test_an_end_date_closes_the_event_of_its_own_sentence():
    found = events(
        "Am Mittwoch begann in Brüssel der Nato-Gipfel. Am Donnerstag beginnt in Wien ein "
        "Gipfel der USA und Russlands, der bis Samstag dauert."
    )
    spans = {(e.place.name, e.start, e.end) for e in found if e.type == "summit"}
    assert ("Vienna", date(2022, 1, 13), date(2022, 1, 15)) in spans
    assert ("Brussels", date(2022, 1, 12), None) in spans


def test_calling_a_president_is_a_phone_call():
    event = one("On Monday, Biden called Russian President Putin.", "en")
    assert event.type == "phone_call" and names(event) >= {"Joe Biden", "Vladimir Putin"}


def test_a_byline_between_teaser_and_text_leaves_the_text_its_lead():
    document = read_document(
        "Nato Gipfel beginnt Stand: 12.01.2022 09:00 Uhr\n\n"
        "Die Allianz berät über Russland.\n\n"
        "Von Anna Muster, ARD-Studio Brüssel\n\n"
        "Im Nato-Hauptquartier in Brüssel haben Scholz und Biden beraten.\n".encode()
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.start, e.place) for e in found] == [(date(2022, 1, 12), BRUSSELS)]


def test_a_calendar_date_beats_a_date_counted_from_the_story():
    found = events(
        "Scholz traf Putin am 10. Januar in Moskau. Am 12. Januar, nicht tags darauf, "
        "unterzeichneten Scholz und Putin in Moskau ein Abkommen.",
        published=datetime(2022, 1, 14, 9, 0, tzinfo=BERLIN),
    )
    assert {e.start for e in found if e.type == "agreement"} == {date(2022, 1, 12)}


def test_a_date_counted_from_does_not_date_the_event_before_it_nor_anchor_the_story():
    found = events(
        "Scholz traf am Montag in Moskau Putin. Es war der erste Besuch seit Bidens "
        "Amtsantritt am 20. Dezember.\n\nTags zuvor war Scholz in Kiew mit Selenskyj "
        "zusammengetroffen."
    )
    assert {(e.start, e.place.name if e.place else None) for e in found} == {
        (date(2022, 1, 10), "Moscow"),
        (date(2022, 1, 9), "Kyiv"),
    }


def test_the_event_told_after_since_and_a_date_is_dated_by_it():
    found = events(
        "The talks were the first contact since Scholz's Jan. 3 meeting with Putin in Moscow.",
        "en",
    )
    assert [(e.start, e.place.name, names(e)) for e in found] == [
        (date(2022, 1, 3), "Moscow", {"Olaf Scholz", "Vladimir Putin"})
    ]


def test_a_clause_opening_with_its_own_date_tells_an_event_of_its_own():
    found = events(
        "Am 10. Februar will Scholz in Genf Biden treffen, im März reist Scholz nach Moskau."
    )
    assert {(e.type, e.start, e.precision, e.place.name) for e in found} == {
        ("meeting", date(2022, 2, 10), "day", "Geneva"),
        ("visit", date(2022, 3, 1), "month", "Moscow"),
    }


def test_a_vague_date_at_the_same_place_with_no_one_in_common_is_another_event():
    found = events(
        "Am Samstag hatte Scholz in Genf Blinken getroffen.\n\n"
        "Putin selbst war in der vergangenen Woche in Genf gewesen, beim Gipfel des "
        "Kreml mit Lawrow.",
        published=datetime(2022, 1, 18, 9, 0, tzinfo=BERLIN),
    )
    assert len(found) == 2, [e.title for e in found]


def test_what_an_agency_report_tells_of_the_last_days_without_a_place_is_at_its_dateline():
    document = read_document(
        b"Russland und die USA reden wieder\n\n"
        b"Moskau (dpa) - Putin empfing am Mittwoch Blinken im Kreml.\n\n"
        b"Bereits am Dienstag war Blinken mit Lawrow zusammengetroffen. Am Montag hatte "
        b"Biden mit Putin telefoniert. Am 3. Januar hatten sich Scholz und Lawrow getroffen."
        b"\n"
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert {(e.type, e.start, e.place.name if e.place else None) for e in found} == {
        ("meeting", date(2022, 1, 12), "Moscow"),
        ("meeting", date(2022, 1, 11), "Moscow"),
        ("phone_call", date(2022, 1, 10), None),
        ("meeting", date(2022, 1, 3), None),
    }


def test_a_meeting_that_signed_something_is_a_meeting_and_an_agreement():
    found = events("Biden met Scholz in Geneva on Monday, signing a framework on energy.", "en")
    assert {(e.type, e.start, e.place.name) for e in found} == {
        ("meeting", date(2022, 1, 10), "Geneva"),
        ("agreement", date(2022, 1, 10), "Geneva"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Scholz and Putin must report to NATO by the spring.",
        "The Europeans have until March to trigger sanctions against Russia.",
        "Scholz und Putin sollen spätestens im März einen Bericht vorlegen.",
    ],
)
def test_a_deadline_dates_nothing(text):
    german = " und " in text
    lead = (
        "Putin traf Scholz am Montag in Moskau."
        if german
        else "Putin met Scholz in Moscow on Monday."
    )
    lang = "de" if german else "en"
    found = events(f"{lead} {text}", lang)
    assert [e.start for e in found] == [date(2022, 1, 10)]
    # The deadline itself is marked as one, so no event takes it as its day.
    tagged = suggest(Document(body=text), GAZETTEER, published=WEDNESDAY, lang=lang).dates
    assert [d.deadline for d in tagged if d.kind == "date"] == [True]


def test_a_sentence_dated_years_back_before_its_trigger_is_background():
    found = events(
        "Putin met Scholz in Moscow on Monday.\n\nIn 2015, in a deal with the United States, "
        "Russia got relief from sanctions.",
        "en",
    )
    assert [e.type for e in found] == ["meeting"]


def test_a_place_and_its_country_between_commas_do_not_part_a_meeting_from_its_old_date():
    found = events(
        "Putin met Scholz in Moscow on Monday. The last meeting of Lavrov and Blinken was held "
        "in Geneva, Switzerland, in November 2020, and the leaders met again in May last year.",
        "en",
    )
    assert [(e.type, e.start) for e in found] == [("meeting", date(2022, 1, 10))]


def test_a_long_list_of_guests_between_kamen_and_zusammen_is_one_meeting():
    found = events(
        "In Genf kamen am Montag die Außenministerinnen und Außenminister aus Russland, "
        "Deutschland, Frankreich, Polen, Lettland, Litauen, Estland, Finnland und Schweden auf "
        "Einladung von Bundeskanzler Olaf Scholz (SPD) zusammen."
    )
    assert [(e.type, e.start, e.place.name) for e in found] == [
        ("meeting", date(2022, 1, 10), "Geneva")
    ]


def test_talks_continued_the_next_day_as_a_source_said_are_the_same_talks():
    found = events(
        "In Moskau kamen am Dienstag Scholz, Lawrow und Putin zusammen. Die Gespräche in Moskau sollen an "
        "diesem Mittwoch fortgesetzt werden, hieß es am späten Dienstagabend."
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 11), date(2022, 1, 12))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lavrov and Blinken have agreed on a set of recommendations for their leaders, after meeting in Geneva on Monday.", "en"),
        ("Lawrow und Blinken einigten sich auf Empfehlungen für ihre Staatschefs, nach ihrem Treffen am Montag in Genf.", "de"),
    ],
)  # fmt: skip
def test_what_was_agreed_after_meeting_is_the_meetings_outcome(text, lang):
    found = events(text, lang)
    assert sorted((e.type, e.start, e.place.name) for e in found) == [
        ("agreement", date(2022, 1, 10), "Geneva"),
        ("meeting", date(2022, 1, 10), "Geneva"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Scholz will im Februar einen Gipfel besuchen.",
        "Scholz will Anfang Februar verhandeln.",
        "Scholz traf im Dezember einen Gesprächspartner.",
    ],
)
def test_a_vague_time_with_one_actor_and_no_place_is_too_unsure_to_suggest(text):
    assert not events(text)
    # with a place and a second actor the same vague time is worth an editor's look
    [event] = events(text.replace("Scholz", "Scholz mit Putin in Moskau"))
    assert event.approximate and event.confidence >= 0.5


def test_a_summit_that_follows_another_in_the_same_sentence_is_its_own_event():
    found = events(
        "Am Dienstag und Mittwoch treffen sich die Staats- und Regierungschefs in Genf zum "
        "Nato-Gipfel, direkt im Anschluss folgt am 26. und 27. Januar in Brüssel der EU-Gipfel."
    )
    assert sorted((e.start, e.end, e.place.name) for e in found) == [
        (date(2022, 1, 18), date(2022, 1, 19), "Geneva"),
        (date(2022, 1, 26), date(2022, 1, 27), "Brussels"),
    ]


def test_a_clause_opening_with_nachdem_or_after_tells_its_own_event():
    found = events(
        "Nachdem Russland am Montag zwölf deutsche Diplomaten ausgewiesen hatte, schlug "
        "Deutschland am Dienstag zurück und wies seinerseits zwölf russische Diplomaten aus."
    )
    assert sorted((e.type, e.start) for e in found) == [
        ("sanction", date(2022, 1, 10)),
        ("sanction", date(2022, 1, 11)),
    ]


def test_a_conference_may_last_longer_than_a_week():
    [event] = events(
        "Die Konferenz in Genf hatte am Montag begonnen und dauert noch bis zum 21. Januar."
    )
    assert (event.start, event.end) == (date(2022, 1, 10), date(2022, 1, 21))


def test_credit_lines_place_nothing():
    document = read_document(
        b"Talks in Geneva\n\nGENEVA, Jan 12 (Reuters) - Blinken met Lavrov on Wednesday.\n\n"
        b"Both will meet again next week.\n\n(Reporting by John Irish in Moscow; Editing by Al)\n"
    )
    assert document.metadata[-1][0] == document.body.index("(Reporting")
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="en").events
    assert all(e.place is None or e.place.name == "Geneva" for e in found)


def test_the_days_a_lead_event_took_up_to_publication_are_its_dates():
    document = read_document(
        b"Gipfel endet\n\nWien (dpa) - In Wien ist der Gipfel des Kreml zu Ende gegangen. "
        b"Die Staats- und Regierungschefs berieten am Dienstag und Mittwoch in Wien.\n"
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.type, e.start, e.end, e.place.name) for e in found] == [
        ("summit", date(2022, 1, 11), date(2022, 1, 12), "Vienna")
    ]


def test_an_expulsion_and_a_summons_the_same_day_are_two_events():
    found = events(
        "Russia on Wednesday ordered the expulsion of 45 diplomats of the United States. "
        "The US ambassador Blinken was summoned to the Foreign Ministry in Moscow on Wednesday.",
        "en",
    )
    assert sorted(e.type for e in found) == ["sanction", "sanction"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Deutschland hat am Montag seinen Botschafter zu Konsultationen aus Moskau zurückgerufen.", "de"),
        ("Deutschland ordnete am Montag die Schließung aller russischen Generalkonsulate an.", "de"),
        ("Russland bestellte am Montag den deutschen Botschafter ins Außenministerium ein.", "de"),
        ("Germany on Monday recalled its ambassador from Moscow for consultations.", "en"),
        ("Russia on Monday ordered the closure of the German consulates in Moscow.", "en"),
    ],
)  # fmt: skip
def test_diplomatic_measures_are_sanctions(text, lang):
    event = one(text, lang)
    assert (event.type, event.start) == ("sanction", date(2022, 1, 10))


def test_no_one_visits_home_and_a_dateline_is_no_destination():
    document = read_document(
        "Scholz in Moskau\n\nBerlin (dpa) - Kanzler Scholz reist am Dienstag nach Moskau zu "
        "Putin. Es ist die erste Reise von Kanzler Scholz als Kanzler.\n\n"
        "Am Mittwoch flog Scholz nach Berlin zurück.\n".encode()
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.type, e.place.name if e.place else None) for e in found] == [("visit", "Moscow")]


def test_a_headline_agreement_is_the_agreement_its_lead_dates():
    document = read_document(
        b"Lawrow und Blinken unterzeichnen Abkommen\n\n"
        b"Genf (dpa) - In Genf haben Lawrow und Blinken am Mittwoch ein Abkommen unterzeichnet.\n"
        b"\nZum Vergleich: Russland war 2013 einem anderen Abkommen beigetreten.\n"
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.type, e.start, e.place.name) for e in found] == [
        ("agreement", date(2022, 1, 12), "Geneva")
    ]


def test_the_date_of_a_relative_clause_about_someone_else_dates_nothing():
    found = events(
        "In Moskau empfing Putin Kanzler Scholz, der erst vor zwei Wochen in Genf mit "
        "Biden verhandelt hatte."
    )
    assert [(e.start, e.place.name) for e in found] == [(date(2022, 1, 12), "Moscow")]


def test_a_headline_written_the_morning_after_is_the_meeting_of_the_night_before():
    document = read_document(
        b"Putin und Biden ohne Einigung bei Gipfel in Genf; Scholz reist nach Moskau\n\n"
        b"Genf (dpa) - Putin und Biden haben sich am Dienstagabend in Genf getroffen.\n"
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.start, e.place.name) for e in found if e.type != "visit"] == [
        (date(2022, 1, 11), "Geneva")
    ]


def test_the_meeting_beside_a_summit_is_not_the_summit_of_the_headline():
    document = read_document(
        b"Biden empfaengt zum Gipfel in Genf\n\n"
        b"Genf (dpa) - In Genf hat der Gipfel von Biden und Putin begonnen. Am Freitag "
        b"wollen Putin und Scholz am Rande des Gipfels zu einem Gespraech zusammenkommen.\n"
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert sorted((e.type, e.start) for e in found) == [
        ("meeting", date(2022, 1, 14)),
        ("summit", date(2022, 1, 12)),
    ]


def test_an_article_filed_in_the_small_hours_tells_the_news_of_the_day_before():
    document = read_document(
        b"Gipfel in Genf: Putin und Biden ohne Einigung\n\nPutin und Biden haben in Genf "
        b"stundenlang verhandelt.\n"
    )
    after_midnight = datetime(2022, 1, 13, 0, 25, tzinfo=BERLIN)
    found = suggest(document, GAZETTEER, published=after_midnight, lang="de").events
    assert {e.start for e in found} == {date(2022, 1, 12)}


def test_there_is_the_place_the_sentence_before_named():
    found = events(
        "Am Montag war Scholz im russischen Moskau eingetroffen. Dort traf er am Dienstag Putin."
    )
    assert {(e.start, e.place.name) for e in found} == {
        (date(2022, 1, 10), "Moscow"),
        (date(2022, 1, 11), "Moscow"),
    }


def test_a_gathering_at_a_city_with_its_own_date_is_news_even_if_no_one_is_named():
    found = events(
        "Bei einem Gipfeltreffen in Genf verabschiedeten die Regierungschefs von acht "
        "Anrainern am Dienstag eine gemeinsame Erklärung."
    )
    assert [(e.type, e.start, e.place.name) for e in found if e.type == "summit"] == [
        ("summit", date(2022, 1, 11), "Geneva")
    ]


def test_a_call_is_what_happened_and_the_summit_it_prepared_its_topic():
    event = one("Am Montag hatten Scholz und Biden telefoniert und den Gipfel vorbereitet.")
    assert (event.type, event.start) == ("phone_call", date(2022, 1, 10))


@pytest.mark.parametrize(
    "text",
    [
        "Die Einigung kommt wenige Tage nach dem Nato-Gipfel in Genf.",
        "Der letzte Gipfel dieser Art hatte 2017 in Genf stattgefunden.",
        "Die Sanktionen gegen Russland sollen ab dem 20. Januar greifen.",
        "Vor diesem Winter hatten Blinken und Lawrow zuletzt im März 2019 in Genf verhandelt.",
        "Russland leidet unter den Sanktionen.",
        "Ein Treffen von Biden und Putin soll in den kommenden Wochen in Genf stattfinden.",
    ],
)
def test_time_references_and_background_are_no_events(text):
    found = events(f"Putin traf Scholz am Montag in Moskau. {text}")
    assert [(e.type, e.start) for e in found] == [("meeting", date(2022, 1, 10))]


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Russland und die USA haben am Montag ihre Verhandlungen abgeschlossen.", "de", "agreement"),
        ("Russia and the United States concluded their talks in Geneva on Monday.", "en", "agreement"),
        ("Am Montag gab Putin in Moskau ein Arbeitsessen für Scholz.", "de", "meeting"),
        ("On Monday Biden hosted Scholz for a working dinner in Geneva.", "en", "meeting"),
    ],
)  # fmt: skip
def test_concluded_negotiations_are_an_agreement_and_a_working_dinner_a_meeting(text, lang, kind):
    assert {e.type for e in events(text, lang)} >= {kind}


def test_one_bilateral_after_another_are_two_meetings():
    found = events(
        "Am Montag empfing Scholz zunächst Putin in Moskau, anschließend traf er Biden. "
        "Zuletzt hatte es ein solches Treffen im Dezember 2019 in Genf gegeben."
    )
    assert sorted((e.type, e.start, e.place.name if e.place else "", names(e)) for e in found) == [
        ("meeting", date(2022, 1, 10), "", {"Olaf Scholz", "Joe Biden"}),
        ("meeting", date(2022, 1, 10), "Moscow", {"Olaf Scholz", "Vladimir Putin"}),
    ]


def test_a_council_sitting_since_monday_until_friday_spans_the_week():
    found = events(
        "Der Nato-Russland-Rat tagt seit Montag, die Sitzung dauert noch bis Freitag.",
        published=datetime(2022, 1, 13, 18, 0, tzinfo=BERLIN),
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 10), date(2022, 1, 14))]


def test_a_resolution_adopted_and_the_next_round_of_talks_are_events():
    found = events(
        "Die Resolution wurde am Dienstag in Genf von Russland und den USA angenommen. "
        "Die fünfte Runde zwischen Lawrow und Blinken hatte am 3. Januar in Wien stattgefunden."
    )
    assert sorted((e.type, e.start) for e in found) == [
        ("agreement", date(2022, 1, 11)),
        ("negotiation", date(2022, 1, 3)),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russland und die USA verständigten sich am Montag in Genf auf Regeln.", "de"),
        ("Russland und die USA haben am Montag in Genf eine Einigung erzielt.", "de"),
        ("Russia and the United States reached an agreement in Geneva on Monday.", "en"),
    ],
)
def test_coming_to_terms_is_an_agreement(text, lang):
    assert [(e.type, e.start) for e in events(text, lang)] == [("agreement", date(2022, 1, 10))]


def test_a_bilateral_beside_a_meeting_is_a_meeting_of_its_own():
    found = events(
        "Die Nato und Russland trafen sich am Montag in Genf. Am Rande kamen Scholz und Biden "
        "zu einem bilateralen Gespräch zusammen."
    )
    assert len(found) == 2, [e.title for e in found]


def test_a_meeting_that_ended_today_and_began_on_monday_spans_both_days():
    found = events(
        "In Genf ist heute das Treffen von Lawrow und Blinken zu Ende gegangen, das am Montag "
        "begonnen hatte."
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 10), date(2022, 1, 12))]


def test_a_meeting_that_ended_this_morning_ends_on_the_day_of_the_news():
    found = events(
        "Am Vormittag war in Genf das Treffen von Lawrow und Blinken zu Ende gegangen, das am "
        "Montag begonnen hatte."
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 10), date(2022, 1, 12))]


def test_talks_that_went_on_the_next_morning_end_that_day():
    found = events(
        "Am Montag war Lawrow in Genf mit Blinken zusammengetroffen. Die beiden sprachen "
        "mehrere Stunden und setzten ihre Beratungen am Dienstagmorgen fort."
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 10), date(2022, 1, 11))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Es soll …" goes on about what the sentence before named
        (
            "Am Montag einigten sich Russland und die USA in Genf auf ein Abkommen. Es soll am "
            "Freitag in Wien unterzeichnet werden.",
            [(date(2022, 1, 10), "Geneva"), (date(2022, 1, 14), "Vienna")],
        ),
        # "… und traf am Dienstag" with a day of its own is a second event
        (
            "Nach einem Treffen mit Putin am Montag in Moskau reiste Scholz nach Kiew weiter und "
            "traf am Dienstag in Kiew Selenskyj.",
            [(date(2022, 1, 10), "Moscow"), (date(2022, 1, 11), "Kyiv")],
        ),
    ],
)
def test_two_events_told_together_keep_their_own_days_and_places(text, expected):
    assert sorted((e.start, e.place.name) for e in events(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Der Ständige Rat hat am Montag eine Resolution angenommen, die eine sofortige "
        "Feuerpause in Kiew fordert.",
        "Der Ständige Rat tagte am Montag und forderte eine Waffenruhe in Kiew.",
    ],
)
def test_a_council_decides_where_it_sits_and_a_ceasefire_in_a_city_is_its_topic(text):
    found = [e for e in events(text) if e.type in ("agreement", "session")]
    assert [(e.start, e.place and e.place.name) for e in found] == [(date(2022, 1, 10), "Vienna")]


def test_what_someone_is_invited_to_is_a_plan_and_not_the_place_of_the_talks():
    found = events(
        "Am Montag verhandelten Blinken und Lawrow mehr als sieben Stunden. Lawrow nahm eine "
        "Einladung zu einem Gegenbesuch in Genf an."
    )
    assert [(e.type, e.start, e.place) for e in found] == [("negotiation", date(2022, 1, 10), None)]


def test_a_sentence_of_the_same_day_lends_its_place_but_a_virtual_summit_has_none():
    lent = one("Scholz traf am Montag in Genf ein. Am Montag verhandelte Blinken mit Lawrow.")
    assert (lent.type, lent.start, lent.place.name) == ("negotiation", date(2022, 1, 10), "Geneva")
    virtual = one(
        "Biden und Scholz berieten am Montag bei einem virtuellen Gipfel. Scholz war am Montag "
        "in Genf."
    )
    assert (virtual.type, virtual.start, virtual.place) == ("summit", date(2022, 1, 10), None)


def test_a_return_to_an_office_is_no_place():
    event = one(
        "Biden and Putin will meet on Friday for the first time since Putin's return to the "
        "Kremlin.",
        "en",
    )
    assert (event.start, event.place) == (date(2022, 1, 14), None)


def test_the_venue_beside_the_trigger_beats_a_city_further_on():
    event = one("Biden met Putin at the Kremlin on Monday after a stop in Kyiv.", "en")
    assert (event.start, event.place.name) == (date(2022, 1, 10), "Moscow")


def test_a_time_of_day_after_a_sentence_in_the_pluperfect_is_the_news_day():
    event = one("Scholz hatte Putin am Montag in Moskau begrüßt. Am Mittag traf er Selenskyj.")
    assert (event.start, "Volodymyr Zelenskyy" in names(event)) == (date(2022, 1, 12), True)


def test_a_date_and_place_between_an_article_and_another_noun_are_that_nouns():
    event = one(
        "Scholz reiste am Dienstag nach Moskau. Dort traf er Lawrow und sprach über das im "
        "vergangenen Juni in Genf geschlossene Abkommen."
    )
    assert (event.start, event.place.name) == (date(2022, 1, 11), "Moscow")
    assert "Sergey Lavrov" in names(event)


def test_an_organisation_that_meets_on_a_day_of_its_own_is_an_event_without_a_place():
    event = one("Von Donnerstag bis Samstag kommen die Staaten der Nato in Apulien zusammen.")
    assert (event.start, event.end, event.place) == (date(2022, 1, 13), date(2022, 1, 15), None)
    assert names(event) == {"NATO"}


def test_who_will_not_attend_a_meeting_does_not_call_the_meeting_off():
    event = one("Blinken will not attend the meeting with Lavrov in Geneva on Friday.", "en")
    assert (event.start, event.place.name) == (date(2022, 1, 14), "Geneva")
    assert not events("There will be no meeting with Lavrov in Geneva on Friday.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Er führte seine erste Auslandsreise am Mittwoch nach Riad.", "de", "visit"),
        ("…, wo er mit seinem saudischen Amtskollegen Prinz Faisal sprach.", "de", "meeting"),
        ("Trump will land in Riyadh on Tuesday.", "en", "visit"),
        ("Biden hatte sich in einer Telefonschalte mit Macron abgestimmt.", "de", "phone_call"),
        (
            "Scholz und Kishida haben die ersten Regierungskonsultationen abgehalten.",
            "de",
            "meeting",
        ),
        ("Die Regierungen sind zu gemeinsamen Konsultationen zusammengekommen.", "de", "meeting"),
        (
            "The first intergovernmental consultations since 2018 took place in Warsaw.",
            "en",
            "meeting",
        ),
    ],
)
def test_compound_journeys_landings_consultations_and_verb_last_talks_are_triggers(
    text, lang, kind
):
    assert kind in {trigger.type for trigger in find_triggers(text, lang)}


def test_what_had_happened_before_a_look_ahead_is_not_the_news_day():
    found = events(
        "Am Montag traf Scholz in Genf Biden.\n\nEs ging um Zölle.\n\nDer Handel wächst.\n\n"
        "Ab April drohen Zölle. Zuvor hatte Putin in Moskau einen Gipfel geleitet."
    )
    assert [(e.start, e.place.name) for e in found] == [(date(2022, 1, 10), "Geneva")]


def test_a_call_made_between_talks_in_person_is_a_call_of_its_own():
    found = events("Biden traf Scholz am Montag in Genf. Danach telefonierte Biden mit Putin.")
    assert sorted((e.type, e.start, e.place and e.place.name) for e in found) == [
        ("meeting", date(2022, 1, 10), "Geneva"),
        ("phone_call", date(2022, 1, 10), None),
    ]


def test_the_day_and_place_of_what_came_before_do_not_date_or_place_the_event():
    found = events(
        "Biden met Putin in Geneva on Monday. Biden and Scholz also held a bilateral meeting on "
        "the sidelines, their second in four months after talks in Moscow in June.",
        "en",
    )
    assert sorted((e.start, e.place.name, tuple(sorted(names(e)))) for e in found) == [
        (date(2022, 1, 10), "Geneva", ("Joe Biden", "Olaf Scholz")),
        (date(2022, 1, 10), "Geneva", ("Joe Biden", "Vladimir Putin")),
    ]


def test_without_a_dateline_the_city_of_the_headline_places_the_days_news():
    found = events(
        "Biden und Putin beraten in Genf\n\nDie Lage ist ernst.\n\nEs geht um viel.\n\n"
        "Am Mittwoch empfing Scholz den Präsidenten Selenskyj."
    )
    assert [(e.start, e.place.name) for e in found if "Olaf Scholz" in names(e)] == [
        (date(2022, 1, 12), "Geneva")
    ]


def test_the_headline_below_a_section_path_places_the_days_news_where_it_happens():
    document = read_document(
        "Zeitung › International › Europa\n\nGespräche in Genf: Europa sucht den Draht nach Moskau"
        "\n\n12.01.2022, 13:05 Uhr\n\nDie Lage ist ernst.\n\nEs geht um viel.\n\n"
        "Am Mittwoch empfing Scholz den Präsidenten Selenskyj.".encode()
    )
    found = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert [(e.start, e.place.name) for e in found if "Olaf Scholz" in names(e)] == [
        (date(2022, 1, 12), "Geneva")
    ]


def _told(kind, actors, place=None, core=(), sentence=(0, 40)):
    return Candidate(
        title=f"{kind}: {', '.join(a.name for a in actors)}",
        type=kind,
        start=date(2022, 1, 10),
        end=None,
        precision="day",
        approximate=False,
        time=None,
        part_of_day=None,
        status="reported",
        place=place,
        actors=tuple(actors),
        confidence=0.8,
        evidence=(),
        sentence=sentence,
        core=frozenset(a.key for a in core),
    )


def test_a_meeting_told_again_by_one_of_its_people_is_the_same_meeting():
    # "Bei einem Treffen mit Paschinjan in Brüssel … An dem Treffen nahm auch Borrell teil",
    # and a paragraph later, "Dieses Treffen richtet sich gegen niemanden", betonte Borrell.
    scholz, putin, lavrov, biden = (
        next(a for a in ACTORS if a.key == k) for k in ("scholz", "putin", "lavrov", "biden")
    )
    meeting = _told("meeting", [scholz, putin, lavrov], MOSCOW, core=[scholz, putin])
    again = _told("meeting", [lavrov], core=[], sentence=(200, 240))
    merged = merge_candidates([meeting, again])
    assert len(merged) == 1
    assert merged[0].place == MOSCOW
    # someone who was not there tells of another meeting that day
    other = _told("meeting", [biden], core=[biden], sentence=(200, 240))
    assert len(merge_candidates([meeting, other])) == 2


def test_the_summit_told_of_again_after_its_outcome_is_that_summit():
    found = events(
        "Scholz and Biden opened a summit in Geneva on Monday. On Monday afternoon, Russia and "
        "the United States signed an agreement on gas.\n\nGas prices fell. Traders were "
        "relieved.\n\nThe summit's host, Lavrov, warned of new tensions.",
        "en",
    )
    assert [(e.type, names(e)) for e in found] == [
        ("summit", {"Olaf Scholz", "Joe Biden", "Sergey Lavrov"}),
        ("agreement", {"Russia", "United States"}),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Zwei Tage lang haben Gesandte der USA und Russlands in Berlin über Gas verhandelt."
            "\n\nBlinken und Lawrow hatten am Dienstag mehr als fünf Stunden lang mit ihren "
            "Delegationen beraten. Am Mittwochvormittag wurden die Gespräche fortgesetzt.",
            "de",
        ),
        (
            "Envoys of the United States and Russia held talks in Berlin.\n\nBlinken and Lavrov "
            "met on Tuesday for five hours with their delegations. On Wednesday morning the talks "
            "resumed.",
            "en",
        ),
    ],
)
def test_talks_resumed_the_next_day_are_one_event_with_the_lead_that_told_them(text, lang):
    [event] = events(text, lang)
    assert (event.start, event.end, event.place) == (
        date(2022, 1, 11),
        date(2022, 1, 12),
        BERLIN_CITY,
    )
    assert names(event) >= {"Antony Blinken", "Sergey Lavrov", "United States", "Russia"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Beim ersten Gipfel seit dem Regierungswechsel in Berlin haben Scholz und Putin "
            "am Montag in Moskau eine engere Zusammenarbeit vereinbart.",
            "de",
        ),
        (
            "At the first summit since the change of government in Berlin, Scholz and Putin on "
            "Monday agreed in Moscow to work more closely together.",
            "en",
        ),
    ],
)
def test_a_place_of_what_came_before_since_is_not_the_events_place(text, lang):
    assert {e.place for e in events(text, lang)} == {MOSCOW}


def test_an_ambassador_called_home_for_consultations_is_no_meeting():
    assert "meeting" not in {
        t.type
        for t in find_triggers(
            "Berlin hat seinen Botschafter zu Konsultationen zurückgerufen.", "de"
        )
    }


def test_a_headline_tells_the_summit_a_lead_below_byline_and_stamp_dates():
    text = (
        "Scholz and Biden pledge closer ties at first summit\n\n"
        "The chancellor calls the president a partner and offers to mediate with Moscow\n\n"
        "Jane Doe\nEurope Correspondent\n\n"
        "Published January 12, 2022, 09:40 AM\n\n"
        "GENEVA – Olaf Scholz and Joe Biden pledged to deepen their alliance at their first "
        "summit in Geneva on Jan 11, a meeting that went smoothly.\n\nTrade was not discussed."
    )
    found = suggest(read_document(text.encode()), GAZETTEER).events
    assert [(e.type, e.start, e.place) for e in found] == [("summit", date(2022, 1, 11), GENEVA)]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Scholz flew to Kyiv from Moscow, where he held talks with Putin on Monday.",
            "en",
            MOSCOW,
        ),
        (
            "Scholz flog nach Kiew weiter, zuvor war er in Moskau, wo er am Montag Putin traf.",
            "de",
            MOSCOW,
        ),
        (
            "Scholz flog aus Moskau nach Kiew, wo er am Montag Selenskyj getroffen hatte.",
            "de",
            KYIV,
        ),
    ],
)
def test_the_place_a_where_clause_hangs_on_is_the_events_place(text, lang, place):
    [event] = [e for e in events(text, lang) if e.type != "visit"]
    assert event.place == place


def test_talks_someone_is_urged_to_hold_are_not_held():
    assert not events("Biden urged Scholz on Monday to resume talks with Putin in Moscow.", "en")
    assert events("Biden held talks with Scholz on Monday in Moscow.", "en")


def test_two_outcomes_of_one_day_by_different_parties_stay_two():
    found = events(
        "Biden und Putin haben sich heute in Brüssel auf eine Erklärung verständigt. "
        "Es gab Streit um die Ukraine.\n\nEbenfalls heute wurde Deutschland in Brüssel als "
        "ständiges Mitglied in die Nato aufgenommen."
    )
    assert [(e.type, e.start) for e in found] == [("agreement", date(2022, 1, 12))] * 2


def test_who_is_named_in_a_point_in_time_is_not_at_the_event():
    found = events(
        "Blinken traf am Montag in Moskau Putin. Vor der Begegnung mit Putin hatte Blinken am "
        "Montag bereits drei Stunden mit Lawrow gesprochen."
    )
    assert sorted(sorted(names(e)) for e in found) == [
        ["Antony Blinken", "Sergey Lavrov"],
        ["Antony Blinken", "Vladimir Putin"],
    ]


def test_the_leads_undated_agreement_is_the_statement_the_talks_before_it_placed():
    # "Ishiba, Trump agree …" (lead, no date), published the morning after; then "The leaders
    # held talks at the White House on Friday … the two issued a joint statement", the
    # statement placed by the talks before it.
    us, de, scholz = (next(a for a in ACTORS if a.key == k) for k in ("us", "de", "scholz"))
    lead = replace(
        _told("agreement", [us, de, scholz], BERLIN_CITY, core=[us, de, scholz]),
        start=date(2022, 1, 12),
        date_rule="inherited from an earlier sentence: publication day (lead, undated)",
        extra={"paragraph": 1, "bilateral": True},
    )
    statement = replace(
        _told("agreement", [us, de], BERLIN_CITY, core=[us, de], sentence=(200, 260)),
        start=date(2022, 1, 11),
        date_rule="weekday+past tense",
        extra={"paragraph": 2, "lead": True, "bilateral": True, "sidelines": False},
    )
    assert [c.start for c in merge_candidates([lead, statement])] == [date(2022, 1, 11)]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # German "war" is "was", not the English "war in …"
        (
            "Am Montag war in Moskau das Treffen von Scholz und Putin zu Ende gegangen.",
            "de",
            MOSCOW,
        ),
        ("Scholz and Putin met in Moscow on Monday to discuss the war in Kyiv.", "en", MOSCOW),
    ],
)
def test_a_war_in_a_city_is_a_topic_in_english_only(text, lang, place):
    assert one(text, lang).place == place


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Blinken was expected to leave Geneva before the end of the talks to testify before "
            "Congress in Moscow on Wednesday.",
            "en",
        ),
        (
            "Asked whether the talks could open the way for Putin to visit Geneva on Friday, "
            "Lavrov said he had no information.",
            "en",
        ),
        ("Ob Scholz am Freitag nach Moskau reist, ist noch offen.", "de"),
    ],
)
def test_a_point_in_time_or_a_question_is_no_event(text, lang):
    assert events(text, lang) == ()


def test_two_calls_of_one_day_with_different_people_stay_two():
    found = events(
        "Biden telefonierte am Montag mit Scholz über Gas. Am Montag telefonierte Biden "
        "außerdem mit Putin über die Ukraine."
    )
    assert sorted(sorted(names(e)) for e in found if e.type == "phone_call") == [
        ["Joe Biden", "Olaf Scholz"],
        ["Joe Biden", "Vladimir Putin"],
    ]


def test_a_date_set_off_by_commas_dates_the_clause_before_it():
    [summit] = [
        e
        for e in events(
            "Nato leaders, meeting at a summit in Vienna, Austria, on Jan. 3, called for an "
            "immediate ceasefire.",
            "en",
        )
        if e.type == "summit"
    ]
    assert (summit.start, summit.place) == (date(2022, 1, 3), VIENNA)


def test_there_is_the_place_the_clause_before_named_in_the_same_sentence():
    found = events(
        "Lavrov and Blinken met in Geneva on Jan. 3. NATO held a session in Vienna on Jan. 4, "
        "and the NATO-Russia Council, which met there the next day, agreed on talks.",
        "en",
    )
    council = [e for e in found if "NATO-Russia Council" in names(e)]
    assert council and {e.place for e in council} == {VIENNA}


def test_a_host_to_be_is_a_meeting_where_it_is_held_not_where_the_host_travels_next():
    event = one(
        "Scholz is due to host Biden in Berlin on Friday, before travelling to Vienna.", "en"
    )
    assert (event.type, event.start, event.place) == ("meeting", date(2022, 1, 14), BERLIN_CITY)
    event = one("Scholz is due to host Biden on Friday, before travelling to Vienna.", "en")
    assert event.place != VIENNA


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Lavrov flies to Geneva tonight and is due to meet his counterpart Blinken on Friday.",
            "en",
        ),
    ],
)
def test_a_date_before_and_a_new_verb_belongs_to_the_clause_before(text, lang):
    [meeting] = [e for e in events(text, lang) if e.type == "meeting"]
    assert meeting.start == date(2022, 1, 14)


def test_a_summit_series_named_beside_its_first_summit_years_back_is_no_event():
    found = events(
        "Lavrov and Blinken met in Geneva on Jan. 10. The format of the NATO summit was "
        "established at the first summit, held in Vienna in May 2019.",
        "en",
    )
    assert [e.type for e in found] == ["meeting"]


def test_a_day_before_set_off_after_a_date_dates_what_follows_from_that_date():
    found = events(
        "Scholz will host Biden in Berlin on Jan. 20, a day before Lavrov chairs a meeting "
        "of the NATO-Russia Council.",
        "en",
    )
    council = [e for e in found if "NATO-Russia Council" in names(e)]
    assert [e.start for e in council] == [date(2022, 1, 21)]


def test_the_visitors_talks_during_a_visit_of_days_are_where_the_visit_went():
    found = events(
        "Scholz war am Montagabend zu einem dreitägigen Besuch in Kiew eingetroffen. Tags "
        "darauf führte er zunächst Gespräche mit Selenskyj."
    )
    talks = [e for e in found if "Volodymyr Zelenskyy" in names(e)]
    assert [(e.start, e.place) for e in talks] == [(date(2022, 1, 11), KYIV)]


def test_how_long_a_delegation_stays_is_no_end_of_its_talks():
    found = events(
        "Lawrow und Blinken haben am Montag in Genf verhandelt. Die russische Delegation "
        "bleibt nach Angaben aus Moskau noch bis Freitag in Genf."
    )
    assert [(e.start, e.end) for e in found] == [(date(2022, 1, 10), None)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Nato-Russland-Rat tagt seit Montag in Brüssel.",
        "Seit Montag sitzen Lawrow und Blinken in Genf zusammen, um über eine Waffenruhe zu "
        "verhandeln.",
    ],
)
def test_what_has_gone_on_since_a_day_runs_from_that_day_to_publication(text):
    event = one(text)
    assert (event.start, event.end) == (date(2022, 1, 10), date(2022, 1, 12))


def test_what_was_signed_when_they_met_is_an_agreement_at_a_meeting():
    found = events(
        "Putin and Biden signed a declaration when they met face to face in Geneva on January 10.",
        "en",
    )
    assert sorted((e.type, e.start) for e in found) == [
        ("agreement", date(2022, 1, 10)),
        ("meeting", date(2022, 1, 10)),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Lavrov and Blinken pressed on with talks in Geneva on Wednesday, a second day of "
            "negotiations on missiles.",
            "en",
        ),
        ("Lawrow und Blinken verhandelten am zweiten Verhandlungstag am Mittwoch in Genf.", "de"),
        (
            "Lavrov and Blinken have been meeting at a villa in Geneva, a lakeside mansion, "
            "since Tuesday.",
            "en",
        ),
    ],
)
def test_the_second_day_of_talks_or_talks_since_yesterday_span_two_days(text, lang):
    event = one(text, lang)
    assert (event.start, event.end) == (date(2022, 1, 11), date(2022, 1, 12))


def test_a_two_day_meeting_closed_on_a_day_ran_the_day_before_and_that_day():
    event = one(
        "Lawrow sagte zum Abschluss der zweitägigen Beratungen mit Blinken am Mittwoch in Genf, "
        "man sei sich nähergekommen."
    )
    assert (event.start, event.end) == (date(2022, 1, 11), date(2022, 1, 12))


def test_the_lead_under_a_dateline_the_gazetteer_does_not_know_is_not_at_a_bodys_seat():
    datelined = read_document(
        "TURNBERRY, Schottland (dpa) - Der Nato-Russland-Rat einigte sich am Mittwoch auf "
        "neue Gespräche.\n\nMehr folgt."
    )
    [event] = suggest(datelined, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert event.place is None
    # Without a dateline the council is where it sits.
    assert one("Der Nato-Russland-Rat einigte sich am Mittwoch auf neue Gespräche.").place == (
        BRUSSELS
    )


def test_what_a_summit_adopted_was_adopted_on_a_day_not_until_the_summit_ends():
    found = events(
        "Russia and NATO agreed on Jan. 10 on new talks in Geneva, at a meeting which runs until "
        "Jan. 12.",
        "en",
    )
    agreements = [e for e in found if e.type == "agreement"]
    assert [(e.start, e.end) for e in agreements] == [(date(2022, 1, 10), None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Zum Abschluss ihres Gipfels in Genf verabschiedeten Scholz und Biden am Mittwoch "
            "eine Erklärung. Der Gipfel hatte am Dienstag begonnen.",
            "de",
        ),
        (
            "Biden and Scholz ended their summit in Geneva on Wednesday. The summit opened on "
            "Monday with a dinner.",
            "en",
        ),
    ],
)
def test_the_day_an_event_just_told_began_is_its_first_day_not_another_event(text, lang):
    [summit] = [e for e in events(text, lang) if e.type == "summit"]
    first = date(2022, 1, 11) if lang == "de" else date(2022, 1, 10)
    assert (summit.start, summit.end, summit.place) == (first, date(2022, 1, 12), GENEVA)


def test_the_next_meeting_hosted_in_a_coming_year_is_announced_for_that_year_alone():
    found = events(
        "Russia will host the next meeting of the NATO-Russia Council next year, the joint "
        "communiqué said.",
        "en",
    )
    assert [(e.type, e.start, e.end, e.status) for e in found] == [
        ("meeting", date(2023, 1, 1), date(2023, 12, 31), "announced")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russia's foreign ministry said it would respond in kind. Earlier on Monday, the "
            "ministry had summoned the envoy in Moscow.",
            "en",
        ),
        (
            "Russland kündigte eine Antwort an. Das Außenministerium bestellte am Montag in "
            "Moskau den Gesandten ein.",
            "de",
        ),
    ],
)
def test_the_ministry_named_before_acts_for_its_state(text, lang):
    found = events(text, lang)
    assert [(e.type, e.start, names(e)) for e in found] == [
        ("sanction", date(2022, 1, 10), {"Russia"})
    ]


def test_a_deadline_in_a_later_clause_does_not_undo_what_the_sentence_reports():
    found = events(
        "Blinken met Lavrov on Monday. Russia said it was expelling two US diplomats, and "
        "gave them until 11:59 p.m. on Saturday to leave the country.",
        "en",
    )
    assert ("sanction", date(2022, 1, 10)) in [(e.type, e.start) for e in found]
    # What is due by the deadline has not happened.
    assert not events("Russia must agree to new talks by Friday.", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Nach zwei Tagen Beratungen sind die Gespräche von Scholz und Putin in Genf am Mittwoch "
        "zu Ende gegangen.",
        "Zwei Tage lang verhandelten Scholz und Putin in Genf, bevor die Gespräche am "
        "Mittwoch zu Ende gingen.",
    ],
)
def test_talks_that_ended_after_two_days_began_the_day_before(text):
    [event] = [e for e in events(text) if e.type in ("negotiation", "meeting")]
    assert (event.start, event.end) == (date(2022, 1, 11), date(2022, 1, 12))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Danach wolle er auch mit Selenskyj sprechen.", True),
        ("Scholz spricht am Montag in Berlin mit Biden.", True),
        ("Man müsse darüber sprechen, sagte er.", False),
    ],
)
def test_speaking_with_someone_ahead_is_a_meeting(text, found):
    assert any(t.type == "meeting" for t in find_triggers(text, "de")) == found


def test_speaking_with_someone_is_a_meeting_in_english_too():
    found = find_triggers("Trudeau is expected to speak with Starmer on Tuesday.", "en")
    assert [(t.type, t.text) for t in found] == [("meeting", "speak with")]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "found"),
    [
        ("Russland wies zwei deutsche Diplomaten aus.", "de", "sanction", True),
        ("Die Statistik weist einen Anstieg aus.", "de", "sanction", False),
        ("Russia kicked out two US diplomats.", "en", "sanction", True),
        ("Die Vollversammlung nahm eine Resolution an.", "de", "agreement", True),
        ("The Security Council passed a resolution.", "en", "agreement", True),
        ("Biden is set to sit down with Xi.", "en", "meeting", True),
        ("The two held a bilateral on the sidelines.", "en", "meeting", True),
    ],
)
def test_more_ways_of_saying_an_event(text, lang, kind, found):
    assert any(t.type == kind for t in find_triggers(text, lang)) == found


@pytest.mark.parametrize(
    ("text", "lang", "trigger"),
    [
        ("Ein bilaterales Treffen der beiden ist bislang nicht geplant.", "de", "Treffen"),
        ("Die geplanten Regierungskonsultationen werden vorerst nicht stattfinden.", "de", "Regierungskonsultationen"),
        ("Ein Dreiergipfel mit Südkorea, den Japan ausrichten soll, hat weiterhin keinen Termin.", "de", "Dreiergipfel"),
        ("Er plant Reisen nach Kiew und Moskau; Termine stehen noch keine fest.", "de", "Reisen"),
        ("Talks with Tehran are expected, but no dates have been set yet.", "en", "Talks"),
        ("A meeting between the two is not planned.", "en", "meeting"),
        ("The summit will not take place.", "en", "summit"),
        ("Die erste Runde der Präsidentenwahl findet am 23. März statt.", "de", "erste Runde"),
        ("The second round of the presidential election is on May 3.", "en", "second round"),
        ("Vor Beginn des Gipfels hatte Scholz Putin empfangen.", "de", "Gipfels"),
    ],
)  # fmt: skip
def test_what_will_not_take_place_or_only_frames_the_news_is_no_trigger(text, lang, trigger):
    assert trigger not in [t.text for t in find_triggers(text, lang)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Am Montag sprach Scholz mit Putin über die Lage.", "sprach Scholz mit"),
        ("Heute Abend will Scholz mit Gastgeber Putin über die letzten offenen Punkte der Gipfelerklärung sprechen.", "mit Gastgeber Putin über die letzten offenen Punkte der Gipfelerklärung sprechen"),
        ("Für Oktober lädt Brasilien zu einem Vorbereitungstreffen der Minister ein.", "Vorbereitungstreffen"),
    ],
)  # fmt: skip
def test_talking_with_someone_and_compounds_of_treffen_are_meetings(text, trigger):
    assert (trigger, "meeting") in [(t.text, t.type) for t in find_triggers(text, "de")]


def test_a_speech_for_something_with_emphasis_is_no_meeting():
    found = find_triggers("Scholz sprach sich mit Nachdruck für Sanktionen aus.", "de")
    assert "meeting" not in [t.type for t in found]


def test_bilateral_talks_on_the_day_a_summit_opens_are_an_event_of_their_own():
    found = events(
        "The NATO summit opens in Brussels on Thursday.\n\n"
        "Biden will hold bilateral talks with Scholz at the US embassy on Thursday morning.",
        "en",
    )
    assert sorted(e.type for e in found) == ["negotiation", "summit"]


def test_one_on_one_talks_of_the_summits_own_leaders_are_the_summit():
    [summit] = events(
        "Title\n\nA report.\n\n"
        "Putin and Biden held a summit in Geneva on Wednesday. The two leaders then held talks "
        "for several hours, first in a larger group and then one-on-one, Putin said.",
        "en",
    )
    assert summit.type == "summit"


def test_two_summits_of_one_day_and_town_named_apart_are_two():
    found = events(
        "Titel\n\nEin Bericht.\n\n"
        "Scholz hat am Mittwoch in Brüssel den ersten Atomenergie-Gipfel ausgerichtet. "
        "Danach eilte Scholz am Mittwoch zum Nato-Gipfel in Brüssel weiter."
    )
    assert [e.type for e in found] == ["summit", "summit"]


def test_a_summit_called_by_its_town_is_the_summit_told():
    [summit] = events(
        "Title\n\nA report.\n\n"
        "The Brussels summit opened on Wednesday. At the NATO summit in Brussels, Scholz and "
        "Biden met on Wednesday.",
        "en",
    )
    assert summit.place == BRUSSELS


def test_an_agency_dateline_places_what_happens_there_tomorrow():
    document = read_document(
        "Brüssel (dpa) - Die Lage bleibt angespannt, sagen Diplomaten.\n\n"
        "Sie erwarten keine schnelle Lösung.\n\n"
        "Die Nato-Außenminister beraten am Donnerstag über die Lage.\n".encode()
    )
    [event] = suggest(document, GAZETTEER, published=WEDNESDAY, lang="de").events
    assert event.start == date(2022, 1, 13) and event.place == BRUSSELS


def test_a_headline_placing_talks_in_a_country_tells_the_talks_the_lead_places_in_its_city():
    switzerland = GazetteerPlace("ch", "Switzerland", "CH", kind="country", aliases=("Schweiz",))
    gazetteer = Gazetteer(ACTORS, [GENEVA, switzerland])
    document = read_document(
        b"US and Russia end talks in Switzerland\n\n"
        b"GENEVA (AP) - The US and Russia ended two days of talks in Geneva on Wednesday.\n"
    )
    [talks] = suggest(document, gazetteer, published=WEDNESDAY, lang="en").events
    assert (talks.start, talks.end, talks.place) == (date(2022, 1, 11), date(2022, 1, 12), GENEVA)


def test_a_gathering_is_a_summit_and_to_gather_is_to_meet():
    [noun] = find_triggers("Meloni hosts the three-day gathering at the resort.", "en")[-1:]
    assert (noun.text, noun.type) == ("gathering", "summit")
    [verb] = find_triggers("EU leaders will gather in Brussels.", "en")
    assert verb.type == "meeting"


def test_a_section_under_a_subheading_does_not_take_the_vague_time_told_before_it():
    found = events(
        "Titel\n\nEin Bericht.\n\nDeutschland hatte seine Zustimmung zu dem Geschäft im "
        "Sommer erteilt, nachdem Berlin lange gezögert hatte.\n\n"
        "Einigung in Genf\n\n"
        "Parallel dazu ging in Genf eine schwierige Verhandlungsrunde zwischen Russland und den "
        "USA zu Ende. Die Delegationen hatten von Montag bis Mittwoch unter Vermittlung der "
        "Schweiz beraten.",
        published=datetime(2022, 10, 12, 9, 0, tzinfo=BERLIN),  # a Wednesday; summer is recent
    )
    assert [(e.precision, e.start, e.end) for e in found] == [
        ("day", date(2022, 10, 10), date(2022, 10, 12))
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("They met in New York and agreed to keep high-level contacts going.", "en"),
        ("The two leaders agreed to deepen cooperation in trade.", "en"),
        ("Beide Seiten hätten vereinbart, die bilateralen Verhandlungen fortzusetzen.", "de"),
        ("Sie verständigten sich darauf, die Zusammenarbeit auszubauen.", "de"),
    ],
)
def test_agreeing_to_go_on_as_before_is_no_agreement(text, lang):
    assert "agreement" not in [t.type for t in find_triggers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("They agreed a ceasefire on Monday.", "en"), ("Sie vereinbarten eine Waffenruhe.", "de")],
)
def test_agreeing_on_something_is_an_agreement(text, lang):
    assert "agreement" in [t.type for t in find_triggers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "trigger"),
    [
        ("Trump has suggested he could travel to Istanbul for the talks.", "en", "travel to"),
        ("The two men discussed a visit to Washington, but no date was set.", "en", "visit"),
    ],
)
def test_what_might_be_or_has_no_date_is_no_trigger(text, lang, trigger):
    assert trigger not in [t.text for t in find_triggers(text, lang)]


def test_a_visit_called_off_is_no_event():
    assert (
        events(
            "Titel\n\nEin Bericht.\n\nSeinen für Mittwoch geplanten Besuch in Moskau sagte Scholz ab."
        )
        == ()
    )
