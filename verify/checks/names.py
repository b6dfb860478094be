"""Proper names in article text and whom they stand for: shared by the checks that tie a
figure to a person (ages, births, conflicting figures, durations of one person's office)."""

from __future__ import annotations

import re
from functools import lru_cache

from verify.claims import Claim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts
from verify.vocab import MONTHS, WEEKDAYS

_NAME_WORD = r"[A-Z][\w'’-]*"
NAME = rf"{_NAME_WORD}(?:\s+(?:de\s+|van\s+|von\s+|da\s+|al-)?{_NAME_WORD}){{0,3}}"
_NAME_PHRASE = re.compile(NAME)
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | STOPWORDS


@lru_cache(maxsize=4096)  # a name recurs across an article and across articles
def clean_name(name: str) -> str | None:
    """A name without its possessive and the non-name words it opens with ("According",
    "Monday"); None when no name is left."""
    words = [word[:-2] if word.endswith(("'s", "’s")) else word for word in name.split()]
    while words and (words[0].lower() in _NOT_NAMES or words[0].lower() in ("according",)):
        words = words[1:]
    if not words or all(word.lower() in _NOT_NAMES for word in words):
        return None
    return " ".join(words)


def _names_in(text: str) -> set[str]:
    names = set()
    for match in _NAME_PHRASE.finditer(text):
        name = clean_name(match.group(0))
        if name:
            names.add(name)
    return names


def same_person(first: str, second: str) -> bool:
    """True when one name's words are all in the other ("Park" and "Park Won-soon")."""
    a, b = set(first.split()), set(second.split())
    return a <= b or b <= a


def _first_mentions(facts: Facts) -> dict[str, int]:
    """Each name of the body with the offset of its first mention."""
    body_start = facts.document.body_start
    first: dict[str, int] = {}
    for match in _NAME_PHRASE.finditer(facts.document.text, body_start):
        name = clean_name(match.group(0))
        if name and name not in first:
            first[name] = match.start()
    return first


def mentions(facts: Facts) -> dict[str, int]:
    """:func:`_first_mentions`, found once per article and only when a name is to be completed (read-only)."""
    return facts.memo("first mentions", lambda: _first_mentions(facts))


def full_name(person: str, position: int, first_mentions: dict[str, int]) -> str | None:
    """A bare surname stands for the one full name introduced before it.

    None when that is ambiguous: several full names carry it, or one is
    introduced only later (then the surname may be someone else).
    """
    if " " in person:
        return person
    fuller = {name for name in first_mentions if person in name.split() and name != person}
    before = {name for name in fuller if first_mentions[name] < position}
    if len(before) > 1 or (fuller and not before):
        return None
    return before.pop() if before else person


def names_before(facts: Facts, claim: Claim) -> set[str]:
    """Proper names in the claim's sentence before it: who or what it is about."""
    text = facts.document.text
    sentence_start = facts.document.sentences[claim.sentence][0] if facts.document.sentences else 0
    return {name for name in _names_in(text[sentence_start : claim.span.start]) if " " in name or len(name) > 3}


def shared_name(first: set[str], second: set[str]) -> str | None:
    """The fullest name standing for one person named in both sets, or None."""
    shared = [a if len(a) >= len(b) else b for a in first for b in second if same_person(a, b)]
    return max(shared, key=len) if shared else None


def full_name_mentions(facts: Facts) -> list[tuple[int, str]]:
    """Each mention of a name of two or more words with the offset where it ends, in text
    order (found once per article)."""

    def compute() -> list[tuple[int, str]]:
        found = []
        for match in _NAME_PHRASE.finditer(facts.document.text):
            name = clean_name(match.group(0))
            if name is not None and " " in name:
                found.append((match.end(), name))
        return found

    return facts.memo("full name mentions", compute)
