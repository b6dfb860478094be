"""conflicting_figure ``age``: two ages of one person ("Park was 64" ... "the 46-year-old mayor")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import dated
from verify.checks.cues import any_cue_search
from verify.checks.names import NAME, clean_name, full_name, mentions, same_person
from verify.claims import AgeClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts


class AgeParams(Params):
    """Parameters of the ``age`` mechanism."""

    mechanism: Literal["age"]
    #: Ages this far apart or more conflict; closer ones may straddle a birthday.
    min_difference: int = Field(default=2, ge=1, le=10)
    #: Words that put a sentence's age at another time ("had won ... twelve years earlier",
    #: "a photograph of Brown, 22"): such ages are not compared.
    other_time_cues: list[str] = []
    #: Nouns too general to name one person's role ("a 49-year-old man" is not "Local man
    #: John Kent"): an age before one of them is tied to no name.
    generic_nouns: list[str] = []


_NAME_BEFORE = re.compile(
    rf"(?P<name>{NAME})(?:'s|’s)?(?:\s*,\s*(?:who\s+(?:was|is)\s+|aged\s+)?"
    # "Maria Lopez, the governor, is 58": an appositive may stand between name and age.
    r"|(?:\s*,\s*(?:the|a|an)\s+[a-z][^,()]{0,40},)?\s+(?:was|is|turned|turns)\s+(?:aged\s+)?)$"
)
_NAME_AFTER = re.compile(rf"\s+(?P<name>{NAME})")
_ROLE_AFTER = re.compile(r"\s+(?P<role>[a-z][a-z-]{2,})\b")
_THEN = re.compile(r"[\s,]*(?:at the time|then|when|while|before|after|until|in \d{4})\b", re.IGNORECASE)
_THEN_BEFORE = re.compile(r"\b(?:when|while|since|until|as|at)\s+(?:he|she|they)?\s*(?:was|were|turned)?\s*$")


def run(facts: Facts, params: AgeParams) -> Iterator[Outcome]:
    """One person given two ages too far apart for a birthday to fall between."""
    owned = []
    text = facts.document.text
    generic = {noun.lower() for noun in params.generic_nouns}
    for age in facts.of_type(AgeClaim):
        if age.approx != "exact" or dated(facts, age.sentence):
            continue  # an age in a dated sentence is an age then, not now
        if _THEN.match(text, age.span.end) or _THEN_BEFORE.search(text, max(0, age.span.start - 30), age.span.start):
            continue  # "Park, 18 at the time", "when he was 18"
        if any_cue_search(r"\b{cues}\b", params.other_time_cues, facts.sentence_text(age.sentence).lower()):
            continue  # "Lewis, 23, had won four golds twelve years earlier"
        person = _owner(facts, age, generic)
        person = full_name(person, age.span.start, mentions(facts)) if person else None
        if person:
            owned.append(_Owned(age, person))
    everyone = set(mentions(facts)) if owned else set()
    for index, later in enumerate(owned):
        for earlier in owned[:index]:
            if not same_person(earlier.person, later.person):
                continue
            shared = set(earlier.person.split()) & set(later.person.split())
            # Two people of the article share the words (a father and son): ambiguous.
            bearers = [name for name in everyone if shared <= set(name.split())]
            if any(not same_person(a, b) for a in bearers for b in bearers):
                continue
            difference = abs(later.claim.value - earlier.claim.value)
            fits = difference < params.min_difference
            yield Outcome(
                claim=later.claim,
                verified=fits,
                fields={"other": earlier.claim.text, "subject": later.person, "value": f"{later.claim.value:g}"},
                evidence=[evidence(facts, earlier.claim, f"{earlier.person}'s age given earlier")],
                computation=(
                    f"{later.claim.text} ({later.person}) against {earlier.claim.text} ({earlier.person}): "
                    f"{difference:g} years apart."
                ),
            )
            break


@dataclass
class _Owned:
    claim: AgeClaim
    person: str


def _owner(facts: Facts, age: AgeClaim, generic: set[str]) -> str | None:
    text = facts.document.text
    sentence_start = facts.document.sentences[age.sentence][0] if facts.document.sentences else 0
    before = text[max(sentence_start, age.span.start - 60) : age.span.start]
    match = _NAME_BEFORE.search(before)
    if match:
        return clean_name(match["name"])
    after = _NAME_AFTER.match(text, age.span.end)
    if after:
        return clean_name(after["name"])
    role = _ROLE_AFTER.match(text, age.span.end)
    if role and role["role"] not in STOPWORDS and role["role"] not in generic:
        # Once per role and article: the search runs over the whole body.
        holders = set(facts.memo(("role holders", role["role"]), lambda: _role_holders(facts, role["role"])))
        if len(holders) == 1:
            return holders.pop()
        if len(holders) > 1:
            longest = max(holders, key=len)
            if all(same_person(longest, other) for other in holders):
                return longest
    return None


def _role_holders(facts: Facts, role: str) -> set[str]:
    """Names the article gives a role: "Mayor Park Won-soon", "Park Won-soon, the mayor"."""
    body = facts.document.text[facts.document.body_start :]
    holders = set()
    title = re.escape(role.capitalize())
    escaped = re.escape(role)
    patterns = (
        rf"\b(?:{title}|{escaped})\s+(?P<name>{NAME})",
        rf"(?P<name>{NAME}),\s+(?:the|a|its|their)\s+(?:[a-z-]+\s+)?{escaped}\b",
        rf"\b[Tt]he\s+{escaped},\s+(?P<name>{NAME})",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, body):
            name = clean_name(match["name"])
            if name:
                holders.add(name)
    return holders
