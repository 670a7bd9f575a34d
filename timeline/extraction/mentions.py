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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .types import GazetteerActor, GazetteerPlace

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TOKENS = 7
# A country named as a location this close to an ambiguous place says where that place is.
_NEARBY = 250
_LOCATIVE = re.compile(
    # "nach" is "to" before a name ("nach Kiew") but "after" before an article ("nach dem Rat").
    r"(?:\b(?:(?:in|im|ins|bei|at|to|near|In|Im|At)(?:\s+(?:der|dem|den|die|the|das))?"
    # A visit's object is where it happens: "visited Kyiv", "besuchte Kiew".
    r"|nach|Nach|visit(?:ed|s|ing)?|besuch(?:t|te|ten|en)|toured|reached|erreichte\w*"
    # "He will then meet Tran Thanh Man before leaving Hanoi": where he still is.
    r"|before\s+leaving)"
    r"(?:(?:\s+[\w-]+){0,3}\s+[\w-]*(?:stadt|Stadt|city|capital|metropole|Metropole|kurort"
    # "im Pariser Vorort Vélizy-Villacoublay", "in the Paris suburb of Vélizy"
    r"|[Vv]orort|suburb|[Ss]tadtteil)"
    r"(?:\s+of)?"
    # "im Zentrum Jakartas", "in the heart of Nairobi"
    r"|\s+(?:Zentrum|Herzen|Stadtzentrum|Innenstadt|centre|center|heart|outskirts)(?:\s+of|\s+von)?"
    # "im russischen Kasan", "in der usbekischen Stadt Samarkand": a German adjective (lower
    # case) before the name.
    r"|\s+[a-zäöü][a-zäöüß]+(?:en|er|es))?"
    r"\s+)$"
)
_VENUE_AFTER = re.compile(
    r"^\s+(?:Hauptquartier|Zentrale|Sitz|Amtssitz|summit|talks|meeting|conference|headquarters"
    r"|venue"
    # "die Bonner Klimakonferenz", "beim Wiener Atomgipfel"
    r"|(?:[A-ZÄÖÜ][a-zäöüß]+)?(?i:gipfel|treffen|konferenz|gespräche|verhandlungen)(?:s|n|en)?)\b"
)
# "according to Brazil's presidency", "due to Russia's veto": a source or a cause, no place.
_NOT_A_PLACE_TO = re.compile(
    r"\b(?:according|owing|due|thanks|pursuant|contrary|compared|addition|reference|"
    r"opposition|support|threat|message|letter|response|reply|appeal|tribute)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Budapest war am Mittwoch Gastgeber des Gipfels", "Baghdad hosted the summit".
_HOST_AFTER = re.compile(
    r"\s+(?:(?:war|ist|wird|is|was|will\s+be|has\s+been)\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:Gastgeber(?:in)?\b|Austragungsort\b|playing\s+host\b"
    r"|(?:will\s+)?host(?:s|ed|ing)?\s+(?:the|a|an|this)\b)"
)
# "US-Vertretung", "Kreml-Sprecher": the first part of a compound names no location.
_COMPOUND_AFTER = re.compile(r"^[-‐–]\w")
# "the Africa-France summit": the second name of a pair.
_PAIR_BEFORE = re.compile(r"\w[-‐–/]$")
_MISSION_AFTER = re.compile(
    r"^['’]s\s+(?:embassy|consulate|consulate-general|mission|permanent\s+mission)\b",
    re.IGNORECASE,
)
_AT_THE_SEAT = re.compile(r"\b(?:am|beim)\s+$")
_SEAT_COMPOUND = re.compile(r"^[-‐–](?:Hauptquartier|Zentrale|Sitz|Gebäude|Amtssitz|Palast)\b")
_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|dem|den|des|ein|eine|einem|einer|im|am|vom|zum|beim|the|a|an)\s+$",
    re.IGNORECASE,
)
_CAPITALISED_AFTER = re.compile(r" [A-ZÄÖÜ][a-zäöüß]+")
_LANDMARK_AFTER = re.compile(
    r" (?:House|Palace|Castle|Shoal|Reef|Strait|Abbey)\b"
    # "in Kim Il Sung Square": a square named after someone, not the town of Kim
    r"|(?: [A-Z][\w'-]*){1,3} Square\b"
)
_NAMED_AFTER = re.compile(
    r"(?: International)? (?:Convention|Conference|Centre|Center|Airport|Stadium|University"
    r"|Universität|Foundation|Stiftung|Institute|Institut|Hall|Avenue|Street|Road|Square|Platz"
    r"|Straße|Allee|Park|Memorial|Museum|Hospital|Bridge|Brücke|Library|Building|Tower"
    r"|School|College|Highway|Boulevard|Prize|Preis)\b"
)
_CONVENTION_AFTER = re.compile(
    r"(?: [A-Z][\w-]*){0,2} (?:Convention|Conference|Exhibition|Congress|Expo|Kongress"
    r"|Messe)\b"
)
_CAPITALISED_BEFORE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+ $")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"„“]\s*|\n\s*)$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actors: tuple[GazetteerActor, ...]
    places: tuple[GazetteerPlace, ...]
    locative: bool = False
    # For a body whose name is made of other actors ("Nato-Russland-Rat"): those actors.
    members: tuple[GazetteerActor, ...] = ()


@dataclass(frozen=True)
class _Entry:
    surfaces: frozenset[str]
    actors: tuple[GazetteerActor, ...]
    places: tuple[GazetteerPlace, ...]
    # What the surfaces ask of the text's case, worked out once: see `_case_fits`.
    case: _Case


@dataclass(frozen=True)
class _Case:
    any_case: bool  # a surface in lower case ("bundesregierung") fits any text
    capital: bool  # a capitalised surface ("Essen") fits a text that opens with a capital
    abbreviations: frozenset[str]  # short capitals without dots ("US", "EU") fit only so written


def _case_of(surfaces: Iterable[str]) -> _Case:
    any_case = capital = False
    abbreviations = set()
    for surface in surfaces:
        if surface.isupper() and len(surface.replace(".", "")) <= 5:
            abbreviations.add(surface.replace(".", ""))
        elif surface[:1].isupper():
            capital = True
        else:
            any_case = True
    return _Case(any_case, capital, frozenset(abbreviations))


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
                _places_named(actor_index[key].values(), place_index[key].values()),
                _case_of(forms),
            )
            for key, forms in surfaces.items()
        }
        # Heads of German compounds ("Russland" in "Russlandreise"): states and organizations;
        # a person's name rarely opens a closed compound ("Trumpfkarte" is no Trump).
        self._heads = {
            key[0]: entry
            for key, entry in self._index.items()
            if len(key) == 1
            and len(key[0]) >= 4
            and (entry.actors and not entry.places or _is_state(entry))
            and not any(actor.kind == "person" for actor in entry.actors)
        }
        self._head_starts = {head[:4] for head in self._heads}
        # The longest alias that starts with each token, so most tokens cost one lookup.
        self._longest_from: dict[str, int] = {}
        for key in self._index:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))
        # The runs of two or more tokens that open an alias: most words open only one-word
        # aliases where they stand, and the longer ones are then not looked up.
        self._openings = {key[:n] for key in self._index for n in range(2, len(key) + 1)}
        # Tokens that open only capitalised aliases ("The Hague", "Der Spiegel"): written in lower
        # case ("the", "der") they open no match, so most function words cost nothing.
        self._capitalised = set(self._longest_from) - {
            key[0]
            for key, entry in self._index.items()
            if not all(map(_wants_capital, entry.surfaces))
        }
        # Given names of the people the gazetteer knows: "Richard Bennett" is not Naftali
        # Bennett, though "Bennett" alone may be.
        self._given_names = {
            actor.name.split()[0].casefold()
            for actor in self.actors.values()
            if actor.kind == "person" and len(actor.name.split()) >= 2
        }
        self.members = {
            actor.key: members
            for actor in self.actors.values()
            if actor.kind == "body" and (members := self._members_named_in(actor))
        }

    def _members_named_in(self, body: GazetteerActor) -> tuple[GazetteerActor, ...]:
        found: dict[str, GazetteerActor] = {}
        for alias in (body.name, *body.aliases):
            key = alias_key(alias)
            if not 1 < len(key) <= 4:
                continue
            for token in key:
                entry = self._index.get((token,))
                for actor in entry.actors[:1] if entry else ():
                    if actor.kind in ("state", "organization") and actor.key != body.key:
                        found.setdefault(actor.key, actor)
        return tuple(found.values()) if len(found) >= 2 else ()

    def _someone_else(self, text: str, before: re.Match[str], start: int, entry: _Entry) -> bool:
        """ "der UN-Sonderberichterstatter Richard Bennett": a surname after another given name
        is another person's."""
        given = before.group(0)
        key = given.casefold()
        if key not in self._given_names or not given[:1].isupper() or not entry.actors:
            return False  # most words before a name are no given name: a cheap look first
        if (
            any(actor.kind != "person" for actor in entry.actors)
            or text[before.end() : start].strip()
        ):
            return False
        return all(key not in actor.name.casefold().split() for actor in entry.actors)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, name: str) -> tuple[tuple[GazetteerActor, ...], tuple[GazetteerPlace, ...]]:
        """The actors and places an exact alias names (case-insensitive)."""
        entry = self._index.get(alias_key(name)[:_MAX_TOKENS])
        return (entry.actors, entry.places) if entry else ((), ())

    def find(self, text: str, lang: str = "de") -> list[Mention]:
        tokens = tokens_of(text)
        words = [token[0] for token in tokens]
        folded = [word.casefold() for word in words]
        longest, capitalised = self._longest_from, self._capitalised
        # Most words open no alias and are no compound: pick the few that may, in one pass.
        opens = [
            key in longest and (key not in capitalised or word[0].isupper())
            for key, word in zip(folded, words, strict=True)
        ]
        if lang == "de":
            hopeful = [
                i
                for i, key in enumerate(folded)
                if opens[i] or (len(key) >= 6 and words[i][0].isupper())
            ]
        else:
            hopeful = [i for i, opening in enumerate(opens) if opening]
        mentions: list[Mention] = []
        free = 0
        for i in hopeful:
            if i < free:
                continue
            found = self._longest_match(text, tokens, folded, i) if opens[i] else None
            if found is None and lang == "de" and len(folded[i]) >= 6 and words[i][0].isupper():
                found = self._compound_match(text, tokens[i])
            if found is None:
                continue
            length, start, end, entry = found
            if length > 1 and self._overlapped(text, tokens, folded, opens, i, length):
                continue  # "the Chinese capital" is Beijing, not "the Chinese" and a word
            free = i + length
            if _common_noun(text, start, end, entry) or _part_of_a_name(text, start, end, entry):
                continue
            if length == 1 and i > 0 and self._someone_else(text, tokens[i - 1], start, entry):
                continue
            mentions.append(
                Mention(
                    start,
                    end,
                    text[start:end],
                    entry.actors,
                    entry.places,
                    _is_locative(text, start, end),
                    self.members.get(entry.actors[0].key, ()) if entry.actors else (),
                )
            )
        return self._surnames_of_the_named(text, mentions)

    def _surnames_of_the_named(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "Prime Minister Anthony Albanese …", then "Mr Albanese said": a person named in
        full is meant by the surname alone later on, where the gazetteer keeps no such alias
        (it may name someone else too, as "Albanese" does)."""
        named: dict[str, GazetteerActor] = {}
        for mention in mentions:
            for actor in mention.actors[:1]:
                parts = actor.name.split()
                surname = parts[-1] if len(parts) >= 2 else ""
                if (
                    actor.kind == "person"
                    and len(surname) >= 4
                    and surname.casefold() in mention.text.casefold()
                    and (surname.casefold(),) not in self._index
                ):
                    named.setdefault(surname, actor)
        if not named:
            return mentions
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, named)) + r")\b")
        taken = [(m.start, m.end) for m in mentions]
        extra = [
            Mention(
                match.start(),
                match.end(),
                match.group(0),
                (named[match.group(0)],),
                (),
                False,
            )
            for match in pattern.finditer(text)
            if not any(start <= match.start() < end for start, end in taken)
        ]
        return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions

    def _overlapped(
        self,
        text: str,
        tokens: Sequence[re.Match[str]],
        folded: Sequence[str],
        opens: Sequence[bool],
        i: int,
        length: int,
    ) -> bool:
        """Whether an alias opening inside the match at `i` runs on past its end."""
        return any(
            opens[j]
            and (later := self._longest_match(text, tokens, folded, j)) is not None
            and j + later[0] > i + length
            for j in range(i + 1, i + length)
        )

    def _longest_match(
        self,
        text: str,
        tokens: Sequence[re.Match[str]],
        folded: Sequence[str],
        i: int,
    ) -> tuple[int, int, int, _Entry] | None:
        longest = min(self._longest_from[folded[i]], len(tokens) - i)
        opening = 1
        while opening < longest and tuple(folded[i : i + opening + 1]) in self._openings:
            opening += 1
        for length in range(opening, 0, -1):
            entry = self._index.get(tuple(folded[i : i + length]))
            if entry is None:
                continue
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            if not _joined(text, tokens, i, length):
                continue
            if _case_fits(text[start:end], entry):
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
        if genitive and _case_fits(word[:-1], genitive):
            return 1, token.start(), token.end() - 1, genitive
        if folded[:4] not in self._head_starts:
            return None
        for length in range(len(folded) - 4, 3, -1):
            entry = self._heads.get(folded[:length])
            if entry is not None and word[length:].islower():
                return 1, token.start(), token.start() + length, entry
        return None


def _places_named(
    actors: Iterable[GazetteerActor], places: Iterable[GazetteerPlace]
) -> tuple[GazetteerPlace, ...]:
    """ "White House" is a body, not a translation of Casablanca; "Paris" stays a city."""
    if any(actor.kind in ("organization", "body", "person") for actor in actors):
        return tuple(place for place in places if place.kind != "city")
    return tuple(places)


def _common_noun(text: str, start: int, end: int, entry: _Entry) -> bool:
    """Cities take no article: "die Halle", "the Reading" name no city, "die Ukraine" a country."""
    if entry.actors or any(place.kind != "city" for place in entry.places):
        return False
    if _city_attribute(text, start, end) or _CONVENTION_AFTER.match(text, end):
        # "the Melbourne Convention and Exhibition Centre": the town's hall, article and all.
        return False
    return bool(_ARTICLE_BEFORE.search(text[max(0, start - 8) : start]))


def _city_attribute(text: str, start: int, end: int) -> bool:
    """ "in der Genfer Residenz", "die französische Hauptstadt", "the Ukrainian capital": a
    city named by an adjective or by its country takes an article and a noun."""
    surface = text[start:end]
    if "Hauptstadt" in surface or surface.endswith("capital"):
        return True
    return surface.endswith("er") and bool(_CAPITALISED_AFTER.match(text, end))


_OTHER_COUNCIL_BEFORE = re.compile(
    r"(?:\b[A-ZÄÖÜ][\w-]*\s+(?:and|und)\s+|\b(?:National|Nationale[nr]?)\s+)$"
)


def _part_of_a_name(text: str, start: int, end: int, entry: _Entry) -> bool:
    """ "David Barnea", "Charles Mitchell", "Vienna Convention": a town's name beside another
    capitalised word, with no preposition to make it a place, is part of another name."""
    if any(actor.kind == "body" for actor in entry.actors):
        # "the bloc's Mediation and Security Council", "Nationaler Sicherheitsrat": another
        # council than the one the gazetteer knows by the last words of its name.
        return bool(_OTHER_COUNCIL_BEFORE.search(text, max(0, start - 30), start))
    if any(actor.kind == "person" for actor in entry.actors):
        # "the Kenyatta International Convention Centre", "Jomo Kenyatta Airport": a building
        # named after someone is not the person.
        return bool(_NAMED_AFTER.match(text, end))
    if entry.actors or any(place.kind != "city" for place in entry.places):
        return False
    if _LANDMARK_AFTER.match(text, end):
        return True  # "at Lancaster House", "near Scarborough Shoal": not the town
    if _is_locative(text, start, end) or _city_attribute(text, start, end):
        return False
    if _CONVENTION_AFTER.match(text, end):
        # "Melbourne Convention and Exhibition Centre": a hall in that town.
        return False
    after = _CAPITALISED_AFTER.match(text, end)
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    return bool(after or before)


def _wants_capital(surface: str) -> bool:
    """Whether `_case_fits` takes this surface only for a text that opens with a capital."""
    if surface.isupper() and len(surface.replace(".", "")) <= 5:
        return surface.replace(".", "")[:1].isupper()
    return surface[:1].isupper()


def _is_state(entry: _Entry) -> bool:
    return any(actor.kind == "state" for actor in entry.actors)


_JOINERS = " -‐–.'’()\u00a0"


def _joined(text: str, tokens: Sequence[re.Match[str]], i: int, length: int) -> bool:
    """Tokens of one alias are separated only by spaces, hyphens, dots or apostrophes."""
    for k in range(i, i + length - 1):
        gap = text[tokens[k].end() : tokens[k + 1].start()]
        if len(gap) > 3 or gap.strip(_JOINERS):
            return False
    return True


def _case_fits(found: str, entry: _Entry) -> bool:
    """Whether a surface of the entry takes the text as written: any case for a surface in
    lower case, a capital for a capitalised one, the same letters for an abbreviation."""
    case = entry.case
    return (
        case.any_case
        or (case.capital and found[:1].isupper())
        or found.replace(".", "") in case.abbreviations
    )


def _is_locative(text: str, start: int, end: int) -> bool:
    after = text[end : end + 20]
    if _MISSION_AFTER.match(after):
        # "at Iran's consulate-general in the city": a mission abroad, not in Iran.
        return False
    before = text[max(0, start - 40) : start]
    if before.endswith(("to ", "to the ")) and _NOT_A_PLACE_TO.search(before):
        return False
    if _COMPOUND_AFTER.match(after):
        # "im Nato-Hauptquartier" is a place; "die US-Vertretung" names none.
        # "am UN-Sitz", "beim Nato-Hauptquartier": "am" before a seat is a place too.
        return bool(
            _SEAT_COMPOUND.match(after)
            and (_LOCATIVE.search(before) or _AT_THE_SEAT.search(before))
        )
    if _HOST_AFTER.match(text, end):
        # "Budapest war am Mittwoch Gastgeber des Gipfels", "Baghdad hosted the summit".
        return True
    if _VENUE_AFTER.match(after):
        # "the Samoa summit" is in Samoa; "the Africa-France summit" names its two sides.
        return not _PAIR_BEFORE.search(before)
    return bool(_LOCATIVE.search(before))


@dataclass(frozen=True)
class PlaceContext:
    """What an article says about where things are, to choose among places of one name."""

    regions: frozenset[str] = frozenset()  # ISO 3166-2 codes of regions named
    region_countries: frozenset[str] = frozenset()
    located: tuple[tuple[int, str], ...] = ()  # (offset, country): "in Frankreich", "in Belarus"
    state_share: Mapping[str, float] = field(default_factory=dict)  # of all state mentions


def place_context(mentions: Sequence[Mention]) -> PlaceContext:
    regions, region_countries, located = set(), set(), []
    states: dict[str, int] = defaultdict(int)
    for mention in mentions:
        for actor in mention.actors:
            if actor.kind == "state" and actor.country:
                states[actor.country] += 1
        if len(mention.places) != 1:
            continue
        place = mention.places[0]
        if place.kind == "region":
            region_countries.add(place.country)
            if place.region:
                regions.add(place.region)
        elif place.kind == "country" and mention.locative:
            located.append((mention.start, place.country))
    total = sum(states.values())
    share = {country: count / total for country, count in states.items()} if total else {}
    return PlaceContext(frozenset(regions), frozenset(region_countries), tuple(located), share)


def resolve_places(mentions: Sequence[Mention], context: PlaceContext) -> list[Mention]:
    """Keep, for every mention, the one place its article makes most likely.

    Regions named anywhere and countries named as locations nearby weigh most, the countries
    the article is about a little; the rest is population (a capital beats a namesake town:
    Paris is in France unless the article says otherwise).
    """
    resolved = []
    located = {country for _at, country in context.located}
    for mention in mentions:
        if len(mention.places) > 1:
            nearby = {
                country for at, country in context.located if abs(at - mention.start) <= _NEARBY
            }
            best = max(
                mention.places,
                key=lambda p: (
                    _place_score(p, context, nearby, located)
                    + _REGION_WEIGHT * _unshared_region(p, mention.places)
                    + _OWN_NAME_WEIGHT * (p.name.casefold() == mention.text.casefold())
                ),
            )
            mention = replace(mention, places=(_the_city_state(best, mention.places),))
        resolved.append(mention)
    return resolved


def _the_city_state(place: GazetteerPlace, places: Sequence[GazetteerPlace]) -> GazetteerPlace:
    """ "in Luxemburg", "in Singapore": where a country and its capital share the name, events
    happen in the city."""
    if place.kind != "country":
        return place
    return next(
        (
            p
            for p in places
            if p.kind == "city" and p.country == place.country and p.name == place.name
        ),
        place,
    )


_KIND_BONUS = {"country": 0.6, "city": 0.5, "venue": 0.4, "region": 0.0}
# The gazetteer knows no population of regions; a state or province has about a million
# people (log10), as much as a big city: "Florida" is the US state, not Florida in Cuba.
_REGION_WEIGHT = 6.0


# A place called by its own name rather than by another's former one: "Islamabad" is the
# capital of Pakistan, not Chittagong, which GeoNames also lists under that name.
_OWN_NAME_WEIGHT = 1.0


def _unshared_region(place: GazetteerPlace, places: Sequence[GazetteerPlace]) -> bool:
    """A region whose name no city of its own country shares: "Kaunas" the city is meant
    rather than the county named after it, but "Florida" names no US city."""
    return place.kind == "region" and not any(
        other.kind == "city" and other.country == place.country for other in places
    )


def _place_score(
    place: GazetteerPlace, context: PlaceContext, nearby: set[str], located: set[str]
) -> float:
    kind_bonus = _KIND_BONUS.get(place.kind, 0)
    in_region = place.region is not None and place.region in context.regions
    located_anywhere = place.country in located
    return (
        math.log10(max(place.population, 1))
        + kind_bonus
        + (3.0 if in_region else 1.5 if place.country in context.region_countries else 0.0)
        + (2.5 if place.country in nearby else 0.5 if located_anywhere else 0.0)
        + 0.5 * context.state_share.get(place.country, 0.0)
    )


def is_sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))
