"""Turn one regex match of a temporal pattern into a value, anchored on the publication date.

Every resolver takes the match and a `Context` and returns a `Found` or None (not a date after
all). The patterns in `date_patterns` name their groups the same way in both languages, so one
resolver serves German and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from . import date_intervals as cal
from .date_lexicon import (
    direction_of,
    month_number,
    number_value,
    ordinal_value,
    part_of_day,
    unit_code,
    weekday_number,
)
from .tense import clause_tense
from .types import TemporalValue

PRECISION = {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter", "10Y": "year"}
_PAST_PREPOSITIONS = ("seit", "since")
_FUTURE_PREPOSITIONS = ("ab", "bis", "für", "zum", "until", "by", "before", "for")
_RELATIVE_DAYS = {
    "heut": 0, "today": 0, "tonight": 0, "this": 0, "gester": -1, "gestr": -1,
    "yesterday": -1, "last": -1, "vorgest": -2, "before": -2, "morg": 1, "tomorrow": 1,
    "übermorg": 2, "after": 2,
}  # fmt: skip
_DAY_NAMES = {
    -2: "day before yesterday", -1: "yesterday", 0: "today", 1: "tomorrow",
    2: "day after tomorrow",
}  # fmt: skip
_SEASONS = {
    "frühjahr": "spring", "frühling": "spring", "spring": "spring", "sommer": "summer",
    "summer": "summer", "herbst": "autumn", "autumn": "autumn", "fall": "autumn",
    "winter": "winter",
}  # fmt: skip
_BARE_YEAR_NOUNS = frozenset(
    "resolution artikel nummer nr paragraf paragraph absatz kapitel flug linie punkt seite "
    "zimmer haus modell version zeile gleis platz rang tabelle abbildung anhang band heft "
    "ausgabe postleitzahl plz bus tram route".split()
)
_COUNTED_NOUN = re.compile(r"\s+(?:[A-ZÄÖÜ][a-zäöüß]|%|Prozent|Euro|Dollar|Mio|Mrd|Menschen)")


@dataclass
class Context:
    text: str
    today: date
    lang: str
    _tenses: dict[tuple[int, int], str] = field(default_factory=dict)

    def tense(self, match: re.Match[str]) -> str:
        """The clause's tense: "past", "future" or "present"."""
        span = match.span()
        if span not in self._tenses:
            self._tenses[span] = clause_tense(self.text, span[0], span[1], self.lang)
        return self._tenses[span]


class Found(NamedTuple):
    kind: str
    value: TemporalValue
    rule: str
    background: bool = False
    span: tuple[int, int] | None = None


def _get(match: re.Match[str], name: str) -> str | None:
    return match[name] if name in match.re.groupindex else None


def _lower(match: re.Match[str], name: str) -> str:
    return (_get(match, name) or "").lower()


def _on(span: cal.Interval, precision: str, rule: str, **extra: object) -> Found:
    value = TemporalValue(start=span[0], end=span[1], precision=precision, **extra)  # type: ignore[arg-type]
    return Found("date", value, rule)


# --- weekdays -------------------------------------------------------------------------------


def weekday_date(match: re.Match[str], ctx: Context, name: str = "wd") -> tuple[date, str]:
    weekday = weekday_number(match[name].rstrip("s")) or 0
    modifier = _lower(match, "mod")
    if week_modifier := _lower(match, "wmod"):
        # "am Freitag kommender Woche", "on Tuesday last week": that weekday of that week.
        monday = cal.week_of(cal.shift(ctx.today, direction_of(week_modifier), "W"))[0]
        return monday + timedelta(days=weekday), "weekday of relative week"
    if modifier.startswith("heutig"):
        return ctx.today, "weekday=publication day"
    direction = direction_of(modifier)
    if direction:
        label = "next" if direction > 0 else "last"
        return cal.weekday_near(ctx.today, weekday, direction), f"weekday+explicit {label}"
    if weekday == ctx.today.weekday():
        return ctx.today, "weekday=publication day"
    tense = _tense(match, ctx)
    step = -1 if tense == "past" else 1
    return cal.weekday_near(ctx.today, weekday, step), f"weekday+{tense} tense"


def _tense(match: re.Match[str], ctx: Context) -> str:
    """ "seit/since" look back, "ab/bis/until/by" ahead; otherwise the clause decides."""
    preposition = _lower(match, "prep") or _word_before(ctx.text, match.start())
    if preposition.startswith(_PAST_PREPOSITIONS):
        return "past"
    if preposition in _FUTURE_PREPOSITIONS:
        return "future"
    return ctx.tense(match)


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 12) : start].split()
    return words[-1].lower() if words else ""


def resolve_weekday(match: re.Match[str], ctx: Context) -> Found:
    target, rule = weekday_date(match, ctx)
    pod = part_of_day(_get(match, "pod") or _get(match, "pod2"))
    if pod:
        rule += "+part of day"
    return _on(cal.day(target), "day", rule, part_of_day=pod)


def resolve_night_before(match: re.Match[str], ctx: Context) -> Found:
    """ "in der Nacht zu Mittwoch": the night into Wednesday, dated as news date it — by the
    day named (what happens after midnight is that day's, and so is the report of it)."""
    target, rule = weekday_date(match, ctx)
    return _on(cal.day(target), "day", f"night into {rule}", part_of_day="night")


def resolve_weekday_range(match: re.Match[str], ctx: Context) -> Found | None:
    first, rule = weekday_date(match, ctx, "wd1")
    days = ((weekday_number(match["wd2"]) or 0) - first.weekday()) % 7
    joined_by_and = _lower(match, "sep").startswith(("und", "and"))
    if days == 0 or (joined_by_and and not _get(match, "between") and days != 1):
        return None
    return _on((first, first + timedelta(days=days)), "day", f"weekday range, {rule}")


# --- days relative to publication ------------------------------------------------------------


def resolve_relative_day(match: re.Match[str], ctx: Context) -> Found | None:
    word = match["rel"]
    if word == "Morgen" and not _starts_sentence(ctx.text, match.start()):
        return None  # "den Morgen", "Guten Morgen": the noun, not tomorrow
    key = " ".join(word.lower().split())
    offset = next((v for k, v in _RELATIVE_DAYS.items() if key.startswith(k)), None)
    if offset is None:
        return None
    pod = part_of_day(_get(match, "pod")) or ("night" if key == "tonight" else None)
    rule = _DAY_NAMES[offset] + ("+part of day" if pod else "")
    return _on(cal.day(ctx.today + timedelta(days=offset)), "day", rule, part_of_day=pod)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'„“»«")
    return not before or before[-1] in ".!?:\n"


def resolve_part_of_day(match: re.Match[str], ctx: Context) -> Found:
    word = _get(match, "pod") or _get(match, "pod2") or _get(match, "overnight")
    return Found("time", TemporalValue(part_of_day=part_of_day(word)), "part of day")


def resolve_relative_unit(match: re.Match[str], ctx: Context) -> Found | None:
    word = _lower(match, "unit")
    direction = direction_of(_get(match, "mod"))
    if word.startswith("vor"):  # "Vorjahr", "Vorwoche"
        word, direction = word[3:], -1
    if "wochenende" in word or "weekend" in word:
        return _weekend(match, ctx, direction)
    unit = unit_code(word)
    if _lower(match, "mod") == "past":  # "the past week": the seven days up to publication
        span = (cal.shift(ctx.today, -1, unit), ctx.today)
        return _on(span, PRECISION[unit], f"past {PRECISION[unit]}", approximate=True)
    span = cal.unit_span(cal.shift(ctx.today, direction, unit), unit)
    return _on(span, PRECISION[unit], f"relative {PRECISION[unit]}")


def _weekend(match: re.Match[str], ctx: Context, direction: int) -> Found:
    today = ctx.today
    if direction == 0 and today.weekday() >= 5:
        saturday = today - timedelta(days=today.weekday() - 5)
    else:
        step = direction or (-1 if ctx.tense(match) == "past" else 1)
        saturday = cal.weekday_near(today, 5, step)
    return _on((saturday, saturday + timedelta(days=1)), "day", "weekend")


def part_name(word: str | None) -> str:
    word = (word or "").lower()
    if word in ("earlier", "later"):
        return word
    if word.startswith(("mid", "mitte")):
        return "mid"
    if word.startswith(("ende", "end", "late", "the end", "schluss")) or word.endswith("ende"):
        return "late"
    return "early"


def _part_of(span: cal.Interval, part: str, today: date) -> cal.Interval:
    # "earlier this year" runs up to today; of a year long past, the whole year is earlier.
    if part == "earlier":
        return span[0], min(span[1], max(span[0], today))
    if part == "later":
        return max(span[0], min(span[1], today)), span[1]
    return cal.third(span, part)


def resolve_unit_part(match: re.Match[str], ctx: Context) -> Found:
    part = part_name(_get(match, "part"))
    unit = unit_code(match["unit"])
    span = cal.unit_span(cal.shift(ctx.today, direction_of(_get(match, "mod")), unit), unit)
    span = _part_of(span, part, ctx.today)
    precision = PRECISION[unit]
    return _on(span, precision, f"{part} of relative {precision}", approximate=True)


def resolve_recent(match: re.Match[str], ctx: Context) -> Found:
    """ "in den vergangenen Wochen", "in the coming days": up to or from publication."""
    unit = unit_code(match["unit"])
    count = number_value(_get(match, "num"))
    amount = count or 3
    if direction_of(_get(match, "mod")) < 0:
        span = (cal.shift(ctx.today, -amount, unit), ctx.today)
        rule = f"recent {PRECISION[unit]}s"
    else:
        span = (ctx.today, cal.shift(ctx.today, amount, unit))
        rule = f"coming {PRECISION[unit]}s"
    return _on(span, PRECISION[unit], rule, approximate=count is None)


_RANKED_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|only|erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?"
    r"|einzige[nmrs]?|letzte[nmrs]?)(?:\s+[\w-]+)?\s+$",
    re.IGNORECASE,
)


def resolve_offset(match: re.Match[str], ctx: Context) -> Found:
    """ "vor zwei Tagen", "in two weeks": the unit that contains the shifted day."""
    unit = unit_code(match["unit"])
    count = number_value(_get(match, "num"))
    sign = -1 if _lower(match, "dir") in ("vor", "ago") else 1
    if sign > 0 and _RANKED_BEFORE.search(ctx.text, max(0, match.start() - 30), match.start()):
        # "their second in four months", "das erste Treffen in drei Jahren": a window.
        value = TemporalValue(duration=iso_duration(count, unit))
        return Found("duration", value, "duration (a window for a count)")
    if unit in ("H", "MIN"):
        return _on(cal.day(ctx.today), "day", "offset in hours from publication")
    target = cal.shift(ctx.today, sign * (count or 3), unit)
    unit = "Y" if unit == "10Y" else unit
    rule = "offset before publication" if sign < 0 else "offset after publication"
    approximate = count is None or bool(_get(match, "q"))
    return _on(cal.unit_span(target, unit), PRECISION[unit], rule, approximate=approximate)


def resolve_so_far(match: re.Match[str], ctx: Context) -> Found:
    """ "Unterschrieben hat es bis heute keiner", "to this day": a span up to now, no date."""
    return Found(
        "duration", TemporalValue(duration="PXD"), "so far (up to publication)", background=True
    )


def resolve_anniversary(match: re.Match[str], ctx: Context) -> Found | None:
    """ "Heute vor 80 Jahren", "ten years ago today": that very day, years back (not today)."""
    count = number_value(_get(match, "num"))
    if count is None:
        return None
    target = cal.shift(ctx.today, -count, unit_code(match["unit"]))
    return _on(cal.day(target), "day", "anniversary: the same day, years before publication")


# --- durations and recurrences ----------------------------------------------------------------


def iso_duration(count: int | None, unit: str) -> str:
    """ISO 8601; an unknown count ("seit Jahren") uses the TimeML placeholder X: "PXY"."""
    amount = "X" if count is None else str(count)
    if unit == "10Y":
        return "PXY" if count is None else f"P{10 * count}Y"
    if unit == "Q":
        return "PXM" if count is None else f"P{3 * count}M"
    if unit in ("H", "MIN"):
        return f"PT{amount}{unit[0]}"
    return f"P{amount}{unit}"


def resolve_duration(match: re.Match[str], ctx: Context) -> Found | None:
    number = _get(match, "num")
    prefix = _lower(match, "pre")
    if number and number.lower() in ("a", "an") and not (prefix or _get(match, "q")):
        return None  # "a week" inside "twice a week"
    unit = unit_code(match["unit"])
    after = _lower(match, "post")
    rule = "duration"
    if prefix in _PAST_PREPOSITIONS:
        rule = "duration up to publication"
    elif after and after not in ("lang", "long"):
        rule = "offset from narrative time (unresolved)"
    value = TemporalValue(duration=iso_duration(number_value(number), unit))
    approximate = bool(_get(match, "q")) or (number is not None and number_value(number) is None)
    if approximate:
        value = TemporalValue(duration=value.duration, approximate=True)
    return Found("duration", value, rule, background=prefix in _PAST_PREPOSITIONS)


def resolve_set(match: re.Match[str], ctx: Context) -> Found:
    word = (_get(match, "unit") or _get(match, "adv") or "").lower()
    if _get(match, "wd") or word.endswith("s") and weekday_number(word.rstrip("s")) is not None:
        period = "P1W"
    elif word.startswith(("morgen", "abend", "nacht", "morning", "evening", "night")):
        period = "P1D"
    else:
        count = number_value(_get(match, "num")) or 1
        period = iso_duration(count, _frequency_unit(word))
    return Found("set", TemporalValue(duration=period), "recurring")


def _frequency_unit(word: str) -> str:
    for stem, unit in (("täg", "D"), ("dai", "D"), ("wöch", "W"), ("week", "W"), ("fortn", "W")):
        if word.startswith(stem):
            return unit
    for stem, unit in (("monat", "M"), ("month", "M"), ("viertel", "Q"), ("jähr", "Y")):
        if stem in word:
            return unit
    if word.startswith(("annu", "year", "allj")):
        return "Y"
    return unit_code(word)


# --- calendar dates ---------------------------------------------------------------------------


def _month_of(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else month_number(word)


def _year_of(word: str | None) -> int | None:
    if not word:
        return None
    digits = word.split("/")[0]
    value = int(digits)
    if len(digits) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _background(match: re.Match[str]) -> bool:
    return _lower(match, "prep").startswith(_PAST_PREPOSITIONS)


def day_in_year(
    ctx: Context, match: re.Match[str], day_no: int, month: int, year: int | None
) -> tuple[date, str] | None:
    """A calendar day; without a year, the year that puts it nearest to publication."""
    if year is not None:
        try:
            return date(year, month, day_no), "explicit day-month-year"
        except ValueError:
            return None
    weekday = weekday_number(_get(match, "wd") or "")
    chosen = cal.nearest_year(
        lambda y: cal.day(date(y, month, day_no)), ctx.today, _tense(match, ctx)
    )
    if chosen is None:
        return None
    if weekday is not None and chosen[0][0].weekday() != weekday:
        for shift in (-1, 1):
            try:
                other = date(chosen[0][0].year + shift, month, day_no)
            except ValueError:
                continue
            if other.weekday() == weekday:
                return other, "day-month, year from weekday"
    how = "nearest" if chosen[1] == "nearest" else "tense"
    return chosen[0][0], f"day-month, year from publication ({how})"


def resolve_day_month(match: re.Match[str], ctx: Context) -> Found | None:
    month = _month_of(match["month"])
    if month is None or not 1 <= month <= 12:
        return None
    found = day_in_year(ctx, match, int(match["day"]), month, _year_of(_get(match, "year")))
    if found is None:
        return None
    result = _on(cal.day(found[0]), "day", found[1])
    return result._replace(background=_background(match))


def resolve_slash_date(match: re.Match[str], ctx: Context) -> Found | None:
    """12/01/2022 is day/month (European outlets); en falls back to month/day if it must."""
    first, second, year = int(match["day"]), int(match["month"]), _year_of(match["year"])
    for day_no, month, rule in ((first, second, "DMY"), (second, first, "MDY")):
        if rule == "MDY" and ctx.lang != "en":
            break
        try:
            value = date(year or 0, month, day_no)
        except ValueError:
            continue
        return _on(cal.day(value), "day", f"numeric date ({rule})")
    return None


_DAYS_AND_DAYS = timedelta(days=2)


def resolve_day_range(match: re.Match[str], ctx: Context) -> Found | None:
    joined_by_and = _lower(match, "sep").startswith(("und", "and"))
    between = _lower(match, "pre").startswith(("zwischen", "between"))
    end_month = _month_of(_get(match, "m2") or _get(match, "m1"))
    start_month = _month_of(_get(match, "m1")) or end_month
    if not end_month or not start_month or end_month > 12 or start_month > 12:
        return None
    end_year = _year_of(_get(match, "y2")) or _year_of(_get(match, "y1"))
    end = day_in_year(ctx, match, int(match["d2"]), end_month, end_year)
    if end is None:
        return None
    try:
        start = date(_year_of(_get(match, "y1")) or end[0].year, start_month, int(match["d1"]))
    except ValueError:
        return None
    if start > end[0] and not _get(match, "y1"):
        start = start.replace(year=start.year - 1) if start.month > end[0].month else start
    if not timedelta(0) < end[0] - start <= timedelta(days=366):
        return None
    if joined_by_and and not between and end[0] - start > _DAYS_AND_DAYS:
        # "am 11. und 12. Juli" is one two-day event; "am 3. und 24. Mai" two days.
        return None
    return _on((start, end[0]), "day", f"day range, {end[1]}")


def resolve_month(match: re.Match[str], ctx: Context) -> Found | None:
    month = month_number(match["month"])
    year = _year_of(_get(match, "year")) or _relative_year(_lower(match, "yrel"), ctx.today)
    direction = direction_of(_get(match, "mod"))
    if month is None or not (year or direction or _get(match, "prep") or _get(match, "mod")):
        return None
    if year:
        span, rule = cal.month_span(year, month), "month+year"
    elif direction:
        span, rule = _month_towards(ctx.today, month, direction), "month+explicit next/last"
    else:
        chosen = cal.nearest_year(lambda y: cal.month_span(y, month), ctx.today, _tense(match, ctx))
        assert chosen is not None
        span, rule = chosen[0], f"month, year from publication ({chosen[1]})"
    return _on(span, "month", rule)._replace(background=_background(match))


def _relative_year(words: str, today: date) -> int | None:
    """ "im November kommenden Jahres", "in March next year"."""
    if not words:
        return None
    if words.startswith(("kommend", "nächst", "folgend", "next", "des kommend", "des nächst")):
        return today.year + 1
    if any(w in words for w in ("vergangen", "letzt", "vorig", "last")):
        return today.year - 1
    return today.year


def _month_towards(today: date, month: int, direction: int) -> cal.Interval:
    year = today.year
    if direction > 0 and month <= today.month:
        year += 1
    elif direction < 0 and month >= today.month:
        year -= 1
    return cal.month_span(year, month)


def resolve_month_part(match: re.Match[str], ctx: Context) -> Found | None:
    month = month_number(match["month"])
    if month is None:
        return None
    part = part_name(match["part"])
    year = _year_of(_get(match, "year"))
    if year:
        span, how = cal.month_span(year, month), "explicit year"
    else:
        chosen = cal.nearest_year(
            lambda y: _part_of(cal.month_span(y, month), part, ctx.today),
            ctx.today,
            _tense(match, ctx),
        )
        assert chosen is not None
        span, how = chosen[0], f"year from publication ({chosen[1]})"
    span = _part_of(span, part, ctx.today) if year else span
    return _on(span, "month", f"{part} of month, {how}", approximate=True)


def resolve_year_part(match: re.Match[str], ctx: Context) -> Found:
    part = part_name(match["part"])
    span = _part_of(cal.year_span(int(match["year"])), part, ctx.today)
    return _on(span, "year", f"{part} of year", approximate=True)


def resolve_year(match: re.Match[str], ctx: Context) -> Found | None:
    value = int(match["year"])
    preposition = _lower(match, "prep")
    counted = _COUNTED_NOUN.match(ctx.text, match.end())
    if counted and ctx.lang == "de" and not preposition.startswith(("seit", "im", "jahr")):
        return None  # "bis 2000 Soldaten"
    if not 1900 <= value <= ctx.today.year + 30:
        return None
    return _on(cal.year_span(value), "year", "year")._replace(background=_background(match))


def resolve_bare_year(match: re.Match[str], ctx: Context) -> Found | None:
    """German "nach der Krim-Annexion 2014": a year right after a noun, not a count."""
    if match["noun"].lower().rstrip(".") in _BARE_YEAR_NOUNS:
        return None
    if _COUNTED_NOUN.match(ctx.text, match.end()) and not _ends_sentence(ctx.text, match.end()):
        return None
    found = resolve_year(match, ctx)
    return found._replace(span=match.span("year"), rule="year after noun") if found else None


def _ends_sentence(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in ".,;:!?)"


def resolve_season(match: re.Match[str], ctx: Context) -> Found | None:
    word = match["season"].lower()
    season = _SEASONS.get(word)
    if season is None:  # "ſommer": ignoring case, the regex engine equates "ſ" with "s"
        return None
    year = _year_of(_get(match, "year"))
    year_modifier = _get(match, "ymod")
    if year_modifier is not None:
        year = ctx.today.year + direction_of(year_modifier)
    direction = direction_of(_get(match, "mod"))
    if word == "fall" and not (year or _get(match, "mod") or _get(match, "the")):
        return None
    if not (year or _get(match, "mod") or _get(match, "prep")):
        return None
    if year:
        return _on(cal.season_span(year, season), "season", "season+year")
    if direction:
        spans = [cal.season_span(y, season) for y in range(ctx.today.year - 2, ctx.today.year + 2)]
        pick = [s for s in spans if (s[1] < ctx.today if direction < 0 else s[0] > ctx.today)]
        span = pick[-1] if direction < 0 else pick[0]
        return _on(span, "season", "season+explicit next/last")
    chosen = cal.nearest_year(lambda y: cal.season_span(y, season), ctx.today, _tense(match, ctx))
    assert chosen is not None
    return _on(chosen[0], "season", f"season, year from publication ({chosen[1]})")


def resolve_quarter(match: re.Match[str], ctx: Context) -> Found | None:
    quarter = ordinal_value(match["ord"].lstrip("Qq"))
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year = _year_of(_get(match, "year"))
    if _get(match, "ymod") is not None:
        year = ctx.today.year + direction_of(_get(match, "ymod"))
    if year:
        return _on(cal.quarter_span(year, quarter), "quarter", "quarter+year")
    chosen = cal.nearest_year(lambda y: cal.quarter_span(y, quarter), ctx.today, _tense(match, ctx))
    assert chosen is not None
    return _on(chosen[0], "quarter", f"quarter, year from publication ({chosen[1]})")


# --- clock times ------------------------------------------------------------------------------


def resolve_clock(match: re.Match[str], ctx: Context) -> Found | None:
    noon = _lower(match, "noon")
    if noon:
        hour, minute = (0, 0) if noon in ("midnight", "mitternacht") else (12, 0)
    else:
        hour, minute = int(match["h"]), int(_get(match, "min") or 0)
        meridiem = _lower(match, "ampm").replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    if hour > 23:
        return None
    rule = "bare clock" if _get(match, "bare") is not None else "clock time"
    return Found("time", TemporalValue(time=f"{hour:02d}:{minute:02d}"), rule)


# --- holidays -------------------------------------------------------------------------------

# Days counted from Easter Sunday, or a fixed (month, day).
_HOLIDAYS: dict[str, int | tuple[int, int]] = {
    "karfreitag": -2, "good friday": -2, "ostersonntag": 0, "easter sunday": 0, "ostermontag": 1,
    "easter monday": 1, "christi himmelfahrt": 39, "ascension day": 39, "pfingstsonntag": 49,
    "whit sunday": 49, "pfingstmontag": 50, "whit monday": 50, "heiligabend": (12, 24),
    "christmas eve": (12, 24), "christmas day": (12, 25), "silvester": (12, 31),
    "new year's eve": (12, 31), "neujahr": (1, 1), "neujahrstag": (1, 1),
    "new year's day": (1, 1),
}  # fmt: skip
# Named for a season of days rather than one: approximately that day.
_ROUGHLY: dict[str, int | tuple[int, int]] = {
    "ostern": 0, "easter": 0, "pfingsten": 49, "weihnachten": (12, 25), "christmas": (12, 25),
}  # fmt: skip


def easter_sunday(year: int) -> date:
    """The Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def resolve_holiday(match: re.Match[str], ctx: Context) -> Found | None:
    """ "an Ostersonntag", "on Christmas Eve", "zu Weihnachten 2023"."""
    if _word_before(ctx.text, match.start()) in ("über", "over", "during", "während"):
        return None  # "eine Waffenruhe über Weihnachten": the holidays, not a day
    name = " ".join(match["holiday"].lower().replace("’", "'").split())
    found = _HOLIDAYS.get(name, _ROUGHLY.get(name))
    if found is None:
        return None
    when: int | tuple[int, int] = found

    def day_in(year: int) -> cal.Interval:
        if isinstance(when, tuple):
            return cal.day(date(year, when[0], when[1]))
        return cal.day(easter_sunday(year) + timedelta(days=when))

    year = _year_of(_get(match, "year"))
    if year:
        span, rule = day_in(year), "holiday+year"
    else:
        chosen = cal.nearest_year(day_in, ctx.today, _tense(match, ctx))
        assert chosen is not None
        span, rule = chosen[0], f"holiday, year from publication ({chosen[1]})"
    return _on(span, "day", rule, approximate=name in _ROUGHLY)
