"""Publication stamps: the line in an article's head that says when it was published.

Outlets print it in many ways ("Stand: 12.01.2022 03:55 Uhr", "Updated 10:47 AM EST, January 21,
2022", "Published: 19 June 2024, 15:20 BST", "24. Juni 2024, 15:47 Uhr"), but each is a short label,
a weekday, a date, a time and a zone, all but the date optional. Only a line that is nothing but
such a stamp counts, a labelled stamp that ends a line (tagesschau puts it after the headline), or
one after a byline's fields ("By: … / Philippine Daily Inquirer / 07:15 AM January 30, 2026"), so
that a date in one of the story's sentences is never taken for the publication time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from .date_lexicon import month_number

HEAD_CHARS = 1500
MAX_STAMP_CHARS = 60
# A line with two stamps and what stands between them.
_TWO_STAMPS_CHARS = 3 * MAX_STAMP_CHARS
# A stamp without a time stands for the day; the sets' convention is noon, not midnight.
DATE_ONLY_HOUR = 12

# Hours from UTC. Outlets print the abbreviation of the offset they mean, so "CET" in July is +1.
ZONE_OFFSETS = {
    "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "MEZ": 1, "CEST": 2, "MESZ": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "BRT": -3,
    "ART": -3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
    "PDT": -7, "IST": 5.5, "SGT": 8, "HKT": 8, "NZST": 12, "NZDT": 13,
    # African, Middle Eastern and Asian outlets: "19:20 EAT", "08:05pm PKT", "GST" (Gulf)
    "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "TRT": 3, "IRST": 3.5, "GST": 4, "AFT": 4.5,
    "PKT": 5, "NPT": 5.75, "ICT": 7, "WIB": 7, "PHT": 8, "MYT": 8, "AWST": 8,
    "ACST": 9.5, "ACDT": 10.5,
    # Turkish outlets print "TSİ" (Türkiye Saati) with the dotted capital I
    "TSİ": 3,
}  # fmt: skip
# Zones printed by the region they mean, which keep summer time themselves ("2:12 PM ET").
REGION_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "PT": "America/Los_Angeles",
    "UK": "Europe/London",
}  # fmt: skip

_MONTH_NAMES = (
    "Januar Jänner January Februar Feber February März March April Mai May Juni June Juli July"
    " August September Oktober October November Dezember December"
    " Jan Feb Febr Mär Mrz Mar Apr Jun Jul Aug Sept Sep Okt Oct Nov Dez Dec"
).split()
_MONTH = "(?P<month>(?:{})\\b\\.?)".format("|".join(sorted(_MONTH_NAMES, key=len, reverse=True)))
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# Every form of stamp has a year: a line without one is passed over with one cheap search.
_ANY_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_DATES = (
    rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}",  # 24.02.2024
    rf"(?P<day>\d{{1,2}})\.?[ \t]+{_MONTH}[ \t]+{_YEAR}",  # 24. Juni 2024, 19 June 2024
    rf"{_MONTH}[ \t]+(?P<day>\d{{1,2}}),?[ \t]+{_YEAR}",  # June 19, 2024
)
_LABEL = (
    r"(?P<label>(?:(?:Zuletzt[ \t]+)?[Aa]ktualisiert|Stand|Veröffentlicht|Publiziert|Erschienen"
    r"|Erstellt"
    r"|Datum|Date|Issued"
    # KNA's "Vatikanstadt - 19.05.2025": the place the report is filed from, then the date
    r"|(?P<filed_at>[A-ZÄÖÜ][\w'’.]+(?:[ \t/][A-ZÄÖÜ][\w'’.]+)?)[ \t]+[–—-](?=[ \t]+\d)"
    # "Jakarta ● Tue, January 7, 2025", "Bonn · 26.06.2025": the place opening the line, a
    # bullet, the stamp ("Die Rede von Olaf Scholz · 03.03.2025" names no place)
    r"|^(?P<filed_by>[A-ZÄÖÜ][\w'’.-]+(?:[ \t][A-ZÄÖÜ][\w'’.-]+)?)[ \t]+[●•·](?=[ \t]+\w)"
    # "KYODO NEWS - April 28, 2026 - 08:40": the agency's name in capitals, no place
    r"|[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2}[ \t]+[–—-](?=[ \t]+[A-Z][a-z])"
    # The byline that opens the line, then the day: Cicero's "VON HELMUT KRAFFT am 5. Februar
    # 2026", salto's "von Lukas Pichler · 29.01.2024", VnExpress's "By Viet Anh   Monday, …"
    r"|^(?:VON|[Vv]on|BY|By):?[ \t]+[A-ZÄÖÜ][\w'’.-]+(?:[ \t]+[A-ZÄÖÜ][\w'’.-]+){1,3}"
    r"(?:[ \t]*[·•|])?"
    # KNA's "… | Beirut, 30.11.2025, 19:35 Uhr": the place the report is filed from
    r"|(?P<filed_in>[A-ZÄÖÜ][\w'’.-]+(?:[ \t][A-ZÄÖÜ][\w'’.-]+)?),(?=[ \t]*\d)"
    r"|(?:Last[ \t]+)?[Uu]pdated?|Published|Posted|Beitrag|Kommentar|Artikel|Sendung"
    r"|UPDATED|PUBLISHED|POSTED|AKTUALISIERT|VERÖFFENTLICHT)"
    # "Published - July 24, 2025 08:40 pm IST" (The Hindu), "Published at : December 4, 2024"
    r"(?:[ \t]+(?:am|vom|[Oo]n|at))?[ \t]*[:–-]?[ \t]*)"
)
_WEEKDAY = (
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun"
    r"|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?[ \t]+)"
)
# "GMT+7", "(GMT+1)", "TSİ": a zone, the offset from it, in brackets or not
_ZONE = (
    r"(?P<bracket>\()?(?P<zone>[A-Zİ]{2,4})"
    r"(?:[ \t]*(?P<shift>[+-]\d{1,2})(?::?(?P<shift_minutes>\d\d))?)?(?(bracket)\))"
)
# "15:47", "15.47" and the French "17h20"
_CLOCK = r"(?P<hour>\d{1,2})(?:[:.]|h(?=\d\d))(?P<minute>\d\d)(?!\d)"
_TIME = (
    rf"{_CLOCK}(?:[ \t]*(?P<meridiem>[AaPp])\.?[Mm]\.?)?(?:[ \t]*Uhr)?"
    rf"(?:,?[ \t]+{_ZONE})?"
)
_DATE_TIME_GAP = r"[ \t]*[,|/·•–—-]?[ \t]*(?:(?:at|um)[ \t]+)?"
# What an outlet prints after the stamp on its line: "| Lesedauer: 3 Min.", "/ CBS News",
# "- World". A clock there belongs to the stamp ("| 09:30 Ortszeit"): if the stamp cannot be
# read with it, its date alone is no stamp for noon.
_TAIL = (
    r"(?P<tail>[ \t]*[|/·•](?![ \t]*\d{1,2}[:.h]\d\d)[ \t]*[^\n|/·•]{1,40}"
    r"|[ \t]+[–—-][ \t]+[^\d\n]{1,25})?"
)
# Each date form with the time after it ("24.06.2024, 15:47 Uhr") or before it (AP's
# "10:47 AM EST, January 21, 2022"); every part a stamp may have is a named group.
_STAMPS = tuple(
    re.compile(rf"{_LABEL}?{_WEEKDAY}?{stamp}{_TAIL}[ \t]*$")
    for date in _DATES
    for stamp in (
        f"{date}(?:{_DATE_TIME_GAP}{_TIME})?",
        # AP's "10:47 AM EST, January 21, 2022", CNN's "9:41 AM EST, Mon December 1, 2025",
        # RNZ's "5:45 pm on 26 October 2024"
        f"{_TIME}[ \t]*,?[ \t]*(?:on[ \t]+)?{_WEEKDAY}?{date}",
    )
)


@dataclass(frozen=True)
class Stamp:
    published: datetime
    span: tuple[int, int]
    # "Bozen, 28. September 2026, 18.47 Uhr", "Vatikanstadt - 19.05.2025": the place the
    # report is filed from, when the stamp names one.
    place: tuple[int, int] | None = None


def find_stamp(text: str, tz: tzinfo) -> Stamp | None:
    """The first line of the article's head that is a publication stamp, and the time it gives."""
    for line in re.finditer(r"[^\n]+", text[:HEAD_CHARS]):
        if line.end() == HEAD_CHARS < len(text):
            break  # cut off by the head's end, the line may go on into a sentence
        if found := _stamp_of(line.group(), tz):
            match, published = found
            start = line.start() + match.start()
            end = start + len(match.group().rstrip())
            before = line.group()[: match.start()]
            if first := _stamp_of(before.rstrip(" \t|·–-"), tz):
                # "02.04.2025, 17:05 · Aktualisiert: 02.04.2025, 19:36": published first.
                start, published = line.start(), first[1]
            elif _fielded(before):
                # KNA's byline before the stamp ("Von Anna Mertens (KNA) | Beirut,
                # 30.11.2025, 19:35 Uhr"): the whole line is the head's metadata.
                start = line.start()
            place = None
            for group in ("filed_at", "filed_in", "filed_by"):
                if match[group]:
                    place = (line.start() + match.start(group), line.start() + match.end(group))
            return Stamp(published, (start, end), place)
    return None


def _stamp_of(line: str, tz: tzinfo) -> tuple[re.Match[str], datetime] | None:
    if not _ANY_YEAR.search(line):
        return None  # every stamp has a year: most lines are passed over at once
    # "Publiziert: … 07:15 Uhr | Aktualisiert: … 10:02 Uhr" is too long for one stamp: then
    # the later one, and the earlier before it. A line of prose is not searched that way.
    retry = len(line) <= _TWO_STAMPS_CHARS
    for pattern in _STAMPS:
        position = 0
        while match := pattern.search(line, position):
            if _fills_its_line(match) and (published := _published(match, tz)):
                return match, published
            if not retry:
                break
            position = match.start() + 1
    return None


def _fills_its_line(match: re.Match[str]) -> bool:
    # Text before an unlabelled date makes it the end of a sentence, not a stamp after a headline.
    before = match.string[: match.start()].strip()
    # What the outlet prints after the stamp ("· Katrin Lenz, ARD-Studio New York") is no part.
    stamp = match.string[match.start() : match.start("tail") if match["tail"] else match.end()]
    return len(stamp.strip()) <= MAX_STAMP_CHARS and (
        not before or bool(match["label"]) or _fielded(before)
    )


def _fielded(before: str) -> bool:
    """A byline and other fields before the stamp, not a sentence: "Von Nina Koren, Brüssel |
    16. Dezember 2025 22:05 Uhr", "By: Carlo M. Villanueva - Reporter / Philippine Daily Inquirer
    / 07:15 AM January 30, 2026"."""
    return before.rstrip().endswith(("|", "/"))


def _published(match: re.Match[str], tz: tzinfo) -> datetime | None:
    if (zone := _zone(match, tz)) is None:
        return None  # a zone we cannot place would give a wrong time, and so a wrong day
    if (clock := _clock(match)) is None:
        return None
    month = match["month"].rstrip(".")
    try:
        return datetime(
            int(match["year"]),
            int(month) if month.isdigit() else month_number(month) or 0,
            int(match["day"]),
            *clock,
            tzinfo=zone,
        )
    except ValueError:
        return None


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    """Hour and minute on the 24-hour clock; None for a time that cannot be ("14:05 PM")."""
    if match["hour"] is None:
        return DATE_ONLY_HOUR, 0
    hour, minute = int(match["hour"]), int(match["minute"])
    if not match["meridiem"]:
        return hour, minute
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if match["meridiem"] in "Pp" else 0), minute


def _zone(match: re.Match[str], tz: tzinfo) -> tzinfo | None:
    if match["zone"] is None:
        return tz
    if match["zone"] in REGION_ZONES and not match["shift"]:
        return ZoneInfo(REGION_ZONES[match["zone"]])
    if match["zone"] not in ZONE_OFFSETS:
        return None
    hours = timedelta(hours=ZONE_OFFSETS[match["zone"]])
    if shift := match["shift"]:
        sign = -1 if shift.startswith("-") else 1
        hours += sign * timedelta(hours=abs(int(shift)), minutes=int(match["shift_minutes"] or 0))
    return timezone(hours)
