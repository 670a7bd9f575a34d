"""Dates told relative to the story rather than to publication: "am Vortag", "tags darauf",
"two days later". They count from the last day-precise date told before them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache

from .types import TemporalExpression, TemporalValue

_COUNT = r"(?P<n>ein(?:en)?|zwei|drei|vier|fünf|a|one|two|three|four|five|\d)"
_RELATIVE_PHRASE = (
    r"(?:(?P<before>am\s+vortag|am\s+vorabend|tags\s+zuvor|am\s+tag\s+(?:zuvor|davor)|the\s+day\s+before"
    r"|a\s+day\s+earlier|the\s+previous\s+day|the\s+eve)"
    r"|(?P<after>tags\s+darauf|am\s+(?:folgetag|tag\s+danach|nächsten\s+tag|folgenden\s+tag)"
    r"|the\s+(?:next|following)\s+day|a\s+day\s+later)"
    rf"|{_COUNT}\s+(?:tage?|days?)\s+(?P<dir>zuvor|vorher|davor|später|danach|earlier|later|before)"
    # "Einen Tag nach dem Anschlag", "three days after the summit": after what was just told.
    rf"|{_COUNT.replace('?P<n>', '?P<m>')}\s+(?:tage?|days?)\s+(?P<rel>nach|vor|after|before)"
    r"\s+(?:(?=dem|der|den|the)|(?P<clause>(?=\w+\s+\w+ed\b))|(?P<present>(?=\w+\s+\w+s\b))))\b"
)
# Every phrase opens with one of these letters or a digit: the lookahead lets the regex engine
# pass over other words without trying each alternative.
_OPENING = r"(?=[aetzdvfo\d])"
# Searched in the lower-cased text, so written in lower case and matched without IGNORECASE,
# twice as fast; IGNORECASE also equates "ı" with "i" and "ſ" with "s", so a text with either
# is matched case-blind as before.
_RELATIVE = re.compile(r"\b" + _OPENING + _RELATIVE_PHRASE)
_RELATIVE_CASE_BLIND = re.compile(r"\b" + _OPENING + _RELATIVE_PHRASE, re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s*")
# Cheap test first: most articles tell no story-relative date at all.
_HINT = re.compile(
    r"vortag|vorabend|zuvor|darauf|folgetag|tag danach|nächsten tag|folgenden tag"
    r"|day before|day earlier|previous day|following day|next day|day later|tage|days"
    r"|tag nach|tag vor|day after"
)
_NUMBERS = {"ein": 1, "einen": 1, "a": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3}
_NUMBERS |= {"vier": 4, "four": 4, "fünf": 5, "five": 5}
_SINCE_BEFORE = re.compile(
    r"\b(?=[s])(?:(?:seit|since)\s+(?:[\w'’.-]+\s+){1,4}$"
    # "seit dem Amtsantritt von Donald Trump im Januar", "since the inauguration of Joe Biden in"
    r"|(?:seit|since)\s+(?:(?:dem|der|den|des|seinem|seiner|ihrem|ihrer|the|his|her|their)\s+)?"
    r"[\w'’.-]+\s+(?:von|des|der|of)\s+(?-i:[A-ZÄÖÜ][\w'’.-]+\s+){1,3}(?:(?:am|im|in|on)\s+)?$)",
    re.IGNORECASE,
)


def story_dates(text: str, dates: Sequence[TemporalExpression]) -> list[TemporalExpression]:
    """The story-relative expressions of `text`, resolved; `dates` are those already found."""
    lowered = text.lower()
    if len(lowered) != len(text) or not _HINT.search(lowered):
        return []
    found = []
    relative = _RELATIVE_CASE_BLIND if "ı" in lowered or "ſ" in lowered else _RELATIVE
    for match in relative.finditer(lowered):
        if any(d.start <= match.start() < d.end and d.kind == "date" for d in dates):
            continue
        told = [d for d in dates if d.end <= match.start() and d.kind == "date"]
        anchor = next(
            (d for d in reversed(told) if d.value.precision == "day" and not counted_from(text, d)),
            None,
        )
        if anchor is None or anchor.value.start is None or anchor.background:
            continue
        # "talks in Tokyo on July 28, a day before Kamikawa chairs a meeting": set off after a
        # date, the phrase dates what follows it from that date.
        appositive = (match.group("rel") is not None or match.group("dir") == "before") and bool(
            _APPOSITIVE.fullmatch(text, anchor.end, match.start())
        )
        if match.group("present") is not None and not appositive:
            continue
        days = _offset(match, appositive)
        day = anchor.value.start + timedelta(days=days)
        value = TemporalValue(start=day, end=day, precision="day")
        rule = f"{days:+d} day(s) from {anchor.text!r}"
        # The match is of the lowered text; the expression quotes the text itself.
        phrase = text[match.start() : match.end()]
        found.append(
            TemporalExpression(
                phrase,
                match.start(),
                match.end(),
                "date",
                value,
                rule,
                from_story=True,
                of_clause_after=match.group("clause") is not None or appositive,
            )
        )
    return found


def _offset(match: re.Match[str], appositive: bool = False) -> int:
    if match.group("before"):
        return -1
    if match.group("after"):
        return 1
    word = (match.group("n") or match.group("m")).lower()
    count = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
    direction = (match.group("dir") or match.group("rel")).lower()
    backwards = direction in ("zuvor", "vorher", "davor", "earlier", "before", "vor")
    if match.group("clause") is not None or appositive:
        # "The meeting came three days after Trump hosted Putin": the clause after it tells
        # of an event three days before the one just dated.
        backwards = not backwards
    return -count if backwards else count


def counted_from(text: str, expression: TemporalExpression) -> bool:
    """ "seit Lulas Amtsantritt am 1. Januar": the day a span is counted from is not the
    day the story goes on about."""
    return _counted_from(text, expression.start)


# Asked of each date again for every trigger of its sentence: answered once and remembered.
@lru_cache(maxsize=1024)
def _counted_from(text: str, start: int) -> bool:
    return bool(_SINCE_BEFORE.search(text, max(0, start - 50), start))


# Answers for one article: `pipeline.suggest` forgets them before the next.
MEMOS = (_counted_from,)
