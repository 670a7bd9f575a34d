"""Read an article from bytes: plain text in the agencies' and broadcasters' formats, or HTML.

The body is kept as read (only line endings are normalised), because every evidence offset
indexes it. Header lines that carry metadata (the publication stamp, a "Von …" byline, a
dateline) are recorded as `metadata` spans so that their dates never become event dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .language import detect_language
from .stamps import find_stamp
from .types import Document, ExtractionError

MAX_BYTES = 2 * 1024 * 1024
# Menus and cookie banners that trafilatura falls back to are shorter than any news item.
_MIN_WORDS = 12
_HEAD_CHARS = 1500
_KICKER_WORDS = 3
_LABEL_WORDS = 6
_PROSE_WORDS = 10
_YEAR_IN_LINE = re.compile(r"\b(?:19|20)\d\d\b")
_HEADLINE_CHARS = 200
BERLIN = ZoneInfo("Europe/Berlin")

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?([+-]\d{2}:?\d{2}|Z)?")
_BYLINE = re.compile(r"^(?:Von|By)\s+([^\n]{3,120})$", re.MULTILINE)
_AGENCIES = (
    r"dpa|AFP|Reuters|AP|KNA|epd|dpa-AFX|APA|SDA|DW|RND|AA|ANSA|Xinhua|TASS|Kyodo"
    r"|Yonhap|PAP|CTK|Belga|ANP"
    # national agencies of Asia, Africa, the Gulf and Europe
    r"|Bernama|Antara|PTI|IANS|ANI|WAM|SPA|KUNA|QNA|IRNA|Interfax|RIA|Ukrinform|BTA|MTI|HINA"
    r"|Tanjug|EFE|Lusa|NTB|TT|STT|TASR|Agerpres|ATS|Keystone-SDA|NAN|MAP|APS|AAP|Jiji|KCNA|VNA"
    r"|PNA|CNA|Prensa\s+Latina|Notimex|Telam|ABr"
)
_DATELINE = re.compile(
    # "Frankfurt (Oder) (dpa) -", "TA' QALI, Malta, Dec 5 (Reuters) -", "London (epd)."
    r"^\s*([A-ZÄÖÜ][\w./' -]{1,40}?(?:\s*\((?:Oder|Main)\))?)\s*(?:,\s*[^()\n]{1,30}?)?\s*"
    rf"\(({_AGENCIES})(?:/\w+)?\)\s*(?:[-–—]+|[.:])\s*",
    re.MULTILINE,
)
# The agency in brackets that every such dateline names: a head without one is not searched
# for the dateline, whose pattern tries many ways to split each line.
_AGENCY_CREDIT = re.compile(rf"\((?:{_AGENCIES})(?:/\w+)?\)")
# "BRUSSELS — …", "WASHINGTON, Feb 3 — …", "Paris - …": a dateline without an agency.
_BARE_DATELINE = re.compile(
    r"^[ \t]*([A-ZÄÖÜ][A-ZÄÖÜ.' -]{2,30}|[A-ZÄÖÜ][a-zäöüß]+(?:[/-][A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]+[-–—]+[ \t]+(?=\S)",
    re.MULTILINE,
)
# "Neu-Delhi. Die Europäische Union …" (RND, regional papers): a place and a full stop opening a
# paragraph; "Mr." and "Dr." open sentences, not datelines.
_FULL_STOP_DATELINE = re.compile(
    r"^[ \t]*(?!(?:Mr|Mrs|Ms|Dr|St|Prof|Sen|Rep|Gen|Nr)\.)"
    r"([A-ZÄÖÜ][a-zäöüß]+(?:[/-][A-ZÄÖÜ][a-zäöüß]+)?)\.[ \t]+(?=[A-ZÄÖÜ])",
    re.MULTILINE,
)
# "SAMARKAND. Die EU …" (Austrian papers), "ISLAMABAD: The two-day meeting …" (South Asian and
# Singaporean outlets): the city in capitals opening a paragraph. Labels in capitals are no place.
_CAPITALS_DATELINE = re.compile(
    r"^[ \t]*(?!(?:UPDATE|UPDATED|BREAKING|EXCLUSIVE|ANALYSIS|ANALYSE|OPINION|EDITORIAL|COMMENT"
    r"|KOMMENTAR|LIVE|WATCH|VIDEO|PHOTOS|FACTBOX|EXPLAINER|INTERVIEW|NOTE|EILMELDUNG)\b)"
    r"([A-ZÄÖÜ][A-ZÄÖÜ'-]+(?:[ \t][A-ZÄÖÜ][A-ZÄÖÜ'-]+){0,2})[.:][ \t]+(?=[\"„“A-ZÄÖÜ])",
    re.MULTILINE,
)
# "(Reporting by John Irish in Paris; Editing by …)", "Quelle: ntv.de, mau/dpa": who wrote it,
# not where anything happened.
_CREDITS = re.compile(
    r"^[ \t]*(?:\((?:Reporting|Additional\s+reporting|Writing|Editing|Compiled|Mitarbeit)"
    r"\b[^\n]*\)|Quelle:[^\n]{0,80})[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "Tages-Anzeiger › International › Krieg im Nahen Osten": where the page sits, not its headline.
_HEAD_LINES = 3
_BREADCRUMB = re.compile(r"[^\n]*?\s[›»>]\s[^\n]*?\s[›»>]\s")
# "NEWSINFO / Nation", "TRT Deutsch › Türkei": a section and its part, a few words each.
_SECTION = re.compile(r"(?:[\w.&'’-]+ ){1,3}[›»>/](?: [\w.&'’-]+){1,3}")
_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|body|article|div|p)\b", re.IGNORECASE)


def decode(data: bytes) -> str:
    if not data or not data.strip():
        raise ExtractionError("the article is empty")
    if len(data) > MAX_BYTES:
        raise ExtractionError(
            f"the article is too large ({len(data):,} bytes; at most {MAX_BYTES:,})"
        )
    if b"\x00" in data[:8192]:
        raise ExtractionError("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExtractionError(
            f"the file is not UTF-8 text (invalid byte at position {error.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:2000]))


def read_document(data: bytes | str, tz: ZoneInfo = BERLIN, url: str | None = None) -> Document:
    text = decode(data.encode() if isinstance(data, str) else data)
    if looks_like_html(text):
        return read_html(text, tz, url)
    return read_plain_text(text, tz, url)


def read_plain_text(text: str, tz: ZoneInfo = BERLIN, url: str | None = None) -> Document:
    if not text.strip():
        raise ExtractionError("the article is empty")
    metadata: list[tuple[int, int]] = []
    published = None
    head = text[:1500]
    if stamp := find_stamp(text, tz):
        published = stamp.published
        metadata.append(stamp.span)
    elif iso := _ISO.search(head):
        published = _iso_datetime(iso, tz)
        metadata.append(iso.span())
    title = _title(text, metadata)
    author = None
    if byline := _BYLINE.search(head):
        author = byline.group(1).strip()
        metadata.append(byline.span())
    outlet, dateline_place = None, None
    if _AGENCY_CREDIT.search(head) and (dateline := _DATELINE.search(head)):
        outlet, dateline_place = dateline.group(2), dateline.span(1)
        metadata.append(dateline.span())
    elif dateline := _first_outside(
        metadata,
        *_BARE_DATELINE.finditer(head),
        *_FULL_STOP_DATELINE.finditer(head),
        *_below_the_title(text, title, _CAPITALS_DATELINE.finditer(head)),
    ):
        dateline_place = dateline.span(1)
        metadata.append(dateline.span())
    elif stamp and stamp.place:
        dateline_place = stamp.place
    metadata.extend(credit.span() for credit in _CREDITS.finditer(text))
    metadata.extend(_labels(text, title, metadata))
    return Document(
        body=text,
        title=title,
        published=published,
        author=author,
        outlet=outlet,
        url=url,
        language=detect_language(text),
        metadata=tuple(sorted(metadata)),
        dateline=dateline_place,
    )


def _first_outside(
    metadata: list[tuple[int, int]], *matches: re.Match[str]
) -> re.Match[str] | None:
    """The first dateline that is not part of the stamp ("Published - July 24, 2025 …")."""
    outside = [m for m in matches if not any(a <= m.start() < b for a, b in metadata)]
    return min(outside, key=lambda m: m.start(), default=None)


def _below_the_title(
    text: str, title: str | None, matches: Iterator[re.Match[str]]
) -> Iterator[re.Match[str]]:
    """ "FOCAC: Tinubu, Xi elevate ties": a headline in capitals before a colon is no dateline."""
    title_end = text.find(title) + len(title) if title else 0
    return (match for match in matches if match.start() >= title_end)


def _title(text: str, metadata: list[tuple[int, int]]) -> str | None:
    # The headline is the first line that is not all metadata: dpa and AFP put the stamp above it.
    lines = []
    for line in re.finditer(r"[^\n]+", text[:_HEAD_CHARS]):
        title = line.group()
        for start, _end in metadata:
            if line.start() <= start < line.end():
                title = text[line.start() : start]
        title = title.strip(" \t-–|")
        if title and not _BREADCRUMB.match(title) and not _SECTION.fullmatch(title):
            lines.append(title)
            if len(lines) == _HEAD_LINES:
                break
    # "POLITIK AUSLAND", "Kanzler in Ostafrika", then the headline: a section or a kicker
    # above the headline is not the headline; nor are the outlet's name and a section
    # ("Mexico News Daily", "Politics / Business") above it.
    while len(lines) >= 2 and _kicker(lines[0], lines[1]):
        lines.pop(0)
    return lines[0][:300] if lines else None


def _labels(text: str, title: str | None, metadata: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Short lines in the head, before the story's first paragraph of prose: a section
    ("POLITIK AUSLAND"), a kicker, an author with their town ("Andreas Rüesch, Astana"), an
    outlet ("RND/dpa"). They are no paragraphs of the story, so its lead stays its lead."""
    labels = []
    for paragraph in re.finditer(r"[^\n]+", text[:_HEAD_CHARS]):
        line = paragraph.group().strip()
        if len(line.split()) >= _PROSE_WORDS or paragraph.end() == _HEAD_CHARS:
            break
        if (
            line == title
            or len(line.split()) > _LABEL_WORDS
            or line.endswith((".", "!", "?", ":", '"', "“", "”", "«", "»"))
            or _YEAR_IN_LINE.search(line)
            or any(start <= paragraph.start() < end for start, end in metadata)
        ):
            continue
        labels.append(paragraph.span())
    return labels


def _kicker(first: str, second: str) -> bool:
    """A line of up to three words above one that reads as a headline, not as a teaser."""
    return (
        len(first.split()) <= _KICKER_WORDS
        and not first.endswith((".", "!", "?", ":"))
        and len(second) <= _HEADLINE_CHARS
        and not second.endswith(".")
        # "January 12, 2022 4:05 PM XYZ": a stamp the head could not read is no headline
        and not _YEAR_IN_LINE.search(second)
    )


def _iso_datetime(match: re.Match[str], tz: ZoneInfo) -> datetime | None:
    try:
        value = datetime.fromisoformat(match.group(0).replace(" ", "T"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def read_html(html: str, tz: ZoneInfo = BERLIN, url: str | None = None) -> Document:
    # Imported here: trafilatura and htmldate take a noticeable time to import.
    import trafilatura
    from htmldate import find_date

    extracted: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = (extracted.text if extracted else "") or ""
    if len(body.split()) < _MIN_WORDS:
        raise ExtractionError("the page has no readable article text")
    published = None
    found = find_date(html, url=url, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z")
    if found:
        value = datetime.fromisoformat(found)
        published = value if value.tzinfo else value.replace(tzinfo=tz)
    return Document(
        body=body,
        title=extracted.title or None,
        published=published,
        author=extracted.author or None,
        outlet=extracted.sitename or None,
        url=url or extracted.url or None,
        language=detect_language(body),
    )
