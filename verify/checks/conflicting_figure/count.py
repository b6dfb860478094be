"""conflicting_figure ``count``: one subject's count of one noun after the same words, given twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import CHANGE_CUES, dated, elsewhere, event_subject, sentence_words
from verify.checks.names import names_before, shared_name
from verify.claims import Claim, CountClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts, stem


class CountParams(Params):
    """Parameters of the ``count`` mechanism."""

    mechanism: Literal["count"]
    #: Words that make a figure one of several over time ("the toll rose to"): never a conflict.
    change_cues: list[str] = CHANGE_CUES
    #: Words of a hypothetical or a correction ("if", "would", "wrongly"): never a conflict.
    hypothetical_words: list[str] = []
    #: Words that scope a count ("at home", "in the playoffs", "before the merger"): two
    #: counts whose sentences hold different ones count different things.
    scope_words: list[str] = []
    #: Words that open a sentence with the scope of its counts ("For Plan two, North East had
    #: 128 votes"): counts under different openers, or under one and none, are not compared.
    scope_openers: list[str] = []


#: How many earlier counts of the same noun a count is compared with (no article has this many).
_MAX_EARLIER = 64


def run(facts: Facts, params: CountParams) -> Iterator[Outcome]:
    """The same count of one thing, by one subject, after the same verb, given twice."""
    change = {word.lower() for word in params.change_cues}
    text = facts.document.text
    hypothetical = change | {word.lower() for word in params.hypothetical_words}
    scopes = {word.lower() for word in params.scope_words}
    openers = _opener_pattern(params.scope_openers)
    counts = [
        c
        for c in facts.of_type(CountClaim)
        if c.approx == "exact"
        and not c.partitive
        and c.value >= 2
        and not (sentence_words(facts, c.sentence) & hypothetical)
        and not _MARGIN_BEFORE.search(text, max(0, c.span.start - 24), c.span.start)  # "won by 10,704 votes"
        and not _QUOTE_DIGITS.search(text, max(0, c.span.start - 2), c.span.start)  # "1.8205/15": a price quote
        # "Revs 10.1 mln vs 9.5 mln": a table row setting two periods side by side.
        and not _VERSUS_BEFORE.search(text, max(0, c.span.start - 6), c.span.start)
        and not _VERSUS_AFTER.match(text, c.span.end)
    ]
    # Pairs only within one noun, and each count's lead words found once, not once a pair.
    leads = [_lead_stems(facts, c) for c in counts]
    same_noun: dict[str, list[int]] = {}
    # Tails and subjects once a count, not once a pair; and only the nearest earlier
    # counts of a noun, so that a text made of one noun's counts stays linear.
    tails_of: dict[int, set[str]] = {}
    subjects_of: dict[int, set[str]] = {}

    def tail(i: int) -> set[str]:
        if i not in tails_of:
            tails_of[i] = _tail_stems(facts, counts[i])
        return tails_of[i]

    def subjects(i: int) -> set[str]:
        if i not in subjects_of:
            subjects_of[i] = _subjects(facts, counts[i])
        return subjects_of[i]

    for index, later in enumerate(counts):
        earlier_indexes = same_noun.setdefault(stem(later.noun), [])
        for earlier_index in earlier_indexes[-_MAX_EARLIER:]:
            earlier = counts[earlier_index]
            if earlier.sentence == later.sentence:
                continue
            verbs = leads[earlier_index] & leads[index]
            if not verbs:
                continue
            tails = tail(earlier_index), tail(index)
            if not (tails[0] <= tails[1] or tails[1] <= tails[0]):
                continue  # "400 workers in Ohio" and "150 workers in Texas"
            if _modifiers(text, earlier) != _modifiers(text, later):
                continue  # "10,704 votes" and "306 electoral votes" count different things
            if sentence_words(facts, earlier.sentence) & scopes != sentence_words(facts, later.sentence) & scopes:
                continue  # "At home, Liverpool won 15 games" and "Away, Liverpool won 10 games"
            if openers and _opener(facts, earlier.sentence, openers) != _opener(facts, later.sentence, openers):
                continue  # "For Plan one, North East had 6 votes" and "For Plan two, North East had 128 votes"
            if elsewhere(facts, earlier.sentence, later.sentence):
                continue  # "won eight titles at Wimbledon" and "At the Australian Open, Federer won six titles"
            name = shared_name(subjects(earlier_index), subjects(index))
            if name is None:
                continue
            verbs -= {stem(word.lower()) for word in name.split()}
            if not verbs:
                continue  # only the name is shared ("one of Berg's four sons", "Berg had two sons with Lind")
            if dated(facts, earlier.sentence) or dated(facts, later.sentence):
                continue  # counts for different years or days may both hold
            fits = earlier.value == later.value
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": name, "noun": later.noun},
                evidence=[evidence(facts, earlier, "the count given earlier")],
                computation=(
                    f"{name}: '{earlier.text} {earlier.noun}' and '{later.text} {later.noun}' after the same words "
                    f"({', '.join(sorted(verbs))})."
                ),
            )
            break
        earlier_indexes.append(index)


def _opener_pattern(words: list[str]) -> re.Pattern[str] | None:
    """A sentence opened by one of ``words`` and its scope, up to a comma or a capitalised word."""
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"\W*(?i:{alternatives})\s+(?P<scope>[^,]{{1,40}}?)(?=,|\s+[A-Z]|$)")


def _opener(facts: Facts, sentence: int, pattern: re.Pattern[str]) -> str | None:
    """The scope a sentence opens with ("For Plan two" → "plan two"), or None."""
    start, end = facts.document.sentences[sentence] if facts.document.sentences else (0, 0)
    match = pattern.match(facts.document.text, start, end)
    return match["scope"].lower() if match else None


_QUOTE_DIGITS = re.compile(r"\d/$")
_VERSUS_BEFORE = re.compile(r"\bvs\.?\s+$|\bversus\s+$", re.IGNORECASE)
_VERSUS_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:vs\.?|versus)\s", re.IGNORECASE)
#: "by" (and an approximator) before a count makes it a margin, not a count.
_MARGIN_BEFORE = re.compile(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|just\s+)?$", re.IGNORECASE)


def _modifiers(text: str, count: CountClaim) -> frozenset[str]:
    """The words between a count and its noun ("306 electoral votes" → electoral)."""
    gap = text[count.span.end : count.span.end + 60]
    at = gap.find(count.noun)
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", gap[:at])) if at > 0 else frozenset()


def _lead_stems(facts: Facts, claim: Claim, count: int = 4) -> set[str]:
    """Content-word stems just before a claim in its clause ("pleaded guilty to")."""
    text = facts.document.text
    sentence_start = facts.document.sentences[claim.sentence][0] if facts.document.sentences else 0
    lead = re.split(r"[,;:()]", text[sentence_start : claim.span.start])[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", lead)][-count:]
    return {stem(word) for word in words if word not in STOPWORDS and len(word) > 2}


def _subjects(facts: Facts, claim: Claim) -> set[str]:
    """Names before a claim in its sentence; for "he"/"she" with no name, whom the pronoun stands for."""
    names = names_before(facts, claim)
    if names or not facts.document.sentences:
        return names
    subject = event_subject(facts, claim.sentence, claim.span.start)
    return {subject} if subject else set()


def _tail_stems(facts: Facts, count: CountClaim) -> set[str]:
    """Content-word stems after the counted noun in its clause ("in Ohio")."""
    text = facts.document.text
    sentence_end = facts.document.sentences[count.sentence][1] if facts.document.sentences else len(text)
    rest = text[count.span.end : sentence_end]
    index = rest.find(count.noun)
    rest = rest[index + len(count.noun) :] if index >= 0 else rest
    clause = re.split(r"[,;:()]|\s[-–—]\s", rest)[0]
    return {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", clause) if w.lower() not in STOPWORDS}
