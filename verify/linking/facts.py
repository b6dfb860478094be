"""Facts: the claims of one document with the indexes the checks need.

Every claim already knows its sentence and its subject (``about``); here the
dated claims are put in order and indexed by sentence, paragraph and by the
word stems of their sentences, so that a check can ask "which dates does the
article give for the occupation?" without comparing every claim with every other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from verify.claims import Claim, DateClaim
from verify.document import Document
from verify.reports.model import TimelineEvent
from verify.spans import Span

_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_SUFFIXES = (
    "ations", "ation", "itions", "ition", "ators", "ator", "ating", "ated", "ates", "ments", "ment",
    "ings", "ing", "ied", "ies", "ed", "es", "s", "y", "e",
)  # fmt: skip

ClaimT = TypeVar("ClaimT")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude English stem, enough to tie "occupied" and "occupation" together."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass
class Facts:
    """A document's claims, indexed for the checks."""

    document: Document
    claims: list[Claim]
    by_sentence: dict[int, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    sentence_stems: list[frozenset[str]] = field(default_factory=list)
    #: Valid day-granularity dates, in text order.
    days: list[DateClaim] = field(default_factory=list)

    def of_type(self, kind: type[ClaimT]) -> list[ClaimT]:
        """All claims of one model, in text order."""
        return [claim for claim in self.claims if isinstance(claim, kind)]

    def claim_starting_at(self, offset: int) -> Claim | None:
        """The claim whose span starts at ``offset``."""
        return next((claim for claim in self.claims if claim.span.start == offset), None)

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        return self.document.sentence_text(index)

    def paragraph_of(self, claim: Claim) -> int:
        """The paragraph index a claim stands in."""
        return self.document.paragraph_index(claim.span.start)

    def dates_in_sentence(self, index: int) -> list[DateClaim]:
        """Valid dates with a year in sentence ``index``."""
        return [c for c in self.by_sentence.get(index, []) if isinstance(c, DateClaim) and c.valid and c.year]

    def dates_mentioning(self, word_stem: str) -> list[DateClaim]:
        """Valid dates whose sentence contains a word with stem ``word_stem``."""
        result = []
        for index, stems in enumerate(self.sentence_stems):
            if word_stem in stems:
                result.extend(self.dates_in_sentence(index))
        return result

    def span(self, start: int, end: int) -> Span:
        """A span in the document."""
        return self.document.span(start, end)

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative claims are resolved against."""
        return self.document.reference_date

    def timeline(self) -> list[TimelineEvent]:
        """The article's dated events in order, for the report."""
        events = []
        for claim in self.claims:
            if isinstance(claim, DateClaim) and claim.valid and claim.value:
                label = self.sentence_text(claim.sentence)
                if len(label) > 90:
                    label = label[:87].rstrip() + "..."
                events.append(TimelineEvent(date=claim.value, label=label, line=claim.span.line))
        events.sort(key=lambda event: event.date)
        return events


def build_facts(document: Document, claims: list[Claim]) -> Facts:
    """Index a document's claims for the checks."""
    facts = Facts(document=document, claims=claims)
    for claim in claims:
        facts.by_sentence[claim.sentence].append(claim)
        if isinstance(claim, DateClaim) and claim.date is not None:
            facts.days.append(claim)
    facts.sentence_stems = [
        frozenset(stem(word) for word in _WORD.findall(document.text[start:end])) for start, end in document.sentences
    ]
    return facts
