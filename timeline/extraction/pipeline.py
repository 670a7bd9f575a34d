"""The suggestion pipeline: an article and a gazetteer in, event candidates with evidence out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from .dates import tag_dates
from .events import MEMOS as EVENT_MEMOS
from .events import Passage, Scene, assemble
from .extent import MEMOS as EXTENT_MEMOS
from .language import detect_language
from .mentions import Gazetteer, Mention, place_context, resolve_places
from .sentences import split_sentences
from .story_dates import MEMOS as STORY_DATE_MEMOS
from .story_dates import story_dates
from .triggers import find_triggers
from .types import Candidate, Document, ExtractionError, GazetteerPlace, TemporalExpression

# The years the tagger reads (19xx, 20xx); also keeps placeholders such as 0001-01-01 or
# 9999-12-31 out of date arithmetic that would leave the calendar.
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
# Below this the engine is less sure of a suggestion than not (see `suggest`).
_MIN_CONFIDENCE = 0.5
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Answers the stages remember within one article (sentence and date questions asked again for
# each trigger), forgotten before the next.
_MEMOS = (*EVENT_MEMOS, *EXTENT_MEMOS, *STORY_DATE_MEMOS)
# Commentary and opinion announce themselves in their first lines (an analysis or an
# explainer tells the news it explains: it is no commentary).
_OPINION = re.compile(
    r"(?:^|\n)[^\n]{0,40}\b(?:Kommentar|Ein\s+Kommentar|Meinung|Leitartikel|Essay"
    r"|Opinion|Op-Ed|Commentary"
    # section labels in capitals: "KOMMENTAR", "COMMENTARY / WORLD"
    r"|KOMMENTAR|MEINUNG|LEITARTIKEL|ESSAY|OPINION|OP-ED|COMMENTARY)\b",
)
_OPINION_HEAD = 400
_OPINION_NEWS_DAYS = 7
# Before this hour, an article is news of the day before.
_SMALL_HOURS = 3
_DEADLINE_AFTER = re.compile(
    r"\W*(?:deadline|Frist|Stichtag|Ultimatum"
    # "das ab dem 1. Januar greifen soll", "which takes effect on Jan. 1": when a measure
    # applies, not when anything happens.
    r"|(?:\w+\s+){0,3}(?:greifen|gelten|in\s+Kraft|wirksam|take[sn]?\s+effect|took\s+effect"
    r"|come[s]?\s+into\s+force|came\s+into\s+force|enter[s]?\s+into\s+force))",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:deadline|Frist|Ultimatum|Stichtag)\w*\s+(?:of|bis\s+(?:zum|am)?|für\s+den|vom)?\s*$",
    re.IGNORECASE,
)
# "report by the spring", "bis spätestens März": when something is due, not when it happens.
_DEADLINE_PHRASE = re.compile(
    r"(?:by|no\s+later\s+than|bis\s+spätestens|spätestens)\s", re.IGNORECASE
)
# "spätestens im März": the tagger leaves the adverb out of the expression.
_DEADLINE_PHRASE_BEFORE = re.compile(r"\b(?:no\s+later\s+than|spätestens)\s+$", re.IGNORECASE)
# "They have until October 2025 to trigger a snapback".
_UNTIL = re.compile(r"until\s", re.IGNORECASE)
# "Die Delegation bleibt noch bis Mittwoch in Spanien", "will stay until Friday": how long
# someone stays, not when an event ends. The lookahead names the letters its words open with.
_STAY_UNTIL = re.compile(
    r"\b(?=[brsv])"
    r"(?:bleib\w*|verbleib\w*|stay\w*|remain\w*)\s+(?:[\w-]+\s+){0,6}?(?:bis|until|till)\s",
    re.IGNORECASE,
)
# "Nachdem Algier am Montag zwölf Franzosen zu unerwünschten Personen erklärt hatte, schlug
# Paris am Dienstag zurück": a subordinate clause opening the sentence ends at its comma.
_OPENING_CLAUSE = re.compile(r"(?:Nachdem|After)\s[^,;.!?]{3,240}?,\s+")
_GIVEN_TIME = re.compile(r"\b(?:ha(?:ve|s|d)|g[ia]ven?|give)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?=(?:und|and|am|on|sowie|danach|anschließend|then|later|zuvor|before)\b)"
    r"|\s(?=(?:und|and|sowie|then)\s+(?:\w+\s+){0,2}\w*(?:te|ten|ed|held|met|traf|trafen"
    r"|sprach|sprachen|kam|kamen|empfing|empfingen|flog|flogen|hielt|hielten|spoke|flew)\b)"
)


@dataclass(frozen=True)
class Suggestions:
    document: Document
    published: datetime
    language: str
    events: tuple[Candidate, ...]
    dates: tuple[TemporalExpression, ...]
    mentions: tuple[Mention, ...]


def suggest(
    document: Document,
    gazetteer: Gazetteer,
    published: datetime | None = None,
    lang: str | None = None,
) -> Suggestions:
    published = published or document.published
    if published is None:
        raise ExtractionError(
            "no publication time found in the article; give one (e.g. --published 2022-01-12T03:55)"
        )
    if published.tzinfo is None:
        raise ExtractionError("the publication time needs a time zone")
    if not _FIRST_YEAR <= published.year <= _LAST_YEAR:
        raise ExtractionError(
            f"the publication time {published.date().isoformat()} is out of range; give one"
            f" between {_FIRST_YEAR} and {_LAST_YEAR}"
        )
    body = document.body
    if not body.strip():
        raise ExtractionError("the article is empty")
    for memo in _MEMOS:
        memo.cache_clear()  # what was worked out for the article before holds for it alone
    lang = lang or document.language or detect_language(body)
    tagged = [
        d for d in tag_dates(body, published, lang) if not _inside(d.start, document.metadata)
    ]
    told = story_dates(body, tagged)
    # "zwei Tage später" is a duration to the tagger and a date of the story here.
    tagged = [d for d in tagged if not any(t.start < d.end and d.start < t.end for t in told)]
    tagged = sorted([*tagged, *told], key=lambda d: d.start)
    dates = tuple(_mark_deadline(body, d) for d in tagged)
    everywhere = gazetteer.find(body, lang)
    found = [m for m in everywhere if not _inside(m.start, document.metadata)]
    context = place_context(found)
    mentions = tuple(_without_foreign_bodies(resolve_places(found, context)))
    in_header = [m for m in everywhere if _inside(m.start, document.metadata)]
    dateline = _dateline_place(document, resolve_places(in_header, context), gazetteer.places)
    triggers = find_triggers(body, lang)
    passages = _passages(body, dates, mentions, triggers, document.metadata)
    scene = Scene(
        gazetteer.places,
        dateline,
        _paragraph_of(passages, document.dateline),
        news_day=_news_day(published),
        headline=_headline(body, document.title),
    )
    events = assemble(body, passages, published.date(), lang, scene)
    # "Scholz will im Februar einen Gipfel besuchen": a vague time and only one actor or no
    # place leaves the engine less sure than not (on the development sets, two such in three
    # were wrong); an editor is not asked to review a guess.
    events = [e for e in events if e.confidence >= _MIN_CONFIDENCE]
    if _OPINION.search(body, 0, _OPINION_HEAD):
        events = [e for e in events if _news_in_opinion(e, published.date())]
    return Suggestions(document, published, lang, tuple(events), dates, mentions)


# States whose offices go by the same names ("Bundeskanzleramt", "Außenministerium").
_SAME_OFFICE_NAMES = {
    "DE": frozenset({"AT", "CH"}),
    "AT": frozenset({"DE", "CH"}),
    "CH": frozenset({"DE", "AT"}),
}


def _without_foreign_bodies(mentions: list[Mention]) -> list[Mention]:
    """ "Im Bundeskanzleramt führte Modi Gespräche mit Nehammer": in an article that names
    nothing of Germany but Austria, the chancellery is Austria's, not the German one of the
    gazetteer. German-speaking states give their offices the same names; an article that
    names none of them ("der russische Botschafter wurde ins Auswärtige Amt einbestellt")
    keeps the body."""
    countries = {
        country
        for m in mentions
        for country in (
            *(a.country for a in m.actors if a.kind != "body"),
            *(p.country for p in m.places[:1]),
        )
        if country
    }
    kept = []
    for mention in mentions:
        actor = mention.actors[0] if mention.actors else None
        if (
            actor is not None
            and actor.kind == "body"
            and actor.country in _SAME_OFFICE_NAMES
            and actor.country not in countries
            and countries & _SAME_OFFICE_NAMES[actor.country]
        ):
            if not mention.places:
                continue
            mention = replace(mention, actors=())
        kept.append(mention)
    return kept


def _news_day(published: datetime) -> date:
    """An article filed at 00:25 reports the evening before; one filed at 07:00, its day."""
    if published.hour < _SMALL_HOURS:
        return published.date() - timedelta(days=1)
    return published.date()


def _news_in_opinion(event: Candidate, published: date) -> bool:
    """A commentary argues about events; it reports only what it dates explicitly to the
    days around its publication."""
    explicit = not event.date_rule.startswith(("inherited", "publication day"))
    recent = abs((event.start - published).days) <= _OPINION_NEWS_DAYS
    return explicit and event.precision == "day" and recent


def _mark_deadline(body: str, expression: TemporalExpression) -> TemporalExpression:
    before = body[max(0, expression.start - 40) : expression.start]
    after = body[expression.end : expression.end + 50]
    if (
        _DEADLINE_AFTER.match(after)
        or _DEADLINE_BEFORE.search(before)
        or _DEADLINE_PHRASE.match(expression.text)
        or _DEADLINE_PHRASE_BEFORE.search(before)
        or (_UNTIL.match(expression.text) and _GIVEN_TIME.search(before))
        or _STAY_UNTIL.search(body[max(0, expression.start - 64) : expression.start + 6])
    ):
        return replace(expression, deadline=True)
    return expression


def _dateline_place(
    document: Document, mentions: list[Mention], seats: Mapping[str, GazetteerPlace]
) -> GazetteerPlace | None:
    if document.dateline is None:
        return None
    start, end = document.dateline
    for mention in mentions:
        if start <= mention.start < end and mention.places:
            return mention.places[0]
    # "UNITED NATIONS (AP) —": a dateline naming a body is filed from its seat.
    for mention in mentions:
        if start <= mention.start < end:
            for actor in mention.actors[:1]:
                if actor.seat is not None and actor.seat in seats:
                    return seats[actor.seat]
    return None


def _headline(body: str, title: str | None) -> tuple[int, int] | None:
    start = body.find(title) if title else -1
    return (start, start + len(title)) if title and start >= 0 else None


def _paragraph_of(passages: list[Passage], span: tuple[int, int] | None) -> int:
    """The paragraph a dateline opens: the first passage after it."""
    if span is None:
        return -1
    following = [passage for passage in passages if passage.start >= span[0]]
    return following[0].paragraph if following else -1


def _inside(offset: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _passages(
    body: str,
    dates: tuple[TemporalExpression, ...],
    mentions: tuple[Mention, ...],
    triggers: list[Any],
    metadata: tuple[tuple[int, int], ...],
) -> list[Passage]:
    sentences = [s for s in split_sentences(body) if not _covered(s, metadata)]
    sentences, sentence_of = _clauses(body, sentences, triggers, dates, mentions)
    starts = [start for start, _end in sentences]
    buckets: list[dict[str, list[Any]]] = [
        {"dates": [], "mentions": [], "triggers": []} for _ in sentences
    ]
    for name, items in (("dates", dates), ("mentions", mentions), ("triggers", triggers)):
        for item in items:
            index = bisect.bisect_right(starts, item.start) - 1
            if index >= 0 and item.start < sentences[index][1]:
                buckets[index][name].append(item)
    paragraph_breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(body)]
    # A byline between teaser and text ("Von Helga Brandt, ARD-Studio Brüssel") is no
    # paragraph of the story: the text's first paragraph is still its lead.
    raw = [bisect.bisect_right(paragraph_breaks, start) for start, _end in sentences]
    told = sorted(set(raw))
    skipped = {n for n in range(told[0], told[-1]) if n not in told} if told else set()
    numbers = {n: n - sum(1 for k in skipped if k < n) for n in told}
    return [
        Passage(
            index=sentence_of[i],
            start=start,
            end=end,
            triggers=tuple(bucket["triggers"]),
            dates=tuple(bucket["dates"]),
            mentions=tuple(bucket["mentions"]),
            paragraph=numbers[raw[i]],
        )
        for i, ((start, end), bucket) in enumerate(zip(sentences, buckets, strict=True))
    ]


def _clauses(
    body: str,
    sentences: list[tuple[int, int]],
    triggers: list[Any],
    dates: tuple[TemporalExpression, ...],
    mentions: tuple[Mention, ...],
) -> tuple[list[tuple[int, int]], list[int]]:
    """Split a sentence that tells of two events ("visited Kyiv on Wednesday … and held talks
    in Berlin on Thursday") where each part has its own trigger and its own date or place."""
    trigger_at = sorted(trigger.start for trigger in triggers)
    anchors = sorted(
        [d.start for d in dates if d.kind == "date" and not d.background]
        + [m.start for m in mentions if m.places and m.locative]
    )
    # Where each date starts, and whether a comma follows it.
    date_at = {
        d.start: body.startswith(",", d.end) for d in dates if d.kind == "date" and not d.background
    }
    spans, owners = [], []
    for index, (start, end) in enumerate(sentences):
        for cut in _cuts(body, start, end, trigger_at, anchors, date_at):
            spans.append((start, cut))
            owners.append(index)
            start = cut
        spans.append((start, end))
        owners.append(index)
    return spans, owners


_COMMA = re.compile(r"[,;]\s+")
_SEQUENCE = re.compile(
    r"[,;]\s+(?=(?:anschließend|danach|dann|später|then|later|afterwards"
    # "… zum Nato-Gipfel, direkt im Anschluss folgt am 26. und 27. Juni der EU-Gipfel"
    r"|(?:(?:direkt|unmittelbar|gleich)\s+)?im\s+Anschluss|followed\s+by)\b)",
    re.IGNORECASE,
)


def _cuts(
    body: str,
    start: int,
    end: int,
    trigger_at: list[int],
    anchors: list[int],
    date_at: Mapping[int, bool],
) -> list[int]:
    def count(offsets: list[int], low: int, high: int) -> int:
        return bisect.bisect_left(offsets, high) - bisect.bisect_left(offsets, low)

    if count(trigger_at, start, end) < 2:
        return []
    # "Am 10. Februar will er Biden treffen, im März ist eine Reise nach Peking geplant": a
    # clause that opens with a date of its own tells of an event of its own.
    # "Yoon empfing zunächst Li, anschließend traf er Kishida": one thing after another.
    sequence = {match.end() for match in _SEQUENCE.finditer(body, start, end)}
    before_dates = [m for m in _COMMA.finditer(body, start, end) if m.end() in date_at]
    # "a joint summit in Dar es Salaam, Tanzania, on Feb. 8, called for …": a date set off by
    # commas closes the clause before it.
    set_off = {m.end() for m in before_dates if m.group().startswith(",") and date_at[m.end()]}
    opening = _OPENING_CLAUSE.match(body, start, end)
    breaks = sorted(
        (
            {match.end() for match in _CLAUSE_BREAK.finditer(body, start, end)}
            | {m.end() for m in before_dates}
            | ({opening.end()} if opening else set())
        )
        - set_off
        | sequence
    )
    cuts, left = [], start
    for cut in breaks:
        both_told = count(trigger_at, left, cut) and count(trigger_at, cut, end)
        anchored = count(anchors, left, cut) and count(anchors, cut, end)
        if both_told and (anchored or cut in sequence):
            cuts.append(cut)
            left = cut
    return cuts


def _covered(sentence: tuple[int, int], metadata: tuple[tuple[int, int], ...]) -> bool:
    start, end = sentence
    return any(m_start <= start and end <= m_end for m_start, m_end in metadata)


def to_json(suggestions: Suggestions) -> dict[str, Any]:
    """The stable JSON of `manage.py suggest` (DESIGN §3)."""
    return {
        "article": {
            "title": suggestions.document.title,
            "published": suggestions.published.isoformat(),
            "language": suggestions.language,
        },
        "events": [_event_json(event) for event in suggestions.events],
    }


def _event_json(event: Candidate) -> dict[str, Any]:
    place = event.place
    return {
        "title": event.title,
        "type": event.type,
        "start": event.start.isoformat(),
        "end": event.end.isoformat() if event.end else None,
        "precision": event.precision,
        "approximate": event.approximate,
        "time": event.time,
        "part_of_day": event.part_of_day,
        "status": event.status,
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country or None,
            "lat": place.latitude,
            "lon": place.longitude,
        },
        "actors": [{"name": actor.name, "kind": actor.kind} for actor in event.actors],
        "confidence": event.confidence,
        "evidence": [
            {"role": e.role, "start": e.start, "end": e.end, "text": e.text} for e in event.evidence
        ],
    }
