"""arithmetic_mismatch ``subset``: a part ("seven of those") larger than the count it refers back to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import fmt, is_year, sentence_figures, value_of
from verify.checks.base import Outcome, Params, evidence
from verify.claims import Claim, CountClaim, NumberClaim
from verify.linking import Facts


class SubsetParams(Params):
    """Parameters of the ``subset`` mechanism: none but its name."""

    mechanism: Literal["subset"]


_ANAPHOR = re.compile(r"\s+of\s+(?:those|these|them|which|whom)\b", re.IGNORECASE)


def run(facts: Facts, params: SubsetParams) -> Iterator[Outcome]:
    """A part larger than the whole it is written as a part of."""
    text = facts.document.text
    for part in facts.claims:
        if not isinstance(part, (CountClaim, NumberClaim)) or part.approx not in ("exact", "at_least", "over"):
            continue
        whole = _direct_whole(facts, part)
        if whole is not None:
            yield _subset_outcome(facts, part, whole)
            continue
        if not _ANAPHOR.match(text, part.span.end):
            continue
        earlier = [c for c in sentence_figures(facts, part.sentence) if c.span.end <= part.span.start]
        counts = [c for c in earlier if isinstance(c, CountClaim)]
        if not counts:
            continue
        antecedent = counts[-1]
        if antecedent.approx != "exact" or any(getattr(c, "approx", "exact") == "vague" for c in earlier):
            continue
        if part.value > antecedent.value and any((value_of(c) or 0) >= part.value for c in earlier):
            continue  # some earlier figure could be the set: ambiguous, keep quiet
        yield _subset_outcome(facts, part, antecedent)


_OF_AFTER = re.compile(r"\s+(?:of|out of)\b", re.IGNORECASE)
_DIRECT_OF = re.compile(r"^\s+(?:of|out of)\s+(?:the|its|their|his|her|our|these|those|all)?\s*$", re.IGNORECASE)


def _direct_whole(facts: Facts, part: CountClaim | NumberClaim) -> Claim | None:
    """'12 of the 10 victims', 'three out of four': the whole written right after the part."""
    text = facts.document.text
    if not _OF_AFTER.match(text, part.span.end):
        return None  # cheap test first: a sentence dense with figures is not scanned per part
    # The sentence's claims are in text order: the first one after the part is the nearest.
    whole = next((c for c in facts.by_sentence.get(part.sentence, []) if c.span.start >= part.span.end), None)
    if whole is None:
        return None
    if text[whole.span.end : whole.span.end + 1] == "-":
        return None  # "all five of his 3-point attempts": a compound word, not the whole
    if not isinstance(whole, (CountClaim, NumberClaim)) or whole.approx != "exact" or is_year(facts, whole):
        return None
    if not _DIRECT_OF.match(text[part.span.end : whole.span.start]):
        return None
    return whole


def _subset_outcome(facts: Facts, part: CountClaim | NumberClaim, whole: Claim) -> Outcome:
    text = facts.document.text
    whole_value = value_of(whole) or 0.0
    fits = part.value <= whole_value
    return Outcome(
        claim=part,
        verified=fits,
        fields={"set": whole.text, "set_value": fmt(whole_value), "part_value": fmt(part.value)},
        evidence=[evidence(facts, whole, "the set it is part of")],
        computation=(
            f"'{text[part.span.start : part.span.end + 16].strip()}...' is a part of "
            f"'{whole.text}': a part of {fmt(whole_value)} {'can' if fits else 'cannot'} be {fmt(part.value)}."
        ),
    )
