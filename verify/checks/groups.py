"""How many people a group holds, as the article states or implies it.

A group is tied to its sentence by a cue ("on board", "aboard"). Its size is
read three ways:

* stated: "four people on board", "nine passengers aboard";
* named plus others: "Kobe Bryant and eight others on board" is 1 + 8, "A,
  his daughter B, and eight others" is 2 + 8 (each name is one person);
* a part and the rest: "one was pronounced dead, with the other four taken to
  hospital" is 1 + 4 ("the other N", "the remaining N", "the N others").

Only bare counts are read; "at least four" is an estimate. Anything doubtful
(a list item that may not be a person, a rest with a noun of its own) gives
no size rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.extraction.lexicon import STOPWORDS
from verify.extraction.numbers import parse_number
from verify.vocab import MONTHS, WEEKDAYS

#: No group of people this article speaks of is larger: a longer run of digits is not a count.
_MOST = 10_000_000

_NUM = r"(?:\d{1,4}|[a-z]+(?:-[a-z]+)?)"
_OTHERS = re.compile(rf"\band\s+(?P<n>{_NUM})\s+others\b", re.IGNORECASE)
_REST = re.compile(
    rf"\bthe\s+(?:other|remaining)\s+(?P<n>{_NUM})\b(?!\s+(?:of|per|to)\b)|\bthe\s+(?P<m>{_NUM})\s+others\b",
    re.IGNORECASE,
)
_PART = re.compile(
    rf"(?:^|[,;:—–(]\s*|\b(?:and|while|with|but)\s+)(?P<n>{_NUM})\s+"
    r"(?=(?:of\s+(?:them|those|whom)\b|was\b|were\b|had\b|has\b|died\b|survived\b|is\b|are\b))",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
#: Words that may follow "the other four" when it stands alone, not before a noun of its own.
_AFTER_REST = frozenset(
    "were was are is being been had have has survived died suffered escaped remain remained remains who and in on at "
    "with to from were also all".split()
)
_APPROX_BEFORE = re.compile(r"\b(?:at\s+least|about|around|nearly|almost|over|more\s+than|some|up\s+to)\s*$", re.I)
_NOT_NAMES = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS)
_BOUNDARY = re.compile(r"[;:()—–\"“”]|\s-\s")
_NOT_ITEM_START = frozenset(
    "on in at after before during when while according as by for from of since the a an this that".split()
)


@dataclass(frozen=True)
class GroupSize:
    """One statement of a group's size: where it stands and how it was read."""

    size: int
    start: int
    end: int
    how: str  # "stated", "named", "rest"


def _number(word: str) -> int | None:
    value = parse_number(word.lower())
    if value is None or not 1 <= value <= _MOST or value != int(value):
        return None
    return int(value)


def stated_sizes(text: str, start: int, end: int, people: dict[str, str], cues: list[str]) -> list[GroupSize]:
    """ "four people on board", "seven passengers were aboard": a bare count of a people noun right before a group cue."""
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in sorted(people, key=len, reverse=True))
    pattern = re.compile(rf"\b(?P<n>{_NUM})\s+(?:{nouns})\s+(?:(?:were|was|are)\s+)?(?:{cue})\b", re.IGNORECASE)
    found = []
    for match in pattern.finditer(text, start, end):
        value = _number(match["n"])
        if value is not None and not _APPROX_BEFORE.search(text, start, match.start()):
            found.append(GroupSize(value, match.start(), match.end(), "stated"))
    return found


def named_sizes(text: str, start: int, end: int) -> list[GroupSize]:
    """ "A, B, and eight others": the names before "and N others", one person each, plus N."""
    found = []
    for match in _OTHERS.finditer(text, start, end):
        value = _number(match["n"])
        if value is None:
            continue
        named = _named_before(text[start : match.start()])
        if named:
            found.append(GroupSize(named + value, match.start("n"), match.end(), "named"))
    return found


def _named_before(lead: str) -> int | None:
    """How many people a list names before its "and": each comma item with a capitalised name."""
    lead = _BOUNDARY.split(lead)[-1].rstrip().rstrip(",")
    segments = [segment.strip() for segment in lead.split(",")]
    last = segments.pop()
    if not _has_name(last):
        return None  # "the pilot and two others": not a name, the size stays unknown
    named = 1
    for segment in reversed(segments):
        words = segment.split()
        if not words or len(words) > 6 or words[0].lower() in _NOT_ITEM_START:
            break  # "On Sunday morning, ...": the clause before the list
        if not _has_name(segment):
            return None
        named += 1
    return named


def _has_name(segment: str) -> bool:
    """True when a list item names someone: a capitalised word that is no function word, month or weekday."""
    return any(word.lower() not in _NOT_NAMES for word in re.findall(r"\b[A-Z][a-z][\w'’-]*", segment))


def rest_sizes(text: str, start: int, end: int, people: dict[str, str]) -> list[GroupSize]:
    """ "one was pronounced dead, with the other four taken to hospital": the part before the rest, plus the rest."""
    found = []
    for match in _REST.finditer(text, start, end):
        rest = _number(match["n"] or match["m"])
        following = _NEXT_WORD.match(text, match.end(), end)
        if rest is None or (following is not None and following[1] not in people and following[1] not in _AFTER_REST):
            continue  # "the other four vehicles": a rest of something else
        before = text[start : match.start()]
        parts = list(_PART.finditer(before))
        if not parts:
            continue
        part = parts[-1]
        value = _number(part["n"])
        if value is None or _APPROX_BEFORE.search(before, 0, part.start("n")):
            continue
        if any(_number(word) is not None for word in re.findall(r"[\w-]+", before[part.end("n") :])):
            continue  # "two were killed, two others hurt and the other eight": more parts than one
        found.append(GroupSize(value + rest, start + part.start("n"), match.end(), "rest"))
    return found
