"""arithmetic_mismatch ``average``: an average below a stated minimum or above a stated maximum of one list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from verify.checks.arithmetic_mismatch.shared import WORD, kind_key, value_of
from verify.checks.base import Outcome, Params, evidence
from verify.claims import Claim
from verify.linking import Facts


class AverageParams(Params):
    """Parameters of the ``average`` mechanism."""

    mechanism: Literal["average"]
    #: Words that mark an average ("averaged", "mean").
    average_cues: list[str] = ["average", "averaged", "averages", "averaging", "mean"]
    #: Words allowed between the figures of one list ("and", "been", "with").
    joiners: list[str] = [
        "and", "or", "but", "while", "with", "been", "have", "has", "had", "was", "were", "is", "are",
        "be", "the", "a", "an", "it", "its", "they", "their", "of", "to", "reached", "ranged", "from",
        "between", "rates", "rate", "figures", "values",
    ]  # fmt: skip


def run(facts: Facts, params: AverageParams) -> Iterator[Outcome]:
    """An average outside a minimum or maximum stated in the same list."""
    text = facts.document.text
    cues = {word.lower() for word in params.average_cues}
    allowed = {word.lower() for word in params.joiners} | cues
    for claims in facts.by_sentence.values():
        figures = [c for c in claims if kind_key(c) is not None]
        for average in figures:
            lead = text[max(0, average.span.start - 24) : average.span.start] + average.text
            lead_words = [w.lower() for w in WORD.findall(lead)][-4:]
            if not cues & set(lead_words):
                continue
            key = kind_key(average)
            outcomes: list[Outcome] = []
            for bound in figures:
                if bound is average or kind_key(bound) != key:
                    continue
                approx = getattr(bound, "approx", "exact")
                if approx not in ("at_least", "at_most"):
                    continue
                first, second = sorted((bound, average), key=lambda c: c.span.start)
                between = text[first.span.end : second.span.start]
                for other in figures:  # other figures of the same list may stand between
                    if first.span.end <= other.span.start and other.span.end <= second.span.start:
                        between = between.replace(other.text, " ")
                if not _plain(between, allowed):
                    continue
                outcome = _judge_average(facts, average, bound, approx == "at_least")
                if outcome is not None:
                    outcomes.append(outcome)
            failed = [outcome for outcome in outcomes if not outcome.verified]
            if failed or outcomes:
                yield (failed or outcomes)[0]


def _judge_average(facts: Facts, average: Claim, bound: Claim, is_minimum: bool) -> Outcome | None:
    value, limit = value_of(average), value_of(bound)
    if value is None or limit is None or getattr(average, "approx", "exact") not in ("exact", "about"):
        return None
    # Both are written figures of one list: compared as written, an "about" on
    # the average does not stretch it past a stated bound.
    fits = value >= limit if is_minimum else value <= limit
    word = "minimum" if is_minimum else "maximum"
    relation = "below" if is_minimum else "above"
    return Outcome(
        claim=average,
        verified=fits,
        fields={"bound": bound.text, "word": word, "relation": relation},
        evidence=[evidence(facts, bound, f"the stated {word}")],
        computation=(
            f"An average lies between the smallest and the largest value; '{bound.text}' gives the {word}, "
            f"so the average {'may' if fits else 'cannot'} be {average.text}."
        ),
    )


def _plain(text: str, allowed: set[str]) -> bool:
    """True when ``text`` holds only punctuation and allowed words."""
    return all(word.lower() in allowed for word in WORD.findall(text))
