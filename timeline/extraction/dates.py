"""The temporal tagger: find date, time, duration and set expressions and resolve them.

    tag_dates(text, published, lang) -> list[TemporalExpression]

Every relative expression is resolved against the local calendar date of `published`. Results
are sorted by offset and never overlap (the longest match wins; among equal lengths the rule
listed first in `date_patterns`). A clock time next to a date joins it ("heute um 14 Uhr").

Conventions, for everyone reading the values:

- Every resolved date is an interval: a single day has `end == start`; "in dieser Woche" is
  Monday..Sunday (ISO week), "im Januar" the whole month, "im Sommer" June..August.
- "Anfang/Mitte/Ende Februar", "early/mid/late 2022" are the first, middle or last third of
  the unit, with `approximate=True`; "in den vergangenen Wochen" ends at publication.
- A weekday takes its direction from the tense of its clause (see `tense`): past → the most
  recent one before publication, future or present → the next one; the publication weekday
  itself is the publication day unless "next/last/kommenden/vergangenen" says otherwise.
- "in der Nacht zu Mittwoch" is the day before that Wednesday, part of day "night".
- A date without a year takes the year that puts it nearest to publication; a clear tense may
  choose the other side when that is within half a year ("am 3. Januar" on 28 Dec → next year).
- Slash dates are day/month/year; in English, month/day/year only when day/month is impossible.
- Clock times keep the stated local time; zones ("GMT", "Ortszeit") are not converted.
- Durations are ISO 8601 ("P2Y", "PT3H"); an unknown count uses TimeML's "X" ("seit Jahren" →
  "PXY"). Offsets from narrated time ("drei Tage später") are durations, never dates.
- `background` marks what sets the scene rather than dates an event: "seit ..."/"since ..."
  and dates that ended more than a year before publication.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from .date_patterns import RULES
from .date_resolvers import Context, Found
from .types import TemporalExpression, TemporalValue

# How far an expression may reach left and right of its anchor token.
_REACH_LEFT, _REACH_RIGHT = 32, 24
_BACKGROUND_AGE = timedelta(days=365)
# Plain alternations of literals: the regex engine scans for those far faster than for classes.
_ANCHORS = {
    "de": {
        "digit": r"[0-9]+",
        "weekday": r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
        r"|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonnabends|sonntags",
        "month": r"Jan|Jän|Feb|Mär|Mrz|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez",
        "day": r"heut|Heut|gest|Gest|morg|Morg|vorgest|Vorgest|überm|Überm",
        "pod": r"Vormittag|Mittag|Nachmittag|Abend|Nacht|Morgen|Mitternacht",
        "unit": r"Tag|Woche|Monat|Jahr|jahr|Stunde|Minute|Quartal|wochen|monat|stunden|tage"
        r"|täglich|wöchentlich|jährlich",
        "season": r"Frühjahr|Frühling|Sommer|Herbst|Winter",
        "holiday": r"Karfreitag|Oster|Himmelfahrt|Pfingst|Heiligabend|Weihnacht|Silvester|Neujahr",
    },
    "en": {
        "digit": r"[0-9]+",
        "weekday": r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
        "month": r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        "day": r"today|Today|tonight|Tonight|yesterday|Yesterday|tomorrow|Tomorrow|morning"
        r"|afternoon|evening|night|noon|midday",
        "unit": r"day|week|month|year|decade|hour|minute|quarter|annually|fortnightly",
        "season": r"spring|Spring|summer|Summer|autumn|Autumn|fall|Fall|winter|Winter",
        "holiday": r"Good Friday|Easter|Ascension|Whit|Christmas|New Year",
    },
}
_ANCHOR_PATTERNS = {
    lang: {anchor: re.compile(pattern) for anchor, pattern in anchors.items()}
    for lang, anchors in _ANCHORS.items()
}
# The same rules, grouped by the anchor they are tried around (keeping their order).
_RULES_BY_ANCHOR = {
    lang: {
        anchor: [(i, rule) for i, rule in enumerate(RULES[lang]) if rule.anchor == anchor]
        for anchor in _ANCHORS[lang]
    }
    for lang in _ANCHORS
}
# What str.isalnum accepts: the regex engine's \w without the underscore.
_ALNUM_RUN = re.compile(r"[^\W_]*")
_JOINER = re.compile(r"[ \t]*,?[ \t]*")
_SINCE = re.compile(r"(?i)(?:seit|since)\b")
_SINCE_BEFORE = re.compile(r"(?i)\b(?:seit|since)\s+$")


def tag_dates(text: str, published: datetime, lang: str) -> list[TemporalExpression]:
    """Temporal expressions of `text`, resolved against the local date of `published`."""
    if not text:
        return []
    lang = "de" if str(lang).lower().startswith("de") else "en"
    ctx = Context(text=text, today=published.date(), lang=lang)
    candidates = _candidates(ctx)
    chosen = _longest_first(candidates)
    return [_expression(text, ctx.today, found) for found in _join_times(text, chosen)]


Candidate = tuple[int, int, int, Found]  # start, end, rule index, value


def _candidates(ctx: Context) -> list[Candidate]:
    text = ctx.text
    lowered = _lowered(text)
    candidates: list[Candidate] = []
    for anchor, windows in _hot_windows(text, ctx.lang).items():
        # The windows that hold what a rule needs, looked for once per need: rules share them.
        holding: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        for index, rule in _RULES_BY_ANCHOR[ctx.lang][anchor]:
            tried = windows
            if rule.needs is not None and lowered is not None:
                if rule.needs not in holding:
                    search = rule.needs.search
                    holding[rule.needs] = [w for w in windows if search(lowered, *w)]
                tried = holding[rule.needs]
            finditer = rule.pattern.finditer
            for window in tried:
                for match in finditer(text, *window):
                    try:
                        found = rule.resolve(match, ctx)
                    except (ValueError, OverflowError):  # a date the calendar does not have
                        continue
                    if found is not None:
                        start, end = found.span or match.span()
                        if start < end:
                            candidates.append((start, end, index, found))
    return candidates


def _lowered(text: str) -> str | None:
    """The text in lower case, letter for letter as the rules' IGNORECASE compares it.

    The regex engine also equates "ı" with "i" and "ſ" with "s", and "İ" lowers to two letters:
    a text with any of them is searched without the shortcut.
    """
    if "ı" in text or "ſ" in text or "İ" in text:
        return None
    return text.lower()


def _hot_windows(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around anchor tokens, merged; the only places rules are tried."""
    hot: dict[str, list[tuple[int, int]]] = {}
    for anchor, pattern in _ANCHOR_PATTERNS[lang].items():
        windows: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            start = max(0, match.start() - _REACH_LEFT)
            end = _word_end(text, min(len(text), match.end() + _REACH_RIGHT))
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        if windows:
            hot[anchor] = windows
    return hot


def _word_end(text: str, position: int) -> int:
    run = _ALNUM_RUN.match(text, position)
    return run.end() if run else position


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = candidate[0], candidate[1]
        slot = bisect.bisect_right(starts, start)
        if slot and ends[slot - 1] > start or slot < len(starts) and starts[slot] < end:
            continue
        starts.insert(slot, start)
        ends.insert(slot, end)
        chosen.insert(slot, candidate)
    return chosen


def _join_times(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Attach a clock time or part of day to the date right next to it; drop lone bare clocks."""
    pending: Candidate | None = None
    for candidate in chosen:
        if pending is not None:
            joined = _join(text, pending, candidate)
            if joined is not None:
                pending = joined
                continue
            if not _is_bare_clock(pending):
                yield pending
        pending = candidate
    if pending is not None and not _is_bare_clock(pending):
        yield pending


def _join(text: str, first: Candidate, second: Candidate) -> Candidate | None:
    kinds = first[3].kind, second[3].kind
    if kinds not in (("date", "time"), ("time", "date")):
        return None
    if not _JOINER.fullmatch(text, first[1], second[0]):
        return None
    date_part, time_part = (first, second) if kinds[0] == "date" else (second, first)
    if date_part[3].value.start is None or date_part[3].value.time:
        return None
    clock = time_part[3].value
    value = date_part[3].value
    value = TemporalValue(
        start=value.start,
        end=value.end,
        precision=value.precision,
        time=clock.time,
        part_of_day=value.part_of_day or clock.part_of_day,
        approximate=value.approximate,
    )
    label = "+time" if clock.time else "+part of day"
    found = date_part[3]._replace(value=value, rule=date_part[3].rule + label, span=None)
    return first[0], second[1], date_part[2], found


def _is_bare_clock(candidate: Candidate) -> bool:
    return candidate[3].rule == "bare clock"


def _expression(text: str, today: date, candidate: Candidate) -> TemporalExpression:
    start, end, _, found = candidate
    phrase = text[start:end]
    return TemporalExpression(
        text=phrase,
        start=start,
        end=end,
        kind=found.kind,
        value=found.value,
        rule=found.rule,
        background=found.background or _is_background(text, start, phrase, today, found.value),
    )


def _is_background(text: str, start: int, phrase: str, today: date, value: TemporalValue) -> bool:
    # "seit Ende Februar", "since early 2021": the span may start after "seit".
    if _SINCE.match(phrase) or _SINCE_BEFORE.search(text, max(0, start - 12), start):
        return True
    # A difference of dates, not today minus a year: that would overflow in the year 1.
    return value.end is not None and today - value.end > _BACKGROUND_AGE
