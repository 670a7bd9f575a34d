"""Find actors and places of the gazetteer in a text, in one pass, and resolve ambiguous places.

Aliases are compared as sequences of case-folded word tokens, so "Nato-Russland-Rat" and
"NATO Russland Rat" meet the same alias. Case still matters where it carries meaning: an alias
written in capitals ("US", "EU") must be written so in the text, and a capitalised alias
("Essen", "Brest") must be capitalised. German compounds and genitives ("Russlandreise",
"Brüssels") fall back to their longest known head.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .types import GazetteerActor, GazetteerPlace

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TOKENS = 7
_LOCATIVE = re.compile(
    r"(?:\b(?:in|im|ins|nach|aus|bei|vor|at|to|near|from|In|Im|Nach|At)"
    r"(?:\s+(?:der|dem|den|die|the|das))?"
    r"(?:(?:\s+[\w-]+)?\s+[\w-]*(?:stadt|Stadt|city|capital|metropole|Metropole|kurort))?"
    r"\s+)$"
)
_VENUE_AFTER = re.compile(
    r"^\s+(?:Hauptquartier|Zentrale|Sitz|Amtssitz|Gipfel|Treffen|Konferenz|Gespräche|Verhandlungen)\b"
)
_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|dem|den|des|ein|eine|einem|einer|im|am|vom|zum|beim|the|a|an)\s+$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"„“]\s*|\n\s*)$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actors: tuple[GazetteerActor, ...]
    places: tuple[GazetteerPlace, ...]
    locative: bool = False


@dataclass(frozen=True)
class _Entry:
    surfaces: frozenset[str]
    actors: tuple[GazetteerActor, ...]
    places: tuple[GazetteerPlace, ...]


def tokens_of(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(token.group(0).casefold() for token in _TOKEN.finditer(alias))


class Gazetteer:
    """An index from alias token sequences to the actors and places they may name."""

    def __init__(
        self, actors: Iterable[GazetteerActor] = (), places: Iterable[GazetteerPlace] = ()
    ) -> None:
        surfaces: dict[tuple[str, ...], set[str]] = defaultdict(set)
        actor_index: dict[tuple[str, ...], dict[str, GazetteerActor]] = defaultdict(dict)
        place_index: dict[tuple[str, ...], dict[str, GazetteerPlace]] = defaultdict(dict)
        self.actors = {actor.key: actor for actor in actors}
        self.places = {place.key: place for place in places}
        for actor in self.actors.values():
            for alias in {actor.name, *actor.aliases}:
                if key := alias_key(alias)[:_MAX_TOKENS]:
                    surfaces[key].add(alias)
                    actor_index[key][actor.key] = actor
        for place in self.places.values():
            for alias in {place.name, *place.aliases}:
                if key := alias_key(alias)[:_MAX_TOKENS]:
                    surfaces[key].add(alias)
                    place_index[key][place.key] = place
        self._index = {
            key: _Entry(
                frozenset(forms),
                tuple(actor_index[key].values()),
                tuple(place_index[key].values()),
            )
            for key, forms in surfaces.items()
        }
        self._prefixes = sorted(
            (key[0] for key in self._index if len(key) == 1 and len(key[0]) >= 4),
            key=len,
            reverse=True,
        )
        self._longest = max((len(key) for key in self._index), default=1)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, name: str) -> tuple[tuple[GazetteerActor, ...], tuple[GazetteerPlace, ...]]:
        """The actors and places an exact alias names (case-insensitive)."""
        entry = self._index.get(alias_key(name)[:_MAX_TOKENS])
        return (entry.actors, entry.places) if entry else ((), ())

    def find(self, text: str, lang: str = "de") -> list[Mention]:
        tokens = tokens_of(text)
        folded = [token.group(0).casefold() for token in tokens]
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = self._longest_match(text, tokens, folded, i)
            if found is None and lang == "de":
                found = self._compound_match(text, tokens[i])
            if found is None:
                i += 1
                continue
            length, start, end, entry = found
            if _common_noun(text, start, entry):
                i += length
                continue
            mentions.append(
                Mention(
                    start,
                    end,
                    text[start:end],
                    entry.actors,
                    entry.places,
                    _is_locative(text, start, end),
                )
            )
            i += length
        return mentions

    def _longest_match(
        self,
        text: str,
        tokens: Sequence[re.Match[str]],
        folded: Sequence[str],
        i: int,
    ) -> tuple[int, int, int, _Entry] | None:
        for length in range(min(self._longest, len(tokens) - i), 0, -1):
            entry = self._index.get(tuple(folded[i : i + length]))
            if entry is None:
                continue
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            if not _joined(text, tokens, i, length):
                continue
            if _case_fits(text[start:end], entry.surfaces):
                return length, start, end, entry
        return None

    def _compound_match(
        self, text: str, token: re.Match[str]
    ) -> tuple[int, int, int, _Entry] | None:
        word = token.group(0)
        if not word[:1].isupper() or len(word) < 6:
            return None
        folded = word.casefold()
        genitive = self._index.get((folded[:-1],)) if folded.endswith("s") else None
        if genitive and _case_fits(word[:-1], genitive.surfaces):
            return 1, token.start(), token.end() - 1, genitive
        for prefix in self._prefixes:
            if len(folded) - len(prefix) >= 4 and folded.startswith(prefix):
                entry = self._index[(prefix,)]
                rest = word[len(prefix) :]
                if rest.islower() and (entry.actors and not entry.places or _is_state(entry)):
                    return 1, token.start(), token.start() + len(prefix), entry
        return None


def _common_noun(text: str, start: int, entry: _Entry) -> bool:
    """Cities take no article: "die Halle", "the Reading" name no city, "die Ukraine" a country."""
    if entry.actors or any(place.kind != "city" for place in entry.places):
        return False
    return bool(_ARTICLE_BEFORE.search(text[max(0, start - 8) : start]))


def _is_state(entry: _Entry) -> bool:
    return any(actor.kind == "state" for actor in entry.actors)


def _joined(text: str, tokens: Sequence[re.Match[str]], i: int, length: int) -> bool:
    """Tokens of one alias are separated only by spaces, hyphens, dots or apostrophes."""
    for k in range(i, i + length - 1):
        gap = text[tokens[k].end() : tokens[k + 1].start()]
        if len(gap) > 3 or any(ch not in " -‐–.'’\u00a0" for ch in gap):
            return False
    return True


def _case_fits(found: str, surfaces: frozenset[str]) -> bool:
    for surface in surfaces:
        if surface.isupper() and len(surface.replace(".", "")) <= 5:
            if found == surface or found.replace(".", "") == surface.replace(".", ""):
                return True
        elif surface[:1].isupper():
            if found[:1].isupper():
                return True
        else:
            return True
    return False


def _is_locative(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_LOCATIVE.search(before) or _VENUE_AFTER.match(text[end : end + 20]))


def resolve_places(
    mentions: Sequence[Mention], context_countries: dict[str, float]
) -> list[Mention]:
    """Keep, for every mention, the one place its context makes most likely.

    `context_countries` weighs each ISO country by how strongly the article points to it
    (country names and adjectives, regions, unambiguous cities); population only breaks ties.
    """
    resolved = []
    for mention in mentions:
        if len(mention.places) > 1:
            best = max(mention.places, key=lambda place: _place_score(place, context_countries))
            mention = Mention(
                mention.start,
                mention.end,
                mention.text,
                mention.actors,
                (best,),
                mention.locative,
            )
        resolved.append(mention)
    return resolved


def _place_score(place: GazetteerPlace, context_countries: dict[str, float]) -> float:
    kind_bonus = {"country": 0.6, "city": 0.5, "venue": 0.4, "region": 0.0}.get(place.kind, 0)
    return (
        3.0 * context_countries.get(place.country, 0.0)
        + kind_bonus
        + math.log10(max(place.population, 1)) / 10
    )


def country_context(mentions: Sequence[Mention]) -> dict[str, float]:
    """How strongly the article's own words point at each country."""
    weights: dict[str, float] = defaultdict(float)
    for mention in mentions:
        states = [actor.country for actor in mention.actors if actor.kind == "state"]
        for country in states:
            if country:
                weights[country] += 1.0
        countries = {place.country for place in mention.places}
        if not states and len(countries) == 1:
            kind = mention.places[0].kind
            weights[countries.pop()] += 1.0 if kind == "region" else 0.5
    total = max(weights.values(), default=0.0)
    return {country: weight / total for country, weight in weights.items()} if total else {}


def is_sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))
