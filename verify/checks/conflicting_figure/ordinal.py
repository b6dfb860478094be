"""conflicting_figure ``ordinal``: one thing ranked twice ("the fourth hurricane" ... "its third hurricane")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import dated
from verify.checks.cues import any_cue_search
from verify.checks.names import names_before, shared_name
from verify.claims import Claim, OrdinalClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts, stem


class OrdinalParams(Params):
    """Parameters of the ``ordinal`` mechanism."""

    mechanism: Literal["ordinal"]
    #: Words that may introduce an ordinal in predicate position.
    predicate_cues: list[str] = [
        "is the", "was the", "be the", "been the", "became the", "become the", "becomes the", "becoming the",
        "making it the", "made it the", "makes it the", "became its", "becomes its", "was its", "is its",
        "making it its", "as the", "as its",
    ]  # fmt: skip
    #: Words after the ranked noun that restrict what is ranked ("the first woman to ...").
    restricting_words: list[str] = ["to", "since", "ever", "who", "that", "in", "from", "for", "among", "with"]


def run(facts: Facts, params: OrdinalParams) -> Iterator[Outcome]:
    """One thing, named before the ordinal, ranked twice in predicate position."""
    restricting = {word.lower() for word in params.restricting_words}
    ranked = []
    for ordinal in facts.of_type(OrdinalClaim):
        if not ordinal.noun or not _predicate(facts, ordinal, params.predicate_cues):
            continue
        scope = _scope(facts, ordinal, restricting)
        if scope is False:
            continue
        names = {name for name in names_before(facts, ordinal) if stem(name.split()[-1].lower()) != stem(ordinal.noun)}
        ranked.append((ordinal, scope, names))
    for index, (later, later_scope, later_names) in enumerate(ranked):
        for earlier, earlier_scope, earlier_names in ranked[:index]:
            if stem(earlier.noun or "") != stem(later.noun or "") or earlier.sentence == later.sentence:
                continue
            if earlier_scope and later_scope and earlier_scope != later_scope:
                continue
            name = shared_name(earlier_names, later_names)
            if name is None or _several(facts, earlier) or _several(facts, later):
                continue
            if dated(facts, earlier.sentence) or dated(facts, later.sentence):
                continue  # a rank then and a rank now may both hold
            fits = earlier.value == later.value
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": name, "noun": later.noun},
                evidence=[evidence(facts, earlier, f"{name} ranked earlier")],
                computation=(f"{name} is ranked '{earlier.text} {earlier.noun}' and then '{later.text} {later.noun}'."),
            )
            break


def _predicate(facts: Facts, ordinal: OrdinalClaim, cues: list[str]) -> bool:
    text = facts.document.text
    lead = text[max(0, ordinal.span.start - 24) : ordinal.span.start].lower()
    return any_cue_search(r"\b{cues}\s+$", cues, lead)


def _scope(facts: Facts, ordinal: OrdinalClaim, restricting: set[str]) -> str | bool | None:
    """The head of the "of ..." phrase after the ranked noun; False when restricted."""
    text = facts.document.text
    noun = ordinal.noun or ""
    index = text.find(noun, ordinal.span.end, ordinal.span.end + 40)
    if index < 0:
        return False
    tail = text[index + len(noun) : index + len(noun) + 80]
    first = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z])", tail)
    if first is None or first.group(1) in (".", ",", ";", ":", ")"):
        return None
    word = first.group(1).lower()
    if word in restricting:
        return False
    if word != "of":
        return None if word in ("and", "so", "this") else False
    phrase = re.match(r"\s*of\s+([^.,;:()]{1,60})", tail)
    if phrase is None:
        return None
    # The head of "of the 2019 Atlantic hurricane season on Monday" is "season".
    head = None
    for word in re.findall(r"[A-Za-z]+", phrase.group(1)):
        if word.lower() in STOPWORDS:
            if head is not None:
                break
            continue
        head = word.lower()
    return stem(head) if head else None


def _several(facts: Facts, ordinal: OrdinalClaim) -> bool:
    """True when the ordinal's sentence ranks the same noun more than once."""
    same: list[Claim] = [
        c
        for c in facts.by_sentence.get(ordinal.sentence, [])
        if isinstance(c, OrdinalClaim) and c.noun and stem(c.noun) == stem(ordinal.noun or "")
    ]
    return len(same) > 1
