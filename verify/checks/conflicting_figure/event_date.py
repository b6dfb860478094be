"""conflicting_figure ``event_date``: one event dated twice by an attributive date ("the November 27 agreement")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import elsewhere
from verify.claims import DateClaim
from verify.linking import Facts


class EventDateParams(Params):
    """Parameters of the ``event_date`` mechanism."""

    mechanism: Literal["event_date"]
    #: Events that may be given a date twice, each as the nouns of its class ("agreement": ["deal", "accord"]).
    events: dict[str, list[str]] = {}
    #: Words before a noun that make it one of several ("another", "second").
    several_words: list[str] = []


def run(facts: Facts, params: EventDateParams) -> Iterator[Outcome]:
    """One event, named by a noun of one class, given two attributive day dates."""
    if not params.events:
        return
    text = facts.document.text
    body = text[facts.document.body_start :]
    # Attributive day dates ("the March 5 agreement") are found once for every event class,
    # and the whole body is searched for plurals only for a class that has one.
    attributive = [
        date
        for date in facts.of_type(DateClaim)
        if date.granularity == "day"
        and date.date is not None
        and date.span.start >= facts.document.body_start
        and _THE_BEFORE.search(text[max(0, date.span.start - 5) : date.span.start])
    ]
    for event, nouns in params.events.items():
        after = _event_noun_after(tuple(nouns))
        candidates = [(date, match) for date in attributive if (match := after.match(text, date.span.end))]
        if not candidates or _several_of(body, nouns, params.several_words):
            continue
        dated: list[tuple[DateClaim, set[str]]] = []
        for date, match in candidates:
            modifiers = set(match["modifiers"].split())
            # Another sentence, and no two different kinds ("the trade agreement", "the security agreement").
            # ... nor two places ("the March 3 quake in Japan", "the March 5 quake in Chile").
            same = [
                other
                for other, theirs in dated
                if other.sentence != date.sentence
                and (not modifiers or not theirs or modifiers & theirs)
                and not elsewhere(facts, other.sentence, date.sentence)
                and _placed_after(text, other) == _placed_after(text, date)
            ]
            earlier = next((other for other in same if other.date != date.date), None)
            if same:
                first = earlier or same[0]
                yield Outcome(
                    claim=date,
                    verified=earlier is None,
                    fields={"other": first.text, "subject": f"the {event}", "event": event},
                    evidence=[evidence(facts, first, f"the date given earlier for the {event}")],
                    computation=f"the {event}: {first.date} earlier, {date.date} here; the article names one {event}.",
                )
            dated.append((date, modifiers))


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _several_of(body: str, nouns: list[str], several: list[str]) -> bool:
    """True when the article speaks of more than one event of a class ("agreements", "another deal")."""
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(several, key=len, reverse=True))
    plural = rf"\b(?:{noun})(?:s|es)\b"
    other = rf"\b(?:{words})\s+(?:[a-z-]+\s+){{0,2}}(?:{noun})\b" if words else plural
    return re.search(rf"{plural}|{other}", body, re.IGNORECASE) is not None


@lru_cache(maxsize=64)  # once per rule's event class, not once per document
def _event_noun_after(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Up to three modifiers, then one of ``nouns``: what follows "the <day date>"."""
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?P<modifiers>(?:[a-z][a-z-]*\s+){{0,3}}?)(?:{noun})\b")


_PLACED = re.compile(r"\s+[a-z]+\s+(?:in|at|on|over|near|off)\s+(?:the\s+)?(?P<where>[\w'’-]+)", re.IGNORECASE)


def _placed_after(text: str, date: DateClaim) -> str | None:
    """Where the event noun after a date is placed ("the May 28 fire at the factory" → factory)."""
    match = _PLACED.match(text, date.span.end)
    return match["where"].lower() if match else None
