"""duration_mismatch: a stated duration against the dates the article gives for it.

A duration is measured only between dates tied to it, never between any two
dates whose difference happens to fit. Three ties, tried in order:

1. **Explicit range** in the duration's own sentence: "for 16 years, from 1977
   to 1995", "between March and June"; or a start and a later date around it:
   "Starting in 1968, he spent 18 years fighting ...; it was signed in 1983".
   A duration "after" or "before" a dated event is measured from that event to
   the date of what it relates ("came two weeks after ... on April 28", with the
   milestone dated earlier in the same paragraph).
2. **Extension**: "an additional 10 days" runs from the date last given before
   it (the old deadline) to the first date given after it (the new one).
3. **Event**: "the 27-year occupation" runs from the date the article gives for
   the event's start (a sentence that names it: "occupied ... on April 2, 1993")
   to the dates it gives for its end: the date of the clause the duration
   follows ("withdrawn in June 2016, after six years of service"), else
   sentences with end cues ("ended", "until", "returned"). End dates found only elsewhere in the article can
   verify a duration but never flag one.

Cue words live in the rule file. Durations of hours and less are left alone,
and so are durations that name no span the article dates: a term's name ("a
30-year high", "a four-year jump on"), a rate ("18% a year"), a delay ("a day
late"), a period named by its end ("the nine months ended Sept. 30"), one part
of a compound ("2 years and 10 days"), a penalty beside the dates of the
offences ("jailed for eight years for ... between 1994 and 2005"), and a span
leading up to an event ("in the two years before the Games"). A tie is dropped
when the duration's sentence names another full name than the start's ("Louis
XV" against "Louis XIV"). Whole years written without days may be counted with
both ends, and a year count up to a month short of its anniversary rounds up.

Candidate end dates are judged once per distinct day they can mean, and at most
``_MAX_EVIDENCE_ENDS`` of them are quoted as evidence (the computation counts the
rest), so that an article that repeats its dates stays linear in its length.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterator
from itertools import islice, pairwise

from dateutil.relativedelta import relativedelta
from pydantic import Field

from verify.checks import timespans
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.names import names_before, shared_name
from verify.checks.timespans import Bounds
from verify.claims import DateClaim, DurationClaim
from verify.extraction.numbers import ordinal_value
from verify.linking import Facts, stem

_RANGE_BETWEEN = re.compile(r"^\s*(?:to|until|till|through|and|[-–—])\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"\b(?:from|between|since|starting in|beginning in)\s+$", re.IGNORECASE)
_RELATION_AFTER = re.compile(
    r"\s+(?:ago|later|earlier|old|before|after|since|prior|longer|shorter|more|less|fewer|in all|in total"
    r"|altogether|combined)\b",
    re.IGNORECASE,
)
#: Between a range and the duration after it: a closing bracket and at most four words.
_FEW_WORDS_BEFORE = re.compile(r"[\s)]*(?:[\w'’.-]+\s+){0,4}")
_ENDS_RANGE = re.compile(r"\d\s*(?:to|until|till|through|[-–—])\s*$", re.IGNORECASE)
_BUT = re.compile(r"\b(?:but|yet|although|though)\b", re.IGNORECASE)
_PART_OF = re.compile(r"\bof\s+(?:a|an|the|his|her|their|its)\s+$", re.IGNORECASE)
#: Before a duration, a penalty it is the term of: "jailed for", "a non-parole period of".
_PENALTY_BEFORE = re.compile(
    r"\b(?:jailed|sentenced|imprisoned|imprisonment|detained|banned|disqualified|term|period|minimum|served|serving)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:for|to|of)\s+$",
    re.IGNORECASE,
)
#: Between a penalty's term and a range: the reason it was given ("for abusing", "for offences").
_FOR_REASON = re.compile(r"\bfor\b", re.IGNORECASE)
#: After a duration, a word that makes it a difference, not a span: "a day late".
_DIFFERENCE_AFTER = re.compile(r"\s+(?:late|early|behind|ahead|longer|shorter|sooner)\b", re.IGNORECASE)
#: A dateline's date ("BAYEUX, France, June 6 (AP) -"): the day of the report, not of an event.
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z][\w .]*\))?\s*[-–—]\s")
#: "the November 5 election": a date used as a name, not the day of the main clause.
_ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: After a duration, a word that counts it from an event rather than over a range.
_COUNTED_FROM_EVENT = re.compile(r"\s+(?:on|later|after|ago|since|earlier|before|afterwards)\b", re.IGNORECASE)
#: "the" (or "its", "for") before a duration makes it a span: "in the two years before",
#: "taught for 11 years before 1997".
_SPAN_THE = re.compile(r"\b(?:the|its|their|those|these|for)\s+$", re.IGNORECASE)
#: Around a duration, another unit of one compound duration: "2 years and 10 days".
_COMPOUND_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?),?\s+and\s+$", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r",?\s+and\s+(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
#: After a duration, a period named by its end: "the nine months ended (ending) Sept. 30".
_PERIOD_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|end(?:s|ed)?\s+on)\b", re.IGNORECASE)
_BORN_BEFORE = re.compile(r"\b[Bb]orn\b[^.;,]*$")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|as|whereas)\b", re.IGNORECASE)
_RANGE_OPENS = re.compile(r"\s*(?:from|between|since|starting in|beginning in)\b", re.IGNORECASE)
#: A relative clause opened before a duration and not yet closed: ", whose career spanned".
_RELATIVE_OPENING = re.compile(r",\s*(?:who|whose|which|whom)\b[^,;]*$", re.IGNORECASE)
#: At most eight words (and commas) between a duration and the range after it.
_FEW_WORDS = re.compile(r"(?:[\s,]*[\w'’.&-]+){0,8}[\s,]*")
_ADJACENT = re.compile(r"[\s,;:(—–-]*(?:from|between|since|starting in|beginning in)?\s*|[\s,;:)]*", re.IGNORECASE)
_EVENT_VERB = re.compile(r"\b(?:came|comes|occurred|occurs|happened|happens|arrived|arrives|followed|follows)\s+$")
_UNTIL_RIGHT_AFTER = re.compile(r",?\s+(?:until|till|through|to)\s+(?:late\s+|early\s+|mid-?)?", re.IGNORECASE)
_TIME_STEMS = frozenset(
    stem(word) for word in "year month week day decade century quarter period time season hour minute while".split()
)
_AFTER_BEFORE = re.compile(r"\s+(?P<word>after|before)\b", re.IGNORECASE)
_AHEAD_OF = re.compile(
    r"\s+(?P<word>ahead of|before|after|short of)\s+(?:the|its|their|a|an)(?:\s+[a-z]+){0,2}?\s+", re.IGNORECASE
)
#: "…, after" right before a duration ("in March 2018, after nearly five years of operation").
_AFTER_OPENS = re.compile(r",?\s+after\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_OPENER_EVENT = re.compile(r"^\s*(?:After|Since|Following|Before)\s+(?:the|its|their|his|her)\s+(?P<noun>[a-z]+)")


class DurationParams(Params):
    """Parameters of a duration_mismatch rule."""

    #: Words that mark the end of an event in a sentence ("ended", "until").
    end_cues: list[str] = Field(min_length=1)
    #: Words in a sentence that make its date a commemoration, not the event ("anniversary").
    skip_cues: list[str] = []
    #: Nouns whose duration ends at a deadline ("the three-year deadline", "a 90-day ultimatum").
    deadline_nouns: list[str] = []
    #: Nouns a duration names a term of rather than a span the article dates ("a seven-day
    #: rate", "10-year bonds", "a 30-year high").
    term_nouns: list[str] = []
    #: Units this rule checks.
    units: list[str] = ["day", "week", "month", "year"]


class DurationCheck(Check):
    """Compare each duration with the dates the article ties to it."""

    kind = "duration_mismatch"
    Params = DurationParams

    def run(self, facts: Facts, params: DurationParams) -> Iterator[Outcome]:
        end_stems = {stem(word) for word in params.end_cues}
        skip_stems = {stem(word) for word in params.skip_cues}
        deadline_nouns = {word.lower() for word in params.deadline_nouns}
        term_nouns = {word.lower() for word in params.term_nouns}
        for duration in facts.of_type(DurationClaim):
            if duration.unit not in params.units:
                continue
            if duration.about is not None and duration.about.lower() in term_nouns:
                continue  # "its seven-day repossession rate", "a 30-year high": a term's name, not a span
            if _DIFFERENCE_AFTER.match(facts.document.text, duration.span.end):
                continue  # "collections will be a day late from December 25 to January 3": a delay
            if _PERIOD_ENDED.match(facts.document.text, duration.span.end):
                continue  # "the three months ended Sept. 30": a period named by its end alone
            if _COMPOUND_BEFORE.search(facts.document.text, max(0, duration.span.start - 30), duration.span.start):
                continue  # "2 years and 10 days": the second part of one compound duration
            if _COMPOUND_AFTER.match(facts.document.text, duration.span.end):
                continue  # "63 years and 216 days": the first part (the whole is not read)
            several = _several_ranges(facts, duration)
            if several:
                outcome = _judge_alternatives(facts, duration, several)
            else:
                tie = (
                    _placed_deadline(facts, duration, deadline_nouns)
                    or _explicit_range(facts, duration)
                    or _started_then_dated(facts, duration)
                    or _relative_to_event(facts, duration)
                    or (_extension(facts, duration) if duration.additional else None)
                    or _event(facts, duration, end_stems, skip_stems)
                )
                outcome = _judge(facts, duration, *tie) if tie is not None else None
            if outcome is not None:
                yield outcome


#: Candidate end dates grouped by the days they can mean, each with its position among
#: the candidates (text order): one group is judged once however often its dates recur.
Grouped = dict[Bounds, list[tuple[int, DateClaim]]]

# A tie: the start date, the candidate end dates, and whether a mismatch may be flagged.
Tie = tuple[DateClaim, list[DateClaim] | Grouped, bool, str]

#: End dates quoted as evidence at most; the computation says how many there are.
_MAX_EVIDENCE_ENDS = 8


def _group(ends: list[DateClaim]) -> Grouped:
    """Candidates grouped by their bounds, in order of first appearance; dates without bounds dropped."""
    grouped: Grouped = {}
    for index, end in enumerate(ends):
        bounds = end.bounds()
        if bounds is not None:
            grouped.setdefault(bounds, []).append((index, end))
    return grouped


def _ranges(facts: Facts, duration: DurationClaim) -> list[tuple[DateClaim, DateClaim]]:
    """The date ranges written in the duration's sentence: "from 1977 to 1995",
    "between March and June", "1987–2017"."""
    text = facts.document.text
    if _RELATION_AFTER.match(text, duration.span.end):
        return []  # "40 years ago", "two years longer than", "seven years in all": not the span of a range
    if _PART_OF.search(text, max(0, duration.span.start - 12), duration.span.start):
        return []  # "six years of a ten-year sentence, from 2012 to 2018": the range is the part served
    dates = facts.dates_in_sentence(duration.sentence)
    ranges = []
    for first, second in pairwise(dates):
        between = text[first.span.end : second.span.start]
        opener = text[max(0, first.span.start - 16) : first.span.start]
        if _RANGE_BETWEEN.match(between) and (_RANGE_OPENER.search(opener) or between.strip() in "–—-"):
            ranges.append((first, second))
    return ranges


def _several_ranges(facts: Facts, duration: DurationClaim) -> list[Tie]:
    """ "prime minister, 1980–1987; then president, 1987–2017; for 37 years": each range
    and the whole span are candidates."""
    ranges = _ranges(facts, duration)
    if len(ranges) < 2 or _COUNTED_FROM_EVENT.match(facts.document.text, duration.span.end):
        return []  # "not run in 1915-18 or 1940-46, which is why 122 years on": from another event
    how = "a range given in the same sentence"
    ties: list[Tie] = [(first, [second], True, how) for first, second in ranges]
    ties.append((ranges[0][0], [ranges[-1][1]], True, "the whole span of the ranges in the same sentence"))
    return ties


def _judge_alternatives(facts: Facts, duration: DurationClaim, ties: list[Tie]) -> Outcome | None:
    """Verified when any candidate span fits; flagged (with the nearest range) only when none does."""
    outcomes = [outcome for tie in ties if (outcome := _judge(facts, duration, *tie)) is not None]
    verified = [outcome for outcome in outcomes if outcome.verified]
    if verified:
        return verified[0]
    if len(outcomes) != len(ties):
        return None
    nearest = outcomes[-2]  # the range written last, next to the duration
    spans = "; ".join(f"from {o.fields['start']} to {o.fields['end']} is {o.fields['actual']}" for o in outcomes)
    nearest.computation = f"No span the sentence gives fits {duration.text}: {spans}."
    return nearest


def _explicit_range(facts: Facts, duration: DurationClaim) -> Tie | None:
    text = facts.document.text
    ranges = _ranges(facts, duration)
    if len(ranges) != 1:
        return None
    first, second = ranges[0]
    # The range must stand next to the duration: "for 16 years, from 1977 to 1995".
    if first.span.start >= duration.span.end:
        # "for 16 years, from 1977 to 1995", or a few words of what lasted between them
        # ("ten years as the mayor of London, from 2008 to 2016"), with no other date or
        # duration there ("18 months ... for offences committed over three years, from").
        gap = text[duration.span.end : first.span.start]
        between = [
            c
            for c in facts.by_sentence.get(duration.sentence, [])
            if duration.span.end <= c.span.start < first.span.start and isinstance(c, (DateClaim, DurationClaim))
        ]
        # "Smith, whose career spanned 40 years, was mayor from 1990 to 1993": the range
        # is the main clause's, the duration the relative clause's.
        in_relative_clause = (
            _RELATIVE_OPENING.search(text, facts.document.sentences[duration.sentence][0], duration.span.start)
            if facts.document.sentences
            else None
        )
        after_comma = gap.rsplit(",", 1)[1] if "," in gap else None
        closes_clause = (
            in_relative_clause is not None and after_comma is not None and not _RANGE_OPENS.match(after_comma)
        )
        if _PENALTY_BEFORE.search(text, max(0, duration.span.start - 40), duration.span.start) and _FOR_REASON.search(
            gap
        ):
            return None  # "jailed for eight years for abusing three boys between 1994 and 2005": a term, not the span
        adjacent = not closes_clause and (
            _ADJACENT.fullmatch(gap) or (not between and not _BUT.search(gap) and _FEW_WORDS.fullmatch(gap))
        )
    elif second.span.end <= duration.span.start:
        # "from 1977 to 1995, 16 years", "(1987–2017) for 33 years"; not a new clause
        # (", and released on licence after 12 months").
        gap = text[second.span.end : duration.span.start]
        adjacent = _ADJACENT.fullmatch(gap) or _FEW_WORDS_BEFORE.fullmatch(gap)
    else:
        return None
    return (first, [second], True, "the range given in the same sentence") if adjacent else None


def _started_then_dated(facts: Facts, duration: DurationClaim) -> Tie | None:
    """'Starting in 1968, he spent 18 years fighting ...; Reagan signed it in 1983', or
    'in 2007 ... held the post for six years until 2011'."""
    text = facts.document.text
    dates = facts.dates_in_sentence(duration.sentence)
    starts = [
        d
        for d in dates
        if d.span.end <= duration.span.start and _RANGE_OPENER.search(text[max(0, d.span.start - 16) : d.span.start])
    ]
    ends = [d for d in dates if d.span.start >= duration.span.end]
    if not ends or _RELATION_AFTER.match(text, duration.span.end):
        return None
    if starts:
        return starts[-1], [ends[0]], True, "the start and the later date in the same sentence"
    # "became Speaker in 2007 and held the post for six years until 2011": the end is
    # written right after the duration, the start earlier in the sentence.
    earlier = [d for d in dates if d.span.end <= duration.span.start]
    if earlier and _UNTIL_RIGHT_AFTER.fullmatch(text, duration.span.end, ends[0].span.start):
        return earlier[-1], [ends[0]], True, "the start and the end given in the same sentence"
    return None


def _relative_to_event(facts: Facts, duration: DurationClaim) -> Tie | None:
    """'The milestone came just under two weeks after [X] on April 28': from April 28 to
    the date of the milestone (in the same sentence, or the last one given before it in its paragraph)."""
    text = facts.document.text
    relation = _AFTER_BEFORE.match(text, duration.span.end)
    if not relation:
        return None
    if _SPAN_THE.search(text, max(0, duration.span.start - 12), duration.span.start):
        return None  # "in the two years before the Games", "for 11 years before 1997": a span, not an offset
    dates = facts.dates_in_sentence(duration.sentence)
    # What the relation points at stands in its own clause: "a day after 39.1C, and
    # forecasters expect 42C by Sunday" gives no date to "after".
    other = [
        d
        for d in dates
        if d.span.start >= relation.end() and not _CLAUSE_BREAK.search(text, relation.end(), d.span.start)
    ]
    anchor = [
        d
        for d in dates
        if d.span.end <= duration.span.start
        and not _DATELINE_AFTER.match(text, d.span.end)
        and not _ATTRIBUTIVE_BEFORE.search(text, max(0, d.span.start - 5), d.span.start)
    ]
    if not anchor:
        # Only a sentence that dates its subject by the relation itself ("The milestone
        # came two weeks after ...") takes its date from earlier in the paragraph.
        lead = text[max(0, duration.span.start - 24) : duration.span.start]
        if not _EVENT_VERB.search(lead):
            return None
        paragraph = facts.paragraph_of(duration)
        anchor = [d for d in facts.days_in_paragraphs(paragraph, paragraph) if d.span.end <= duration.span.start]
    if not other or not anchor:
        return None
    if "," in text[relation.end() : other[0].span.start]:
        return None  # "came a day before his death, on April 20": the date may be either event's
    if _ENDS_RANGE.search(text, max(0, anchor[-1].span.start - 10), anchor[-1].span.start):
        return None  # "the war, which lasted from 1950 to 1953, began five years after": 1953 ends a range
    if relation["word"].lower() == "after":
        return other[0], [anchor[-1]], True, "the event it follows and the date of what followed"
    return anchor[-1], [other[0]], True, "the date of what came first and the event it preceded"


def _placed_deadline(facts: Facts, duration: DurationClaim, deadline_nouns: set[str]) -> Tie | None:
    """'[On Friday] ..., seven days ahead of the three-year deadline issued in 2017':
    the deadline falls seven days after Friday, and runs from 2017."""
    if duration.about not in deadline_nouns:
        return None
    text = facts.document.text
    sentence = [c for c in facts.by_sentence.get(duration.sentence, []) if isinstance(c, DurationClaim)]
    offset = next(
        (
            c
            for c in sentence
            if c.span.end < duration.span.start
            and c.unit in ("day", "week", "month")
            and _AHEAD_OF.fullmatch(text, c.span.end, duration.span.start)
        ),
        None,
    )
    if offset is None or isinstance(offset.amount, tuple):
        return None
    dates = facts.dates_in_sentence(duration.sentence)
    issued = [d for d in dates if d.span.start > duration.span.end]
    paragraph = facts.paragraph_of(duration)
    anchors = [d for d in facts.days_in_paragraphs(paragraph, paragraph) if d.span.end <= offset.span.start]
    if not issued or not anchors or anchors[-1].date is None:
        return None
    sign = 1 if _AHEAD_OF.fullmatch(text, offset.span.end, duration.span.start)["word"].lower() != "after" else -1  # type: ignore[index]
    steps = int(offset.amount)
    shift = {"day": relativedelta(days=steps), "week": relativedelta(weeks=steps), "month": relativedelta(months=steps)}
    deadline = anchors[-1].date + sign * shift[offset.unit]
    placed = DateClaim(
        text=offset.text,
        span=offset.span,
        sentence=offset.sentence,
        year=deadline.year,
        month=deadline.month,
        day=deadline.day,
        granularity="day",
        resolution="relative",
        resolved_from=f"{offset.text} from {timespans.describe_date(anchors[-1])}",
    )
    return issued[0], [placed], True, f"the deadline placed {offset.text} from {timespans.describe_date(anchors[-1])}"


def _extension(facts: Facts, duration: DurationClaim) -> Tie | None:
    paragraph = facts.paragraph_of(duration)
    before = [d for d in facts.days_in_paragraphs(paragraph - 2, paragraph) if d.span.end <= duration.span.start]
    after = [
        d
        for d in facts.days_in_sentences(duration.sentence, duration.sentence + 2)
        if d.span.start >= duration.span.end
    ]
    if not before or not after:
        return None
    own = [d for d in facts.dates_in_sentence(duration.sentence) if d.span.start >= duration.span.end]
    if own and own[0] is not after[0]:
        return None  # "for a further four years until 2021": the clause's own end is no day to count to
    return before[-1], [after[0]], True, "the deadline before the extension and the one after it"


def _event(facts: Facts, duration: DurationClaim, end_stems: set[str], skip_stems: set[str]) -> Tie | None:
    if _RELATION_AFTER.match(facts.document.text, duration.span.end):
        return None  # "up from 7.5 mln dlrs a year before": a comparison, not the span of an event
    if duration.unit not in ("year", "month") or not duration.about:
        return _preceding_start(facts, duration, end_stems, skip_stems)
    subject = stem(duration.about)
    if subject in _TIME_STEMS:
        return None  # "after the previous year": a time word names no event to date
    if ordinal_value(duration.about) is not None or duration.about.lower() in ("last", "latest", "next"):
        return None  # "his first (title) in 11 years": since the previous one, not since the first
    start = _earliest_start(facts, subject, skip_stems, exclude_sentence=duration.sentence)
    if start is None:
        opener = _paragraph_opener_event(facts, duration)
        start = _earliest_start(facts, opener, skip_stems, exclude_sentence=duration.sentence) if opener else None
    if start is None:
        return _preceding_start(facts, duration, end_stems, skip_stems)
    if _other_subject(facts, duration, start):
        return None  # "Louis XIV reigned from 1643 ... Louis XV reigned for 58 years": another's reign
    start_bounds = start.bounds()
    assert start_bounds is not None
    # Tier 0: "seized the site in March 2018, after nearly five years of operation": the
    # date of the clause the duration closes is the event's end.
    closing = _closed_by(facts, duration)
    if closing is not None and (bounds := closing.bounds()) is not None and start_bounds[1] <= bounds[0]:
        return start, [closing], True, f"the date the sentence gives for the end of the {duration.about}"
    # Tier 1: sentences naming the event and its end.
    tied = _without(_tied_days(facts, subject, end_stems, skip_stems), start)
    if tied:
        return start, tied, True, f"the dates the article gives for the {duration.about}"
    # Tier 2: end-cue sentences anywhere after the start: may verify, never flag.
    loose = _cued_after(facts, end_stems, skip_stems, after=start_bounds[1])
    if loose:
        return start, loose, False, "the end dates the article gives"
    return None


def _other_subject(facts: Facts, duration: DurationClaim, start: DateClaim) -> bool:
    """True when the duration's sentence and the start's name different people or things
    before them ("Louis XV" and "Louis XIV"); only full names count (a sentence's first word
    may be capitalised for its place alone), and a pronoun or no name ties nothing apart."""
    own = {name for name in names_before(facts, duration) if " " in name}
    other = {name for name in names_before(facts, start) if " " in name}
    return bool(own) and bool(other) and shared_name(own, other) is None


def _closed_by(facts: Facts, duration: DurationClaim) -> DateClaim | None:
    """The date of the clause that "after N years of X" follows in the duration's own
    sentence ("retired in 2010, after a 35-year tenure"): the last date before it, with
    no clause break between."""
    text = facts.document.text
    sentence_start = facts.document.sentences[duration.sentence][0] if facts.document.sentences else 0
    lead = text[sentence_start : duration.span.start]
    after = _AFTER_OPENS.search(lead)
    if after is None:
        return None
    before = [d for d in facts.dates_in_sentence(duration.sentence) if d.span.end <= sentence_start + after.start()]
    if not before or re.search(r"[;:]", text[before[-1].span.end : duration.span.start]):
        return None
    return before[-1]


def _tied_days(facts: Facts, subject: str, end_stems: set[str], skip_stems: set[str]) -> Grouped:
    """The days of sentences that name ``subject`` and an end cue and no skip cue, grouped (once per subject)."""

    def compute() -> Grouped:
        stems = facts.sentence_stems
        return _group(
            [
                d
                for d in facts.days
                if subject in stems[d.sentence] and stems[d.sentence] & end_stems and not stems[d.sentence] & skip_stems
            ]
        )

    return facts.memo(("duration tied days", subject, frozenset(end_stems), frozenset(skip_stems)), compute)


def _without(grouped: Grouped, start: DateClaim) -> Grouped:
    """The candidates other than the start itself."""
    bounds = start.bounds()
    if bounds is None or bounds not in grouped:
        return grouped
    rest = [(index, d) for index, d in grouped[bounds] if d is not start]
    result = dict(grouped)
    if rest:
        result[bounds] = rest
    else:
        del result[bounds]
    return result


def _cued_after(facts: Facts, end_stems: set[str], skip_stems: set[str], after: dt.date) -> Grouped:
    """Days in end-cue sentences later than ``after``, grouped."""
    key = ("duration cued days", frozenset(end_stems), frozenset(skip_stems))
    grouped = facts.memo(key, lambda: _group(facts.dates_with_cues(end_stems, skip_stems)))
    # Days: both bounds are the day itself.
    return {bounds: members for bounds, members in grouped.items() if bounds[0] > after}


def _preceding_start(facts: Facts, duration: DurationClaim, end_stems: set[str], skip_stems: set[str]) -> Tie | None:
    """'The 44-day war' after 'on September 27, 2020, the army counter-attacked':
    the war starts at the last date before it in its paragraph."""
    paragraph = facts.paragraph_of(duration)
    before = [d for d in facts.days_in_paragraphs(paragraph, paragraph) if d.span.end <= duration.span.start]
    if not before:
        return None
    start = before[-1]
    bounds = start.bounds()
    assert bounds is not None
    loose = _cued_after(facts, end_stems, skip_stems, after=bounds[1])
    return (start, loose, False, "the end dates the article gives") if loose else None


def _earliest_start(facts: Facts, subject: str, skip_stems: set[str], exclude_sentence: int) -> DateClaim | None:
    """The earliest date given in a sentence naming ``subject`` (first in text among equals),
    outside the duration's own sentence and sentences with a skip cue."""

    def compute() -> list[DateClaim]:
        text = facts.document.text
        dates = [
            d
            for d in facts.dates_mentioning(subject)
            if d.bounds()
            and not facts.sentence_stems[d.sentence] & skip_stems
            # "Born on September 3, 1941, he joined the bureau in 1965": a birth starts no event.
            and not _BORN_BEFORE.search(text, max(0, d.span.start - 40), d.span.start)
        ]
        return sorted(dates, key=lambda d: d.bounds() or (d.span.start,))  # stable: text order among equals

    ordered = facts.memo(("duration starts", subject, frozenset(skip_stems)), compute)
    return next((d for d in ordered if d.sentence != exclude_sentence), None)


def _paragraph_opener_event(facts: Facts, duration: DurationClaim) -> str | None:
    paragraph = facts.document.paragraphs[facts.paragraph_of(duration)]
    match = _OPENER_EVENT.match(facts.document.text[paragraph[0] : paragraph[1]])
    return stem(match["noun"]) if match else None


def _judge(
    facts: Facts,
    duration: DurationClaim,
    start: DateClaim,
    ends: list[DateClaim] | Grouped,
    may_flag: bool,
    how: str,
) -> Outcome | None:
    start_bounds = start.bounds()
    if start_bounds is None:
        return None
    unit = duration.unit
    stated = timespans.stated_range(duration.amount, duration.approx, unit)
    grouped = ends if isinstance(ends, dict) else _group(ends)
    fits: list[tuple[Bounds, tuple[float, float], list[tuple[int, DateClaim]]]] = []
    misses: list[tuple[Bounds, tuple[float, float], list[tuple[int, DateClaim]]]] = []
    for end_bounds, members in grouped.items():
        if end_bounds[1] < start_bounds[0] or end_bounds == start_bounds:
            continue  # an end before the start, or the start's own day again ("yesterday" twice)
        actual = timespans.span_range(start_bounds, end_bounds, unit)
        # Whole years are also counted with both ends: "the three-year period 1987-1989".
        whole_years = (
            unit == "year" and start.granularity == "year" and all(d.granularity == "year" for _, d in members)
        )
        # A year count a few weeks short of its anniversary rounds up ("12 years after"
        # August 18, 2012 on August 17, 2024): no editor would call that wrong.
        nearly = unit == "year" and timespans.nearly_next_year(start_bounds[0], end_bounds[1], actual[1])
        counted = (actual[0], actual[1] + 1) if whole_years or nearly else actual
        (fits if timespans.overlaps(stated, counted) else misses).append((end_bounds, actual, members))
    if fits and (not misses or not may_flag):
        return _outcome(facts, duration, start, fits, verified=True, how=how)
    if misses and not fits and may_flag:
        return _outcome(facts, duration, start, misses, verified=False, how=how)
    return None


def _outcome(
    facts: Facts,
    duration: DurationClaim,
    start: DateClaim,
    used: list[tuple[Bounds, tuple[float, float], list[tuple[int, DateClaim]]]],
    verified: bool,
    how: str,
) -> Outcome:
    """The outcome for the end dates ``used`` (all fitting, or all missing)."""
    unit = duration.unit
    bounds = timespans.hull([end_bounds for end_bounds, _, _ in used])
    actual = _whole((min(a[0] for _, a, _ in used), max(a[1] for _, a, _ in used)), unit)
    # The first ends in text order; a long article may give the same end dates many times.
    quoted = list(islice(heapq.merge(*(members for _, _, members in used)), _MAX_EVIDENCE_ENDS))
    count = sum(len(members) for _, _, members in used)
    stated_text = duration.text
    described = timespans.describe_range(actual, unit)
    stated = duration.amount[1] if isinstance(duration.amount, tuple) else duration.amount
    if verified and unit in ("day", "month", "year") and actual[1] < stated <= actual[1] + 1:
        rounded = timespans.describe_range((actual[1] + 1, actual[1] + 1), unit)
        if unit == "year" and start.granularity != "year":
            described += f" (nearly {rounded})"  # a few weeks short of the anniversary
        else:  # "seven days, from December 28 to January 3": counted with both ends
            described += f" ({rounded} counting both ends)"
    span = f"From {timespans.describe_date(start)} to {timespans.describe_bounds(bounds)} is {described} ({how})"
    computation = f"{span}; stated: {stated_text}." if verified else f"{span}, not {stated_text}."
    if count > len(quoted):
        computation += f" The evidence quotes the first {len(quoted)} of {count} end dates."
    return Outcome(
        claim=duration,
        verified=verified,
        fields={
            "start": timespans.describe_date(start),
            "end": timespans.describe_bounds(bounds),
            "actual": described,
            "stated": stated_text,
        },
        evidence=[evidence(facts, start, "start")] + [evidence(facts, end, "end") for _, end in quoted],
        computation=computation,
    )


def _whole(values: tuple[float, float], unit: str) -> tuple[float, float]:
    if unit == "week":
        return round(values[0], 1), round(values[1], 1)
    return values


CHECK = DurationCheck()
