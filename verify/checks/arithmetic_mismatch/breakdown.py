"""arithmetic_mismatch ``breakdown``: a count broken down after a colon or dash into counts
that do not add up to it ("the six firearms he used: two rifles, two shotguns and one pistol")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import joined, sentence_bounds, sentence_figures, sum_outcome
from verify.checks.base import Outcome, Params
from verify.checks.cues import any_cue_search
from verify.claims import Claim, CountClaim
from verify.linking import Facts


class BreakdownParams(Params):
    """Parameters of the ``breakdown`` mechanism."""

    mechanism: Literal["breakdown"]
    #: Words that make the parts a selection, not the whole ("including", "among them").
    partial_cues: list[str] = [
        "including", "include", "includes", "such as", "among them", "among", "of whom", "of which",
        "at least", "others", "other", "mostly", "mainly", "most", "some", "many", "several",
    ]  # fmt: skip
    #: Nouns of totals that a parenthesis describes rather than splits ("142 came off 204
    #: balls (14 fours and two sixes)", "74 points (23 wins, five draws ...)").
    not_split: list[str] = []


#: From the end of a total's noun to its first part: up to six lowercase words ("he
#: used"), then the mark that opens the breakdown.
_OPENING = re.compile(r"(?:\s*[a-z][\w'’-]*){0,6}\s*(?::|—|–|\(|\s-)\s*")
#: After the last part's noun: the end of the sentence, a closing parenthesis or dash.
_CLOSING = re.compile(r"\s*(?:[a-z][\w'’-]*\s*){0,3}(?:[.;)]|\s[—–-]\s|—|–|$)")


def run(facts: Facts, params: BreakdownParams) -> Iterator[Outcome]:
    """Each exact count followed by a colon or dash and a complete list of counts of its parts."""
    text = facts.document.text
    partial = [cue.lower() for cue in params.partial_cues]
    not_split = {noun.lower() for noun in params.not_split}
    for sentence in list(facts.by_sentence):
        figures = sentence_figures(facts, sentence)
        if len(figures) < 3:
            continue
        _, sentence_end = sentence_bounds(facts, sentence)
        for index, total in enumerate(figures[:-2]):
            if not isinstance(total, CountClaim) or total.approx != "exact" or total.partitive:
                continue
            if total.noun.lower() in not_split:
                continue
            parts = _parts(text, total, figures[index + 1 :])
            if len(parts) < 2:
                continue
            between = text[total.span.end : _noun_end(text, parts[-1])].lower()
            if any_cue_search(r"\b{cues}\b", partial, between):
                continue  # "12 people, including two children and three women": a selection
            if not _CLOSING.match(text, _noun_end(text, parts[-1]), sentence_end + 1):
                continue  # the list goes on past its last count
            yield sum_outcome(facts, total, parts, total)


def _parts(text: str, total: CountClaim, later: list[Claim]) -> list[Claim]:
    """The counts after ``total``'s noun, opened by a colon or dash and joined by commas
    and a final "and": all exact counts, or none."""
    gap = text[total.span.end : later[0].span.start]
    noun_at = gap.find(total.noun)
    if noun_at < 0 or not _OPENING.fullmatch(gap, noun_at + len(total.noun)):
        return []
    run = [later[0]]
    for claim in later[1:]:
        if not joined(text, run[-1], claim):
            break
        run.append(claim)
    closed = " and " in text[run[-2].span.end : run[-1].span.start] if len(run) >= 2 else False
    if not closed or any(not isinstance(c, CountClaim) or c.approx != "exact" for c in run):
        return []
    return run


def _noun_end(text: str, part: Claim) -> int:
    """Where a part's counted noun ends ("two shotguns"), or the part itself when its noun is not written."""
    noun = getattr(part, "noun", "")
    at = text.find(noun, part.span.end, part.span.end + 40) if noun else -1
    return at + len(noun) if at >= 0 else part.span.end
