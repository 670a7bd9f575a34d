"""Score suggestions against a labelled set (DESIGN §3): precision, recall, date and place accuracy.

A suggestion and a gold event of the same article are paired when they share a place or a
participant and their dates are not far apart; pairs are taken best first, each event at most
once. Dates are then judged on their own, so a wrong date costs date accuracy, not recall:

- a gold day (or day range) is right when the suggestion starts that day (and ends on the same
  day as the gold range, when the gold has one);
- a gold month is right when the suggestion lies in that month at month precision or finer;
- a gold week or vaguer interval is right when the suggestion's interval overlaps it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

# Dates further apart than this are not the same event, whatever else they share.
_PAIRING_WINDOW = timedelta(days=45)


@dataclass(frozen=True)
class GoldEvent:
    title: str
    start: date
    end: date
    precision: str
    place: str | None  # a place key, "country:XX", or None
    participants: frozenset[str]
    status: str
    raw_date: str


@dataclass(frozen=True)
class Predicted:
    title: str
    start: date
    end: date | None
    precision: str
    place: str | None
    place_country: str | None
    participants: frozenset[str]
    status: str


@dataclass
class ArticleScore:
    id: str
    gold: int
    predicted: int
    matched: int
    dates_right: int
    places_judged: int
    places_right: int
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    wrong_places: list[str] = field(default_factory=list)


def parse_gold_date(value: str) -> tuple[date, date]:
    if "/" in value:
        first, last = value.split("/", 1)
        return date.fromisoformat(first), date.fromisoformat(last)
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        start = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    if len(value) == 4:
        return date(int(value), 1, 1), date(int(value), 12, 31)
    day = date.fromisoformat(value)
    return day, day


def score_article(
    article_id: str,
    gold: Sequence[GoldEvent],
    predicted: Sequence[Predicted],
    same_place: Callable[[str | None, Predicted], bool],
) -> ArticleScore:
    pairs = sorted(
        (
            (_affinity(g, p, same_place), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    score = ArticleScore(article_id, len(gold), len(predicted), 0, 0, 0, 0)
    for affinity, gi, pi in pairs:
        if affinity <= 0 or gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        _judge(score, gold[gi], predicted[pi], same_place)
    score.misses = [f"{g.title} ({g.raw_date})" for i, g in enumerate(gold) if i not in used_gold]
    score.extras = [
        f"{p.title} ({p.start})" for i, p in enumerate(predicted) if i not in used_predicted
    ]
    return score


def _affinity(
    gold: GoldEvent, predicted: Predicted, same_place: Callable[[str | None, Predicted], bool]
) -> float:
    shared = len(gold.participants & predicted.participants)
    place = gold.place is not None and same_place(gold.place, predicted)
    if not shared and not place:
        return 0.0
    last = predicted.end or predicted.start
    if predicted.start > gold.end + _PAIRING_WINDOW or last < gold.start - _PAIRING_WINDOW:
        return 0.0
    overlap = predicted.start <= gold.end and last >= gold.start
    # Of pairs alike in all else, the one whose date is right (a quarter never outweighs the
    # halves and units above, so it only breaks ties).
    return 2.0 * overlap + 1.5 * place + min(shared, 3) + 0.25 * date_is_right(gold, predicted)


def _judge(
    score: ArticleScore,
    gold: GoldEvent,
    predicted: Predicted,
    same_place: Callable[[str | None, Predicted], bool],
) -> None:
    score.matched += 1
    if date_is_right(gold, predicted):
        score.dates_right += 1
    else:
        score.wrong_dates.append(
            f"{gold.title}: gold {gold.raw_date}, got {predicted.start}"
            + (f"/{predicted.end}" if predicted.end else "")
        )
    if gold.place is not None:
        score.places_judged += 1
        if same_place(gold.place, predicted):
            score.places_right += 1
        else:
            score.wrong_places.append(f"{gold.title}: gold {gold.place}, got {predicted.place}")


def date_is_right(gold: GoldEvent, predicted: Predicted) -> bool:
    last = predicted.end or predicted.start
    if gold.precision == "day":
        same_end = gold.end == gold.start or last == gold.end
        return predicted.start == gold.start and same_end
    if gold.precision == "month":
        return (
            predicted.precision in ("day", "week", "month")
            and gold.start <= predicted.start <= gold.end
        )
    return predicted.start <= gold.end and last >= gold.start


@dataclass(frozen=True)
class Totals:
    articles: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    date_accuracy: float
    place_accuracy: float


def totals(scores: Sequence[ArticleScore]) -> Totals:
    gold = sum(s.gold for s in scores)
    predicted = sum(s.predicted for s in scores)
    matched = sum(s.matched for s in scores)
    places_judged = sum(s.places_judged for s in scores)
    return Totals(
        articles=len(scores),
        gold=gold,
        predicted=predicted,
        matched=matched,
        precision=_ratio(matched, predicted),
        recall=_ratio(matched, gold),
        date_accuracy=_ratio(sum(s.dates_right for s in scores), matched),
        place_accuracy=_ratio(sum(s.places_right for s in scores), places_judged),
    )


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
