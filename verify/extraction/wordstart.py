"""Word alternations written so that Python's regex engine can skip ahead quickly.

``\\b(?:Monday|Tuesday|...)`` makes the engine try the whole pattern at every
position of the text: a pattern that opens with a word boundary or a lookaround
gets no first-character shortcut. The same alternation written as
``M(?<!\\w.)(?:onday)|T(?<!\\w.)(?:uesday|hursday)|...`` opens every branch with a
literal character, so the engine scans at C speed for those characters and tries
the pattern only there. ``(?<!\\w.)`` after the first character is the word
boundary before it (no word character precedes it), so both forms match the same
text in the same places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: The word boundary before the character just matched (itself a word character).
BOUNDARY_BEHIND = r"(?<!\w.)"

_CASE_CLASS = re.compile(r"^\[([A-Za-z])([A-Za-z])\]")


def expand_case(words: list[str]) -> list[str]:
    """``[Ii]n`` → ``In``, ``in``: a leading two-letter class as two literal words, in order."""
    result: list[str] = []
    for word in words:
        match = _CASE_CLASS.match(word)
        if match:
            rest = word[match.end() :]
            result.extend((match[1] + rest, match[2] + rest))
        else:
            result.append(word)
    return result


def word_start(words: list[str], behind: str = BOUNDARY_BEHIND) -> str:
    """``\\b(?:word|word|...)`` as branches that each open with their literal first character.

    ``words`` are regex fragments, each starting with a literal word character that no
    quantifier follows (``Sept\\.?`` is fine). Branches with the same first character keep
    their order, so the alternation prefers the same word as the original. ``behind`` is
    the check placed after the first character (default: the word boundary before it).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        first, rest = word[0], word[1:]
        if not (first.isalnum() or first == "_") or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"{word!r} does not start with a literal word character")
        groups.setdefault(first, []).append(rest)
    return "|".join(f"{re.escape(first)}{behind}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: Characters other than the two cases that a letter matches under ``re.IGNORECASE``
#: (Python 3.11's Unicode case folding): "ſ" for s, "K" (Kelvin) for k, "İ", "ı" for i.
_FOLDS = {"i": "İı", "k": "K", "s": "ſ"}


def case_variants(letter: str) -> str:
    """Every character that ``letter`` matches under ``re.IGNORECASE``."""
    lower = letter.lower()
    return "".join(dict.fromkeys(lower + letter.upper() + _FOLDS.get(lower, "")))


def dispatch(branches: list[tuple[str, str]], common: str = "") -> str:
    """A pattern that consumes its first character from one class, then goes on by it.

    ``branches`` are (characters or class body such as ``\\d``, the regex for the rest
    after that first character), tried in order. Written as ``[all first characters]``
    followed by ``(?<=[first])rest`` branches, the pattern opens with a character class,
    which lets the engine skip at C speed to where a match can start. ``common`` is a
    check every branch makes first (a word boundary): placed once, before the branches,
    it turns most candidate characters (inside words) away at once.
    """
    first = "".join(dict.fromkeys(chars for chars, _ in branches))
    rests = "|".join(f"(?<=[{chars}]){rest}" for chars, rest in branches)
    return f"[{first}]{common}(?:{rests})"


def ignorecase_words(words: list[str], behind: str = BOUNDARY_BEHIND) -> list[tuple[str, str]]:
    """``\\b(?i:word|word|...)`` as :func:`dispatch` branches, one per first letter.

    Words keep their order within a first letter; the first letter matches in any case
    (as ``re.IGNORECASE`` would) and the rest of each word is matched ignoring case.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        first, rest = word[0], word[1:]
        if not first.isalpha() or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"{word!r} does not start with a literal letter")
        groups.setdefault(first.lower(), []).append(rest)
    return [(case_variants(first), f"{behind}(?i:{'|'.join(rests)})") for first, rests in groups.items()]


def scan(fast: re.Pattern[str], full: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``full.finditer(text, start, end)``, found with ``fast``: the same pattern without its
    groups, written to open with literal characters. Each place ``fast`` matches, ``full``
    matches alike and gives the groups."""
    position = start
    for hit in fast.finditer(text, start, end):
        match = full.match(text, hit.start(), end)
        if match is None or match.end() != hit.end():
            # Were the two ever to disagree, ``full`` alone goes on from the last match.
            yield from full.finditer(text, position, end)
            return
        position = match.end()
        yield match


#: Characters besides A-Z and a-z that a case-insensitive regex equates with an ASCII letter
#: ("İ" with "i", "ſ" with "s", the Kelvin sign with "k"); "İ" is also the one character
#: whose lower case is longer, which would shift offsets.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def lowered_for_search(text: str) -> str:
    """``text.lower()``, offset for offset, or "" when a substring search of it cannot stand
    for a case-insensitive regex (the text holds a letter of :data:`FOLDS_TO_ASCII`)."""
    return "" if any(letter in text for letter in FOLDS_TO_ASCII) else text.lower()


def finditer_at(
    pattern: re.Pattern[str], text: str, lowered: str, openings: Iterable[str], start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern whose every match opens with one of
    ``openings`` in any case (after zero-width checks): the pattern is tried only where an
    opening stands in ``lowered`` (see :func:`lowered_for_search`), found by plain substring
    search, rather than at every offset. An empty ``lowered`` or a non-ASCII opening scans all."""
    needles = {opening.lower() for opening in openings}
    if not lowered or not all(needle and needle.isascii() for needle in needles):
        yield from pattern.finditer(text, start, end)
        return
    starts: set[int] = set()
    for needle in needles:
        index = lowered.find(needle, start, end)
        while index >= 0:
            starts.add(index)
            index = lowered.find(needle, index + 1, end)
    resume = start  # matches do not overlap: the search resumes where the last match ended
    for candidate in sorted(starts):
        if candidate >= resume and (match := pattern.match(text, candidate, end)) is not None:
            yield match
            resume = max(match.end(), candidate + 1)
