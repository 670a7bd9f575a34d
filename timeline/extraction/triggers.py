"""Trigger phrases: the words that say a diplomatic event took place or will take place.

Each pattern names an event type of the PLOVER-mapped vocabulary and a weight (how sure the
phrase alone makes us). Patterns are whole-word, case-insensitive, and compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    weight: float


_GERMAN = {
    "phone_call": (
        0.9,
        r"telefonier\w*|telefonat\w*|telefongespräch\w*|telefonisch\w*|videoschalte\w*"
        r"|videokonferenz\w*|videogespräch\w*|per\s+video\w*|am\s+telefon",
    ),
    "summit": (
        0.9,
        r"\w*gipfel(?:treffen|s|n)?|\w*gipfeltreffen|\w*konferenz(?:en)?",
    ),
    "session": (
        0.85,
        r"\w*sitzung(?:en)?|tagt|tagte|tagten|tagen|getagt|tagung\w*|\w*ministertreffen"
        r"|\w*ministerrat\w*|ratstreffen",
    ),
    "negotiation": (
        0.8,
        r"verhandlungsrunde\w*|gesprächsrunde\w*|verhand\w*|\w*gespräche\b"
        r"|\w*gesprächen|friedensgespräch\w*|atomgespräch\w*",
    ),
    "visit": (
        0.85,
        r"besuch\w*|antrittsbesuch\w*|staatsbesuch\w*|reist\w*\s+(?:\w+\s+){0,3}nach"
        r"|reise\s+nach|gereist|eingetroffen|traf\w*\s+(?:\w+\s+){0,4}ein\b|reise\b",
    ),
    "meeting": (
        0.8,
        r"treff(?:en|e|t|st|ens)\b|traf\b|trafen|getroffen|zusammen(?:ge)?kommen|kam\w*\s+(?:\w+\s+){0,6}zusammen"
        r"|kommen\s+(?:\w+\s+){0,8}zusammen|zusammenkunft|begegnung\w*|unterredung\w*"
        r"|empf(?:ängt|ing|angen|ingen)|berat(?:en|ungen)|berieten|gespräch\b|sprach\w*\s+mit"
        r"|gesprochen|austauschen|ausgetauscht",
    ),
    "agreement": (
        0.85,
        r"unterzeichn\w*|unterschrieben|unterschrieb\w*|abkommen|vereinbart\w*|vereinbarung\w*|einigten|"
        r"geeinigt|einigung|waffenruhe\w*|waffenstillstand\w*|verabschiede\w*|beschlossen|beschloss\w*"
        r"|billigte\w*|gebilligt",
    ),
    "sanction": (
        0.85,
        r"sanktion\w*|strafmaßnahmen|ausgewiesen|ausweis(?:ung|en|t|te)\w*|\w*embargo\w*"
        r"|einbestellt\w*|einbestell\w*|veto\w*|legte\w*\s+(?:\w+\s+){0,3}veto",
    ),
}

_ENGLISH = {
    "phone_call": (
        0.9,
        r"phone\s+call\w*|telephone\w*|spoke\s+by\s+(?:tele)?phone|by\s+phone|video\s*call\w*"
        r"|video\s*conference\w*|videoconference\w*|call\s+with|phoned",
    ),
    "summit": (0.9, r"summit\w*|conference\w*"),
    "session": (
        0.85,
        r"session\w*|ministerial\w*|council\s+meeting\w*|emergency\s+meeting\w*|convene\w*",
    ),
    "negotiation": (
        0.8,
        r"negotiat\w*|round\s+of\s+talks|talks\b|dialogue\s+(?:with|between)",
    ),
    "visit": (
        0.85,
        r"visit\w*|travel(?:s|led|ed)?\s+to|trip\s+to|arriv\w*\s+in|toured|tour\s+of",
    ),
    "meeting": (
        0.8,
        r"meet\b|meets|meeting\w*|met\b|hosted|hosts|sat\s+down\s+with|gather\w*"
        r"|held\s+talks|spoke\s+with|discuss(?:ed|es)?\s+with",
    ),
    "agreement": (
        0.85,
        r"signed|signing|signs\s+(?:an?|the)\b|agreement\w*|accord\b|agreed|ceasefire|truce"
        r"|adopted|endorsed|approved",
    ),
    "sanction": (0.85, r"sanction\w*|expel\w*|expulsion\w*|embargo\w*|summon\w*|veto\w*"),
}

_NEGATION = {
    "de": re.compile(r"\b(?:kein\w*|nicht|nie|niemals)\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
    "en": re.compile(r"\b(?:no|not|never|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
}


def _compile(table: dict[str, tuple[float, str]]) -> re.Pattern[str]:
    groups = (f"(?P<{name}>{pattern})" for name, (_weight, pattern) in table.items())
    return re.compile(r"\b(?:" + "|".join(groups) + r")", re.IGNORECASE)


_PATTERNS = {"de": _compile(_GERMAN), "en": _compile(_ENGLISH)}
_WEIGHTS = {"de": _GERMAN, "en": _ENGLISH}


# "Vor dem Treffen", "after the summit": an event used as a point in time, reported elsewhere.
_ANCHOR = re.compile(
    r"\b(?:nach|vor|seit|während|after|before|since|during|ahead\s+of|im\s+anschluss\s+an"
    r"|following|in\s+the\s+wake\s+of|am\s+rande)\s+(?:dem|der|den|das|des|the)"
    r"(?:\s+\w+)?\s+$",
    re.IGNORECASE,
)

# "weitere Treffen", "further talks", "possible summit": no particular event.
_HYPOTHETICAL = re.compile(
    r"\b(?:weitere[nmrs]?|künftige[nmrs]?|mögliche[nmrs]?|eventuelle[nmrs]?|etwaige[nmrs]?"
    r"|further|future|possible|potential|any)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)

# Press and news conferences are where events are announced, not events of their own.
_NOT_EVENTS = ("presse", "press", "news", "pressekonferenz")


def find_triggers(text: str, lang: str) -> list[Trigger]:
    pattern = _PATTERNS.get(lang, _PATTERNS["en"])
    weights = _WEIGHTS.get(lang, _ENGLISH)
    negation = _NEGATION.get(lang, _NEGATION["en"])
    found = []
    for match in pattern.finditer(text):
        kind = match.lastgroup or "meeting"
        if match.group(0).lower().startswith(_NOT_EVENTS) or _preceded_by_press(text, match):
            continue
        before = text[max(0, match.start() - 24) : match.start()]
        if _ANCHOR.search(before) or _HYPOTHETICAL.search(before):
            continue
        if negation.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        found.append(Trigger(match.start(), match.end(), match.group(0), kind, weights[kind][0]))
    return found


def _preceded_by_press(text: str, match: re.Match[str]) -> bool:
    return bool(
        re.search(r"\b(?:press|news)\s+$", text[max(0, match.start() - 8) : match.start()], re.I)
    )
