"""arithmetic_mismatch ``revision``: an upward revision to a smaller figure, or a downward one to a larger."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import WORD, fmt, sentence_figures, value_of
from verify.checks.base import Outcome, Params, evidence
from verify.claims import Claim
from verify.extraction.wordstart import BOUNDARY_BEHIND, dispatch, ignorecase_words
from verify.linking import Facts


class RevisionParams(Params):
    """Parameters of the ``revision`` mechanism."""

    mechanism: Literal["revision"]
    #: Phrases that revise a figure upward and downward ("revised upwards", "lowered").
    revised_up: list[str] = []
    revised_down: list[str] = []
    #: Words for an earlier figure ("earlier", "previous") and for what is revised ("toll", "figure").
    earlier_words: list[str] = []
    revised_nouns: list[str] = []
    #: Words that make a sentence's counts a toll ("killed", "deaths"): only those are new figures.
    toll_words: list[str] = []
    #: Words that make a count an increment ("two more bodies"): a revision near one is not judged.
    increment_cues: list[str] = []


def run(facts: Facts, params: RevisionParams) -> Iterator[Outcome]:
    """An upward revision to a smaller figure, or a downward one to a larger."""
    if not facts.document.sentences or not params.revised_nouns:
        return
    text = facts.document.text
    hint = _revision_hint(tuple(params.earlier_words), tuple(params.revised_nouns))
    if hint is not None:
        # The hint opens with an earlier word: tried only where one stands, found by substring search.
        openings = [word.split()[0] for word in params.earlier_words]
        if next(facts.finditer(hint, openings, facts.document.body_start), None) is None:
            return  # no "earlier toll of": most articles revise nothing
    pattern = re.compile(
        rf"\b(?:(?P<up>{_alternatives(params.revised_up)})|(?P<down>{_alternatives(params.revised_down)}))"
        rf"\s+(?:from\s+)?(?:an?|the|its)\s+(?:{_alternatives(params.earlier_words)})\s+(?:death\s+)?"
        rf"(?:{_alternatives(params.revised_nouns)})\s+of\s+",
        re.IGNORECASE,
    )
    toll = {word.lower() for word in params.toll_words}
    for match in pattern.finditer(text, facts.document.body_start):
        old = facts.claim_starting_at(match.end())
        if old is None or value_of(old) is None or getattr(old, "approx", "exact") != "exact":
            continue
        old_value = value_of(old) or 0.0
        here = old.sentence
        increments = {word.lower() for word in params.increment_cues}
        if any(
            set(WORD.findall(facts.sentence_text(sentence).lower())) & increments
            for sentence in (here - 2, here - 1, here, here + 1)
            if 0 <= sentence < len(facts.document.sentences)
        ):
            continue  # "after two more bodies were found": the new toll is a sum the text leaves unsaid
        figures = [
            pair
            for sentence in (here - 2, here - 1, here, here + 1)
            for pair in _toll_figures(facts, sentence, old.span.start, toll)
        ]
        if not figures:
            continue
        upward = match["up"] is not None
        agreeing = [pair for pair in figures if (pair[0] > old_value if upward else pair[0] < old_value)]
        fits = bool(agreeing)
        # Show the agreeing figure nearest the old one (the likely new toll, not a part of it),
        # or, when none agrees, the one that comes closest to agreeing.
        if agreeing:
            best_value, best = min(agreeing, key=lambda pair: abs(pair[0] - old_value))
        else:
            best_value, best = max(figures, key=lambda pair: pair[0] if upward else -pair[0])
        way = "upward" if upward else "downward"
        yield Outcome(
            claim=old,
            verified=fits,
            fields={"direction": way, "new": fmt(best_value), "old": fmt(old_value)},
            evidence=[evidence(facts, best, "the new figure nearby")],
            computation=(
                f"revised {way} from {fmt(old_value)}; tolls nearby (single counts and sums): "
                f"{', '.join(sorted({fmt(value) for value, _ in figures}, key=float))}; "
                + (
                    f"{fmt(best_value)} is {'above' if upward else 'below'} {fmt(old_value)}."
                    if fits
                    else f"none is {'above' if upward else 'below'} {fmt(old_value)}."
                )
            ),
            start=match.start(),
            end=old.span.end,
        )


def _alternatives(words: list[str]) -> str:
    return _alternatives_of(tuple(words))


@lru_cache(maxsize=256)  # the same rule's words for every article
def _alternatives_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def _toll_figures(facts: Facts, sentence: int, exclude: int, toll: set[str]) -> list[tuple[float, Claim]]:
    """A toll sentence's exact counts, and their sum when it has several (a list of parts)."""
    if not 0 <= sentence < len(facts.document.sentences):
        return []
    if not set(WORD.findall(facts.sentence_text(sentence).lower())) & toll:
        return []
    figures = [
        c
        for c in sentence_figures(facts, sentence)
        if c.span.start != exclude and getattr(c, "approx", "exact") == "exact" and value_of(c) is not None
    ]
    found = [(value_of(c) or 0.0, c) for c in figures]
    if len(figures) > 1:
        found.append((sum(value for value, _ in found), figures[-1]))
    return found


@lru_cache(maxsize=16)
def _revision_hint(earlier: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    """What every revision phrase holds ("earlier toll of"), written to be found at C speed
    (see verify/extraction/wordstart.py); None when a word does not start with a letter."""
    words = [re.escape(word).replace(r"\ ", r"\s+") for word in sorted(earlier, key=len, reverse=True)]
    if not words or not all(word[:1].isalpha() for word in words):
        return None
    tail = rf"(?i:\s+(?:death\s+)?(?:{_alternatives_of(nouns)})\s+of\s+)"
    branches = [(first, rest + tail) for first, rest in ignorecase_words(words, behind="")]
    return re.compile(dispatch(branches, common=BOUNDARY_BEHIND))
