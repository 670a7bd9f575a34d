"""The one workflow that crosses models: an article in, suggested events and citations out.

`ingest_document` stores one article and what the engine suggests from it, in one transaction.
An event the identity rule recognises gets a citation (and more corroboration), never a twin.
The `Ingestion` functions below run an editor's request (text, files, URLs, feeds) item by item;
tasks.py calls them from the worker, the `ingest` command inline.
"""

import html
import logging
import time as clock
from dataclasses import asdict, dataclass, replace
from datetime import time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat
from django.utils import timezone

from .extraction.dedup import KnownEvent, find_same
from .extraction.reading import read_document, read_plain_text
from .extraction.types import ExtractionError
from .fetching import FetchError, fetch, fetch_feed, parse_feed
from .gazetteer import load_gazetteer
from .models import Article, Citation, Event, Ingestion, Participation, content_hash

logger = logging.getLogger(__name__)

ALREADY_KNOWN = "already known"
_CLOSED = [Event.Curation.REJECTED, Event.Curation.MERGED]
# A week-precise event starts up to six days before a day inside it.
_WINDOW = timedelta(days=6)


@dataclass
class IngestResult:
    article: Article | None
    created: bool
    suggestions: int = 0
    corroborated: int = 0
    message: str = ""


def ingest_document(document, *, published=None, feed=None, source="", lang=None):
    """Store the article and its suggestions; nothing new when its text or URL is known.

    Each call logs one structured record (`article_ingested`) with its result and duration.
    """
    started = clock.monotonic()
    try:
        result = _ingest_document(document, published, feed, source, lang)
    except Exception as error:
        log_ingestion(source or document.url, None, "failed", started, error=str(error)[:500])
        raise
    log_ingestion(source or document.url, result, "new" if result.created else "known", started)
    return result


def log_ingestion(source, result, outcome, started, **fields):
    article = result.article if result else None
    logger.info(
        "article ingested: %s",
        outcome,
        extra={
            "event": "article_ingested",
            "article_id": article.pk if article else None,
            "result": outcome,
            "duration_ms": round((clock.monotonic() - started) * 1000, 1),
            "suggestions": result.suggestions if result else 0,
            "corroborated": result.corroborated if result else 0,
            "source": (source or "")[:300],
            **fields,
        },
    )


def _ingest_document(document, published, feed, source, lang):
    label = source or document.url or document.title or "article"
    if known := _known_article(document):
        return IngestResult(known, created=False, message=f"{label}: {ALREADY_KNOWN}")
    suggestions = _suggest(document, published, lang)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                text=document.body,
                title=(document.title or "")[:500],
                outlet=(document.outlet or "")[:200],
                author=(document.author or "")[:300],
                url=document.url or None,
                language=suggestions.language,
                published_at=suggestions.published,
                timezone=zone_name(suggestions.published),
                feed=feed,
            )
            made, corroborated = _store_suggestions(article, suggestions)
    except IntegrityError:
        # Another worker stored the same article a moment ago.
        if known := _known_article(document):
            return IngestResult(known, created=False, message=f"{label}: {ALREADY_KNOWN}")
        raise
    return IngestResult(
        article,
        created=True,
        suggestions=made,
        corroborated=corroborated,
        message=f"{label}: {_plural(made, 'suggestion')} made, "
        f"{_plural(corroborated, 'event')} corroborated",
    )


def _suggest(document, published, lang, *, fresh=False):
    # Imported late: the engine module pulls in the date tagger and its tables.
    from .extraction.pipeline import suggest

    return suggest(document, _gazetteer(fresh), published=published, lang=lang)


_checked = {"at": float("-inf"), "gazetteer": None}


def _gazetteer(fresh):
    """The gazetteer, checked for editors' changes at most every INGEST_GAZETTEER_MAX_AGE s.

    Checking costs four aggregate queries over ~100,000 aliases: as much as storing an article.
    """
    max_age = getattr(settings, "INGEST_GAZETTEER_MAX_AGE", 2.0)
    now = clock.monotonic()
    if fresh or now - _checked["at"] >= max_age:
        _checked["gazetteer"], _checked["at"] = load_gazetteer(), now
    return _checked["gazetteer"]


def _known_article(document):
    query = Q(content_hash=content_hash(document.body))
    if document.url:
        query |= Q(url=document.url)
    return Article.objects.filter(query).first()


def zone_name(moment):
    return getattr(moment.tzinfo, "key", None) or str(moment.tzinfo)


def local_zone(name, default="Europe/Berlin"):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(default)


def _store_suggestions(article, suggestions):
    """New events for new candidates; one citation per known event the article reports."""
    made = 0
    known = nearby_events(suggestions.events)
    citations = {}
    for candidate in suggestions.events:
        if match := find_same(candidate, known):
            fields = _citation_fields(candidate, suggestions.published)
            if cited := citations.get(match.key):
                cited.evidence += [e for e in fields["evidence"] if e not in cited.evidence]
            else:
                citations[match.key] = Citation(event_id=match.key, article=article, **fields)
        else:
            _create_event(article, candidate, suggestions.published)
            made += 1
    if citations:
        Citation.objects.bulk_create(citations.values())
        Event.objects.filter(pk__in=citations).update(corroboration=F("corroboration") + 1)
    return made, len(citations)


def nearby_events(candidates, exclude=()):
    """Open (suggested or approved) events whose dates may overlap the candidates'."""
    if not candidates:
        return []
    first = min(c.start for c in candidates) - _WINDOW
    last = max(c.end or c.start for c in candidates) + _WINDOW
    rows = list(
        Event.objects.exclude(curation_status__in=_CLOSED)
        .exclude(pk__in=exclude)
        .between(first, last)
        .values("pk", "type", "start", "end", "precision", "place_id", "curation_status")
    )
    return _known_events(rows)


def _known_events(rows):
    actors = {}
    for event_id, actor_id in Participation.objects.filter(
        event_id__in=[row["pk"] for row in rows]
    ).values_list("event_id", "actor_id"):
        actors.setdefault(event_id, set()).add(str(actor_id))
    return [
        KnownEvent(
            key=row["pk"],
            type=row["type"],
            start=row["start"],
            end=row["end"],
            precision=row["precision"],
            place=str(row["place_id"]) if row["place_id"] else None,
            actors=frozenset(actors.get(row["pk"], ())),
            curation=row["curation_status"],
        )
        for row in rows
    ]


def _event_fields(article, candidate):
    sentence_start, sentence_end = candidate.sentence
    return {
        "title": candidate.title[:300],
        "summary": article.text[sentence_start:sentence_end].strip()[:2000],
        "type": candidate.type,
        "start": candidate.start,
        "end": candidate.end,
        "precision": candidate.precision,
        "approximate": candidate.approximate,
        "time": time.fromisoformat(candidate.time) if candidate.time else None,
        "part_of_day": candidate.part_of_day or "",
        "place_id": int(candidate.place.key) if candidate.place else None,
        "occurrence_status": Event.Occurrence.HELD
        if candidate.status == "reported"
        else Event.Occurrence.ANNOUNCED,
        "confidence": candidate.confidence,
    }


def _create_event(article, candidate, published):
    event = Event(
        **_event_fields(article, candidate),
        curation_status=Event.Curation.SUGGESTED,
        corroboration=1,
    )
    event._change_reason = f"suggested from article {article.pk}"
    event.save()
    Participation.objects.bulk_create(
        Participation(event=event, actor_id=int(actor.key)) for actor in candidate.actors
    )
    Citation.objects.create(event=event, article=article, **_citation_fields(candidate, published))
    return event


def _citation_fields(candidate, published):
    value = candidate.start.isoformat()
    if candidate.end:
        value += "/" + candidate.end.isoformat()
    return {
        "evidence": [asdict(evidence) for evidence in candidate.evidence],
        "date_resolution": {
            "text": candidate.extra.get("date_text"),
            "rule": candidate.date_rule,
            "anchor": published.isoformat(),
            "value": value,
            "precision": candidate.precision,
        },
    }


def _cite(event_id, article, candidate, published):
    """Cite the article for a known event; 1 when that raised its corroboration, else 0."""
    fields = _citation_fields(candidate, published)
    citation, created = Citation.objects.get_or_create(
        event_id=event_id, article=article, defaults=fields
    )
    if not created:
        # A second sentence of the same article about the same event: more evidence only.
        citation.evidence += [e for e in fields["evidence"] if e not in citation.evidence]
        citation.save(update_fields=["evidence"])
        return 0
    Event.objects.filter(pk=event_id).update(corroboration=F("corroboration") + 1)
    return 1


def reingest(article):
    """Run the engine again (e.g. after gazetteer edits) without duplicating anything.

    The article's still-suggested events are updated in place; approved, rejected and merged
    ones are left alone, and a candidate matching one of them is not suggested again.
    """
    zone = local_zone(article.timezone)
    published = article.published_at.astimezone(zone)
    document = replace(read_plain_text(article.text, zone, article.url), published=published)
    suggestions = _suggest(document, published, article.language or None, fresh=True)
    updated = made = corroborated = 0
    with transaction.atomic():
        citations = {
            c.event_id: c for c in Citation.objects.filter(article=article).select_related("event")
        }
        own = _known_events(
            Event.objects.filter(pk__in=citations).values(
                "pk", "type", "start", "end", "precision", "place_id", "curation_status"
            )
        )
        others = nearby_events(suggestions.events, exclude=list(citations))
        matched = set()
        for candidate in suggestions.events:
            if mine := _own_match(candidate, own, citations):
                if mine.key not in matched and mine.curation == Event.Curation.SUGGESTED:
                    _update_event(citations[mine.key], article, candidate, published)
                    updated += 1
                matched.add(mine.key)
            elif match := find_same(candidate, others):
                corroborated += _cite(match.key, article, candidate, published)
            else:
                _create_event(article, candidate, published)
                made += 1
        withdrawn = _withdraw(
            [
                citations[event.key]
                for event in own
                if event.key not in matched and event.curation == Event.Curation.SUGGESTED
            ]
        )
    return IngestResult(
        article,
        created=False,
        suggestions=made,
        corroborated=corroborated,
        message=f"{article}: {updated} updated, {_plural(made, 'suggestion')} made, "
        f"{_plural(corroborated, 'event')} corroborated, {withdrawn} withdrawn",
    )


def _own_match(candidate, own, citations):
    """The article's own event this candidate re-suggests: same trigger span, else same event."""
    trigger = next((e for e in candidate.evidence if e.role == "trigger"), None)
    if trigger is not None:
        for event in own:
            spans = citations[event.key].evidence
            if any(
                s.get("role") == "trigger"
                and (s.get("start"), s.get("end")) == (trigger.start, trigger.end)
                for s in spans
            ):
                return event
    return find_same(candidate, own)


def _update_event(citation, article, candidate, published):
    event = citation.event
    for name, value in _event_fields(article, candidate).items():
        setattr(event, name, value)
    event.version += 1
    event._change_reason = f"suggested again from article {article.pk}"
    event.save()
    wanted = {int(actor.key) for actor in candidate.actors}
    event.participations.exclude(actor_id__in=wanted).delete()
    present = set(event.participations.values_list("actor_id", flat=True))
    Participation.objects.bulk_create(
        Participation(event=event, actor_id=actor_id) for actor_id in sorted(wanted - present)
    )
    for name, value in _citation_fields(candidate, published).items():
        setattr(citation, name, value)
    citation.save()


def _withdraw(citations):
    """Suggestions the engine no longer makes: drop the citation, and the event if it was alone."""
    for citation in citations:
        event = citation.event
        citation.delete()
        if not event.citations.exists():
            event.delete()
        else:
            Event.objects.filter(pk=event.pk, corroboration__gt=0).update(
                corroboration=F("corroboration") - 1
            )
    return len(citations)


def _plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


# An editor's request, item by item. Items are JSON: {"kind": "text"|"file", "name", "text"},
# {"kind": "url"|"feed", "url"}, {"kind": "feedfile", "name", "text"} or a feed "entry".


class ItemCrashed(Exception):
    """An item failed unexpectedly; its error is already recorded on the Ingestion."""


@dataclass
class Outcome:
    label: str
    result: IngestResult | None = None
    error: str | None = None


def create_ingestion(
    kind,
    items,
    *,
    source="",
    published=None,
    tz="Europe/Berlin",
    lang="",
    feed=None,
    created_by=None,
):
    return Ingestion.objects.create(
        kind=kind,
        source=source[:500],
        items=items,
        total=len(items),
        published=published,
        timezone=tz,
        language=lang or "",
        feed=feed,
        created_by=created_by,
    )


def process_item(ingestion_id, index):
    """Ingest one item of the request and record its outcome(s) on the Ingestion."""
    Ingestion.objects.filter(pk=ingestion_id, status=Ingestion.Status.QUEUED).update(
        status=Ingestion.Status.RUNNING, started_at=timezone.now()
    )
    # A large upload keeps every text in `items`: read only this task's one.
    ingestion = Ingestion.objects.select_related("feed").defer("items").get(pk=ingestion_id)
    item = Ingestion.objects.filter(pk=ingestion_id).values_list(f"items__{index}", flat=True).get()
    label = item.get("name") or item.get("url") or f"item {index + 1}"
    try:
        outcomes = _process(ingestion, item, label)
    except Exception as error:
        logger.exception("ingesting %s failed", label)
        outcomes = [Outcome(label, error=f"{label}: unexpected error: {error!r}")]
        record(ingestion_id, outcomes)
        raise ItemCrashed(outcomes[0].error) from error
    record(ingestion_id, outcomes)
    return outcomes


def _process(ingestion, item, label):
    kind = item["kind"]
    try:
        if kind in ("text", "file"):
            return [_ingest_text(ingestion, item["text"], label)]
        if kind == "feedfile":
            return _ingest_entries(ingestion, parse_feed(item["text"].encode(), label))
        if kind == "feed":
            return _ingest_feed(ingestion, item["url"])
        return _ingest_url(ingestion, item["url"])
    except (ExtractionError, FetchError) as error:
        return [Outcome(label, error=_prefixed(label, error))]


def _prefixed(label, error):
    message = str(error)
    return message if message.startswith(label) else f"{label}: {message}"


def _ingest_text(ingestion, text, label, *, url=None, feed=None, published=None):
    zone = local_zone(ingestion.timezone)
    try:
        document = read_document(text, tz=zone, url=url)
        result = ingest_document(
            document,
            published=_published(ingestion, published),
            feed=feed,
            source=label,
            lang=ingestion.language or None,
        )
    except (ExtractionError, FetchError) as error:
        return Outcome(label, error=_prefixed(label, error))
    return Outcome(label, result=result)


def _published(ingestion, fallback):
    zone = local_zone(ingestion.timezone)
    moment = ingestion.published or fallback
    return moment.astimezone(zone) if moment else None


def _ingest_url(ingestion, url, *, feed=None, published=None, title=None):
    if known := Article.objects.filter(url=url).first():
        return [Outcome(url, result=IngestResult(known, False, message=f"{url}: {ALREADY_KNOWN}"))]
    fetched = fetch(url)
    if fetched.is_feed:
        return _ingest_entries(ingestion, parse_feed(fetched.body, url))
    outcome = _ingest_text(
        ingestion, fetched.text(), url, url=fetched.url, feed=feed, published=published
    )
    if title and outcome.result and outcome.result.created and not outcome.result.article.title:
        Article.objects.filter(pk=outcome.result.article.pk).update(title=title[:500])
    return [outcome]


def _ingest_feed(ingestion, url):
    feed = ingestion.feed
    try:
        entries = fetch_feed(url)
    except FetchError as error:
        if feed:
            feed.last_fetched_at, feed.last_error = timezone.now(), str(error)
            feed.save(update_fields=["last_fetched_at", "last_error"])
        raise
    if feed:
        feed.last_fetched_at, feed.last_error = timezone.now(), ""
        feed.save(update_fields=["last_fetched_at", "last_error"])
    return _ingest_entries(ingestion, entries, feed=feed)


def _ingest_entries(ingestion, entries, feed=None):
    """Every entry of a feed; the linked page is fetched when the entry carries only a teaser.

    Each entry counts as an item of the request: all but the last are recorded here, the last
    is returned for the caller to record with the item itself.
    """
    if not entries:
        return []
    Ingestion.objects.filter(pk=ingestion.pk).update(total=F("total") + len(entries) - 1)
    for position, entry in enumerate(entries):
        outcomes = _ingest_entry(ingestion, entry, position, feed)
        if position < len(entries) - 1:
            record(ingestion.pk, outcomes)
    return outcomes


def _ingest_entry(ingestion, entry, position, feed):
    label = entry.link or entry.title or f"entry {position + 1}"
    try:
        if entry.full_text or not entry.link:
            page = _as_page(entry)
            return [
                _ingest_text(
                    ingestion, page, label, url=entry.link, feed=feed, published=entry.published
                )
            ]
        return _ingest_url(
            ingestion, entry.link, feed=feed, published=entry.published, title=entry.title
        )
    except FetchError as error:
        return [Outcome(label, error=_prefixed(label, error))]


def _as_page(entry):
    title = f"<title>{html.escape(entry.title)}</title>" if entry.title else ""
    return f"<html><head>{title}</head><body><article>{entry.content}</article></body></html>"


def record(ingestion_id, outcomes, finished_items=1):
    """Add outcomes to the counters; the last item done decides done or failed."""
    new = sum(1 for o in outcomes if o.result and o.result.created)
    known = sum(1 for o in outcomes if o.result and not o.result.created)
    failed = [o.error for o in outcomes if o.error]
    updates = {
        "done": F("done") + finished_items,
        "articles_new": F("articles_new") + new,
        "articles_known": F("articles_known") + known,
        "failures": F("failures") + len(failed),
        "suggestions": F("suggestions") + sum(o.result.suggestions for o in outcomes if o.result),
        "corroborations": F("corroborations")
        + sum(o.result.corroborated for o in outcomes if o.result),
    }
    if failed:
        updates["error"] = Concat(F("error"), Value("".join(f"{line}\n" for line in failed)))
    with transaction.atomic():
        Ingestion.objects.filter(pk=ingestion_id).update(**updates)
        articles = [o.result.article for o in outcomes if o.result and o.result.article]
        if articles:
            link = Ingestion.articles.through
            link.objects.bulk_create(
                [link(ingestion_id=ingestion_id, article=article) for article in articles],
                ignore_conflicts=True,
            )
        Ingestion.objects.filter(
            pk=ingestion_id, done__gte=F("total"), finished_at__isnull=True
        ).update(
            status=Case(
                When(failures__gt=0, then=Value(Ingestion.Status.FAILED)),
                default=Value(Ingestion.Status.DONE),
            ),
            finished_at=timezone.now(),
        )


def mark_crashed(ingestion_id, error):
    """A task that died outside the per-item handling: the request failed, say why."""
    Ingestion.objects.filter(pk=ingestion_id).update(
        status=Ingestion.Status.FAILED,
        finished_at=timezone.now(),
        error=Concat(F("error"), Value(f"the task crashed: {error!r}\n")),
    )
