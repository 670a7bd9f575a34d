"""Long alternations of phrases, regrouped by their first letter for the regex engine.

The engine tries the alternatives of `(?:a|b|c)` one after another at every position, and it
skips one cheaply only when the alternative opens with a plain letter. `by_first_letter` turns
`(?:treffen|tagte|besuch\\w*)` into `(?:t(?:reffen|agte)|b(?:esuch\\w*))`: at a word that opens
with neither letter the engine makes two quick comparisons instead of entering every phrase.
The order of the phrases that open with one letter is kept, and phrases with other first
letters cannot match there, so the first phrase that matches is the same one.

Only the forms the trigger tables use are taken apart: a letter, a non-capturing group (also
optional), a fixed-width lookbehind. Anything else raises, so a new phrase of another form is
noticed when the module is imported, not silently matched differently.
"""

from __future__ import annotations

_QUANTIFIERS = ("?", "*", "+", "{")


def by_first_letter(phrases: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """(pattern, kinds) for phrases given as (kind, alternation): each phrase ends in an empty
    group, so `kinds[match.lastindex - 1]` is the kind of the phrase that matched. Phrases open
    words: those that open with no letter are left out."""
    buckets: dict[str, list[tuple[str, str]]] = {}
    for kind, alternation in phrases:
        for phrase in alternatives(alternation):
            for letter, rest in _after_first_letter(phrase).items():
                buckets.setdefault(letter, []).append((rest, kind))
    kinds: list[str] = []
    branches: list[str] = []
    for letter, rests in buckets.items():
        if letter.isalpha():
            branches.append(letter + "(?:" + "|".join(rest + "()" for rest, _kind in rests) + ")")
            kinds.extend(kind for _rest, kind in rests)
    return "(?:" + "|".join(branches) + ")", kinds


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts: list[str] = []
    start = depth = 0
    for position, char in _unescaped(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:position])
            start = position + 1
    parts.append(source[start:])
    return parts


def _after_first_letter(phrase: str) -> dict[str, str]:
    """{letter: what must follow it} for each letter the phrase may open with, in the order
    the phrase tries them."""
    if phrase[:1].isalpha() or phrase[:1] in "'’":
        if phrase[1:2] and phrase[1] in _QUANTIFIERS:
            raise ValueError(f"a quantified first letter: {phrase!r}")
        return {phrase[0]: phrase[1:]}
    if phrase.startswith("(?:"):
        end = _group_end(phrase)
        inner, rest = phrase[3 : end - 1], phrase[end:]
        if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
            # "(?:final\s+)?communiqué": with the group first, then without it.
            with_group = _after_first_letter(phrase[:end] + rest[1:])
            without = _after_first_letter(rest[1:])
            merged = {letter: [after] for letter, after in with_group.items()}
            for letter, after in without.items():
                merged.setdefault(letter, []).append(after)
            return {letter: "(?:" + "|".join(afters) + ")" for letter, afters in merged.items()}
        if rest[:1] in _QUANTIFIERS:
            raise ValueError(f"a quantified first group: {phrase!r}")
        opened: dict[str, list[str]] = {}
        for alternative in alternatives(inner):
            for letter, after in _after_first_letter(alternative).items():
                opened.setdefault(letter, []).append(after)
        return {letter: "(?:" + "|".join(afters) + ")" + rest for letter, afters in opened.items()}
    if phrase.startswith(("(?<!", "(?<=")):
        # "(?<!man\s)sich": looked at one letter later, the lookbehind spans that letter too.
        end = _group_end(phrase)
        behind = phrase[: end - 1] + ".)"
        following = _after_first_letter(phrase[end:])
        return {letter: behind + after for letter, after in following.items()}
    raise ValueError(f"no first letter to dispatch on: {phrase!r}")


def _group_end(source: str) -> int:
    """The offset just after the group that opens `source`."""
    depth = 0
    for position, char in _unescaped(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
    raise ValueError(f"an unclosed group: {source!r}")


def _unescaped(source: str) -> list[tuple[int, str]]:
    """The characters of a pattern that are syntax: not escaped, not inside a class."""
    found: list[tuple[int, str]] = []
    position, in_class = 0, False
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            found.append((position, char))
        position += 1
    return found
