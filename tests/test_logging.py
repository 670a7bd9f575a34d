"""Structured logs: one JSON line per ingestion and per review action."""

import json
import logging
import sys

from timeline import ingest
from timeline.extraction.reading import read_document
from timeline.logging import JsonFormatter
from timeline.models import Event

from .factories import make_event

ARTICLE = (
    "Nato-Russland-Rat tagt wieder Stand: 12.01.2022 03:55 Uhr\n\n"
    "Der Nato-Russland-Rat kommt heute Vormittag im Brüsseler Hauptquartier zusammen.\n"
)


def records(caplog, event):
    return [record for record in caplog.records if getattr(record, "event", None) == event]


def test_an_ingestion_logs_the_article_its_result_and_duration(caplog, gazetteer):
    caplog.set_level(logging.INFO, logger="timeline")
    document = read_document(ARTICLE)
    first = ingest.ingest_document(document, source="council article")
    again = ingest.ingest_document(document, source="council article")

    new, known = records(caplog, "article_ingested")
    assert (new.article_id, new.result, new.suggestions) == (first.article.pk, "new", 1)
    assert (known.article_id, known.result) == (again.article.pk, "known")
    assert 0 < new.duration_ms < 60_000 and new.source == "council article"

    line = json.loads(JsonFormatter().format(new))
    assert line["event"] == "article_ingested" and line["article_id"] == first.article.pk
    assert line["level"] == "INFO" and line["logger"] == "timeline.ingest"
    assert {"time", "message", "duration_ms", "result"} <= set(line)


def test_a_review_action_logs_who_did_what_and_why(caplog, editor):
    caplog.set_level(logging.INFO, logger="timeline")
    event = make_event("Talks", curation_status=Event.Curation.SUGGESTED)
    event.reject(by=editor, reason="commentary, not an event")

    (action,) = records(caplog, "review_action")
    assert (action.event_id, action.action, action.user) == (event.pk, "rejected", "editor-test")
    assert action.reason == "commentary, not an event"
    assert action.curation_status == "rejected"
    assert json.loads(JsonFormatter().format(action))["reason"] == "commentary, not an event"


def test_the_formatter_writes_one_json_object_per_line_even_with_tracebacks():
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        record = logging.LogRecord("timeline", logging.ERROR, __file__, 1, "x %s", ("ü",), None)
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["message"] == "x ü" and "ValueError" in json.loads(line)["exception"]
