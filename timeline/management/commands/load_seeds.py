"""Load the gazetteer and the curated events from seeds/, idempotently.

    python manage.py load_seeds [--skip-cities] [--cities-min-population N]

Rows are matched on natural keys — Actor (name, kind); Place geonames_id, else (kind, country,
name); aliases (owner, normalized); Event (title, start) — so a second run creates nothing new.
"""

import json
import time
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify

from timeline.models import (
    Actor,
    ActorAlias,
    Event,
    Participation,
    Place,
    PlaceAlias,
    Series,
    Tag,
    TimelineVersion,
    normalize_alias,
)

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
ACTOR_FIELDS = ["name_de", "country", "role", "wikidata_id"]
PLACE_FIELDS = [
    "name",
    "name_de",
    "kind",
    "country",
    "region",
    "latitude",
    "longitude",
    "population",
]


def read_json(path):
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        raise CommandError(f"cannot read {path}: {error}") from error


def alias_pairs(aliases):
    """[(name, language)] from {"de": [...], "en": [...], "": [...]} or [[name, language], ...]."""
    if isinstance(aliases, dict):
        return [(name, language) for language, names in aliases.items() for name in names]
    return [(name, language) for name, language in aliases]


def actor_records(gazetteer):
    """Every actor as (Actor, parent name, aliases): states, organizations and bodies, people."""
    for country in read_json(gazetteer / "countries.json"):
        actor = Actor(name=country["name"], name_de=country["name_de"], kind=Actor.Kind.STATE)
        actor.country = country["iso2"]
        yield actor, None, [(a["name"], a["language"]) for a in country["actor_aliases"]]
    for kind_default, filename in (
        ("organization", "organizations.json"),
        ("person", "people.json"),
    ):
        for record in read_json(gazetteer / filename):
            actor = Actor(
                name=record["name"],
                name_de=record.get("name_de", record["name"]),
                kind=record.get("kind", kind_default),
                country=record.get("country", ""),
                role=record.get("role", ""),
                wikidata_id=record.get("wikidata_id", ""),
            )
            names = [(record["name"], "en"), (actor.name_de, "de")]
            yield actor, record.get("parent"), names + alias_pairs(record["aliases"])


# "the first EU-Central Asia summit": a continent is never the town GeoNames also knows by
# its name (Asia in the Philippines).
CONTINENT_NAMES = (
    "Africa", "America", "Antarctica", "Asia", "Australasia", "Eurasia", "Europe",
    "Oceania", "Afrika", "Amerika", "Antarktis", "Asien", "Eurasien", "Europa", "Ozeanien",
)  # fmt: skip
CONTINENTS = frozenset(normalize_alias(name) for name in CONTINENT_NAMES)


def city_rows(gazetteer, min_population, required_ids):
    header, *rows = read_json(gazetteer / "cities.json")
    for row in rows:
        city = dict(zip(header, row, strict=True))
        if normalize_alias(city["name"]) in CONTINENTS:
            continue
        if city["population"] >= min_population or city["geonames_id"] in required_ids:
            yield city


def place_records(gazetteer, cities, owners, city_names):
    """Every place as (Place, aliases): countries, regions, then the loaded cities."""
    for country in read_json(gazetteer / "countries.json"):
        place = Place(name=country["name"], name_de=country["name_de"], kind=Place.Kind.COUNTRY)
        place.country, place.population = country["iso2"], country["population"]
        place.geonames_id = country["geonames_id"]
        yield place, [(a["name"], a["language"]) for a in country["place_aliases"]]
    for region in read_json(gazetteer / "regions.json"):
        place = Place(name=region["name"], kind=Place.Kind.REGION, country=region["country"])
        place.region = region["code"]
        yield place, [(a["name"], a["language"]) for a in region["aliases"]]
    for city in cities:
        place = Place(
            name=city["name"],
            name_de=city["name_de"],
            kind=Place.Kind.CITY,
            country=city["country"],
            region=city["region"],
            latitude=city["lat"],
            longitude=city["lon"],
            population=city["population"],
            geonames_id=city["geonames_id"],
        )
        yield (
            place,
            [
                (name, language)
                for name, language in alias_pairs(city["aliases"])
                if normalize_alias(name) not in CONTINENTS
                and not foreign_area(normalize_alias(name), city["name"], city["country"], owners)
                and not city_names.another_citys(normalize_alias(name), city)
            ],
        )


def area_owners(gazetteer):
    """Which countries each region or country name belongs to: "Florida" is a US state, not
    the Colombian city of Floridablanca that GeoNames also knows by that name. A country's
    people and adjective count too: "Kazakh media" are not in Gazakh, Azerbaijan, which
    GeoNames also spells "Kazakh"."""
    owners = defaultdict(set)
    for country in read_json(gazetteer / "countries.json"):
        names = [
            country["name"],
            *(a["name"] for a in country["place_aliases"]),
            *(a["name"] for a in country.get("actor_aliases", ())),
        ]
        for name in names:
            owners[normalize_alias(name)].add(country["iso2"])
    for region in read_json(gazetteer / "regions.json"):
        for name in [region["name"], *(a["name"] for a in region["aliases"])]:
            owners[normalize_alias(name)].add(region["country"])
    return owners


def foreign_area(normalized, city_name, city_country, owners):
    """An alias of a city that names a region or country of another country only."""
    return (
        normalized != normalize_alias(city_name)
        and bool(owners.get(normalized))
        and city_country not in owners[normalized]
    )


class CityNames:
    """The loaded cities by name: "New Delhi" is a GeoNames alias of Delhi, but New Delhi is a
    city of its own (and the one news means), so Delhi does not keep that alias."""

    def __init__(self, cities):
        self.ids = defaultdict(set)
        for city in cities:
            self.ids[normalize_alias(city["name"]), city["country"]].add(city["geonames_id"])
        self.dropped = set()  # the aliases another_citys took away

    def another_citys(self, normalized, city):
        others = self.ids.get((normalized, city["country"]))
        if not others or city["geonames_id"] in others:
            return False
        # "Belem" for Belém: an alias that only drops the accents is still the city's name.
        if _folded(normalized) == _folded(normalize_alias(city["name"])):
            return False
        self.dropped.add(normalized)
        return True


def _folded(name):
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def create_aliases(model, owner_field, owner_aliases):
    """Insert the aliases not there yet; the (owner, normalized) constraint guards the rest."""
    rows, seen = [], set(model.objects.values_list(owner_field, "normalized"))
    for owner_id, aliases in owner_aliases:
        for name, language in aliases:
            name = " ".join(name.split())
            key = (owner_id, normalize_alias(name))
            if name and key not in seen:
                seen.add(key)
                rows.append(
                    model(
                        **{owner_field: owner_id}, name=name, normalized=key[1], language=language
                    )
                )
    model.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)


def load_actors(gazetteer):
    records = list(actor_records(gazetteer))
    Actor.objects.bulk_create(
        [actor for actor, _, _ in records],
        update_conflicts=True,
        unique_fields=["name", "kind"],
        update_fields=ACTOR_FIELDS,
    )
    ids = {(name, kind): pk for pk, name, kind in Actor.objects.values_list("pk", "name", "kind")}
    by_name = {name: pk for (name, _), pk in ids.items()}
    with_parent = []
    for actor, parent, _ in records:
        if parent:
            if parent not in by_name:
                raise CommandError(f"{actor.name}: unknown parent {parent!r}")
            actor.pk, actor.parent_id = ids[actor.name, actor.kind], by_name[parent]
            with_parent.append(actor)
    Actor.objects.bulk_update(with_parent, ["parent"])
    create_aliases(
        ActorAlias, "actor_id", [(ids[a.name, a.kind], aliases) for a, _, aliases in records]
    )
    return by_name


def place_key(place):
    return natural_key(place.geonames_id, place.kind, place.country, place.name, place.region)


def natural_key(geonames_id, kind, country, name, region):
    """GeoNames id; else a region's ISO code (names repeat: Tartu city and county); else name."""
    if geonames_id:
        return geonames_id
    return (
        (kind, country, region) if kind == Place.Kind.REGION and region else (kind, country, name)
    )


def place_values(place):
    return tuple(getattr(place, field) for field in PLACE_FIELDS)


def unique_places(records):
    """One record per natural key, with the aliases of every listing."""
    by_key = {}
    for place, aliases in records:
        if place_key(place) in by_key:
            by_key[place_key(place)][1].extend(aliases)
        else:
            by_key[place_key(place)] = (place, list(aliases))
    return list(by_key.values())


def load_places(gazetteer, min_population, required_ids):
    owners = area_owners(gazetteer)
    cities = list(city_rows(gazetteer, min_population, required_ids))
    names = CityNames(cities)
    records = unique_places(place_records(gazetteer, cities, owners, names))
    # Write only new or changed rows: re-running on an up-to-date database is then cheap.
    existing = {}
    rows = Place.objects.order_by("pk").values_list("pk", "geonames_id", *PLACE_FIELDS)
    for pk, geonames_id, *values in rows:
        name, _name_de, kind, country, region = values[:5]
        existing[natural_key(geonames_id, kind, country, name, region)] = (pk, tuple(values))
    changed = [p for p, _ in records if existing.get(place_key(p), (0, ()))[1] != place_values(p)]
    for place in changed:
        place.pk = existing.get(place_key(place), (None,))[0]
    Place.objects.bulk_create(
        [place for place in changed if place.geonames_id],
        update_conflicts=True,
        unique_fields=["geonames_id"],
        update_fields=PLACE_FIELDS,
        batch_size=2000,
    )
    # Places without a GeoNames id have no unique constraint to upsert on: match by hand.
    unkeyed = [place for place in changed if not place.geonames_id]
    Place.objects.bulk_update([p for p in unkeyed if p.pk], PLACE_FIELDS, batch_size=500)
    Place.objects.bulk_create([p for p in unkeyed if not p.pk], batch_size=2000)

    ids = {}
    for pk, *key in Place.objects.order_by("pk").values_list(
        "pk", "geonames_id", "kind", "country", "name", "region"
    ):
        ids[natural_key(*key)] = pk
    create_aliases(PlaceAlias, "place_id", [(ids[place_key(p)], a) for p, a in records])
    # A database loaded before such aliases were filtered still has them: take them away.
    stale = [
        pk
        for pk, normalized, name, country in PlaceAlias.objects.filter(
            place__kind=Place.Kind.CITY, normalized__in=list(owners)
        ).values_list("pk", "normalized", "place__name", "place__country")
        if foreign_area(normalized, name, country, owners)
    ]
    stale += [
        pk
        for pk, normalized, name, country, geonames_id in PlaceAlias.objects.filter(
            place__kind=Place.Kind.CITY, normalized__in=names.dropped
        ).values_list("pk", "normalized", "place__name", "place__country", "place__geonames_id")
        if names.another_citys(
            normalized, {"name": name, "country": country, "geonames_id": geonames_id}
        )
    ]
    stale += PlaceAlias.objects.filter(
        place__kind=Place.Kind.CITY, normalized__in=CONTINENTS
    ).values_list("pk", flat=True)
    PlaceAlias.objects.filter(pk__in=stale).delete()
    # The gazetteer reads a place by its own name too: a town named like a continent that a
    # database loaded before the rule holds goes, unless an event is placed there.
    Place.objects.filter(
        kind=Place.Kind.CITY, name__in=CONTINENT_NAMES, events__isnull=True
    ).delete()


def event_place(reference):
    if not reference:
        return None
    if "geonames_id" in reference:
        return Place.objects.get(geonames_id=reference["geonames_id"])
    if "region" in reference:
        return Place.objects.get(kind=Place.Kind.REGION, region=reference["region"])
    return Place.objects.get(kind=Place.Kind.COUNTRY, country=reference["country"])


def load_event(record, actor_ids, series):
    """Create or update one curated event; saving only on change keeps its history quiet."""
    fields = {
        "type": record["type"],
        "summary": f"{record['summary']} Source: {record['source']}.",
        "end": date.fromisoformat(record["end"]) if record.get("end") else None,
        "precision": record.get("precision", "day"),
        "place": event_place(record.get("place")),
        "series": series.get(record.get("series")),
        "occurrence_status": Event.Occurrence.HELD,
        "curation_status": Event.Curation.APPROVED,
        "confidence": 1.0,
    }
    event, created = Event.objects.get_or_create(
        title=record["title"], start=date.fromisoformat(record["start"]), defaults=fields
    )
    if not created and any(getattr(event, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(event, name, value)
        event.save()

    roles = {name: Participation.Role.PARTICIPANT for name in record.get("participants", [])}
    roles |= {name: Participation.Role.HOST for name in record.get("hosts", [])}
    unknown = sorted(set(roles) - set(actor_ids))
    if unknown:
        raise CommandError(f"event {record['title']!r}: unknown actors {unknown}")
    Participation.objects.bulk_create(
        [Participation(event=event, actor_id=actor_ids[n], role=r) for n, r in roles.items()],
        update_conflicts=True,
        unique_fields=["event", "actor"],
        update_fields=["role"],
    )
    tags = [
        Tag.objects.get_or_create(slug=slugify(n), defaults={"name": n})[0] for n in record["tags"]
    ]
    event.tags.add(*tags)
    return event


def load_events(path, actor_ids):
    data = read_json(path)
    series = {
        s["name"]: Series.objects.update_or_create(
            name=s["name"], defaults={"description": s["description"]}
        )[0]
        for s in data["series"]
    }
    return [load_event(record, actor_ids, series) for record in data["events"]]


def referenced_geonames_ids(path, gazetteer):
    """The cities that curated events take place in and that bodies meet in."""
    events = {
        e["place"]["geonames_id"]
        for e in read_json(path)["events"]
        if "geonames_id" in e.get("place", {})
    }
    return events | {seat["geonames_id"] for seat in seat_references(gazetteer).values()}


def seat_references(gazetteer):
    return {
        (record["name"], record.get("kind", "organization")): record["seat"]
        for record in read_json(gazetteer / "organizations.json")
        if "seat" in record
    }


def load_seats(gazetteer):
    places = dict(Place.objects.filter(geonames_id__isnull=False).values_list("geonames_id", "pk"))
    for (name, kind), seat in seat_references(gazetteer).items():
        Actor.objects.filter(name=name, kind=kind).update(seat_id=places[seat["geonames_id"]])


class Command(BaseCommand):
    help = "Load the gazetteer (states, organizations, people, places) and curated events."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-cities",
            action="store_true",
            help="Load only the cities that curated events take place in.",
        )
        parser.add_argument(
            "--cities-min-population",
            type=int,
            default=0,
            help="Load only cities with at least this many inhabitants (and event places).",
        )
        parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="The seeds folder.")

    def handle(self, *args, **options):
        gazetteer, events_path = options["seeds"] / "gazetteer", options["seeds"] / "events.json"
        min_population = options["cities_min_population"]
        if options["skip_cities"]:
            min_population = 10**12
        started = time.perf_counter()
        with transaction.atomic():
            actor_ids = load_actors(gazetteer)
            # The places of curated events are loaded even when cities are skipped.
            load_places(gazetteer, min_population, referenced_geonames_ids(events_path, gazetteer))
            load_seats(gazetteer)
            events = load_events(events_path, actor_ids)
            # Bulk writes send no signals: the timeline's cached counts are renewed here.
            TimelineVersion.bump()
        self.stdout.write(summary(len(events), time.perf_counter() - started))


def summary(event_count, seconds):
    counted = dict.fromkeys(Actor.Kind.values, 0)
    counted |= dict(Actor.objects.values_list("kind").annotate(Count("pk")))
    aliases = ActorAlias.objects.count() + PlaceAlias.objects.count()
    return (
        f"Gazetteer: {counted['state']} states, "
        f"{counted['organization'] + counted['body']} organizations, {counted['person']} people, "
        f"{Place.objects.count()} places, {aliases} aliases; "
        f"curated events: {event_count} ({seconds:.1f} s)"
    )
