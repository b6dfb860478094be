"""conflicting_figure ``measure``: one singular thing measured twice ("a 5-inch knife" ... "the 10-inch knife")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from verify import units
from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import CHANGE_CUES, dated, sentence_words
from verify.claims import QuantityClaim
from verify.extraction.lexicon import IRREGULAR_PARTICIPLES, STOPWORDS
from verify.linking import Facts


class MeasureParams(Params):
    """Parameters of the ``measure`` mechanism."""

    mechanism: Literal["measure"]
    #: Words that make a figure one of several over time ("the toll rose to"): never a conflict.
    change_cues: list[str] = CHANGE_CUES
    #: Relative difference below which two measures of one thing agree (rounding).
    measure_tolerance: float = Field(default=0.1, ge=0, le=0.5)
    #: Nouns a measure names an event or a class for rather than measures: "the 100m
    #: champion", "the 5,000m final", "the 50 km walk".
    named_by_measure: list[str] = []
    #: Words that put a measure at another time or in a hypothetical ("forecast", "will",
    #: "before", "first"): such sentences are not compared.
    other_time_words: list[str] = []


_INDEFINITE = re.compile(r"\b(?:an?|one|another)\s+$", re.IGNORECASE)
_PLURAL_OR_OTHER = (
    r"\b(?:another|other|second|both|two|several|each|every|new|old|original|former|previous|existing|replacement)"
    r"\s+(?:\S+\s+)?{noun}\b|\b{noun}s\b|\b{noun}es\b"
)
# Words after a measure that place or qualify it rather than name what is measured:
# "one meter away", "5 miles north of town", "30 km inland".
_NOT_MEASURED_THINGS = frozenset(
    "away apart off ahead behind above below beneath north south east west northeast northwest southeast "
    "southwest northward southward eastward westward offshore inland upstream downstream downhill uphill "
    "long high deep wide tall thick across along deeper higher longer wider further farther".split()
)


def run(facts: Facts, params: MeasureParams) -> Iterator[Outcome]:
    """One singular thing ("the knife") measured twice with different values."""
    text = facts.document.text
    body = text[facts.document.body_start :]
    change = {word.lower() for word in params.change_cues} | {word.lower() for word in params.other_time_words}
    named_by = {word.lower() for word in params.named_by_measure}
    measured = [
        (q, noun)
        for q in facts.of_type(QuantityClaim)
        if q.approx == "exact"
        and not q.quoted  # a quote may be hypothetical ("doesn't mean they're one meter away")
        and not isinstance(q.value, tuple)
        and not q.values
        and q.converts is None
        and (noun := _premodified(text, q))
        and noun not in named_by
        and not (sentence_words(facts, q.sentence) & change)
        and not re.search(r"\bfrom\b.*\bto\b", facts.sentence_text(q.sentence))
    ]
    originals = {q.converts for q in facts.of_type(QuantityClaim) if q.converts is not None}
    several: dict[str, bool] = {}
    # Earlier measures of each noun, in text order: a measure is compared only with its own noun's.
    same_noun: dict[str, list[QuantityClaim]] = {}
    for later, noun in measured:
        earlier_measures = same_noun.setdefault(noun, [])
        if earlier_measures and several.get(noun):
            continue  # the article speaks of more than one: no pair of this noun is judged
        earlier_measures.append(later)
        for earlier in earlier_measures[:-1]:
            if earlier.sentence == later.sentence:
                continue
            if _INDEFINITE.search(text, max(0, later.span.start - 8), later.span.start):
                continue  # "a 3-metre whale skeleton" after "a 12-metre whale skeleton": a second one
            if earlier.span.start in originals or later.span.start in originals:
                continue
            if dated(facts, earlier.sentence) and dated(facts, later.sentence):
                continue  # measures at two dates may both hold
            if not units.same_dimension(earlier.unit, later.unit):
                continue
            if noun not in several:  # once per noun: the search runs over the whole body
                several[noun] = (
                    re.search(_PLURAL_OR_OTHER.format(noun=re.escape(noun)), body, re.IGNORECASE) is not None
                )
            if several[noun]:
                continue  # the article speaks of more than one
            assert isinstance(earlier.value, float) and isinstance(later.value, float)
            converted = units.convert(earlier.value, earlier.unit, later.unit)
            scale = max(abs(converted), abs(later.value)) or 1.0
            fits = abs(converted - later.value) / scale <= params.measure_tolerance
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": f"the {noun}", "noun": noun},
                evidence=[evidence(facts, earlier, "the measure given earlier")],
                computation=(
                    f"The article speaks of one {noun}: {earlier.text} earlier, {later.text} here "
                    f"({converted:g} {later.unit} against {later.value:g} {later.unit})."
                ),
            )
            break


def _premodified(text: str, quantity: QuantityClaim) -> str | None:
    """The noun a quantity qualifies directly ("a 5-inch knife" → "knife"), if any."""
    tail = text[quantity.span.end : quantity.span.end + 40]
    match = re.match(r"(?:-(?:long|high|wide|deep|tall))?\s+([a-z][a-z-]{2,})\b", tail)
    if match is None or match.group(1) in STOPWORDS or match.group(1) in _NOT_MEASURED_THINGS:
        return None
    word = match.group(1)
    if word.endswith("ly"):
        return None  # an adverb: "two metres directly"
    if word.endswith("ed") or word in IRREGULAR_PARTICIPLES:
        return None  # a verb: "75,000 tonnes followed by France"
    return word
