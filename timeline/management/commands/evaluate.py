import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.evaluation import (
    GoldEvent,
    Predicted,
    parse_gold_date,
    score_article,
    totals,
)
from timeline.extraction.pipeline import suggest
from timeline.extraction.reading import read_document
from timeline.extraction.types import ExtractionError
from timeline.gazetteer import GazetteerMissing, require_gazetteer


class Command(BaseCommand):
    help = "Run the engine over a labelled set (a folder with gold.json) and score it."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder holding gold.json and the article files")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--details", action="store_true", help="list misses and extras")

    def handle(self, *args, folder, format, details, **options):
        _gold_records(Path(folder))  # a folder without gold is refused before anything else
        try:
            gazetteer = require_gazetteer()
        except GazetteerMissing as error:
            raise CommandError(str(error)) from None
        summary, scores = evaluate_folder(Path(folder), gazetteer)
        if format == "json":
            report = {"totals": vars(summary), "articles": [vars(s) for s in scores]}
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        self.stdout.write(_table(summary))
        if details:
            for score in scores:
                for label in ("misses", "extras", "wrong_dates", "wrong_places"):
                    for line in getattr(score, label):
                        self.stdout.write(f"  {score.id:>12} {label:<12} {line}")


def evaluate_folder(folder, gazetteer):
    """Score every article of a labelled folder: (totals, one score per article)."""
    scores = [_score(folder, record, gazetteer) for record in _gold_records(folder)]
    for score in scores:
        _name_places(score, gazetteer)
    return totals(scores), scores


def _score(folder, record, gazetteer):
    path = folder / record["file"]
    published = datetime.fromisoformat(record["published"])
    try:
        document = read_document(path.read_bytes(), tz=ZoneInfo("Europe/Berlin"))
        result = suggest(document, gazetteer, published=published, lang=record.get("lang"))
    except (OSError, ExtractionError) as error:
        raise CommandError(f"{path}: {error}") from None
    gold = [_gold_event(event, gazetteer) for event in record["events"]]
    predicted = [_predicted(candidate) for candidate in result.events]
    return score_article(record["id"], gold, predicted, _same_place)


def _name_places(score, gazetteer):
    """Place keys in the report → "Brest, FR", for people to read."""

    def named(key):
        place = gazetteer.places.get(key)
        return f"{place.name}, {place.country}" if place else key

    score.wrong_places = [
        line.rsplit(": gold ", 1)[0]
        + ": gold "
        + ", got ".join(named(k) for k in line.rsplit(": gold ", 1)[1].split(", got "))
        for line in score.wrong_places
    ]


def _gold_records(folder):
    gold_file = folder / "gold.json"
    if not gold_file.is_file():
        raise CommandError(f"no gold.json in {folder}")
    try:
        return json.loads(gold_file.read_text(encoding="utf-8"))
    except ValueError as error:
        raise CommandError(f"{gold_file} is not valid JSON: {error}") from None


def _actor_key(name, gazetteer):
    actors, _places = gazetteer.lookup(name)
    return actors[0].key if actors else f"name:{name.casefold()}"


def _place_key(value, gazetteer):
    """ "Brest, France" → the gazetteer key of Brest in France; "Ukraine" → the country."""
    if not value:
        return None
    city, _, country_name = (part.strip() for part in value.rpartition(","))
    states, _places = gazetteer.lookup(country_name)
    country = next((actor.country for actor in states if actor.kind == "state"), None)
    if not city:
        return f"country:{country}" if country else f"name:{value}"
    places = [p for p in gazetteer.lookup(city)[1] if country is None or p.country == country]
    if places:
        # The place of that very name first ("New Delhi" is not Delhi), a city before the
        # country of the same name ("Singapore, Singapore" is the city), then the largest.
        return max(
            places,
            key=lambda p: (p.name == city, p.kind == "city", p.kind != "region", p.population),
        ).key
    return f"name:{value}"


def _gold_event(event, gazetteer):
    start, end = parse_gold_date(event["date"])
    return GoldEvent(
        title=event["title"],
        start=start,
        end=end,
        precision=event.get("precision", "day"),
        place=_place_key(event.get("place"), gazetteer),
        participants=frozenset(_actor_key(n, gazetteer) for n in event.get("participants", [])),
        status=event.get("status", "reported"),
        raw_date=event["date"],
    )


def _predicted(candidate):
    return Predicted(
        title=candidate.title,
        start=candidate.start,
        end=candidate.end,
        precision=candidate.precision,
        place=candidate.place.key if candidate.place else None,
        place_country=candidate.place.country if candidate.place else None,
        participants=frozenset(actor.key for actor in candidate.actors),
        status=candidate.status,
    )


def _same_place(gold_place, predicted):
    if gold_place is None or predicted.place is None:
        return False
    if gold_place.startswith("country:"):
        return predicted.place_country == gold_place.removeprefix("country:")
    return predicted.place == gold_place


def _table(summary):
    rows = [
        ("articles", summary.articles),
        ("gold events", summary.gold),
        ("suggested events", summary.predicted),
        ("matched", summary.matched),
        ("precision", f"{summary.precision:.3f}"),
        ("recall", f"{summary.recall:.3f}"),
        ("date accuracy", f"{summary.date_accuracy:.3f}"),
        ("place accuracy", f"{summary.place_accuracy:.3f}"),
    ]
    return "\n".join(f"{label:<18}{value:>8}" for label, value in rows)
