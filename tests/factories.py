"""Small helpers that build timeline data with the ORM; each returns what it made."""

import datetime
import itertools

from django.utils import timezone

from timeline.models import Actor, Article, Citation, Event, Participation, Place, Series, Tag

_numbers = itertools.count(1)


def make_place(name="Brussels", country="BE", **fields):
    return Place.objects.get_or_create(name=name, country=country, defaults=fields)[0]


def make_actor(name="NATO", kind=Actor.Kind.ORGANIZATION, **fields):
    return Actor.objects.get_or_create(name=name, kind=kind, defaults=fields)[0]


def make_tag(name="Ukraine crisis"):
    from django.utils.text import slugify

    return Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]


def make_series(name="NATO-Russia Council"):
    return Series.objects.get_or_create(name=name)[0]


def make_event(
    title=None,
    start=datetime.date(2022, 1, 12),
    *,
    actors=(),
    hosts=(),
    tags=(),
    curation_status=Event.Curation.APPROVED,
    **fields,
):
    event = Event.objects.create(
        title=title or f"Event {next(_numbers)}",
        start=start,
        type=fields.pop("type", "meeting"),
        curation_status=curation_status,
        **fields,
    )
    for actor in actors:
        Participation.objects.create(event=event, actor=actor)
    for actor in hosts:
        Participation.objects.create(event=event, actor=actor, role=Participation.Role.HOST)
    event.tags.set(tags)
    return event


def make_council(**fields):
    """The seed's NATO-Russia Council session in Brussels on 2022-01-12, with its actors."""
    nato = make_actor("NATO")
    russia = make_actor("Russia", Actor.Kind.STATE, name_de="Russland")
    brussels = make_place("Brussels", "BE", name_de="Brüssel")
    event = make_event(
        "NATO-Russia Council meets again",
        datetime.date(2022, 1, 12),
        place=brussels,
        actors=[nato, russia],
        tags=[make_tag("Ukraine crisis")],
        **fields,
    )
    return event, nato, russia, brussels


def make_article(text, title="Nato-Russland-Rat tagt wieder", **fields):
    fields.setdefault("outlet", "tagesschau")
    fields.setdefault("language", "de")
    fields.setdefault("published_at", timezone.make_aware(datetime.datetime(2022, 1, 12, 3, 55)))
    return Article.objects.create(text=text, title=title, **fields)


def cite(event, article, *evidence):
    """Link `article` to `event`; evidence is (role, phrase) pairs located in the article."""
    spans = []
    for role, phrase in evidence:
        start = article.text.index(phrase)
        spans.append({"role": role, "start": start, "end": start + len(phrase), "text": phrase})
    return Citation.objects.create(event=event, article=article, evidence=spans)
