"""Facts: the claims of one document with the indexes the checks need.

Every claim already knows its sentence and its subject (``about``); here the
dated claims are put in order and indexed by sentence, paragraph and by the
word stems of their sentences, so that a check can ask "which dates does the
article give for the occupation?" without comparing every claim with every other.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any, TypeVar, overload

from verify.claims import Claim, DateClaim
from verify.document import Document
from verify.extraction.wordstart import finditer_at, lowered_for_search
from verify.reports.model import TimelineEvent
from verify.spans import Span

_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_SUFFIXES = (
    "ations", "ation", "itions", "ition", "ators", "ator", "ating", "ated", "ates", "ments", "ment",
    "ings", "ing", "ied", "ies", "ed", "es", "s", "y", "e",
)  # fmt: skip


ClaimT = TypeVar("ClaimT")
T = TypeVar("T")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude English stem, enough to tie "occupied" and "occupation" together."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class SentenceStems(Sequence[frozenset[str]]):
    """The word stems of each sentence, found when a check first asks for a sentence:
    most checks ask about the few sentences that hold a claim they judge."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._stems: list[frozenset[str] | None] = [None] * len(document.sentences)

    def __len__(self) -> int:
        return len(self._stems)

    @overload
    def __getitem__(self, index: int) -> frozenset[str]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[frozenset[str]]: ...

    def __getitem__(self, index: int | slice) -> frozenset[str] | Sequence[frozenset[str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        found = self._stems[index]
        if found is None:
            start, end = self._document.sentences[index]
            # Each distinct word once: a sentence repeats its function words.
            found = self._stems[index] = frozenset(map(stem, set(_WORD.findall(self._document.text, start, end))))
        return found


@dataclass
class Facts:
    """A document's claims, indexed for the checks."""

    document: Document
    claims: list[Claim]
    by_sentence: dict[int, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    sentence_stems: Sequence[frozenset[str]] = field(default_factory=list)
    #: Valid day-granularity dates, in text order.
    days: list[DateClaim] = field(default_factory=list)

    # Lookup tables built on first use, so that a check asking once per claim
    # stays linear in the article's length (see benchmarks/speed.py, scaling).
    _of_type: dict[type, list[Claim]] = field(default_factory=dict, repr=False)
    _by_start: dict[int, Claim] | None = field(default=None, repr=False)
    _stem_sentences: dict[str, list[int]] | None = field(default=None, repr=False)
    _day_keys: tuple[list[int], list[int]] | None = field(default=None, repr=False)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    _dated_sentences: dict[int, list[DateClaim]] = field(default_factory=dict, repr=False)
    _lowered: str | None = field(default=None, repr=False)

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()`` once per document for ``key``: for a check that would
        otherwise rescan the article for every claim (a name's role, a noun's plural)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def _lowered_text(self) -> str:
        """The text lowercased, or "" when ``str.lower`` cannot stand for a case-insensitive
        regex (the text has a letter such a regex equates with an ASCII one: "İ", "ſ")."""
        if self._lowered is None:
            text = self.document.text
            self._lowered = lowered_for_search(text)
        return self._lowered

    def may_mention(self, phrases: Iterable[str]) -> bool:
        """False only when no phrase stands anywhere in the text, in any case: a check
        skips its whole-text regex search then. A phrase that is not plain ASCII, or a text
        with a letter a case-insensitive regex equates with an ASCII one, is always "maybe"."""
        lowered = self._lowered_text()
        return any(not lowered or not phrase.isascii() or phrase.lower() in lowered for phrase in phrases)

    def sentences_mentioning(self, phrases: Iterable[str]) -> set[int] | None:
        """The indexes of the sentences that hold one of ``phrases`` in any case, as
        ``phrase.lower() in sentence.lower()`` would find them: a check reads only those.
        None when that cannot be told by one search of the text (as for :meth:`may_mention`)."""
        lowered, sentences = self._lowered_text(), self.document.sentences
        needles = {phrase.lower() for phrase in phrases}
        if not lowered or not all(needle and needle.isascii() for needle in needles):
            return None
        if any(previous[1] > following[0] for previous, following in pairwise(sentences)):
            return None  # overlapping sentences: an offset may stand in two
        found: set[int] = set()
        for needle in needles:
            index = lowered.find(needle)
            while index >= 0:
                sentence = self.document.sentence_index(index)
                if sentences and sentences[sentence][0] <= index and index + len(needle) <= sentences[sentence][1]:
                    found.add(sentence)
                index = lowered.find(needle, index + 1)
        return found

    def finditer(self, pattern: re.Pattern[str], openings: Iterable[str], pos: int = 0) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos)`` for a pattern whose every match opens with one of
        ``openings`` in any case (after zero-width assertions such as ``\\b``): the pattern is
        tried only where an opening stands (see :func:`verify.extraction.wordstart.finditer_at`)."""
        text = self.document.text
        return finditer_at(pattern, text, self._lowered_text(), openings, pos, len(text))

    def of_type(self, kind: type[ClaimT]) -> list[ClaimT]:
        """All claims of one model, in text order."""
        if kind not in self._of_type:
            self._of_type[kind] = [claim for claim in self.claims if isinstance(claim, kind)]
        return list(self._of_type[kind])  # type: ignore[arg-type]

    def claim_starting_at(self, offset: int) -> Claim | None:
        """The claim whose span starts at ``offset``."""
        if self._by_start is None:
            self._by_start = {}
            for claim in self.claims:
                self._by_start.setdefault(claim.span.start, claim)
        return self._by_start.get(offset)

    def days_in_paragraphs(self, first: int, last: int) -> list[DateClaim]:
        """The :attr:`days` in paragraphs ``first`` to ``last`` (inclusive), in text order."""
        paragraphs, _ = self._days_index()
        return self.days[bisect_left(paragraphs, first) : bisect_right(paragraphs, last)]

    def days_in_sentences(self, first: int, last: int) -> list[DateClaim]:
        """The :attr:`days` in sentences ``first`` to ``last`` (inclusive), in text order."""
        _, sentences = self._days_index()
        return self.days[bisect_left(sentences, first) : bisect_right(sentences, last)]

    def _days_index(self) -> tuple[list[int], list[int]]:
        if self._day_keys is None:
            # Days are in text order, so their paragraph and sentence indexes ascend.
            self._day_keys = ([self.paragraph_of(d) for d in self.days], [d.sentence for d in self.days])
        return self._day_keys

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        return self.document.sentence_text(index)

    def paragraph_of(self, claim: Claim) -> int:
        """The paragraph index a claim stands in."""
        return self.document.paragraph_index(claim.span.start)

    def dates_in_sentence(self, index: int) -> list[DateClaim]:
        """Valid dates with a year in sentence ``index``."""
        found = self._dated_sentences.get(index)
        if found is None:  # once per sentence: checks ask for every claim tied to it
            found = [c for c in self.by_sentence.get(index, []) if isinstance(c, DateClaim) and c.valid and c.year]
            self._dated_sentences[index] = found
        return list(found)

    def dates_mentioning(self, word_stem: str) -> list[DateClaim]:
        """Valid dates whose sentence contains a word with stem ``word_stem``."""
        if self._stem_sentences is None:
            self._stem_sentences = defaultdict(list)
            for index in range(len(self.sentence_stems)):
                if self.dates_in_sentence(index):  # only these sentences give dates to find
                    for each in self.sentence_stems[index]:
                        self._stem_sentences[each].append(index)
        result = []
        for index in self._stem_sentences.get(word_stem, ()):
            result.extend(self.dates_in_sentence(index))
        return result

    def dates_with_cues(
        self, cue_stems: set[str], skip_stems: frozenset[str] | set[str] = frozenset(), after: dt.date | None = None
    ) -> list[DateClaim]:
        """Calendar days in sentences holding a cue word ("ended", "until") and no skip
        word ("anniversary"), later than ``after`` when given."""
        # The sentences' cues do not change between calls: find them once per rule's cue words.
        key = ("dates with cues", frozenset(cue_stems), frozenset(skip_stems))
        cued = self.memo(key, lambda: self._cued_days(cue_stems, skip_stems))
        return [day for day, date in cued if after is None or date > after]

    def _cued_days(self, cue_stems: set[str], skip_stems: frozenset[str] | set[str]) -> list[tuple[DateClaim, dt.date]]:
        result = []
        for day in self.days:
            stems = self.sentence_stems[day.sentence]
            date = day.date
            if date is not None and stems & cue_stems and not stems & skip_stems:
                result.append((day, date))
        return result

    def clause_mentions(self, claim: Claim, word_stem: str) -> bool:
        """True when the clause around ``claim`` (between commas, semicolons or
        brackets within its sentence) has a word with stem ``word_stem``."""
        text = self.document.text
        start, end = self.document.sentences[claim.sentence] if self.document.sentences else (0, len(text))
        left = max(text.rfind(mark, start, claim.span.start) for mark in ",;:()")
        rights = [i for i in (text.find(mark, claim.span.end, end) for mark in ",;:()") if i >= 0]
        clause = text[max(start, left + 1) : min(rights) if rights else end]
        return any(stem(word) == word_stem for word in _WORD.findall(clause))

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
    facts.sentence_stems = SentenceStems(document)
    return facts
