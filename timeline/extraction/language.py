"""Tell German from English by their commonest function words; enough for agency news."""

import re

_WORD = re.compile(r"[a-zäöüß]+")
_GERMAN = frozenset(
    "der die das und ist nicht mit sich des dem den ein eine einer auch auf für von zu im "
    "wird werden hat haben sei nach bei über wie aus sie er es am vom zum zur dass noch".split()
)
_ENGLISH = frozenset(
    "the and of to in is was that for on with as by at from it be are has have said "
    "will would his her their this which an were after".split()
)


def detect_language(text: str) -> str:
    german = english = 0
    for word in _WORD.findall(text[:20000].lower()):
        german += word in _GERMAN
        english += word in _ENGLISH
    return "de" if german >= english else "en"
