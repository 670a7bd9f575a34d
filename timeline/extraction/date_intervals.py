"""Calendar arithmetic for the temporal tagger: weeks, months, seasons, thirds, nearest year."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

Interval = tuple[date, date]

# Meteorological seasons (northern hemisphere); winter starts in December of the named year.
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# Beyond this, the present tense may not pull a date away from the nearest reading.
TENSE_REACH = timedelta(days=183)


def day(value: date) -> Interval:
    return value, value


def week_of(value: date) -> Interval:
    monday = value - timedelta(days=value.weekday())
    return monday, monday + timedelta(days=6)


def month_span(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def quarter_span(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return month_span(year, first)[0], month_span(year, first + 2)[1]


def season_span(year: int, season: str) -> Interval:
    first = SEASON_MONTHS[season]
    end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return date(year, first, 1), month_span(end_year, end_month)[1]


def add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(value.day, last))


def unit_span(value: date, unit: str) -> Interval:
    """The calendar unit ("D", "W", "M", "Y") containing `value`."""
    if unit == "W":
        return week_of(value)
    if unit == "M":
        return month_span(value.year, value.month)
    if unit == "Y":
        return year_span(value.year)
    return day(value)


def shift(value: date, amount: int, unit: str) -> date:
    if unit == "W":
        return value + timedelta(weeks=amount)
    if unit == "M":
        return add_months(value, amount)
    if unit == "Y":
        return add_months(value, 12 * amount)
    if unit == "10Y":
        return add_months(value, 120 * amount)
    return value + timedelta(days=amount)


def third(span: Interval, part: str) -> Interval:
    """The early, middle or late third of a span ("Anfang/Mitte/Ende Februar")."""
    start, end = span
    length = (end - start).days + 1
    if length == 7:
        bounds = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
    elif length > 300:
        bounds = {"early": (0, 119), "mid": (120, 242), "late": (243, length - 1)}[part]
    else:
        bounds = {"early": (0, 9), "mid": (10, 19), "late": (20, length - 1)}[part]
    return start + timedelta(days=bounds[0]), start + timedelta(days=bounds[1])


def distance(span: Interval, today: date) -> int:
    if span[0] <= today <= span[1]:
        return 0
    return min(abs((span[0] - today).days), abs((span[1] - today).days))


_SURE_DAYS = 3


def nearest_year(
    make: Callable[[int], Interval | None], today: date, tense: str
) -> tuple[Interval, str] | None:
    """The reading of a year-less date nearest to `today`, unless the tense points elsewhere.

    A past or future clause keeps only readings on its side of `today`; a present one prefers
    the coming reading when that is within half a year. Returns the interval and how it was
    chosen ("nearest" or "tense").
    """
    spans = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            span = make(year)
        except ValueError:  # 29 February in a common year
            span = None
        if span is not None:
            spans.append(span)
    if not spans:
        return None
    nearest = min(spans, key=lambda s: distance(s, today))
    fits = _fits_tense("future" if tense == "present" else tense, today)
    if fits(nearest) or distance(nearest, today) <= _SURE_DAYS:
        # A day this close is meant, whatever the clause's tense seems to say ("will stay on
        # for the summit on Oct. 31–Nov. 1. Trump left …", published 30 October).
        return nearest, "nearest"
    reach = TENSE_REACH.days if tense == "present" else 366
    matching = [s for s in spans if fits(s) and distance(s, today) <= reach]
    if matching:
        return min(matching, key=lambda s: distance(s, today)), "tense"
    return nearest, "nearest"


def _fits_tense(tense: str, today: date) -> Callable[[Interval], bool]:
    if tense == "past":
        return lambda span: span[0] <= today
    if tense == "future":
        return lambda span: span[1] >= today
    return lambda span: True


def weekday_near(today: date, weekday: int, direction: int) -> date:
    """The weekday in this week's sense: -1 most recent past, +1 next, 0 today if it matches."""
    ahead = (weekday - today.weekday()) % 7
    if direction > 0:
        return today + timedelta(days=ahead or 7)
    if direction < 0:
        return today - timedelta(days=(7 - ahead) % 7 or 7)
    return today + timedelta(days=ahead)
