"""unit_dimension: a unit of the wrong physical kind for what is measured.

Two general mechanisms, both decided by pint's dimensionality:

* **context cues**: words next to a quantity call for a dimension
  ("high-voltage" calls for electric potential, "winds" for speed); a unit of
  another dimension is flagged. The cue words and the dimension each calls for
  (given as a unit, e.g. ``volt``) are declared in the rule file; a cue may
  hold only right after a linking word ("moving at"), or only as the noun the
  quantity modifies ("a 1,000 MWh cable"). Nothing is flagged when any cue
  agrees with the unit, when the words right after the quantity place it
  ("45 miles from the center", "30 km a day"), or when a restatement in
  parentheses measures what the quantity measures ("140 miles (220 km)").
* **conversions**: a value restated in parentheses ("13 mph (20 km)",
  "6.05 hectares (.0605 km)") must measure the same kind of thing.

The likely fix is a unit of the expected dimension that keeps what was written
(the same SI prefix, or the same base unit), preferring one under which the
restated value agrees with the original.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from pydantic import Field, field_validator

from verify import units
from verify.checks.base import Check, Outcome, Params, evidence
from verify.claims import QuantityClaim
from verify.linking import Facts

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_PREFIXES = ("tera", "giga", "mega", "kilo", "hecto", "centi", "milli", "micro")


class Cue(Params):
    """Words that call for a dimension, and a unit that has it."""

    words: list[str] = Field(min_length=1)
    expect: str
    #: When set, the cue holds only if one of these words stands right before the
    #: quantity: "moving at 13 km" calls for a speed, "moving 30 km" does not.
    linked_by: list[str] = []
    #: When true, the cue holds only as the noun the quantity modifies: "a 1,000 MWh
    #: cable" calls for power, "the cable carried 8 TWh last year" does not.
    head_only: bool = False
    #: When true, the cue holds only as the word right after the quantity, and then even
    #: where ``not_followed_by`` would clear it: "150 mph north of the town" calls for a
    #: distance.
    right_after: bool = False
    #: Words after the cue that make it another noun's modifier: "wind" calls for a speed,
    #: "wind farm" does not.
    unless_followed_by: list[str] = []
    #: Words before the cue that make it an adjective: "will last 3 days" calls for a time,
    #: "the last 30 metres" does not.
    unless_preceded_by: list[str] = []
    #: Units of other kinds the cue is also satisfied by: a cable is rated in watts, but
    #: its voltage ("the 11 kV cable") and its length ("a 700 km cable") are no slip.
    also_accepts: list[str] = []

    @field_validator("also_accepts")
    @classmethod
    def _known_units(cls, values: list[str]) -> list[str]:
        for value in values:
            units.unit_info(value)  # raises LexiconError (a ValueError) for an unknown unit
        return values

    @field_validator("expect")
    @classmethod
    def _known_unit(cls, value: str) -> str:
        units.unit_info(value)  # raises LexiconError (a ValueError) for an unknown unit
        return value


class UnitDimensionParams(Params):
    """Parameters of a unit_dimension rule."""

    #: Context cues; empty to check only conversions.
    cues: list[Cue] = []
    #: How many words before and after the quantity are its context.
    window: int = Field(default=4, ge=1, le=12)
    #: Words (or two-word phrases) right after a quantity that make it a distance or a
    #: rate whatever the cue says: "45 miles from the center", "30 km a day".
    not_followed_by: list[str] = []
    #: Also check that a value restated in parentheses keeps its dimension.
    conversions: bool = False


class UnitDimensionCheck(Check):
    """Flag units whose dimension contradicts their context or their original."""

    kind = "unit_dimension"
    Params = UnitDimensionParams

    def run(self, facts: Facts, params: UnitDimensionParams) -> Iterator[Outcome]:
        quantities = facts.of_type(QuantityClaim)
        if not quantities:
            return  # nothing to judge: the cue table need not be built
        not_followed_by = {phrase.lower() for phrase in params.not_followed_by}
        cue_table = {word.lower(): cue for cue in params.cues for word in cue.words}
        for index, quantity in enumerate(quantities):
            if params.conversions:
                outcome = self._conversion(facts, quantities, index)
                if outcome:
                    yield outcome
            if cue_table:
                outcome = self._context(facts, quantities, quantity, cue_table, params.window, not_followed_by)
                if outcome:
                    yield outcome

    def _context(
        self,
        facts: Facts,
        quantities: list[QuantityClaim],
        quantity: QuantityClaim,
        cue_table: dict[str, Cue],
        window: int,
        not_followed_by: set[str],
    ) -> Outcome | None:
        if quantity.converts is not None:
            return None  # judged against its original instead
        if _restated_alike(facts, quantity):
            return None  # "140 miles (220 km)": the writer means this dimension
        following = _WORD.findall(facts.document.text[quantity.span.end : quantity.span.end + 24].lower())[:2]
        # A right-after cue is the next word or the next two ("5 metres tall", "2.5 µg in diameter").
        phrases = [" ".join(following[:2]), following[0]] if following else []
        right_after = [
            (phrase, cue_table[phrase]) for phrase in phrases if phrase in cue_table and cue_table[phrase].right_after
        ][:1]
        if (
            not right_after
            and following
            and (following[0] in not_followed_by or " ".join(following) in not_followed_by)
        ):
            return None  # "up to 45 miles from the center", "30 km a day": a distance or a rate
        words = _context_words(facts, quantity, window)
        lead = _WORD.findall(facts.document.text[max(0, quantity.span.start - 16) : quantity.span.start].lower())
        word_before = lead[-1] if lead else ""
        cues = right_after + [
            (word, cue_table[word])
            for word, following_word, preceding_word in words
            if word in cue_table
            and not cue_table[word].right_after
            and following_word not in cue_table[word].unless_followed_by
            and preceding_word not in cue_table[word].unless_preceded_by
            and (not cue_table[word].linked_by or word_before in cue_table[word].linked_by)
            and (not cue_table[word].head_only or word == quantity.about)
        ]
        if not cues:
            return None
        expression = quantity.unit
        # Any cue the unit satisfies clears it: context is ambiguous, precision first.
        if any(units.same_dimension(expression, unit) for _, cue in cues for unit in (cue.expect, *cue.also_accepts)):
            return None
        cue_word, cue = cues[0]
        suggestion = _suggest(quantity, cue.expect, None)
        # The article's quantities of the expected dimension, found once per dimension; the
        # three nearest (same value first) without sorting them all for every outcome.
        alike = facts.memo(
            ("quantities of dimension", cue.expect),
            lambda: [other for other in quantities if units.same_dimension(other.unit, cue.expect)],
        )
        related = heapq.nsmallest(
            3,
            (other for other in alike if other is not quantity),
            key=lambda other: (other.value != quantity.value, abs(other.span.start - quantity.span.start)),
        )
        return Outcome(
            claim=quantity,
            verified=False,
            fields={
                "unit": quantity.unit_text,
                "found": units.dimension_name(expression),
                "expected": units.dimension_name(cue.expect),
                "cue": cue_word,
                "suggestion": suggestion or f"a unit of {units.dimension_name(cue.expect)}",
            },
            evidence=[
                evidence(facts, other, f"the article's own {units.dimension_name(cue.expect)}") for other in related[:3]
            ],
            computation=(
                f"{quantity.unit_text} measures {units.dimension_name(expression)} ({quantity.dimensionality}); "
                f"'{cue_word}' calls for {units.dimension_name(cue.expect)} "
                f"({units.unit_info(cue.expect).dimensionality})."
            ),
        )

    def _conversion(self, facts: Facts, quantities: list[QuantityClaim], index: int) -> Outcome | None:
        quantity = quantities[index]
        if quantity.converts is None:
            return None
        original = facts.claim_starting_at(quantity.converts)
        if not isinstance(original, QuantityClaim):
            return None
        if units.same_dimension(original.unit, quantity.unit):
            return None
        suggestion = _suggest(quantity, original.unit, original)
        return Outcome(
            claim=quantity,
            verified=False,
            fields={
                "unit": quantity.unit_text,
                "found": units.dimension_name(quantity.unit),
                "expected": units.dimension_name(original.unit),
                "cue": original.text,
                "suggestion": suggestion or f"a unit of {units.dimension_name(original.unit)}",
            },
            evidence=[evidence(facts, original, "the original value")],
            computation=(
                f"{quantity.text} restates {original.text}, but {quantity.unit_text} measures "
                f"{units.dimension_name(quantity.unit)} and {original.unit_text} measures "
                f"{units.dimension_name(original.unit)}."
            ),
        )


def _restated_alike(facts: Facts, quantity: QuantityClaim) -> bool:
    """True when a restatement in parentheses measures what ``quantity`` measures."""
    # Restatements by the start of what they restate, found once per article (not once per quantity).
    restating = facts.memo("restatements", lambda: _restatements(facts.of_type(QuantityClaim)))
    return any(units.same_dimension(other.unit, quantity.unit) for other in restating.get(quantity.span.start, []))


def _restatements(quantities: list[QuantityClaim]) -> dict[int, list[QuantityClaim]]:
    found: dict[int, list[QuantityClaim]] = {}
    for other in quantities:
        if other.converts is not None:
            found.setdefault(other.converts, []).append(other)
    return found


def _context_words(facts: Facts, quantity: QuantityClaim, window: int) -> list[tuple[str, str, str]]:
    """Words of the quantity's clause within ``window`` words on each side, nearest first,
    each with the word that follows it and the word before it ("" next to the quantity or
    at the clause's ends)."""
    text = facts.document.text
    sentence_start, sentence_end = (
        facts.document.sentences[quantity.sentence] if facts.document.sentences else (0, len(text))
    )
    before_text = text[sentence_start : quantity.span.start]
    before_text = re.split(r"[,;:()]", before_text)[-1]
    after_text = re.split(r"[,;:()]", text[quantity.span.end : sentence_end])[0]
    before = [word.lower() for word in _WORD.findall(before_text)][-window:]
    after = [word.lower() for word in _WORD.findall(after_text)][: window + 1]
    before_all = [word.lower() for word in _WORD.findall(before_text)]
    offset = len(before_all) - len(before)
    before_pairs = [
        (word, before[i + 1] if i + 1 < len(before) else "", before_all[offset + i - 1] if offset + i > 0 else "")
        for i, word in enumerate(before)
    ]
    after_pairs = [
        (word, after[i + 1] if i + 1 < len(after) else "", after[i - 1] if i > 0 else "")
        for i, word in enumerate(after[:window])
    ]
    # Nearest first; at equal distance the word after the quantity (its noun phrase) wins.
    by_distance = [(i, 0, pair) for i, pair in enumerate(after_pairs)] + [
        (i, 1, pair) for i, pair in enumerate(reversed(before_pairs))
    ]
    return [pair for _, _, pair in sorted(by_distance)]


def _suggest(quantity: QuantityClaim, expected: str, original: QuantityClaim | None) -> str | None:
    """A unit of ``expected``'s dimension close to what was written, as a symbol."""
    written = quantity.unit
    prefix = next((p for p in _PREFIXES if written.startswith(p)), "")
    candidates = []
    for form, expression in units.lexicon().items():
        if not units.same_dimension(expression, expected):
            continue
        name = units.unit_info(expression).name
        shares = (
            prefix and name.startswith(prefix) and not any(name.startswith(p) for p in _PREFIXES if p != prefix)
        ) or (written in name)
        if shares:
            candidates.append((form, expression))
    if not candidates:
        return None
    if original is not None and isinstance(original.value, float) and isinstance(quantity.value, float):
        for form, expression in candidates:
            converted = units.convert(original.value, original.unit, expression)
            if converted and abs(converted - quantity.value) / abs(converted) < 0.1:
                return form
    symbols = [form for form, expression in candidates if form == units.symbol(expression)]
    return symbols[0] if symbols else candidates[0][0]


CHECK = UnitDimensionCheck()
