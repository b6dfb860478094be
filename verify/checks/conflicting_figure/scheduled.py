"""conflicting_figure ``scheduled``: one person's event ("stand down", "term ... end") dated to two months."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from verify.checks.base import Outcome, Params, evidence
from verify.checks.conflicting_figure.shared import event_subject
from verify.checks.names import full_name, mentions, same_person
from verify.claims import DateClaim
from verify.linking import Facts
from verify.vocab import MONTH_NAMES, MONTHS


class ScheduledParams(Params):
    """Parameters of the ``scheduled`` mechanism."""

    mechanism: Literal["scheduled"]
    #: Events that may be given a date twice, each as the phrases that name it; "..." stands for up to
    #: four words ("term ... end" matches "his presidential term was to end").
    events: dict[str, list[str]] = {}


_WHEN = re.compile(
    r"[^.;:,]{0,12}?\s(?:in|on|by|until|from)\s+(?P<when>(?P<month>"
    + "|".join(MONTH_NAMES)
    + r")(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?P<year>\d{4})\b)?)"
)


def run(facts: Facts, params: ScheduledParams) -> Iterator[Outcome]:
    """One person's event ("stand down", "term ... end") dated twice, to different months."""
    if not facts.document.sentences:
        return
    text = facts.document.text
    # A sentence can hold a phrase only where it holds the phrase's first word: find
    # those sentences in one pass over the text rather than search every sentence.
    firsts = {phrase.split()[0].lower() for phrases in params.events.values() for phrase in phrases}
    if not firsts:
        return
    finder = _first_words_pattern(tuple(sorted(firsts, key=len, reverse=True)))
    starts = [match.start() for match in facts.finditer(finder, firsts)]
    patterns: dict[str, list[tuple[re.Pattern[str], set[int]]]] = {}
    by_first: dict[str, set[int]] = {}  # phrases often share their first word ("stand down", "stand aside")
    for event, phrases in params.events.items():
        for phrase in phrases:
            word = phrase.split()[0]
            if word not in by_first:
                first = _word_start_pattern(word)
                by_first[word] = {facts.document.sentence_index(start) for start in starts if first.match(text, start)}
            sentences = set(by_first[word])
            if sentences:
                patterns.setdefault(event, []).append((_phrase_pattern(phrase), sentences))
    candidates = sorted({index for entries in patterns.values() for _, sentences in entries for index in sentences})
    found: list[tuple[str, str, int, int, int, int | None]] = []
    for index in candidates:
        start, end = facts.document.sentences[index]
        if end <= facts.document.body_start:
            continue
        for event, compiled in patterns.items():
            for pattern, sentences in compiled:
                if index not in sentences:
                    continue
                for match in pattern.finditer(text, start, end):
                    when = _WHEN.match(text, match.end(), end)
                    if when is None:
                        continue
                    subject = event_subject(facts, index, match.start())
                    subject = full_name(subject, match.start(), mentions(facts)) if subject else None
                    if subject is None:
                        continue
                    month = MONTHS[when["month"].lower()]
                    year = int(when["year"]) if when["year"] else None
                    found.append((event, subject, when.start("when"), when.end("when"), month, year))
    for index, (event, subject, start, end, month, year) in enumerate(found):
        for other_event, other_subject, o_start, o_end, o_month, o_year in found[:index]:
            if other_event != event or not same_person(subject, other_subject) or o_start == start:
                continue
            if year is not None and o_year is not None and year != o_year:
                continue  # another year: another occasion
            fits = month == o_month
            claim = DateClaim(
                text=text[start:end],
                span=facts.span(start, end),
                sentence=facts.document.sentence_index(start),
                month=month,
                year=year,
                granularity="month",
            )
            earlier = DateClaim(
                text=text[o_start:o_end],
                span=facts.span(o_start, o_end),
                sentence=facts.document.sentence_index(o_start),
                month=o_month,
                year=o_year,
                granularity="month",
            )
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"other": earlier.text, "subject": subject, "event": event},
                evidence=[evidence(facts, earlier, f"the date given earlier for the {event}")],
                computation=f"{subject}'s {event}: {earlier.text} earlier, {claim.text} here.",
            )
            break


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [r"\s+".join(rf"{re.escape(word)}\w*" for word in part.split()) for part in phrase.split("...")]
    return re.compile(r"\b" + r"(?:\s+\S+){0,4}?\s+".join(part.strip() for part in parts) + r"\b", re.IGNORECASE)


@lru_cache(maxsize=64)  # once per rule's phrases, not once per document
def _first_words_pattern(firsts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, firsts))})", re.IGNORECASE)


@lru_cache(maxsize=256)
def _word_start_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
