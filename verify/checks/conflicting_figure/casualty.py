"""conflicting_figure ``casualty``: one group of casualties counted twice (headline and lead, or restated)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from verify.checks.base import Outcome, Params, evidence
from verify.checks.casualties import CasualtyList, Item, casualty_lists, noun_forms, verb_forms
from verify.checks.conflicting_figure.shared import CHANGE_CUES, sentence_words
from verify.claims import CountClaim, DateClaim
from verify.extraction.numbers import parse_number
from verify.findings import Evidence
from verify.linking import Facts


class CasualtyParams(Params):
    """Parameters of the ``casualty`` mechanism."""

    mechanism: Literal["casualty"]
    #: Words that make a figure one of several over time ("the toll rose to"): never a conflict.
    change_cues: list[str] = CHANGE_CUES
    #: Casualty verb classes, each as its written forms ("killed": ["kills", "killed", "died"]).
    verbs: dict[str, list[str]] = {}
    #: Nouns of people a casualty list counts, as "singular" (plural adds "s") or "singular|plural".
    people: list[str] = []
    #: How many body sentences after the dateline make the lead that a headline is compared with.
    lead_sentences: int = Field(default=2, ge=1, le=5)
    #: Nouns that make "all N <noun>" the whole of a casualty class ("killed": ["deaths", "dead"]).
    totals: dict[str, list[str]] = {}


def run(facts: Facts, params: CasualtyParams) -> Iterator[Outcome]:
    """One group of casualties counted twice: headline against lead, or the same nouns restated."""
    if not facts.document.sentences or not params.verbs or not params.people:
        return
    text = facts.document.text
    verbs, nouns = verb_forms(params.verbs), noun_forms(params.people)
    change = {word.lower() for word in params.change_cues}
    body: list[tuple[int, CasualtyList]] = []
    # A list needs a verb: only sentences holding one are read (all when that cannot be told).
    with_verb = facts.sentences_mentioning(verbs)
    for index, (start, end) in enumerate(facts.document.sentences):
        if end > facts.document.body_start and (with_verb is None or index in with_verb):
            body.extend((index, found) for found in casualty_lists(text, start, end, verbs, nouns))
    headline = _headline(facts)
    if headline is not None and not (set(re.findall(r"[a-z]+", text[slice(*headline)].lower())) & change):
        lead = _lead_sentences(facts, params.lead_sentences)
        for title_list in casualty_lists(text, *headline, verbs, nouns):
            for index, found in body:
                if index not in lead:
                    break
                if found.verb != title_list.verb or not set(found.counts()) & set(title_list.counts()):
                    continue
                if not found.active:
                    break  # "three children died at the scene": perhaps a part, not the toll the headline gives
                if not sentence_words(facts, index) & change:
                    yield _casualty_outcome(facts, found, title_list, "in the headline")
                break  # the first telling in the body is the one the headline sums up
    for position, (index, later) in enumerate(body):
        if len(later.counts()) < 2 or sentence_words(facts, index) & change:
            continue
        for earlier_index, earlier in reversed(body[:position]):
            if earlier_index == index or earlier.verb != later.verb or set(earlier.counts()) != set(later.counts()):
                continue
            if sentence_words(facts, earlier_index) & change or _other_dates(facts, index, earlier_index):
                break
            yield _casualty_outcome(facts, later, earlier, "earlier")
            break
    if headline is not None:
        yield from _whole_tolls(facts, params, headline, body)


def _whole_tolls(
    facts: Facts, params: CasualtyParams, headline: tuple[int, int], body: list[tuple[int, CasualtyList]]
) -> Iterator[Outcome]:
    """ "all six deaths" against the toll the headline and the lead agree on, when nothing else tells of one."""
    text = facts.document.text
    verbs, nouns = verb_forms(params.verbs), noun_forms(params.people)
    change = {word.lower() for word in params.change_cues}
    titles = casualty_lists(text, *headline, verbs, nouns)
    leads = _lead_sentences(facts, params.lead_sentences)
    for verb, words in params.totals.items():
        title = next((found for found in titles if found.verb == verb), None)
        lead = next(((index, found) for index, found in body if found.verb == verb), None)
        if lead is not None and (lead[0] not in leads or not lead[1].active):
            continue  # the first telling is not the lead's "killed five girls"
        if title is None or lead is None or sum(title.counts().values()) != sum(lead[1].counts().values()):
            continue
        toll = sum(lead[1].counts().values())
        pattern = re.compile(rf"\ball\s+(?P<n>[\w-]+)\s+(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)
        forms = {form for form, name in verbs.items() if name == verb}
        found = {
            index: list(pattern.finditer(text, start, end))
            for index, (start, end) in enumerate(facts.document.sentences)
            if end > facts.document.body_start and index != lead[0]
        }
        if any(not matches and sentence_words(facts, index) & forms for index, matches in found.items()):
            continue  # another telling of a death: the lead may not hold all of them
        for index, matches in found.items():
            for match in matches:
                value = parse_number(match["n"].lower())
                if value is None or sentence_words(facts, index) & change:
                    continue
                claim = CountClaim(
                    text=text[match.start("n") : match.end()],
                    span=facts.span(match.start("n"), match.end()),
                    sentence=index,
                    value=value,
                    noun=verb,
                    quoted=facts.document.in_quote(match.start(), match.end()),
                )
                first, last = lead[1].items[0], lead[1].items[-1]
                told = text[first.start : last.end]
                yield Outcome(
                    claim=claim,
                    verified=value == toll,
                    fields={"other": told, "verb": verb, "where": "in the headline and the lead", "noun": "people"},
                    evidence=[
                        Evidence(text=told, span=facts.span(first.start, last.end), role="the toll in the lead"),
                    ],
                    computation=f"all {value:g} {verb} here; the headline and the lead both give {toll}.",
                )


def _casualty_outcome(facts: Facts, later: CasualtyList, earlier: CasualtyList, where: str) -> Outcome:
    """Compare the nouns two lists share: the first that differs is the conflict."""
    ours, theirs = later.counts(), earlier.counts()
    shared = [noun for noun in ours if noun in theirs]
    noun = next((n for n in shared if ours[n] != theirs[n]), shared[0])
    item = next(i for i in later.items if i.noun == noun)
    other = next(i for i in earlier.items if i.noun == noun)
    claim, other_claim = _item_claim(facts, item), _item_claim(facts, other)
    if len(earlier.items) > 1 or len(later.items) > 1:
        other_text = facts.document.text[earlier.items[0].start : earlier.items[-1].end]
    else:
        other_text = other_claim.text
    return Outcome(
        claim=claim,
        verified=ours[noun] == theirs[noun],
        fields={"other": other_text, "verb": later.verb, "where": where, "noun": noun},
        evidence=[evidence(facts, other_claim, f"the count given {where}")],
        computation=(
            f"{later.verb}: {noun} {ours[noun]} here, {theirs[noun]} {where} "
            f"({', '.join(f'{n} {ours[n]}/{theirs[n]}' for n in shared)})."
        ),
    )


def _item_claim(facts: Facts, item: Item) -> CountClaim:
    text = facts.document.text
    return CountClaim(
        text=text[item.start : item.end],
        span=facts.span(item.start, item.end),
        sentence=facts.document.sentence_index(item.start),
        about=item.noun,
        quoted=facts.document.in_quote(item.start, item.end),
        value=item.value,
        noun=item.noun,
    )


def _headline(facts: Facts) -> tuple[int, int] | None:
    """Where the front matter's title stands in the file, if it is written there as read."""
    title = facts.document.title
    if not title:
        return None
    start = facts.document.text.find(title, 0, facts.document.body_start)
    return (start, start + len(title)) if start >= 0 else None


def _lead_sentences(facts: Facts, count: int) -> set[int]:
    """The first ``count`` sentences of the body after its dateline: the lead a headline sums up."""
    dateline = facts.document.dateline
    skip = dateline.span.end if dateline is not None else facts.document.body_start
    lead = [index for index, (_, end) in enumerate(facts.document.sentences) if end > skip]
    return set(lead[:count])


def _other_dates(facts: Facts, first: int, second: int) -> bool:
    """True when both sentences name dates ("in 2015", "on Monday") and none is shared: two occasions."""
    ours = {c.value or c.text for c in facts.by_sentence.get(first, []) if isinstance(c, DateClaim)}
    theirs = {c.value or c.text for c in facts.by_sentence.get(second, []) if isinstance(c, DateClaim)}
    return bool(ours and theirs and not ours & theirs)
