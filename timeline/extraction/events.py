"""Assemble event candidates from triggers, dates, actors and places of the same passage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .mentions import Mention
from .triggers import Trigger
from .types import Candidate, Evidence, GazetteerActor, GazetteerPlace, TemporalExpression

_TYPE_PRIORITY = {
    "summit": 7,
    "session": 6,
    "phone_call": 5,
    "visit": 4,
    "negotiation": 3,
    "meeting": 3,
    "agreement": 4,
    "sanction": 4,
}
_COMPATIBLE = [
    {"meeting", "session", "summit", "negotiation", "visit"},
    {"phone_call", "meeting"},
    {"agreement", "negotiation", "meeting", "summit"},
    {"sanction"},
]
_TYPE_LABEL = {
    "meeting": "Meeting",
    "phone_call": "Phone call",
    "visit": "Visit",
    "summit": "Summit",
    "session": "Session",
    "negotiation": "Talks",
    "agreement": "Agreement",
    "sanction": "Sanctions",
}
_FUTURE = {
    "de": re.compile(
        r"\b(?:wird|werden|will|wollen|soll|sollen|plant|planen|geplant|beabsichtig\w*|"
        r"kommende[nmrs]?|nächste[nmrs]?|morgen|übermorgen|bevorstehend\w*|erwartet)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:will|is\s+due|are\s+due|is\s+expected|are\s+expected|plans?\s+to|planned|"
        r"scheduled|next|tomorrow|upcoming|to\s+(?:meet|travel|visit|hold|host))\b",
        re.IGNORECASE,
    ),
}
_DATE_KINDS = {"date"}
_MAX_PLACE_DISTANCE = 2


@dataclass(frozen=True)
class Passage:
    """A sentence with everything found in it."""

    index: int
    start: int
    end: int
    triggers: tuple[Trigger, ...]
    dates: tuple[TemporalExpression, ...]
    mentions: tuple[Mention, ...]
    paragraph: int


def assemble(text: str, passages: Sequence[Passage], published: date, lang: str) -> list[Candidate]:
    candidates: list[Candidate] = []
    discourse_date: TemporalExpression | None = None
    for passage in passages:
        dated = _event_dates(passage)
        trigger = _primary_trigger(passage, bool(dated))
        if trigger is not None:
            candidate = _candidate(
                text, passages, passage, trigger, dated, discourse_date, published, lang
            )
            if candidate is not None:
                candidates.append(candidate)
        if dated:
            discourse_date = _nearest(dated, passage.end)
    return merge_candidates(candidates)


def _event_dates(passage: Passage) -> list[TemporalExpression]:
    return [
        expression
        for expression in passage.dates
        if expression.kind in _DATE_KINDS and not expression.background and expression.value.start
    ]


def _primary_trigger(passage: Passage, has_date: bool) -> Trigger | None:
    if passage.triggers:
        return max(passage.triggers, key=lambda t: (t.weight, _TYPE_PRIORITY[t.type], -t.start))
    if has_date:
        # A council or other body named with a date meets, even without a verb saying so.
        for mention in passage.mentions:
            if any(actor.kind == "body" for actor in mention.actors):
                return Trigger(mention.start, mention.end, mention.text, "session", 0.55)
    return None


def _nearest(dates: Sequence[TemporalExpression], offset: int) -> TemporalExpression:
    return min(dates, key=lambda d: (_precision_rank(d), abs(d.start - offset)))


def _precision_rank(expression: TemporalExpression) -> int:
    return 0 if expression.value.precision == "day" else 1


def _candidate(
    text: str,
    passages: Sequence[Passage],
    passage: Passage,
    trigger: Trigger,
    dated: list[TemporalExpression],
    discourse_date: TemporalExpression | None,
    published: date,
    lang: str,
) -> Candidate | None:
    if dated:
        when, inherited = _nearest(dated, trigger.start), False
    elif discourse_date is not None:
        when, inherited = discourse_date, True
    else:
        return None
    actors = _actors(passages, passage)
    place_mention = _place(passages, passage)
    if not _enough(actors, place_mention, trigger):
        return None
    value = when.value
    start = value.start or published
    end = value.end if value.end and value.end != start else None
    sentence = text[passage.start : passage.end]
    status = _status(start, end, published, sentence, lang)
    place = place_mention.places[0] if place_mention else None
    evidence = _evidence(text, trigger, None if inherited else when, place_mention, actors)
    confidence = _confidence(trigger, value.precision, inherited, value.approximate, place, actors)
    return Candidate(
        title=_title(trigger.type, [a for a, _m in actors], place),
        type=trigger.type,
        start=start,
        end=end,
        precision=value.precision or "day",
        approximate=value.approximate or (value.precision not in ("day", None)),
        time=value.time,
        part_of_day=value.part_of_day,
        status=status,
        place=place,
        actors=tuple(actor for actor, _mention in actors),
        confidence=confidence,
        evidence=evidence,
        date_rule=("inherited from an earlier sentence: " if inherited else "") + when.rule,
        sentence=(passage.start, passage.end),
        extra={"date_text": when.text, "date_offsets": (when.start, when.end)},
    )


def _actors(passages: Sequence[Passage], passage: Passage) -> list[tuple[GazetteerActor, Mention]]:
    found: dict[str, tuple[GazetteerActor, Mention]] = {}
    for mention in passage.mentions:
        if mention.locative and mention.places:
            continue
        for actor in mention.actors[:1]:
            found.setdefault(actor.key, (actor, mention))
    # Persons are often named in the sentence before or after the one with the verb.
    for neighbour in _neighbours(passages, passage, 1):
        for mention in neighbour.mentions:
            for actor in mention.actors[:1]:
                if actor.kind == "person":
                    found.setdefault(actor.key, (actor, mention))
    return list(found.values())


def _neighbours(passages: Sequence[Passage], passage: Passage, distance: int) -> list[Passage]:
    return [
        other
        for other in passages
        if 0 < abs(other.index - passage.index) <= distance and other.paragraph == passage.paragraph
    ]


def _place(passages: Sequence[Passage], passage: Passage) -> Mention | None:
    own = [m for m in passage.mentions if m.places and (m.locative or not m.actors)]
    if own:
        return max(own, key=_place_rank)
    for distance in range(1, _MAX_PLACE_DISTANCE + 1):
        nearby = [
            mention
            for other in passages
            if abs(other.index - passage.index) == distance
            for mention in other.mentions
            if mention.places and mention.locative and mention.places[0].kind in ("city", "venue")
        ]
        if nearby:
            return min(nearby, key=lambda m: abs(m.start - passage.start))
    return None


def _place_rank(mention: Mention) -> tuple[int, int]:
    kind = mention.places[0].kind
    return ({"venue": 3, "city": 2, "country": 1}.get(kind, 0), int(mention.locative))


def _enough(
    actors: list[tuple[GazetteerActor, Mention]], place: Mention | None, trigger: Trigger
) -> bool:
    if len(actors) >= 2:
        return True
    if len(actors) == 1:
        actor = actors[0][0]
        return actor.kind in ("person", "body") or place is not None or trigger.weight >= 0.85
    return False


def _status(start: date, end: date | None, published: date, sentence: str, lang: str) -> str:
    if start > published:
        return "announced"
    if (end or start) >= published and _FUTURE[lang if lang in _FUTURE else "en"].search(sentence):
        return "announced" if start > published else "reported"
    return "reported"


def _evidence(
    text: str,
    trigger: Trigger,
    when: TemporalExpression | None,
    place: Mention | None,
    actors: list[tuple[GazetteerActor, Mention]],
) -> tuple[Evidence, ...]:
    spans = [Evidence("trigger", trigger.start, trigger.end, text[trigger.start : trigger.end])]
    if when is not None:
        spans.append(Evidence("date", when.start, when.end, text[when.start : when.end]))
    if place is not None:
        spans.append(Evidence("place", place.start, place.end, text[place.start : place.end]))
    for _actor, mention in actors:
        spans.append(
            Evidence("actor", mention.start, mention.end, text[mention.start : mention.end])
        )
    return tuple(sorted(set(spans), key=lambda e: (e.start, e.role)))


def _confidence(
    trigger: Trigger,
    precision: str | None,
    inherited: bool,
    approximate: bool,
    place: GazetteerPlace | None,
    actors: list[tuple[GazetteerActor, Mention]],
) -> float:
    score = 0.35 + 0.3 * trigger.weight
    score += 0.0 if inherited else 0.1
    score += 0.1 if place is not None else 0.0
    score += 0.1 if len(actors) >= 2 else 0.0
    if approximate or precision not in ("day", None):
        score -= 0.25
    return round(min(max(score, 0.05), 0.99), 2)


def _title(kind: str, actors: list[GazetteerActor], place: GazetteerPlace | None) -> str:
    label = _TYPE_LABEL.get(kind, "Meeting")
    bodies = [a.name for a in actors if a.kind == "body"]
    others = [a.name for a in actors if a.kind != "body"]
    if bodies and kind in ("session", "meeting", "summit"):
        title = f"{bodies[0]} session" if kind != "summit" else f"{bodies[0]} summit"
    elif others or bodies:
        names = (bodies + others)[:3]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        title = f"{label}: {joined}"
    else:
        title = label
    if place is not None and kind != "phone_call":
        title += f" in {place.name}"
    return title


def merge_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Sentences of one article that report the same event become one candidate."""
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=_specificity, reverse=True):
        for index, kept in enumerate(merged):
            if same_event(kept, candidate, loose=True):
                merged[index] = _combine(kept, candidate)
                break
        else:
            merged.append(candidate)
    return sorted(merged, key=lambda c: (c.start, c.sentence))


def _specificity(candidate: Candidate) -> tuple[int, float, int]:
    precise = {"day": 3, "week": 2, "month": 1}.get(candidate.precision, 0)
    return precise, candidate.confidence, -candidate.sentence[0]


def _last(candidate: Candidate) -> date:
    return candidate.end or _interval_end(candidate)


def _interval_end(candidate: Candidate) -> date:
    if candidate.precision == "week":
        return candidate.start + timedelta(days=6)
    return candidate.start


def same_event(a: Candidate, b: Candidate, loose: bool = False) -> bool:
    """The identity rule: overlapping dates, and the same place or two shared actors."""
    if not (a.start <= _last(b) and b.start <= _last(a)):
        return False
    if not any(a.type in group and b.type in group for group in _COMPATIBLE):
        return False
    same_place = a.place is not None and b.place is not None and a.place.key == b.place.key
    shared = {x.key for x in a.actors} & {x.key for x in b.actors}
    if loose:
        conflicting_place = a.place is not None and b.place is not None and not same_place
        return not conflicting_place and (same_place or len(shared) >= 1)
    return same_place or len(shared) >= 2


def _combine(kept: Candidate, other: Candidate) -> Candidate:
    actors = {actor.key: actor for actor in (*kept.actors, *other.actors)}
    evidence = tuple(sorted({*kept.evidence, *other.evidence}, key=lambda e: (e.start, e.role)))
    return replace(
        kept,
        place=kept.place or other.place,
        actors=tuple(actors.values()),
        evidence=evidence,
        confidence=round(min(0.99, max(kept.confidence, other.confidence) + 0.05), 2),
        title=_title(kept.type, list(actors.values()), kept.place or other.place),
    )
