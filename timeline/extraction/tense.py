"""The tense around a span of text: enough to tell "traf am Montag" from "will am Montag reisen".

The clause around the span (bounded by commas, quotes, dashes) is read first, then the sentence.
The tense marker nearest to the span decides, so "sagte am Montag, man werde am Mittwoch
verhandeln" gives Monday the past and Wednesday the future. Without any marker the clause is
"present", which in news about a weekday means the coming one.
"""

from __future__ import annotations

import re

_WINDOW = 320
# Both open with a character class, which the regex engine skips to without trying each
# position: a sentence ends at [.!?] not after a digit or space or an initial ("U.N."), or at a
# newline; a clause at punctuation or a spaced dash.
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<![\d\s].)(?<![.\s][A-Z].)[.!?]*[\"'”“»]*\s+(?=[\"'„“«(]?[A-ZÄÖÜ]))"
)
_CLAUSE_BREAK = re.compile(r"[,;:()„“”\"«»\s](?:(?<=[,;:()„“”\"«»])|(?<=\s)[-–—]\s)")

_DE_FUTURE = (
    r"wird|werden|werde|wirst|würden?|will|wollen|wolle|soll|sollen|solle|plant|planen"
    r"|geplant|vorgesehen|angesetzt|anberaumt|terminiert|erwartet|bevorstehend\w*|kommende[nrms]?"
    r"|nächste[nrms]?|demnächst|möchten?|beabsichtig\w+|[a-zäöüß]+zu[a-zäöüß]+en"
    # "um Putin zu treffen"; not "zu unerwünschten Personen erklärt hatte": an infinitive
    # closes its clause, an adjective has its noun after it
    r"|zu\s+[a-zäöüß]+en\b(?!\s+[A-ZÄÖÜ])"
)
_DE_PAST = (
    r"war|waren|warst|hatte|hatten|hattest|wurde|wurden|worden|zuvor|bereits|vergangene[nrms]?"
    r"|letzte[nrms]?|vorige[nrms]?|ge[a-zäöüß]{3,}(?:t|en)\s+(?:haben|sein|worden)"
    # Strong and mixed past forms common in news; "-en" makes the plural.
    # A separable prefix may be glued on: "bekanntgab", "zusammenkam", "teilnahm".
    r"|(?:bekannt|an|auf|aus|ab|bei|ein|fest|frei|mit|nach|vor|zu|zurück|zusammen|statt|teil"
    r"|weiter|fort|um)?"
    r"(?:traf|kam|fand|sprach|hielt|nahm|gab|empfing|wies|beriet|verließ|rief|schrieb|ging"
    r"|stand|trat|begann|erhielt|lud|flog|griff|schlug|fiel|zog|sah|lief|blieb|stieg|fuhr"
    r"|brach|saß|lag|schoss|starb|warf|bat|bot|schwieg|verlor|gewann|befahl|beschloss"
    r"|entschied|erschien|tat|zwang|floh|unterschrieb|verbot|verschwand|hieß|einigte)(?:en|n)?"
    r"|(?:sagte|erklärte|teilte|betonte|kündigte|telefonierte|reiste|besuchte|unterzeichnete"
    r"|forderte|warnte|verkündete|bestätigte|berichtete|lehnte|zeigte|drohte|verhandelte"
    r"|landete|eröffnete|stimmte|verabschiedete|äußerte|meldete|kritisierte|verurteilte"
    r"|vereinbarte|endete|führte|bekräftigte|versicherte|mahnte|begrüßte|bezeichnete|verwies"
    r"|legte|stellte|machte|brachte|dachte|kannte|nannte|wandte|sandte)n?"
    r"|unterstrich|flohen"
)
_DE_AUX = r"hat|haben|habe|hast|ist|sind|bin|seid"
# A lowercase participle: "getroffen", "angekündigt", "zusammengekommen".
_DE_PARTICIPLE = re.compile(
    r"\b(?=[a-zäöüß])(?!gegen\b|gestern\b|genau\b|gerade\b|gemeinsam\b|gegenüber\b|geben\b"
    r"|gehen\b|gelten\b|genug\b"
    # "Beim Gipfel am Samstag ist kein Treffen vorgesehen": planned, a state, not the past.
    r"|vorgesehen\b|geplant\b|angesetzt\b|terminiert\b)"
    r"[a-zäöüß]{0,9}ge[a-zäöüß]{2,}(?:t|en)\b|\b(?=[a-zäöüß])(?!terminiert\b)[a-zäöüß]{3,}iert\b"
)
# An inseparable prefix has no "ge-": "haben … eine Einigung erzielt." — with "haben" only,
# since "ist … begleitet" describes a state.
_DE_INSEPARABLE = re.compile(
    r"\b(?:be|emp|ent|er|ver|zer|unter|über)[a-zäöüß]{3,}t\b(?=\s*[.,;:!?])"
)
_DE_HABEN = re.compile(r"\b(?:hat|haben|habe|hast)\b")
# Weak: "-te(n)" forms such as "warnte"; ordinals, superlatives, subjunctives and infinitives
# of t-stems ("beraten", "halten") excluded.
_DE_WEAK_PAST = (
    r"(?!(?:erste|letzte|nächste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte"
    r"|zehnte|bitte|gute|weite|breite|rechte|späte|harte|echte|konkrete|direkte"
    r"|halten|gelten|warten|richten|fürchten|schalten|gestalten|[a-zäöüß]*halten)n?\b)"
    r"(?!(?:könn|müss|dürf|möch|soll|hät|wür)te)(?!ge)[a-zäöüß]{2,}[^\Waeiouäöüst]ten?"
    # "ordnete … an", "öffnete", "leitete": an e before the ending after d, t and some n.
    r"|(?!ge|verbündete)[a-zäöüß]+(?:d|t|chn|dn|ffn|gn)eten?"
)
_EN_FUTURE = (
    # "will be held", "is to be signed": the passive of the future, whose participle is no
    # past ("held" alone is).
    r"(?:will|'ll|shall|would|is\s+to|are\s+to)\s+(?:not\s+)?be\s+[a-z]+"
    # "plans to"/"plan to", never the noun ("met on Monday to draw up a plan to …").
    r"|will|'ll|shall|won't|would(?!\s+have)|due|expected|scheduled|set to|planned"
    r"|(?<!\ba\s)(?<!\bthe\s)plans?\s+to"
    r"|planning|going to|intends?|upcoming|next|coming|slated|poised|aims? to|hopes? to"
    r"|is to|are to"
)
_EN_PAST = (
    r"said|told|met|held|spoke|was|were|had|agreed|signed|took|came|went|left|arrived|visited"
    r"|announced|called|made|gave|began|ended|reached|rejected|warned|urged|discussed|declared"
    r"|decided|launched|saw|sent|won|lost|fell|rose|flew|ago|earlier|last|previous|past"
    r"|ran|led|fought|struck|sought|brought|thought|felt|kept|paid|stood|wrote|broke|chose"
    r"|drew|became|did|got|grew|knew|meant|sold|shook|spent|withdrew|began|heard|found|put"
    r"|(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|met|held|spoken|told|made|gone|come)"
)
_EN_WEAK_PAST = (
    r"(?!(?:need|speed|feed|indeed|seed|bed|red|shed|embed|based|united|limited|interested"
    r"|concerned|related|armed|detailed|alleged|advanced)\b)[a-z]{2,}ed"
)


def _markers(future: str, past: str, weak: str) -> re.Pattern[str]:
    # Every marker opens with a lower-case letter or an apostrophe ("'ll"): the lookahead lets
    # the engine pass over other words without trying each alternative.
    return re.compile(
        rf"\b(?=[a-zäöüß'])(?:(?P<future>{future})|(?P<past>{past})|(?P<weak>{weak}))\b"
    )


_MARKERS = {
    "de": _markers(_DE_FUTURE, _DE_PAST, _DE_WEAK_PAST),
    "en": _markers(_EN_FUTURE, _EN_PAST, _EN_WEAK_PAST),
}
_PERFECT_AUX = {"de": re.compile(rf"\b(?:{_DE_AUX})\b"), "en": None}


_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:(?:zu|mit|an|in|bei|von|auf|für|über|nach)\s+)?"
    r"(?:dem|der|den|die|das|denen|dessen|deren|welche[mnrs]?|which|who|whom|whose)\b"
)


_CLAUSE_COMMA = re.compile(r",\s+(?![A-ZÄÖÜ])")
_RELATIVE_OPENING = re.compile(
    r"\s*(?:(?:zu|mit|an|in|bei|von|auf|für|über|nach)\s+)?"
    r"(?:dem|der|den|die|das|denen|dessen|deren|welche[mnrs]?|which|who|whom|whose|where|wo)\b"
)


def clause_tense(text: str, start: int, end: int, lang: str) -> str:
    """ "past", "future" or "present" for the span text[start:end]."""
    sentence = _sentence_bounds(text, start, end)
    clause = _clause_bounds(text, start, end, sentence)
    if clause[0] > sentence[0] and _RELATIVE_OPENING.match(text, clause[0], start):
        # "…, which meets in Vienna in September": the relative clause has its own tense, up
        # to its closing comma ("…, zu dem Trump am Donnerstagabend (Ortszeit) … geladen
        # hatte": a bracket does not close it).
        # A comma before a capital lists names ("Kasachstans, Usbekistans, …").
        comma = _CLAUSE_COMMA.search(text, end, sentence[1])
        own = (clause[0], comma.start() if comma else sentence[1])
        return _tense_in(text, own, start, end, lang) or "present"
    # A relative clause after the expression tells of something else ("…, zu dem Macron
    # eingeladen hat"): its tense does not date the main clause.
    relative = _RELATIVE_CLAUSE.search(text, end, sentence[1])
    main = (sentence[0], relative.start() if relative else sentence[1])
    scopes = [clause, main]
    before = _relative_before(text, sentence[0], clause[0])
    if before is not None:
        # "Der zweitägige Gipfel, den Guterres am Morgen eröffnet hatte, endet am Montag": the
        # relative clause before the expression is not the main clause's tense either.
        scopes = [clause, (before[1], main[1]), (main[0], before[0])]
    for scope in scopes:
        tense = _tense_in(text, scope, start, end, lang)
        if tense:
            return tense
    return "present"


def _relative_before(text: str, sentence_start: int, clause_start: int) -> tuple[int, int] | None:
    """The relative clause that closes with a comma just before the expression's clause."""
    found = None
    for match in _RELATIVE_CLAUSE.finditer(text, sentence_start, clause_start):
        if text.find(",", match.end(), clause_start) >= 0:
            found = (match.start(), clause_start)
    return found


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(0, start - _WINDOW)
    left = low
    # The boundary's lookahead must see the capital that opens the span's own sentence.
    for match in _SENTENCE_END.finditer(text, low, min(len(text), start + 2)):
        if match.end() <= start:
            left = match.end()
    right_match = _SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    right = right_match.start() + 1 if right_match else min(len(text), end + _WINDOW)
    return left, right


def _clause_bounds(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    left = sentence[0]
    for match in _CLAUSE_BREAK.finditer(text, sentence[0], start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end, sentence[1])
    return left, right_match.start() if right_match else sentence[1]


def _tense_in(text: str, scope: tuple[int, int], start: int, end: int, lang: str) -> str | None:
    strong: list[tuple[int, str]] = []
    weak: list[int] = []
    for match in _MARKERS.get(lang, _MARKERS["en"]).finditer(text, *scope):
        if start <= match.start() < end:
            continue
        gap = match.start() - end if match.start() >= end else start - match.end()
        if lang == "en" and match.start() >= end:
            # English puts the verb before its adverbials: in "told Macron on Monday he would",
            # the date belongs to "told".
            gap *= 2
        if match.lastgroup == "weak":
            weak.append(gap)
        else:
            strong.append((gap, match.lastgroup or "present"))
    strong.extend((gap, "past") for gap in _perfect_markers(text, scope, start, end, lang))
    if strong:
        return min(strong)[1]
    return "past" if weak else None


def _perfect_markers(
    text: str, scope: tuple[int, int], start: int, end: int, lang: str
) -> list[int]:
    """German perfect tense: "hat ... getroffen", "sind ... zusammengekommen"."""
    aux = _PERFECT_AUX.get(lang)
    if aux is None:
        return []
    found = list(aux.finditer(text, *scope))
    if not found:
        return []  # no auxiliary, no perfect: the costly participle patterns are not needed
    if not _DE_PARTICIPLE.search(text, *scope):
        if not _DE_INSEPARABLE.search(text, *scope):
            return []
        found = list(_DE_HABEN.finditer(text, *scope))
    return [m.start() - end if m.start() >= end else start - m.end() for m in found]
