"""`manage.py suggest` and `manage.py evaluate`: the contracts evaluators and editors rely on."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Event

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d27454c361ced20d.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("load_seeds", cities_min_population=100_000, stdout=io.StringIO())


def suggest(*args):
    out = io.StringIO()
    call_command("suggest", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_contract_json_for_the_seed(seeded):
    result = json.loads(suggest(str(SEED)))
    assert result["article"] == {
        "title": "Ukraine-Konflikt Diplomatie auf Hochtouren",
        "published": "2022-01-12T03:55:00+01:00",
        "language": "de",
    }
    keys = {
        "title", "type", "start", "end", "precision", "approximate", "time", "part_of_day",
        "status", "place", "actors", "confidence", "evidence",
    }  # fmt: skip
    assert all(set(event) == keys for event in result["events"])
    places = {(e["place"]["name"], e["place"]["country"]) for e in result["events"] if e["place"]}
    assert places == {("Brussels", "BE"), ("Brest", "FR")}
    brest = next(e for e in result["events"] if e["place"] and e["place"]["name"] == "Brest")
    assert round(brest["place"]["lat"]) == 48 and round(brest["place"]["lon"]) == -4
    text = SEED.read_text(encoding="utf-8")
    for event in result["events"]:
        for evidence in event["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_it_writes_nothing_to_the_database(seeded):
    before = Event.objects.count()
    suggest(str(SEED))
    assert Event.objects.count() == before


def test_published_overrides_the_article(seeded):
    result = json.loads(suggest(str(SEED), "--published", "2022-01-19T08:00"))
    assert result["article"]["published"] == "2022-01-19T08:00:00+01:00"
    assert "2022-01-19" in {event["start"] for event in result["events"]}


def test_the_text_format_reads_as_a_list(seeded):
    text = suggest(str(SEED), "--format", "text")
    assert "3 suggested event(s)" in text
    assert "Brest" in text and "'heute Vormittag'" in text


def test_standard_input_is_read_with_dash(seeded, monkeypatch):
    article = "Die Nato und Russland treffen sich heute in Brüssel.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article)))
    result = json.loads(suggest("-", "--published", "2022-01-12T03:55"))
    assert result["article"]["language"] == "de"
    [event] = result["events"]
    assert (event["start"], event["place"]["name"]) == ("2022-01-12", "Brussels")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Grüße".encode("latin-1"), "not UTF-8"),
        (b"x" * (2 * 1024 * 1024 + 1), "too large"),
        (b"<html><body><div>Men\xc3\xbc</div></body></html>", "no readable article text"),
        (b"Die Minister treffen sich am Montag in Br\xc3\xbcssel.", "no publication time"),
    ],
)
def test_bad_input_exits_with_a_one_line_reason(seeded, tmp_path, content, message):
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    with pytest.raises(CommandError, match=message) as refused:
        suggest(str(article))
    assert "\n" not in str(refused.value)


def test_bad_arguments_exit_non_zero(seeded):
    with pytest.raises(CommandError, match="no such file"):
        suggest("/nonexistent/article.txt")
    with pytest.raises(CommandError, match="--published"):
        suggest(str(SEED), "--published", "yesterday")
    with pytest.raises(CommandError, match="time zone"):
        suggest(str(SEED), "--tz", "Mars/Olympus")


def test_a_failing_command_prints_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    process = subprocess.run(
        [sys.executable, "manage.py", "suggest", str(empty)], capture_output=True, cwd=ROOT
    )
    assert process.returncode != 0
    assert process.stderr.decode().strip().splitlines() == ["CommandError: the article is empty"]


def test_an_empty_gazetteer_is_a_clear_error_not_an_empty_answer():
    with pytest.raises(CommandError, match="gazetteer is empty: run `python manage.py load_seeds`"):
        suggest(str(SEED))
