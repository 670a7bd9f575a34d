"""Alternations regrouped by first letter match exactly what the plain alternation matches."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.first_letters import by_first_letter
from timeline.extraction.triggers import _BY_FIRST_LETTER, _ENGLISH, _GERMAN, _compile

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
