"""conflicting_figure ``birth``: one person born on two dates that do not overlap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from verify.checks.base import Outcome, Params, evidence
from verify.checks.cues import any_cue_search
from verify.checks.names import NAME, clean_name, full_name, mentions, same_person
from verify.claims import Claim, DateClaim
from verify.linking import Facts


class BirthParams(Params):
    """Parameters of the ``birth`` mechanism."""

    mechanism: Literal["birth"]
    #: Nouns of relatives; a birth after one ("His son George W. Bush was born in 1946") is
    #: the relative's, who may share the name.
    relative_nouns: list[str] = []


_BORN = re.compile(
    rf"(?P<name>{NAME})(?:'s|’s)?(?:\s*,\s*(?:who\s+)?(?:was\s+)?|\s+(?:was|is)\s+|\s*\(\s*)born\b(?P<rest>[^;()]{{0,50}})$"
)


def run(facts: Facts, params: BirthParams) -> Iterator[Outcome]:
    """One person given two birth dates that cannot both hold."""
    text = facts.document.text
    born: list[tuple[DateClaim, str]] = []
    for date in facts.of_type(DateClaim):
        if not date.valid or date.year is None or date.resolution != "explicit":
            continue
        sentence_start = facts.document.sentences[date.sentence][0] if facts.document.sentences else 0
        match = _BORN.search(text, sentence_start, date.span.start)
        if match is None or any(isinstance(c, DateClaim) for c in _claims_between(facts, match.end("name"), date)):
            continue
        if any_cue_search(r"\b{cues}\b", params.relative_nouns, text[sentence_start : match.start()].lower()):
            continue
        person = clean_name(match["name"])
        person = full_name(person, match.start(), mentions(facts)) if person else None
        if person:
            born.append((date, person))
    for index, (later, person) in enumerate(born):
        for earlier, other in born[:index]:
            if not same_person(person, other):
                continue
            first, second = earlier.bounds(), later.bounds()
            if first is None or second is None:
                continue
            fits = first[0] <= second[1] and second[0] <= first[1]
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": person},
                evidence=[evidence(facts, earlier, "the birth date given earlier")],
                computation=f"{person} is said to be born {earlier.text} and {later.text}.",
            )
            break


def _claims_between(facts: Facts, start: int, claim: Claim) -> list[Claim]:
    return [c for c in facts.by_sentence.get(claim.sentence, []) if start <= c.span.start < claim.span.start]
