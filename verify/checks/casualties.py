"""Casualty lists: who was killed or hurt, as counted groups of people.

"killed six children and two truck drivers", "Three women and a man were
injured", "kills five teen girls" (a headline) all read as one list: a verb
class ("killed", "injured") and, for each noun of people, how many. Active
("injured a man and two women") and passive ("a man and two women were
injured") voice read alike, so that a restatement in other words can be
compared with the first telling. Only bare counts are read: "at least six",
"about 20" or "dozens" are estimates, not counts, and end the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verify.extraction.lexicon import STOPWORDS
from verify.extraction.numbers import parse_number

#: No group of people this article speaks of is larger: a longer run of digits is not a count.
_MOST = 10_000_000

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*|[,;:()\"“”—–]")
_APPROX = frozenset(
    (
        "least",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "than",
        "to",
        "approximately",
        "roughly",
        "estimated",
    )
)
_PASSIVE_AUX = frozenset(("were", "was", "are", "is", "been", "being", "be", "got", "get"))
_LINKS = frozenset((",", "and"))


@dataclass(frozen=True)
class Item:
    """One counted group of a list: "two women"."""

    value: int
    noun: str  # the noun's singular form from the lexicon
    start: int  # the count's offset in the text
    end: int  # the end of the noun


@dataclass(frozen=True)
class CasualtyList:
    """Counted groups of people that one verb class applies to."""

    verb: str
    items: tuple[Item, ...]
    #: True for "killed six children" (verb first), false for "six children were killed" or "died".
    active: bool = True

    def counts(self) -> dict[str, int]:
        """Each noun's count; a noun named twice in one list is summed."""
        total: dict[str, int] = {}
        for item in self.items:
            total[item.noun] = total.get(item.noun, 0) + item.value
        return total


def noun_forms(nouns: list[str]) -> dict[str, str]:
    """Each written form of a people noun → its singular: "woman|women" gives both; "girl" also gives "girls".

    Built once per rule's list (several checks ask for every document); the table is shared, not to be changed."""
    return _noun_forms(tuple(nouns))


@lru_cache(maxsize=64)
def _noun_forms(nouns: tuple[str, ...]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for entry in nouns:
        singular, _, plural = entry.partition("|")
        forms[singular] = singular
        forms[plural or singular + "s"] = singular
    return forms


def verb_forms(verbs: dict[str, list[str]]) -> dict[str, str]:
    """Each written verb form → its class ("kills", "killed", "died" → "killed")."""
    return {form.lower(): name for name, forms in verbs.items() for form in forms}


def _count(word: str) -> int | None:
    if word.lower() in ("a", "an"):
        return 1
    if len(word) > 16:
        return None  # no count is written this long; parsing a run of digits would only cost time
    value = parse_number(word.lower())
    if value is None or not 1 <= value <= _MOST or value != int(value):
        return None
    return int(value)


def _item(tokens: list[re.Match[str]], at: int, nouns: dict[str, str]) -> tuple[Item, int] | None:
    """The counted group starting at token ``at`` and the index after it: a count, up to two modifiers, a noun."""
    value = _count(tokens[at].group())
    if value is None:
        return None
    for width in range(1, 4):
        if at + width >= len(tokens):
            return None
        word = tokens[at + width].group()
        if word in nouns:
            return Item(value, nouns[word], tokens[at].start(), tokens[at + width].end()), at + width + 1
        if not word.isalpha() or not word.islower() or word in STOPWORDS or _count(word) is not None:
            return None  # "two of the children" is a part, "two and a half" no group
    return None


def casualty_lists(text: str, start: int, end: int, verbs: dict[str, str], nouns: dict[str, str]) -> list[CasualtyList]:
    """The casualty lists in ``text[start:end]`` (one sentence or a headline), with offsets into ``text``."""
    lowered = text[start:end].lower()
    if not any(form in lowered for form in verbs):
        return []  # no verb even inside a word: skip tokenizing (most sentences)
    if verbs.keys().isdisjoint(map(str.lower, _TOKEN.findall(text, start, end))):
        return []  # a list is one only with a verb ("killed", "died"): most sentences have none
    tokens = list(_TOKEN.finditer(text, start, end))
    found: list[CasualtyList] = []
    index = 0
    while index < len(tokens):
        first = _item(tokens, index, nouns)
        if first is None or (index > 0 and tokens[index - 1].group().lower() in _APPROX):
            index += 1
            continue
        items, after = [first[0]], first[1]
        while after < len(tokens) and tokens[after].group().lower() in _LINKS:
            link = after
            while link < len(tokens) and tokens[link].group().lower() in _LINKS:
                link += 1
            following = _item(tokens, link, nouns) if link < len(tokens) else None
            if following is None:
                break
            items.append(following[0])
            after = following[1]
        before = _verb_before(tokens, index, verbs)
        verb = before or _verb_after(tokens, after, verbs)
        if verb is not None:
            found.append(CasualtyList(verb, tuple(items), active=before is not None))
        index = after
    return found


def _verb_before(tokens: list[re.Match[str]], index: int, verbs: dict[str, str]) -> str | None:
    """Active voice: the verb stands right before the list ("killed six children")."""
    return verbs.get(tokens[index - 1].group().lower()) if index > 0 else None


def _verb_after(tokens: list[re.Match[str]], after: int, verbs: dict[str, str]) -> str | None:
    """Passive or intransitive: "six children were killed", "were reportedly injured", "died"."""
    position = after
    while position < len(tokens) and position < after + 3:
        word = tokens[position].group().lower()
        if word in verbs:
            return verbs[word]
        if word not in _PASSIVE_AUX and word not in ("have", "had", "has") and not word.endswith("ly"):
            return None
        position += 1
    return None
