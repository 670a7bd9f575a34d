"""How long an event lasts: "dauert bis Sonntag", "the two-day summit", "ended … on Saturday"."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .types import TemporalExpression

_END_MARKER = re.compile(
    r"\b(?=[bcestuw])"
    r"(?:bis(?:\s+zum|\s+einschließlich)?|until|through|end(?:ete|eten|et|en|e|s|ed)?"
    r"|conclud\w*|wrap(?:s|ped)?\s+up|schließt\s+\w+\s+ab|clos(?:es|ed))"
    r"(?:\s+(?:am|on|at|an))?\s*$",
    re.IGNORECASE,
)
# "The summit continues on Friday": a later day of an event already told, if it is that event.
_CONTINUES = re.compile(
    r"\b(?=[cfgrw])"
    r"(?:continu(?:es|ed|e)|resum(?:es|ed)|geht\s+\w+\s+weiter|wird\s+\w+\s+fortgesetzt"
    r"|fortgesetzt\s+werden)(?:\s+(?:am|on|at|an))?\s*$",
    re.IGNORECASE,
)
_SET_FORTH = re.compile(r"\bsetz\w*\s+(?:[^\s.!?;:]+\s+){1,8}fort\b")
# "Am Montagvormittag wurden die Gespräche im Kanzleramt fortgesetzt", "On Tuesday the talks
# resumed": the verb after the date, in its clause.
_CONTINUED_AFTER = re.compile(
    r"[^.!?;:,]{0,60}?\b(?:fortgesetzt|continued|resumed)\b", re.IGNORECASE
)
# The lookahead names the letters its words open with: other words are passed over at once.
_ENDED = re.compile(
    r"\b(?=[abcegswz])"
    r"(?:ended|ends|concluded|concludes|wrapped\s+up|wraps?\s+up|closed|closes|endete\w*"
    r"|endet|beendet\w*|abgeschlossen|schlossen|zu\s+Ende\s+(?:gegangen|ging\w*)"
    r"|ging\w*\s+zu\s+Ende"
    # "sagte zum Abschluss der zweitägigen Beratungen am Donnerstag"
    r"|zum\s+(?:Abschluss|Ende)\s+de[rs]|at\s+the\s+(?:end|close)\s+of)\b",
    re.IGNORECASE,
)
_NUMBERS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "two": 2, "three": 3, "four": 4, "five": 5}
_DAYS = re.compile(
    r"\b(?=[2345dfnotvz])"
    r"(?:(zwei|drei|vier|fünf|[2-5])(?:-|\s)?tägig\w*|(two|three|four|five|[2-5])-day\b"
    r"|(two|three|four|five)\s+days\s+of\b"
    # "Zwei Tage lang berieten …", "Nach zwei Tagen Beratungen …", "over two days"
    r"|(zwei|drei|vier|fünf)\s+Tage\s+lang\b|nach\s+(zwei|drei|vier|fünf)\s+Tagen\b"
    r"|over\s+(two|three|four|five)\s+days\b)",
    re.IGNORECASE,
)
_DAYS_HINT = re.compile(r"[Tt]ägig|[Dd]ay|Tage")
_NEXT_WORD = 2
# A multi-day event ends within two weeks of its start (a World Health Assembly takes nine
# days, a climate conference twelve); anything later is another event.
MAX_EXTENT = timedelta(days=14)


def is_end_date(text: str, expression: TemporalExpression) -> bool:
    """The date closes an interval: "bis Mittwoch", "ends on Sunday"."""
    return _closes(text, expression.start)


def is_continuation(text: str, expression: TemporalExpression) -> bool:
    return _continues(text, expression.start, expression.end)


# Both are asked of each date again for every trigger of its sentence and every event that
# may end or go on there (two to three times per date): answered once and remembered.
@lru_cache(maxsize=1024)
def _closes(text: str, start: int) -> bool:
    return bool(_END_MARKER.search(text[max(0, start - 30) : start]))


@lru_cache(maxsize=1024)
def _continues(text: str, start: int, end: int) -> bool:
    if _CONTINUES.search(text[max(0, start - 30) : start]):
        return True
    after = text[end : end + 80]
    if ("fortgesetzt" in after or "continued" in after or "resumed" in after) and (
        _CONTINUED_AFTER.match(text, end)
    ):
        return True
    # "setzten ihre Beratungen am Freitagmorgen fort": the date inside the separable verb.
    resumed = _SET_FORTH.search(text, max(0, start - 60), end + 30)
    return resumed is not None and resumed.start() < start < resumed.end()


def span_in_days(sentence: str) -> int | None:
    match = _DAYS.search(sentence)
    if match is None:
        return None
    word = next(group for group in match.groups() if group)
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def days_named_before(sentence: str, offset: int) -> bool:
    """ "zweitägigen Gipfels", "the two-day summit": the length is said of the word at
    `offset`, not of a "dreitägige Südamerikareise" elsewhere in the sentence."""
    if not _DAYS_HINT.search(sentence):
        return False  # most sentences name no length at all: a cheap look first
    return any(0 <= offset - match.end() <= _NEXT_WORD for match in _DAYS.finditer(sentence))


def ended(sentence: str) -> bool:
    """ "ging zu Ende", "ended", "wraps up": the sentence tells of an end."""
    return bool(_ENDED.search(sentence))


def interval(sentence: str, start: date, end: date | None) -> tuple[date, date | None]:
    """Widen a single day to the length the sentence gives the event."""
    days = span_in_days(sentence)
    if end is not None or days is None:
        return start, end
    if _ENDED.search(sentence):
        return start - timedelta(days=days - 1), start
    return start, start + timedelta(days=days - 1)


# Answers for one article: `pipeline.suggest` forgets them before the next.
MEMOS = (_closes, _continues)
