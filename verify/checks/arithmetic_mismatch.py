"""arithmetic_mismatch: figures that the article's own arithmetic contradicts.

Each mechanism is switched on by a rule's ``params.mechanism`` and ties the
figures by the syntax that makes them one computation, never by closeness
alone:

* ``subset``: "six of the murders ... and seven of those": a part named by an
  anaphoric partitive ("N of those/these/them/which") cannot exceed the count
  it refers back to. Every earlier count in the sentence must be smaller, so an
  ambiguous antecedent is never flagged. "14 of the 12 crew members" is
  checked directly.
* ``average``: "at least 55%, as high as 90%, and averaged around 50%": an
  average cannot fall below a stated minimum or above a stated maximum. The
  figures must stand in one list about one subject: between them only other
  figures, punctuation and the connecting words of ``params.joiners``.
* ``enumeration``: "seven counties ...: A, B, C, D, E and F": a count against
  the list that names its members, either after a colon or dash in the count's
  own sentence, or in a following sentence whose three or more items each
  carry the counted noun ("County Galway, County Mayo") and which shares two
  content words with the count's sentence. A list introduced by "including", "such as" is partial and
  never judged.
* ``total``: parts against a stated total: "three men and two women, six
  people in all" (a run of counts joined by "and" next to a total cue), and
  "41 delegates: A at 14, B with 12 ... and E the remaining 1" (every bare
  figure between a total and "the remaining N" is a part).
* ``group``: one group's size stated and implied in adjacent sentences: "four
  people on board" against "one was pronounced dead, with the other four
  taken to hospital" (1 + 4), or "Bryant and eight others on board" against
  "Bryant, his daughter Gianna, and eight others" (1 + 8 and 2 + 8). Both
  sentences (or the one before a part-and-rest) carry a ``group_cues`` phrase
  and no ``group_blockers`` word.
* ``revision``: "This revised upwards an earlier toll of 27" when every
  exact toll nearby (two sentences before, the sentence itself and the one
  after, each with a ``toll_words`` word; a sentence's counts also taken as a
  sum) is 27 or less: an upward revision needs a larger new figure, a
  downward one a smaller. "At least 20" is a bound, never a new figure.
* ``change``: "doubled", "tripled", "halved", "rose by 20%", "a 20% drop"
  and "rose by 5" against the "from A to B" values in the same clause; a
  margin ("won by 20 votes, 120 to 100") against the score beside it; and
  "A of B (C%)" / "A out of B, or C%" against the two numbers a percentage is
  computed from.

Figures are computed as written; a stated percentage may be rounded to its
last written place (at least a whole point) plus ``tolerance``, a change word
("doubled") is loose by ``ratio_tolerance``. An approximator ("about",
"nearly", "more than") or a vague amount makes a figure undecidable for sums
and loosens percentages by ``about_tolerance``; "nearly doubled" is not judged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from pydantic import Field

from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.casualties import noun_forms
from verify.checks.conversion_mismatch import half_step
from verify.checks.cues import any_cue_match, any_cue_search
from verify.checks.groups import GroupSize, named_sizes, rest_sizes, stated_sizes
from verify.claims import Claim, CountClaim, MoneyClaim, NumberClaim, PercentageClaim, QuantityClaim
from verify.extraction.lexicon import STOPWORDS
from verify.extraction.wordstart import BOUNDARY_BEHIND, dispatch, ignorecase_words
from verify.findings import Evidence
from verify.linking import Facts, stem

Mechanism = Literal["subset", "average", "enumeration", "total", "change", "group", "revision"]

_ANAPHOR = re.compile(r"\s+of\s+(?:those|these|them|which|whom)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[6-9]\d\d|20\d\d)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class ArithmeticParams(Params):
    """Parameters of an arithmetic_mismatch rule."""

    mechanism: Mechanism
    #: Words that mark an average ("averaged", "mean").
    average_cues: list[str] = ["average", "averaged", "averages", "averaging", "mean"]
    #: Words allowed between the figures of one list ("and", "been", "with").
    joiners: list[str] = [
        "and", "or", "but", "while", "with", "been", "have", "has", "had", "was", "were", "is", "are",
        "be", "the", "a", "an", "it", "its", "they", "their", "of", "to", "reached", "ranged", "from",
        "between", "rates", "rate", "figures", "values",
    ]  # fmt: skip
    #: Words that make a list partial ("including", "such as").
    partial_cues: list[str] = ["including", "include", "includes", "such as", "among them", "among", "like", "e.g"]
    #: Words after a figure that make it a total ("in all", "in total").
    total_after: list[str] = ["in all", "in total", "altogether", "all told", "total", "combined"]
    #: Words before a figure that make it a total ("a total of").
    total_before: list[str] = ["a total of", "total of", "totalling", "totaling", "for a total of"]
    #: Words before the last part that make it the rest of a stated total.
    remainder_cues: list[str] = ["the remaining", "the other", "the rest", "remaining"]
    #: Change words and the ratio they imply.
    ratios: dict[str, float] = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "quadrupled": 4,
                                "halved": 0.5, "halving": 0.5}  # fmt: skip
    #: Words for a rise and for a fall, for "rose by N%" and "a N% drop".
    rises: list[str] = ["rose", "risen", "rise", "increase", "increased", "grew", "grown", "growth", "up", "climbed",
                        "jumped", "gain", "gained", "higher"]  # fmt: skip
    falls: list[str] = ["fell", "fallen", "fall", "decrease", "decreased", "dropped", "drop", "declined", "decline",
                        "down", "cut", "reduced", "reduction", "lower", "shrank", "slumped"]  # fmt: skip
    #: Words that make "by N ..., A to B" a winning margin ("won", "beat").
    margin_cues: list[str] = ["won", "wins", "win", "beat", "beats", "defeated", "lost", "passed", "margin", "edged"]
    #: Relative slack on "doubled", "tripled", "halved": words that round as they speak.
    ratio_tolerance: float = Field(default=0.15, ge=0, le=0.5)
    #: Relative slack on a computed figure.
    tolerance: float = Field(default=0.02, ge=0, le=0.5)
    #: Relative slack when a figure is approximate ("about", "nearly").
    about_tolerance: float = Field(default=0.1, ge=0, le=0.5)
    #: How many sentences after a count its enumerating list may stand.
    enumeration_reach: int = Field(default=6, ge=0, le=12)
    #: Content words a later list's sentence must share with the count's sentence.
    enumeration_shared_words: int = Field(default=2, ge=1, le=5)
    #: Phrases that tie a count to one group of people ("on board", "aboard").
    group_cues: list[str] = []
    #: Nouns of people a group is counted in, as "singular" (plural adds "s") or "singular|plural".
    people: list[str] = []
    #: Words that put a second group in the sentence ("another", "both"): sizes there are not compared.
    group_blockers: list[str] = []
    #: Phrases that revise a figure upward and downward ("revised upwards", "lowered").
    revised_up: list[str] = []
    revised_down: list[str] = []
    #: Words for an earlier figure ("earlier", "previous") and for what is revised ("toll", "figure").
    earlier_words: list[str] = []
    revised_nouns: list[str] = []
    #: Words that make a sentence's counts a toll ("killed", "deaths"): only those are new figures.
    toll_words: list[str] = []
    #: Words that make a count an increment ("two more bodies"): a revision near one is not judged.
    increment_cues: list[str] = []


class ArithmeticCheck(Check):
    """Recompute what the article's figures imply and compare."""

    kind = "arithmetic_mismatch"
    Params = ArithmeticParams

    def run(self, facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
        mechanism = {
            "subset": _subsets,
            "average": _averages,
            "enumeration": _enumerations,
            "total": _totals,
            "change": _changes,
            "group": _groups,
            "revision": _revisions,
        }[params.mechanism]
        yield from mechanism(facts, params)


# -- helpers -----------------------------------------------------------------


def _value(claim: Claim) -> float | None:
    value = getattr(claim, "value", None)
    return float(value) if isinstance(value, (int, float)) else None


def _is_year(facts: Facts, claim: Claim) -> bool:
    return isinstance(claim, NumberClaim) and _YEAR.fullmatch(claim.text.strip()) is not None


def _figures(facts: Facts, sentence: int) -> list[Claim]:
    """Counts and bare numbers of a sentence, years left out."""
    return [
        claim
        for claim in facts.by_sentence.get(sentence, [])
        if isinstance(claim, (CountClaim, NumberClaim)) and not _is_year(facts, claim)
    ]


def _stems(words: list[str]) -> set[str]:
    return {stem(word) for word in words}


def _plain(text: str, allowed: set[str]) -> bool:
    """True when ``text`` holds only punctuation and allowed words."""
    return all(word.lower() in allowed for word in _WORD.findall(text))


def _sentence_bounds(facts: Facts, sentence: int) -> tuple[int, int]:
    sentences = facts.document.sentences
    return sentences[sentence] if sentences else (0, len(facts.document.text))


def _fmt(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


# -- subset ----------------------------------------------------------------------


def _subsets(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    text = facts.document.text
    for part in facts.claims:
        if not isinstance(part, (CountClaim, NumberClaim)) or part.approx not in ("exact", "at_least", "over"):
            continue
        whole = _direct_whole(facts, part)
        if whole is not None:
            yield _subset_outcome(facts, part, whole)
            continue
        if not _ANAPHOR.match(text, part.span.end):
            continue
        earlier = [c for c in _figures(facts, part.sentence) if c.span.end <= part.span.start]
        counts = [c for c in earlier if isinstance(c, CountClaim)]
        if not counts:
            continue
        antecedent = counts[-1]
        if antecedent.approx != "exact" or any(getattr(c, "approx", "exact") == "vague" for c in earlier):
            continue
        if part.value > antecedent.value and any((_value(c) or 0) >= part.value for c in earlier):
            continue  # some earlier figure could be the set: ambiguous, keep quiet
        yield _subset_outcome(facts, part, antecedent)


_OF_AFTER = re.compile(r"\s+(?:of|out of)\b", re.IGNORECASE)
_DIRECT_OF = re.compile(r"^\s+(?:of|out of)\s+(?:the|its|their|his|her|our|these|those|all)?\s*$", re.IGNORECASE)


def _direct_whole(facts: Facts, part: CountClaim | NumberClaim) -> Claim | None:
    """'12 of the 10 victims', 'three out of four': the whole written right after the part."""
    text = facts.document.text
    if not _OF_AFTER.match(text, part.span.end):
        return None  # cheap test first: a sentence dense with figures is not scanned per part
    # The sentence's claims are in text order: the first one after the part is the nearest.
    whole = next((c for c in facts.by_sentence.get(part.sentence, []) if c.span.start >= part.span.end), None)
    if whole is None:
        return None
    if not isinstance(whole, (CountClaim, NumberClaim)) or whole.approx != "exact" or _is_year(facts, whole):
        return None
    if not _DIRECT_OF.match(text[part.span.end : whole.span.start]):
        return None
    return whole


def _subset_outcome(facts: Facts, part: CountClaim | NumberClaim, whole: Claim) -> Outcome:
    text = facts.document.text
    whole_value = _value(whole) or 0.0
    fits = part.value <= whole_value
    return Outcome(
        claim=part,
        verified=fits,
        fields={"set": whole.text, "set_value": _fmt(whole_value), "part_value": _fmt(part.value)},
        evidence=[evidence(facts, whole, "the set it is part of")],
        computation=(
            f"'{text[part.span.start : part.span.end + 16].strip()}...' is a part of "
            f"'{whole.text}': a part of {_fmt(whole_value)} {'can' if fits else 'cannot'} be {_fmt(part.value)}."
        ),
    )


# -- average -----------------------------------------------------------------------


def _kind_key(claim: Claim) -> tuple[str, str] | None:
    if isinstance(claim, PercentageClaim):
        return ("percentage", "")
    if isinstance(claim, MoneyClaim):
        return ("money", claim.currency)
    if isinstance(claim, QuantityClaim) and not isinstance(claim.value, tuple):
        return ("quantity", claim.unit)
    if isinstance(claim, CountClaim) and claim.approx != "vague":
        return ("count", stem(claim.noun))
    return None


def _averages(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    text = facts.document.text
    cues = {word.lower() for word in params.average_cues}
    allowed = {word.lower() for word in params.joiners} | cues
    for claims in facts.by_sentence.values():
        figures = [c for c in claims if _kind_key(c) is not None]
        for average in figures:
            lead = text[max(0, average.span.start - 24) : average.span.start] + average.text
            lead_words = [w.lower() for w in _WORD.findall(lead)][-4:]
            if not cues & set(lead_words):
                continue
            key = _kind_key(average)
            outcomes: list[Outcome] = []
            for bound in figures:
                if bound is average or _kind_key(bound) != key:
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
    value, limit = _value(average), _value(bound)
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


# -- enumeration ---------------------------------------------------------------------

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


def _enumerations(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
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
            evidence=[_span_evidence(facts, start, end, "the list of the things counted")],
            computation=f"The list names {len(items)}: {'; '.join(items)}; the count says {_fmt(count.value)}.",
        )


def _span_evidence(facts: Facts, start: int, end: int, role: str) -> Evidence:
    return Evidence(text=facts.document.text[start:end], span=facts.span(start, end), role=role)


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
    facts: Facts, count: CountClaim, params: ArithmeticParams, partial: list[str]
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
        start, end = _sentence_bounds(facts, sentence)
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


# -- totals --------------------------------------------------------------------------


def _totals(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    yield from _stated_totals(facts, params)
    yield from _remainders(facts, params)


def _stated_totals(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """'three men and two women, six people in all'."""
    text = facts.document.text
    after = [cue.lower() for cue in params.total_after]
    before = [cue.lower() for cue in params.total_before]
    for sentence in list(facts.by_sentence):
        figures = _figures(facts, sentence)
        for index, total in enumerate(figures):
            if not isinstance(total, CountClaim) or total.approx != "exact":
                continue
            tail = text[total.span.end : total.span.end + 40].lower()
            noun_tail = tail[tail.find(total.noun) + len(total.noun) :] if total.noun in tail else tail
            lead = text[max(0, total.span.start - 20) : total.span.start].lower()
            cued = any_cue_match(r"\s*{cues}\b", after, noun_tail) or any_cue_search(r"\b{cues}\s*$", before, lead)
            if not cued:
                continue
            parts = _run_before(text, figures[:index], total) or _run_after(text, figures[index + 1 :], total)
            if len(parts) < 2 or any(getattr(p, "approx", "exact") != "exact" for p in parts):
                continue
            yield _sum_outcome(facts, total, parts, total)


_JOIN = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _run_before(text: str, earlier: list[Claim], total: CountClaim) -> list[Claim]:
    """Counts joined by commas and 'and' that end just before the total."""
    if not earlier:
        return []
    last = earlier[-1]
    gap = text[last.span.end : total.span.start]
    if not re.match(
        r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*\s*(?:,|—|–|:|;)\s*(?:for\s+)?(?:a total of\s+)?$", gap
    ):
        return []
    run = [last]
    for claim in reversed(earlier[:-1]):
        if not _JOIN.match(text[claim.span.end : run[0].span.start]):
            break
        run.insert(0, claim)
    if not any(" and " in text[a.span.end : b.span.start] for a, b in pairwise(run)):
        return []
    return run if all(isinstance(c, CountClaim) for c in run) else []


def _run_after(text: str, later: list[Claim], total: CountClaim) -> list[Claim]:
    """'six people in all: three men and two women'."""
    if not later:
        return []
    first = later[0]
    gap = text[total.span.end : first.span.start]
    if not re.match(r"^\s*[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s*(?::|—|–|\()\s*$", gap):
        return []
    run = [first]
    for claim in later[1:]:
        if not _JOIN.match(text[run[-1].span.end : claim.span.start]):
            break
        run.append(claim)
    return run if all(isinstance(c, CountClaim) for c in run) else []


def _remainders(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """'41 delegates: A at 14, B with 12, ... and E the remaining 1'."""
    text = facts.document.text
    cues = sorted((cue.lower() for cue in params.remainder_cues), key=len, reverse=True)
    for rest in facts.claims:
        if not isinstance(rest, (CountClaim, NumberClaim)) or rest.approx != "exact":
            continue
        lead = text[max(0, rest.span.start - 16) : rest.span.start].lower()
        if not any_cue_search(r"\b{cues}\s*$", cues, lead):
            continue
        window = [c for s in range(max(0, rest.sentence - 2), rest.sentence + 1) for c in _figures(facts, s)]
        window = [c for c in window if c.span.start < rest.span.start]
        totals = [c for c in window if isinstance(c, CountClaim) and not c.partitive]
        if not totals:
            continue
        total = totals[0]
        if total.approx != "exact":
            continue
        parts = [c for c in window if c.span.start > total.span.start] + [rest]
        noun = stem(total.noun)
        if any(isinstance(c, CountClaim) and stem(c.noun) != noun for c in parts):
            continue  # a figure of something else stands among the parts
        if any(getattr(c, "approx", "exact") != "exact" for c in parts) or len(parts) < 3:
            continue
        if _measure_between(facts, total.span.end, rest.span.start):
            continue
        yield _sum_outcome(facts, rest, parts, total)


def _measure_between(facts: Facts, start: int, end: int) -> bool:
    """True when a percentage, money or quantity claim starts in ``[start, end)``."""
    # Their starts, sorted once per article: a bisection per remainder instead of a scan.
    starts = facts.memo(
        "measure starts",
        lambda: sorted(
            c.span.start for c in facts.claims if isinstance(c, (PercentageClaim, MoneyClaim, QuantityClaim))
        ),
    )
    return bisect_left(starts, end) > bisect_left(starts, start)


def _sum_outcome(facts: Facts, claim: Claim, parts: list[Claim], total: CountClaim) -> Outcome:
    values = [_value(p) or 0.0 for p in parts]
    added = sum(values)
    fits = abs(added - total.value) < 1e-9
    shown = " + ".join(_fmt(v) for v in values)
    return Outcome(
        claim=claim,
        verified=fits,
        fields={"sum": _fmt(added), "total": total.text, "total_value": _fmt(total.value), "parts": shown},
        evidence=[evidence(facts, total, "the stated total")]
        + [evidence(facts, p, "a part") for p in parts if p is not claim],
        computation=f"{shown} = {_fmt(added)}; the stated total is {_fmt(total.value)}.",
    )


# -- changes and ratios --------------------------------------------------------------

_FROM_TO = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_LEAD = re.compile(r"\bto\s+$", re.IGNORECASE)
_FROM_GAP = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?from\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?to\s+$", re.IGNORECASE)


def _changes(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    text = facts.document.text
    rises = {w.lower() for w in params.rises}
    falls = {w.lower() for w in params.falls}
    ratios = {w.lower(): v for w, v in params.ratios.items()}
    for sentence, claims in facts.by_sentence.items():
        figures = [
            c for c in claims if (_kind_key(c) is not None or isinstance(c, NumberClaim)) and not _is_year(facts, c)
        ]
        for left, right in pairwise(figures):
            lead = text[max(0, left.span.start - 8) : left.span.start]
            gap = text[left.span.end : right.span.start]
            if _FROM_TO.search(lead) and _TO.match(gap):
                first, second = left, right  # "from 40 to 80"
            elif _TO_LEAD.search(lead) and _FROM_GAP.match(gap):
                first, second = right, left  # "to 80 from 40"
            else:
                continue
            if _kind_key(first) != _kind_key(second) and not (
                isinstance(first, NumberClaim) or isinstance(second, NumberClaim)
            ):
                continue
            start, end = _clause(text, facts, sentence, first, second)
            clause = text[start:end]
            outcome = (
                _ratio(facts, clause, first, second, ratios, params)
                or _percent_change(facts, claims, start, end, first, second, rises, falls, params)
                or _difference(facts, figures, start, end, first, second, rises | falls)
            )
            if outcome is not None:
                yield outcome
    yield from _shares(facts, params)
    yield from _margins(facts, params)


_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def _by_figure(
    facts: Facts, figures: list[Claim], start: int, end: int, exclude: tuple[Claim, ...], cues: set[str]
) -> Claim | None:
    """The one exact count or number after "by" right after a cue word ("rose by 5", "won the vote by 20")."""
    text = facts.document.text
    found = []
    for c in figures:
        if not (start <= c.span.start < end) or c in exclude or not isinstance(c, (CountClaim, NumberClaim)):
            continue
        if not _BY.search(text[max(0, c.span.start - 4) : c.span.start]):
            continue
        lead = [w.lower() for w in _WORD.findall(text[max(start, c.span.start - 40) : c.span.start])][-5:-1]
        if set(lead) & cues:
            found.append(c)
    if len(found) != 1 or _approx(found[0]):
        return None
    return found[0]


def _difference(
    facts: Facts, figures: list[Claim], start: int, end: int, first: Claim, second: Claim, moves: set[str]
) -> Outcome | None:
    """'rose by 5, from 15 to 20': the change against the from/to values."""
    words = {w.lower() for w in _WORD.findall(facts.document.text[start:end])}
    if not words & moves or _approx(first) or _approx(second):
        return None
    stated = _by_figure(facts, figures, start, end, (first, second), moves)
    if stated is None:
        return None
    return _judge_difference(facts, stated, first, second)


def _judge_difference(facts: Facts, stated: Claim, first: Claim, second: Claim) -> Outcome:
    actual = abs((_value(second) or 0) - (_value(first) or 0))
    fits = abs(actual - (_value(stated) or 0)) < 1e-9
    return Outcome(
        claim=stated,
        verified=fits,
        fields={"actual": f"a difference of {_fmt(actual)}", "from": first.text, "to": second.text},
        evidence=[evidence(facts, first, "one value"), evidence(facts, second, "the other value")],
        computation=f"{second.text} − {first.text} = {_fmt(actual)}; stated: {stated.text}.",
    )


_SCORE_JOIN = re.compile(r"^\s*(?:to|-|–|—)\s*$")


def _margins(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """'won by 20 votes, 120 to 100': a margin against the score beside it."""
    text = facts.document.text
    cues = {w.lower() for w in params.margin_cues}
    for sentence, claims in facts.by_sentence.items():
        figures: list[Claim] = [
            c for c in claims if isinstance(c, (CountClaim, NumberClaim)) and not _is_year(facts, c)
        ]
        # Only a figure right after "by" can be the margin: looking through every figure
        # for every pair is quadratic in a sentence dense with numbers ("1-1-1-...").
        after_by = [c for c in figures if _BY.search(text[max(0, c.span.start - 4) : c.span.start])]
        for first, second in pairwise(figures):
            if not _SCORE_JOIN.match(text[first.span.end : second.span.start]) or _approx(first) or _approx(second):
                continue
            if _FROM_TO.search(text[max(0, first.span.start - 8) : first.span.start]):
                continue
            start, end = _clause(text, facts, sentence, first, second)
            stated = _by_figure(facts, after_by, start, end, (first, second), cues)
            # The margin stands right next to the score: "by 20 votes, 120 to 100".
            near = stated is not None and (
                0 <= first.span.start - stated.span.end <= 24 or 0 <= stated.span.start - second.span.end <= 24
            )
            if stated is not None and near:
                yield _judge_difference(facts, stated, first, second)


def _clause(text: str, facts: Facts, sentence: int, first: Claim, second: Claim) -> tuple[int, int]:
    s_start, s_end = _sentence_bounds(facts, sentence)
    left, right = min(first.span.start, second.span.start), max(first.span.end, second.span.end)
    start = max(s_start, text.rfind(";", s_start, left) + 1)
    semi = text.find(";", right, s_end)
    return start, s_end if semi < 0 else semi


def _ratio(
    facts: Facts, clause: str, first: Claim, second: Claim, ratios: dict[str, float], params: ArithmeticParams
) -> Outcome | None:
    words = [w.lower() for w in _WORD.findall(clause)]
    named = [w for w in words if w in ratios]
    if len(named) != 1:
        return None
    factor = ratios[named[0]]
    if re.search(rf"\b(?:nearly|almost|more than|over|roughly|about|about)\s+{named[0]}", clause, re.IGNORECASE):
        return None  # "nearly doubled" is not a figure to check
    before, after = _value(first) or 0.0, _value(second) or 0.0
    if before <= 0:
        return None
    # The figures are taken as written: "doubled to 3 million from 1 million" is wrong,
    # however "1 million" was rounded.
    actual = after / before
    fits = abs(actual - factor) <= params.ratio_tolerance * factor
    return Outcome(
        claim=second,
        verified=fits,
        fields={
            "change": named[0],
            "actual": f"a factor of {actual:.3g}",
            "expected": _fmt(factor),
            "from": first.text,
        },
        evidence=[evidence(facts, first, "the earlier value")],
        computation=f"{second.text} / {first.text} = {actual:.3g}; '{named[0]}' means × {_fmt(factor)}.",
    )


def _approx(claim: Claim) -> bool:
    return getattr(claim, "approx", "exact") != "exact"


def _percent_change(
    facts: Facts,
    claims: list[Claim],
    start: int,
    end: int,
    first: Claim,
    second: Claim,
    rises: set[str],
    falls: set[str],
    params: ArithmeticParams,
) -> Outcome | None:
    if isinstance(first, PercentageClaim) or isinstance(second, PercentageClaim):
        return None  # percentage points or per cent? Undecidable.
    text = facts.document.text
    percents = [c for c in claims if isinstance(c, PercentageClaim) and start <= c.span.start < end]
    if len(percents) != 1:
        return None
    stated = percents[0]
    near = text[max(start, stated.span.start - 24) : min(end, stated.span.end + 24)].lower()
    words = set(_WORD.findall(near))
    direction = 1 if words & rises else -1 if words & falls else 0
    if direction == 0 or (words & rises and words & falls):
        return None
    before, after = _value(first) or 0.0, _value(second) or 0.0
    if before <= 0:
        return None
    actual = (after - before) / before * 100 * direction
    percent = _value(stated) or 0.0
    slack = params.about_tolerance if _approx(stated) or _approx(first) or _approx(second) else params.tolerance
    # A stated percentage is rounded to its last written place, and at least to a whole point.
    margin = max(half_step(stated.text, zeros_significant=True), 0.5) + slack * max(abs(actual), abs(percent))
    fits = abs(actual - percent) <= margin
    return Outcome(
        claim=stated,
        verified=fits,
        fields={"actual": f"a change of {actual:.1f}%", "from": first.text, "to": second.text},
        evidence=[evidence(facts, first, "from"), evidence(facts, second, "to")],
        computation=f"From {first.text} to {second.text} is a change of {actual:.1f}%; stated: {stated.text}.",
    )


_SHARE_GAP = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?(?:of|out of)\s+(?:the\s+)?$", re.IGNORECASE)
_SHARE_PERCENT = re.compile(r"^\s*(?:[a-z][\w'’-]*\s*){0,2}?(?:\(\s*|,\s*or\s+|,\s*|\s+or\s+)$", re.IGNORECASE)


def _shares(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """'412 of the 500 voters (82%)', '3 out of 4, or 75%'."""
    text = facts.document.text
    for claims in facts.by_sentence.values():
        ordered = sorted(claims, key=lambda c: c.span.start)
        for part, whole, share in zip(ordered, ordered[1:], ordered[2:], strict=False):
            if not isinstance(share, PercentageClaim) or share.approx not in ("exact", "about"):
                continue
            if not all(isinstance(c, (CountClaim, NumberClaim)) for c in (part, whole)):
                continue
            if _approx(part) or _approx(whole) or _is_year(facts, whole):
                continue
            if not _SHARE_GAP.match(text[part.span.end : whole.span.start]):
                continue
            if not _SHARE_PERCENT.match(text[whole.span.end : share.span.start]):
                continue
            w_value = _value(whole) or 0
            if w_value <= 0:
                continue
            actual = (_value(part) or 0) / w_value * 100
            slack = params.about_tolerance if _approx(share) else params.tolerance
            margin = max(half_step(share.text, zeros_significant=True), 0.5) + slack * max(actual, share.value)
            fits = abs(actual - share.value) <= margin
            yield Outcome(
                claim=share,
                verified=fits,
                fields={"actual": f"{actual:.1f}%", "part": part.text, "whole": whole.text},
                evidence=[evidence(facts, part, "the part"), evidence(facts, whole, "the whole")],
                computation=f"{part.text} / {whole.text} = {actual:.1f}%; stated: {share.text}.",
            )


CHECK = ArithmeticCheck()


# -- one group's size, stated and implied ----------------------------------------------


def _group_sizes(facts: Facts, params: ArithmeticParams) -> list[tuple[int, GroupSize]]:
    """Each sentence's statements of a group's size, for sentences tied to the group by a cue."""
    text = facts.document.text
    people = noun_forms(params.people)
    cues = [cue.lower() for cue in params.group_cues]
    blockers = {word.lower() for word in params.group_blockers}
    sizes: list[tuple[int, GroupSize]] = []
    cued_before = False
    with_cue = facts.sentences_mentioning(cues)
    for index, (start, end) in enumerate(facts.document.sentences):
        if end <= facts.document.body_start:
            continue
        if with_cue is not None and index not in with_cue and not cued_before:
            continue  # no cue here nor in the sentence before: nothing to read, and nothing to reset
        lowered = text[start:end].lower()
        cued = any_cue_search(r"\b{cues}\b", cues, lowered)
        if set(_WORD.findall(lowered)) & blockers:
            cued_before = False
            continue
        if cued:
            found = stated_sizes(text, start, end, people, cues) + named_sizes(text, start, end)
            sizes.extend((index, size) for size in found)
        if cued or cued_before:
            sizes.extend((index, size) for size in rest_sizes(text, start, end, people))
        cued_before = cued
    return sorted(sizes, key=lambda pair: pair[1].start)


def _groups(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """A group's stated size against the size its parts imply, in the same or the next sentence."""
    if not facts.document.sentences or not params.group_cues or not params.people:
        return
    text = facts.document.text
    sizes = _group_sizes(facts, params)
    for position, (index, later) in enumerate(sizes):
        for earlier_index, earlier in reversed(sizes[:position]):
            if index - earlier_index > 1:
                break
            if earlier.how == later.how == "stated" or earlier.end > later.start:
                continue
            fits = earlier.size == later.size
            claim = NumberClaim(
                text=text[later.start : later.end],
                span=facts.span(later.start, later.end),
                sentence=index,
                value=later.size,
            )
            shown = text[earlier.start : earlier.end]
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"size": later.size, "other": shown, "other_size": earlier.size},
                evidence=[_span_evidence(facts, earlier.start, earlier.end, "the size given for the group")],
                computation=(
                    f"'{claim.text}' makes the group {later.size} ({later.how}); "
                    f"'{shown}' makes it {earlier.size} ({earlier.how})."
                ),
            )
            break


# -- a revision's direction --------------------------------------------------------------


def _alternatives(words: list[str]) -> str:
    return _alternatives_of(tuple(words))


@lru_cache(maxsize=256)  # the same rule's words for every article
def _alternatives_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def _toll_figures(facts: Facts, sentence: int, exclude: int, toll: set[str]) -> list[tuple[float, Claim]]:
    """A toll sentence's exact counts, and their sum when it has several (a list of parts)."""
    if not 0 <= sentence < len(facts.document.sentences):
        return []
    if not set(_WORD.findall(facts.sentence_text(sentence).lower())) & toll:
        return []
    figures = [
        c
        for c in _figures(facts, sentence)
        if c.span.start != exclude and getattr(c, "approx", "exact") == "exact" and _value(c) is not None
    ]
    found = [(_value(c) or 0.0, c) for c in figures]
    if len(figures) > 1:
        found.append((sum(value for value, _ in found), figures[-1]))
    return found


@lru_cache(maxsize=16)
def _revision_hint(earlier: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    """What every revision phrase holds ("earlier toll of"), written to be found at C speed
    (see verify/extraction/wordstart.py); None when a word does not start with a letter."""
    words = [re.escape(word).replace(r"\ ", r"\s+") for word in sorted(earlier, key=len, reverse=True)]
    if not words or not all(word[:1].isalpha() for word in words):
        return None
    tail = rf"(?i:\s+(?:death\s+)?(?:{_alternatives_of(nouns)})\s+of\s+)"
    branches = [(first, rest + tail) for first, rest in ignorecase_words(words, behind="")]
    return re.compile(dispatch(branches, common=BOUNDARY_BEHIND))


def _revisions(facts: Facts, params: ArithmeticParams) -> Iterator[Outcome]:
    """An upward revision to a smaller figure, or a downward one to a larger."""
    if not facts.document.sentences or not params.revised_nouns:
        return
    text = facts.document.text
    hint = _revision_hint(tuple(params.earlier_words), tuple(params.revised_nouns))
    if hint is not None and hint.search(text, facts.document.body_start) is None:
        return  # no "earlier toll of": most articles revise nothing
    pattern = re.compile(
        rf"\b(?:(?P<up>{_alternatives(params.revised_up)})|(?P<down>{_alternatives(params.revised_down)}))"
        rf"\s+(?:from\s+)?(?:an?|the|its)\s+(?:{_alternatives(params.earlier_words)})\s+(?:death\s+)?"
        rf"(?:{_alternatives(params.revised_nouns)})\s+of\s+",
        re.IGNORECASE,
    )
    toll = {word.lower() for word in params.toll_words}
    for match in pattern.finditer(text, facts.document.body_start):
        old = facts.claim_starting_at(match.end())
        if old is None or _value(old) is None or getattr(old, "approx", "exact") != "exact":
            continue
        old_value = _value(old) or 0.0
        here = old.sentence
        increments = {word.lower() for word in params.increment_cues}
        if any(
            set(_WORD.findall(facts.sentence_text(sentence).lower())) & increments
            for sentence in (here - 2, here - 1, here, here + 1)
            if 0 <= sentence < len(facts.document.sentences)
        ):
            continue  # "after two more bodies were found": the new toll is a sum the text leaves unsaid
        figures = [
            pair
            for sentence in (here - 2, here - 1, here, here + 1)
            for pair in _toll_figures(facts, sentence, old.span.start, toll)
        ]
        if not figures:
            continue
        upward = match["up"] is not None
        agreeing = [pair for pair in figures if (pair[0] > old_value if upward else pair[0] < old_value)]
        fits = bool(agreeing)
        # Show the agreeing figure nearest the old one (the likely new toll, not a part of it),
        # or, when none agrees, the one that comes closest to agreeing.
        if agreeing:
            best_value, best = min(agreeing, key=lambda pair: abs(pair[0] - old_value))
        else:
            best_value, best = max(figures, key=lambda pair: pair[0] if upward else -pair[0])
        way = "upward" if upward else "downward"
        yield Outcome(
            claim=old,
            verified=fits,
            fields={"direction": way, "new": _fmt(best_value), "old": _fmt(old_value)},
            evidence=[evidence(facts, best, "the new figure nearby")],
            computation=(
                f"revised {way} from {_fmt(old_value)}; tolls nearby (single counts and sums): "
                f"{', '.join(sorted({_fmt(value) for value, _ in figures}, key=float))}; "
                + (
                    f"{_fmt(best_value)} is {'above' if upward else 'below'} {_fmt(old_value)}."
                    if fits
                    else f"none is {'above' if upward else 'below'} {_fmt(old_value)}."
                )
            ),
            start=match.start(),
            end=old.span.end,
        )
