"""Reading articles: formats, metadata, and the clear one-line refusals of bad input."""

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.language import detect_language
from timeline.extraction.reading import MAX_BYTES, read_document
from timeline.extraction.sentences import _BOUNDARY, split_sentences
from timeline.extraction.types import ExtractionError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d27454c361ced20d.txt"
DEVSETS = ("tests/devset", "tests/devset2", "tests/devset3", "tests/devset4")
# Sets from outlets around the world: many print no zone, and the reader takes Berlin's.
LATER_SETS = tuple(f"tests/devset{n}" for n in range(5, 13))
# Stamps the reader does not find yet: a byline run into the stamp ("Markus Brändle
# 03.12.2025 - 19:14 Uhr"), a sentence ("Dieser Inhalt wurde am … publiziert"), an outlet's
# name or a kicker before it ("Ahram Online , Sunday 25 August 2024", "Politics  September 3").
UNREAD_STAMPS = {
    "020_pbs-rubio-sheinbaum-security-group",
    "006_stuttgarter-nato-aussenminister-bruessel-rubio",
    "010_swissinfo-osze-minsk-gruppe-aufloesung",
    "017_ahramonline-cairo-gaza-ceasefire-talks",
}
BERLIN = ZoneInfo("Europe/Berlin")


def utc(hours):
    return timezone(timedelta(hours=hours))


def test_the_seed_article_gives_title_time_author_and_language():
    document = read_document(SEED.read_bytes())
    assert document.title == "Ukraine-Konflikt Diplomatie auf Hochtouren"
    assert document.published == datetime(2022, 1, 12, 3, 55, tzinfo=BERLIN)
    assert document.author == "Helga Schmidt, ARD-Studio Brüssel"
    assert document.language == "de"
    assert document.body == SEED.read_text(encoding="utf-8")
    stamp = document.metadata[0]
    assert document.body[stamp[0] : stamp[1]] == "Stand: 12.01.2022 03:55 Uhr"


@pytest.mark.parametrize(
    ("text", "outlet", "published"),
    [
        (
            "Berlin (dpa) - Scholz reist am Montag nach Kiew.",
            "dpa",
            None,
        ),
        (
            "BRUSSELS, Jan 12 (Reuters) - NATO and Russia met on Wednesday.",
            "Reuters",
            None,
        ),
        ("Frankfurt (Oder) (dpa) - Baerbock und Sikorski trafen sich.", "dpa", None),
        ("London (epd). Der Erzbischof traf den Papst.", "epd", None),
        ("Berlin (RND/dpa) - Scholz reist nach Kiew.", "RND", None),
        (
            "NATO allies meet\nDate 12.01.2022\nNATO allies met in Brussels.",
            None,
            datetime(2022, 1, 12, 12, 0, tzinfo=BERLIN),
        ),
        (
            "Gipfel in Rom\nVeröffentlicht am 30.10.2021, 14:10 Uhr\nDie G20 tagen in Rom.",
            None,
            datetime(2021, 10, 30, 14, 10, tzinfo=BERLIN),
        ),
        (
            "19.03.2023, 08:30 Uhr\n\nEinigung in Ohrid\n\nOhrid (dpa) - Serbien und Kosovo einigen sich.",
            "dpa",
            datetime(2023, 3, 19, 8, 30, tzinfo=BERLIN),
        ),
        (
            "18.02.2024 | 19:40 Uhr\n\nAU-Gipfel endet\n\nAddis Abeba (AFP) - Der Gipfel endet.",
            "AFP",
            datetime(2024, 2, 18, 19, 40, tzinfo=BERLIN),
        ),
        (
            "Summit\n2022-02-18T09:30:00+01:00\nLeaders gather in Munich.",
            None,
            datetime(2022, 2, 18, 9, 30, tzinfo=BERLIN),
        ),
    ],
)
def test_it_reads_agency_formats(text, outlet, published):
    document = read_document(text.encode())
    assert document.outlet == outlet
    assert document.published == published


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        # Reuters, with the zone it prints for local readers
        ("January 12, 2022 4:05 PM GMT", datetime(2022, 1, 12, 16, 5, tzinfo=utc(0))),
        ("November 15, 2023 5:10 PM PST", datetime(2023, 11, 15, 17, 10, tzinfo=utc(-8))),
        ("January 27, 2024 1:15 PM GMT+7", datetime(2024, 1, 27, 13, 15, tzinfo=utc(7))),
        ("November 29, 2024 6:42 PM GMT+1", datetime(2024, 11, 29, 18, 42, tzinfo=utc(1))),
        ("Jan. 12, 2022 12:20 AM UTC", datetime(2022, 1, 12, 0, 20, tzinfo=utc(0))),
        ("Sept. 5, 2023 12:30 PM EDT", datetime(2023, 9, 5, 12, 30, tzinfo=utc(-4))),
        # AP: the time before the date
        ("Updated 10:47 AM EST, January 21, 2022", datetime(2022, 1, 21, 10, 47, tzinfo=utc(-5))),
        ("Updated 4:50 PM EDT, March 11, 2025", datetime(2025, 3, 11, 16, 50, tzinfo=utc(-4))),
        # BBC, AFP English, Bloomberg, Politico Europe, Guardian
        ("Published: 19 June 2024, 15:20 BST", datetime(2024, 6, 19, 15, 20, tzinfo=utc(1))),
        (
            "Published on November 21, 2025 - 10:14 CET",
            datetime(2025, 11, 21, 10, 14, tzinfo=utc(1)),
        ),
        ("March 16, 2023 at 7:12 AM EDT", datetime(2023, 3, 16, 7, 12, tzinfo=utc(-4))),
        ("June 15, 2025 8:04 pm CEST", datetime(2025, 6, 15, 20, 4, tzinfo=utc(2))),
        ("Wednesday, May 8, 2024 15.48 BST", datetime(2024, 5, 8, 15, 48, tzinfo=utc(1))),
        # DW: the zone is the one printed, even on the day the clocks change
        ("Date 27.02.2023 | 21:05 CET", datetime(2023, 2, 27, 21, 5, tzinfo=utc(1))),
        ("Date 26.10.2025 | 14:20 CET", datetime(2025, 10, 26, 14, 20, tzinfo=utc(1))),
        # German stamps without a zone are Berlin time; a date alone stands for noon
        ("24. Juni 2024, 15:47 Uhr", datetime(2024, 6, 24, 15, 47, tzinfo=BERLIN)),
        ("4. Nov. 2022, 19:32 Uhr", datetime(2022, 11, 4, 19, 32, tzinfo=BERLIN)),
        ("Beitrag vom 22.10.2024, 17:10 Uhr", datetime(2024, 10, 22, 17, 10, tzinfo=BERLIN)),
        ("Kommentar vom 24.02.2024", datetime(2024, 2, 24, 12, 0, tzinfo=BERLIN)),
        ("Aktualisiert am 10.05.2025-23:18", datetime(2025, 5, 10, 23, 18, tzinfo=BERLIN)),
        ("Datum: 18.03.2023 23:10 Uhr", datetime(2023, 3, 18, 23, 10, tzinfo=BERLIN)),
        ("Samstag, 21.09.2024, 23:50 Uhr", datetime(2024, 9, 21, 23, 50, tzinfo=BERLIN)),
        ("31.01.2023, 00.40 Uhr", datetime(2023, 1, 31, 0, 40, tzinfo=BERLIN)),
        ("Veröffentlicht am 07.04.2022 um 22:47 Uhr", datetime(2022, 4, 7, 22, 47, tzinfo=BERLIN)),
        ("Erstellt: 12.02.2026, 08:30 Uhr", datetime(2026, 2, 12, 8, 30, tzinfo=BERLIN)),
        # what follows the stamp on its line: reading time, section, outlet, country
        (
            "16.03.2025 - 09:12 Uhr | Lesedauer: 2 Min.",
            datetime(2025, 3, 16, 9, 12, tzinfo=BERLIN),
        ),
        (
            "Veröffentlicht am 04.02.2025 | Lesedauer: 6 Minuten",
            datetime(2025, 2, 4, 12, 0, tzinfo=BERLIN),
        ),
        (
            "November 24, 2025 10:15 PM · 5 min read",
            datetime(2025, 11, 24, 22, 15, tzinfo=BERLIN),
        ),
        ("Updated April 2, 2025 - World", datetime(2025, 4, 2, 12, 0, tzinfo=BERLIN)),
        ("UPDATED September 5, 2023, 8:39 PM", datetime(2023, 9, 5, 20, 39, tzinfo=BERLIN)),
        (
            "Von Anna Mertens (KNA) | Beirut, 30.11.2025, 19:35 Uhr",
            datetime(2025, 11, 30, 19, 35, tzinfo=BERLIN),
        ),
        (
            "Updated on: March 3, 2025 / 6:05 PM EST / CBS News",
            datetime(2025, 3, 3, 18, 5, tzinfo=utc(-5)),
        ),
        (
            "Wednesday 12 February 2025 09:30, UK",
            datetime(2025, 2, 12, 9, 30, tzinfo=ZoneInfo("Europe/London")),
        ),
        # France 24, CNN, Times of India, RNZ, US outlets in "ET"
        ("Issued on: 14 March 2025 - 10:05", datetime(2025, 3, 14, 10, 5, tzinfo=BERLIN)),
        ("Updated 11:20 AM EST, Tue March 4, 2025", datetime(2025, 3, 4, 11, 20, tzinfo=utc(-5))),
        (
            "Updated: October 3, 2025, 14:10 IST",
            datetime(2025, 10, 3, 14, 10, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("6:30 pm on 12 March 2024", datetime(2024, 3, 12, 18, 30, tzinfo=BERLIN)),
        ("12. Juni 2025 · 19:48", datetime(2025, 6, 12, 19, 48, tzinfo=BERLIN)),
        (
            "02.04.2025, 17:05 · Aktualisiert: 02.04.2025, 19:36",
            datetime(2025, 4, 2, 17, 5, tzinfo=BERLIN),
        ),
        (
            "Publiziert: 12.12.2024 um 07:15 Uhr | Aktualisiert: 12.12.2024 um 10:02 Uhr",
            datetime(2024, 12, 12, 7, 15, tzinfo=BERLIN),
        ),
        ("20.06.2025 - Update : 20.06.2025", datetime(2025, 6, 20, 12, 0, tzinfo=BERLIN)),
        (
            "Published - July 24, 2025 08:40 pm IST",
            datetime(2025, 7, 24, 20, 40, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        (
            "Posted Monday, February 3, 2025 at 2:12 PM ET",
            datetime(2025, 2, 3, 14, 12, tzinfo=ZoneInfo("America/New_York")),
        ),
        # East African, Pakistani and Gulf outlets print their zones
        ("Monday, March 3, 2025 — 08:15 EAT", datetime(2025, 3, 3, 8, 15, tzinfo=utc(3))),
        ("March 3, 2025 08:15 PKT", datetime(2025, 3, 3, 8, 15, tzinfo=utc(5))),
        ("March 3, 2025 | 08:15 GST", datetime(2025, 3, 3, 8, 15, tzinfo=utc(4))),
        # the Telegraph's bullet between the day and the time
        ("17 March 2025 • 9:47pm", datetime(2025, 3, 17, 21, 47, tzinfo=BERLIN)),
        # a news agency's name before the stamp; a city and a bullet; a byline and "am"
        (
            "JIJI PRESS - March 3, 2025 - 08:15 | Politics, Asia",
            datetime(2025, 3, 3, 8, 15, tzinfo=BERLIN),
        ),
        ("Manila ● Mon, March 3, 2025", datetime(2025, 3, 3, 12, 0, tzinfo=BERLIN)),
        ("VON ANNA BERG am 3. März 2025", datetime(2025, 3, 3, 12, 0, tzinfo=BERLIN)),
        # Turkish time is "TSİ"; Luxembourg's and France's "17h20"
        ("Ankara, 03.03.2025 | 09:30 TSİ", datetime(2025, 3, 3, 9, 30, tzinfo=utc(3))),
        ("03.03.2025, 17h20 · Lesezeit 4 Min.", datetime(2025, 3, 3, 17, 20, tzinfo=BERLIN)),
        # Morocco World News gives the offset in brackets
        (
            "Tuesday 4 March 2025, 18:40 (GMT+1)",
            datetime(2025, 3, 4, 18, 40, tzinfo=utc(1)),
        ),
        # a byline opening the line: after a middle dot, or spaces, with a 12-hour clock and
        # the offset from GMT
        ("von Petra Huber · 03.03.2025 · 08:15", datetime(2025, 3, 3, 8, 15, tzinfo=BERLIN)),
        (
            "By Minh Chau   Friday, March 7, 2025 | 08:15 pm GMT+7",
            datetime(2025, 3, 7, 20, 15, tzinfo=utc(7)),
        ),
        # the Philippine Daily Inquirer's byline, role and outlet, then the time before the date
        (
            "By: Ana P. Santos - Correspondent / Manila Daily / 09:05 PM March 3, 2025",
            datetime(2025, 3, 3, 21, 5, tzinfo=BERLIN),
        ),
        # the town before the date after a middle dot; the Kathmandu Post's "Published at :"
        ("Genf · 03.03.2025, 18:40 Uhr", datetime(2025, 3, 3, 18, 40, tzinfo=BERLIN)),
        ("Published at : March 4, 2025 20:35", datetime(2025, 3, 4, 20, 35, tzinfo=BERLIN)),
    ],
)
def test_it_reads_the_stamp_line_as_publication_time_not_title(stamp, published):
    headline = "Talks end without a deal"
    text = f"{headline}\n\nA teaser on the talks.\n\n{stamp}\n\nThe ministers met on Monday."
    document = read_document(text.encode())
    assert document.published == published
    assert document.published.utcoffset() == published.utcoffset()
    assert document.title == headline
    assert {document.body[start:end] for start, end in document.metadata} == {stamp}


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("POLITIK AUSLAND\n\nScholz reist nach Kiew", "Scholz reist nach Kiew"),
        ("Kanzler in Ostafrika\n\nScholz wirbt in Kenia um Fachkräfte", "Scholz wirbt in Kenia um Fachkräfte"),
        # a short headline above its teaser stays the headline
        ("Scholz trifft Selenskyj\n\nDer Kanzler ist in Kiew eingetroffen.", "Scholz trifft Selenskyj"),
        # a section path, however long, is where the page sits
        ("Tages-Anzeiger › International › Krieg im Nahen Osten\n\nAtomgespräche in Genf: Europa sucht den Draht", "Atomgespräche in Genf: Europa sucht den Draht"),
        ("News > World > Europe\n\nTalks in Geneva", "Talks in Geneva"),
        # a section and its part, with one separator, above a headline that names a year
        ("NEWSINFO / Nation\n\nAsean ministers stick to 2026 goal for sea code at Cebu retreat", "Asean ministers stick to 2026 goal for sea code at Cebu retreat"),
        ("TRT Deutsch › Türkei\n\nMerz in Ankara, Waffenruhe-Gespräche in Istanbul: Die Türkei als diplomatische Drehscheibe", "Merz in Ankara, Waffenruhe-Gespräche in Istanbul: Die Türkei als diplomatische Drehscheibe"),
        # the outlet's name and a section line, both above the headline
        ("The Daily Planet\n\nPolitics / Business\n\nScholz and Macron agree to hold talks", "Scholz and Macron agree to hold talks"),
    ],
)  # fmt: skip
def test_a_section_or_kicker_above_the_headline_is_not_the_title(head, title):
    text = f"{head}\n\n12.01.2022, 13:05 Uhr\n\nDer Kanzler traf am Montag den Präsidenten."
    assert read_document(text.encode()).title == title


def test_the_first_of_a_published_and_an_updated_line_is_the_publication_time():
    text = (
        "Talks end without a deal\n\nBishal Rai\nPublished at : March 4, 2025 20:35\n"
        "Updated at : March 5, 2025 09:10\n\nThe ministers met on Monday."
    )
    assert read_document(text.encode()).published == datetime(2025, 3, 4, 20, 35, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("stamp", "place"),
    [
        ("Genf · 03.03.2025, 18:40 Uhr", "Genf"),
        ("Manila ● Mon, March 3, 2025", "Manila"),
        ("Von Anna Mertens (KNA) | Beirut, 30.11.2025, 19:35 Uhr", "Beirut"),
        # a byline names the author, not the place the report is filed from
        ("von Petra Huber · 03.03.2025 · 08:15", None),
    ],
)
def test_a_town_before_the_date_is_where_the_report_is_filed_from(stamp, place):
    text = f"Talks end without a deal\n\n{stamp}\n\nThe ministers met on Monday."
    document = read_document(text.encode())
    assert document.published is not None
    filed = document.body[slice(*document.dateline)] if document.dateline else None
    assert filed == place


def test_a_stamp_above_the_headline_is_not_the_title():
    document = read_document("Sa, 11.05.2024, 17:20 Uhr\n\nGespräche in Almaty\n\nText.".encode())
    assert document.published == datetime(2024, 5, 11, 17, 20, tzinfo=BERLIN)
    assert document.title == "Gespräche in Almaty"


@pytest.mark.parametrize(
    "text",
    [
        "Gipfel in Rom\nAm 24. Juni 2024 trafen sich die Minister in Luxemburg.\nMehr folgt.",
        "Talks\nThe ministers met on January 12, 2022 4:05 PM GMT in Brussels.\nMore soon.",
        "Talks\nThey last met in Geneva on January 12, 2022\nMore soon.",
        "Talks\nJanuary 12, 2022 4:05 PM XYZ\nThe ministers met.",  # a zone we cannot place
        # nor is the date alone, as noon, when the time after it cannot be read
        "Gespräche\nAnkara, 03.03.2025 | 09:30 Ortszeit\nDie Minister trafen sich.",
        # "by" and "von" in a sentence are no byline
        "Talks\nThe ministers must agree by Friday March 7, 2025\nMore soon.",
        "Talks\nDie Rede von Olaf Scholz · 03.03.2025\nMehr folgt.",
        "Talks\n" + "The ministers met in Brussels.\n" * 60 + "January 12, 2022 4:05 PM GMT\n",
    ],
)
def test_dates_in_sentences_or_past_the_head_are_no_stamp(text):
    document = read_document(text.encode())
    assert document.published is None
    assert document.metadata == ()


@pytest.mark.parametrize(
    ("folder", "record"),
    [
        pytest.param(
            folder,
            record,
            marks=[pytest.mark.xfail(strict=True)] if record["id"] in UNREAD_STAMPS else [],
        )
        for folder in (*DEVSETS, *LATER_SETS)
        for record in json.loads((ROOT / folder / "gold.json").read_text(encoding="utf-8"))
    ],
    ids=lambda value: value.get("id") if isinstance(value, dict) else value,
)
def test_it_finds_the_gold_publication_time_of_every_dev_article(folder, record):
    document = read_document((ROOT / folder / record["file"]).read_bytes())
    gold = datetime.fromisoformat(record["published"])
    assert document.published is not None
    assert document.published.replace(tzinfo=None) == gold.replace(tzinfo=None)
    if folder in DEVSETS:
        # The later sets' outlets often print no zone; the reader then takes Berlin's.
        assert document.published.utcoffset() == gold.utcoffset()


def test_windows_line_endings_are_normalised():
    document = read_document(b"Titel\r\n\r\nDie Minister treffen sich heute in Brest.")
    assert "\r" not in document.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Grüße aus Köln".encode("latin-1"), "not UTF-8"),
        (b"a" * (MAX_BYTES + 1), "too large"),
        (b"<html><body><nav>Menu</nav></body></html>", "no readable article text"),
    ],
)
def test_bad_input_is_refused_with_a_one_line_reason(data, reason):
    with pytest.raises(ExtractionError) as refused:
        read_document(data)
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)


def test_html_pages_give_main_text_title_and_date():
    html = """<!doctype html><html lang="de"><head><title>Nato-Russland-Rat tagt</title>
    <meta property="article:published_time" content="2022-01-12T03:55:00+01:00"></head>
    <body><nav>Startseite Politik</nav><article><h1>Nato-Russland-Rat tagt</h1>
    <p>Dafür wird heute Vormittag auch der Nato-Russland-Rat wiederbelebt. Er war auf Eis
    gelegt, mehr als zwei Jahre kam keine einzige Sitzung zustande.</p>
    <p>Nach dem Nato-Russland-Rat fährt Stoltenberg zur nächsten Konferenz nach Brest.</p>
    </article><footer>Impressum</footer></body></html>"""
    document = read_document(html.encode())
    assert document.title == "Nato-Russland-Rat tagt"
    assert "heute Vormittag" in document.body
    assert "Impressum" not in document.body
    assert document.published is not None
    assert document.published.date().isoformat() == "2022-01-12"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Außenminister treffen sich am Montag in Brüssel.", "de"),
        ("The foreign ministers will meet in Brussels on Monday.", "en"),
        ("Der Nato-Russland-Rat wird wiederbelebt, sagte Stoltenberg.", "de"),
        ("Blinken and Lavrov met in Geneva for talks that lasted 90 minutes.", "en"),
    ],
)
def test_language_is_detected(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Er kam am 12. Januar. Sie ging.", ["Er kam am 12. Januar.", "Sie ging."]),
        ("Dr. Müller sagte das. Gut.", ["Dr. Müller sagte das.", "Gut."]),
        ("Am 12.01. trafen sie sich. Dann nicht.", ["Am 12.01. trafen sie sich.", "Dann nicht."]),
        ("Titel\n\nErster Satz! Zweiter?", ["Titel", "Erster Satz!", "Zweiter?"]),
        ('"Wir reden", sagte er. "Gut."', ['"Wir reden", sagte er.', '"Gut."']),
        (
            "The U.S. envoy met Mr. Lavrov. Talks ended.",
            ["The U.S. envoy met Mr. Lavrov.", "Talks ended."],
        ),
    ],
)
def test_sentences_keep_ordinals_and_abbreviations_whole(text, sentences):
    assert [text[start:end] for start, end in split_sentences(text)] == sentences


def test_sections_kickers_and_author_lines_in_the_head_are_metadata_not_story():
    text = (
        "POLITIK AUSLAND\n\nScholz und Tokajew beraten in Astana\n\nAndreas Muster, Astana\n\n"
        "17.09.2024, 18.30 Uhr\n\nBundeskanzler Olaf Scholz hat am Dienstag in der kasachischen "
        "Hauptstadt den Präsidenten getroffen.\n\nKurz gesagt\n"
    )
    document = read_document(text.encode())
    assert document.title == "Scholz und Tokajew beraten in Astana"
    hidden = [document.body[start:end] for start, end in document.metadata]
    assert "POLITIK AUSLAND" in hidden and "Andreas Muster, Astana" in hidden
    # past the story's first paragraph of prose, a short line is the story's own
    assert "Kurz gesagt" not in hidden


# The boundary pattern as first written: each alternative in turn, behind a lookahead.
_PLAIN_BOUNDARY = re.compile(
    r"(?=[.!?…\n])(?:[.!?…]+[\"'”“»«)]*(?=\s+[\"'„“»«(]?[A-ZÄÖÜ0-9])|\n\s*\n|\n)"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab A9.!?…\n \t\"'”“»«()„", max_size=60))
def test_the_sentence_boundaries_are_those_of_the_plain_pattern(text):
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [
        m.span() for m in _PLAIN_BOUNDARY.finditer(text)
    ]
