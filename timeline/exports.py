"""Exports of exactly the timeline an analyst is looking at: CSV, JSON, iCalendar, TimelineJS.

Every format streams: the events are read in chunks (`iterator(chunk_size=…)` keeps prefetching
per chunk), so a 100,000-event export neither holds everything in memory nor waits for the last
row before the first byte is sent. Nothing is capped.

CSV columns (one row per event; multi-valued cells joined with "; "):

    id, title, summary, type, start, end, precision, approximate (true/false), time (HH:MM),
    part_of_day, occurrence_status, place, country (ISO 3166), latitude, longitude,
    participants ("NATO; Russia"), hosts (those participants whose role is host), tags, series,
    confidence, corroboration, sources ("url|outlet|YYYY-MM-DD; …", publication day in
    TIME_ZONE), url (the permalink), updated_at (ISO 8601)

Text cells that a spreadsheet would run as a formula (starting with = + - @ or a tab) get a
leading apostrophe; `csv_text` undoes it on import.
"""

import csv
import datetime
import json
from zoneinfo import ZoneInfo

import icalendar
from babel import Locale
from django.conf import settings
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join

from .models import Citation, EventType, Participation, Precision
from .templatetags.timeline import draw_date, web_url

CHUNK_SIZE = 2000

CSV_COLUMNS = [
    "id",
    "title",
    "summary",
    "type",
    "start",
    "end",
    "precision",
    "approximate",
    "time",
    "part_of_day",
    "occurrence_status",
    "place",
    "country",
    "latitude",
    "longitude",
    "participants",
    "hosts",
    "tags",
    "series",
    "confidence",
    "corroboration",
    "sources",
    "url",
    "updated_at",
]
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def for_export(events):
    """Everything a record shows, fetched per chunk: no query per event."""
    return events.select_related("place", "series").prefetch_related(
        Prefetch("participations", Participation.objects.select_related("actor").order_by("pk")),
        "tags",
        Prefetch(
            "citations",
            Citation.objects.select_related("article").order_by("article__published_at", "pk"),
        ),
    )


def stream(events):
    return for_export(events).iterator(chunk_size=CHUNK_SIZE)


def permalink(request, event):
    return request.build_absolute_uri(reverse("event", args=[event.pk]))


def publication_day(article):
    return timezone.localtime(article.published_at).date().isoformat()


def country_name(code):
    return Locale("en").territories.get(code, code) if code else ""


def place_label(place):
    if place is None:
        return ""
    country = country_name(place.country)
    return f"{place.name}, {country}" if country else place.name


def last_day(event):
    """The last day the event may fall on, at its precision (an end date, else its period's)."""
    if event.end:
        return event.end
    start = event.start
    if event.precision == Precision.WEEK:
        return start + datetime.timedelta(days=6)
    if event.precision == Precision.MONTH:
        return _month_end(start.year, start.month)
    if event.precision in (Precision.QUARTER, Precision.SEASON):
        month = start.month + 2
        return _month_end(start.year + (month - 1) // 12, (month - 1) % 12 + 1)
    if event.precision == Precision.YEAR:
        return datetime.date(start.year, 12, 31)
    return start


def _month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


# The record the JSON export and the API share.


def event_record(request, event):
    return {
        "id": event.pk,
        "url": permalink(request, event),
        "title": event.title,
        "summary": event.summary,
        "type": event.type,
        "start": event.start.isoformat(),
        "end": event.end.isoformat() if event.end else None,
        "precision": event.precision,
        "approximate": event.approximate,
        "time": event.time.strftime("%H:%M") if event.time else None,
        "part_of_day": event.part_of_day or None,
        "display_date": draw_date(event),
        "occurrence_status": event.occurrence_status,
        "place": place_record(event.place) if event.place else None,
        "participants": [
            {
                "id": participation.actor.pk,
                "name": participation.actor.name,
                "kind": participation.actor.kind,
                "role": participation.role,
            }
            for participation in event.participations.all()
        ],
        "tags": [tag.name for tag in event.tags.all()],
        "series": event.series.name if event.series else None,
        "confidence": event.confidence,
        "corroboration": event.corroboration,
        "updated_at": event.updated_at.isoformat(),
        "sources": [source_record(citation) for citation in event.citations.all()],
    }


def place_record(place):
    return {
        "id": place.pk,
        "name": place.name,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def source_record(citation, evidence=False):
    article = citation.article
    record = {
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published_at": article.published_at.isoformat(),
    }
    if evidence:
        record["evidence"] = [
            {key: span.get(key) for key in ("role", "start", "end", "text")}
            for span in citation.evidence
            if isinstance(span, dict)
        ]
        record["date_resolution"] = citation.date_resolution or {}
    return record


# CSV


class _Echo:
    """csv.writer writes into this, and the row comes back to be streamed."""

    def write(self, value):
        return value


def csv_cell(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) or text.startswith("'"):
        return "'" + text
    return text


def csv_text(value):
    """The inverse of csv_cell."""
    if value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'")):
        return value[1:]
    return value


def sources_cell(event):
    parts = []
    for citation in event.citations.all():
        article = citation.article
        # | and ; separate the parts; in a URL they may be percent-encoded without harm.
        url = (article.url or "").replace("|", "%7C").replace(";", "%3B")
        outlet = article.outlet.replace("|", "/").replace(";", ",")
        parts.append(f"{url}|{outlet}|{publication_day(article)}")
    return LIST_SEPARATOR.join(parts)


def csv_row(request, event):
    place = event.place
    participations = event.participations.all()
    return [
        event.pk,
        csv_cell(event.title),
        csv_cell(event.summary),
        event.type,
        event.start.isoformat(),
        event.end.isoformat() if event.end else "",
        event.precision,
        "true" if event.approximate else "false",
        event.time.strftime("%H:%M") if event.time else "",
        event.part_of_day,
        event.occurrence_status,
        csv_cell(place.name if place else ""),
        place.country if place else "",
        "" if place is None or place.latitude is None else place.latitude,
        "" if place is None or place.longitude is None else place.longitude,
        csv_cell(LIST_SEPARATOR.join(p.actor.name for p in participations)),
        csv_cell(
            LIST_SEPARATOR.join(
                p.actor.name for p in participations if p.role == Participation.Role.HOST
            )
        ),
        csv_cell(LIST_SEPARATOR.join(tag.name for tag in event.tags.all())),
        csv_cell(event.series.name if event.series else ""),
        event.confidence,
        event.corroboration,
        csv_cell(sources_cell(event)),
        permalink(request, event),
        event.updated_at.isoformat(),
    ]


def csv_response(request, events):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for event in stream(events):
            yield writer.writerow(csv_row(request, event))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="timeline.csv"'
    return response


# JSON


def json_response(request, events):
    def chunks():
        yield '{"events": ['
        separator = ""
        for event in stream(events):
            yield separator + json.dumps(event_record(request, event), ensure_ascii=False)
            separator = ",\n"
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="timeline.json"'
    return response


# iCalendar


ICAL_STATUS = {"announced": "TENTATIVE", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def ical_event(request, event, zone):
    host = request.get_host().split(":")[0]
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("summary", event.title)
    if event.time and event.precision == Precision.DAY:
        entry.add("dtstart", datetime.datetime.combine(event.start, event.time, tzinfo=zone))
    else:
        entry.add("dtstart", event.start)
        entry.add("dtend", last_day(event) + datetime.timedelta(days=1))
    entry.add("dtstamp", event.updated_at)
    entry.add("last-modified", event.updated_at)
    entry.add("sequence", event.version)
    if status := ICAL_STATUS.get(event.occurrence_status):
        entry.add("status", status)
    if event.place:
        entry.add("location", place_label(event.place))
        if event.place.latitude is not None and event.place.longitude is not None:
            entry.add("geo", (event.place.latitude, event.place.longitude))
    url = permalink(request, event)
    entry.add("url", url)
    entry.add("categories", [EventType(event.type).label, *(t.name for t in event.tags.all())])
    entry.add("description", ical_description(event, url))
    return entry


def ical_description(event, url):
    lines = [f"{draw_date(event)}"]
    if event.summary:
        lines += ["", event.summary]
    participants = [p.actor.name for p in event.participations.all()]
    if participants:
        lines += ["", "Participants: " + ", ".join(participants)]
    sources = [
        " ".join(
            part
            for part in (c.article.outlet, publication_day(c.article), c.article.url or "")
            if part
        )
        for c in event.citations.all()
    ]
    if sources:
        lines += ["", "Sources:", *(f"- {source}" for source in sources)]
    lines += ["", url]
    return "\n".join(lines)


def ical_response(request, events):
    zone_name = settings.TIME_ZONE
    zone = ZoneInfo(zone_name)

    def chunks():
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Diplomatic timeline//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", "Diplomatic timeline")
        calendar.add("x-wr-timezone", zone_name)
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"}
        )
        calendar.add_component(
            icalendar.Timezone.from_tzid(zone_name, last_date=datetime.date(2100, 1, 1))
        )
        # The calendar is written open-ended: its events follow one by one, then END.
        head = calendar.to_ical().decode()
        yield head.removesuffix("END:VCALENDAR\r\n")
        for event in stream(events):
            yield ical_event(request, event, zone).to_ical().decode()
        yield "END:VCALENDAR\r\n"

    response = StreamingHttpResponse(chunks(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="timeline.ics"'
    return response


# TimelineJS (Knight Lab TimelineJS3 JSON)


def timelinejs_date(day, precision, time=None):
    date = {"year": str(day.year)}
    if precision == Precision.YEAR:
        return date
    date["month"] = str(day.month)
    if precision in (Precision.MONTH, Precision.QUARTER, Precision.SEASON):
        return date
    date["day"] = str(day.day)
    if time:
        date |= {"hour": str(time.hour), "minute": str(time.minute)}
    return date


def timelinejs_event(request, event):
    """TimelineJS renders headline and text as HTML: everything from the database is escaped."""
    sources = format_html_join(
        "",
        "<li>{}</li>",
        (
            (
                format_html(
                    '<a href="{}">{}</a>', web_url(c.article.url), c.article.outlet or c.article.url
                )
                if web_url(c.article.url)
                else c.article.outlet,
            )
            for c in event.citations.all()
        ),
    )
    text = format_html(
        '<p>{}</p>{}<p><a href="{}">{}</a></p>',
        event.summary,
        format_html("<ul>{}</ul>", sources) if sources else "",
        permalink(request, event),
        "Permalink",
    )
    entry = {
        "unique_id": f"event-{event.pk}",
        "start_date": timelinejs_date(event.start, event.precision, event.time),
        "text": {"headline": escape(event.title), "text": str(text)},
        "group": str(EventType(event.type).label),
    }
    if event.end and event.end != event.start:
        entry["end_date"] = timelinejs_date(event.end, event.precision)
    if event.approximate or event.precision in (
        Precision.WEEK,
        Precision.QUARTER,
        Precision.SEASON,
    ):
        entry["display_date"] = escape(draw_date(event))
    if event.place:
        location = {"name": escape(place_label(event.place))}
        if event.place.latitude is not None and event.place.longitude is not None:
            location |= {"lat": event.place.latitude, "lon": event.place.longitude}
        entry["location"] = location
    return entry


def timelinejs_response(request, events):
    title = {"text": {"headline": "Diplomatic timeline", "text": escape(request.get_full_path())}}

    def chunks():
        yield '{"title": ' + json.dumps(title) + ', "events": ['
        separator = ""
        for event in stream(events):
            yield separator + json.dumps(timelinejs_event(request, event), ensure_ascii=False)
            separator = ",\n"
        yield "]}\n"

    return StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")


FORMATS = {
    "csv": csv_response,
    "json": json_response,
    "ics": ical_response,
    "timelinejs": timelinejs_response,
}
