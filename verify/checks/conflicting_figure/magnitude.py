"""conflicting_figure ``magnitude``: one dated event given two magnitudes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from verify.checks.base import Outcome, Params
from verify.checks.conflicting_figure.shared import elsewhere, sentence_words
from verify.claims import DateClaim, NumberClaim
from verify.findings import Evidence
from verify.linking import Facts


class MagnitudeParams(Params):
    """Parameters of the ``magnitude`` mechanism."""

    mechanism: Literal["magnitude"]
    #: Nouns of the events a magnitude measures ("quake", "earthquake").
    event_nouns: list[str] = []
    #: Words that leave a sentence's magnitude out: another scale, agency or estimate ("Richter", "initially").
    magnitude_blockers: list[str] = []
    #: Phrases that put two such events on one day in the article ("second quake"): no magnitude is compared.
    several_events: list[str] = []


def run(facts: Facts, params: MagnitudeParams) -> Iterator[Outcome]:
    """One dated event given two magnitudes."""
    if not facts.document.sentences or not facts.may_mention(params.event_nouns):
        return  # every magnitude is written before an event noun ("quake")
    text = facts.document.text
    several = _lowered_alternation(tuple(params.several_events))
    # Lowering and searching the body only when a phrase stands somewhere in the text.
    if several and facts.may_mention(params.several_events):
        lowered = text[facts.document.body_start :].lower()
        if re.search(rf"\b(?:{several})\b", lowered):  # one pass for every phrase
            return
    pattern = _magnitude_pattern(tuple(params.event_nouns))
    blockers = {word.lower() for word in params.magnitude_blockers}
    seen: dict[str, _Magnitude] = {}
    for index, (_, end) in enumerate(facts.document.sentences):
        if end <= facts.document.body_start:
            continue
        for magnitude in _magnitudes_in(facts, index, pattern, blockers):
            earlier = seen.setdefault(magnitude.day, magnitude)
            if earlier is magnitude:
                continue
            if elsewhere(facts, earlier.sentence, index):
                continue  # "In Japan, a magnitude 5.8 quake ... In Chile, a magnitude 6.1 quake"
            places = min(earlier.decimals, magnitude.decimals)
            fits = round(earlier.value, places) == round(magnitude.value, places)
            claim = NumberClaim(
                text=text[magnitude.start : magnitude.end],
                span=facts.span(magnitude.start, magnitude.end),
                sentence=index,
                value=magnitude.value,
            )
            other = text[earlier.start : earlier.end]
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"other": other, "day": magnitude.day},
                evidence=[
                    Evidence(
                        text=other, span=facts.span(earlier.start, earlier.end), role="the magnitude given earlier"
                    )
                ],
                computation=f"the event of {magnitude.day}: magnitude {earlier.value:g} earlier, {magnitude.value:g} here.",
            )


@dataclass
class _Magnitude:
    value: float
    decimals: int
    start: int
    end: int
    day: str
    sentence: int = -1


@lru_cache(maxsize=64)  # once per rule's nouns, not once per document
def _magnitude_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        r"(?:\bmagnitude[- ](?P<a>\d(?:\.\d)?)\b|(?<![\d.])(?P<b>\d(?:\.\d)?)[- ]magnitude\b"
        r"|\b(?:an?|the)\s+(?P<c>\d\.\d)(?=\s))"
        rf"(?:\s+[\[(]?(?:{noun})[\])]?\b)",
        re.IGNORECASE,
    )


def _magnitudes_in(facts: Facts, index: int, pattern: re.Pattern[str], blockers: set[str]) -> list[_Magnitude]:
    """A sentence's magnitudes, each with the day date written within a few words of it."""
    days = [
        c for c in facts.by_sentence.get(index, []) if isinstance(c, DateClaim) and c.granularity == "day" and c.date
    ]
    if not days or sentence_words(facts, index) & blockers:
        return []  # no date to tie a magnitude to: nothing to search for
    text = facts.document.text
    start, end = facts.document.sentences[index]
    matches = list(pattern.finditer(text, start, end))
    found = []
    for match in matches:
        written = match["a"] or match["b"] or match["c"]
        near = [
            day
            for day in days
            if (0 <= match.start() - day.span.end <= 12 and not re.search(r"[;,]", text[day.span.end : match.start()]))
            or (0 <= day.span.start - match.end() <= 24 and not re.search(r"[;,]", text[match.end() : day.span.start]))
        ]
        if len(near) != 1 or len(matches) > 1:
            continue
        decimals = len(written.partition(".")[2])
        found.append(_Magnitude(float(written), decimals, match.start(), match.end(), str(near[0].date), index))
    return found


@lru_cache(maxsize=64)  # once per rule's phrases, not once per document
def _lowered_alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(phrase.lower()) for phrase in phrases)
