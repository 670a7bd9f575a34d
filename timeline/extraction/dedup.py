"""Match a new candidate against events already known, by the identity rule (DESIGN §2).

Known events arrive as plain `KnownEvent` values so that this stays free of Django; the rule
itself is `events.same_event`, applied to a candidate rebuilt from the known event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .events import same_event
from .types import Candidate, GazetteerActor, GazetteerPlace

# Approved events are the better home for a citation than another suggestion.
_CURATION_RANK = {"approved": 0, "suggested": 1}


@dataclass(frozen=True)
class KnownEvent:
    key: int | str
    type: str
    start: date
    end: date | None
    precision: str
    place: str | None
    actors: frozenset[str]
    curation: str = "suggested"

    def as_candidate(self) -> Candidate:
        return Candidate(
            title="",
            type=self.type,
            start=self.start,
            end=self.end,
            precision=self.precision,
            approximate=False,
            time=None,
            part_of_day=None,
            status="reported",
            place=None if self.place is None else GazetteerPlace(self.place, "", ""),
            actors=tuple(GazetteerActor(key, "", "") for key in sorted(self.actors)),
            confidence=1.0,
            evidence=(),
        )


def find_same(candidate: Candidate, known: Iterable[KnownEvent]) -> KnownEvent | None:
    """The known event the candidate reports, or None; the best match when several qualify."""
    matches = [event for event in known if same_event(candidate, event.as_candidate())]
    if not matches:
        return None
    return min(matches, key=lambda event: _closeness(candidate, event))


def _closeness(candidate: Candidate, event: KnownEvent) -> tuple[int, int, int, int, str]:
    same_place = candidate.place is not None and candidate.place.key == event.place
    shared = len({actor.key for actor in candidate.actors} & event.actors)
    return (
        _CURATION_RANK.get(event.curation, 2),
        -int(same_place),
        -shared,
        abs((event.start - candidate.start).days),
        str(event.key),
    )
