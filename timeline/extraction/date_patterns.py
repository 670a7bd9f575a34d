"""The temporal patterns of German and English news, each paired with its resolver.

Every rule names the kind of token it cannot do without (its anchor: a digit, a weekday, a month,
a day word, a part of day, a calendar unit or a season). The tagger only runs a rule near such
tokens, which keeps it fast on long texts; see `dates._hot_windows`. A rule may also say what it
needs: a piece that every match of its pattern contains ("uhr", a month's first letters), so
the tagger skips the windows that lack it without losing a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import date_resolvers as r
from .date_lexicon import (
    DE_FUTURE_MOD,
    DE_MOD,
    DE_NUMBER,
    DE_PAST_MOD,
    DE_UNIT,
    EN_MOD,
    EN_NUMBER,
    EN_UNIT,
    ORDINAL_SUFFIX,
    de_month,
    de_weekday,
    en_month,
    en_weekday,
    year,
)

Resolver = Callable[[re.Match[str], r.Context], r.Found | None]


@dataclass(frozen=True)
class Rule:
    anchor: str  # digit, weekday, month, day, pod, unit, season, holiday
    pattern: re.Pattern[str]
    resolve: Resolver
    needs: re.Pattern[str] | None = None


Row = tuple[str, str, Resolver] | tuple[str, str, Resolver, str]


def _rules(*rows: Row) -> tuple[Rule, ...]:
    """Rules ignore case ("Am Montag", "IN DIESER WOCHE"); fragments that must not say so.

    What a rule needs is written in lower case and looked for in the lower-cased text.
    """
    return tuple(
        Rule(row[0], re.compile(row[1], re.IGNORECASE), row[2], _needs(*row[3:])) for row in rows
    )


def _needs(pattern: str | None = None) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    if pattern != pattern.lower():
        raise ValueError(f"what a rule needs is written in lower case: {pattern!r}")
    return re.compile(pattern)


# Shared by both languages.
BARE_CLOCK = r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?P<bare>)(?![\d:])"
ISO_DATE = r"(?<![\d.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
SLASH_DATE = (
    r"(?<![\d/.])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])"
)
QUARTER_CODE = r"\b(?P<ord>Q[1-4])(?:\s*/?\s*" + year() + r")?\b"

# The year of "12.01.2022" or "12.01.22", never the start of "12.01.2022.5".
_NUMERIC_YEAR = r"(?:19|20)\d\d(?![\d]|\.\d)|\d\d(?![\d]|\.\d)"
_DE_POD = r"Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht"
_DE_WEEKDAY_PREFIX = r"(?:(?P<prep>am|an|seit)\s+)?"
_DE_DAY = r"(?<![\d.])(?P<day>[0-3]?\d)"
_DE_DATE_PREFIX = (
    r"\b(?:(?P<prep>am|vom|seit\s+dem|seit|ab\s+dem|ab)\s+)?"
    r"(?:" + de_weekday() + r",?\s+(?:(?:den|dem)\s+)?)?"
)
_DE_RANGE_SEP = r"\s*(?P<sep>bis(?:\s+(?:zum|einschließlich))?|und(?:\s+dem)?|[-–—])\s*"
_DE_PART = r"(?P<part>Anfang|Anfangs|Mitte|Ende|Beginn)"
_DE_MONTHS_NEED = "jan|jän|feb|mär|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez"
_DE_PART_NEED = "anfang|mitte|ende|beginn"
_DE_RANGE_SEP_WEEKDAY = (
    r"(?:bis(?:\s+(?:zum|einschließlich))?|und|[-–])\s*"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
)
_YEAR_NEED = r"(?:19|20)\d\d"

GERMAN = _rules(
    ("holiday", r"\b(?:(?:an|am|zu|zum|vor|nach|seit|bis)\s+)?(?P<holiday>Karfreitag"
     r"|Ostersonntag|Ostermontag|Ostern|Christi\s+Himmelfahrt|Pfingstsonntag|Pfingstmontag"
     r"|Pfingsten|Heiligabend|Weihnachten|Silvester|Neujahrstag|Neujahr)\b(?:\s+" + year() + ")?",
     r.resolve_holiday),
    ("digit", _DE_DATE_PREFIX + _DE_DAY + r"(?:\.\s*|\s+)" + de_month() + r"(?:\s+" + year() + ")?",
     r.resolve_day_month, _DE_MONTHS_NEED),
    ("digit", _DE_DATE_PREFIX + _DE_DAY + r"\.(?P<month>[01]?\d)\."
     r"(?:(?P<year>" + _NUMERIC_YEAR + r")|(?!\d))", r.resolve_day_month, r"\d\.\d"),
    ("digit", ISO_DATE, r.resolve_day_month, r"\d-\d"),
    ("digit", SLASH_DATE, r.resolve_slash_date, r"\d/\d"),
    ("digit", r"\b(?:(?P<pre>vom|von|zwischen(?:\s+dem)?)\s+)?(?<![\d.])(?P<d1>[0-3]?\d)\."
     r"(?:\s*" + de_month("m1") + r")?(?:\s+" + year("y1") + r")?" + _DE_RANGE_SEP +
     r"(?P<d2>[0-3]?\d)\.\s*" + de_month("m2") + r"(?:\s+" + year("y2") + ")?",
     r.resolve_day_range, _DE_MONTHS_NEED),
    ("digit", r"\b(?:(?P<pre>vom|von|zwischen(?:\s+dem)?)\s+)?(?<![\d.])(?P<d1>[0-3]?\d)\."
     r"(?:(?P<m1>[01]?\d)\.(?P<y1>" + _NUMERIC_YEAR + r")?)?" + _DE_RANGE_SEP +
     r"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?:(?P<y2>" + _NUMERIC_YEAR + r")|(?!\d))",
     r.resolve_day_range, r"\d\.\d"),
    ("digit", r"\b(?:(?P<prep>um|gegen|ab|bis|seit|kurz\s+vor|kurz\s+nach|nach|vor)\s+)?"
     r"(?<![\d.:])(?P<h>[0-2]?\d)(?:[:.](?P<min>[0-5]\d))?\s*Uhr(?![\w])"
     r"(?:\s+(?:MEZ|MESZ|UTC|GMT|Ortszeit|deutscher\s+Zeit)\b)?", r.resolve_clock, "uhr"),
    ("digit", BARE_CLOCK, r.resolve_clock, r"\d:\d"),
    ("pod", r"\b(?:um|gegen|bis|ab|nach|vor)\s+(?P<noon>Mitternacht)\b", r.resolve_clock,
     "mitternacht"),
    ("digit", r"\b(?P<prep>im\s+Jahre?|seit\s+dem\s+Jahre?|seit|ab|bis|Jahre?|vor|nach|von"
     r"|zwischen|für|um)\s+" + year() + r"(?:\s*/\s*\d{2,4})?\b", r.resolve_year, _YEAR_NEED),
    ("digit", r"(?P<noun>\b(?-i:[A-ZÄÖÜ][\w-]*[a-zäöüß]))\s+" + year() + r"\b",
     r.resolve_bare_year, _YEAR_NEED),
    ("digit", r"\b" + _DE_PART + r"\s+(?:des\s+Jahres\s+)?" + year() + r"\b", r.resolve_year_part,
     _DE_PART_NEED),
    ("digit", QUARTER_CODE, r.resolve_quarter, "q[1-4]"),
    ("weekday", r"\b" + _DE_WEEKDAY_PREFIX + r"(?:(?P<mod>" + DE_MOD + r"|heutige[nrms]?)\s+)?"
     + de_weekday() + r"(?P<pod>morgen|vormittag|mittag|nachmittag|abend|nacht)?"
     r"(?:\s+(?P<pod2>früh|Vormittag|Mittag|Nachmittag|Abend|Nacht))?\b"
     r"(?:\s+(?:der\s+)?(?P<wmod>" + DE_MOD + r")\s+Woche\b)?", r.resolve_weekday),
    ("weekday", r"\b(?:in\s+der\s+)?Nacht\s+(?:vo[nm]\s+\w+\s+)?(?:zu[mr]?|auf)\s+(?:den\s+)?"
     r"(?:(?P<mod>" + DE_MOD + r")\s+)?" + de_weekday() + r"\b", r.resolve_night_before, "nacht"),
    ("weekday", r"\b(?:(?P<between>zwischen)\s+|vo[nm]\s+|am\s+)?"
     r"(?:(?P<mod>" + DE_MOD + r")\s+)?" + de_weekday("wd1") +
     r"\s*(?P<sep>bis(?:\s+(?:zum|einschließlich))?|und|[-–])\s*" + de_weekday("wd2") + r"\b"
     r"(?:\s+(?:der\s+)?(?P<wmod>" + DE_MOD + r")\s+Woche\b)?",
     r.resolve_weekday_range, _DE_RANGE_SEP_WEEKDAY),
    ("weekday", r"\b(?P<every>jede[nrs]?)\s+" + de_weekday() + r"\b", r.resolve_set, "jede"),
    ("weekday", r"\b(?P<adv>(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend"
     r"|sonntag)s)\b", r.resolve_set, "tags|wochs|abends"),
    ("month", r"\b(?:(?P<prep>im|seit|ab|bis|vom|zum)\s+)?(?:(?P<mod>" + DE_MOD + r")\s+)?"
     r"(?P<month>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
     r"|November|Dezember)\b(?:\s+" + year() + r"|\s+(?P<yrel>(?:des\s+)?(?:kommenden|nächsten"
     r"|vergangenen|letzten|vorigen|folgenden|dieses|laufenden)\s+Jahres))?", r.resolve_month),
    ("month", r"\b" + _DE_PART + r"\s+" + de_month() + r"(?:\s+" + year() + r")?",
     r.resolve_month_part, _DE_PART_NEED),
    # "Unterschrieben hat es bis heute keiner": so far, not a day ("bis heute Abend" is one).
    ("day", r"\b[Bb]is\s+(?:heute|zum\s+heutigen\s+Tag?e?)\b(?!\s+(?:früh|" + _DE_POD
     + r"|am\s|in\s+der\s))", r.resolve_so_far, "bis"),
    ("day", r"\b(?P<rel>[Hh]eute|[Gg]estern|[Vv]orgestern|[Üü]bermorgen|[Mm]orgen)"
     r"(?:\s+(?P<pod>früh|morgen|" + _DE_POD + r"|(?:am|in\s+der)\s+(?:(?:frühen|späten)\s+)?"
     r"(?:" + _DE_POD + r")))?\b", r.resolve_relative_day),
    ("day", r"\b(?P<rel>heutig|gestrig|morgig)(?:e[nmrs]?)\b", r.resolve_relative_day,
     "heutig|gestrig|morgig"),
    ("pod", r"\b(?:am|in\s+der|im\s+Laufe\s+des|gegen)\s+(?:(?:frühen|späten)\s+)?"
     r"(?P<pod>" + _DE_POD + r")\b", r.resolve_part_of_day),
    ("unit", r"\b(?:(?P<prep>in|im|am|an|zu|ab|seit|bis|für)\s+)?"
     r"(?:(?:der|die|den|dem|des|das)\s+)?(?P<mod>" + DE_MOD + r")\s+"
     r"(?P<unit>Woche|Wochenende|Wochenendes|Monat|Monats|Jahr|Jahres)\b", r.resolve_relative_unit,
     DE_MOD),
    ("unit", r"\b(?:(?P<prep>im|am|seit)\s+)?(?P<unit>Vorjahr|Vorjahres|Vormonat|Vormonats"
     r"|Vorwoche)\b", r.resolve_relative_unit, "vorjahr|vormonat|vorwoche"),
    ("unit", r"\b(?:am|übers?|an\s+diesem)\s+(?P<unit>Wochenende)\b", r.resolve_relative_unit,
     "wochenende"),
    ("unit", r"\b(?:zu\s+)?" + _DE_PART + r"\s+(?:(?:der|des|dieser|dieses)\s+)?"
     r"(?:(?P<mod>" + DE_MOD + r")\s+)?(?P<unit>Woche|Monats|Jahres)\b", r.resolve_unit_part,
     _DE_PART_NEED),
    ("unit", r"\b(?:zu[mr]\s+)?(?P<unit>Jahres|Monats)(?P<part>ende|anfang|beginn|mitte)\b",
     r.resolve_unit_part, "(?:jahres|monats)(?:ende|anfang|beginn|mitte)"),
    ("unit", r"\b(?:(?:in|während|innerhalb|im\s+Laufe|über|seit)\s+)?(?:der|den|die)\s+"
     r"(?P<mod>" + DE_PAST_MOD + "|" + DE_FUTURE_MOD + r"|bevorstehenden)\s+"
     r"(?:(?P<num>" + DE_NUMBER + r")\s+)?(?P<unit>Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?)\b",
     r.resolve_recent, "vergangen|letzt|vorig|zurückliegend|kommend|nächst|folgend|bevorstehend"),
    # "Heute vor 80 Jahren, am 26. Juni 1945, …": not today, the day 80 years back.
    ("unit", r"\b(?:[Hh]eute|[Gg]enau)\s+(?:(?:genau|fast|auf\s+den\s+Tag)\s+)?vor\s+(?:genau\s+)?"
     r"(?P<num>" + DE_NUMBER + r")\s+(?P<unit>Jahren|Monaten|Jahrzehnten)\b",
     r.resolve_anniversary, "vor"),
    ("unit", r"\b(?P<dir>[Vv]or|[Ii]n)\s+(?:(?P<q>knapp|rund|etwa|gut|fast|mehr\s+als|über|genau)"
     r"\s+)?(?P<num>" + DE_NUMBER + r")\s+(?P<unit>Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren"
     r"|Jahr|Stunden|Stunde|Jahrzehnten)\b", r.resolve_offset),
    ("unit", r"\b(?:(?P<pre>seit|für|binnen|innerhalb\s+von|innerhalb|während|nach|um)\s+)?"
     r"(?:(?P<q>mehr\s+als|weniger\s+als|knapp|rund|etwa|gut|fast|mindestens|höchstens|nahezu"
     r"|bis\s+zu|über|zirka|ca\.)\s+)?(?P<num>" + DE_NUMBER + r")\s+(?P<unit>" + DE_UNIT + r")"
     r"(?:\s+(?P<post>lang|später|zuvor|danach|davor|früher|vorher|darauf))?\b",
     r.resolve_duration),
    ("unit", r"\b(?P<pre>seit)\s+(?P<unit>Jahren|Monaten|Wochen|Tagen|Jahrzehnten|Stunden)\b",
     r.resolve_duration, "seit"),
    ("unit", r"\b(?P<unit>jahre|monate|wochen|tage|stunden|jahrzehnte)lang\b", r.resolve_duration,
     "lang"),
    ("season", r"\b(?:(?P<prep>im|in|zum|seit|bis|ab)\s+)?(?:(?P<mod>" + DE_MOD + r")\s+)?"
     r"(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)\b(?:\s+" + year() + r"(?:/\d{2,4})?"
     r"|\s+(?:des\s+)?(?P<ymod>" + DE_MOD + r")\s+Jahres)?", r.resolve_season),
    ("unit", r"\b(?:im\s+)?(?P<ord>ersten|zweiten|dritten|vierten|letzten|[1-4]\.)\s+"
     r"(?:Quartal|Jahresviertel)(?:\s+(?:des\s+Jahres\s+)?" + year() + r"|\s+(?:des\s+)?"
     r"(?P<ymod>" + DE_MOD + r")\s+Jahres)?\b", r.resolve_quarter, "quartal|jahresviertel"),
    ("unit", r"\b(?P<every>jede[nrs]?)\s+(?P<unit>Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht)\b",
     r.resolve_set, "jede"),
    ("unit", r"\balle\s+(?P<num>" + DE_NUMBER + r")\s+(?P<unit>Tage|Wochen|Monate|Jahre)\b",
     r.resolve_set, "alle"),
    ("unit", r"\b(?P<adv>täglich|wöchentlich|monatlich|vierteljährlich|jährlich|alljährlich"
     r"|allmonatlich)\b", r.resolve_set, "täglich|wöchentlich|monatlich|jährlich"),
)  # fmt: skip

_EN_PREP = r"(?:(?P<prep>on|since)\s+)?"
_EN_PART = (
    r"(?P<part>early|mid|late|earlier|later|(?:the\s+)?(?:beginning|start|middle|end)\s+of"
    r"|mid-)"
)
_EN_DAY = r"(?P<day>[0-3]?\d)" + ORDINAL_SUFFIX + r"(?!\d)"
_EN_WD_PREFIX = r"(?:" + en_weekday() + r",?\s+)?"
_EN_RANGE_SEP = r"\s*(?P<sep>to|through|until|and|[-–—])\s*"
_EN_MONTHS_NEED = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_EN_PART_NEED = "earl|mid|late|beginning|start|end"
_EN_RANGE_SEP_WEEKDAY = (
    r"(?:to|through|until|and|[-–])\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

ENGLISH = _rules(
    ("holiday", r"\b(?:(?:on|at|for|by|before|after|since|until)\s+)?(?P<holiday>Good\s+Friday"
     r"|Easter\s+Sunday|Easter\s+Monday|Easter|Ascension\s+Day|Whit\s+Sunday|Whit\s+Monday"
     r"|Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day)\b"
     r"(?:,?\s+" + year() + ")?", r.resolve_holiday),
    ("digit", r"\b" + _EN_PREP + _EN_WD_PREFIX + r"(?:the\s+)?" + en_month() + r"\s+" + _EN_DAY
     + r"(?:,?\s+" + year() + ")?", r.resolve_day_month, _EN_MONTHS_NEED),
    ("digit", r"\b" + _EN_PREP + _EN_WD_PREFIX + r"(?:the\s+)?(?<!\d)" + _EN_DAY
     + r"\s+(?:of\s+)?" + en_month() + r"(?:,?\s+" + year() + ")?", r.resolve_day_month,
     _EN_MONTHS_NEED),
    ("digit", ISO_DATE, r.resolve_day_month, r"\d-\d"),
    ("digit", SLASH_DATE, r.resolve_slash_date, r"\d/\d"),
    ("digit", r"\b(?:(?P<pre>from|between|on)\s+)?" + en_month("m1") + r"\s+(?P<d1>[0-3]?\d)"
     + ORDINAL_SUFFIX + r"(?:,?\s+" + year("y1") + ")?" + _EN_RANGE_SEP + r"(?:" + en_month("m2")
     + r"\s+)?(?P<d2>[0-3]?\d)" + ORDINAL_SUFFIX + r"(?!\d)(?:,?\s+" + year("y2") + ")?",
     r.resolve_day_range, _EN_MONTHS_NEED),
    ("digit", r"\b(?:(?P<pre>from|between|on)\s+)?(?:the\s+)?(?<!\d)(?P<d1>[0-3]?\d)"
     + ORDINAL_SUFFIX
     + r"(?:\s+(?:of\s+)?" + en_month("m1") + r")?" + _EN_RANGE_SEP + r"(?:the\s+)?(?P<d2>[0-3]?\d)"
     + ORDINAL_SUFFIX + r"\s+(?:of\s+)?" + en_month("m2") + r"(?:,?\s+" + year("y2") + ")?",
     r.resolve_day_range, _EN_MONTHS_NEED),
    ("digit", r"\b(?:(?P<prep>at|around|about|by|from|until|before|after|shortly\s+before"
     r"|shortly\s+after)\s+)?(?<![\d.:])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*"
     r"(?P<ampm>[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]M\b)(?:\s+(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST"
     r"|local\s+time)\b)?", r.resolve_clock, r"[ap]\.?m"),
    ("digit", r"\b(?:(?P<prep>at|around|about|by|from|until|before|after)\s+)?(?<![\d.:])"
     r"(?P<h>[01]?\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?:GMT|UTC|CET|CEST|ET|EST|EDT|BST|hours|hrs"
     r"|local\s+time)\b", r.resolve_clock,
     r"\d\d\s*(?:gmt|utc|cet|cest|et|est|edt|bst|hours|hrs|local)"),
    ("digit", r"\bat\s+(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!\d)", r.resolve_clock, r"\d:\d"),
    ("digit", BARE_CLOCK, r.resolve_clock, r"\d:\d"),
    ("day", r"\b(?:(?:at|around|by|until|before|after)\s+)?(?P<noon>noon|midday|midnight)\b",
     r.resolve_clock, "noon|midday|midnight"),
    ("digit", r"\b(?P<prep>in|since|by|until|from|during|through|before|after|in\s+the\s+year"
     r"|the\s+year)\s+" + year() + r"\b", r.resolve_year, _YEAR_NEED),
    ("digit", r"\b" + _EN_PART + r"\s*" + year() + r"\b", r.resolve_year_part, _EN_PART_NEED),
    ("digit", QUARTER_CODE, r.resolve_quarter, "q[1-4]"),
    ("weekday", r"\b" + _EN_PREP + r"(?:(?P<mod>" + EN_MOD + r")\s+)?" + en_weekday()
     + r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"
     r"(?:\s+(?:of\s+)?(?:the\s+)?(?P<wmod>" + EN_MOD + r")\s+week\b)?", r.resolve_weekday),
    ("weekday", r"\b(?:(?P<between>between)\s+|from\s+|on\s+)?(?:(?P<mod>" + EN_MOD + r")\s+)?"
     + en_weekday("wd1")
     + r"\s*(?P<sep>to|through|until|and|[-–])\s*" + en_weekday("wd2") + r"\b"
     r"(?:\s+(?:of\s+)?(?:the\s+)?(?P<wmod>" + EN_MOD + r")\s+week\b)?",
     r.resolve_weekday_range, _EN_RANGE_SEP_WEEKDAY),
    ("weekday", r"\b(?P<every>every|each)\s+(?:other\s+)?" + en_weekday() + r"\b", r.resolve_set,
     "every|each"),
    ("weekday", r"\b(?:on\s+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
     r"|Sunday)s)\b", r.resolve_set, "days"),
    ("month", r"\b(?:(?P<prep>in|since|until|by|from|during)\s+)?(?:(?P<mod>this|next|last"
     r"|past|coming)\s+)?(?P<month>(?-i:January|February|March|April|May|June|July|August"
     r"|September|October|November|December))\b(?:,?\s+" + year()
     + r"|\s+(?P<yrel>next\s+year|last\s+year|this\s+year))?", r.resolve_month),
    ("month", r"\b" + _EN_PART + r"\s*" + en_month() + r"(?:,?\s+" + year() + r")?",
     r.resolve_month_part, _EN_PART_NEED),
    # "No one has signed it to this day", "until today": so far, not a day.
    ("day", r"\b(?:[Uu]ntil|[Tt]ill|[Uu]p\s+to)\s+today\b"
     r"(?!\s+(?:morning|afternoon|evening|night))", r.resolve_so_far, "today"),
    ("unit", r"\b(?:[Tt]o|[Uu]ntil)\s+this\s+day\b", r.resolve_so_far, r"this\s+day"),
    ("day", r"\b(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?:\s+(?P<pod>morning"
     r"|afternoon|evening|night))?\b", r.resolve_relative_day),
    ("day", r"\b(?P<rel>[Tt]his|[Ll]ast)\s+(?P<pod>morning|afternoon|evening|night)\b",
     r.resolve_relative_day, r"(?:this|last)\s+(?:morning|afternoon|evening|night)"),
    ("day", r"\b(?:the\s+)?day\s+(?P<rel>before\s+yesterday|after\s+tomorrow)\b",
     r.resolve_relative_day, r"before\s+yesterday|after\s+tomorrow"),
    ("day", r"\b(?:(?:in|during)\s+the\s+(?:(?:early|late)\s+)?(?P<pod>morning|afternoon"
     r"|evening)|(?:at|over)\s+(?P<pod2>night)|(?P<overnight>overnight))\b", r.resolve_part_of_day),
    ("unit", r"\b(?:(?P<prep>in|during|over|for|since|by|until|from|at)\s+)?(?:the\s+)?"
     r"(?P<mod>" + EN_MOD + r")\s+(?P<unit>week|weekend|month|year)\b", r.resolve_relative_unit,
     EN_MOD),
    ("unit", r"\b(?:at|over|during)\s+the\s+(?P<unit>weekend)\b", r.resolve_relative_unit,
     "weekend"),
    ("unit", r"\b" + _EN_PART + r"\s*(?:the\s+)?(?:(?P<mod>" + EN_MOD + r")\s+)?"
     r"(?P<unit>week|month|year)\b", r.resolve_unit_part, _EN_PART_NEED),
    ("unit", r"\b(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?P<mod>past|last|coming|next"
     r"|previous|recent|following)\s+(?:(?P<num>" + EN_NUMBER + r")\s+)?"
     r"(?P<unit>days|weeks|months|years|decades)\b", r.resolve_recent,
     "past|last|coming|next|previous|recent|following"),
    # "ten years ago today", "Today, 80 years ago, …": that day, years back.
    ("unit", r"\b(?:exactly\s+)?(?P<num>" + EN_NUMBER + r")\s+(?P<unit>years|months|decades)"
     r"\s+ago\s+(?:to\s?day|this\s+week)\b", r.resolve_anniversary, "ago"),
    ("unit", r"\b[Tt]oday,?\s+(?:exactly\s+|some\s+)?(?P<num>" + EN_NUMBER + r")\s+"
     r"(?P<unit>years|months|decades)\s+ago\b", r.resolve_anniversary, "ago"),
    ("unit", r"\b(?:(?P<q>more\s+than|almost|nearly|about|some|over|roughly)\s+)?(?P<num>"
     + EN_NUMBER + r")\s+(?P<unit>days?|weeks?|months?|years?|decades?|hours?)\s+(?P<dir>ago)\b",
     r.resolve_offset, "ago"),
    ("unit", r"\b(?P<dir>in)\s+(?P<num>" + EN_NUMBER + r")\s+(?P<unit>days?|weeks?|months?"
     r"|years?)(?:'?\s*time)?\b", r.resolve_offset),
    ("unit", r"\b(?:(?P<pre>for|over|within|during|since|after)\s+)?(?:(?P<q>more\s+than"
     r"|less\s+than|almost|nearly|about|around|at\s+least|some|up\s+to|roughly)\s+)?"
     r"(?P<num>" + EN_NUMBER + r")\s+(?P<unit>" + EN_UNIT + r")(?:\s+(?P<post>long|later"
     r"|earlier))?\b", r.resolve_duration, r"\s(?:decade|day|week|month|year|hour|minute)"),
    ("unit", r"\b(?P<pre>for)\s+(?P<unit>years|months|weeks|days|decades|hours)\b",
     r.resolve_duration, r"for\s+(?:years|months|weeks|days|decades|hours)"),
    ("unit", r"\b(?P<unit>years|months|weeks|days|decades)-long\b", r.resolve_duration, "-long"),
    ("season", r"\b(?:(?P<prep>in|during|since|by|until|over|for)\s+)?(?P<the>the\s+)?"
     r"(?:(?P<mod>this|next|last|coming|past)\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn"
     r"|[Ff]all|[Ww]inter)\b(?:\s+(?:of\s+)?" + year() + r"(?:/\d{2,4})?)?", r.resolve_season),
    ("unit", r"\b(?:(?:in|during)\s+)?the\s+(?P<ord>first|second|third|fourth|final|last)\s+"
     r"quarter(?:\s+of\s+(?:" + year() + r"|(?:the\s+)?(?P<ymod>this|next|last|current)\s+year)"
     r")?\b", r.resolve_quarter, "quarter"),
    ("unit", r"\b(?P<every>every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|morning"
     r"|evening|night)\b", r.resolve_set, "every|each"),
    ("unit", r"\bevery\s+(?P<num>" + EN_NUMBER + r")\s+(?P<unit>days|weeks|months|years)\b",
     r.resolve_set, "every"),
    ("unit", r"\b(?P<adv>daily|weekly|monthly|annually|yearly|fortnightly)\b", r.resolve_set,
     "daily|weekly|monthly|annually|yearly|fortnightly"),
)  # fmt: skip

RULES = {"de": GERMAN, "en": ENGLISH}
