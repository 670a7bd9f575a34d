"""Alternations regrouped by first letter match exactly what the plain alternation matches."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.first_letters import by_first_letter
from timeline.extraction.triggers import (
    _BY_FIRST_LETTER,
    _ENGLISH,
    _GERMAN,
    _GERMAN_HEADS,
    _HEADS_BY_FIRST_LETTER,
    _compile,
)

TABLES = {"de": _GERMAN, "en": _ENGLISH}


def _plain(phrases):
    return re.compile(
        r"\b(?=[^\W\d_])(?:" + "|".join(f"(?P<{kind}>{p})" for kind, p in phrases) + ")"
    )


def _found_plain(phrases, text):
    return [(m.span(), m.lastgroup) for m in _plain(phrases).finditer(text)]


def _found_by_first_letter(phrases, text):
    pattern, kinds = by_first_letter(phrases)
    return [(m.span(), kinds[m.lastindex - 1]) for m in re.finditer(r"\b" + pattern, text)]


@pytest.mark.parametrize(
    ("phrases", "text", "kinds"),
    [
        # The first phrase that matches wins, even the shorter one.
        ([("a", r"treff\w*"), ("b", "treffen mit")], "sie treffen mit ihm", ["a"]),
        ([("a", "tag"), ("b", r"tag\w+")], "der tagung", ["a"]),
        # A group opening the phrase, optional or not.
        ([("a", r"(?:erste|zweite)\s+runde"), ("b", "zweite")], "die zweite runde", ["a"]),
        ([("a", r"(?:final\s+)?communiqué"), ("b", "final")], "the final communiqué", ["a"]),
        ([("a", r"(?:final\s+)?communiqué"), ("b", "final")], "the final word", ["b"]),
        # A lookbehind before the first letter still looks at the words before it.
        ([("a", r"(?<!man\s)sich\s+einigen")], "dass man sich einigen kann", []),
        ([("a", r"(?<!man\s)sich\s+einigen")], "konnten sich einigen", ["a"]),
        # Phrases open words only.
        ([("a", "gipfel")], "natogipfel gipfeltreffen", ["a"]),
    ],
)
def test_it_finds_what_the_plain_alternation_finds(phrases, text, kinds):
    found = _found_by_first_letter(phrases, text)
    assert found == _found_plain(phrases, text)
    assert [kind for _span, kind in found] == kinds


@pytest.mark.parametrize("phrase", [r"\w+er", r"s?ich", r"(?:ab|an)+gesagt", "[ab]c", r"\bab"])
def test_it_refuses_a_phrase_without_a_first_letter_to_dispatch_on(phrase):
    with pytest.raises(ValueError):
        by_first_letter([("a", phrase)])


def _words_of(table):
    """Words and pieces of the table's phrases, to build texts that nearly match."""
    return sorted(set(re.findall(r"[a-zäöüßé']+", " ".join(p for _w, p in table.values()))))


@pytest.mark.parametrize("lang", ["de", "en"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_trigger_patterns_find_what_the_tables_say(lang, data):
    table = TABLES[lang]
    words = _words_of(table) + ["der", "the", "man", "nicht", "und", "2024", "-", ".", ","]
    text = " ".join(data.draw(st.lists(st.sampled_from(words), max_size=30)))
    pattern, kinds = _BY_FIRST_LETTER[lang]
    plain = _compile(table)
    assert [(m.span(), kinds[m.lastindex - 1]) for m in pattern.finditer(text)] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_words_of(_GERMAN_HEADS), "nato", "-", " ", "s"]), max_size=30))
def test_the_compound_heads_are_found_inside_words_as_the_table_says(pieces):
    text = "".join(pieces)
    pattern, kinds = _HEADS_BY_FIRST_LETTER
    plain = _compile(_GERMAN_HEADS, opening="")
    assert [(m.span(), kinds[m.lastindex - 1]) for m in pattern.finditer(text)] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text)
    ]


def _first_codes(items):
    """The characters a parsed pattern can open with, or None when it could open with any."""
    import re._constants as c

    codes = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item opens the match
        if op is c.LITERAL:
            return codes | {av}
        if op is c.IN and all(o in (c.LITERAL, c.RANGE, c.CATEGORY) for o, _a in av):
            for o, a in av:
                if o is c.CATEGORY and a not in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
                    return None
                # \d stands for itself: the same digits on both sides of the comparison.
                codes |= (
                    {a}
                    if o is c.LITERAL
                    else {-1}
                    if o is c.CATEGORY
                    else set(range(a[0], a[1] + 1))
                )
            return codes
        if op is c.BRANCH:
            for branch in av[1]:
                opened = _first_codes(branch)
                if opened is None:
                    return None
                codes |= opened
            return codes
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            opened = _first_codes(av[3])
            return None if opened is None else codes | opened
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            opened = _first_codes(av[2])
            if opened is None:
                return None
            codes |= opened
            if av[0] >= 1:
                return codes
            continue  # "(?:noch\s+)?nicht": the item may be left out, so what follows opens too
        return None
    return None  # the pattern may match the empty string


# "\b(?=[acfosu])", "\b(?=[dfknstvz\d])": letters written out (not a class such as [a-zäöüß]),
# opening the pattern or after a stretch it skips ("[^.!?;:,]{0,60}?\b(?=[ahinsw])").
_LETTERS_AHEAD = re.compile(r"(?:\[[^]]+\]\{\d+,\d+\}\?)?\\b\(\?=\[(?:[^]^\\-]|\\d)+\]\)")


def _patterns_with_a_first_letter_lookahead():
    import importlib
    import pkgutil

    import timeline.extraction

    for module in pkgutil.iter_modules(timeline.extraction.__path__):
        found = importlib.import_module(f"timeline.extraction.{module.name}")
        for name, value in vars(found).items():
            for pattern in value.values() if isinstance(value, dict) else [value]:
                if isinstance(pattern, re.Pattern) and _LETTERS_AHEAD.match(pattern.pattern):
                    yield pytest.param(pattern, id=f"{module.name}.{name}")


@pytest.mark.parametrize("pattern", list(_patterns_with_a_first_letter_lookahead()))
def test_a_first_letter_lookahead_admits_every_letter_the_pattern_opens_with(pattern):
    import re._parser

    skipped = re.match(r"\[[^]]+\]\{\d+,\d+\}\?", pattern.pattern)
    opening = skipped.end() if skipped else 0
    lookahead, _, rest = pattern.pattern[opening + len(r"\b(?=") :].partition(")")
    admitted = _first_codes(re._parser.parse(lookahead, pattern.flags).data)
    opened = _first_codes(re._parser.parse(r"\b" + rest, pattern.flags).data)
    assert admitted is not None and opened is not None
    if pattern.flags & re.IGNORECASE:
        admitted, opened = (
            {chr(c).lower() if c >= 0 else c for c in s} for s in (admitted, opened)
        )
    assert opened <= admitted
