"""arithmetic_mismatch ``change``: "doubled", "rose by 20%", "rose by 5" against the "from A to B" values;
a margin against the score beside it; "A of B (C%)" and "C% of B, or A" against the numbers a percentage is computed from;
"rose X, or C%, to B" against the value it started from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Literal

from pydantic import Field

from verify.checks.arithmetic_mismatch.shared import WORD, fmt, is_year, kind_key, sentence_bounds, value_of
from verify.checks.base import Outcome, Params, evidence
from verify.checks.conversion_mismatch import half_step
from verify.claims import Claim, CountClaim, MoneyClaim, NumberClaim, PercentageClaim
from verify.linking import Facts


class ChangeParams(Params):
    """Parameters of the ``change`` mechanism."""

    mechanism: Literal["change"]
    #: Change words and the ratio they imply.
    ratios: dict[str, float] = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "quadrupled": 4,
                                "halved": 0.5, "halving": 0.5}  # fmt: skip
    #: Words for a rise and for a fall, for "rose by N%" and "a N% drop".
    rises: list[str] = ["rose", "risen", "rise", "increase", "increased", "grew", "grown", "growth", "up", "climbed",
                        "jumped", "gain", "gained", "higher"]  # fmt: skip
    falls: list[str] = ["fell", "fallen", "fall", "decrease", "decreased", "dropped", "drop", "declined", "decline",
                        "down", "cut", "reduced", "reduction", "lower", "shrank", "slumped"]  # fmt: skip
    #: Words that make "by N ..., A to B" a winning margin ("won", "beat").
    margin_cues: list[str] = ["won", "wins", "win", "beat", "beats", "defeated", "lost", "passed", "margin", "edged"]
    #: Relative slack on "doubled", "tripled", "halved": words that round as they speak.
    ratio_tolerance: float = Field(default=0.15, ge=0, le=0.5)
    #: Relative slack on a computed figure.
    tolerance: float = Field(default=0.02, ge=0, le=0.5)
    #: Relative slack when a figure is approximate ("about", "nearly").
    about_tolerance: float = Field(default=0.1, ge=0, le=0.5)


_FROM_TO = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_LEAD = re.compile(r"\bto\s+$", re.IGNORECASE)
_FROM_GAP = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?(?:from|compared\s+(?:with|to))\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?to\s+$", re.IGNORECASE)


def run(facts: Facts, params: ChangeParams) -> Iterator[Outcome]:
    """A change word, percentage or difference against its "from A to B"; then shares and margins."""
    text = facts.document.text
    rises = {w.lower() for w in params.rises}
    falls = {w.lower() for w in params.falls}
    ratios = {w.lower(): v for w, v in params.ratios.items()}
    for sentence, claims in facts.by_sentence.items():
        figures = [
            c for c in claims if (kind_key(c) is not None or isinstance(c, NumberClaim)) and not is_year(facts, c)
        ]
        for left, right in pairwise(figures):
            lead = text[max(0, left.span.start - 8) : left.span.start]
            gap = text[left.span.end : right.span.start]
            if _FROM_TO.search(lead) and _TO.match(gap):
                first, second = left, right  # "from 40 to 80"
            elif _TO_LEAD.search(lead) and _FROM_GAP.match(gap):
                first, second = right, left  # "to 80 from 40"
            else:
                continue
            if kind_key(first) != kind_key(second) and not (
                isinstance(first, NumberClaim) or isinstance(second, NumberClaim)
            ):
                continue
            start, end = _clause(text, facts, sentence, first, second)
            clause = text[start:end]
            outcome = (
                _ratio(facts, clause, first, second, ratios, params)
                or _percent_change(facts, claims, start, end, first, second, rises, falls, params)
                or _difference(facts, figures, start, end, first, second, rises | falls)
            )
            if outcome is not None:
                yield outcome
    yield from _shares(facts, params)
    yield from _margins(facts, params)
    yield from _moves_to(facts, params, rises, falls)


_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def _by_figure(
    facts: Facts, figures: list[Claim], start: int, end: int, exclude: tuple[Claim, ...], cues: set[str]
) -> Claim | None:
    """The one exact count or number after "by" right after a cue word ("rose by 5", "won the vote by 20")."""
    text = facts.document.text
    found = []
    for c in figures:
        if not (start <= c.span.start < end) or c in exclude or not isinstance(c, (CountClaim, NumberClaim)):
            continue
        if not _BY.search(text[max(0, c.span.start - 4) : c.span.start]):
            continue
        lead = [w.lower() for w in WORD.findall(text[max(start, c.span.start - 40) : c.span.start])][-5:-1]
        if set(lead) & cues:
            found.append(c)
    if len(found) != 1 or _approx(found[0]):
        return None
    return found[0]


def _difference(
    facts: Facts, figures: list[Claim], start: int, end: int, first: Claim, second: Claim, moves: set[str]
) -> Outcome | None:
    """'rose by 5, from 15 to 20': the change against the from/to values."""
    words = {w.lower() for w in WORD.findall(facts.document.text[start:end])}
    if not words & moves or _approx(first) or _approx(second):
        return None
    stated = _by_figure(facts, figures, start, end, (first, second), moves)
    if stated is None:
        return None
    return _judge_difference(facts, stated, first, second)


def _judge_difference(facts: Facts, stated: Claim, first: Claim, second: Claim) -> Outcome:
    actual = abs((value_of(second) or 0) - (value_of(first) or 0))
    fits = abs(actual - (value_of(stated) or 0)) < 1e-9
    return Outcome(
        claim=stated,
        verified=fits,
        fields={"actual": f"a difference of {fmt(actual)}", "from": first.text, "to": second.text},
        evidence=[evidence(facts, first, "one value"), evidence(facts, second, "the other value")],
        computation=f"{second.text} − {first.text} = {fmt(actual)}; stated: {stated.text}.",
    )


_SCORE_JOIN = re.compile(r"^\s*(?:to|-|–|—)\s*$")


def _margins(facts: Facts, params: ChangeParams) -> Iterator[Outcome]:
    """'won by 20 votes, 120 to 100': a margin against the score beside it."""
    text = facts.document.text
    cues = {w.lower() for w in params.margin_cues}
    for sentence, claims in facts.by_sentence.items():
        figures: list[Claim] = [c for c in claims if isinstance(c, (CountClaim, NumberClaim)) and not is_year(facts, c)]
        # Only a figure right after "by" can be the margin: looking through every figure
        # for every pair is quadratic in a sentence dense with numbers ("1-1-1-...").
        after_by = [c for c in figures if _BY.search(text[max(0, c.span.start - 4) : c.span.start])]
        for first, second in pairwise(figures):
            if not _SCORE_JOIN.match(text[first.span.end : second.span.start]) or _approx(first) or _approx(second):
                continue
            if _FROM_TO.search(text[max(0, first.span.start - 8) : first.span.start]):
                continue
            start, end = _clause(text, facts, sentence, first, second)
            stated = _by_figure(facts, after_by, start, end, (first, second), cues)
            # The margin stands right next to the score: "by 20 votes, 120 to 100".
            near = stated is not None and (
                0 <= first.span.start - stated.span.end <= 24 or 0 <= stated.span.start - second.span.end <= 24
            )
            if stated is not None and near:
                yield _judge_difference(facts, stated, first, second)


def _clause(text: str, facts: Facts, sentence: int, first: Claim, second: Claim) -> tuple[int, int]:
    s_start, s_end = sentence_bounds(facts, sentence)
    left, right = min(first.span.start, second.span.start), max(first.span.end, second.span.end)
    start = max(s_start, text.rfind(";", s_start, left) + 1)
    # "Net income dropped 4.8% ... -- but per-share earnings rose to $10.96 from $9.81",
    # "rose 8 percent to $66 billion, with phone sales climbing to $44 billion from $39
    # billion": a contrast or a "with" before the figures opens their own clause.
    for contrast in _CONTRAST.finditer(text, start, left):
        start = contrast.end()
    semi = text.find(";", right, s_end)
    end = s_end if semi < 0 else semi
    # "from 90 to 60, and halved again by the summer", "..., as sales dropped 6%": a clause
    # after the figures says what happened next or beside them, not what they show.
    following = _NEXT_CLAUSE.search(text, right, end)
    return start, following.start() if following else end


_CONTRAST = re.compile(r"(?:,|\s+--|\s*[—–])\s+(?:but|while|whereas|although|though|with)\s+", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",?\s+and\s+(?:then\s+)?|,\s+(?:then|but|as|while|whereas|with)\s+", re.IGNORECASE)


def _ratio(
    facts: Facts, clause: str, first: Claim, second: Claim, ratios: dict[str, float], params: ChangeParams
) -> Outcome | None:
    words = [w.lower() for w in WORD.findall(clause)]
    named = [w for w in words if w in ratios]
    if len(named) != 1:
        return None
    factor = ratios[named[0]]
    if re.search(rf"\b(?:nearly|almost|more than|over|roughly|about|about)\s+{named[0]}", clause, re.IGNORECASE):
        return None  # "nearly doubled" is not a figure to check
    before, after = value_of(first) or 0.0, value_of(second) or 0.0
    if before <= 0:
        return None
    # The figures are taken as written: "doubled to 3 million from 1 million" is wrong,
    # however "1 million" was rounded.
    actual = after / before
    fits = abs(actual - factor) <= params.ratio_tolerance * factor
    return Outcome(
        claim=second,
        verified=fits,
        fields={
            "change": named[0],
            "actual": f"a factor of {actual:.3g}",
            "expected": fmt(factor),
            "from": first.text,
        },
        evidence=[evidence(facts, first, "the earlier value")],
        computation=f"{second.text} / {first.text} = {actual:.3g}; '{named[0]}' means × {fmt(factor)}.",
    )


def _approx(claim: Claim) -> bool:
    return getattr(claim, "approx", "exact") != "exact"


def _percent_change(
    facts: Facts,
    claims: list[Claim],
    start: int,
    end: int,
    first: Claim,
    second: Claim,
    rises: set[str],
    falls: set[str],
    params: ChangeParams,
) -> Outcome | None:
    if isinstance(first, PercentageClaim) or isinstance(second, PercentageClaim):
        return None  # percentage points or per cent? Undecidable.
    text = facts.document.text
    percents = [c for c in claims if isinstance(c, PercentageClaim) and start <= c.span.start < end]
    if len(percents) != 1:
        return None
    stated = percents[0]
    if _PER_PERIOD.match(text, stated.span.end):
        return None  # "6 percent a year for two years, from £11.44 to £12.85": a rate, compounded
    near = text[max(start, stated.span.start - 24) : min(end, stated.span.end + 24)].lower()
    words = set(WORD.findall(near))
    direction = 1 if words & rises else -1 if words & falls else 0
    if direction == 0 or (words & rises and words & falls):
        return None
    before, after = value_of(first) or 0.0, value_of(second) or 0.0
    if before <= 0:
        return None
    actual = (after - before) / before * 100 * direction
    percent = value_of(stated) or 0.0
    slack = params.about_tolerance if _approx(stated) or _approx(first) or _approx(second) else params.tolerance
    # A stated percentage is rounded to its last written place, and at least to a whole point.
    margin = max(half_step(stated.text, zeros_significant=True), 0.5) + slack * max(abs(actual), abs(percent))
    fits = abs(actual - percent) <= margin
    return Outcome(
        claim=stated,
        verified=fits,
        fields={"actual": f"a change of {actual:.1f}%", "from": first.text, "to": second.text},
        evidence=[evidence(facts, first, "from"), evidence(facts, second, "to")],
        computation=f"From {first.text} to {second.text} is a change of {actual:.1f}%; stated: {stated.text}.",
    )


#: After a percentage, a period it is a rate per: "6 percent a year", "2% per month".
_PER_PERIOD = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter|annum)\b|\s+(?:annually|yearly|monthly)\b",
    re.IGNORECASE,
)
_SHARE_GAP = re.compile(
    r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?(?:of|out of)\s+(?:(?:the|his|her|its|their)\s+)?$", re.IGNORECASE
)
_SHARE_PERCENT = re.compile(r"^\s*(?:[a-z][\w'’-]*\s*){0,2}?(?:\(\s*|,\s*or\s+|,\s*|\s+or\s+)$", re.IGNORECASE)
#: Between a share and its whole: "82% of the 500 members", "91% of the town's 16,000".
_SHARE_OF_OWNER = re.compile(
    r"^\s*of\s+(?:(?:the|all|its|their|his|her)\s+)?(?:[A-Za-z][\w-]*['’]s?\s+)?$", re.IGNORECASE
)
#: Between the whole and the part restating the share: "residents, or about 12,000".
_OR_PART = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*,\s*or\s+$", re.IGNORECASE)
#: After such a part, words that make it no count of the whole: "or 1 in 3", "or 3 out of 10".
_NOT_A_PART = re.compile(r"^\s*(?:in|out|of|per|percent|%)\b", re.IGNORECASE)


def _shares(facts: Facts, params: ChangeParams) -> Iterator[Outcome]:
    """'412 of the 500 voters (82%)', '3 out of 4, or 75%', '412 votes, or 82% of the 500 members'."""
    text = facts.document.text
    for claims in facts.by_sentence.values():
        ordered = sorted(claims, key=lambda c: c.span.start)
        for first, second, third in zip(ordered, ordered[1:], ordered[2:], strict=False):
            if isinstance(third, PercentageClaim):  # part, whole, share
                part, whole, share = first, second, third
                tied = _SHARE_GAP.match(text[part.span.end : whole.span.start]) and _SHARE_PERCENT.match(
                    text[whole.span.end : share.span.start]
                )
            elif isinstance(second, PercentageClaim):  # part, share, whole
                part, share, whole = first, second, third
                tied = _SHARE_PERCENT.match(text[part.span.end : share.span.start]) and _SHARE_OF_OWNER.match(
                    text[share.span.end : whole.span.start]
                )
            elif isinstance(first, PercentageClaim):  # share, whole, part
                share, whole, part = first, second, third
                yield from _share_restated(facts, share, whole, part, params)
                continue
            else:
                continue
            if not tied or share.approx not in ("exact", "about"):
                continue
            if not all(isinstance(c, (CountClaim, NumberClaim)) for c in (part, whole)):
                continue
            if _approx(part) or _approx(whole) or is_year(facts, whole):
                continue
            w_value = value_of(whole) or 0
            if w_value <= 0:
                continue
            actual = (value_of(part) or 0) / w_value * 100
            slack = params.about_tolerance if _approx(share) else params.tolerance
            margin = max(half_step(share.text, zeros_significant=True), 0.5) + slack * max(actual, share.value)
            fits = abs(actual - share.value) <= margin
            yield Outcome(
                claim=share,
                verified=fits,
                fields={"actual": f"{actual:.1f}%", "part": part.text, "whole": whole.text},
                evidence=[evidence(facts, part, "the part"), evidence(facts, whole, "the whole")],
                computation=f"{part.text} / {whole.text} = {actual:.1f}%; stated: {share.text}.",
            )


def _share_restated(
    facts: Facts, share: PercentageClaim, whole: Claim, part: Claim, params: ChangeParams
) -> Iterator[Outcome]:
    """ "91% of the town's 16,000 residents, or about 12,000 people": the part restates the share.

    A hedged figure may be off by half its last written place ("about 12,000" by 500)
    before the tolerance applies; an unhedged one is taken at face value.
    """
    text = facts.document.text
    tied = _SHARE_OF_OWNER.match(text[share.span.end : whole.span.start]) and _OR_PART.match(
        text[whole.span.end : part.span.start]
    )
    if not tied or share.approx not in ("exact", "about") or getattr(part, "approx", "exact") not in ("exact", "about"):
        return
    if getattr(whole, "approx", "exact") not in ("exact", "about") or _NOT_A_PART.match(text, part.span.end):
        return
    if not all(isinstance(c, (CountClaim, NumberClaim)) for c in (part, whole)) or is_year(facts, whole):
        return
    w_value, p_value = value_of(whole) or 0, value_of(part) or 0
    if w_value <= 0 or not 0 < p_value <= w_value:
        return
    actual = p_value / w_value * 100
    slack = params.about_tolerance if _approx(share) or _approx(part) or _approx(whole) else params.tolerance
    rounding = actual * (_rounding(part) / p_value + _rounding(whole) / w_value)
    margin = max(half_step(share.text, zeros_significant=True), 0.5) + rounding + slack * max(actual, share.value)
    yield Outcome(
        claim=share,
        verified=abs(actual - share.value) <= margin,
        fields={"actual": f"{actual:.1f}%", "part": part.text, "whole": whole.text},
        evidence=[evidence(facts, whole, "the whole"), evidence(facts, part, "the part")],
        computation=f"{part.text} / {whole.text} = {actual:.1f}%; stated: {share.text}.",
    )


def _rounding(claim: Claim) -> float:
    """How far a figure may be from its true value: half its last written place when hedged."""
    return half_step(claim.text, zeros_significant=not _approx(claim))


#: "rose 454.84 points, or 1.95 percent, to 29,100.50": between the move and its percentage,
#: and between the percentage and the value it ended at.
_OR_PERCENT = re.compile(r"\s*(?:[a-z]+\s*)?,\s*or\s+", re.IGNORECASE)
_TO_VALUE = re.compile(r"\s*,?\s*to\s+(?:a\s+(?:record\s+|new\s+)?(?:high\s+|low\s+)?of\s+)?", re.IGNORECASE)


def _moves_to(facts: Facts, params: ChangeParams, rises: set[str], falls: set[str]) -> Iterator[Outcome]:
    """ "The index rose 454.84 points, or 1.95 percent, to 29,100.50": the move over the value
    it started from (the end less the move) gives the percentage."""
    text = facts.document.text
    for claims in facts.by_sentence.values():
        ordered = sorted(claims, key=lambda c: c.span.start)
        for move, share, end in zip(ordered, ordered[1:], ordered[2:], strict=False):
            if not isinstance(share, PercentageClaim) or isinstance(move, PercentageClaim):
                continue
            if isinstance(end, PercentageClaim) or _approx(move) or _approx(end):
                continue
            if not _OR_PERCENT.fullmatch(text, move.span.end, share.span.start):
                continue
            if not _TO_VALUE.fullmatch(text, share.span.end, end.span.start):
                continue
            if (
                isinstance(move, MoneyClaim) != isinstance(end, MoneyClaim)
                or text[move.span.end : move.span.end + 1].isalpha()
            ):
                continue  # "edged up 2c, or 0.1%, to $29.47": cents against dollars
            if kind_key(move) != kind_key(end) and not isinstance(move, (CountClaim, NumberClaim)):
                continue
            verb = [w.lower() for w in WORD.findall(text[max(0, move.span.start - 24) : move.span.start])][-2:]
            direction = 1 if set(verb) & rises else -1 if set(verb) & falls else 0
            moved, final = value_of(move) or 0.0, value_of(end) or 0.0
            start_value = final - direction * moved
            if direction == 0 or start_value <= 0 or moved <= 0:
                continue
            actual = moved / start_value * 100
            slack = params.about_tolerance if _approx(share) else params.tolerance
            margin = max(half_step(share.text, zeros_significant=True), 0.05) + slack * max(actual, share.value)
            yield Outcome(
                claim=share,
                verified=abs(actual - share.value) <= margin,
                fields={"actual": f"a change of {actual:.2f}%", "from": fmt(start_value), "to": end.text},
                evidence=[evidence(facts, move, "the move"), evidence(facts, end, "the value it ended at")],
                computation=(
                    f"{end.text} {'−' if direction > 0 else '+'} {move.text} = {fmt(start_value)}; "
                    f"{move.text} / {fmt(start_value)} = {actual:.2f}%; stated: {share.text}."
                ),
            )
