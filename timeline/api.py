"""The read API under /api/: approved events, actors, places, and a change feed for syncing.

Events take the timeline's query parameters and go through the same TimelineForm as the page,
so the API, the exports and the page agree on what a filter selects; the page's keyset cursor
pages the list. Bad parameters are a 400 with the errors per parameter. The OpenAPI
description is at /api/openapi.json, its Swagger UI at /api/docs (from the app's own static
files, so it runs under the site's strict Content-Security-Policy as it is).
"""

import base64
import binascii
import datetime
import heapq
from enum import StrEnum
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import BeforeValidator

from . import exports
from .forms import TimelineForm, encode_cursor
from .models import Actor, Event, EventType, Place, Precision
from .views import timeline_events

MAX_LIMIT = 200
MAX_ID = 2**63 - 1


def timeline_reader(request):
    """Anyone may read while the timeline is public; otherwise a logged-in user."""
    return settings.TIMELINE_PUBLIC or request.user.is_authenticated


api = NinjaAPI(
    title="Diplomatic timeline",
    version="1.0.0",
    description=__doc__,
    urls_namespace="api",
    auth=timeline_reader,
)


class BadRequest(HttpError):
    def __init__(self, errors):
        super().__init__(400, "The request's parameters are not valid.")
        self.errors = errors


@api.exception_handler(BadRequest)
def bad_request(request, exc):
    return api.create_response(request, {"detail": exc.message, "errors": exc.errors}, status=400)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    errors = {}
    for error in exc.errors:
        names = [part for part in error.get("loc", ()) if isinstance(part, str)]
        name = names[-1] if names else "?"
        errors.setdefault(name, []).append(str(error.get("msg", "invalid")))
    return api.create_response(
        request,
        {"detail": "The request's parameters are not valid.", "errors": errors},
        status=400,
    )


# What goes out: the record of exports.event_record, described.


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class PlaceOut(Schema):
    id: int
    name: str
    country: str
    latitude: float | None
    longitude: float | None


class ParticipantOut(Schema):
    id: int
    name: str
    kind: Actor.Kind
    role: str


class EvidenceOut(Schema):
    role: str | None
    start: int | None
    end: int | None
    text: str | None


class SourceOut(Schema):
    url: str | None
    outlet: str
    title: str
    published_at: datetime.datetime


class SourceWithEvidenceOut(SourceOut):
    evidence: list[EvidenceOut]
    date_resolution: dict


class EventOut(Schema):
    id: int
    url: str = Field(description="The event's permalink on the timeline.")
    title: str
    summary: str
    type: EventType
    start: datetime.date
    end: datetime.date | None
    precision: Precision
    approximate: bool
    time: str | None = Field(description="HH:MM in the site's time zone.")
    part_of_day: str | None
    display_date: str = Field(description="The date as precisely as it is known.")
    occurrence_status: Event.Occurrence
    place: PlaceOut | None
    participants: list[ParticipantOut]
    tags: list[str]
    series: str | None
    confidence: float
    corroboration: int
    updated_at: datetime.datetime
    sources: list[SourceOut]


class EventDetailOut(EventOut):
    sources: list[SourceWithEvidenceOut]


class EventPage(Schema):
    events: list[EventOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page.")


class ActorOut(Schema):
    id: int
    name: str
    name_de: str
    kind: Actor.Kind
    country: str
    wikidata_id: str


class ActorPage(Schema):
    actors: list[ActorOut]
    next_after: int | None = Field(description="Pass as `after` for the next page.")


class PlacePage(Schema):
    places: list[PlaceOut]
    next_after: int | None = Field(description="Pass as `after` for the next page.")


class Change(StrEnum):
    UPDATED = "updated"
    REJECTED = "rejected"
    MERGED = "merged"
    WITHDRAWN = "withdrawn"
    DELETED = "deleted"


class ChangeOut(Schema):
    id: int
    change: Change = Field(
        description="updated: the event is approved and `event` is its full record; every "
        "other change is a tombstone: the event is no longer on the timeline."
    )
    changed_at: datetime.datetime
    merged_into: int | None
    event: EventOut | None


class ChangePage(Schema):
    changes: list[ChangeOut]
    next_cursor: str | None = Field(description="Pass as `cursor` to continue from here.")


# What comes in.


class EventFilters(Schema):
    """The timeline's filters; several values of one filter match any of them."""

    q: str | None = Field(
        None, max_length=200, description="Search in titles, summaries, places and actors."
    )
    actor: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field([], description="Actor ids.")
    place: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        [], description="Place ids (a city includes its venues)."
    )
    country: list[Annotated[str, Field(pattern="^[A-Za-z]{2}$")]] = Field(
        [], description="ISO 3166-1 alpha-2 codes of the place."
    )
    type: list[EventType] = []
    tag: list[str] = Field([], description="Tag slugs.")
    status: list[Event.Occurrence] = []
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")
    order: Literal["newest", "oldest"] | None = None
    jump: datetime.date | None = Field(None, description="Start the list at this date.")
    cursor: str | None = Field(
        None, max_length=64, description="`next_cursor` of the previous page."
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


ERRORS = {400: ErrorOut, 401: ErrorOut}


@api.get("/events", response={200: EventPage, **ERRORS}, tags=["events"])
def list_events(request, filters: Query[EventFilters]):
    """Approved events as the timeline at / shows them, one page at a time."""
    form = TimelineForm(request.GET)
    if not form.is_valid():
        raise BadRequest({name: list(messages) for name, messages in form.errors.items()})
    events = form.page(timeline_events(form)).in_timeline_order(form.newest_first)
    page = list(exports.for_export(events)[: filters.limit + 1])
    more = len(page) > filters.limit
    page = page[: filters.limit]
    return {
        "events": [exports.event_record(request, event) for event in page],
        "next_cursor": encode_cursor(page[-1]) if more else None,
    }


@api.get(
    "/events/{event_id}", response={200: EventDetailOut, 404: ErrorOut, **ERRORS}, tags=["events"]
)
def event_detail(request, event_id: int = Path(..., ge=1, le=MAX_ID)):
    """One approved event with its sources and the evidence spans in each article."""
    event = get_object_or_404(exports.for_export(Event.objects.approved()), pk=event_id)
    record = exports.event_record(request, event)
    record["sources"] = [
        exports.source_record(citation, evidence=True) for citation in event.citations.all()
    ]
    return record


class GazetteerFilters(Schema):
    # PostgreSQL text holds no NUL character: refused like any other malformed value.
    q: str | None = Field(
        None, max_length=200, pattern=r"^[^\x00]*$", description="Part of the name."
    )
    after: int = Field(0, ge=0, le=MAX_ID, description="`next_after` of the previous page.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


class ActorFilters(GazetteerFilters):
    kind: list[Actor.Kind] = []


class PlaceFilters(GazetteerFilters):
    country: list[Annotated[str, Field(pattern="^[A-Za-z]{2}$")]] = Field(
        [], description="ISO 3166-1 alpha-2 codes."
    )


def named(rows, filters):
    rows = rows.filter(pk__gt=filters.after).order_by("pk")
    if filters.q and (text := filters.q.strip()):
        rows = rows.filter(Q(name__icontains=text) | Q(name_de__icontains=text))
    return rows


@api.get("/actors", response={200: ActorPage, **ERRORS}, tags=["gazetteer"])
def list_actors(request, filters: Query[ActorFilters]):
    """Actors of the gazetteer, in id order."""
    actors = named(Actor.objects.all(), filters)
    if filters.kind:
        actors = actors.filter(kind__in=filters.kind)
    page, limit = list(actors[: filters.limit + 1]), filters.limit
    return {"actors": page[:limit], "next_after": page[limit - 1].pk if len(page) > limit else None}


@api.get("/places", response={200: PlacePage, **ERRORS}, tags=["gazetteer"])
def list_places(request, filters: Query[PlaceFilters]):
    """Places of the gazetteer, in id order."""
    places = named(Place.objects.all(), filters)
    if filters.country:
        places = places.filter(country__in=[code.upper() for code in filters.country])
    page, limit = list(places[: filters.limit + 1]), filters.limit
    return {
        "places": [exports.place_record(place) for place in page[:limit]],
        "next_after": page[limit - 1].pk if len(page) > limit else None,
    }


# The change feed.

TOMBSTONES = {
    Event.Curation.REJECTED: Change.REJECTED,
    Event.Curation.MERGED: Change.MERGED,
    Event.Curation.SUGGESTED: Change.WITHDRAWN,
}


def encode_position(changed_at, rank, pk):
    raw = f"{changed_at.isoformat()}|{rank}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_position(value):
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
        changed_at, rank, pk = raw.split("|")
        changed_at = datetime.datetime.fromisoformat(changed_at)
        rank, pk = int(rank), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadRequest({"cursor": ["This is not a position in the change feed."]}) from None
    if timezone.is_naive(changed_at) or rank not in (0, 1) or not 0 <= pk <= MAX_ID:
        raise BadRequest({"cursor": ["This is not a position in the change feed."]})
    try:
        changed_at = changed_at.astimezone(datetime.UTC)  # an offset PostgreSQL accepts
    except OverflowError:
        raise BadRequest({"cursor": ["This is not a position in the change feed."]}) from None
    return changed_at, rank, pk


def after_position(rows, time_field, id_field, rank, position):
    """Rows after `position` in (change time, rank, id) order; rank orders the two sources."""
    if position is None:
        return rows
    changed_at, other_rank, pk = position
    later = Q(**{f"{time_field}__gt": changed_at})
    if rank > other_rank:
        later |= Q(**{time_field: changed_at})
    elif rank == other_rank:
        later |= Q(**{time_field: changed_at, f"{id_field}__gt": pk})
    return rows.filter(later)


def aware(moment):
    if timezone.is_naive(moment):
        try:
            return timezone.make_aware(moment)
        except (ValueError, OverflowError):
            raise BadRequest({"since": ["This time does not exist in the site's zone."]}) from None
    return moment


def iso_time(value):
    """ISO 8601 only: pydantic alone would read "0.33" as seconds since 1970."""
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("Give an ISO 8601 time, e.g. 2022-01-12T03:55:00+01:00.") from None
    return value


class ChangeFilters(Schema):
    since: Annotated[datetime.datetime, BeforeValidator(iso_time)] | None = Field(
        None, description="ISO 8601; without a zone, the site's time zone is meant."
    )
    cursor: str | None = Field(None, max_length=100, description="`next_cursor` of a page.")
    limit: int = Field(100, ge=1, le=MAX_LIMIT)


@api.get("/changes", response={200: ChangePage, **ERRORS}, tags=["events"])
def list_changes(request, filters: Query[ChangeFilters]):
    """Events changed since a time, in the order they changed: approved ones as full records,
    and tombstones for events that left the timeline (rejected, merged, withdrawn, deleted).
    Events that were never approved do not appear."""
    since, limit = filters.since, filters.limit
    position = decode_position(filters.cursor) if filters.cursor else None
    history = Event.history.model
    was_approved = history.objects.filter(curation_status=Event.Curation.APPROVED)
    events = Event.objects.filter(
        Q(curation_status=Event.Curation.APPROVED) | Exists(was_approved.filter(id=OuterRef("pk")))
    )
    deletions = history.objects.filter(
        Exists(was_approved.filter(id=OuterRef("id"))), history_type="-"
    )
    if since is not None:
        try:
            # In UTC: PostgreSQL refuses offsets Python accepts ("+20:11", up to a day).
            since = aware(since).astimezone(datetime.UTC)
        except OverflowError:
            raise BadRequest({"since": ["This time is out of range."]}) from None
        events = events.filter(updated_at__gte=since)
        deletions = deletions.filter(history_date__gte=since)
    events = after_position(events, "updated_at", "id", 0, position)
    deletions = after_position(deletions, "history_date", "history_id", 1, position)
    events = exports.for_export(events.order_by("updated_at", "id"))[: limit + 1]
    deletions = deletions.order_by("history_date", "history_id")[: limit + 1]

    merged = heapq.merge(
        ((event.updated_at, 0, event.pk, event) for event in events),
        ((row.history_date, 1, row.history_id, row) for row in deletions),
        key=lambda item: item[:3],
    )
    rows = [row for _, row in zip(range(limit + 1), merged, strict=False)]
    changes = [change_record(request, *row) for row in rows[:limit]]
    next_cursor = encode_position(*rows[limit - 1][:3]) if len(rows) > limit else None
    return {"changes": changes, "next_cursor": next_cursor}


def change_record(request, changed_at, rank, pk, row):
    if rank == 1:
        return {
            "id": row.id,
            "change": Change.DELETED,
            "changed_at": changed_at,
            "merged_into": None,
            "event": None,
        }
    approved = row.curation_status == Event.Curation.APPROVED
    return {
        "id": row.pk,
        "change": Change.UPDATED if approved else TOMBSTONES[row.curation_status],
        "changed_at": changed_at,
        "merged_into": row.merged_into_id,
        "event": exports.event_record(request, row) if approved else None,
    }
