"""arithmetic_mismatch ``group``: one group's size stated and implied in adjacent sentences."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import WORD, span_evidence
from verify.checks.base import Outcome, Params
from verify.checks.casualties import noun_forms
from verify.checks.cues import any_cue_search
from verify.checks.groups import GroupSize, named_sizes, rest_sizes, stated_sizes
from verify.claims import NumberClaim
from verify.linking import Facts


class GroupParams(Params):
    """Parameters of the ``group`` mechanism."""

    mechanism: Literal["group"]
    #: Phrases that tie a count to one group of people ("on board", "aboard").
    group_cues: list[str] = []
    #: Nouns of people a group is counted in, as "singular" (plural adds "s") or "singular|plural".
    people: list[str] = []
    #: Words that put a second group in the sentence ("another", "both"): sizes there are not compared.
    group_blockers: list[str] = []


def run(facts: Facts, params: GroupParams) -> Iterator[Outcome]:
    """A group's stated size against the size its parts imply, in the same or the next sentence."""
    if not facts.document.sentences or not params.group_cues or not params.people:
        return
    text = facts.document.text
    sizes = _group_sizes(facts, params)
    for position, (index, later) in enumerate(sizes):
        for earlier_index, earlier in reversed(sizes[:position]):
            if index - earlier_index > 1:
                break
            if earlier.how == later.how == "stated" or earlier.end > later.start:
                continue
            fits = earlier.size == later.size
            claim = NumberClaim(
                text=text[later.start : later.end],
                span=facts.span(later.start, later.end),
                sentence=index,
                value=later.size,
            )
            shown = text[earlier.start : earlier.end]
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"size": later.size, "other": shown, "other_size": earlier.size},
                evidence=[span_evidence(facts, earlier.start, earlier.end, "the size given for the group")],
                computation=(
                    f"'{claim.text}' makes the group {later.size} ({later.how}); "
                    f"'{shown}' makes it {earlier.size} ({earlier.how})."
                ),
            )
            break


def _group_sizes(facts: Facts, params: GroupParams) -> list[tuple[int, GroupSize]]:
    """Each sentence's statements of a group's size, for sentences tied to the group by a cue."""
    text = facts.document.text
    people = noun_forms(params.people)
    cues = [cue.lower() for cue in params.group_cues]
    blockers = {word.lower() for word in params.group_blockers}
    sizes: list[tuple[int, GroupSize]] = []
    cued_before = False
    with_cue = facts.sentences_mentioning(cues)
    for index, (start, end) in enumerate(facts.document.sentences):
        if end <= facts.document.body_start:
            continue
        if with_cue is not None and index not in with_cue and not cued_before:
            continue  # no cue here nor in the sentence before: nothing to read, and nothing to reset
        lowered = text[start:end].lower()
        cued = any_cue_search(r"\b{cues}\b", cues, lowered)
        if set(WORD.findall(lowered)) & blockers:
            cued_before = False
            continue
        if cued:
            found = stated_sizes(text, start, end, people, cues) + named_sizes(text, start, end)
            sizes.extend((index, size) for size in found)
        if cued or cued_before:
            sizes.extend((index, size) for size in rest_sizes(text, start, end, people))
        cued_before = cued
    return sorted(sizes, key=lambda pair: pair[1].start)
