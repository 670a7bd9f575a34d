"""Drawing the timeline: dates at their precision, day groups, evidence, the density strip."""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass, field

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _

from ..models import Precision

register = template.Library()


DATE_FORMATS = {
    "day": pgettext_lazy("date format", "j F Y"),
    "day and month": pgettext_lazy("date format", "j F"),
    "day only": pgettext_lazy("date format", "j"),
    "short day": pgettext_lazy("date format", "j M Y"),
    "weekday": pgettext_lazy("date format", "l, j F Y"),
    "month": pgettext_lazy("date format", "F Y"),
    "month only": pgettext_lazy("date format", "F"),
}


def date_format(name):
    """Translatable date formats: German writes "12. Januar 2022", English "12 January 2022"."""
    return str(DATE_FORMATS[name])


def day_range(start, end):
    if end is None or end == start:
        return format_date(start, date_format("day"))
    if (start.year, start.month) == (end.year, end.month):
        first, separator = format_date(start, date_format("day only")), "–"
    elif start.year == end.year:
        first, separator = format_date(start, date_format("day and month")), " – "
    else:
        first, separator = format_date(start, date_format("day")), " – "
    return f"{first}{separator}{format_date(end, date_format('day'))}"


def season_of(day):
    return {12: _("winter"), 1: _("winter"), 2: _("winter"), 3: _("spring"), 4: _("spring"),
            5: _("spring"), 6: _("summer"), 7: _("summer"), 8: _("summer"), 9: _("autumn"),
            10: _("autumn"), 11: _("autumn")}[day.month]  # fmt: skip


def draw_date(event):
    """The event's date as precisely as it is known, and no more precisely."""
    return _drawn_date(event.start, event.end, event.precision, event.approximate, get_language())


_WEEK_DAYS = 6


# A page of the list, an export or a feed draws the same few dates again and again.
@functools.lru_cache(maxsize=10_000)
def _drawn_date(start, end, precision, approximate, language):
    """`language` only keys the memo: the formats and words are the active language's."""
    if precision == Precision.WEEK and end and (end - start).days > _WEEK_DAYS:
        # "in den vergangenen Wochen": weeks, drawn as the span they cover.
        text = day_range(start, end)
    elif precision == Precision.WEEK:
        text = _("week of %(date)s") % {"date": format_date(start, date_format("short day"))}
    elif precision == Precision.MONTH:
        if end and (end.year, end.month) != (start.year, start.month):
            first = format_date(
                start, date_format("month only" if end.year == start.year else "month")
            )
            text = f"{first}–{format_date(end, date_format('month'))}"
        else:
            text = format_date(start, date_format("month"))
    elif precision == Precision.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        text = _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": start.year}
    elif precision == Precision.SEASON:
        text = _("%(season)s %(year)s") % {"season": season_of(start), "year": start.year}
    elif precision == Precision.YEAR:
        text = str(start.year)
    else:
        text = day_range(start, end)
    if approximate:
        text = _("c. %(date)s") % {"date": text}
    return text


@register.filter
def event_date(event):
    return draw_date(event)


@register.filter
def local_name(thing):
    """An actor's or place's German name on German pages, where the gazetteer has one."""
    if (get_language() or "").startswith("de") and getattr(thing, "name_de", ""):
        return thing.name_de
    return thing.name


@register.filter
def web_url(url):
    """Only http(s) URLs become links: a stored "javascript:" URL must not run."""
    return url if url and url.lower().startswith(("https://", "http://")) else ""


@register.filter
def event_time(event):
    if event.time:
        return format_date(event.time, "H:i")
    if event.part_of_day:
        return event.get_part_of_day_display()
    return ""


@dataclass
class Day:
    """One group of the list: a heading for a new month, one for a new day, its events."""

    month: str | None
    day: str | None
    iso: str
    events: list = field(default_factory=list)


def group_key(event):
    """(month heading, day heading) under which the event is listed."""
    if event.precision not in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        return draw_date(event), None
    return _headings(event.start, event.precision, get_language())


@functools.lru_cache(maxsize=10_000)
def _headings(start, precision, language):
    """`language` only keys the memo, as for _drawn_date."""
    month = format_date(start, date_format("month"))
    if precision == Precision.DAY:
        return month, format_date(start, date_format("weekday"))
    if precision == Precision.WEEK:
        return month, _("week of %(date)s") % {"date": format_date(start, date_format("day"))}
    return month, _("date within the month not known")


def group_by_day(events, after=None):
    """Events grouped by month and day; `after` is where the previous page ended, so a month
    or day that continues from it gets no second heading."""
    days = []
    previous_month, previous_day = (None, None)
    if after is not None:
        previous_month, previous_day = _headings(after, Precision.DAY, get_language())
    for event in events:
        month, day = group_key(event)
        if days and (month, day) == (previous_month, previous_day):
            days[-1].events.append(event)
            continue
        days.append(
            Day(
                month=month if month != previous_month else None,
                day=day if (month, day) != (previous_month, previous_day) else None,
                iso=event.start.isoformat(),
                events=[event],
            )
        )
        previous_month, previous_day = month, day
    return days


ROLES = ("date", "place", "actor", "trigger")


def valid_spans(text, evidence):
    """Spans that point into the text, in order; overlapping or malformed ones are dropped."""
    spans = []
    for span in evidence if isinstance(evidence, list) else []:
        if not isinstance(span, dict) or span.get("role") not in ROLES:
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        spans.append((start, end, span["role"]))
    spans.sort()
    kept = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


SENTENCE_ENDS = (". ", "! ", "? ", "\n")
CONTEXT_LIMIT = 300


def sentence_bounds(text, start, end):
    before = max((text.rfind(mark, 0, start) + len(mark) for mark in SENTENCE_ENDS), default=0)
    before = max(before, 0, start - CONTEXT_LIMIT)
    after = [i + 1 for mark in SENTENCE_ENDS if (i := text.find(mark, end)) != -1]
    return before, min([*after, len(text), end + CONTEXT_LIMIT])


def highlight_evidence(text, evidence):
    """The sentences the evidence points into, escaped, with each span marked by its role."""
    labels = {"date": _("date"), "place": _("place"), "actor": _("actor"), "trigger": _("event")}
    sentences = []  # [start, end, spans]
    for start, end, role in valid_spans(text, evidence):
        first, last = sentence_bounds(text, start, end)
        if sentences and first < sentences[-1][1]:
            sentences[-1][1] = max(sentences[-1][1], last)
            sentences[-1][2].append((start, end, role))
        else:
            sentences.append([first, last, [(start, end, role)]])
    html = []
    for first, last, spans in sentences:
        parts, position = [], first
        for start, end, role in spans:
            parts.append(escape(text[position:start]))
            parts.append(
                format_html(
                    '<mark class="evidence evidence-{}" title="{}">{}</mark>',
                    role,
                    labels[role],
                    text[start:end],
                )
            )
            position = end
        parts.append(escape(text[position:last]))
        html.append(mark_safe("".join(str(part) for part in parts).strip()))  # noqa: S308
    return html


@register.filter
def evidence_sentences(citation):
    return highlight_evidence(citation.article.text, citation.evidence)


PERIODS = (("day", 92), ("week", 2 * 366), ("month", 12 * 366), ("year", None))


@dataclass
class Bar:
    label: str
    count: int
    first: datetime.date
    last: datetime.date
    x: int
    height: int
    y: int


def period_start(day, period):
    if period == "week":
        return day - datetime.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    return day


def next_period(day, period):
    if period == "day":
        return day + datetime.timedelta(days=1)
    if period == "week":
        return day + datetime.timedelta(days=7)
    if period == "month":
        return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def period_label(day, period):
    if period == "day":
        return format_date(day, date_format("day"))
    if period == "week":
        return _("week of %(date)s") % {"date": format_date(day, date_format("short day"))}
    if period == "month":
        return format_date(day, date_format("month"))
    return str(day.year)


BAR_WIDTH, STRIP_HEIGHT, MIN_BARS = 10, 60, 40


def density_strip(per_day, first, last):
    """Events per period over [first, last] as bars, from the events starting on each day."""
    if first is None or last is None:
        return None
    period = next(name for name, days in PERIODS if days is None or (last - first).days <= days)
    counts = Counter()
    for day, count in per_day.items():
        counts[period_start(day, period)] += count
    bars, day = [], period_start(first, period)
    while day <= last:
        bars.append(
            Bar(period_label(day, period), counts.get(day, 0), day,
                next_period(day, period) - datetime.timedelta(days=1), len(bars) * BAR_WIDTH,
                0, STRIP_HEIGHT)
        )  # fmt: skip
        day = next_period(day, period)
    peak = max((bar.count for bar in bars), default=0) or 1
    for bar in bars:
        bar.height = round(bar.count / peak * (STRIP_HEIGHT - 4)) + (2 if bar.count else 0)
        bar.y = STRIP_HEIGHT - bar.height
    return {
        "period": period,
        "bars": bars,
        # A few bars stay bars, not slabs across the whole strip; they then fill only its
        # left part, and the strip's right edge is not the last bar's period.
        "width": max(len(bars), MIN_BARS) * BAR_WIDTH,
        "partial": len(bars) < MIN_BARS,
        "height": STRIP_HEIGHT,
        "bar_width": BAR_WIDTH - 2,
        "first": bars[0] if bars else None,
        "last": bars[-1] if bars else None,
    }
