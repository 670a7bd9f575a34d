"""Split a text into sentence spans, keeping offsets; ordinals and abbreviations stay whole."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """
    dr prof nr str st ca bzw usw vgl evtl ggf inkl jh mio mrd abs art bd hr fr frau sen gen
    z.b u.a d.h o.ä s.o u.s u.n u.k e.u v.a i.d.r mr mrs ms sen rep gov gen col lt sgt jr sr inc
    ltd co corp
    jan feb mar apr jun jul aug sep sept oct okt nov dec dez vs etc no approx
    """.split()
)
_MONTH_AFTER = re.compile(
    r"\s*(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez|Jänner)", re.IGNORECASE
)
# A candidate boundary: terminal punctuation (with closing quotes), then space, then a new start;
# or a line break. It opens with the character class, which the regex engine skips to without
# trying each position (a lookahead in front would be tried at every one); the lookbehinds then
# tell which of the alternatives that character opened.
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”“»«)]*(?=\s+[\"'„“»«(]?[A-ZÄÖÜ0-9])"
    r"|(?<=\n)\s*\n|(?<=\n))"
)
_LAST_WORD = re.compile(r"([\wÄÖÜäöüß.]+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0).startswith((".", "!", "?", "…")) and not _is_sentence_end(text, match):
            continue
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _is_sentence_end(text: str, match: re.Match[str]) -> bool:
    if not match.group(0).startswith("."):
        return True
    before = text[max(0, match.start() - 12) : match.start()]
    word = _LAST_WORD.search(before)
    if word:
        token = word.group(1).lower()
        if token in _ABBREVIATIONS or len(token) == 1:
            return False
        if token.isdigit():
            # "am 12. Januar", "am 12.01." and "Platz 3." continue the sentence.
            return not (len(token) <= 2 and _MONTH_AFTER.match(text, match.end()))
    return True


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
