"""Word soup from the tagger's own vocabulary: odd phrases never raise, offsets index the text.

Arbitrary Unicode rarely forms a date-like phrase, so these texts are built from month names,
weekdays, prepositions, relative words, numbers, clock forms and separators, and are read
against publication times from 1990 to 2060 in several time zones. A hunt for crashes runs
many more examples: `FUZZ_EXAMPLES=20000 pytest tests/test_extraction_fuzz.py`.
"""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction.dates import tag_dates
from timeline.extraction.mentions import Gazetteer
from timeline.extraction.pipeline import suggest
from timeline.extraction.types import Document, ExtractionError, GazetteerActor, GazetteerPlace

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))
ZONES = [
    ZoneInfo(name)
    for name in (
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Pacific/Kiritimati",  # UTC+14: its New Year is still 31 December in Berlin
        "Pacific/Pago_Pago",  # UTC-11
        "Australia/Lord_Howe",  # a half-hour DST shift
        "Asia/Kathmandu",
    )
]
BERLIN, NEW_YORK = ZONES[1], ZONES[2]

MONTHS = (
    "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November "
    "Dezember Jan Jan. Feb Feb. Febr. Mär. Mrz Apr. Jun. Jul. Aug. Sept. Sep. Okt. Nov. Dez. "
    "January February March April May June July August September October November December "
    "Mar Mar. Oct Oct. Dec Dec."
).split()
WEEKDAYS = (
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag montags freitags "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Fridays"
).split()
PARTS_OF_DAY = (
    "Morgen morgen Vormittag Mittag Nachmittag Abend Nacht Mitternacht früh morning afternoon "
    "evening night tonight noon midday midnight overnight"
).split()
PARTS = "Anfang Anfangs Mitte Ende Beginn early mid mid- late earlier later beginning end".split()
SEASONS = "Frühjahr Frühling Sommer Herbst Winter spring summer autumn fall Fall winter".split()
QUARTERS = [
    "Q1",
    "Q4",
    "Quartal",
    "Jahresviertel",
    "quarter",
    "ersten",
    "vierten",
    "first",
    "final",
]
PREPOSITIONS = (
    "am an vom von bis seit in im zum zu ab um gegen nach vor zwischen der die den dem des "
    "on from to until since before after between the of at by during over"
).split()
RELATIVE = (
    "heute Heute gestern Gestern morgen übermorgen vorgestern heutigen nächste nächsten "
    "kommende kommenden vergangene vergangenen letzte letzten vorige übernächste diese "
    "this next last coming past previous ago vor Vortag Vorjahr Vorwoche vorletzte Vorabend "
    "Folgetag Jahresende Monatsanfang Jahresmitte"
).split() + [
    "this past",
    "this coming",
    "Nacht zu",
    "day after tomorrow",
    "every other",
    "a day later",
    "the previous day",
    "tags darauf",
    "tags zuvor",
    "am Vortag",
    "two days later",
    "zwei Tage später",
    "the day before",
    "the next day",
    "three days after the",
    "einen Tag nach dem",
]
UNITS = (
    "Tag Tage Tagen Woche Wochen Wochenende Monat Monate Monaten Jahr Jahre Jahren Jahres "
    "Jahrzehnt Stunde Stunden day days week weeks weekend month months year years decade "
    "decades hour hours jahrelang täglich wöchentlich daily weekly every jede alle"
).split()
CLOCKS = ["14 Uhr", "14:30", "2 p.m.", "12 a.m.", "9.30 Uhr", "23:59", "24:00", "0 Uhr", "Uhr"]
CLOCKS += ["GMT", "Ortszeit", "p.m.", "am"]
ORDINALS = ["1.", "12.", "29.", "30.", "31.", "0.", "32.", "13.", "1st", "2nd", "3rd", "21st"]
ORDINALS += ["29th", "31st", "0th"]
SEPARATORS = [".", "-", "–", "/", ",", " und ", " and ", " bis ", " to "]
OTHER = (
    "Scholz Putin Biden Lawrow Blinken Nato Russland Moskau Genf Kiew Brüssel Wien Geneva "
    "traf trafen reiste telefonierte verhandeln Gipfel Treffen met talks summit visited will "
    "wird sagte said Krim-Annexion Resolution Soldaten Prozent rund etwa mehr als couple of "
    "a zwei drei two three einige several x Foo"
).split()
WORDS = [
    *MONTHS,
    *WEEKDAYS,
    *PARTS_OF_DAY,
    *PARTS,
    *SEASONS,
    *QUARTERS,
    *PREPOSITIONS,
    *RELATIVE,
    *UNITS,
    *CLOCKS,
    *ORDINALS,
    *SEPARATORS,
    *OTHER,
]
NUMBERS = st.one_of(
    st.integers(0, 40), st.just(99), st.integers(1900, 2100), st.sampled_from([0, 1, 10000])
).map(str)
# The rules ignore case, and the regex engine then equates "ſ" with "s" and "ı", "İ" with "i".
SPELLINGS = [str.upper, str.lower, str.capitalize, lambda w: w.replace("s", "ſ")]
SPELLINGS += [lambda w: w.replace("i", "ı"), lambda w: w.replace("I", "İ").replace("i", "İ")]
RESPELT = st.tuples(st.sampled_from(WORDS), st.sampled_from(SPELLINGS)).map(lambda p: p[1](p[0]))
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, RESPELT, st.text(max_size=4))
# What follows a token: mostly a space, sometimes nothing ("12" "." "3" → "12.3"), or a break.
JOINERS = st.sampled_from(
    [" ", " ", " ", " ", "", "", ", ", ". ", "\n", "/", "-", ".", "\xa0", "\t"]
)
SOUP = st.lists(st.tuples(TOKENS, JOINERS), min_size=1, max_size=24).map(
    lambda pairs: "".join(token + joiner for token, joiner in pairs).strip(" ")
)

# New Year, leap days and DST changes, where a day more or less crosses a boundary.
EDGE_TIMES = [
    datetime(1999, 12, 31, 23, 30, tzinfo=BERLIN),
    datetime(2000, 1, 1, 0, 15, tzinfo=ZONES[3]),
    datetime(2000, 2, 29, 12, 0, tzinfo=BERLIN),
    datetime(2023, 12, 31, 23, 59, tzinfo=ZONES[0]),
    datetime(2024, 1, 1, 0, 0, tzinfo=ZONES[4]),
    datetime(2024, 2, 29, 9, 0, tzinfo=NEW_YORK),
    datetime(2024, 2, 28, 22, 0, tzinfo=BERLIN),
    datetime(2024, 3, 1, 0, 30, tzinfo=BERLIN),
    datetime(2024, 3, 31, 2, 30, tzinfo=BERLIN),  # does not exist: clocks skip to 3:00
    datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=BERLIN),  # happens twice
    datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK),
    datetime(2025, 2, 28, 23, 0, tzinfo=ZONES[5]),
    datetime(2060, 12, 31, 23, 59, tzinfo=ZONES[6]),
    datetime(1990, 1, 1, 0, 0, tzinfo=ZONES[0]),
]
PUBLISHED = st.one_of(
    st.sampled_from(EDGE_TIMES),
    st.datetimes(datetime(1990, 1, 1), datetime(2060, 12, 31), timezones=st.sampled_from(ZONES)),
)
LANGS = st.sampled_from(["de", "en"])
PRECISIONS = {None, "day", "week", "month", "quarter", "season", "year"}
KINDS = {"date", "time", "duration", "set"}

GAZETTEER = Gazetteer(
    [
        GazetteerActor("nato", "NATO", "organization", aliases=("Nato",)),
        GazetteerActor("ru", "Russia", "state", "RU", ("Russland",)),
        GazetteerActor("scholz", "Olaf Scholz", "person", "DE", ("Scholz",)),
        GazetteerActor("putin", "Vladimir Putin", "person", "RU", ("Putin",)),
        GazetteerActor("biden", "Joe Biden", "person", "US", ("Biden",)),
        GazetteerActor("lavrov", "Sergey Lavrov", "person", "RU", ("Lawrow", "Lavrov")),
        GazetteerActor("blinken", "Antony Blinken", "person", "US", ("Blinken",)),
        GazetteerActor("kremlin", "Kremlin", "body", "RU", ("Kreml",), seat="mow"),
    ],
    [
        GazetteerPlace("mow", "Moscow", "RU", population=10_381_222, aliases=("Moskau",)),
        GazetteerPlace("gva", "Geneva", "CH", population=201_741, aliases=("Genf",)),
        GazetteerPlace("kyiv", "Kyiv", "UA", population=2_952_301, aliases=("Kiew",)),
        GazetteerPlace("bru", "Brussels", "BE", population=1_019_022, aliases=("Brüssel",)),
    ],
)

WED = datetime(2022, 1, 12, 3, 55, tzinfo=BERLIN)
# Placeholders a CMS writes for "unknown": the tagger copes, the pipeline declines them.
PLACEHOLDER_TIMES = [
    datetime(1, 1, 1, tzinfo=ZONES[0]),
    datetime(1, 1, 2, 0, 30, tzinfo=ZONES[3]),
    datetime(9999, 12, 31, 23, 59, tzinfo=ZONES[0]),
]

# Phrases that once raised, with the publication time and language that made them raise.
CRASHES = [
    ("He said earlier 2014 was a turning point.", WED, "en"),
    ("later Feb", WED, "en"),  # KeyError: a month has no "later" third
    ("earlier April", WED, "en"),
    ("later December 2023", WED, "en"),
    ("im Sommer und im ſommer", WED, "de"),  # KeyError: "ſommer" matches, is no season word
    ("in the summer, not in the ſummer", WED, "en"),
    ("Winter, im wİnter", WED, "de"),  # "wİnter" lowers to "wi̇nter", with a combining dot
    # The story date quoted the lowered text: "einen tag nach " at the offsets of "Einen Tag …".
    ("Scholz traf am 25. Januar Putin. Einen Tag nach dem Treffen reiste er ab.", WED, "de"),
]


def check_tagger(text, published, lang):
    found = tag_dates(text, published, lang)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert expression.start < expression.end
        assert expression.kind in KINDS
        assert expression.value.precision in PRECISIONS
        value = expression.value
        if value.start is not None and value.end is not None:
            assert value.start <= value.end, expression
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def check_pipeline(text, published, lang):
    if not text.strip():
        return
    suggestions = suggest(Document(body=text), GAZETTEER, published=published, lang=lang)
    for expression in suggestions.dates:
        assert text[expression.start : expression.end] == expression.text
    for event in suggestions.events:
        assert event.end is None or event.start <= event.end, event
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.text, evidence


@pytest.mark.parametrize(("text", "published", "lang"), CRASHES)
def test_phrases_that_once_raised_resolve_quietly(text, published, lang):
    check_tagger(text, published, lang)
    check_pipeline(text, published, lang)


@pytest.mark.parametrize("published", PLACEHOLDER_TIMES)
def test_a_placeholder_publication_time_is_declined_not_a_crash(published):
    text = "Scholz traf Putin am 4. Januar in Moskau, im Q4 und heute. Tags darauf reiste er ab."
    check_tagger(text, published, "de")  # the tagger alone copes: dates it cannot have are left
    with pytest.raises(ExtractionError, match="out of range"):
        suggest(Document(body=text), GAZETTEER, published=published, lang="de")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=SOUP,
    published=st.one_of(PUBLISHED, st.sampled_from(PLACEHOLDER_TIMES)),
    lang=LANGS,
)
def test_word_soup_never_raises_and_offsets_index_the_text(text, published, lang):
    check_tagger(text, published, lang)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup=st.lists(SOUP, min_size=1, max_size=4), published=PUBLISHED, lang=LANGS)
def test_suggest_on_word_soup_never_raises_and_evidence_indexes_the_text(soup, published, lang):
    # Sentences with actors, a place and a trigger, so that events are made from the dates.
    text = " ".join(f"Scholz traf Putin in Moskau {part}." for part in soup)
    check_pipeline(text, published, lang)
