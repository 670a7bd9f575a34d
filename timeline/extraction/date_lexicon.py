"""Words of time in German and English: lookups for resolving, regex fragments for matching."""

from __future__ import annotations

_MONTH_STEMS = {
    "jan": 1, "jän": 1, "feb": 2, "mär": 3, "mae": 3, "mrz": 3, "mar": 3, "apr": 4,
    "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10,
    "nov": 11, "dez": 12, "dec": 12,
}  # fmt: skip

_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

_PARTS_OF_DAY = {
    "morgen": "morning", "früh": "morning", "frühen morgen": "morning", "vormittag": "morning",
    "mittag": "midday", "nachmittag": "afternoon", "abend": "evening", "nacht": "night",
    "morning": "morning", "noon": "midday", "midday": "midday", "afternoon": "afternoon",
    "evening": "evening", "night": "night", "tonight": "night", "overnight": "night",
}  # fmt: skip

_NUMBERS = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "hundert": 100, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip

# ISO 8601 designators; decades count as ten years.
_UNITS = (
    ("jahrzehnt", "10Y"), ("decade", "10Y"), ("tag", "D"), ("day", "D"), ("woche", "W"),
    ("week", "W"), ("monat", "M"), ("month", "M"), ("jahr", "Y"), ("year", "Y"),
    ("stunde", "H"), ("hour", "H"), ("minute", "MIN"), ("quartal", "Q"), ("quarter", "Q"),
)  # fmt: skip

_ORDINALS = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "letzten": 4, "first": 1,
    "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
}  # fmt: skip

PAST_MODIFIERS = (
    "vergangen",
    "letzt",
    "vorig",
    "zurückliegend",
    "last",
    "past",
    "previous",
    "recent",
)
FUTURE_MODIFIERS = ("kommend", "nächst", "folgend", "bevorstehend", "next", "coming", "following")


def month_number(word: str) -> int | None:
    return _MONTH_STEMS.get(word[:3].lower())


def weekday_number(word: str) -> int | None:
    return _WEEKDAYS.get(word.lower())


def part_of_day(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower().split()[-1]
    return _PARTS_OF_DAY.get(word)


def number_value(word: str | None) -> int | None:
    """The count a numeral stands for; None for vague ones such as "einigen" or "several"."""
    if not word:
        return None
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def unit_code(word: str) -> str:
    word = word.lower()
    for stem, code in _UNITS:
        if word.startswith(stem):
            return code
    return "D"


def ordinal_value(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return int(word) if word.isdigit() else _ORDINALS.get(word)


def direction_of(modifier: str | None) -> int:
    """-1 for "vergangene"/"last", +1 for "kommende"/"next", 0 for "diese"/"this" or none."""
    if not modifier:
        return 0
    modifier = modifier.lower()
    if modifier.startswith(("übernächst", "vorletzt")):
        return 2 if modifier.startswith("ü") else -2
    if modifier.startswith(PAST_MODIFIERS) or modifier == "this past":
        return -1
    if modifier.startswith(FUTURE_MODIFIERS) or modifier == "this coming":
        return 1
    return 0


def group(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def de_month(name: str = "month") -> str:
    full = "Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|"
    full += "November|Dezember"
    short = "Jan|Feb|Febr|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez"
    return group(name, rf"(?:{full})\b|(?:{short})(?:\.|\b)")


def en_month(name: str = "month") -> str:
    full = "January|February|March|April|May|June|July|August|September|October|November|December"
    short = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
    return group(name, rf"(?-i:(?:{full})\b|(?:{short})(?:\.|\b))")


def de_weekday(name: str = "wd") -> str:
    return group(name, "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag")


def en_weekday(name: str = "wd") -> str:
    return group(name, "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


def year(name: str = "year") -> str:
    return group(name, r"(?<![\d.,])(?:19\d\d|20\d\d)(?![\d]|[.,]\d)")


DE_NUMBER = (
    r"(?i:\d{1,3}|ein(?:e[mnrs]?)?|zwei|drei|vier|fünfzehn|fünf|sechs|sieben|acht|neun|zehn|elf"
    r"|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|einige[nm]?|mehrere[nm]?|wenige[nm]?"
    r"|ein paar)"
)
EN_NUMBER = (
    r"(?i:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|hundred|(?:a )?couple of|(?:a )?few|several)"
)
DE_UNIT = r"(?:Jahrzehnte?n?|Tage?n?|Wochen?|Monate?n?|Monats|Jahre?n?|Jahres|Stunden?|Minuten?)"
EN_UNIT = r"(?:decades?|days?|weeks?|months?|years?|hours?|minutes?)"
DE_PAST_MOD = r"(?:vergangen(?:e[nrms]?)?|letzte[nrms]?|vorige[nrms]?|zurückliegende[nrms]?)"
DE_FUTURE_MOD = r"(?:kommende[nrms]?|nächste[nrms]?|übernächste[nrms]?|folgende[nrms]?)"
DE_THIS_MOD = r"(?:diese[nrms]?|laufende[nrms]?)"
DE_MOD = f"(?:{DE_PAST_MOD}|{DE_FUTURE_MOD}|{DE_THIS_MOD})"
EN_MOD = r"(?:this coming|this past|this|next|last|coming|past|previous|current|following)"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
