"""What the conflicting_figure mechanisms share: the subject of a sentence, its places,
words and dates, and the default change cues (proper names are in :mod:`verify.checks.names`)."""

from __future__ import annotations

import re

from verify.checks.names import NAME, clean_name
from verify.claims import DateClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts

#: Words that make a figure one of several over time ("the toll rose to"): never a conflict.
#: The default of ``change_cues`` for the mechanisms that have one.
CHANGE_CUES = [
    "rose", "risen", "rise", "climbed", "increased", "increase", "grew", "updated", "revised", "toll", "now",
    "initially", "previously", "originally", "earlier", "another", "more", "additional",
    "further", "other", "second", "third", "extended", "expanded", "reduced", "cut", "shortened", "lengthened", "widened",
    "than", "each", "per", "every", "average", "total",
]  # fmt: skip


def sentence_words(facts: Facts, sentence: int) -> frozenset[str]:
    """A sentence's words, lowercased (once per sentence: several mechanisms ask)."""
    return facts.memo(
        ("sentence words", sentence),
        lambda: frozenset(word.lower() for word in _LETTERS.findall(facts.sentence_text(sentence))),
    )


_LETTERS = re.compile(r"[A-Za-z]+")
#: Days before publication within which a dated sentence still tells the story's own event.
_OWN_DAYS = 7


def dated(facts: Facts, sentence: int) -> bool:
    """True when a sentence names a calendar date ("in 2018", "on May 3") other than the story's own days.

    "on Tuesday", or "on January 3" in an article published January 5, dates the event the
    article reports, so it does not set the count apart from the article's other counts.
    """
    published = facts.reference_date
    for claim in facts.by_sentence.get(sentence, []):
        if not isinstance(claim, DateClaim) or claim.resolution == "relative":
            continue
        day = claim.date if claim.granularity == "day" else None
        if published is None or day is None or not 0 <= (published - day).days <= _OWN_DAYS:
            return True
    return False


_PRONOUN = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)
_SUBJECT = re.compile(rf"\s*(?P<name>{NAME})(?:'s|’s)?(?:\s*,|\s+[a-z])")


def _sentence_subject(facts: Facts, sentence: int) -> tuple[str, int] | None:
    """The proper name a sentence opens with ("Nkurunziza became ..."), and where it ends."""
    start, _ = facts.document.sentences[sentence]
    match = _SUBJECT.match(facts.document.text, start)
    if match is None or match["name"].split()[0].lower() in STOPWORDS:
        return None
    name = clean_name(match["name"])
    return (name, match.end("name")) if name else None


def _direct(between: str) -> bool:
    """True when nothing between a subject and its event can be another subject:
    no capitalised word but after an article, at most fifteen words, and a possessive only just
    before the event ("her second term ... end", not "his brother would step down")."""
    words = re.findall(r"[A-Za-z'’]+", between)
    if len(words) > 15:
        return False
    # A capitalised word after "the" is an adjective or a place ("the African nation"); any other may be a person.
    if any(word[0].isupper() and words[i].lower() not in ("the", "a", "an") for i, word in enumerate(words[1:])):
        return False
    possessives = [i for i, word in enumerate(words) if word.lower() in ("his", "her", "their", "its")]
    # After the possessive only adjectives of the event's own noun phrase ("his presidential term").
    return not possessives or not any(word.lower() in STOPWORDS for word in words[possessives[-1] + 1 :])


def event_subject(facts: Facts, sentence: int, position: int) -> str | None:
    """Whose event: the name the sentence opens with, or for "his"/"her" the last sentence that opened with one."""
    text = facts.document.text
    opening = _sentence_subject(facts, sentence)
    if opening:
        return opening[0] if _direct(text[opening[1] : position]) else None
    start, _ = facts.document.sentences[sentence]
    pronouns = list(_PRONOUN.finditer(text, start, position))
    if not pronouns or not _direct(text[pronouns[-1].start() : position]):
        return None
    for earlier in range(sentence - 1, max(-1, sentence - 6), -1):
        found = _sentence_subject(facts, earlier)
        if found:
            return found[0]
    return None


_PLACE = re.compile(rf"\b(?:[Ii]n|[Aa]t|over|near|off|outside)\s+(?:the\s+)?(?P<place>{NAME})")


def places(facts: Facts, sentence: int) -> frozenset[str]:
    """The places a sentence names after a locative word ("in Chile", "over the Potomac",
    "In Portugal, ..."), months and weekdays left out: two sentences naming different
    places may speak of two events of one kind (a news digest)."""

    def compute() -> frozenset[str]:
        found = set()
        for match in _PLACE.finditer(facts.sentence_text(sentence)):
            name = clean_name(match["place"])
            if name:
                found.add(name)
        return frozenset(found)

    return facts.memo(("places", sentence), compute)


def elsewhere(facts: Facts, first: int, second: int) -> bool:
    """True when two sentences both name places and share none."""
    a, b = places(facts, first), places(facts, second)
    return bool(a) and bool(b) and not a & b
