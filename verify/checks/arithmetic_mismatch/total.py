"""arithmetic_mismatch ``total``: parts against a stated total ("three men and two women, six people in all")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import joined, sentence_figures, sum_outcome, value_of
from verify.checks.base import Outcome, Params
from verify.checks.cues import any_cue_match, any_cue_search
from verify.claims import Claim, CountClaim, MoneyClaim, NumberClaim, PercentageClaim, QuantityClaim
from verify.linking import Facts, stem


class TotalParams(Params):
    """Parameters of the ``total`` mechanism."""

    mechanism: Literal["total"]
    #: Words after a figure that make it a total ("in all", "in total").
    total_after: list[str] = ["in all", "in total", "altogether", "all told", "total", "combined"]
    #: Words before a figure that make it a total ("a total of").
    total_before: list[str] = ["a total of", "total of", "totalling", "totaling", "for a total of"]
    #: Words before the last part that make it the rest of a stated total.
    remainder_cues: list[str] = ["the remaining", "the other", "the rest", "remaining"]


def run(facts: Facts, params: TotalParams) -> Iterator[Outcome]:
    """Parts against a stated total, and a stated total against its parts and "the remaining N"."""
    yield from _stated_totals(facts, params)
    yield from _remainders(facts, params)


def _stated_totals(facts: Facts, params: TotalParams) -> Iterator[Outcome]:
    """'three men and two women, six people in all'."""
    text = facts.document.text
    after = [cue.lower() for cue in params.total_after]
    before = [cue.lower() for cue in params.total_before]
    for sentence in list(facts.by_sentence):
        figures = sentence_figures(facts, sentence)
        for index, total in enumerate(figures):
            if not isinstance(total, CountClaim) or total.approx != "exact":
                continue
            tail = text[total.span.end : total.span.end + 40].lower()
            noun_tail = tail[tail.find(total.noun) + len(total.noun) :] if total.noun in tail else tail
            lead = text[max(0, total.span.start - 20) : total.span.start].lower()
            cued = any_cue_match(r"\s*{cues}\b", after, noun_tail) or any_cue_search(r"\b{cues}\s*$", before, lead)
            if not cued:
                continue
            parts = _run_before(text, figures[:index], total) or _run_after(text, figures[index + 1 :], total)
            if len(parts) < 2 or any(getattr(p, "approx", "exact") != "exact" for p in parts):
                continue
            yield sum_outcome(facts, total, parts, total)


def _run_before(text: str, earlier: list[Claim], total: CountClaim) -> list[Claim]:
    """Counts joined by commas and 'and' that end just before the total."""
    if not earlier:
        return []
    last = earlier[-1]
    gap = text[last.span.end : total.span.start]
    if not re.match(
        r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*\s*(?:,|—|–|:|;)\s*(?:for\s+)?(?:a total of\s+)?$", gap
    ):
        return []
    run = [last]
    for claim in reversed(earlier[:-1]):
        if not joined(text, claim, run[0]):
            break
        run.insert(0, claim)
    if not any(" and " in text[a.span.end : b.span.start] for a, b in pairwise(run)):
        return []
    return run if all(isinstance(c, CountClaim) for c in run) else []


def _run_after(text: str, later: list[Claim], total: CountClaim) -> list[Claim]:
    """'six people in all: three men and two women'."""
    if not later:
        return []
    first = later[0]
    gap = text[total.span.end : first.span.start]
    if not re.match(r"^\s*[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s*(?::|—|–|\()\s*$", gap):
        return []
    run = [first]
    for claim in later[1:]:
        if not joined(text, run[-1], claim):
            break
        run.append(claim)
    return run if all(isinstance(c, CountClaim) for c in run) else []


def _remainders(facts: Facts, params: TotalParams) -> Iterator[Outcome]:
    """'41 delegates: A at 14, B with 12, ... and E the remaining 1'."""
    text = facts.document.text
    cues = sorted((cue.lower() for cue in params.remainder_cues), key=len, reverse=True)
    for rest in facts.claims:
        if not isinstance(rest, (CountClaim, NumberClaim)) or rest.approx != "exact":
            continue
        lead = text[max(0, rest.span.start - 16) : rest.span.start].lower()
        if not any_cue_search(r"\b{cues}\s*$", cues, lead):
            continue
        window = [c for s in range(max(0, rest.sentence - 2), rest.sentence + 1) for c in sentence_figures(facts, s)]
        window = [c for c in window if c.span.start < rest.span.start]
        totals = [c for c in window if isinstance(c, CountClaim) and not c.partitive]
        if not totals:
            continue
        total = totals[0]
        if total.approx != "exact":
            continue
        parts = [c for c in window if c.span.start > total.span.start] + [rest]
        # "A won 137 of the 350 seats, B 121, ...": the part the total is written after.
        text_before = [c for c in window if c.span.end <= total.span.start]
        if text_before and _PART_OF.fullmatch(text, text_before[-1].span.end, total.span.start):
            parts.insert(0, text_before[-1])
        noun = stem(total.noun)
        if any(isinstance(c, CountClaim) and not c.partitive and stem(c.noun) != noun for c in parts):
            continue  # a figure of something else stands among the parts
        if any(getattr(c, "approx", "exact") != "exact" for c in parts) or len(parts) < 3:
            continue
        if _measure_between(facts, total.span.end, rest.span.start):
            continue
        if any((value_of(c) or 0) > total.value for c in parts):
            continue  # "312 votes to 280 ... Of the 650 MPs, 592 voted": no part exceeds its whole
        yield sum_outcome(facts, rest, parts, total)


#: Between a part and the total it is taken from: "137 of the 350".
_PART_OF = re.compile(r"\s+(?:[a-z]+\s+)?(?:of|out of)\s+(?:the\s+)?")


def _measure_between(facts: Facts, start: int, end: int) -> bool:
    """True when a percentage, money or quantity claim starts in ``[start, end)``."""
    # Their starts, sorted once per article: a bisection per remainder instead of a scan.
    starts = facts.memo(
        "measure starts",
        lambda: sorted(
            c.span.start for c in facts.claims if isinstance(c, (PercentageClaim, MoneyClaim, QuantityClaim))
        ),
    )
    return bisect_left(starts, end) > bisect_left(starts, start)
