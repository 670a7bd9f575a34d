"""Assemble event candidates from triggers, dates, actors and places of the same passage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from .extent import MAX_EXTENT, days_named_before, ended, interval, is_continuation, is_end_date
from .mentions import Mention
from .story_dates import counted_from
from .tense import clause_tense
from .triggers import Trigger
from .types import (
    Candidate,
    Evidence,
    GazetteerActor,
    GazetteerPlace,
    TemporalExpression,
    TemporalValue,
)

_TYPE_PRIORITY = {
    "summit": 7,
    "session": 6,
    "phone_call": 5,
    "visit": 4,
    "negotiation": 3,
    "meeting": 3,
    "agreement": 4,
    "sanction": 4,
}
# An agreement reached at a summit is an event of its own (its outcome), not the summit.
_COMPATIBLE = [
    {"meeting", "session", "summit", "negotiation", "visit"},
    {"phone_call", "meeting"},
    {"agreement"},
    {"sanction"},
]
_TYPE_LABEL = {
    "meeting": "Meeting",
    "phone_call": "Phone call",
    "visit": "Visit",
    "summit": "Summit",
    "session": "Session",
    "negotiation": "Talks",
    "agreement": "Agreement",
    "sanction": "Sanctions",
}
# A pattern opening with `\b(?=[…])` names the letters its words can open with (a test derives
# them from the pattern): the regex engine passes over other words without trying each one.
_FUTURE = {
    "de": re.compile(
        r"\b(?=[begkmnpswü])"
        r"(?:wird|werden|will|wollen|soll|sollen|plant|planen|geplant|beabsichtig\w*|"
        r"kommende[nmrs]?|nächste[nmrs]?|morgen|übermorgen|bevorstehend\w*|erwartet)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?=[ainpstuw])"
        r"(?:will|is\s+due|are\s+due|is\s+expected|are\s+expected|plans?\s+to|planned|"
        r"scheduled|next|tomorrow|upcoming|to\s+(?:meet|travel|visit|hold|host))\b",
        re.IGNORECASE,
    ),
}
_DATE_KINDS = {"date"}
_DEFINITE = re.compile(
    r"\b(?=[dist])"
    r"(?:das|die|der|dem|den|des|the|this|these|diese[nmrs]?|ihre[nmrs]?|seine[nmrs]?|their"
    r")\s+(?:\w+\s+)?\Z",
    re.IGNORECASE,
)
_LEAD_PARAGRAPHS = 2
_WEAKEST_TRIGGER = 0.7
_AND_BETWEEN = re.compile(r"\s*(?:,|und|and|sowie)\s*(?:nach|in|to)?\s*")
_AND_BEFORE = re.compile(r"(?:,|\bund|\band|\bsowie)\s+$")
_WHETHER = re.compile(r"\W*(?:ob|whether|if)\b", re.IGNORECASE)
_BACKGROUND = timedelta(days=90)
_SIDELINES = re.compile(
    r"\b(?=[abo])(?:am\s+Rande|on\s+the\s+(?:sidelines|margins)|bei\s+dieser\s+Gelegenheit)\b",
    re.IGNORECASE,
)
_BESIDE = re.compile(
    r"\b(?:am\s+Rande|on\s+the\s+(?:sidelines|margins))\s+(?:des|der|of\s+the|of)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
_URGED = re.compile(
    r"\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|press(?:ed|es|ing)|appeal(?:ed|s)\s+to"
    r"|encourag(?:ed|es|ing)|asked)\s+(?:[^\s.;:!?]+\s+){0,5}to\s+(?:[^\s.;:!?,]+\s+){0,2}$",
    re.IGNORECASE,
)
_OUTCOMES = {"agreement", "sanction"}
_CANCELLED = re.compile(
    r"\b(?=[acfosu])(?:abgesagt|abgeblasen|storniert|cancel+ed|called\s+off|scrapped"
    # Who stays away from a summit is not at it: "sind dem Gipfel ferngeblieben".
    r"|fern(?:geblieben|bleiben|zubleiben)|stayed\s+away"
    # "Die Verhandlungen im 5+2-Format liegen seit 2019 auf Eis": frozen talks are not held
    r"|auf\s+Eis|on\s+ice|on\s+hold"
    # "The fourth round was originally planned for May 3 in Rome but was postponed": the day
    # it was first meant for is no day of it.
    r"|originally\s+(?:been\s+)?(?:planned|scheduled|set|due)\s+(?:for|on|in)"
    # "Seinen für Mittwoch geplanten Besuch in Saudi-Arabien sagte er ab"
    r"|sagt(?:e|en)?\s+(?:[^\s.!?;:,]+\s+){0,10}?ab"
    r"|ursprünglich\s+(?:für|am|im|zum)\s+(?:\S+\s+){0,4}(?:geplant|vorgesehen|angesetzt))\b",
    re.IGNORECASE,
)
# "eine Einladung zu einem Besuch in Washington", "invited him to visit Beijing": what one is
# invited to is a plan.
_INVITED = re.compile(
    r"\b(?:Einladung|Gegeneinladung|eingeladen|lud|invitations?|invit(?:ed|ing|es?))\b"
    r"[^.;:!?]{0,60}\Z",
    re.IGNORECASE,
)
_NO_DATE = re.compile(
    r"\b(?=[dehinw])(?:(?:did|does|do|has|have|had|was|were|is)\s*(?:not|n't)\s+(?:been\s+)?"
    r"(?:give|set|name|fix|announce|specif)\w*\s+(?:a\s+|any\s+)?(?:date|time|timeline)"
    r"|no\s+(?:date|timeline|time\s*frame)\s+(?:has|had|was|have)\b"
    r"|without\s+(?:giving|setting|naming|fixing|specifying)\s+(?:a\s+|any\s+)?(?:date|time)"
    r"|(?:einen|ein)\s+(?:Termin|Datum|Zeitpunkt)\s+(?:nannte|nannten|gibt|gab|steht|stand)\w*"
    r"\s+(?:\w+\s+){0,2}(?:noch\s+)?nicht"
    # "die nächsten Regierungskonsultationen sind nicht terminiert", "not yet scheduled"
    r"|(?:noch\s+)?nicht\s+terminiert|not\s+(?:yet\s+)?(?:been\s+)?scheduled)\b",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|und|während|aber)\s+(?:that|dass)\b")
_IN_BEFORE = re.compile(r"\b(?:in|im)\s+$")
_TALKS_AFTER = re.compile(r"[\s-]+(?:talks|negotiations|Gespräche|Verhandlungen)\b")
_NEAR = re.compile(r"\s+(?:bei|nahe|nahe\s+bei|near|outside|outside\s+of)\s+")
_THE_BODY = re.compile(
    r"\s*(?:Der|Das|The)\s+(?:Rat|Gremium|Council|Board|Gouverneursrat|Sicherheitsrat)\b"
)
_BODY_REACH = 6
# What opens a later clause of a sentence: a comma, a semicolon, "and".
_LATER_CLAUSE = re.compile(r"[,;]|\s(?:and|und)\s")
# "Earlier Monday evening, the ministry had summoned Wheeler", "Das Ministerium bestellte den
# Botschafter ein": a ministry named before, whose state acts.
_THE_MINISTRY = re.compile(
    r"\b(?:the|das|dem|des)\s+(?:foreign\s+)?(?:ministry|ministerium|außenministerium)\b",
    re.IGNORECASE,
)
_MINISTRY_REACH = 2
_DATE_FOR = re.compile(r"\s+(?:for|für)\s+(?:[\w-]+\s+){0,5}\Z")
# "Asked whether the talks could open the way for Xi to visit Washington": a question.
_WHETHER_BEFORE = re.compile(r"\b(?:ob|whether)\b[^,;:.!?]*$", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:,\s*|\s)(?:der|die|das|dem|den|which|that|who)\s", re.IGNORECASE)
# "hätte reisen sollen", "would have met": what did not happen.
_COUNTERFACTUAL = re.compile(
    r"\b(?=[chsw])"
    r"(?:hätte[nt]?|wäre[nt]?|would\s+have|could\s+have|should\s+have|had\s+been\s+due)\b",
    re.IGNORECASE,
)
_MEETING_TYPES = {"meeting", "session", "summit", "negotiation"}
# "nach dem Nato-Russland-Rat", "after the summit", "nach dem EU-Gipfel" (the trigger is the
# compound's head).
_ANCHOR_BEFORE = re.compile(
    r"\b(?=[abdnsvw])"
    r"(?:nach|vor|seit|während|after|before|since|during)\s+(?:dem|der|den|the)\s+(?:[\w-]+-)?$",
    re.IGNORECASE,
)
_ANCHOR_WITH = re.compile(
    r"\b(?i:nach|vor|seit|während|after|before|since|during|ahead\s+of)\s+(?:dem|der|den|the|his"
    r"|her|their|seine[mnr]?|ihre[mnr]?)\s+(?:[\w-]+\s+){0,2}(?:mit|with)\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,3}$",
)
_MAX_PLACE_DISTANCE = 2
_DATELINE_DAYS = timedelta(days=2)
_INHERITED = "inherited from an earlier sentence: "
_UNDATED_LEAD = "publication day (lead, undated)"
_OUTCOME_WEIGHT = 0.85
_MEETING_WEIGHT = 0.8
_GATHERINGS = {"summit", "session"}
_SUBHEADING_WORDS = 8
_GATHERING_HEAD = re.compile(r"(?i)(?:gipfel\w*|konferenz\w*|summit\w*|conference\w*)$")
# "the Nuclear Energy Summit", "the EU summit": the capitalised words before it.
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,3})$")
# A summit's name that holds a body or a state ("@eu" of "EU-Gipfel") is marked so.
_BODY_NAMED = "@"
# Words before a summit that name none in particular.
_UNNAMED_GATHERINGS = frozenset(
    """
    sonder krisen spitzen online video dreier vierer jährlichen informellen ersten nächsten der
    die das den dem des beim zum vom am im the a this that its their next last first annual
    extraordinary special emergency informal
    """.split()
)
_ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "zweiten": 2, "dritten": 3, "vierten": 4}
_NTH_DAY = re.compile(
    r"\b(?=[dfstvz])(?P<nth>second|third|fourth|zweiten|dritten|vierten)\s+"
    r"(?:(?:and|und)\s+(?:final|last|letzten)\s+)?"
    r"(?:day\s+of\s+(?:the\s+)?|Tag\s+(?:de[rs]\s+)?|(?=\w+tag\b))",
    re.IGNORECASE,
)
# "signed when they met", "have agreed on …, after meeting in Suva on Thursday": the meeting
# is the sentence's event, what was agreed its outcome.
_WHEN_MET = re.compile(r"\b(?:when|als|wo|where|as|after|nach)\s+(?:\w+\s+){0,3}$")
_SINCE_REACH = 120
_PURPOSE = re.compile(r",\s+(?=um\s)")
_BEEN_ING = re.compile(r"\b(?:has|have)\s+been\s+\w+ing\b")
_AND_THEN = re.compile(
    r"\s(?:and|und)\s+(?:then\s+|dann\s+|later\s+|später\s+)?(?:is|are|was|were|will|would"
    r"|has|have|had|ist|sind|wird|werden|hat|haben|soll|sollen|will|wollen)\b"
)
_ONWARD = re.compile(
    r"\b(?:before\s+(?:travel+ing|heading|flying|going|moving\s+on|continuing)"
    r"|bevor\s+(?:er|sie|es)\b[^.!?;]{0,60}?\b(?:weiter)?(?:reist|fliegt|aufbricht))"
)
_TOPIC_BEFORE = re.compile(
    r"\b(?=['ABFGIKLMOSVWabcefhikmoprstv’])"
    r"(?:[Kk]rieg\w*|[Kk]ämpfe\w*|[Kk]onflikt\w*|[Kk]rise\w*|Lage|Situation|Frieden\w*"
    r"|Waffenruhe|Waffenstillstand\w*|Gewalt|Invasion|Angriff\w*|Offensive|conflict"
    # English "the war in Gaza", not German "Anfang März war in der indischen Hauptstadt"
    r"|(?:the|a|an|this|that|its|his|their|[’']s)\s+(?:[\w-]+\s+){0,2}war"
    r"|crisis|fighting|situation|peace|cease-?fire|truce|violence|invasion|offensive|attacks?"
    r"|Feuerpause|Kampfhandlungen|Blutvergießen|Wiederaufbau|hostilities|bloodshed"
    r"|reconstruction|elections?|Wahl(?:en)?"
    r"|Gräueltaten|Massaker|Verbrechen|Menschenrechtslage|atrocities|massacre|crimes"
    # "the mandate of the UN mission in Western Sahara": where the mission is, not the Council
    r"|mission|missions|Mission|peacekeepers|peacekeeping\s+force|Blauhelme|Friedenstruppe)"
    r"[\"“”'’]?\s+(?:in|im|on|gegen|against)\s+(?:the\s+|der\s+|den\s+|dem\s+)?$"
)
# "der erste Ministerrat seit dem Regierungswechsel in Berlin": the place of what came before.
_SINCE_BEFORE = re.compile(
    r"\b(?:seit|since)\s+(?:[^\s,.;:!?]+\s+){1,4}(?:in|im)\s+(?:the\s+|der\s+|dem\s+)?$",
    re.IGNORECASE,
)
# "hatte … begrüßt", "waren … zusammengekommen", "had met": what happened before the news.
_PLUPERFECT = re.compile(
    r"\b(?:hatten?|hattest|war|waren)\b[^.!?;]{0,120}?\w{3,}(?:t|en)(?=\s*(?:[.,;!?]|$))"
    r"|\bhad\s+(?:\w+\s+){0,2}?(?:\w+ed|\w+en|met|held|spoken|made|told|sought)\b"
)
_PLUPERFECT_REACH = 200
_BEFORE_BOUND = re.compile(
    r"\b(?:[Bb]efore|[Vv]or|[Bb]is\s+zu[mr]?|[Uu]ntil|[Pp]rior\s+to)\s+(?:(?:the|dem|der|den)\s+)?"
    r"(?:[^\s,.;:]+\s+){0,2}$"
)
_COMING_WEEKS = "coming weeks"
# A dateline taken from the headline opens no paragraph of the story (no lead is "at" it).
_NO_PARAGRAPH = -2
_IN_THE_CITY = re.compile(r"\b(?:in|In|at|At)\s+$")
_AFTER_ANCHOR = re.compile(r"\b(?:after|following|nach)\s+(?:[^\s,.;:]+\s+){0,7}$", re.IGNORECASE)
_ARTICLE_ENDINGS = frozenset({"der", "die", "das", "des", "dem", "den", "ine", "ner", "nem", "nes"})
# An article, not a relative pronoun after a comma ("die Gespräche, die am Montag begannen").
_ARTICLE_BEFORE = re.compile(r"(?:^|[^,\s])\s+(?:der|die|das|des|dem|den|eine[mnrs]?)\s+$")
_ATTRIBUTE_REACH = 60
_AT_VENUE = re.compile(r"\b(?:at|im|in\s+(?:the|der|dem))\s+(?:the\s+)?$", re.IGNORECASE)
_VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?|virtuell\w*|online|per\s+Video\w*|via\s+video\w*|by\s+video\w*"
    r"|video(?:-?(?:link|call|conference|summit))?|Video\w+)\b",
    re.IGNORECASE,
)
_OFFICE_BEFORE = re.compile(
    r"\b(?:return(?:ed|ing|s)?|comeback|Rückkehr|zurück\w*)\s+(?:to|into|ins|in\s+das|in\s+den)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r"[\s-]*(?:aide|adviser|advisor|spokes(?:man|woman|person)|chief\s+of\s+staff|official"
    r"|[Ss]precher\w*|[Bb]erater\w*|[Cc]hef(?:in)?\b|-?[Ss]prech\w*)"
)
_TWO_SIDES = re.compile(
    r"\b(?:beide[n]?\s+Seiten|die\s+beiden\s+(?:Seiten|Länder|Staaten|Delegationen)"
    r"|both\s+sides|the\s+two\s+(?:sides|countries|delegations))\b",
    re.IGNORECASE,
)
_PROTAGONIST_MENTIONS = 3
# ", der sich", ", which began": a relative pronoun, not the article of a list ("Russland,
# der Ukraine und der Türkei").
_RELATIVE_OPENER = re.compile(
    r",\s+(?:(?:der|die|das|dem|den)\s+(?=[a-zäöüß])|(?:deren|dessen|who)\s"
    # "have agreed on the first section, a move that brought villagers onto the streets"
    r"|(?:a|an)\s+(?:[a-z]+\s+){1,2}(?:that|which)\s)"
)
_ATTRIBUTE = re.compile(r"\W*(?:\w+(?:\W+|\Z)){0,2}\Z")
_BILATERAL = re.compile(
    r"\b(?:bilateral\w*|Zweiergespräch\w*|Vier-Augen-Gespräch\w*|one-on-one|face-to-face)\b",
    re.IGNORECASE,
)
_JUST_BEFORE = re.compile(r"\s+(?:\w+\s+)?")
# "…, held in Almaty on April 26": the words that say where a meeting took place.
_HELD_IN = re.compile(
    r"\b(?:held|hosted|convened|took\s+place|takes\s+place|taking\s+place|will\s+take\s+place"
    r"|stattfand|stattfinden|stattfindet|stattgefunden|abgehalten|ausgerichtet)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SINCE_WORD = re.compile(r"(?:seit|since)\s", re.IGNORECASE)
# "Das Treffen hatte am Donnerstag begonnen", "The summit opened on Monday": the first day of
# the event just told, not an event of its own.
_BEGAN = re.compile(
    r"\b(?=[begkos])"
    r"(?:begonnen|begann|begannen|beginnt|eröffnet|gestartet|startete|began|begun|opened"
    r"|started|kicked\s+off|got\s+under\s*way)\b",
    re.IGNORECASE,
)
_THERE = re.compile(
    r"\b[Dd]ort\b|\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|had|could|should|might"
    r"|must|seems?|appears?|may|can|be|been)\b)"
)
_WITH_BODY = re.compile(r"\bbei\s+(?:den|der|dem)?\s*$", re.IGNORECASE)
_OVERNIGHT = timedelta(days=1)
# The digits are looked for first (few sentences have any), then the word before them.
_YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:war|waren|hatte|hatten|wurde|wurden|was|were|had|the|der|die|das|des|dem|den|seit"
    r"|since|until|bis|im|in|of|von|vom)\s+$",
    re.IGNORECASE,
)
_NOT_A_YEAR_AFTER = re.compile(r"[.,]\d|\s*(?:%|Prozent|percent)")
_RETURN = re.compile(
    r"\b(?:zurück\w*|rückkehr\w*|heimkehr\w*|heimreise|back|return\w*)\b", re.IGNORECASE
)
_SANCTION_ACTS = (
    ("summons", re.compile(r"summon|einbestell|bestellt", re.IGNORECASE)),
    (
        "expulsion",
        re.compile(r"expel|expulsion|ausgewiesen|ausweis|non\s+grata|leave|ausreise", re.I),
    ),
    ("veto", re.compile(r"veto", re.IGNORECASE)),
    ("recall", re.compile(r"konsultation|zurück|recall|consultation", re.IGNORECASE)),
    ("closure", re.compile(r"schließ|clos", re.IGNORECASE)),
)
_REPORTED = re.compile(
    r"\b(?:said|says|stated|warned|added|sagte\w*|erklärte\w*|betonte\w*|warnte\w*|hieß\s+es)"
    r"\b[^.;:]{0,80}?(?:\bthat\b|,\s*dass\b|\bdass\b)"
)
_CLAUSE_SEPARATOR = re.compile(r"[,;–—]")
_APPOSITION = re.compile(r",\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2},")
_WHERE = re.compile(r"\s*,\s*(?:where|wo)\b", re.IGNORECASE)
_PERSONAL_PRONOUN = re.compile(r"\b(?:er|he|she)\b")
# "Es soll am Freitag formell beschlossen werden": what the sentence before named.
_IT_OPENS = re.compile(r"\s*Es\s+(?:soll|sollen|wird|werden|wurde)\b")
# "the next summit", "next year's", "the third China-Central Asia Summit": an edition to come.
_NEXT_ONE = re.compile(
    r"\b(?=[dfknstvz\d])"
    r"(?:next|nächste[nmrs]?|kommende[nmrs]?|second|third|fourth|fifth|\d+(?:st|nd|rd|th)"
    r"|zweite[nmrs]?|dritte[nmrs]?|vierte[nmrs]?|fünfte[nmrs]?)\b",
    re.IGNORECASE,
)
_PLURAL_ANAPHOR = re.compile(
    r"\b(?:beide[n]?|die\s+beiden|both|the\s+two|sie|they|the\s+parties|die\s+parteien"
    # "die sieben Staaten", "the three leaders"
    r"|(?:die|the)\s+(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d+|three|four|five"
    r"|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:staaten|länder|minister\w*|regierungschefs"
    r"|staatschefs|seiten|politiker|präsidenten|countries|nations|leaders|ministers|sides"
    r"|presidents|governments))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Passage:
    """A sentence with everything found in it."""

    index: int
    start: int
    end: int
    triggers: tuple[Trigger, ...]
    dates: tuple[TemporalExpression, ...]
    mentions: tuple[Mention, ...]
    paragraph: int


@dataclass(frozen=True)
class Scene:
    """What the whole article tells about places: bodies' seats and the agency dateline."""

    seats: Mapping[str, GazetteerPlace] = field(default_factory=dict)
    dateline: GazetteerPlace | None = None
    dateline_paragraph: int = -1
    # Where the headline stands: the first line, unless a section path or kicker stands above.
    headline: tuple[int, int] | None = None
    # The day whose news an article tells when its lead gives no date: the day before, for
    # an article filed in the small hours.
    news_day: date | None = None
    # The two states the article is most about: who "the two sides" are.
    protagonists: tuple[tuple[GazetteerActor, Mention], ...] = ()


def assemble(
    text: str,
    passages: Sequence[Passage],
    published: date,
    lang: str,
    scene: Scene | None = None,
) -> list[Candidate]:
    scene = replace(scene or Scene(), protagonists=_protagonists(text, passages))
    if scene.dateline is None:
        # "Scholz und Tusk beraten in Warschau": without a dateline, the one city the headline
        # places the news in stands for it.
        headline_start, headline_end = scene.headline or (0, text.find("\n"))
        in_headline = [
            m
            for p in passages
            if p.start < headline_end
            for m in p.mentions
            if m.places
            and m.locative
            and m.places[0].kind == "city"
            and headline_start <= m.start < headline_end
        ]
        cities = {m.places[0].key: m.places[0] for m in in_headline}
        if len(cities) > 1:
            # "Atomgespräche in Genf: Europa sucht den Draht nach Teheran": where the news
            # happens, not where it reaches.
            cities = {
                m.places[0].key: m.places[0]
                for m in in_headline
                if _IN_THE_CITY.search(text, max(0, m.start - 4), m.start)
            }
        if len(cities) == 1:
            scene = replace(
                scene, dateline=next(iter(cities.values())), dateline_paragraph=_NO_PARAGRAPH
            )
    candidates: list[Candidate] = []
    discourse: list[TemporalExpression] = []
    by_sentence: dict[int, list[Passage]] = {}
    for passage in passages:
        by_sentence.setdefault(passage.index, []).append(passage)
    subheadings = _subheadings(text, passages)
    for passage in passages:
        if passage.index in subheadings:
            # "Einigung in Istanbul": a new section; its first sentence does not take the
            # vague time the section before told ("hatte seine Zustimmung im Sommer erteilt").
            discourse = [d for d in discourse if d.value.precision == "day"]
        ahead = _years_ahead(text, passage, published)
        dated = [*_event_dates(passage), *_ongoing(text, passage), *ahead]
        trigger = _since_event(text, passage, _primary_trigger(text, passage, bool(dated)), dated)
        continued = (
            trigger is not None
            and any(is_continuation(text, d) for d in dated)
            # "Am Freitag beginnt die Konferenz, die bis Sonntag dauert" has a day of its own;
            # "…, hieß es am späten Sonntagabend" is the day of the words, in a clause after.
            and all(
                is_continuation(text, d)
                or is_end_date(text, d)
                or d.start > _clause_end(text, trigger, passage)
                for d in dated
            )
            and bool(_DEFINITE.search(text[max(0, trigger.start - 40) : trigger.start]))
        )
        if continued and _extend_last(text, passage, candidates, dated, published):
            continue
        if trigger is not None:
            candidate = _candidate(
                text, by_sentence, passage, trigger, dated, discourse, published, lang, scene
            )
            if candidate is not None and candidate.place is None and candidates:
                candidate = _on_the_sidelines(text, passage, candidate, candidates)
            if (
                candidate is not None
                and not candidate.actors
                and dated
                # "The summit opened on Monday": the first day of the event just told, not the
                # day the headline's undated event lacked
                and not (candidate.extra.get("began") and _continues(candidates, candidate))
                and _date_the_lead(text, passage, trigger, dated, candidates, published, lang)
            ):
                # Unnamed people meeting on the day the headline's event had no date for.
                candidate = None
            elif candidate is None and dated:
                _date_the_lead(text, passage, trigger, dated, candidates, published, lang)
            elif (
                candidate is not None and (earlier := _continues(candidates, candidate)) is not None
            ):
                candidates[earlier] = _combine(candidates[earlier], candidate)
            elif candidate is not None and not candidate.extra.get("opening_only"):
                candidates.extend(_one_per_destination(text, passage, candidate, published, lang))
            outcome = _outcome_trigger(passage, trigger)
            # "will host the next meeting next year, the communiqué said": what the gathering
            # a year ahead will agree is not told.
            only_ahead = bool(ahead) and all(d in ahead for d in dated)
            if candidate is not None and outcome is not None and not only_ahead:
                agreed = _candidate(
                    text, by_sentence, passage, outcome, dated, discourse, published, lang, scene
                )
                if agreed is not None and agreed.place is None:
                    agreed = _on_the_sidelines(text, passage, agreed, candidates)
                if agreed is not None:
                    candidates.append(agreed)
        told = [d for d in dated if not counted_from(text, d) and not _attributive(text, d)]
        if dated:
            _extend_last(text, passage, candidates, dated, published)
        if told:
            discourse.append(_nearest(told, passage.end))
    named = [
        m.places[0]
        for p in passages
        for m in p.mentions
        if m.places and m.locative and m.places[0].kind == "city"
    ]
    merged = _refine_countries(merge_candidates(candidates), named)
    # Last, so that the dateline never makes two events one.
    return [_at_the_dateline(c, published, scene) if c.place is None else c for c in merged]


def _subheadings(text: str, passages: Sequence[Passage]) -> set[int]:
    """Sentences that stand alone as a short paragraph without a full stop, once the body has
    begun (a paragraph ending in one): the subheadings between sections."""
    per_paragraph: dict[int, list[Passage]] = {}
    for passage in passages:
        per_paragraph.setdefault(passage.paragraph, []).append(passage)
    found: set[int] = set()
    body = False
    for paragraph in sorted(per_paragraph):
        members = per_paragraph[paragraph]
        line = text[members[0].start : members[-1].end].strip()
        if (
            body
            and len({p.index for p in members}) == 1
            and "\n" not in line
            and len(line.split()) <= _SUBHEADING_WORDS
            and not line.endswith((".", "!", "?", ":", ";", ",", ")"))
        ):
            found.add(members[0].index)
        body = body or line.endswith(".")
    return found


def _refine_countries(
    candidates: list[Candidate], named: Sequence[GazetteerPlace]
) -> list[Candidate]:
    """ "Gipfel in Indien" and, that day, "in Neu-Delhi": an event placed only in a country
    happened in the one city of that country the article places the same days' events in —
    or, where it places no other event there, the one city of that country it names as a
    place ("Modi will travel to Sri Lanka …; talks in Colombo")."""
    refined = []
    for candidate in candidates:
        place = candidate.place
        if place is not None and place.kind == "country":
            cities = {
                other.place.key: other.place
                for other in candidates
                if other.place is not None
                and other.place.kind == "city"
                and other.place.country == place.country
                and other.start <= _last(candidate)
                and candidate.start <= _last(other)
            }
            if not cities:
                cities = {city.key: city for city in named if city.country == place.country}
            if len(cities) == 1:
                [city] = cities.values()
                candidate = replace(
                    candidate,
                    place=city,
                    title=_title(candidate.type, list(candidate.actors), city),
                )
        refined.append(candidate)
    return refined


def _protagonists(
    text: str, passages: Sequence[Passage]
) -> tuple[tuple[GazetteerActor, Mention], ...]:
    counts: dict[str, int] = {}
    first: dict[str, tuple[GazetteerActor, Mention]] = {}
    for passage in passages:
        for mention in passage.mentions:
            if mention.locative or _temporal_anchor(text, mention):
                continue
            for actor in mention.actors[:1]:
                if actor.kind == "state":
                    counts[actor.key] = counts.get(actor.key, 0) + 1
                    first.setdefault(actor.key, (actor, mention))
    ranked = sorted(counts, key=lambda key: -counts[key])
    if len(ranked) < 2 or counts[ranked[1]] < _PROTAGONIST_MENTIONS:
        return ()
    if len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]:
        return ()  # no two states stand out
    return tuple(first[key] for key in ranked[:2])


def _extend_last(
    text: str,
    passage: Passage,
    candidates: list[Candidate],
    dated: list[TemporalExpression],
    published: date,
) -> bool:
    """ "Der Gipfel endet am Sonntag", "the summit continues on Friday": a later sentence gives
    an event told before its last day — the event of the same kind, else the last one told."""
    named = {trigger.type for trigger in passage.triggers}
    for expression in dated:
        closing = expression.value.start
        if not closing or not (is_end_date(text, expression) or is_continuation(text, expression)):
            continue
        if any(
            c.sentence == (passage.start, passage.end)
            and (c.end == closing or (c.type == "agreement" and c.start == closing))
            for c in candidates
        ):
            # The sentence's own event already ends that day, or is what the gathering ended
            # with ("Der Gipfel endet am Dienstag mit einer Abschlusserklärung").
            continue
        # "Die Unterhändler wollen bis Ende kommender Woche in Kairo erneut zusammenkommen": a
        # sentence that names a city of its own does not close an event held elsewhere.
        cities = {
            m.places[0].key
            for m in passage.mentions
            if m.places and m.locative and m.places[0].kind == "city"
        }
        open_events = [
            (index, c)
            for index, c in enumerate(candidates)
            if c.start < closing <= c.start + MAX_EXTENT
            and (c.end is None or c.end < closing)
            and not (cities and c.place is not None and c.place.key not in cities)
            # What was agreed was agreed on a day: "adopted on the first day of the summit,
            # which runs until Sept 7" ends the summit, not the decision.
            and c.type != "agreement"
        ]
        # The event told in this very sentence; else, of several summits, the one that
        # opened first is the summit the sentence closes.
        here = [(i, c) for i, c in open_events if c.sentence == (passage.start, passage.end)]
        same_kind = [(i, c) for i, c in open_events if c.type in named][:1]
        chosen = here[-1:] or same_kind or open_events[-1:]
        if chosen:
            index, event = chosen[0]
            candidates[index] = replace(event, end=closing)
            _closing_outcome(text, passage, candidates, event, expression, published)
            return True
    return False


def _closing_outcome(
    text: str,
    passage: Passage,
    candidates: list[Candidate],
    event: Candidate,
    closing: TemporalExpression,
    published: date,
) -> None:
    """ "Der zweitägige Gipfel endete am Montagnachmittag mit einer Abschlusserklärung": what
    the gathering told before agreed is agreed on its last day, by its parties, at its place."""
    sentence = (passage.start, passage.end)
    if event.type not in _MEETING_TYPES or any(
        c.sentence == sentence and c.type == "agreement" for c in candidates
    ):
        return
    outcome = next(
        (
            t
            for t in passage.triggers
            if t.type == "agreement" and t.weight >= _OUTCOME_WEIGHT and t.start > closing.start
        ),
        None,
    )
    if outcome is None or closing.value.start is None:
        return
    evidence = (
        Evidence("date", closing.start, closing.end, text[closing.start : closing.end]),
        Evidence("trigger", outcome.start, outcome.end, text[outcome.start : outcome.end]),
    )
    candidates.append(
        replace(
            event,
            title=_title("agreement", list(event.actors), event.place),
            type="agreement",
            start=closing.value.start,
            end=None,
            precision="day",
            approximate=False,
            status="announced" if closing.value.start > published else "reported",
            confidence=round(event.confidence * _OUTCOME_WEIGHT, 2),
            evidence=evidence,
            date_rule=closing.rule,
            sentence=sentence,
            anaphoric=False,
        )
    )


def _date_the_lead(
    text: str,
    passage: Passage,
    trigger: Trigger,
    dated: list[TemporalExpression],
    candidates: list[Candidate],
    published: date,
    lang: str,
) -> bool:
    """ "Nato-Gipfel in Den Haag … Die Staats- und Regierungschefs kommen am Dienstag und
    Mittwoch in Den Haag zusammen": a headline told the event without a date, and the next
    sentences date it, naming nobody the gazetteer knows. Whether one was dated."""
    if passage.paragraph > _LEAD_PARAGRAPHS:
        return False
    dated_one = False
    for index, earlier in enumerate(candidates):
        if not _undated_lead(earlier) or not any(
            earlier.type in group and trigger.type in group for group in _COMPATIBLE
        ):
            continue
        own = [m for m in passage.mentions if m.places and m.locative]
        if (
            own
            and earlier.place is not None
            and all(m.places[0].key != earlier.place.key for m in own)
        ):
            continue
        when = _nearest(dated, trigger.start)
        candidates[index] = _dated_by(
            earlier, when, published, text[passage.start : passage.end], lang
        )
        dated_one = True
    return dated_one


def _dated_by(
    candidate: Candidate, when: TemporalExpression, published: date, sentence: str, lang: str
) -> Candidate:
    """The candidate with the date `when` gives it, and the words that say so."""
    start = when.value.start or published
    end = when.value.end if when.value.end and when.value.end != start else None
    return replace(
        candidate,
        start=start,
        end=end,
        precision=when.value.precision or "day",
        approximate=when.value.approximate or when.value.precision not in ("day", None),
        part_of_day=when.value.part_of_day,
        time=when.value.time,
        status=_status(start, end, published, sentence, lang),
        date_rule=when.rule,
        evidence=_sorted_evidence(
            {
                *(e for e in candidate.evidence if e.role != "date"),
                Evidence("date", when.start, when.end, when.text),
            }
        ),
    )


def _sorted_evidence(spans: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(spans), key=lambda e: (e.start, e.role)))


def _one_per_destination(
    text: str, passage: Passage, candidate: Candidate, published: date, lang: str
) -> list[Candidate]:
    """ "Reiste nach Paris und Warschau": a journey to two cities is two visits; "reist am
    Montag nach Kiew und am Dienstag nach Moskau": each on its own day."""
    if candidate.type != "visit" or candidate.place is None:
        return [candidate]
    cities = [
        mention
        for mention in passage.mentions
        if mention.places
        and mention.places[0].kind == "city"
        and (mention.locative or _AND_BEFORE.search(text, max(0, mention.start - 6), mention.start))
    ]
    dates = _event_dates(passage)
    joined = [
        city
        for city, following in zip(cities, cities[1:], strict=False)
        if _AND_BETWEEN.fullmatch(_without(text, dates, city.end, following.start))
    ]
    if not joined:
        return [candidate]
    stops = [*joined, cities[cities.index(joined[-1]) + 1]]
    visits = []
    for number, stop in enumerate(stops):
        since = stops[number - 1].end if number else passage.start
        own = [d for d in dates if since <= d.start < stop.start]
        visit = replace(
            candidate,
            place=stop.places[0],
            title=_title(candidate.type, list(candidate.actors), stop.places[0]),
            evidence=_sorted_evidence(
                {
                    *(e for e in candidate.evidence if e.role != "place"),
                    Evidence("place", stop.start, stop.end, stop.text),
                }
            ),
        )
        if own and len(dates) > 1:
            visit = _dated_by(visit, own[-1], published, text[passage.start : passage.end], lang)
        visits.append(visit)
    return visits


def _without(text: str, dates: Sequence[TemporalExpression], start: int, end: int) -> str:
    """The text between two offsets with the date expressions in it left out."""
    kept, at = [], start
    for expression in dates:
        if start <= expression.start and expression.end <= end:
            kept.append(text[at : expression.start])
            at = expression.end
    kept.append(text[at:end])
    return " ".join(part.strip() for part in kept if part.strip()) or text[start:end]


# Asked of a sentence for each of its triggers and again in choosing the place.
@lru_cache(maxsize=256)
def _on_sidelines(text: str, start: int, end: int) -> bool:
    return bool(_SIDELINES.search(text, start, end))


def _on_the_sidelines(
    text: str, passage: Passage, candidate: Candidate, candidates: list[Candidate]
) -> Candidate:
    """Where an event without a place of its own happened: a side meeting ("Am Rande traf er
    Modi") at the summit just told of; an agreement, or a meeting of the same people that
    day, where the meeting before it was."""
    if candidate.type == "phone_call":
        return candidate
    sidelines = _on_sidelines(text, passage.start, passage.end)
    for earlier in reversed(candidates):
        if (
            earlier.type == "visit"
            and earlier.place is not None
            and earlier.place.kind == "city"
            and earlier.end is not None
            and earlier.start <= candidate.start <= earlier.end
            and earlier.core & {actor.key for actor in candidate.actors}
        ):
            # "Putin war zu einem dreitägigen Staatsbesuch in Duschanbe eingetroffen. Tags
            # darauf führte er Gespräche mit Rahmon": the visitor's talks during the visit.
            return replace(
                candidate,
                place=earlier.place,
                title=f"{candidate.title} in {earlier.place.name}",
                extra={**candidate.extra, "during_visit": True},
            )
        if earlier.place is None or earlier.type not in _MEETING_TYPES:
            continue
        same_day = earlier.start <= candidate.start <= _last(earlier)
        related = candidate.type == "agreement" or bool(earlier.core & candidate.core)
        if sidelines or (same_day and related):
            candidate = replace(
                candidate,
                place=earlier.place,
                title=f"{candidate.title} in {earlier.place.name}",
                extra={**candidate.extra, "sidelines": sidelines},
            )
            if (
                sidelines
                and not earlier.start <= candidate.start <= _last(earlier)
                and not any(e.role == "date" for e in candidate.evidence)
            ):
                # "Am Rande des Gipfels trafen sich Lula und Sánchez", after a paragraph about
                # October: the side meeting is dated by its summit, not by the story's last date.
                candidate = replace(
                    candidate,
                    start=earlier.start,
                    end=earlier.end,
                    precision=earlier.precision,
                    approximate=earlier.approximate,
                    time=None,
                    part_of_day=None,
                    status=earlier.status,
                    date_rule=f"on the sidelines of: {earlier.date_rule}",
                )
            return candidate
    return candidate


def _at_the_dateline(candidate: Candidate, published: date, scene: Scene) -> Candidate:
    """ "WASHINGTON (dpa) - … Bereits am Donnerstag war Wang mit Blinken zusammengetroffen":
    what an agency report tells of the last days without a place happened where it is filed."""
    if (
        scene.dateline is None
        or scene.dateline.kind != "city"
        # A call happens nowhere; a visit is where it goes, which a dateline does not say.
        or candidate.type in ("phone_call", "visit")
        or candidate.extra.get("virtual")
        or _vague(candidate)
        or not published - _DATELINE_DAYS <= candidate.start <= published + _DATELINE_DAYS
    ):
        return candidate
    return replace(
        candidate,
        place=scene.dateline,
        title=_title(candidate.type, list(candidate.actors), scene.dateline),
    )


def _continues(candidates: list[Candidate], candidate: Candidate) -> int | None:
    """ "Das Treffen ist für den Vormittag angesetzt": more about the last event told, or the
    event before its outcomes ("The summit's host, Lula, …" after the declaration adopted)."""
    if not candidate.anaphoric:
        return None
    for index in range(len(candidates) - 1, -1, -1):
        told = candidates[index]
        if candidate.extra.get("began") and _began_before(told, candidate):
            return None if _places_differ(told, candidate) else index
        if _compatible(told, candidate):
            return None if _places_differ(told, candidate) else index
        if told.type not in _OUTCOMES:
            return None
    return None


def _began_before(told: Candidate, first_day: Candidate) -> bool:
    """ "Zum Abschluss des Gipfels am Freitag … Das Treffen hatte am Donnerstag begonnen"."""
    days = (told.start - first_day.start).days
    return 0 < days < MAX_EXTENT.days and any(
        told.type in group and first_day.type in group for group in _COMPATIBLE
    )


def _clause_of(text: str, passage: Passage, trigger: Trigger) -> str:
    """The part of the sentence, between colons and semicolons, that holds the trigger."""
    before = max(
        text.rfind(":", passage.start, trigger.start), text.rfind(";", passage.start, trigger.start)
    )
    after = [
        i
        for i in (
            text.find(":", trigger.end, passage.end),
            text.find(";", trigger.end, passage.end),
        )
        if i >= 0
    ]
    return text[before + 1 if before >= 0 else passage.start : min(after) if after else passage.end]


def _open_question(clause: str) -> bool:
    """ "Ob es ein Treffen mit Trump geben wird, war noch unklar": not yet an event."""
    return bool(_WHETHER.match(clause))


def _asked_whether(text: str, passage: Passage, trigger: Trigger) -> bool:
    """ "Asked whether the talks could open the way for Xi to visit Washington": a question."""
    start = max(passage.start, trigger.start - 100)
    window = text[start : trigger.start].lower()
    if "ob " not in window and "whether" not in window:
        return False  # a cheap look first
    return bool(_WHETHER_BEFORE.search(text, start, trigger.start))


def _counterfactual(sentence: str) -> bool:
    """The main clause says it did not happen ("hätte … reisen sollen"); a relative clause
    ("a resolution that would have supported …") does not count."""
    if not _COUNTERFACTUAL.search(sentence):
        # Most sentences have none at all, before a relative clause or after it: no need to
        # look for where one opens (the cut is at a comma or a space, so it splits no word).
        return False
    relative = _RELATIVE.search(sentence)
    return bool(
        _COUNTERFACTUAL.search(sentence, 0, relative.start() if relative else len(sentence))
    )


def _in_tense(
    discourse: list[TemporalExpression], tense: str, published: date
) -> TemporalExpression | None:
    """The story's latest date, if the clause's tense allows it; otherwise the story's "now",
    the day of publication: "Aus Kiew telefonierten die fünf mit Trump" does not happen on
    the Monday a demand just looked ahead to. A plan after past news has no date at all."""
    if not discourse:
        return None
    latest = discourse[-1]
    start = latest.value.start or published
    last = latest.value.end or start
    if tense == "past" and start > published:
        value = TemporalValue(start=published, end=published, precision="day")
        return TemporalExpression("", 0, 0, "date", value, "publication day (tense of the clause)")
    if tense == "future" and last < published:
        return None  # an undated plan: no date to give it
    return latest


def _back_to_the_news_day(text: str, passage: Passage, latest: TemporalExpression) -> bool:
    """ "Merz hatte die Delegationen am Sonntag begrüßt. Am Mittag traf er Selenskyj": a time
    of day after a sentence in the pluperfect is the time of the day of the news."""
    if not latest.end or not any(
        d.kind == "time" and d.value.start is None and d.value.part_of_day for d in passage.dates
    ):
        return False
    if latest.value.precision != "day":
        # "Witkoff soll sich noch in dieser Woche … treffen. Am Nachmittag kamen die Minister
        # … zusammen": an afternoon is of a day, not of the week just looked at.
        return True
    told = text[text.rfind(".", 0, latest.start) + 1 : latest.end + _PLUPERFECT_REACH]
    here = text[passage.start : passage.end]
    return bool(_PLUPERFECT.search(told)) and not _PLUPERFECT.search(here)


def _publication_day(published: date, trigger: Trigger) -> TemporalExpression:
    """A headline or lead without a date reports the news of the day it was published."""
    value = TemporalValue(start=published, end=published, precision="day")
    return TemporalExpression(
        trigger.text, trigger.start, trigger.end, "date", value, _UNDATED_LEAD
    )


def _other_dates(passage: Passage, when: TemporalExpression | None) -> bool:
    """Whether a sentence dates something to another day than `when`."""
    return any(
        when is None
        or expression.value.precision != "day"
        or (expression.value.start, expression.value.end) != (when.value.start, when.value.end)
        for expression in _event_dates(passage)
    )


def _years_ahead(text: str, passage: Passage, published: date) -> list[TemporalExpression]:
    """ "will host next year's summit", "the next summit will be held in 2027": a gathering of
    a coming year is announced for that year (a year otherwise only frames a report)."""
    if not any(t.type in _MEETING_TYPES for t in passage.triggers):
        return []
    if not _NEXT_ONE.search(text, passage.start, passage.end):
        return []
    return [
        expression
        for expression in passage.dates
        if expression.kind in _DATE_KINDS
        and expression.value.precision == "year"
        and expression.value.start is not None
        and expression.value.start.year > published.year
    ]


def _event_dates(passage: Passage) -> list[TemporalExpression]:
    return [
        expression
        for expression in passage.dates
        if expression.kind in _DATE_KINDS
        and not expression.background
        and expression.value.start
        # "in diesem Jahr", "2021": a year frames a report, it does not date an event in it.
        and expression.value.precision != "year"
        and not expression.deadline
        # "in den kommenden Wochen", "in the coming weeks": a plan without a date.
        and expression.rule != _COMING_WEEKS
    ]


def _primary_trigger(text: str, passage: Passage, has_date: bool) -> Trigger | None:
    if passage.triggers:
        # "Am Rande des Gipfels wollen Modi und Xi zusammenkommen": the meeting beside the
        # summit is the sentence's event, the summit only says where.
        triggers: Sequence[Trigger] = passage.triggers
        if len(triggers) > 1 and _on_sidelines(text, passage.start, passage.end):
            beside = [
                t for t in triggers if not _BESIDE.search(text, max(0, t.start - 24), t.start)
            ]
            triggers = beside or triggers
        best = max(triggers, key=lambda t: (t.weight, _TYPE_PRIORITY[t.type], -t.start))
        calls = [t for t in triggers if t.type == "phone_call" and t.weight >= best.weight]
        if calls:
            # "Stubb und Rutte hatten telefoniert und das Gipfeltreffen vorbereitet": the call
            # is what happened; what they talked about is its topic.
            return calls[0]
        if best.type == "agreement":
            # "He met Takaichi in Tokyo on Tuesday, signing a framework": the meeting is the
            # event of the sentence, the framework its outcome (see _outcome_trigger).
            met = [
                t
                for t in triggers
                if t.type in _MEETING_TYPES | {"visit"}
                and t.weight >= _MEETING_WEIGHT
                and (
                    t.start < best.start
                    # "signed by Ali and Maduro when they met face to face on December 14"
                    or _WHEN_MET.search(text, max(best.end, t.start - 30), t.start)
                )
            ]
            if met:
                return met[0]
        # "Das Abkommen sieht vor …": an agreement talked about is no event of the sentence.
        return None if best.weight < _WEAKEST_TRIGGER else best
    if has_date:
        # An international council named with a date meets, even without a verb saying so.
        for mention in passage.mentions:
            if text[mention.end : mention.end + 1].isalpha():
                continue  # "UNO-Sicherheitsratsresolution": a resolution, not the council
            if any(actor.kind == "body" and not actor.country for actor in mention.actors):
                return Trigger(mention.start, mention.end, mention.text, "session", 0.55)
    return None


def _since_event(
    text: str, passage: Passage, trigger: Trigger | None, dated: list[TemporalExpression]
) -> Trigger | None:
    """ "The talks were the first contact since Zelenskyy's Feb. 28 Oval Office meeting": the
    event told after a date counted from is the one the date belongs to."""
    if trigger is None:
        return None
    for expression in dated:
        if counted_from(text, expression) and trigger.start < expression.start:
            after = [t for t in passage.triggers if expression.end <= t.start < expression.end + 40]
            if after:
                return after[0]
    return trigger


def _nth_day(text: str, passage: Passage, trigger: Trigger) -> int | None:
    """The day of an event the sentence says its date is ("a second day of negotiations",
    "am dritten Verhandlungstag"), when the event is the one the trigger tells of."""
    if (
        "day" not in text[passage.start : passage.end]
        and "tag" not in text[passage.start : passage.end].lower()
    ):
        return None  # most sentences count no days: a cheap look first
    for match in _NTH_DAY.finditer(text, passage.start, passage.end):
        if any(
            t.type == trigger.type and match.start() <= t.start < match.end() + 2
            for t in passage.triggers
        ):
            return _ORDINAL_DAYS[match.group("nth").lower()]
    return None


def _outcome_trigger(passage: Passage, primary: Trigger) -> Trigger | None:
    """ "Zu Beginn des Gipfels haben die G20 eine Abschlusserklärung angenommen": what a
    meeting agreed is an event of its own, told in the meeting's sentence."""
    if primary.type in ("agreement", "sanction"):
        return None
    outcomes = [
        t
        for t in passage.triggers
        if t.type == "agreement" and t.weight >= _OUTCOME_WEIGHT and t.start != primary.start
    ]
    return outcomes[0] if outcomes else None


def _same_clause(text: str, trigger: Trigger, expression: TemporalExpression) -> bool:
    """No comma, semicolon or dash between them: "met in San Diego, 18 months after launching
    the pact in September 2021" dates the launch, not the meeting."""
    low, high = sorted((trigger.end, expression.start))
    if expression.end <= trigger.start:
        low, high = expression.end, trigger.start
    # "was held in Busan, South Korea, in November 2023": a place's country between commas
    # does not end the clause.
    return not _CLAUSE_SEPARATOR.search(_APPOSITION.sub(" ", text[low:high]))


def _long_before(expression: TemporalExpression, published: date) -> bool:
    last = expression.value.end or expression.value.start
    return expression.kind == "date" and last is not None and last < published - _BACKGROUND


def _ongoing(text: str, passage: Passage) -> list[TemporalExpression]:
    """The "seit Montag" right after a trigger ("tagt seit Montag"), which dates no span but
    the start of the meeting going on."""
    return [
        d
        for d in passage.dates
        if d.background
        and d.kind == "date"
        and _SINCE_WORD.match(d.text)
        and any(_ongoing_since(text, t, d) for t in passage.triggers)
    ]


def _ongoing_since(text: str, trigger: Trigger, expression: TemporalExpression) -> bool:
    """ "Der Gouverneursrat tagt seit Montag": the day an ongoing meeting began."""
    if expression.value.precision != "day":
        return False
    if trigger.end <= expression.start:
        if _JUST_BEFORE.fullmatch(text[trigger.end : expression.start]):
            return True
        # "have been meeting He Lifeng at Lancaster House, a Georgian mansion, since Monday"
        return bool(_BEEN_ING.search(text, max(0, trigger.start - 20), trigger.end)) and (
            ";" not in text[trigger.end : expression.start]
        )
    # "Seit Mittwoch sitzen Vermittler … zusammen, um zu verhandeln": going on still.
    # "…, um über eine Waffenruhe zu verhandeln": the purpose of the clause before.
    between = _PURPOSE.sub(" ", text[expression.end : trigger.start])
    return (
        len(between) <= _SINCE_REACH
        and not _CLAUSE_SEPARATOR.search(between)
        and _going_on_until_now(text, expression, trigger)
    )


def _going_on_until_now(text: str, expression: TemporalExpression, trigger: Trigger) -> bool:
    """ "tagt seit Montag", "sitzen seit Mittwoch zusammen", "have been meeting since
    Monday": still going on when the article was written (not "hatten seit Sonntag beraten")."""
    if _BEEN_ING.search(text, max(0, expression.start - 40), expression.end + 60) or (
        _BEEN_ING.search(text, max(0, trigger.start - 20), trigger.end)
    ):
        return True
    lang = "de" if expression.text[:4].lower() == "seit" else "en"
    return clause_tense(text, trigger.start, trigger.start, lang) != "past"


def _after_anchor(
    text: str, trigger: Trigger, expression: TemporalExpression
) -> re.Match[str] | None:
    """ "… after talks in Bali in November", told after the trigger: the day of what came
    before, from "after" on."""
    if expression.start < trigger.end:
        return None
    return _AFTER_ANCHOR.search(text, max(trigger.end, expression.start - 60), expression.start)


def _attributive(text: str, expression: TemporalExpression) -> bool:
    """ "des im vergangenen November in Pretoria geschlossenen Friedensabkommens": a date
    between an article and its noun dates that noun."""
    if text[max(0, expression.start - 4) : expression.start - 1] not in _ARTICLE_ENDINGS:
        return False  # most dates follow no article: a cheap look first
    return bool(_ARTICLE_BEFORE.search(text, max(0, expression.start - 10), expression.start))


def _of_another_noun(text: str, trigger: Trigger, expression: TemporalExpression) -> bool:
    """An attributive date ("die am Montag begonnenen Gespräche") dates the trigger only when
    the trigger is the noun it stands before."""
    return _attributive(text, expression) and not (
        expression.end <= trigger.start <= expression.end + _ATTRIBUTE_REACH
        and "," not in text[expression.end : trigger.start]
    )


def _of_a_relative_clause(text: str, trigger: Trigger, expression: TemporalExpression) -> bool:
    """ "empfing ihn Xi, der sich erst vor zwei Wochen … hatte bestätigen lassen": the date of a
    relative clause after the trigger is the relative clause's — unless the clause is about
    the trigger itself ("die Gespräche, die am 13. Juli stattfanden")."""
    opener = _RELATIVE_OPENER.search(text, trigger.end, max(trigger.end, expression.start))
    # The clause is about the trigger if at most a genitive stands between them
    # ("des Treffens der Außenminister, das am Mittwoch begonnen hatte").
    if opener is None or _ATTRIBUTE.match(text[trigger.end : opener.start()]):
        return False
    # "Die Resolution, die das Abkommen absichert, läuft im Oktober aus": past the clause's
    # closing comma the sentence is the main clause again.
    return "," not in text[opener.end() : expression.start]


def _clause_end(text: str, trigger: Trigger, passage: Passage) -> int:
    """Where the trigger's clause ends: "Der letzte Gipfel hatte 2017 in Abidjan
    stattgefunden; …"."""
    separator = _CLAUSE_SEPARATOR.search(text, trigger.end, passage.end)
    return separator.start() if separator else passage.end


def _year_long_before(text: str, start: int, end: int, published: date) -> bool:
    """ "Kroatien war 2013 beigetreten", "the 2015 deal": a bare year the tagger leaves alone
    (it could be a number) still dates the clause years back."""
    for match in _YEAR_DIGITS.finditer(text, start, end):
        year = int(match.group())
        if date(year, 12, 31) >= published - _BACKGROUND:
            continue
        if _YEAR_WORD_BEFORE.search(text, max(0, match.start() - 8), match.start()) and not (
            _NOT_A_YEAR_AFTER.match(text, match.end())
        ):
            return True
    return False


def _nearest(dates: Sequence[TemporalExpression], offset: int) -> TemporalExpression:
    """A calendar date before one counted from the story, a day before a vaguer date, then
    the one closest to `offset`."""
    return min(dates, key=lambda d: (d.from_story, _precision_rank(d), abs(d.start - offset)))


def _precision_rank(expression: TemporalExpression) -> int:
    return 0 if expression.value.precision == "day" else 1


def _candidate(
    text: str,
    by_sentence: Mapping[int, list[Passage]],
    passage: Passage,
    trigger: Trigger,
    dated: list[TemporalExpression],
    discourse: list[TemporalExpression],
    published: date,
    lang: str,
    scene: Scene,
) -> Candidate | None:
    # "The meeting came a day after Ukraine launched attacks": that day is the attacks'; "der
    # erste Besuch seit Lulas Amtsantritt am 1. Januar": that day is the inauguration's.
    dated = [
        d
        for d in dated
        if not (
            (d.of_clause_after or (counted_from(text, d) and not _ongoing_since(text, trigger, d)))
            and trigger.start < d.start
        )
        # "empfing ihn Xi, der sich erst vor zwei Wochen … hatte bestätigen lassen": the date
        # of a relative clause after the trigger is the relative clause's.
        and not _of_a_relative_clause(text, trigger, d)
        and not _of_another_noun(text, trigger, d)
        # "held a bilateral meeting, their second in four months after talks in Bali in
        # November": after the trigger, the day of what came before.
        and not (_long_before(d, published) and _after_anchor(text, trigger, d))
        # "Before this spring, the negotiators had last met in March 2022": a bound, not a day,
        # when the clause dates the event itself years back.
        and not (
            _BEFORE_BOUND.search(text, max(passage.start, d.start - 30), d.start)
            and any(
                e is not d and e.kind == "date" and _long_before(e, published)
                for e in passage.dates
            )
        )
    ]
    # The tense is needed only to choose an inherited date: it is costly, so only then.
    tense = "" if dated else clause_tense(text, trigger.start, trigger.start, lang)
    discourse_date = None if dated else _in_tense(discourse, tense, published)
    if discourse_date is not None and _back_to_the_news_day(text, passage, discourse_date):
        discourse_date = _publication_day(published, trigger)
    elif (
        discourse_date is not None
        and not discourse_date.end
        and _PLUPERFECT.search(text, passage.start, passage.end)
    ):
        # "Zuvor hatte Modi in Paris einen Gipfel geleitet", after a look ahead: what had
        # happened before is not the day of the news.
        discourse_date = None
    if dated:
        # "Am Freitag beginnt die Konferenz, die bis Sonntag dauert": the day it starts, not
        # the nearer day it ends (which `interval` below then adds).
        starts = [d for d in dated if not is_end_date(text, d)] or dated
        # "Rubio flies to Quito tonight and is due to meet Noboa on Thursday": a date before
        # "and" and a new verb belongs to the clause before, when the trigger has its own.
        later = [d for d in starts if d.start >= trigger.end]
        if later and len(later) < len(starts):
            starts = [
                d
                for d in starts
                if d.start >= trigger.end or not _AND_THEN.search(text[d.end : trigger.start])
            ]
        when, inherited = _nearest(starts, trigger.start), False
    elif any(
        d.kind == "date"
        and _same_clause(text, trigger, d)
        and not _of_another_noun(text, trigger, d)
        and not _after_anchor(text, trigger, d)
        for d in passage.dates
    ):
        # "The last summit took place in Helsinki in July 2018": dated, but in the background.
        return None
    elif _ANCHOR_BEFORE.search(text, max(0, trigger.start - 24), trigger.start):
        # "Die Einigung kommt wenige Tage nach dem EU-Gipfel": a point in time, told before.
        return None
    elif any(
        d.deadline and not _deadline_of_another_clause(text, trigger, d) for d in passage.dates
    ):
        # "They have until October to trigger a snapback of sanctions": due, not dated.
        return None
    elif any(
        _long_before(d, published)
        and d.start < trigger.start
        and not counted_from(text, d)
        and not _of_another_noun(text, trigger, d)
        for d in passage.dates
    ) or _year_long_before(text, passage.start, _clause_end(text, trigger, passage), published):
        # "The 2015 deal, under which Iran got relief from sanctions, …": a sentence that
        # dates itself years back tells background, whatever the story's date is.
        return None
    elif (
        passage.dates
        and trigger.type in _GATHERINGS
        and all(_long_before(d, published) for d in passage.dates)
        and any(
            t.type == trigger.type and trigger.start < t.start < d.start
            for t in passage.triggers
            for d in passage.dates
        )
    ):
        # "The China-Central Asia Summit was established at the first summit, held in Xi'an
        # in May 2023": a sentence about a gathering years back.
        return None
    elif discourse_date is not None:
        when, inherited = discourse_date, True
    elif passage.paragraph <= max(_LEAD_PARAGRAPHS, scene.dateline_paragraph) and tense != "future":
        when, inherited = _publication_day(scene.news_day or published, trigger), True
    else:
        return None
    if (when.value.end or when.value.start or published) < published - _BACKGROUND:
        # "Zuletzt hatten sich Putin und Xi im September getroffen": months ago is background.
        return None
    past = (when.value.end or when.value.start or published) < published
    if inherited and _INVITED.search(text, max(passage.start, trigger.start - 80), trigger.start):
        # "Vance überreichte eine Einladung zu einem Besuch in Washington": undated, a plan.
        return None
    if inherited and _no_date_for(text, passage, trigger):
        # "Japan has not set a date for the next Korea-China-Japan summit".
        return None
    if inherited and tense != "past" and _NO_DATE.search(text, trigger.end, passage.end):
        # "… would travel to Niamey, but he did not give a date": a plan the sentence says has
        # no date (what was done, "but set no date for the next round", keeps the day told).
        return None
    if inherited and past and tense == "future":
        # "Unterzeichnet werden soll der Vertrag erst, wenn …": a plan without a date of its
        # own is not the past event the discourse was about.
        return None
    actors = _actors(text, by_sentence, passage, scene.protagonists, trigger)
    sentence = text[passage.start : passage.end]
    value = when.value
    vague = value.approximate or value.precision not in ("day", None)
    place, place_mention = _place(text, by_sentence, passage, trigger, vague, scene, when)
    clause = _clause_of(text, passage, trigger)
    beside = _on_sidelines(text, passage.start, passage.end)
    # "TURNBERRY, Scotland, July 27 (Reuters) - Trump and von der Leyen agreed …": the lead
    # happened where the dateline says, even when the gazetteer does not know the place.
    unknown_dateline = scene.dateline is None and passage.paragraph == scene.dateline_paragraph
    if (
        place is None
        and not vague
        and not unknown_dateline
        and not (beside and trigger.type in ("agreement", "sanction"))
    ):
        # What is signed on the sidelines of a conference is signed where the conference is.
        place = _seat(trigger, actors, scene.seats)
    # "Der Gipfel hatte am Dienstag begonnen": the first day of the event just told, whoever
    # and wherever it was; on its own (nothing told before) too little for an event.
    opening = (
        not inherited
        and bool(_BEGAN.search(sentence))
        and bool(_DEFINITE.search(text[max(0, trigger.start - 40) : trigger.start]))
    )
    enough = _enough(actors, place, trigger, beside, own_date=not inherited)
    if (
        not (enough or opening)
        or _counterfactual(clause)
        or _open_question(clause)
        or _asked_whether(text, passage, trigger)
    ):
        return None
    if trigger.type == "visit" and _RETURN.search(sentence) and _at_home(actors, place):
        # "Nach seiner Rückkehr nach Berlin", "Xi flew back to Beijing": no one visits home.
        return None
    if trigger.type == "sanction" and inherited and len(actors) <= 1:
        # "Der Iran steht seit Jahren unter Sanktionen": sanctions named without a day of their
        # own and without a party imposing them on another are the story's background.
        return None
    asked_from = max(passage.start, trigger.start - 80)
    if text.find("to ", asked_from, trigger.start) >= 0 and _URGED.search(
        text, asked_from, trigger.start
    ):
        # "urged him to resume dialogue with Kim": asked for, not held.
        return None
    if _CANCELLED.search(sentence):
        # A call-off is news, but no event of the timeline (the contract knows no such status).
        return None
    # A place lent by a sentence that tells of the same day speaks for the event; one lent by
    # an undated sentence may be anyone's.
    borrowed_place = (
        place_mention is not None
        and not passage.start <= place_mention.start < passage.end
        and not any(
            _event_dates(other)
            for index in range(
                passage.index - _MAX_PLACE_DISTANCE, passage.index + _MAX_PLACE_DISTANCE + 1
            )
            for other in by_sentence.get(index, ())
            if other.start <= place_mention.start < other.end
        )
    )
    if (
        inherited
        and borrowed_place
        and not any(a.kind in ("person", "body") for a, _m, _c in actors)
    ):
        # Neither its date nor its place is in the sentence, nor anyone in particular.
        return None
    start = value.start or published
    end = value.end if value.end and value.end != start else None
    opened = discourse[-1].value.start if discourse else published
    if (
        not inherited
        and trigger.type != "agreement"
        and is_end_date(text, when)
        and opened
        and start - MAX_EXTENT <= opened < start
    ):
        # "beraten bis Mittwoch": the event runs from the day in discourse to that date (what
        # the summit "endet am Dienstag mit einer Abschlusserklärung" with is of that day).
        start, end = opened, start
    elif trigger.type != "agreement" and any(
        days_named_before(sentence, t.start - passage.start)
        for t in passage.triggers
        if t is trigger or (t.type in _MEETING_TYPES and trigger.type in _MEETING_TYPES)
    ):
        start, end = interval(sentence, start, end)
    elif (
        end is None
        and not inherited
        and (nth := _nth_day(text, passage, trigger)) is not None
        and start - timedelta(days=nth - 1) <= published
    ):
        # "pressed on with talks in London on Tuesday, a second day of negotiations"
        start, end = start - timedelta(days=nth - 1), start
    closing = [
        d.value.start
        for d in dated
        if d is not when
        and is_end_date(text, d)
        and d.value.start
        and start < d.value.start <= start + MAX_EXTENT
    ]
    if end is None and closing and trigger.type != "agreement":
        # "The decision was adopted on the first day of the summit, which runs until Sept 7":
        # the summit runs until then; what it adopted was adopted on a day.
        end = closing[0]
    if (
        end is None
        and not inherited
        and when.background
        and _SINCE_WORD.match(when.text)
        and start < published <= start + MAX_EXTENT
        and _going_on_until_now(text, when, trigger)
    ):
        # "Seit Mittwoch sitzen Vermittler zusammen", "tagt seit Montag": from then to now.
        end = published
    if end is None and not inherited and len(passage.dates) > 1 and ended(sentence):
        # "Das Treffen ist zu Ende gegangen, das am Mittwoch begonnen hatte": the day it began
        # and the day it ended, both told.
        other = [
            d.value.start
            for d in dated
            if d is not when
            and d.value.start
            and d.value.precision == "day"
            and 0 < abs((d.value.start - start).days) <= MAX_EXTENT.days
        ]
        if not other and any(d.kind == "time" and d.value.part_of_day for d in passage.dates):
            # "Am Vormittag war das Treffen zu Ende gegangen": this morning, the day of the news.
            other = [published] if 0 < (published - start).days <= MAX_EXTENT.days else []
        if other:
            start, end = min(start, other[0]), max(start, other[0])
    status = _status(start, end, published, sentence, lang)
    began = opening and end is None
    evidence = _evidence(text, trigger, None if inherited else when, place_mention, actors)
    confidence = _confidence(trigger, value.precision, inherited, value.approximate, place, actors)
    return Candidate(
        title=_title(trigger.type, [actor for actor, _m, _core in actors], place),
        type=trigger.type,
        start=start,
        end=end,
        precision=value.precision or "day",
        approximate=value.approximate or (value.precision not in ("day", None)),
        time=value.time,
        part_of_day=value.part_of_day,
        status=status,
        place=place,
        actors=tuple(actor for actor, _mention, _core in actors),
        confidence=confidence,
        evidence=evidence,
        date_rule=(_INHERITED if inherited else "") + when.rule,
        sentence=(passage.start, passage.end),
        core=frozenset(actor.key for actor, _m, core in actors if core),
        anaphoric=(inherited or is_end_date(text, when) or began)
        and bool(_DEFINITE.search(text[max(0, trigger.start - 40) : trigger.start])),
        extra={
            "began": began,
            "opening_only": not enough,
            "date_text": when.text,
            "date_offsets": (when.start, when.end),
            "act": _act(trigger),
            "paragraph": passage.paragraph,
            # The lead: the first paragraphs, or the one the dateline opens after a byline.
            "lead": passage.paragraph <= max(_LEAD_PARAGRAPHS, scene.dateline_paragraph),
            # "held a bilateral meeting on the sidelines": a meeting of its own.
            "bilateral": _bilateral(sentence),
            "virtual": _virtual(text, passage, trigger),
            "names": _gathering_names(text, trigger, passage),
        },
    )


def _gathering_names(text: str, trigger: Trigger, passage: Passage) -> frozenset[str]:
    """What a summit is called by: "Atomenergie" of "Atomenergie-Gipfel", "EU" of "EU-Gipfel",
    "Nuclear Energy" of "the Nuclear Energy Summit"; nothing for a plain "Gipfel", nor for the
    town it is held in ("the Baghdad summit")."""
    if trigger.type != "summit":
        return frozenset()
    start = trigger.start
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    word = _GATHERING_HEAD.sub("", text[start : trigger.end]).strip("-")
    if not word:
        before = _NAME_BEFORE.search(text, max(0, start - 40), start)
        word, start = (before.group(1), before.start(1)) if before else ("", start)
    named = [m for m in passage.mentions if start <= m.start < trigger.start]
    if any(m.places for m in named):
        return frozenset()
    name = word.strip().replace("-", "").casefold()
    if not name or name in _UNNAMED_GATHERINGS:
        return frozenset()
    # A body or a state in the name ("EU-Gipfel", "ASEAN-US summit") names the gathering
    # surely; a topic ("Migrationsgipfel", "Zugspitz-Gipfel") may be the same one's nickname.
    return frozenset({_BODY_NAMED + name if any(m.actors for m in named) else name})


def _no_date_for(text: str, passage: Passage, trigger: Trigger) -> bool:
    """ "has not set a date for the next summit": the trigger is what has no date."""
    return any(
        _DATE_FOR.match(text, found.end(), trigger.start)
        for found in _NO_DATE.finditer(text, passage.start, trigger.start)
    )


def _at_home(
    actors: list[tuple[GazetteerActor, Mention, bool]], place: GazetteerPlace | None
) -> bool:
    return (
        place is not None
        and bool(place.country)
        and bool(actors)
        and all(actor.country == place.country for actor, _m, _c in actors)
    )


def _bilateral(sentence: str) -> bool:
    hints = ("ilateral", "espräch", "-on-", "-to-")
    return any(hint in sentence for hint in hints) and bool(_BILATERAL.search(sentence))


def _act(trigger: Trigger) -> str:
    """What kind of sanction: an expulsion, a summons and a sanctions package told of the
    same day are three events."""
    if trigger.type != "sanction":
        return ""
    for act, pattern in _SANCTION_ACTS:
        if pattern.search(trigger.text):
            return act
    return "sanction"


def _actors(
    text: str,
    by_sentence: Mapping[int, list[Passage]],
    passage: Passage,
    protagonists: Sequence[tuple[GazetteerActor, Mention]],
    trigger: Trigger,
) -> list[tuple[GazetteerActor, Mention, bool]]:
    """The actors of an event: (actor, mention, named in the trigger's own sentence)."""
    found: dict[str, tuple[GazetteerActor, Mention, bool]] = {}
    # "… said in a joint statement that the deal would protect Israel": what they said, after
    # the trigger, names no one who took part.
    said = _REPORTED.search(text, passage.start, passage.end)
    reported_from = said.end() if said is not None and said.end() > trigger.end else passage.end
    for mention in passage.mentions:
        if mention.locative and mention.places or _temporal_anchor(text, mention):
            continue
        if _descriptor(text, mention) or mention.start >= reported_from:
            continue
        for actor in (*mention.actors[:1], *mention.members):
            found.setdefault(actor.key, (actor, mention, True))
    if not found and (
        _PLURAL_ANAPHOR.search(text, passage.start, passage.end)
        or _IT_OPENS.match(text, passage.start)
    ):
        # "Beide Länder …", "The two sides …": a sentence that names nobody goes on about
        # whoever the sentence before it named.
        for before in by_sentence.get(passage.index - 1, ()):
            if before.paragraph != passage.paragraph:
                continue
            for mention in before.mentions:
                if mention.locative and mention.places or _temporal_anchor(text, mention):
                    continue
                for actor in (*mention.actors[:1], *mention.members):
                    found.setdefault(actor.key, (actor, mention, False))
        if not found and _TWO_SIDES.search(text, passage.start, passage.end):
            # "The two sides first met in Istanbul": the two states the article is about.
            for actor, mention in protagonists:
                found.setdefault(actor.key, (actor, mention, False))
    if not found and _THE_BODY.match(text, passage.start):
        # "Der Gouverneursrat der IAEA hat … Der Rat tagt seit Montag": the council is the
        # council named last before (else the organization), a few sentences back at most.
        named = [
            (actor, mention)
            for actor, mention in _named_before(by_sentence, passage, _BODY_REACH)
            if actor.kind in ("body", "organization") and not actor.country
        ]
        councils = [(actor, mention) for actor, mention in named if actor.kind == "body"]
        if councils or named:
            actor, mention = (councils or named)[-1]
            found[actor.key] = (actor, mention, True)  # the subject of its sentence
    if not found and _THE_MINISTRY.search(text, passage.start, passage.end):
        # The state the ministry belongs to: the state named last in the sentences before.
        states = [
            (actor, mention)
            for actor, mention in _named_before(
                by_sentence, passage, _MINISTRY_REACH, same_paragraph=True
            )
            if actor.kind == "state"
        ]
        if states:
            actor, mention = states[-1]
            found[actor.key] = (actor, mention, True)
    if _PERSONAL_PRONOUN.search(text, passage.start, passage.end):
        # "Am Rande traf er sich mit Modi": "er" is the person last named before.
        # … or named in an earlier clause of the same sentence ("Yoon empfing Li,
        # anschließend traf er Kishida").
        earlier = [p for p in by_sentence.get(passage.index, []) if p.start < passage.start]
        persons = [
            (actor, mention)
            for before in earlier or by_sentence.get(passage.index - 1, [])
            if before.paragraph == passage.paragraph
            for mention in before.mentions
            for actor in mention.actors[:1]
            if actor.kind == "person"
        ]
        if persons:
            # The subject: first in the sentence's own earlier clause, last in the sentence before.
            actor, mention = persons[0] if earlier else persons[-1]
            found.setdefault(actor.key, (actor, mention, False))
    # Persons are often named in the sentence before or after the one with the verb,
    # unless that sentence tells of an event of its own.
    for neighbour in _neighbours(by_sentence, passage, 1):
        if neighbour.triggers:
            continue
        for mention in neighbour.mentions:
            for actor in mention.actors[:1]:
                if actor.kind == "person":
                    found.setdefault(actor.key, (actor, mention, False))
    return list(found.values())


def _named_before(
    by_sentence: Mapping[int, list[Passage]],
    passage: Passage,
    reach: int,
    same_paragraph: bool = False,
) -> list[tuple[GazetteerActor, Mention]]:
    """The actors named, not as places, in the `reach` sentences before the passage, in order."""
    return [
        (actor, mention)
        for index in range(passage.index - reach, passage.index)
        for before in by_sentence.get(index, ())
        if not same_paragraph or before.paragraph == passage.paragraph
        for mention in before.mentions
        if not (mention.locative and mention.places)
        for actor in mention.actors[:1]
    ]


def _descriptor(text: str, mention: Mention) -> bool:
    """ "Kremlin aide Vladimir Medinsky", "White House spokeswoman": the body only says who
    the person is."""
    return any(actor.kind == "body" for actor in mention.actors[:1]) and bool(
        _ROLE_AFTER.match(text, mention.end)
    )


def _temporal_anchor(text: str, mention: Mention) -> bool:
    """ "Nach dem Nato-Russland-Rat", "after the summit": another event as a point in time."""
    return _anchored_at(text, mention.start)


# Asked of the same mention for the article's protagonists and again for each event of its
# sentence and the next: half the questions are repeats.
@lru_cache(maxsize=1024)
def _anchored_at(text: str, start: int) -> bool:
    if _ANCHOR_BEFORE.search(text[max(0, start - 16) : start]):
        return True
    # "Vor der Begegnung mit Xi hatte Blinken mit Wang gesprochen": Xi is at the other event.
    before = max(0, start - 60)
    window = text[before:start]
    if "mit " not in window and "with " not in window:
        return False  # most mentions follow no "mit"/"with": a cheap look first
    return bool(_ANCHOR_WITH.search(text, before, start))


def _neighbours(
    by_sentence: Mapping[int, list[Passage]], passage: Passage, distance: int
) -> list[Passage]:
    return [
        other
        for index in range(passage.index - distance, passage.index + distance + 1)
        if index != passage.index
        for other in by_sentence.get(index, ())
        if other.paragraph == passage.paragraph
    ]


def _place(
    text: str,
    by_sentence: Mapping[int, list[Passage]],
    passage: Passage,
    trigger: Trigger,
    vague: bool,
    scene: Scene,
    when: TemporalExpression | None = None,
) -> tuple[GazetteerPlace | None, Mention | None]:
    """Where the event is, and the words that say so; phone calls take place nowhere."""
    if trigger.type == "phone_call" or _virtual(text, passage, trigger):
        # "a virtual summit", "per Videoschalte": no one travelled anywhere.
        return None, None
    lead = scene.dateline is not None and passage.paragraph == scene.dateline_paragraph
    # "das im vergangenen Juni in Genf geschlossene Abkommen": the place of another noun.
    attributes = [
        (d.start, d.end + _ATTRIBUTE_REACH)
        for d in passage.dates
        if _of_another_noun(text, trigger, d)
    ]
    # "… after talks in Bali in November": the place of what came before.
    attributes += [
        (anchor.start(), d.end)
        for d in passage.dates
        if (anchor := _after_anchor(text, trigger, d))
    ]
    # "host Starmer at Turnberry on Monday, before travelling to Aberdeen": where the
    # traveller goes next, after the event.
    if "befor" in text[trigger.end : passage.end] or "bevor" in text[trigger.end : passage.end]:
        attributes += [
            (onward.start(), passage.end)
            for onward in [_ONWARD.search(text, trigger.end, passage.end)]
            if onward is not None
        ]
    own = [
        m
        for m in passage.mentions
        if m.places
        and m.locative
        and _venue_of(trigger, m)
        and not _topic(text, m)
        # "the Western Sahara talks", "the Iran talks": a country before the talks is their
        # subject ("the Geneva talks" are in Geneva, "the Samoa summit" in Samoa).
        and not (m.places[0].kind == "country" and _TALKS_AFTER.match(text, m.end))
        and not any(start <= m.start < end for start, end in attributes)
    ]
    # "… at Alaska summit; Zelenskiy heads to Washington": a place in the trigger's own
    # clause before one in another.
    own = [
        m
        for m in own
        if text.find(";", min(m.end, trigger.end), max(m.start, trigger.start)) < 0
        # "… when they meet in Luxembourg on June 24th, and that EU leaders would discuss it at
        # the European Council in Brussels": another clause with a subject of its own.
        and not _NEW_CLAUSE.search(text, min(m.end, trigger.end), max(m.start, trigger.start))
    ] or own
    # "in Doral bei Miami", "in Sochi near the border": the place is the first, the other
    # only says where it lies.
    own = [
        m
        for m in own
        if not any(
            o.end <= m.start and _NEAR.fullmatch(text, o.end, m.start) for o in own if o is not m
        )
    ]
    # "im Kreml", "at the White House": a body named as a place stands for its seat — but the
    # US mission "bei den Vereinten Nationen" in Geneva is not in New York.
    seat = next(
        (
            (scene.seats[actor.seat], mention)
            for mention in passage.mentions
            if mention.locative
            and not _WITH_BODY.search(text, max(0, mention.start - 12), mention.start)
            and not _topic(text, mention)
            for actor in mention.actors[:1]
            if actor.seat is not None and actor.seat in scene.seats
        ),
        None,
    )
    # "flew to Washington from Tokyo, where he held a summit with Ishiba": the place the
    # relative clause hangs on, wherever the sentence's traveller went next.
    where = next(
        (
            m
            for m in passage.mentions
            if m.places
            and m.places[0].kind in ("city", "venue")
            and (after := _WHERE.match(text, m.end, trigger.start)) is not None
            and not _CLAUSE_SEPARATOR.search(text, after.end(), trigger.start)
        ),
        None,
    )
    if where is not None:
        return where.places[0], where
    held = [m for m in own if _HELD_IN.search(text, max(0, m.start - 24), m.start)]
    if held:
        # "Preparations for the Astana meeting were completed at the foreign ministers'
        # meeting, held in Almaty on April 26": where the sentence says it was held.
        return held[0].places[0], held[0]
    if own:
        best = max(own, key=lambda m: (_place_rank(m), -abs(m.start - trigger.start)))
        place = best.places[0]
        if (
            seat is not None
            and abs(seat[1].start - trigger.start) < abs(best.start - trigger.start)
            and _AT_VENUE.search(text, max(0, seat[1].start - 12), seat[1].start)
            and text.find(",", min(seat[1].end, trigger.end), max(seat[1].start, trigger.start)) < 0
        ):
            # "held talks with Macron at the Élysée Palace on Monday, … back from Florida":
            # the venue next to the trigger, not a place further on.
            return seat
        if (
            lead
            and place.kind == "country"
            and scene.dateline
            and scene.dateline.country == place.country
        ):
            # "talks in Kazakhstan's largest city", datelined ALMATY: the dateline is finer.
            return scene.dateline, best
        if (
            place.kind == "country"
            and seat is not None
            # "when they meet in Luxembourg": a city-state named as where they meet.
            and not _IN_BEFORE.search(text, max(0, best.start - 8), best.start)
        ):
            # "at NATO headquarters … on Ukraine's borders": the seat is the venue.
            return seat
        return place, best
    if seat is not None:
        return seat
    if vague or _on_sidelines(text, passage.start, passage.end):
        # A side meeting is where the summit it is beside is (see _on_the_sidelines).
        return None, None
    if lead and trigger.type != "visit":
        # The lead of an agency report tells of what happened where its dateline says.
        return scene.dateline, None
    # "Seine Reise hatte Scholz in Samarkand begonnen. Dort traf er Mirsijojew": "dort" is the
    # place the sentence before named.
    there = text.find("ort", passage.start, passage.end) >= 0 or (
        text.find("there", passage.start, passage.end) >= 0
    )
    if there and _THERE.search(text, passage.start, passage.end):
        # "… at a session in Addis Ababa on Feb. 14, and the summit, which opened there the
        # next day": the place of the sentence's own clause before, else of the sentence before.
        for others in (
            [o for o in by_sentence.get(passage.index, ()) if o.end <= passage.start],
            by_sentence.get(passage.index - 1, ()),
        ):
            before = [
                mention
                for other in others
                for mention in other.mentions
                if mention.places
                and mention.locative
                and mention.places[0].kind in ("city", "venue")
            ]
            if before:
                return before[-1].places[0], before[-1]
    # "die Münchner Sicherheitskonferenz": a conference named after its town is held there.
    named = next(
        (
            (scene.seats[actor.seat], mention)
            for mention in passage.mentions
            if mention.start <= trigger.start < mention.end
            for actor in mention.actors[:1]
            if actor.seat is not None and actor.seat in scene.seats
        ),
        None,
    )
    if named is not None:
        return named
    # A precisely dated event may name its place in the next or previous sentences,
    # as long as they do not tell of another date.
    for distance in range(1, _MAX_PLACE_DISTANCE + 1):
        nearby = [
            mention
            for index in (passage.index - distance, passage.index + distance)
            for other in by_sentence.get(index, ())
            # "Zuletzt hatte es ein solches Treffen im Dezember 2019 in Chengdu gegeben": a
            # sentence dated years back tells of another time, and of its place.
            if not _other_dates(other, when) and not any(d.background for d in other.dates)
            for mention in other.mentions
            if mention.places
            and mention.locative
            and mention.places[0].kind in ("city", "venue")
            and not _topic(text, mention)
            and not _INVITED.search(text, max(other.start, mention.start - 80), mention.start)
        ]
        if nearby:
            best = min(nearby, key=lambda m: abs(m.start - passage.start))
            return best.places[0], best
    return None, None


def _topic(text: str, mention: Mention) -> bool:
    """ "Gespräche über den Krieg in der Ukraine", "talks on the war in Gaza": a place the
    event is about, not where it is held; "since Trump's return to the White House": an
    office, not a building."""
    before = max(0, mention.start - 40)
    if _TOPIC_BEFORE.search(text, before, mention.start):
        return True
    window = text[before : mention.start].lower()
    since = "seit" in window or "since" in window
    if since and _SINCE_BEFORE.search(text, before, mention.start):
        return True
    return bool(mention.actors) and bool(_OFFICE_BEFORE.search(text, before, mention.start))


def _virtual(text: str, passage: Passage, trigger: Trigger) -> bool:
    around = text[max(passage.start, trigger.start - 24) : min(passage.end, trigger.end + 40)]
    return ("irtu" in around or "ideo" in around or "nline" in around) and bool(
        _VIRTUAL.search(around)
    )


def _venue_of(trigger: Trigger, mention: Mention) -> bool:
    """Sanctions "against Russia" or "on Iran" name their target, not where they were decided."""
    return trigger.type != "sanction" or mention.places[0].kind in ("city", "venue")


def _seat(
    trigger: Trigger,
    actors: list[tuple[GazetteerActor, Mention, bool]],
    seats: Mapping[str, GazetteerPlace],
) -> GazetteerPlace | None:
    """A council that meets without a named place meets where it sits; a conference named
    after its town ("Münchner Sicherheitskonferenz") is held there."""
    for actor, mention, _core in actors:
        named = mention.start <= trigger.start < mention.end
        if named and actor.seat and actor.seat in seats:
            return seats[actor.seat]
    decision = trigger.type in ("agreement", "sanction")
    if trigger.type not in ("session", "meeting", "negotiation") and not decision:
        return None
    for actor, _mention, core in actors:
        # An international council meets and decides where it sits; a ministry
        # or a president's office talking to someone is not thereby at home.
        international = actor.kind == "body" and not actor.country
        if core and international and actor.seat and actor.seat in seats:
            return seats[actor.seat]
    return None


def _place_rank(mention: Mention) -> int:
    return {"venue": 3, "city": 2, "country": 1}.get(mention.places[0].kind, 0)


def _enough(
    actors: list[tuple[GazetteerActor, Mention, bool]],
    place: GazetteerPlace | None,
    trigger: Trigger,
    beside: bool = False,
    own_date: bool = False,
) -> bool:
    """Enough to be an event: two actors, or one that is a person or a body, or one at a
    place (a side meeting is at the place of what it is beside), or an organisation that
    meets on a day of its own ("Von Donnerstag bis Samstag kommen die G7 zusammen")."""
    if len(actors) >= 2:
        return True
    if not actors:
        # "Bei einem Gipfeltreffen in Helsinki verabschiedeten die Staats- und Regierungschefs
        # von acht Ostsee-Anrainern am Dienstag eine Erklärung": a gathering at a city is news.
        # "The leaders are due to gather at the president's golf resort in Doral, Florida, on
        # 14 and 15 December": a meeting of a day of its own at a city, too.
        gathers = trigger.type in _GATHERINGS or (own_date and trigger.type in _MEETING_TYPES)
        return gathers and place is not None and place.kind == "city"
    if len(actors) == 1:
        actor = actors[0][0]
        located = place is not None or beside
        # A state alone "visits" nowhere: a visit needs a visitor or a destination.
        strong = trigger.weight >= 0.85 and trigger.type != "visit"
        gathers = own_date and actor.kind == "organization" and trigger.type in _MEETING_TYPES
        return actor.kind in ("person", "body") or located or strong or gathers
    return False


def _status(start: date, end: date | None, published: date, sentence: str, lang: str) -> str:
    if start > published:
        return "announced"
    if (end or start) >= published and _FUTURE[lang if lang in _FUTURE else "en"].search(sentence):
        return "announced" if start > published else "reported"
    return "reported"


def _evidence(
    text: str,
    trigger: Trigger,
    when: TemporalExpression | None,
    place: Mention | None,
    actors: list[tuple[GazetteerActor, Mention, bool]],
) -> tuple[Evidence, ...]:
    spans = [Evidence("trigger", trigger.start, trigger.end, text[trigger.start : trigger.end])]
    if when is not None:
        spans.append(Evidence("date", when.start, when.end, text[when.start : when.end]))
    if place is not None:
        spans.append(Evidence("place", place.start, place.end, text[place.start : place.end]))
    for _actor, mention, _core in actors:
        spans.append(
            Evidence("actor", mention.start, mention.end, text[mention.start : mention.end])
        )
    return _sorted_evidence(spans)


def _confidence(
    trigger: Trigger,
    precision: str | None,
    inherited: bool,
    approximate: bool,
    place: GazetteerPlace | None,
    actors: list[tuple[GazetteerActor, Mention, bool]],
) -> float:
    score = 0.35 + 0.3 * trigger.weight
    score += 0.0 if inherited else 0.1
    score += 0.1 if place is not None else 0.0
    score += 0.1 if len(actors) >= 2 else 0.0
    if approximate or precision not in ("day", None):
        score -= 0.25
    return round(min(max(score, 0.05), 0.99), 2)


def _title(kind: str, actors: list[GazetteerActor], place: GazetteerPlace | None) -> str:
    label = _TYPE_LABEL.get(kind, "Meeting")
    bodies = [a.name for a in actors if a.kind == "body"]
    others = [a.name for a in actors if a.kind != "body"]
    if bodies and kind in ("session", "meeting", "summit"):
        title = f"{bodies[0]} session" if kind != "summit" else f"{bodies[0]} summit"
    elif others or bodies:
        names = (bodies + others)[:3]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        title = f"{label}: {joined}"
    else:
        title = label
    if place is not None and kind != "phone_call":
        title += f" in {place.name}"
    return title


def merge_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Sentences of one article that report the same event become one candidate."""
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=_specificity, reverse=True):
        for index, kept in enumerate(merged):
            if _same_in_article(kept, candidate):
                merged[index] = _combine(kept, candidate)
                break
        else:
            merged.append(candidate)
    return sorted(merged, key=lambda c: (c.start, c.sentence))


def _later_end(kept: Candidate, other: Candidate) -> date | None:
    """A continuation ("the summit continues on Friday") may carry the event's last day."""
    if kept.precision != "day" or other.precision != "day":
        return kept.end
    if kept.type == "agreement" and _undated_lead(other) and not _undated_lead(kept):
        # "Armenia and Azerbaijan have agreed …" (undated, the day of the news); "The agreement
        # was reached on April 19": the day told is the day, not the day of the report.
        return kept.end
    last = max(_last(kept), _last(other))
    if last > kept.start and last - kept.start <= MAX_EXTENT:
        return last
    return kept.end


def _earlier_start(kept: Candidate, other: Candidate) -> date:
    """ "Der Gipfel ist zu Ende gegangen … berieten am Samstag und Sonntag": a range told of the
    same event that holds the kept day starts it earlier."""
    if kept.precision != "day" or other.precision != "day":
        return kept.start
    if other.extra.get("began") and timedelta(0) < kept.start - other.start < MAX_EXTENT:
        return other.start  # "Das Treffen hatte am Donnerstag begonnen"
    if other.end is None:
        return kept.start
    if other.start < kept.start <= other.end and kept.start - other.start <= MAX_EXTENT:
        return other.start
    return kept.start


def _specificity(candidate: Candidate) -> tuple[int, float, int]:
    precise = {"day": 3, "week": 2, "month": 1}.get(candidate.precision, 0)
    return precise, candidate.confidence, -candidate.sentence[0]


def _last(candidate: Candidate) -> date:
    return candidate.end or _interval_end(candidate)


def _interval_end(candidate: Candidate) -> date:
    if candidate.precision == "week":
        return candidate.start + timedelta(days=6)
    return candidate.start


def same_event(a: Candidate, b: Candidate) -> bool:
    """The identity rule: overlapping dates, compatible types, and the same place or two actors.

    A vague report (a is "in den vergangenen Wochen") never claims a precisely dated event b:
    its interval overlaps too much to say which.
    """
    if _vague(a) and not _vague(b):
        return False
    if not _compatible(a, b):
        return False
    same_place = a.place is not None and b.place is not None and a.place.key == b.place.key
    shared = {x.key for x in a.actors} & {x.key for x in b.actors}
    return same_place or len(shared) >= 2


def _vague(candidate: Candidate) -> bool:
    return candidate.approximate or candidate.precision != "day"


def _compatible(a: Candidate, b: Candidate) -> bool:
    overlapping = a.start <= _last(b) and b.start <= _last(a)
    return overlapping and any(a.type in group and b.type in group for group in _COMPATIBLE)


def _places_differ(a: Candidate, b: Candidate) -> bool:
    """Two places differ unless they are one, or one is the country or region of the other."""
    if a.place is None or b.place is None or a.place.key == b.place.key:
        return False
    return not _within(a.place, b.place) and not _within(b.place, a.place)


def _within(inner: GazetteerPlace, outer: GazetteerPlace) -> bool:
    if outer.kind == "country":
        return inner.country == outer.country
    return outer.kind == "region" and inner.region is not None and inner.region == outer.region


def _finer(a: GazetteerPlace | None, b: GazetteerPlace | None) -> GazetteerPlace | None:
    if a is None or b is None:
        return a or b
    return b if _within(b, a) and b.key != a.key else a


def _same_in_article(a: Candidate, b: Candidate) -> bool:
    """Within one article, one shared actor named next to the trigger is enough, unless the
    places differ; a vague date joins a precise one only through a body, person or place."""
    beside_a, beside_b = a.extra.get("sidelines"), b.extra.get("sidelines")
    headline = _headline_of(a, b) or _headline_of(b, a)
    if headline and bool(beside_a) == bool(beside_b):
        # "Ishiba, Trump agree …" in the lead; "the two issued a joint statement", placed by
        # the talks before it: the lead told it (neither is beside a summit).
        return True
    if (
        beside_a != beside_b
        and ({a.type, b.type} & _GATHERINGS or a.extra.get("bilateral") or b.extra.get("bilateral"))
        and {x.key for x in a.actors} != {x.key for x in b.actors}
    ):
        # "Am Rande des Gipfels traf Merz Modi": a meeting beside the summit, not the summit.
        return False
    if headline:
        return True
    names_a, names_b = _names(a), _names(b)
    if names_a and names_b and not _same_name(names_a, names_b):
        # "den ersten Atomenergie-Gipfel ausgerichtet", then "eilte danach direkt zum
        # EU-Gipfel weiter": two summits of one day and one town.
        return False
    if _bilateral_beside(a, b) or _bilateral_beside(b, a):
        # "He will hold bilateral talks with President Ruto at State House on Monday", the day
        # the summit opens: the two leaders' talks are not the summit.
        return False
    if not _compatible(a, b):
        return False
    if a.type == b.type == "sanction" and a.extra.get("act") != b.extra.get("act"):
        return False
    if {a.type, b.type} == {"phone_call", "meeting"} and (a.place or b.place):
        # "Trump hosted Zelenskyy at the White House …; Trump broke away to call Putin": who
        # met in person somewhere is not on the phone.
        return False
    if a.precision == b.precision == "day" and a.start != b.start:
        # Zelensky's arrival on the summit's second day is an event within the summit.
        return False
    if _part_of_gathering(a, b) or _part_of_gathering(b, a):
        return True
    core_a, core_b = a.core, b.core
    if a.type == b.type == "agreement" and core_a and core_b and not core_a & core_b:
        # "Die G20 verständigten sich auf eine Erklärung … Ebenfalls heute wurde die
        # Afrikanische Union als Mitglied aufgenommen": two outcomes, of different parties.
        return False
    if _other_pair(a, b):
        # "Yoon empfing Li, anschließend traf er Kishida": two bilaterals, not one meeting.
        return False
    placed_by_visit = a.extra.get("during_visit") or b.extra.get("during_visit")
    if a.place is not None and b.place is not None and not placed_by_visit:
        # "Lula war in der vergangenen Woche in Buenos Aires, beim Gipfel der Celac" is not
        # the chancellor's meeting there on Saturday: a vague date and no one in common.
        strangers = a.precision != b.precision and core_a and core_b and not core_a & core_b
        return not _places_differ(a, b) and not strangers
    shared = [actor for actor in a.actors if actor.key in core_a and actor.key in core_b]
    if not shared and a.precision == b.precision and (_one_of(a, b) or _one_of(b, a)):
        # "Dieses Treffen richtet sich gegen niemanden", betonte Borrell: the meeting he was at.
        return True
    if a.precision != b.precision:
        shared = [actor for actor in shared if actor.kind in ("body", "person")]
    if (
        a.type == b.type == "agreement"
        and (a.place is None) != (b.place is None)
        and not (_undated_lead(a) or _undated_lead(b))
    ):
        # Two texts agreed that day by partly the same people are two outcomes.
        return len(shared) >= 2
    return bool(shared)


def _names(candidate: Candidate) -> frozenset[str]:
    names = candidate.extra.get("names")
    return names if isinstance(names, frozenset) else frozenset()


def _same_name(names_a: frozenset[str], names_b: frozenset[str]) -> bool:
    """Names of one summit: one holds the other ("ASEAN", "ASEAN-related"), or neither is a
    body's (a topic or a nickname may be any summit's)."""
    if not any(name.startswith(_BODY_NAMED) for name in names_a | names_b):
        return True
    bare_a = {name.removeprefix(_BODY_NAMED) for name in names_a}
    bare_b = {name.removeprefix(_BODY_NAMED) for name in names_b}
    return any(x in y or y in x for x in bare_a for y in bare_b)


def _bilateral_beside(bilateral: Candidate, gathering: Candidate) -> bool:
    """ "He will hold bilateral talks with Ruto" on the day a summit opens: talks of their own
    — unless the summit is the two leaders' own ("Putin and Kim … held talks, first in a
    larger group and then one-on-one")."""
    people = {x.key for x in bilateral.actors if x.kind == "person"}
    leaders = {x.key for x in gathering.actors if x.kind == "person"}
    return (
        bool(bilateral.extra.get("bilateral"))
        and bilateral.type not in _GATHERINGS
        and gathering.type in _GATHERINGS
        and {x.key for x in bilateral.actors} != {x.key for x in gathering.actors}
        and not (len(leaders) <= 2 and people <= leaders)
    )


def _one_of(told: Candidate, event: Candidate) -> bool:
    """The one actor of `told` was at `event`, and nothing places them apart."""
    return (
        len(told.actors) == 1
        and told.actors[0].key in {actor.key for actor in event.actors}
        and not _places_differ(told, event)
    )


def _other_pair(a: Candidate, b: Candidate) -> bool:
    """Two meetings (or two calls) of two people each, not the same two; or two calls of one
    person with others ("spoke by phone with Braže and Budrys", "also briefed Valtonen by
    phone")."""
    if a.type != b.type or a.type not in ("meeting", "phone_call"):
        return False
    people_a = {x.key for x in a.actors if x.kind == "person" and x.key in a.core}
    people_b = {x.key for x in b.actors if x.kind == "person" and x.key in b.core}
    if a.type == "phone_call":
        shared = people_a & people_b
        return bool(shared) and bool(people_a - shared) and bool(people_b - shared)
    return len(people_a) == len(people_b) == 2 and people_a != people_b


def _undated_lead(candidate: Candidate) -> bool:
    return candidate.date_rule.endswith(_UNDATED_LEAD)


def _headline_of(undated: Candidate, dated: Candidate) -> bool:
    """ "Scholz reist nach Kiew und Moskau", then "am Dienstag nach Moskau": the headline
    told, without a date, the event the lead dates."""
    if not _undated_lead(undated) or _undated_lead(dated):
        return False
    # "In Addis Abeba ist der Gipfel zu Ende gegangen … berieten am Samstag und Sonntag": the
    # days the lead's event took, up to the day of publication.
    spans = dated.end is not None and dated.start < undated.start <= dated.end
    # The headline tells the lead's news, not what the last paragraph looks ahead to; the
    # paragraph after the lead may still tell the days the lead's event took.
    if not dated.extra.get("lead") and _paragraph(dated) > _paragraph(undated) + spans:
        return False
    # "Trump, Putin fail to reach deal at Alaska summit", published on Saturday; "met late on
    # Friday": a headline is often written the morning after.
    overnight = undated.start - _OVERNIGHT <= dated.start < undated.start
    if dated.start <= undated.start and not spans and not overnight:
        # What the lead reports of the day of publication is that day's news.
        return False
    if not any(undated.type in group and dated.type in group for group in _COMPATIBLE):
        return False
    shared = bool({a.key for a in undated.actors} & {a.key for a in dated.actors})
    if overnight and not spans:
        # "… ist im Kreml empfangen worden", then "am Dienstag in Moskau mit Putin
        # zusammengetroffen": the same kind of event in the same city, the night before.
        same_place = (
            undated.type == dated.type
            and undated.place is not None
            and dated.place is not None
            and undated.place.key == dated.place.key
        )
        return (shared or same_place) and not _places_differ(undated, dated)
    if undated.place is not None and dated.place is not None:
        # "talks in Kazakhstan" in the headline, "in Almaty" in the lead: one place.
        return not _places_differ(undated, dated) and (spans or shared)
    return spans and shared


def _paragraph(candidate: Candidate) -> int:
    number = candidate.extra.get("paragraph", 0)
    return number if isinstance(number, int) else 0


def _deadline_of_another_clause(text: str, trigger: Trigger, deadline: TemporalExpression) -> bool:
    """ "said it was expelling six diplomats, and gave them until Saturday to leave": a
    deadline in a later clause of its own sets no date for what the sentence reports."""
    between = text[trigger.end : deadline.start]
    return deadline.start > trigger.end and bool(_LATER_CLAUSE.search(between))


def _part_of_gathering(gathering: Candidate, other: Candidate) -> bool:
    """ "Gastgeber Kishida hatte die Staats- und Regierungschefs am Vormittag empfangen":
    a meeting told without a place on the day a summit opens is the summit."""
    return (
        gathering.type in _GATHERINGS
        and gathering.place is not None
        and other.type in ("meeting", "session")
        and other.place is None
        and not other.extra.get("sidelines")
        and other.start == gathering.start
        and other.end is None
    )


def _combine(kept: Candidate, other: Candidate) -> Candidate:
    if _undated_lead(kept) and not _undated_lead(other):
        kept, other = other, kept  # the date is the dated sentence's
    actors = {actor.key: actor for actor in (*kept.actors, *other.actors)}
    core = kept.core | other.core
    if {kept.type, other.type} <= _MEETING_TYPES and _TYPE_PRIORITY[other.type] > _TYPE_PRIORITY[
        kept.type
    ]:
        # A summit told of as "berieten" is still a summit.
        kept = replace(kept, type=other.type)
    evidence = _sorted_evidence((*kept.evidence, *other.evidence))
    place = _finer(kept.place, other.place)
    start, end = _earlier_start(kept, other), _later_end(kept, other)
    if start < kept.start and end is None:
        end = _last(kept)  # begun earlier, the kept day is its last
    return replace(
        kept,
        place=place,
        start=start,
        end=end,
        extra={**kept.extra, "names": _names(kept) | _names(other)},
        actors=tuple(actors.values()),
        evidence=evidence,
        confidence=round(min(0.99, max(kept.confidence, other.confidence) + 0.05), 2),
        title=_title(kept.type, list(actors.values()), place),
        core=core,
    )


# The answers these remember hold for one article; `pipeline.suggest` forgets them before the
# next, so a text read again is worked out again, as a new article would be.
MEMOS = (_anchored_at, _on_sidelines)
