"""Reading articles: formats, metadata, and the clear one-line refusals of bad input."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from timeline.extraction.language import detect_language
from timeline.extraction.reading import MAX_BYTES, read_document
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import ExtractionError

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d27454c361ced20d.txt"
BERLIN = ZoneInfo("Europe/Berlin")


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
        (
            "NATO allies meet\nDate 12.01.2022\nNATO allies met in Brussels.",
            None,
            datetime(2022, 1, 12, tzinfo=BERLIN),
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
