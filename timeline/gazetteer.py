"""The extraction gazetteer, built from the actors and places editors keep in the database."""

from collections import defaultdict

from django.db import DatabaseError
from django.db.models import Count, Max

from .extraction.mentions import Gazetteer
from .extraction.types import GazetteerActor, GazetteerPlace
from .models import Actor, ActorAlias, Place, PlaceAlias

_cache = {"signature": None, "gazetteer": None}


def _signature():
    """Changes whenever an editor adds, removes or renames an actor, place or alias."""
    return tuple(
        tuple(model.objects.aggregate(n=Count("id"), last=Max("id")).values())
        for model in (Actor, ActorAlias, Place, PlaceAlias)
    )


class GazetteerMissing(Exception):
    """The database has no gazetteer to match articles against."""


def require_gazetteer():
    """The gazetteer for commands that would otherwise suggest nothing without saying why."""
    try:
        gazetteer = load_gazetteer()
    except DatabaseError:
        raise GazetteerMissing(
            "the database is not set up: run `make setup` (or migrate and load_seeds)"
        ) from None
    if not len(gazetteer):
        raise GazetteerMissing("the gazetteer is empty: run `python manage.py load_seeds`")
    return gazetteer


def load_gazetteer():
    """The gazetteer of the current database, rebuilt only when it changed."""
    signature = _signature()
    if _cache["signature"] != signature:
        _cache["gazetteer"] = build_gazetteer()
        _cache["signature"] = signature
    return _cache["gazetteer"]


def build_gazetteer():
    actor_aliases = defaultdict(list)
    for actor_id, name in ActorAlias.objects.values_list("actor_id", "name").iterator():
        actor_aliases[actor_id].append(name)
    place_aliases = defaultdict(list)
    for place_id, name in PlaceAlias.objects.values_list("place_id", "name").iterator():
        place_aliases[place_id].append(name)
    actors = [
        GazetteerActor(
            key=str(row["id"]),
            name=row["name"],
            kind=row["kind"],
            country=row["country"] or None,
            aliases=tuple(sorted({row["name_de"], *actor_aliases[row["id"]]} - {""})),
            parent=str(row["parent_id"]) if row["parent_id"] else None,
            seat=str(row["seat_id"]) if row["seat_id"] else None,
        )
        for row in Actor.objects.values(
            "id", "name", "name_de", "kind", "country", "parent_id", "seat_id"
        )
    ]
    places = [
        GazetteerPlace(
            key=str(row["id"]),
            name=row["name"],
            country=row["country"],
            kind=row["kind"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            population=row["population"],
            region=row["region"] or None,
            within=str(row["within_id"]) if row["within_id"] else None,
            aliases=tuple(sorted({row["name_de"], *place_aliases[row["id"]]} - {""})),
        )
        for row in Place.objects.values(
            "id",
            "name",
            "name_de",
            "kind",
            "country",
            "latitude",
            "longitude",
            "population",
            "region",
            "within_id",
        ).iterator()
    ]
    return Gazetteer(actors, places)
