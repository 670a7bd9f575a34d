"""The values the extraction stages hand to each other: plain, frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


class ExtractionError(ValueError):
    """Input the pipeline cannot work with; the message is one line meant for the user."""


@dataclass(frozen=True)
class Document:
    """An article as read: `body` is the text every offset indexes."""

    body: str
    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    # Header spans (publication stamp, byline, dateline) whose dates are no event dates.
    metadata: tuple[tuple[int, int], ...] = ()
    # The place an agency dateline names ("BRUSSELS, Jan 12 (Reuters) -"), as a span of `body`.
    dateline: tuple[int, int] | None = None


@dataclass(frozen=True)
class TemporalValue:
    start: date | None = None
    end: date | None = None
    precision: str | None = None  # day, week, month, quarter, season, year
    time: str | None = None  # "HH:MM"
    part_of_day: str | None = None  # morning, midday, afternoon, evening, night
    duration: str | None = None  # ISO 8601, e.g. "P2Y"
    approximate: bool = False


@dataclass(frozen=True)
class TemporalExpression:
    text: str
    start: int
    end: int
    kind: str  # date, time, duration, set
    value: TemporalValue
    rule: str
    # "seit 2019", "im Jahr 2014": background, never an event date.
    background: bool = False
    # "ahead of a July 9 deadline", "Frist bis 30. Juni": when something is due, no event date.
    deadline: bool = False
    # "tags darauf", "two days later": counted from a date of the story, not from publication.
    from_story: bool = False
    # "The meeting came three days after Trump hosted Putin": the date of the clause after it.
    of_clause_after: bool = False


@dataclass(frozen=True)
class GazetteerActor:
    key: str
    name: str
    kind: str  # state, organization, body, person
    country: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    seat: str | None = None  # the place key where a body usually meets


@dataclass(frozen=True)
class GazetteerPlace:
    key: str
    name: str
    country: str
    kind: str = "city"  # city, venue, region, country
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    region: str | None = None
    within: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    role: str  # date, place, actor, trigger
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    title: str
    type: str
    start: date
    end: date | None
    precision: str
    approximate: bool
    time: str | None
    part_of_day: str | None
    status: str  # reported, announced
    place: GazetteerPlace | None
    actors: tuple[GazetteerActor, ...]
    confidence: float
    evidence: tuple[Evidence, ...]
    date_rule: str = ""
    sentence: tuple[int, int] = (0, 0)
    # The actors named in the trigger's own sentence (not borrowed from a neighbour).
    core: frozenset[str] = frozenset()
    # "Das Treffen …" without a date of its own: more about the event told just before.
    anaphoric: bool = False
    extra: dict[str, object] = field(default_factory=dict, compare=False)
