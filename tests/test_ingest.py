"""The ingestion workflow: one article in, suggested events and citations out (timeline/ingest.py).

Most tests script the engine's output, so that they state the workflow's rules exactly; the last
ones run the real engine on the seed article.
"""

from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from timeline import ingest
from timeline.extraction import dedup
from timeline.extraction.reading import read_document
from timeline.extraction.types import Candidate, Document, Evidence, GazetteerActor, GazetteerPlace
from timeline.models import Article, Citation, Event, Participation

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
PUBLISHED = datetime(2022, 1, 12, 3, 55, tzinfo=BERLIN)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d27454c361ced20d.txt"
TEXT = (
    "Nato-Russland-Rat tagt wieder Stand: 12.01.2022 03:55 Uhr\n\n"
    "Heute kommt der Nato-Russland-Rat in Brüssel zusammen. "
    "Die USA und Russland hatten am Montag in Genf verhandelt."
)


def candidate(
    start, *, type="session", place=None, actors=(), status="reported", text=TEXT, phrase="tagt"
):
    begin = text.index(phrase)
    return Candidate(
        title=f"{type} on {start}",
        type=type,
        start=start,
        end=None,
        precision="day",
        approximate=False,
        time=None,
        part_of_day=None,
        status=status,
        place=None if place is None else GazetteerPlace(str(place.pk), place.name, place.country),
        actors=tuple(GazetteerActor(str(a.pk), a.name, a.kind) for a in actors),
        confidence=0.8,
        evidence=(Evidence("trigger", begin, begin + len(phrase), phrase),),
        date_rule="weekday+past tense",
        sentence=(begin, begin + 40),
        extra={"date_text": "am Montag"},
    )


@pytest.fixture
def engine(monkeypatch):
    """Script what the engine suggests: `engine.events = [...]`."""
    scripted = SimpleNamespace(events=[], calls=0)

    def suggest(document, published, lang, fresh=False):
        scripted.calls += 1
        return SimpleNamespace(
            language=lang or "de",
            published=published or document.published,
            events=tuple(scripted.events),
        )

    monkeypatch.setattr(ingest, "_suggest", suggest)
    return scripted


def document(text=TEXT, url=None):
    return Document(body=text, title="Nato-Russland-Rat tagt wieder", published=PUBLISHED, url=url)


def test_it_stores_the_article_snapshot_and_suggested_events(engine, gazetteer):
    engine.events = [
        candidate(date(2022, 1, 12), place=gazetteer.brussels, actors=[gazetteer.council]),
        candidate(
            date(2022, 1, 14),
            type="meeting",
            place=gazetteer.geneva,
            actors=[gazetteer.usa, gazetteer.russia],
            status="announced",
            phrase="verhandelt",
        ),
    ]
    result = ingest.ingest_document(document(url="https://example.org/a"), source="seed")

    assert result.created and result.suggestions == 2 and result.corroborated == 0
    article = Article.objects.get()
    assert article.text == TEXT and article.url == "https://example.org/a"
    assert article.published_at == PUBLISHED and article.timezone == "Europe/Berlin"
    assert article.title == "Nato-Russland-Rat tagt wieder" and article.language == "de"
    first, second = Event.objects.order_by("start")
    assert first.curation_status == Event.Curation.SUGGESTED
    assert first.occurrence_status == Event.Occurrence.HELD
    assert second.occurrence_status == Event.Occurrence.ANNOUNCED
    assert first.place == gazetteer.brussels and first.corroboration == 1
    assert set(second.participants.all()) == {gazetteer.usa, gazetteer.russia}


def test_it_stores_evidence_spans_and_how_the_date_was_resolved(engine, gazetteer):
    engine.events = [candidate(date(2022, 1, 10), actors=[gazetteer.council], phrase="am Montag")]
    ingest.ingest_document(document())

    citation = Citation.objects.get()
    span = citation.evidence[0]
    assert citation.article.text[span["start"] : span["end"]] == span["text"] == "am Montag"
    assert citation.date_resolution == {
        "text": "am Montag",
        "rule": "weekday+past tense",
        "anchor": "2022-01-12T03:55:00+01:00",
        "value": "2022-01-10",
        "precision": "day",
    }


def test_the_same_text_or_url_again_creates_nothing(engine, gazetteer):
    engine.events = [candidate(date(2022, 1, 12), place=gazetteer.brussels)]
    first = ingest.ingest_document(document(url="https://example.org/a"))
    again = ingest.ingest_document(document(url="https://example.org/a"))
    same_url = ingest.ingest_document(document(TEXT + " Update.", url="https://example.org/a"))
    same_text = ingest.ingest_document(document(url="https://example.org/copy"))

    assert first.created
    for result in (again, same_url, same_text):
        assert not result.created and result.article == first.article
        assert result.message.endswith("already known")
    assert (Article.objects.count(), Event.objects.count(), Citation.objects.count()) == (1, 1, 1)
    assert engine.calls == 1


@pytest.mark.parametrize("curation", ["approved", "suggested"])
def test_a_known_event_is_corroborated_not_duplicated(engine, gazetteer, curation):
    known = Event.objects.create(
        title="NATO-Russia Council session",
        type="session",
        start=date(2022, 1, 12),
        place=gazetteer.brussels,
        curation_status=curation,
        corroboration=1,
    )
    engine.events = [candidate(date(2022, 1, 12), type="meeting", place=gazetteer.brussels)]
    result = ingest.ingest_document(document())

    assert result.suggestions == 0 and result.corroborated == 1
    assert Event.objects.get() == known
    known.refresh_from_db()
    assert known.corroboration == 2 and known.curation_status == curation
    assert Citation.objects.get().event == known


def test_two_shared_actors_are_the_same_event_one_is_not(engine, gazetteer):
    known = Event.objects.create(title="Talks", type="meeting", start=date(2022, 1, 10))
    Participation.objects.create(event=known, actor=gazetteer.usa)
    Participation.objects.create(event=known, actor=gazetteer.russia)
    engine.events = [
        candidate(date(2022, 1, 10), type="negotiation", actors=[gazetteer.usa, gazetteer.russia]),
        candidate(date(2022, 1, 10), type="meeting", actors=[gazetteer.usa, gazetteer.nato]),
    ]
    result = ingest.ingest_document(document())

    assert (result.corroborated, result.suggestions) == (1, 1)
    assert Event.objects.count() == 2


@pytest.mark.parametrize("curation", ["rejected", "merged"])
def test_closed_events_are_not_corroborated(engine, gazetteer, curation):
    Event.objects.create(
        title="x", type="session", start=date(2022, 1, 12), place=gazetteer.brussels,
        curation_status=curation,
    )  # fmt: skip
    engine.events = [candidate(date(2022, 1, 12), place=gazetteer.brussels)]
    result = ingest.ingest_document(document())

    assert result.suggestions == 1 and result.corroborated == 0


def test_other_dates_or_incompatible_types_are_other_events(engine, gazetteer):
    Event.objects.create(
        title="x", type="session", start=date(2022, 1, 12), place=gazetteer.brussels
    )
    engine.events = [
        candidate(date(2022, 1, 13), place=gazetteer.brussels),
        candidate(date(2022, 1, 12), type="sanction", place=gazetteer.brussels),
    ]
    assert ingest.ingest_document(document()).suggestions == 2


def test_a_crash_in_the_engine_leaves_nothing_behind(monkeypatch, gazetteer):
    def explode(*args, **kwargs):
        raise RuntimeError("engine bug")

    monkeypatch.setattr(ingest, "_suggest", explode)
    with pytest.raises(RuntimeError):
        ingest.ingest_document(document())
    assert not Article.objects.exists()


def test_a_crash_while_writing_leaves_no_half_written_article(engine, gazetteer, monkeypatch):
    engine.events = [
        candidate(date(2022, 1, 12), place=gazetteer.brussels),
        candidate(date(2022, 1, 20), place=gazetteer.geneva),
    ]
    calls = []

    def fail_on_second(candidate, known):
        calls.append(candidate)
        if len(calls) == 2:
            raise RuntimeError("crash after the first event was written")
        return None

    monkeypatch.setattr(ingest, "find_same", fail_on_second)
    with pytest.raises(RuntimeError):
        ingest.ingest_document(document())
    assert len(calls) == 2
    assert not Article.objects.exists()
    assert not Event.objects.exists() and not Citation.objects.exists()


def test_without_a_publication_time_it_asks_for_one(gazetteer, real_engine):
    with pytest.raises(ingest.ExtractionError, match="publication time"):
        ingest.ingest_document(Document(body="Die Nato trifft sich am Montag in Brüssel."))
    assert not Article.objects.exists()


# reingest: the engine runs again over a stored article, e.g. after gazetteer edits.


def test_reingest_updates_suggestions_without_duplicating(engine, gazetteer):
    engine.events = [candidate(date(2022, 1, 12), actors=[gazetteer.council])]
    article = ingest.ingest_document(document()).article
    event = Event.objects.get()

    # The editor has since added Brussels to the gazetteer: the engine now finds the place.
    engine.events = [
        candidate(date(2022, 1, 12), actors=[gazetteer.council], place=gazetteer.brussels)
    ]
    ingest.reingest(article)
    ingest.reingest(article)

    assert Event.objects.get() == event
    event.refresh_from_db()
    assert event.place == gazetteer.brussels and event.corroboration == 1
    assert Citation.objects.count() == 1


def test_reingest_leaves_approved_and_rejected_events_alone(engine, gazetteer):
    engine.events = [
        candidate(date(2022, 1, 12), place=gazetteer.brussels, phrase="tagt"),
        candidate(date(2022, 1, 10), place=gazetteer.geneva, phrase="verhandelt"),
    ]
    article = ingest.ingest_document(document()).article
    approved, rejected = Event.objects.order_by("-start")
    Event.objects.filter(pk=approved.pk).update(curation_status="approved", title="Edited")
    Event.objects.filter(pk=rejected.pk).update(curation_status="rejected")

    engine.events = [
        candidate(date(2022, 1, 12), place=gazetteer.brussels, actors=[gazetteer.council]),
        candidate(date(2022, 1, 10), place=gazetteer.geneva, phrase="verhandelt"),
    ]
    result = ingest.reingest(article)

    assert result.suggestions == 0
    assert Event.objects.count() == 2
    approved.refresh_from_db()
    assert approved.title == "Edited" and not approved.participants.exists()
    assert Event.objects.get(pk=rejected.pk).curation_status == "rejected"
    assert Citation.objects.filter(event=rejected, article=article).exists()


def test_reingest_withdraws_a_suggestion_the_engine_no_longer_makes(engine, gazetteer):
    engine.events = [candidate(date(2022, 1, 12), place=gazetteer.brussels)]
    article = ingest.ingest_document(document()).article
    engine.events = []
    ingest.reingest(article)
    assert not Event.objects.exists() and not Citation.objects.exists()
    assert Article.objects.get() == article


# The identity rule against known events, without the database.


def known(key, start, *, type="session", place=None, actors=(), curation="suggested"):
    return dedup.KnownEvent(key, type, start, None, "day", place, frozenset(actors), curation)


def bare(start, *, type="session", place=None, actors=()):
    return Candidate(
        "t", type, start, None, "day", False, None, None, "reported",
        GazetteerPlace(place, "", "") if place else None,
        tuple(GazetteerActor(a, "", "") for a in actors), 0.5, (),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (bare(date(2022, 1, 12), place="1"), "same place"),
        (bare(date(2022, 1, 12), type="meeting", actors=["a", "b"]), "two actors"),
        (bare(date(2022, 1, 12), actors=["a"]), None),
        (bare(date(2022, 1, 13), place="1"), None),
        (bare(date(2022, 1, 12), type="sanction", place="1"), None),
    ],
)
def test_find_same_applies_the_identity_rule(new, expected):
    events = [
        known("same place", date(2022, 1, 12), place="1"),
        known("two actors", date(2022, 1, 12), place="2", actors=["a", "b", "c"]),
    ]
    match = dedup.find_same(new, events)
    assert (match.key if match else None) == expected


def test_find_same_prefers_the_approved_event():
    events = [
        known(1, date(2022, 1, 12), place="1"),
        known(2, date(2022, 1, 12), place="1", curation="approved"),
    ]
    assert dedup.find_same(bare(date(2022, 1, 12), place="1"), events).key == 2


def test_a_week_precise_event_contains_its_days():
    week = dedup.KnownEvent(7, "meeting", date(2022, 1, 10), None, "week", "1", frozenset())
    assert dedup.find_same(bare(date(2022, 1, 14), type="meeting", place="1"), [week]).key == 7


# The real engine on the seed article.


def test_the_seed_article_becomes_suggestions_with_evidence(gazetteer, real_engine):
    result = ingest.ingest_document(read_document(SEED.read_bytes()), source=SEED.name)

    assert result.created and result.suggestions >= 1
    article = result.article
    assert article.published_at == datetime(2022, 1, 12, 3, 55, tzinfo=BERLIN)
    for citation in Citation.objects.filter(article=article):
        assert citation.evidence
        for span in citation.evidence:
            assert article.text[span["start"] : span["end"]] == span["text"]
        assert citation.date_resolution["anchor"] == "2022-01-12T03:55:00+01:00"
    again = ingest.ingest_document(read_document(SEED.read_bytes()))
    assert not again.created and Article.objects.count() == 1


def test_reingest_of_the_seed_article_is_stable(gazetteer, real_engine):
    article = ingest.ingest_document(read_document(SEED.read_bytes())).article
    before = sorted(Event.objects.values_list("pk", "title", "start"))
    ingest.reingest(article)
    assert sorted(Event.objects.values_list("pk", "title", "start")) == before
