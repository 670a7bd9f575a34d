"""Trigger phrases: the words that say a diplomatic event took place or will take place.

Each pattern names an event type of the PLOVER-mapped vocabulary and a weight (how sure the
phrase alone makes us). Patterns are whole-word, case-insensitive, and compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .first_letters import by_first_letter


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
        r"|telefonschalte\w*|telefonkonferenz\w*"
        r"|videokonferenz\w*|videogespräch\w*|per\s+video\w*|am\s+telefon"
        r"|rief\w*\s+(?:[^\s.!?;:]+\s+){0,8}an\b|angerufen|anrufs?\b",
    ),
    "summit": (0.9, r"gipfel(?:treffen|s|n)?\b|gipfeltreffen|konferenz(?:en)?\b"),
    "session": (
        0.85,
        r"sitzung(?:en)?\b|tagt|tagte|tagten|tagen|getagt|tagung\w*|ministertreffen"
        r"|ministerrat\w*|ratstreffen",
    ),
    "agreement": (
        0.85,
        r"unterzeichn\w*|unterschrieben|unterschrieb\w*|vereinbart\w*|einigten|geeinigt"
        # "paraphierten das Abkommen", "besiegelten ihre Partnerschaft"
        r"|paraphier\w*|besiegel\w*"
        # "Die Vollversammlung nahm eine Resolution an"
        r"|nahm\w*\s+(?:[^\s.!?;:]+\s+){0,6}(?:resolution|erklärung|abkommen|vereinbarung)\w*"
        r"\s+an\b"
        r"|verabschiede\w*|beschlossen|beschloss\w*|billigte\w*|gebilligt"
        r"|gemeinsame[nr]?\s+erklärung|abschlusserklärung"
        # An admission to a body: "Finnland ist der Nato beigetreten", "die Beitrittsurkunde".
        r"|beigetreten|beitrittsurkunde\w*"
        r"|als\s+(?:[^\s.!?;:]+\s+){0,3}mitglied\w*\s+(?:[^\s.!?;:]+\s+){0,4}aufgenommen"
        # "haben ihre Verhandlungen über ein Freihandelsabkommen abgeschlossen"
        r"|(?:verhandlungen|gespräche)\s+(?:[^\s.!?;:]+\s+){0,6}abgeschlossen"
        r"|schließen\s+(?:[^\s.!?;:]+\s+){0,2}verhandlungen\s+(?:[^\s.!?;:]+\s+){0,5}ab\b"
        # "Die Resolution wurde am Donnerstag in Wien … angenommen"
        r"|wurden?\s+(?:[^\s.!?;:]+\s+){0,14}angenommen"
        # "hat die Weltgesundheitsversammlung das Pandemieabkommen angenommen" (not an
        # invitation accepted)
        r"|(?:hat|haben)\s+(?:[^\s.!?;:]+\s+){0,12}[\w-]*(?:abkommen|resolution|erklärung"
        r"|vertrag|pakt|konvention|entwurf)\w*\s+angenommen"
        # "Indien und China verständigten sich auf Regeln", "eine Einigung erzielt"
        r"|verständigt(?:e|en)?\b|einigung\s+erzielt\w*|erziel\w*\s+(?:[^\s.!?;:]+\s+){0,3}einigung"
        # "Immerhin auf ein Verfahren konnten sich beide Seiten einigen" ("einigen" alone is
        # "some"); "dass man sich einigen kann" says what can be done, not what was
        r"|(?<!man\s)sich\s+(?:[^\s.!?;:,]+\s+){0,4}einigen\b"
        r"|abschlusskommuniqu[ée]\w*|kommuniqu[ée]\w*",
    ),
    "negotiation": (
        0.8,
        r"verhandlungsrunde\w*|gesprächsrunde\w*|verhand\w*|friedensgespräch\w*"
        r"|atomgespräch\w*"
        # "Die bisher letzte, fünfte Runde hatte am 23. Mai in Rom stattgefunden"
        r"|(?:erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|nächste|neue|letzte)[nrs]?"
        # "die erste Runde der Wahl findet am 23. März statt": a vote, not talks
        r"\s+runde\b(?!\s+(?:der|bei\s+der)\s+\w*wahl)",
    ),
    "visit": (
        0.85,
        r"besuch\w*|antrittsbesuch\w*|staatsbesuch\w*|reist\w*\s+(?:[^\s.!?;:]+\s+){0,5}nach"
        r"|reise\s+nach|reisen\b|gereist|eingetroffen|traf\w*\s+(?:[^\s.!?;:]+\s+){0,10}ein\b|reise\b"
        # "Am Donnerstag wird eine Delegation in Kiew erwartet"
        r"|in\s+[^\s.!?;:,]+\s+erwartet",
    ),
    "meeting": (
        0.8,
        r"treff(?:en|e|t|st|ens)\b|trifft\b(?!\s+es\b)|traf\b|trafen|getroffen|zusammen(?:ge)?kommen"
        # "kamen am Samstag die Außenminister aus Dänemark, Estland, … auf Einladung von
        # Bundesaußenminister Johann Wadephul (CDU) zusammen": the list of guests runs long
        r"|kam\w*\s+(?:[^\s.!?;:]+\s+){0,24}zusammen\b(?!\s+mit)"
        r"|komm\w*\s+(?:[^\s.!?;:]+\s+){0,24}zusammen\b(?!\s+mit)|zusammen(?:ge)?troffen|zusammentreffen|zusammentraf\w*|traf\w*\s+(?:[^\s.!?;:]+\s+){0,12}zusammen|sitz(?:en|t)\s+(?:[^\s.!?;:]+\s+){0,18}zusammen\b|saß(?:en)?\s+(?:[^\s.!?;:]+\s+){0,14}zusammen\b|zusammenkunft|begegnung\w*|unterredung\w*"
        r"|empf(?:ängt|ing|angen|ingen)|berat(?:en|ungen)|beriet(?:en)?|berät|gespräch\b|sprach\w*\s+mit"
        r"|gesprochen|austauschen|ausgetauscht"
        # "…, wo er mit seinem saudischen Amtskollegen sprach": the verb last
        r"|mit\s+(?:[^\s.!?;:,]+\s+){1,8}sprach(?:en)?\b"
        # "Danach wolle er auch mit Selenskyj sprechen", "Scholz spricht am Montag mit Biden"
        r"|mit\s+(?:[^\s.!?;:,]+\s+){1,12}sprechen\b|spricht\s+(?:[^\s.!?;:,]+\s+){0,6}mit\b"
        # "Am Montag sprach Rutte mit Erdoğan" (not "sprach sich mit … für … aus")
        r"|sprach(?:en)?\s+(?!sich\b)(?:[^\s.!?;:,]+\s+){1,4}?mit\b"
        r"|arbeitsessen|abendessen\s+mit|mittagessen\s+mit|frühstück\s+mit"
        # "die ersten deutsch-japanischen Regierungskonsultationen", "zu gemeinsamen
        # Konsultationen zusammengekommen" (not an ambassador called home "zu Konsultationen")
        r"|regierungskonsultation\w*|gemeinsamen\s+konsultationen",
    ),
    # The recognition of a state: "hat Frankreich heute einen Staat Palästina offiziell
    # anerkannt", "Palästina als Staat anerkannt".
    "recognition": (
        0.85,
        r"(?:offiziell|förmlich|formell)\s+anerkannt\b"
        r"|als\s+(?:unabhängigen\s+)?staat\s+anerkannt\b",
    ),
    # An agreement named without a verb is usually talked about, not concluded.
    "accord": (
        0.6,
        r"abkommen|vereinbarung\w*|einigung|waffenruhe\w*|waffenstillstand\w*",
    ),
    "sanction": (
        0.85,
        r"sanktion\w*|strafmaßnahmen|ausgewiesen|ausweis(?:ung|en|t|te)\w*|embargo\w*"
        r"|einbestellt\w*|einbestell\w*|veto\w*|legte\w*\s+(?:\w+\s+){0,3}veto"
        r"|unerwünschte\w*\s+person\w*|persona\s+non\s+grata|zur\s+ausreise\s+aufgefordert"
        # "hat ihren Botschafter zu Konsultationen nach Berlin zurückgerufen"
        r"|zu\s+konsultationen|zurückgerufen|zurückbeordert|schließ\w*\s+(?:\w+\s+){0,6}"
        r"(?:generalkonsulat|konsulat|botschaft)\w*"
        # "Teheran bestellte am Mittwoch den deutschen Geschäftsträger ein"
        # "Am Mittwoch bestellte das Außenministerium in Chisinau den russischen Botschafter
        # Oleg Oserow ein"
        r"|bestellt\w*\s+(?:[^\s.!?;:]+\s+){0,11}ein\b"
        # "Russland wies zwei deutsche Diplomaten aus"
        r"|(?:wies|wiesen|weist|weisen)\s+(?:[^\s.!?;:]+\s+){0,8}(?:diplomat|botschafter|gesandt"
        r"|konsul|mitarbeiter|beamt)\w*\s+(?:[^\s.!?;:]+\s+){0,4}aus\b",
    ),
}

# German compounds end in their head: "Nato-Gipfel", "Dringlichkeitssitzung", "Ölembargo".
# These are looked for inside words (fast: a literal start) and widened to the whole word.
_GERMAN_HEADS = {
    "summit": (0.9, r"gipfel(?:treffen|s|n)?\b|konferenz(?:en)?\b"),
    "session": (0.85, r"sitzung(?:en)?\b|ministertreffen\b|ministerrat\w*"),
    "negotiation": (0.8, r"gespräche\b|gesprächen\b"),
    # "ein Vorbereitungstreffen der Minister", "das Krisentreffen"
    "meeting": (0.8, r"treffen\b|treffens\b"),
    "sanction": (0.85, r"embargo\w*"),
    # "seine erste Auslandsreise", "die Asienreise des Kanzlers"
    "visit": (0.75, r"reise\b"),
}

_ENGLISH = {
    "phone_call": (
        0.9,
        r"phone\s+call\w*|telephone\w*|spoke\s+by\s+(?:tele)?phone|by\s+phone|video\s*call\w*"
        r"|video\s*conference\w*|videoconference\w*|call\s+with|phoned"
        # "Trump called Ukrainian President Zelenskyy", "to call his Chinese counterpart"
        r"|call(?:ed|s|ing)?\s+(?!on\s)(?:his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:president"
        r"|prime\s+minister|premier|chancellor|counterparts?|leaders?|king|crown\s+prince"
        r"|foreign\s+minister|secretary\s+of\s+state)\b",
    ),
    # "the three-day gathering at the Borgo Egnazia resort": a summit by another name
    "summit": (0.9, r"summit\w*|conference\w*|gatherings?\b"),
    "session": (
        0.85,
        r"session\w*|ministerial\w*|council\s+meeting\w*|emergency\s+meeting\w*|convene\w*"
        r"|reconvene\w*"
        # "de Mistura briefed Council members in closed consultations on 8 October"
        r"|briefed\s+(?:the\s+)?(?:[\w-]+\s+){0,2}council\b|closed(?:-door)?\s+consultations",
    ),
    "negotiation": (
        0.8,
        r"negotiat\w*|round\s+of\s+talks|talks\b|dialogue\s+(?:with|between)"
        r"|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|next|new|last)\s+round\b"
        r"(?!\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:election|elections|voting|vote|balloting)\b)",
    ),
    "visit": (
        0.85,
        r"visit\w*|travel(?:s|led|ed)?\s+to|trip\s+to|arriv\w*\s+in|toured|tour\s+of"
        r"|land(?:s|ed|ing)?\s+in|touch(?:es|ed)?\s+down\s+in"
        # "He will call on King Charles III at Sandringham", not "called on Putin to withdraw"
        r"|call(?:s|ed|ing)?\s+on\s+(?:the\s+)?(?:king|queen|emperor|pope|crown\s+prince"
        r"|president|prime\s+minister)\b(?![^.!?;]{0,80}\bto\s+(?!the\b|an?\b)[a-z]+)"
        # "A Pentagon delegation is expected in Kyiv on Thursday"
        r"|(?:is|are|was|were)\s+(?:expected|due)\s+in\s+"
        r"(?!(?:the|a|an|two|three|four|five|several|coming|next|early|late|mid|\d)\b)[^\s.!?;:,]+",
    ),
    "meeting": (
        0.8,
        r"meet\b|meets|meeting\w*|met\b|hosted|hosts|sat\s+down\s+with|gather(?!ings?\b)\w*"
        # "He is due to host Starmer at Turnberry": the verb, not "the host country"
        r"|(?:to|will|would|'ll)\s+host\b"
        r"|held\s+talks|spoke\s+with|speak(?:s|ing)?\s+with|discuss(?:ed|es)?\s+with"
        r"|sit(?:s|ting)?\s+down\s+with|(?:held|hold|holds)\s+an?\s+bilateral\b"
        # "Tokayev received both ministers", "Wang Yi received the two visiting diplomats",
        # "will receive the leaders of the BRICS group" — not "received a letter"
        # "received White House national security advisor Jake Sullivan"
        r"|receiv(?:e|es|ed|ing)\s+(?:(?!(?:an?|from|of|with)\s)[\w-]+\s+){0,4}"
        r"(?:leaders?|presidents?|ministers?|diplomats?|delegations?|counterparts?|envoys?"
        r"|ambassadors?|premiers?|chancellors?|kings?|queens?|prime\s+ministers?"
        r"|advis[eo]rs?|secretar(?:y|ies)|emirs?|crown\s+prince|speakers?|governors?)\b"
        # "Gharibabadi and Ryabkov held bilateral consultations in the Chinese capital"
        r"|(?:held|hold|holds|holding)\s+(?:[\w-]+\s+){0,2}consultations"
        r"|working\s+(?:dinner|lunch|breakfast)|(?:dinner|lunch|breakfast)\s+with"
        # "received Zelensky in a private audience at the Vatican"
        r"|(?:private|papal|royal|an)\s+audience\b"
        r"|(?:government|intergovernmental|inter-governmental)\s+consultations",
    ),
    "agreement": (
        0.85,
        r"signed(?!\s+up\b)|signing|signs\s+(?:an?|the)\b|agreed|adopted|endorsed|approved"
        r"|joint\s+(?:statement|declaration|communiqu[ée])"
        r"|(?:was|were)\s+admitted|instruments?\s+of\s+accession"
        r"|became\s+(?:the\s+)?(?:\w+\s+)?(?:full\s+)?member"
        r"|conclud(?:ed|es)\s+(?:[^\s.!?;:]+\s+){0,3}(?:negotiations|talks)"
        r"|(?:final\s+)?communiqu[ée]s?\b"
        r"|reached\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:agreement|deal|understanding)"
        r"|struck\s+(?:an?\s+|the\s+)?(?:\w+\s+)?deal"
        r"|pass(?:ed|es)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}resolution"
        # "sealed a deal on fentanyl", "inked a defence pact", "clinched a trade deal"
        r"|(?:seal|clinch|ink)(?:ed|s)?\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:deal|agreement|pact|accord|treaty|memorandum)\b"
        # The recognition of a state, an act on a day ("formally recognised the State of
        # Palestine"), not the state of being recognised ("is not recognised by any").
        r"|(?:formally|officially)\s+recogni[sz](?:ed|es|e)\b",
    ),
    "accord": (0.6, r"agreement\w*|accord\b|ceasefire|truce"),
    "sanction": (
        0.85,
        r"sanction\w*|expel\w*|expulsion\w*|embargo\w*|summon\w*|veto\w*"
        r"|persona\s+non\s+grata|ordered\s+(?:\w+\s+){0,3}to\s+leave"
        r"|kick(?:ed|s)?\s+out\s+(?:\w+\s+){0,3}(?:diplomats?|envoys?|ambassadors?)"
        r"|recall(?:ed|s|ing)?\s+(?:its|his|her|their|the)\s+(?:\w+\s+)?(?:ambassador|envoy)"
        r"|for\s+consultations|clos(?:ure|ed|e|ing)\s+(?:of\s+)?(?:\w+\s+){0,3}"
        r"(?:consulates?|embass(?:y|ies))",
    ),
}

# "ohne Gegenstimme verabschiedet", "adopted without objection": unanimous, not undone.
_NEGATION = {
    "de": re.compile(
        r"\b(?:kein\w*|nicht|nie|niemals|ohne(?!\s+(?:Gegenstimme|Widerspruch|Einw[aä]nd)))"
        r"\s+(?:\w+\s+){0,2}$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:no|not|never|without(?!\s+(?:objection|dissent|opposition)))\s+(?:\w+\s+){0,2}$",
        re.IGNORECASE,
    ),
}


# Every phrase opens a word with a letter: the lookahead lets the engine skip other positions
# without trying each alternative.
_WORD_OPENING = r"\b(?=[^\W\d_])"
# Compound heads are looked for inside words, at every letter; each opens with one of these
# words (a test keeps them in step with _GERMAN_HEADS), so the case-blind pattern tries the
# alternatives only where one of them stands.
_HEAD_OPENINGS = (
    "gipfel",
    "konferenz",
    "sitzung",
    "minister",
    "gespräch",
    "treffen",
    "embargo",
    "reise",
)


def _compile(
    table: dict[str, tuple[float, str]], opening: str = _WORD_OPENING, flags: int = 0
) -> re.Pattern[str]:
    groups = (f"(?P<{name}>{pattern})" for name, (_weight, pattern) in table.items())
    return re.compile(opening + "(?:" + "|".join(groups) + ")", flags)


def _by_first_letter(
    table: dict[str, tuple[float, str]], opening: str
) -> tuple[re.Pattern[str], list[str]]:
    pattern, kinds = by_first_letter([(kind, p) for kind, (_weight, p) in table.items()])
    return re.compile(opening + pattern), kinds


# Matching lower-cased text is three times faster than IGNORECASE, and twice as fast again with
# the phrases grouped by their first letter (the kind of a match is then told by the empty
# group it closed). The slower patterns serve the rare text whose length lower() changes ("İ").
_BY_FIRST_LETTER = {"de": _by_first_letter(_GERMAN, r"\b"), "en": _by_first_letter(_ENGLISH, r"\b")}
_CASE_BLIND = {
    lang: _compile(table, flags=re.IGNORECASE)
    for lang, table in (("de", _GERMAN), ("en", _ENGLISH))
}
# Heads open inside words: no word boundary before them.
_HEADS_BY_FIRST_LETTER = _by_first_letter(_GERMAN_HEADS, "")
_HEADS_CASE_BLIND = _compile(_GERMAN_HEADS, f"(?={'|'.join(_HEAD_OPENINGS)})", flags=re.IGNORECASE)
_WEIGHTS = {"de": _GERMAN, "en": _ENGLISH}


# "Vor dem Treffen", "after the summit": an event used as a point in time, reported elsewhere.
_ANCHOR = re.compile(
    r"\b(?i:nach|vor|seit|während|after|before|since|during|ahead\s+of|im\s+anschluss\s+an"
    r"|following|in\s+the\s+wake\s+of|am\s+rande|on\s+the\s+eve\s+of|am\s+vorabend"
    # "demonstrierten gegen den Gipfel", "protests against the summit": its opponents' news
    r"|gegen|against)"
    r"\s+(?i:dem|der|den|das|des|the"
    # "Vor Beginn des Gipfels", "nach Ende der Gespräche", "before the start of the summit"
    r"|(?:Beginn|Start|Auftakt|Ende|Abschluss)\s+(?:des|der)|(?:start|end|close)\s+of\s+the)"
    # "before the end of the talks", "nach dem Ende der Gespräche": still a point in time.
    # "nach dem Boykott des Gipfels in Johannesburg", "after the collapse of the talks"
    r"(?:\s+[\w-]+\s+(?i:of\s+the|der|des))?"
    # An adjective may stand between ("nach dem ersten Treffen"); a noun ends the phrase.
    r"(?:\s+[a-zäöüß][\w-]*)?\s+$"
)

_NEGATED_AT_END = re.compile(r"[^.!?;:,]{0,120}\b(?:nicht|nie|niemals)\s*[.!?;]")
# "Ein Dreiergipfel mit Südkorea, den Japan ausrichten soll, hat weiterhin keinen Termin"
_NO_DATE_YET = re.compile(
    r"[^.!?:]{0,80}?\b(?=[hnt])(?:(?:hat|haben|has|have)\s+(?:\w+\s+){0,2}?"
    r"(?:keinen\s+Termin|kein\s+Datum|no\s+(?:set\s+)?date)"
    # "plant Reisen nach Kiew, Moskau und Washington; Termine stehen noch keine fest", "no
    # dates have been set yet"
    r"|Termin\w*\s+(?:steh\w+|stand\w*)\s+(?:\w+\s+){0,2}?(?:keine|nicht)\s+fest"
    # "discussed a visit to Washington, but no date was set"
    r"|no\s+dates?\s+(?:was|were|has|have)\s+(?:yet\s+)?(?:been\s+)?(?:set|fixed|announced"
    r"|given))\b",
    re.IGNORECASE,
)
# "agreed to keep contacts going", "vereinbart, die Gespräche fortzusetzen" (see _discounted).
_GOING_ON_AFTER = re.compile(
    r"\s+to\s+(?:keep|continue|deepen|strengthen|expand|enhance|maintain|step\s+up|stay"
    r"|work\s+(?:together|closely)|remain\s+in\s+(?:close\s+)?(?:touch|contact)|meet\s+again)\b"
    r"|,?\s+(?:sich\s+)?(?:darauf,?\s+)?(?:[^\s.!?;:,]+\s+){1,6}?(?:fortzusetzen|weiterzuführen"
    r"|auszubauen|zu\s+vertiefen|zu\s+intensivieren|zu\s+verstärken|fortzuführen)\b",
    re.IGNORECASE,
)
# "Ein bilaterales Treffen der beiden ist bislang nicht geplant", "a meeting is not planned":
# the meeting the sentence names is the one that will not take place.
_NOT_PLANNED = re.compile(
    # The lookahead names the letters the words open with: the engine tries them at each of
    # the 60 characters only where one of those letters stands.
    r"[^.!?;:,]{0,60}?\b(?=[ahinsw])(?:(?:ist|sind|war|waren|wurde|wurden|is|are|was|were|has|have)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:nicht|not)\s+(?:yet\s+|been\s+|mehr\s+){0,2}"
    r"(?:geplant|vorgesehen|angesetzt|anberaumt|terminiert|planned|scheduled|foreseen|envisaged)"
    # "die geplanten Regierungskonsultationen vorerst nicht stattfinden", "will not take place"
    r"|(?:nicht|not)\s+(?:mehr\s+)?(?:stattfinden|stattfindet|stattfinden\s+werden"
    r"|take\s+place|go\s+ahead))\b",
    re.IGNORECASE,
)

# "weitere Treffen", "further talks", "possible summit": no particular event. The lookahead
# names the letters its words open with, so the engine passes over other words at once.
_HYPOTHETICAL = re.compile(
    r"\b(?=[acefkmpw])"
    r"(?:weitere[nmrs]?|künftige[nmrs]?|mögliche[nmrs]?|eventuelle[nmrs]?|etwaige[nmrs]?"
    r"|further|future|possible|potential|any"
    # "Trump has suggested he could travel to Istanbul": what might be
    r"|could|might)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)

# Press and news conferences are where events are announced, not events of their own.
_NOT_EVENTS = ("presse", "press", "news", "pressekonferenz")


def find_triggers(text: str, lang: str) -> list[Trigger]:
    lang = lang if lang in _WEIGHTS else "en"
    lowered = text.lower()
    folded = len(lowered) == len(text)
    searched = lowered if folded else text
    weights = _WEIGHTS[lang]
    negation = _NEGATION[lang]
    found: dict[int, Trigger] = {}
    for match, group in _phrases(searched, folded, _BY_FIRST_LETTER[lang], _CASE_BLIND[lang]):
        kind = "agreement" if group in ("accord", "recognition") else group
        found[match.start()] = Trigger(
            match.start(), match.end(), text[match.start() : match.end()], kind, weights[group][0]
        )
    if lang == "de":
        heads = _phrases(searched, folded, _HEADS_BY_FIRST_LETTER, _HEADS_CASE_BLIND)
        for match, kind in heads:
            start = _word_start(text, match.start())
            if start not in found and not any(t.start <= start < t.end for t in found.values()):
                weight = _GERMAN_HEADS[kind][0]
                found[start] = Trigger(start, match.end(), text[start : match.end()], kind, weight)
    return [
        trigger
        for _start, trigger in sorted(found.items())
        if not _discounted(text, trigger, negation)
    ]


def _phrases(
    searched: str,
    folded: bool,
    dispatched: tuple[re.Pattern[str], list[str]],
    case_blind: re.Pattern[str],
) -> Iterator[tuple[re.Match[str], str]]:
    """The phrases of a table in the text, with the table's name for each."""
    if folded:
        pattern, kinds = dispatched
        for match in pattern.finditer(searched):
            yield match, kinds[(match.lastindex or 1) - 1]
    else:
        for match in case_blind.finditer(searched):
            yield match, match.lastgroup or "meeting"


def _word_start(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isalnum():
        position -= 1
    return position


def _discounted(text: str, trigger: Trigger, negation: re.Pattern[str]) -> bool:
    """Press conferences, negated, hypothetical triggers and events used as a time."""
    if trigger.text == "Tagen":  # "nach 42 Tagen": days, not the verb "tagen"
        return True
    if trigger.text.lower().startswith(_NOT_EVENTS) or _preceded_by_press(text, trigger.start):
        return True
    before = text[max(0, trigger.start - 24) : trigger.start]
    if _ANCHOR.search(before) or _HYPOTHETICAL.search(before):
        return True
    if trigger.type == "sanction" and _SANCTIONS_TO_COME.search(before):
        # "as Tehran tries to stop the E3 from triggering the return of UN sanctions"
        return True
    if trigger.text.lower() in ("signed", "agreed") and _ARTICLE_BEFORE.search(before):
        # "A signed article by Xi was published", "the agreed target": an adjective, nothing
        # was signed that day.
        return True
    if (
        trigger.type == "agreement"
        and _ATTRIBUTIVE_PARTICIPLE.fullmatch(trigger.text)
        and _DETERMINER_BEFORE.search(text, max(0, trigger.start - 40), trigger.start)
        and _NOUN_AFTER.match(text, trigger.end)
    ):
        # "das in Den Haag vereinbarte Ziel", "die beschlossenen Sanktionen": named, not agreed.
        return True
    if trigger.type == "agreement" and _GOING_ON_AFTER.match(text, trigger.end):
        # "met in New York … and agreed to keep high-level contacts going", "hätten vereinbart,
        # die Verhandlungen fortzusetzen": to go on as before is no agreement of its own.
        return True
    if trigger.type == "agreement" and (
        _LEGISLATION_BEFORE.search(before) or _INTO_LAW_AFTER.match(text, trigger.end)
    ):
        # "Das Parlament hatte zuvor Gesetze beschlossen": a state's own laws, no agreement.
        return True
    if trigger.text[:4].lower() == "veto" and (
        _VETO_AHEAD_AFTER.match(text, trigger.end) or _VETO_AHEAD_BEFORE.search(before)
    ):
        # "Ungarn hat bereits ein Veto angekündigt", "threatened to veto": not cast (yet).
        return True
    if trigger.text[:6].lower() == "gather" and _CROWD_BEFORE.search(before):
        # "In Gaza, crowds gathered in Khan Younis to celebrate": no diplomats' meeting.
        return True
    negated = negation.search(text[max(0, trigger.start - 40) : trigger.start])
    if negated and not _ATTENDANCE.search(negated.group()):
        # "Rubio will not attend a meeting of NATO foreign ministers": the meeting still is.
        return True
    # German puts "nicht" last: "Unterschrieben wurde das Dokument allerdings nicht."
    return bool(
        _NEGATED_AT_END.match(text, trigger.end)
        or _NOT_PLANNED.match(text, trigger.end)
        or _NO_DATE_YET.match(text, trigger.end)
    )


_ATTENDANCE = re.compile(
    r"\b(?:attend\w*|join\w*|participate\w*|teilnehm\w*|teil|dabei|anwesend|present)\b",
    re.IGNORECASE,
)
_PRESS_BEFORE = re.compile(r"\b(?:press|news)\s+$", re.IGNORECASE)
_SANCTIONS_TO_COME = re.compile(
    r"\b(?:return|threat|prospect|risk|reimposition|Rückkehr|Wiedereinsetzung|Androhung|Drohung)"
    r"\s+(?:of|der|von|neuer)\s+(?:[\w-]+\s+){0,2}$"
    # "Mehrere Mitgliedstaaten dringen auf Sanktionen", "calls for sanctions": asked for
    r"|\b(?:dring|drang|dräng|poch)\w*\s+(?:\w+\s+){0,2}auf\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:calls?|called|calling|push(?:es|ed|ing)?|press(?:es|ed|ing)?)\s+for"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"(?:vereinbart|unterzeichnet|verabschiedet|gebilligt|beschlossen)(?:e|en|er|es|em)"
)
# An article, and at most a short phrase of place before the participle: "das in Den Haag
# vereinbarte Ziel". One of time dates it ("einer am Donnerstag verabschiedeten Erklärung").
_DETERMINER_BEFORE = re.compile(
    r"\b(?i:der|die|das|des|dem|den|ein|eine[mnrs]?|diese[mnrs]?|seine[mnrs]?|ihre[mnrs]?)\s+"
    r"(?:(?:in|bei|beim|auf|mit)\s+(?:(?:der|dem|den)\s+)?"
    r"[A-ZÄÖÜ][\w-]*\s+(?:[A-ZÄÖÜ][\w-]*\s+)?)?$"
)
_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")
_LEGISLATION_BEFORE = re.compile(
    r"\b(?:Gesetze?s?|Gesetzentw\w*|Haushalt\w*|Verfassungsänderung\w*|laws?|bills?|budgets?"
    r"|legislation|constitutional\s+amendments?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "Biden signed into law a foreign aid package", "unterzeichnete das Gesetz"
_INTO_LAW_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:into\s+law\b"
    r"|(?:das|ein|the|a)\s+(?:\w+\s+)?(?:Gesetz\w*|law|bill)\b(?!\s+enforcement))",
    re.IGNORECASE,
)
_VETO_AHEAD_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:angekündigt|angedroht|ankündigen|androhen"
    r"|einlegen\s+(?:will|wolle|werde))",
    re.IGNORECASE,
)
_VETO_AHEAD_BEFORE = re.compile(
    r"\b(?:threat(?:en(?:s|ed|ing)?)?|vows?|vowed|would|could|may|might)\s+(?:\w+\s+)?"
    r"(?:to\s+|a\s+)?$",
    re.IGNORECASE,
)
_CROWD_BEFORE = re.compile(
    r"\b(?:crowds?|protesters|demonstrators|thousands|hundreds|people|supporters|residents"
    r"|mourners|families|worshippers|fans|students)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _preceded_by_press(text: str, start: int) -> bool:
    return bool(_PRESS_BEFORE.search(text[max(0, start - 8) : start]))
