"""The domain: articles as ingested, the events they report, and the gazetteer of actors, places."""

import hashlib
import logging
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connections, models, router, transaction
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

review_log = logging.getLogger("timeline.review")


def normalize_alias(name):
    """The key aliases are compared by: case-folded, accents kept (Köln ≠ Koln is rare in news)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def content_hash(text):
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode()).hexdigest()


class Actor(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("state")
        ORGANIZATION = "organization", _("organization")
        BODY = "body", _("body")
        PERSON = "person", _("person")

    name = models.CharField(_("name"), max_length=200)
    name_de = models.CharField(_("German name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2")
    )
    role = models.CharField(_("office or description"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
    )
    wikidata_id = models.CharField(_("Wikidata id"), max_length=20, blank=True)
    seat = models.ForeignKey(
        "Place",
        verbose_name=_("seat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where a body usually meets, when a report names no place."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="unique_actor_name_kind"),
        ]

    def __str__(self):
        return self.name


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    language = models.CharField(_("language"), max_length=5, blank=True)

    class Meta:
        verbose_name = _("actor alias")
        verbose_name_plural = _("actor aliases")
        constraints = [
            models.UniqueConstraint(fields=["actor", "normalized"], name="unique_actor_alias"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_alias(self.name)
        super().save(*args, **kwargs)


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("city")
        VENUE = "venue", _("venue")
        REGION = "region", _("region")
        COUNTRY = "country", _("country")

    name = models.CharField(_("name"), max_length=200)
    name_de = models.CharField(_("German name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    region = models.CharField(_("region code"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), default=0)
    geonames_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    within = models.ForeignKey(
        "self",
        verbose_name=_("within"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
        help_text=_("For a venue: the city it is in."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self):
        return f"{self.name}, {self.country}"


class PlaceAlias(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    language = models.CharField(_("language"), max_length=5, blank=True)

    class Meta:
        verbose_name = _("place alias")
        verbose_name_plural = _("place aliases")
        constraints = [
            models.UniqueConstraint(fields=["place", "normalized"], name="unique_place_alias"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_alias(self.name)
        super().save(*args, **kwargs)


class Feed(models.Model):
    url = models.URLField(_("feed URL"), max_length=1000, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self):
        return self.title or self.url


class Article(models.Model):
    text = models.TextField(_("text as ingested"))
    title = models.CharField(_("title"), max_length=500, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=1000, null=True, blank=True, unique=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=5)
    published_at = models.DateTimeField(_("published"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin")
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    ingested_at = models.DateTimeField(_("ingested"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]

    def __str__(self):
        return self.title or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.text)
        if self.url == "":
            self.url = None
        super().save(*args, **kwargs)


class Series(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class EventType(models.TextChoices):
    """A small diplomatic vocabulary; `plover` maps each to its PLOVER/CAMEO category."""

    MEETING = "meeting", _("meeting or talks")
    PHONE_CALL = "phone_call", _("phone call")
    VISIT = "visit", _("visit")
    SUMMIT = "summit", _("summit or conference")
    SESSION = "session", _("council or ministerial session")
    NEGOTIATION = "negotiation", _("negotiation round")
    AGREEMENT = "agreement", _("agreement or signature")
    SANCTION = "sanction", _("sanction or expulsion")
    STATEMENT = "statement", _("statement or demand")


PLOVER_CATEGORY = {
    EventType.MEETING: "CONSULT",
    EventType.PHONE_CALL: "CONSULT",
    EventType.VISIT: "CONSULT",
    EventType.SUMMIT: "CONSULT",
    EventType.SESSION: "CONSULT",
    EventType.NEGOTIATION: "CONSULT",
    EventType.AGREEMENT: "AGREE",
    EventType.SANCTION: "SANCTION",
    EventType.STATEMENT: "REQUEST",
}


class Precision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    SEASON = "season", _("season")
    YEAR = "year", _("year")


def normalize_search(text):
    return " ".join(text.split())


def named(text):
    """Actors or places whose English or German name contains `text`."""
    return Q(name__icontains=text) | Q(name_de__icontains=text)


# A search that can match at most this many events reads them by id. One that can match more
# scans the timeline in order until a page is full: at most about 31 × N / SEARCH_LISTED rows
# of N events (15,500 of a million) when no other filter narrows it further.
SEARCH_LISTED = 2000


@dataclass(frozen=True)
class SearchMatches:
    """What a search can match, looked up before the events are read (`search_matches`)."""

    actors: list
    # Every event the search can match, if there are at most SEARCH_LISTED; else None.
    events: list | None


def search_matches(text, using=None):
    """The actors whose name contains `text`, and — if there are at most SEARCH_LISTED — the
    events that can match it: those the text index finds (FTS5 on SQLite, GIN on PostgreSQL)
    and those at a place or with an actor so named. One query.

    The listed events are candidates: EventQuerySet.search still checks each, so whether there
    are few decides how the timeline is read, never what it shows.
    """
    text = normalize_search(text)
    using = using or router.db_for_read(Event)
    actors = sql_of(Actor.objects.using(using).filter(named(text)).values("pk"))
    places = sql_of(Place.objects.using(using).filter(named(text)).values("pk"))
    names = f"WITH actors(id) AS ({actors[0]}), places(id) AS ({places[0]})"
    select_names = "SELECT 'actor', id FROM actors"
    params = actors[1] + places[1]
    mentions = text_index_sql(text, using)
    if mentions is None:
        sql = f"{names} {select_names}"
    else:
        # Counted first, up to one too many (selecting no event column, so that PostgreSQL
        # counts the names' events in the index alone), and listed only if not too many.
        sql = (
            f"{names}, mentioned(id) AS ({mentions[0]} LIMIT %s), "
            f"counted(n) AS (SELECT COUNT(*) FROM ({candidates_sql('name')} LIMIT %s) c) "
            f"{select_names} UNION ALL SELECT 'events', n FROM counted "
            f"UNION ALL SELECT 'event', id FROM ({candidates_sql('event')} LIMIT %s) listed "
            "WHERE (SELECT n FROM counted) <= %s"
        )
        params += mentions[1] + (SEARCH_LISTED + 1,) * 2 + (SEARCH_LISTED,) * 2
    found = {"actor": [], "event": [], "events": []}
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        for kind, pk in cursor.fetchall():
            found[kind].append(pk)
    if found["events"] and found["events"][0] <= SEARCH_LISTED:
        return SearchMatches(found["actor"], sorted(set(found["event"])))
    return SearchMatches(found["actor"], None)


def candidates_sql(column):
    """The events at the places and with the actors named, and those mentioned; as the
    event's id, or (`column="name"`) as the name's, which the indexes on names hold alone.

    CROSS JOIN: SQLite reads the few names first, then their events by index, instead of
    scanning every participation for them; PostgreSQL plans it as any join.
    """
    event, participation = Event._meta.db_table, Participation._meta.db_table
    if column == "name":
        at_place, with_actor = "places.id", "actors.id"
    else:
        at_place, with_actor = f"{event}.id", f"{participation}.event_id"
    return (
        f"SELECT {at_place} FROM places CROSS JOIN {event} WHERE {event}.place_id = places.id "
        f"UNION ALL SELECT {with_actor} FROM actors CROSS JOIN {participation} "
        f"WHERE {participation}.actor_id = actors.id UNION ALL SELECT id FROM mentioned"
    )


def sql_of(queryset):
    sql, params = queryset.order_by().query.sql_with_params()
    return sql, tuple(params)


def text_index_sql(text, using):
    """SQL for the ids of every event whose title or summary can contain `text`, read from an
    index; None where there is none to read (SQLite's trigrams need three characters)."""
    vendor = connections[using].vendor
    if vendor == "postgresql":
        return sql_of(Event.objects.using(using).filter(mentioning(text, vendor)).values("pk"))
    if vendor == "sqlite" and len(text) >= 3:
        # One FTS5 string, quoted: the trigrams of `text` in a row, whatever operators it has.
        phrase = '"' + text.replace('"', '""') + '"'
        return "SELECT rowid FROM timeline_event_fts WHERE timeline_event_fts MATCH %s", (phrase,)
    return None


def mentioning(text, vendor):
    """Events whose title or summary has `text`: PostgreSQL's German and English full-text
    search (websearch syntax), else a case-insensitive substring."""
    if vendor != "postgresql":
        return Q(title__icontains=text) | Q(summary__icontains=text)
    from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField

    # SearchVector("title", "summary") in German and English, stored and GIN-indexed by
    # PostgreSQL itself (migration 0006), so no row computes it for a query.
    document = RawSQL(
        f'"{Event._meta.db_table}"."search_document"', (), output_field=SearchVectorField()
    )
    query = SearchQuery(text, config="german", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )
    return Q(SearchVectorExact(document, query))


class CurationError(Exception):
    """A review action the event's present state does not allow (e.g. approving a merged one)."""


class Conflict(CurationError):
    """Someone changed the event since the editor saw it: act on the fresh state, or not at all."""


class EventQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(curation_status=Event.Curation.APPROVED)

    def suggested(self):
        return self.filter(curation_status=Event.Curation.SUGGESTED)

    def between(self, first, last):
        """Events whose date interval overlaps [first, last]; either bound may be None."""
        queryset = self
        if first is not None:
            queryset = queryset.filter(Q(end__gte=first) | Q(end__isnull=True, start__gte=first))
        if last is not None:
            # The bound the timeline's index seeks to (the actor's copy: see involving_any).
            start, _ = self._timeline_position()
            queryset = queryset.filter(**{f"{start}__lte": last})
        return queryset

    def involving(self, actor):
        return self.filter(participants=actor).distinct()

    def at(self, place):
        return self.filter(Q(place=place) | Q(place__within=place))

    def in_country(self, country_code):
        return self.filter(place__country=country_code.upper())

    # The analysts' timeline: multi-valued filters match any of the given values, and use
    # EXISTS rather than joins so that no DISTINCT is needed and keyset order stays cheap
    # (except one actor, a join that gives the order: see involving_any).

    def involving_any(self, actors):
        if len(actors) == 1:
            # One actor: read its participations in timeline order, which carry the event's
            # status and start (participation_timeline_idx), instead of scanning the timeline
            # for the events it is in. An event has an actor once, so the join adds no row.
            return self.filter(
                participations__actor=actors[0],
                participations__event_curation_status=F("curation_status"),
            ).alias(
                actor_timeline_start=F("participations__event_start"),
                actor_timeline_id=F("participations__event_id"),
            )
        return self.filter(
            models.Exists(
                Participation.objects.filter(event=models.OuterRef("pk"), actor__in=actors)
            )
        )

    def at_any(self, places):
        return self.filter(Q(place__in=places) | Q(place__within__in=places))

    def in_countries(self, country_codes):
        return self.filter(place__country__in=[code.upper() for code in country_codes])

    def of_types(self, types):
        return self.filter(type__in=types)

    def tagged_any(self, tags):
        return self.filter(
            models.Exists(
                Event.tags.through.objects.filter(event=models.OuterRef("pk"), tag__in=tags)
            )
        )

    def with_occurrence(self, statuses):
        return self.filter(occurrence_status__in=statuses)

    def search(self, text, matches=None):
        """Events whose title or summary has `text` (see `mentioning`), or whose place or one
        of whose actors is named so (`matches`, from search_matches, if the caller has it).

        The actors named are matched by id: inside the per-event EXISTS, SQLite would match
        their names again for every event row, and when none is named there is no EXISTS.
        """
        text = normalize_search(text)
        if not text:
            return self
        if matches is None:
            matches = search_matches(text, using=self.db)
        # The places named stay a subquery (evaluated once): "a" names 26,000 of them.
        places = Place.objects.filter(named(text)).values("pk")
        found = mentioning(text, connections[self.db].vendor) | Q(place__in=places)
        if matches.actors:
            found |= Q(
                models.Exists(
                    Participation.objects.filter(
                        event=models.OuterRef("pk"), actor__in=matches.actors
                    )
                )
            )
        if matches.events is not None:
            # Few: read them by id, rather than scan the timeline in order for them (which for
            # a word no event has means every event).
            return self.filter(found, pk__in=matches.events)
        return self.filter(found)

    def _timeline_position(self):
        """The names of the (start, id) that timeline order reads: the event's own, or the
        participation's copies when involving_any walks one actor's events."""
        if "actor_timeline_start" in self.query.annotations:
            return "actor_timeline_start", "actor_timeline_id"
        return "start", "id"

    def in_timeline_order(self, newest_first=True):
        start, pk = self._timeline_position()
        if newest_first:
            return self.order_by(f"-{start}", f"-{pk}")
        return self.order_by(start, pk)

    def past(self, start, pk=None, newest_first=True):
        """Keyset pagination: the events after position (start, pk) in timeline order.

        Without pk, every event on `start` is included (jumping to a date). The redundant
        bound on `start` lets the (curation_status, start, id) index, or one actor's
        participation_timeline_idx, seek instead of scan.
        """
        at, after = self._timeline_position()
        if newest_first:
            if pk is None:
                return self.filter(**{f"{at}__lte": start})
            return self.filter(
                Q(**{f"{at}__lte": start}), Q(**{f"{at}__lt": start}) | Q(**{f"{after}__lt": pk})
            )
        if pk is None:
            return self.filter(**{f"{at}__gte": start})
        return self.filter(
            Q(**{f"{at}__gte": start}), Q(**{f"{at}__gt": start}) | Q(**{f"{after}__gt": pk})
        )

    def counts_by(self, field, limit=None):
        """One aggregate query: [(value, count)], most frequent first."""
        rows = (
            self.order_by()
            .values_list(field)
            .annotate(count=models.Count("pk"))
            .order_by("-count", field)
        )
        return list(rows[:limit] if limit else rows)

    def counts_per_day(self):
        """Events starting on each day: {day: count}. Grouping by the indexed date itself is
        cheaper than truncating it in SQL; weeks, months and years are summed in Python."""
        rows = self.order_by().values_list("start").annotate(count=models.Count("pk"))
        return dict(rows.order_by())

    # Bulk review: every event of the selection in one transaction, all or nothing.

    def approve(self, *, by, reason="", versions=None):
        """Approve the suggested and rejected events; returns how many. `versions` maps pk to
        the version the editor saw; a change since then raises Conflict for the whole batch."""
        return self._curate_each(Event.approve, Event.APPROVABLE, by, versions, reason=reason)

    def reject(self, *, by, reason, versions=None):
        return self._curate_each(Event.reject, Event.REJECTABLE, by, versions, reason=reason)

    def _curate_each(self, action, allowed, by, versions, **options):
        versions = versions or {}
        with transaction.atomic():
            events = list(self.filter(curation_status__in=allowed).order_by("pk"))
            for event in events:
                action(event, by=by, version=versions.get(event.pk), **options)
        return len(events)

    def related_to(self, event, days=7):
        """Same series, or sharing an actor within ±`days` days."""
        window = timedelta(days=days)
        related = Q(
            models.Exists(
                Participation.objects.filter(
                    event=models.OuterRef("pk"),
                    actor__in=Participation.objects.filter(event=event).values("actor"),
                )
            ),
            start__gte=event.start - window,
            start__lte=event.last_day + window,
        )
        if event.series_id:
            related |= Q(series_id=event.series_id)
        return self.filter(related).exclude(pk=event.pk)


class Event(models.Model):
    class Occurrence(models.TextChoices):
        ANNOUNCED = "announced", _("announced")
        HELD = "held", _("held")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Curation(models.TextChoices):
        SUGGESTED = "suggested", _("suggested")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        MERGED = "merged", _("merged")

    class PartOfDay(models.TextChoices):
        MORNING = "morning", _("morning")
        MIDDAY = "midday", _("midday")
        AFTERNOON = "afternoon", _("afternoon")
        EVENING = "evening", _("evening")
        NIGHT = "night", _("night")

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    precision = models.CharField(
        _("date precision"), max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    approximate = models.BooleanField(_("approximate"), default=False)
    time = models.TimeField(_("time"), null=True, blank=True)
    part_of_day = models.CharField(
        _("part of day"), max_length=10, choices=PartOfDay.choices, blank=True
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    participants = models.ManyToManyField(
        Actor, through="Participation", related_name="events", verbose_name=_("participants")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="events", verbose_name=_("tags"))
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    occurrence_status = models.CharField(
        _("occurrence"), max_length=10, choices=Occurrence.choices, default=Occurrence.HELD
    )
    curation_status = models.CharField(
        _("curation"), max_length=10, choices=Curation.choices, default=Curation.SUGGESTED
    )
    rejection_reason = models.TextField(_("rejection reason"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    confidence = models.FloatField(_("confidence"), default=1.0)
    corroboration = models.PositiveIntegerField(
        _("sources"), default=0, help_text=_("How many articles report this event.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        # Editors' reasons (e.g. for a rejection) are kept whole.
        history_change_reason_field=models.TextField(null=True),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="event_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="event_confidence_between_0_and_1",
            ),
        ]
        indexes = [
            # Keyset pagination of the approved timeline, newest or oldest first.
            models.Index(fields=["curation_status", "start", "id"], name="event_timeline_idx"),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d} {self.title}"

    @property
    def last_day(self):
        return self.end or self.start

    # Django's own get_FOO_display builds a dict of the choices at every call, and a page of
    # the timeline calls these for every event.

    def get_type_display(self):
        return str(TYPE_LABELS.get(self.type, self.type))

    def get_occurrence_status_display(self):
        return str(OCCURRENCE_LABELS.get(self.occurrence_status, self.occurrence_status))

    # Review. Each action is one transaction that claims the version the editor saw with a
    # conditional UPDATE (no lost updates) and leaves a history record with who and why.

    APPROVABLE = (Curation.SUGGESTED, Curation.REJECTED)
    REJECTABLE = (Curation.SUGGESTED, Curation.APPROVED)
    MERGEABLE = (Curation.SUGGESTED, Curation.APPROVED)
    SPLITTABLE_FROM = (Curation.SUGGESTED, Curation.APPROVED, Curation.REJECTED)

    def approve(self, *, by, version=None, reason=""):
        with transaction.atomic():
            self._claim(version, self.APPROVABLE, _("approved"))
            self._set(curation_status=self.Curation.APPROVED, rejection_reason="")
            self._record(by, "approved", reason)

    def reject(self, *, by, reason, version=None):
        """Rejected events stay (with the reason): re-ingesting the article will not suggest
        them again, and analysts never see them."""
        if not reason or not reason.strip():
            raise CurationError(_("Say why the event is rejected."))
        with transaction.atomic():
            self._claim(version, self.REJECTABLE, _("rejected"))
            self._set(curation_status=self.Curation.REJECTED, rejection_reason=reason.strip())
            self._record(by, "rejected", reason)

    def merge_into(self, target, *, by, version=None, target_version=None, reason=""):
        """This event reports `target`: the target gains its citations, actors and tags (and
        corroboration); this one becomes "merged". What moved is kept in a Merge for `split`."""
        if target.pk == self.pk:
            raise CurationError(_("An event cannot be merged into itself."))
        with transaction.atomic():
            # Lock both rows in one order so that two opposite merges cannot deadlock.
            list(
                Event.objects.select_for_update().filter(pk__in=[self.pk, target.pk]).order_by("pk")
            )
            self._claim(version, self.MERGEABLE, _("merged"))
            target._claim(target_version, self.MERGEABLE, _("merged into"))
            merge = Merge.record(self, target, by=by, reason=reason)
            self._set(curation_status=self.Curation.MERGED, merged_into=target)
            self._record(by, f"merged into #{target.pk} {target.title}", reason)
            target.refresh_from_db()
            target._record(by, f"#{self.pk} {self.title} merged into this event", reason)
        return merge

    def split(self, *, by, version=None, reason=""):
        """Undo this event's merge exactly: its citations, actors and tags leave the target."""
        merge = self.merges_out.filter(split_at__isnull=True).select_related("target").last()
        if self.curation_status != self.Curation.MERGED or merge is None:
            raise CurationError(_("Only a merged event can be split off again."))
        target = merge.target
        with transaction.atomic():
            list(
                Event.objects.select_for_update().filter(pk__in=[self.pk, target.pk]).order_by("pk")
            )
            self._claim(version, [self.Curation.MERGED], _("split off"))
            # A target merged on in turn is split off its own target first (last in, first out).
            target._claim(None, self.SPLITTABLE_FROM, _("split"))
            merge.undo(by=by, reason=reason)
            self._set(curation_status=merge.previous_status, merged_into=None)
            self._record(by, f"split off #{target.pk} {target.title}", reason)
            target.refresh_from_db()
            target._record(by, f"#{self.pk} {self.title} split off", reason)

    def _claim(self, version, allowed, action_done):
        """UPDATE … WHERE version = v: take the next version or raise Conflict."""
        expected = self.version if version is None else int(version)
        if self.curation_status not in allowed and expected == self.version:
            raise CurationError(
                _("“%(title)s” is %(status)s: it cannot be %(action)s.")
                % {
                    "title": self.title,
                    "status": self.get_curation_status_display(),
                    "action": action_done,
                }
            )
        claimed = Event.objects.filter(
            pk=self.pk, version=expected, curation_status__in=allowed
        ).update(version=F("version") + 1, updated_at=timezone.now())
        if not claimed:
            raise Conflict(
                _("“%(title)s” was changed by someone else in the meantime; here is how it is now.")
                % {"title": self.title}
            )
        self.version = expected + 1

    def _set(self, **changes):
        Event.objects.filter(pk=self.pk).update(**changes)
        TimelineVersion.bump()
        self.refresh_from_db()

    def _record(self, by, action, reason=""):
        reason = " ".join((reason or "").split())
        review_log.info(
            "review action: %s",
            action,
            extra={"event": "review_action", "event_id": self.pk, "action": action,
                   "curation_status": self.curation_status, "version": self.version,
                   "user": getattr(by, "username", None), "reason": reason[:500]},
        )  # fmt: skip
        Event.history.bulk_history_create(
            [self],
            update=True,
            default_user=by,
            default_change_reason=f"{action}: {reason}"[:100] if reason else action[:100],
        )


TYPE_LABELS = dict(EventType.choices)
OCCURRENCE_LABELS = dict(Event.Occurrence.choices)


class Merge(models.Model):
    """What merging `source` into `target` changed, so that a split can restore it exactly."""

    source = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="merges_out")
    target = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="merges_in")
    previous_status = models.CharField(max_length=10, choices=Event.Curation.choices)
    moved_citations = models.JSONField(default=list, help_text="Citation ids moved to the target.")
    # {target citation id: its evidence before}: the source's article was already cited there.
    extended_citations = models.JSONField(default=dict)
    added_actors = models.JSONField(default=list, help_text="Actor ids the target gained.")
    added_tags = models.JSONField(default=list, help_text="Tag ids the target gained.")
    corroboration_added = models.PositiveIntegerField(default=0)
    reason = models.TextField(blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    split_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    split_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["merged_at", "pk"]
        verbose_name = _("merge")
        verbose_name_plural = _("merges")

    def __str__(self):
        return f"#{self.source_id} → #{self.target_id}"

    @classmethod
    def record(cls, source, target, *, by, reason=""):
        """Give the target the union of both events and note every change made to it."""
        target_citations = {c.article_id: c for c in target.citations.all()}
        moved, extended = [], {}
        for citation in source.citations.all():
            if kept := target_citations.get(citation.article_id):
                extended[str(kept.pk)] = kept.evidence
                kept.evidence = kept.evidence + [
                    span for span in citation.evidence if span not in kept.evidence
                ]
                kept.save(update_fields=["evidence"])
            else:
                moved.append(citation.pk)
        Citation.objects.filter(pk__in=moved).update(event=target)
        present = set(target.participations.values_list("actor_id", flat=True))
        gained = [p for p in source.participations.all() if p.actor_id not in present]
        Participation.objects.bulk_create(
            Participation(event=target, actor_id=p.actor_id, role=p.role) for p in gained
        )
        tags = set(source.tags.values_list("pk", flat=True)) - set(
            target.tags.values_list("pk", flat=True)
        )
        target.tags.add(*tags)
        Event.objects.filter(pk=target.pk).update(corroboration=F("corroboration") + len(moved))
        return cls.objects.create(
            source=source,
            target=target,
            previous_status=source.curation_status,
            moved_citations=moved,
            extended_citations=extended,
            added_actors=[p.actor_id for p in gained],
            added_tags=sorted(tags),
            corroboration_added=len(moved),
            reason=reason,
            merged_by=by,
        )

    def undo(self, *, by, reason=""):
        Citation.objects.filter(pk__in=self.moved_citations, event=self.target).update(
            event=self.source
        )
        for pk, evidence in self.extended_citations.items():
            Citation.objects.filter(pk=pk).update(evidence=evidence)
        # An actor or tag that merges brought leaves with the last merge whose event has it.
        merges = Merge.objects.filter(target=self.target_id)
        others = merges.filter(split_at__isnull=True).exclude(pk=self.pk)
        brought = {"actors": set(), "tags": set()}
        for actors, tags in merges.values_list("added_actors", "added_tags"):
            brought["actors"].update(actors)
            brought["tags"].update(tags)
        kept_actors = Participation.objects.filter(event__merges_out__in=others).values("actor_id")
        kept_tags = Event.tags.through.objects.filter(event__merges_out__in=others).values("tag_id")
        self.target.participations.filter(actor_id__in=brought["actors"]).exclude(
            actor_id__in=kept_actors
        ).delete()
        self.target.tags.remove(
            *Tag.objects.filter(pk__in=brought["tags"]).exclude(pk__in=kept_tags)
        )
        Event.objects.filter(pk=self.target_id).update(
            corroboration=Greatest(F("corroboration") - self.corroboration_added, 0)
        )
        self.split_by, self.split_at = by, timezone.now()
        self.reason = "\n".join(filter(None, [self.reason, reason]))
        self.save(update_fields=["split_by", "split_at", "reason"])


class Participation(models.Model):
    class Role(models.TextChoices):
        HOST = "host", _("host")
        PARTICIPANT = "participant", _("participant")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    # Copies of the event's, so that one actor's events can be read in timeline order from
    # participation_timeline_idx (EventQuerySet.involving_any). The database writes them, by
    # triggers on both tables (migration 0008): whatever writes the rows, the ORM's saves,
    # bulk_create, update() or loaddata, the copies follow.
    event_start = models.DateField(null=True, editable=False)
    event_curation_status = models.CharField(max_length=10, default="", editable=False)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="unique_participation"),
        ]
        indexes = [
            models.Index(
                fields=["actor", "event_curation_status", "event_start", "event"],
                name="participation_timeline_idx",
            ),
        ]

    def __str__(self):
        return f"{self.actor} ({self.get_role_display()})"


class Citation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    evidence = models.JSONField(
        _("evidence"),
        default=list,
        help_text=_("Spans into the article text: role, start, end, text."),
    )
    date_resolution = models.JSONField(
        _("date resolution"),
        default=dict,
        blank=True,
        help_text=_("How the relative date was resolved against the publication time."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(fields=["event", "article"], name="unique_citation"),
        ]

    def __str__(self):
        return f"{self.article} → {self.event}"


class TimelineVersion(models.Model):
    """A token that changes with every change analysts could see in the timeline's counts.

    The page's total, density strip and facet counts are cached under it (views.summaries).
    It lives in the database, not the cache, so that a change made in one process (an admin
    request, a command) is seen at once by every other, and it changes in the transaction that
    makes the change: a reader can never pair the new token with the old counts.
    """

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return str(self.token)

    @classmethod
    def current(cls):
        return cls.objects.values_list("token", flat=True).first()

    @classmethod
    def bump(cls, using=None):
        versions = cls.objects.db_manager(using)
        token = uuid.uuid4()
        if not versions.filter(pk=1).update(token=token):
            versions.update_or_create(pk=1, defaults={"token": token})


# Review actions bump the version in Event._set. These receivers catch what reaches the rows
# without a model method: the admin's forms and inlines, imports, renames and deletions. A new
# suggestion (ingestion's bulk of writes) changes nothing analysts see, so it does not bump.


@receiver(post_save, sender=Event)
def _event_saved(sender, instance, created, raw, using, **kwargs):
    if not raw and (not created or instance.curation_status == Event.Curation.APPROVED):
        TimelineVersion.bump(using)


@receiver(post_delete, sender=Event)
def _event_deleted(sender, instance, using, **kwargs):
    if instance.curation_status == Event.Curation.APPROVED:
        TimelineVersion.bump(using)


@receiver(post_save, sender=Participation)
@receiver(post_save, sender=Actor)
@receiver(post_save, sender=Place)
@receiver(post_save, sender=Tag)
def _timeline_row_saved(sender, raw, using, **kwargs):
    if not raw:
        TimelineVersion.bump(using)


@receiver(post_delete, sender=Participation)
@receiver(post_delete, sender=Actor)
@receiver(post_delete, sender=Place)
@receiver(post_delete, sender=Tag)
def _timeline_row_deleted(sender, using, **kwargs):
    TimelineVersion.bump(using)


@receiver(m2m_changed, sender=Event.tags.through)
def _event_tags_changed(sender, action, using, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        TimelineVersion.bump(using)


class Ingestion(models.Model):
    """A request to ingest articles (pasted text, files, URLs or a feed), run as background tasks.

    `items` holds the inputs until a worker has read them, so a request survives a restart.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("pasted text")
        FILE = "file", _("files")
        URL = "url", _("URLs")
        FEED = "feed", _("feed")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=500, blank=True)
    items = models.JSONField(_("inputs"), default=list, blank=True)
    published = models.DateTimeField(_("publication time override"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin")
    language = models.CharField(_("language"), max_length=5, blank=True)
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingestions"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("items"), default=0)
    done = models.PositiveIntegerField(_("items done"), default=0)
    articles_new = models.PositiveIntegerField(_("new articles"), default=0)
    articles_known = models.PositiveIntegerField(_("already known"), default=0)
    failures = models.PositiveIntegerField(_("failed"), default=0)
    suggestions = models.PositiveIntegerField(_("suggestions made"), default=0)
    corroborations = models.PositiveIntegerField(_("events corroborated"), default=0)
    error = models.TextField(_("errors"), blank=True)
    articles = models.ManyToManyField(
        Article, blank=True, related_name="ingestions", verbose_name=_("articles")
    )
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ingestion")
        verbose_name_plural = _("ingestions")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}: {self.source}"[:200]

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
