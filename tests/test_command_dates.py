"""`manage.py dates`: text, file or stdin in; resolved expressions out as JSON or text."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d27454c361ced20d.txt"


def run(*args):
    out = io.StringIO()
    call_command("dates", *args, stdout=out)
    return out.getvalue()


def run_json(*args):
    return json.loads(run(*args, "--format", "json"))


def test_it_resolves_a_text_given_inline():
    result = run_json("Der Rat tagt heute Vormittag.", "--published", "2022-01-12T03:55")
    assert result["published"] == "2022-01-12T03:55:00+01:00"
    assert result["expressions"] == [
        {
            "text": "heute Vormittag",
            "start": 13,
            "end": 28,
            "kind": "date",
            "value": {
                "start": "2022-01-12",
                "end": "2022-01-12",
                "precision": "day",
                "time": None,
                "part_of_day": "morning",
                "duration": None,
            },
            "rule": "today+part of day",
        }
    ]


def test_it_reads_a_file_and_detects_german():
    result = run_json(str(SEED), "--published", "2022-01-12T03:55")
    by_text = {e["text"]: e for e in result["expressions"]}
    week = by_text["in dieser Woche"]["value"]
    assert (week["start"], week["end"], week["precision"]) == ("2022-01-10", "2022-01-16", "week")
    assert by_text["mehr als zwei Jahre"]["kind"] == "duration"
    text = SEED.read_text(encoding="utf-8")
    assert all(text[e["start"] : e["end"]] == e["text"] for e in result["expressions"])


def test_it_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The talks ended yesterday.")))
    result = run_json("-", "--published", "2022-01-12T03:55", "--lang", "en")
    assert [(e["text"], e["value"]["start"]) for e in result["expressions"]] == [
        ("yesterday", "2022-01-11")
    ]


def test_an_offset_in_published_wins_over_the_zone():
    result = run_json(
        "today", "--published", "2022-01-12T23:30+00:00", "--tz", "Asia/Tokyo", "--lang", "en"
    )
    assert result["published"] == "2022-01-12T23:30:00+00:00"
    assert result["expressions"][0]["value"]["start"] == "2022-01-12"


def test_a_published_time_without_offset_is_read_in_the_zone():
    result = run_json("today", "--published", "2022-01-12T03:55", "--tz", "America/New_York")
    assert result["published"] == "2022-01-12T03:55:00-05:00"


def test_the_text_format_shows_span_value_and_rule():
    output = run(
        "Der Rat tagt heute Vormittag.", "--published", "2022-01-12T03:55", "--format", "text"
    )
    assert '  13-28  date  "heute Vormittag" → 2022-01-12 (day, morning)  [today+part of day]' in (
        output.splitlines()
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["heute", "--published", "gestern"], "--published: 'gestern' is not an ISO date-time"),
        (["heute", "--published", "2022-01-12", "--tz", "Mars/Base"], "unknown time zone"),
        (["   ", "--published", "2022-01-12T03:55"], "empty"),
    ],
)
def test_bad_input_is_a_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_binary_and_non_utf8_files_are_refused(tmp_path):
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Am Montag trafen sich die Minister in Brüssel.".encode("latin-1"))
    with pytest.raises(CommandError, match="binary"):
        run(str(binary), "--published", "2022-01-12T03:55")
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(latin), "--published", "2022-01-12T03:55")


def test_the_command_line_exits_non_zero_with_one_line_for_a_bad_date():
    completed = subprocess.run(
        [sys.executable, "manage.py", "dates", "heute", "--published", "12/01/2022 kurz nach 4"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode != 0
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "--published" in lines[0] and "Traceback" not in completed.stderr
