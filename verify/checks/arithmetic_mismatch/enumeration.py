"""arithmetic_mismatch ``enumeration``: a count against the list that names its members."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from verify.checks.arithmetic_mismatch.shared import fmt, sentence_bounds, span_evidence
from verify.checks.base import Outcome, Params
from verify.claims import CountClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts, stem


class EnumerationParams(Params):
    """Parameters of the ``enumeration`` mechanism."""

    mechanism: Literal["enumeration"]
    #: Words that make a list partial ("including", "such as").
    partial_cues: list[str] = ["including", "include", "includes", "such as", "among them", "among", "like", "e.g"]
    #: How many sentences after a count its enumerating list may stand.
    enumeration_reach: int = Field(default=6, ge=0, le=12)
    #: Content words a later list's sentence must share with the count's sentence.
    enumeration_shared_words: int = Field(default=2, ge=1, le=5)


_ITEM = r"[A-Z][\w'’-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’-]*){0,3}"
_LIST_AFTER_MARK = re.compile(
    # The counted noun, up to six lowercase words ("signed the accord"), a colon,
    # dash or parenthesis, then the list.
    rf"(?:\s+[a-z][\w'’-]*){{0,6}}\s*(?::|—|–|--|\()\s*"
    rf"(?P<list>{_ITEM}(?:\s*,\s*{_ITEM}){{0,20}}\s*,?\s+(?:and|or)\s+{_ITEM})"
    r"\s*(?P<tail>[.;)—–]|$|\s+(?:and|to|in|on|at|were|was|are|is|have|had)\b)"
)


def _list_items(listing: str) -> list[str]:
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", listing)
    return [part for part in parts if part]


def run(facts: Facts, params: EnumerationParams) -> Iterator[Outcome]:
    """A count against the number of members its list names."""
    text = facts.document.text
    partial = [cue.lower() for cue in params.partial_cues]
    for count in facts.of_type(CountClaim):
        if count.partitive or count.approx != "exact" or not 2 <= count.value <= 30:
            continue
        noun_end = _noun_end(text, count)
        if noun_end is None:
            continue
        found = _same_sentence_list(text, noun_end, partial) or _later_list(facts, count, params, partial)
        if found is None:
            continue
        start, end, items = found
        fits = len(items) == count.value
        listed = text[start:end]
        yield Outcome(
            claim=count,
            verified=fits,
            fields={"listed": len(items), "noun": count.noun, "items": listed},
            evidence=[span_evidence(facts, start, end, "the list of the things counted")],
            computation=f"The list names {len(items)}: {'; '.join(items)}; the count says {fmt(count.value)}.",
        )


def _noun_end(text: str, count: CountClaim) -> int | None:
    index = text.find(count.noun, count.span.end, count.span.end + 40)
    if index < 0:
        index = text.lower().find(count.noun, count.span.end, count.span.end + 40)
    return None if index < 0 else index + len(count.noun)


def _partial_before(text: str, start: int, partial: list[str]) -> bool:
    lead = text[max(0, start - 24) : start].lower()
    return any(re.search(rf"\b{re.escape(cue)}\W*$", lead) for cue in partial)


def _same_sentence_list(text: str, noun_end: int, partial: list[str]) -> tuple[int, int, list[str]] | None:
    match = _LIST_AFTER_MARK.match(text, noun_end)
    if match is None or _partial_before(text, match.start("list"), partial):
        return None
    listing = match["list"]
    if re.search(r"\b(?:etc|others)\b", listing):
        return None
    return match.start("list"), match.end("list"), _list_items(listing)


def _later_list(
    facts: Facts, count: CountClaim, params: EnumerationParams, partial: list[str]
) -> tuple[int, int, list[str]] | None:
    """A following sentence whose list items each carry the counted noun ("County Galway")."""
    text = facts.document.text
    noun = count.noun.lower()
    singular = _singular(noun)
    if singular is None:
        return None
    name = singular.capitalize()
    item = rf"(?:{name}\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+{name})"
    pattern: re.Pattern[str] | None = None  # compiled only for a sentence that may hold the list
    function_stems = {stem(word) for word in STOPWORDS}
    count_stems = facts.sentence_stems[count.sentence] - {stem(noun), stem(singular)} - function_stems
    last = min(len(facts.document.sentences) - 1, count.sentence + params.enumeration_reach)
    for sentence in range(count.sentence + 1, last + 1):
        if any(isinstance(c, CountClaim) and stem(c.noun) == stem(noun) for c in facts.by_sentence.get(sentence, [])):
            return None  # another count of the same noun: the list may be its
        if len(count_stems & facts.sentence_stems[sentence]) < params.enumeration_shared_words:
            continue
        start, end = sentence_bounds(facts, sentence)
        if pattern is None:
            pattern = re.compile(rf"{item}(?:\s*,\s*{item}){{0,20}}\s*,?\s+(?:and|or)\s+{item}")
        match = pattern.search(text, start, end)
        if match is None or _partial_before(text, match.start(), partial):
            continue
        items = re.findall(item, match.group(0))
        if len(items) < 3:
            return None  # two names are as often a mention as a list
        return match.start(), match.end(), items
    return None


def _singular(noun: str) -> str | None:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return None
