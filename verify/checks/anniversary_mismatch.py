"""anniversary_mismatch: an ordinal anniversary or "N years ago/later/since" against the dates.

Two forms are judged.

**Ordinal anniversaries** ("the first anniversary of the liberation", "the
100th anniversary of the first flight ... in 1909"). The anniversary falls on
the date written before it in its sentence ("On July 25, which was the 100th
anniversary ...", "Today marks ..."), on a weekday, a day of the
publication's year or a date outside the event's "of" phrase written after it
("fell on Tuesday", "its 25th anniversary in 2017"), in "last/this/next year"
right after it, or else on the publication date, unless the sentence speaks of
the future. A date before it after an origin word ("founded in 1992 and marked
its 30th anniversary", "dates to 1873"), or one that "which" refers back to ("the
attacks of 2001, which marked their 20th anniversary last week"), dates the
event instead; "last/this/next week" and "month" count like "year". A day whose year
was only borrowed from the event's year in the same sentence takes the year
nearest the publication date instead. The event is dated by a date written
after the ordinal in the same sentence; failing that, by the dates of the
other sentences that name a word of the event's phrase by its stem
("liberation" ~ "liberated"), leaving out sentences about commemorations.
A clause that names the event beside its date is preferred; "the liberation
... from the occupation" is dated by the end the article gives for the
occupation (sentences with end cues after its start, flagging only when they
agree to within a month). When the phrase names a proper name ("of the
Kalbajar District"), sentences that also name it are preferred, and only they
may flag. The Nth anniversary
falls N calendar years after the event; it is flagged only when no candidate
date fits.

**Elapsed years** ("three years ago, in 2014", "Twelve years later, in 1975",
"25 years since the war began in 1993"). Only a date written against the
phrase dates it ("ago, in 2014", "in 1990, some 35 years ago", the clause
after "since", or a year set off at the end of its sentence: "since X was
attacked, in 2006."). "ago" and "since" count back from the publication date;
"later" counts from the dates earlier in the paragraph (else the last dated
sentence of the one before) and is flagged only when none of them fits;
"earlier" ("which it joined 36 years earlier, in 1973") counts back from those
same dates to the date written right after it. The
count is in completed years, widened by "about", "nearly", "more than".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from dateutil.relativedelta import relativedelta
from pydantic import Field

from verify.checks import timespans
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.cues import any_cue_search, cue_pattern
from verify.claims import DateClaim, DurationClaim, OrdinalClaim
from verify.extraction.lexicon import STOPWORDS
from verify.extraction.numbers import ordinal_value
from verify.findings import Evidence
from verify.linking import Facts, stem

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "... anniversary of the liberation of the Kalbajar District from the occupation"
_FROM_PHRASE = re.compile(r"\s+[A-Za-z]+\s+of\s+[^.;:]{0,120}?\bfrom\s+(?:the|its|their|his|her)\s+(?P<noun>[a-z]+)")


class AnniversaryParams(Params):
    """Parameters of an anniversary_mismatch rule."""

    #: Nouns an ordinal counts anniversaries with.
    nouns: list[str] = Field(default=["anniversary"], min_length=1)
    #: Words after "N years" that count back from the publication date.
    ago_cues: list[str] = ["ago"]
    #: Words after "N years" that count on from the previous dated event.
    later_cues: list[str] = ["later", "afterwards", "afterward", "on"]
    #: Words after "N years" that count back from the previous dated event, judged only with
    #: the earlier date written right after them ("which it joined 36 years earlier, in 1973").
    earlier_cues: list[str] = []
    #: Words after "N years" that count from a dated event to the publication date.
    since_cues: list[str] = ["since"]
    #: Words that mark the end of an event ("ended", "until"), for "liberation from the occupation".
    end_cues: list[str] = []
    #: Words before a date ("founded in 1992") that make it the date of the event an
    #: anniversary in the same sentence counts from.
    origin_cues: list[str] = []
    #: Verbs of "X of 2001, which marked its Nth anniversary": the date before them dates the event.
    marking_verbs: list[str] = []
    #: Past-tense marking verbs ("marked the 70th anniversary of his ordination in 2022"): with
    #: no other date for the anniversary, the year closing the sentence may be when it was
    #: marked rather than the event's, so such a reading may verify but never flag.
    past_marking_verbs: list[str] = []
    #: Words in a sentence that make it about the future: no publication date is assumed.
    future_cues: list[str] = ["will", "next", "upcoming", "planned", "plans"]
    #: Words whose sentences commemorate rather than date the event.
    skip_cues: list[str] = ["anniversary", "anniversaries", "commemorate", "commemorated", "marks", "marked"]


class AnniversaryCheck(Check):
    """Compare anniversaries and elapsed years with the dates the article gives."""

    kind = "anniversary_mismatch"
    Params = AnniversaryParams

    def run(self, facts: Facts, params: AnniversaryParams) -> Iterator[Outcome]:
        nouns = {noun.lower() for noun in params.nouns}
        for ordinal in facts.of_type(OrdinalClaim):
            if ordinal.noun in nouns:
                outcome = _ordinal(facts, ordinal, params)
                if outcome is not None:
                    yield outcome
        for duration in facts.of_type(DurationClaim):
            if duration.unit != "year":
                continue
            outcome = _elapsed(facts, duration, params)
            if outcome is not None:
                yield outcome


# -- ordinal anniversaries ---------------------------------------------------------


def _ordinal(facts: Facts, ordinal: OrdinalClaim, params: AnniversaryParams) -> Outcome | None:
    text = facts.document.text
    if _PERSONAL.search(text, max(0, ordinal.span.start - 6), ordinal.span.start):
        return None  # "her 60th birthday": a person's, dated by a birth (age_mismatch), not by an origin
    sentence_dates = [d for d in facts.dates_in_sentence(ordinal.sentence)]
    before = [d for d in sentence_dates if d.span.end <= ordinal.span.start]
    after = [d for d in sentence_dates if d.span.start >= ordinal.span.end]
    # A date after an origin word dates the event ("founded in 1992 and marked its 30th
    # anniversary", "which marked its 150th anniversary last year, dates to 1873"), and so
    # does one that "which" refers back to ("the attacks of 2001, which marked their 20th").
    origins = [
        d for d in sentence_dates if _after_origin_word(text, d, params) or _antecedent(text, d, ordinal, params)
    ]
    before = [d for d in before if d not in origins]
    after = [d for d in after if d not in origins]
    # "the 50th anniversary of the landing on July 20, 1969, and the 75th anniversary of
    # ...": a date after an earlier anniversary belongs to that one's event.
    nouns = {noun.lower() for noun in params.nouns}
    earlier = [
        o
        for o in facts.by_sentence.get(ordinal.sentence, [])
        if isinstance(o, OrdinalClaim) and o.noun in nouns and o.span.end <= ordinal.span.start
    ]
    if earlier:
        before = [d for d in before if d.span.end <= earlier[-1].span.start]
    # After the ordinal, the event's date stands in its "of" phrase ("the 100th anniversary
    # of the first flight ... in 1909"); a date outside one ("its 25th anniversary in 2017"),
    # a weekday or "today" ("fell on Tuesday"), or a day in the publication's year says
    # when the anniversary falls.
    own_day = [
        d
        for d in after
        if d.resolution == "relative"
        or _in_reference_year(facts, d)
        or not re.search(r"\bof\b", text[ordinal.span.end : d.span.start])
    ]
    after = [d for d in after if d not in own_day]
    when: DateClaim | None = before[-1] if before else (own_day[0] if own_day else None)
    when_day: dt.date | None = None
    when_text = ""
    # "its 90th anniversary last year", or "last year marked its 90th anniversary" with no
    # date between the phrase and the ordinal.
    relative = _RELATIVE_WHEN.match(text, ordinal.span.end)
    if relative is None:
        since = max([facts.document.sentences[ordinal.sentence][0], *(d.span.end for d in before + origins)])
        relative = _RELATIVE_WHEN_BEFORE.search(text, since, ordinal.span.start)
    if when is None and relative is not None and facts.reference_date is not None:
        # "marked its 30th anniversary last year": counted from the publication date.
        # "this summer" counts as "this year": only the year is compared.
        which, unit = (relative["which"] or "this").lower(), (relative["unit"] or "year").lower()
        when_day = _shifted(facts.reference_date, which, unit)
        shown = str(when_day.year) if unit == "year" else timespans.describe_bounds((when_day, when_day))
        when_text = f"{which} {unit} ({shown})"
    elif when is not None:
        bounds = when.bounds()
        if bounds is None:
            return None
        when_day = bounds[0]
        when_text = timespans.describe_date(when)
        if when.resolution == "inferred-year":
            # "On July 25, which was the 100th anniversary of ... 1909": the year in the
            # sentence is the event's, so the anniversary's comes from the publication date.
            reference = facts.reference_date
            if reference is None or when.month is None:
                return None
            when_day = _nearest(reference, when.month, when.day or 1)
            when_text = f"{timespans.describe_bounds((when_day, when_day))} (the year from the publication date)"
    elif when_day is None:
        stems = facts.sentence_stems[ordinal.sentence]
        if facts.reference_date is None or stems & {stem(w) for w in params.future_cues}:
            return None
        when_day = facts.reference_date
        when_text = f"the publication date ({timespans.describe_bounds((when_day, when_day))})"
    events = [d for d in after + origins if _year_of(d) is not None]
    how = "the date given for the event in the same sentence"
    words, names = _event_phrase(facts, ordinal.span.end)
    noun = words[-1] if words else None
    may_flag = not (when is None and relative is None and events and _marked_then(facts, ordinal, events, params))
    skip = {stem(w) for w in params.skip_cues}
    if not events:
        # A clause that names the event beside its date ("liberated on November 25").
        for noun in reversed(words):
            events = [
                d
                for d in facts.dates_mentioning(stem(noun))
                if d.sentence != ordinal.sentence
                and not facts.sentence_stems[d.sentence] & skip
                and facts.clause_mentions(d, stem(noun))
            ]
            if events:
                how = f"the date the article gives for the {noun}"
                break
    if not events:
        # "the liberation of X from the occupation": the end the article gives for the occupation.
        ended = _end_of(facts, ordinal, params, skip)
        if ended is not None:
            events, how, may_flag = ended
    if not events:
        # The head is the phrase's last word ("plane flight"), unless no sentence dates
        # it ("the attack fell on Tuesday"): then the word before it, and so on.
        for noun in reversed(words):
            events = [
                d
                for d in facts.dates_mentioning(stem(noun))
                if d.sentence != ordinal.sentence and not facts.sentence_stems[d.sentence] & skip
            ]
            if events:
                break
        if not events:
            return None
        # "the liberation of the Kalbajar District": sentences that also name Kalbajar date
        # it best; the noun alone may verify the anniversary but never flag it.
        named = [d for d in events if names & facts.sentence_stems[d.sentence]]
        may_flag = bool(named) or not names
        events = named or events
        how = f"the dates the article gives for the {noun}"
    events = [d for d in events if (b := d.bounds()) is not None and b[0] <= when_day]
    if not events:
        return None
    fits = [d for d in events if when_day.year - _year(d) == ordinal.value]
    stated = ordinal.value
    event_evidence: list[Evidence]
    verified = bool(fits)
    if not verified and not may_flag:
        return None
    used = fits if fits else sorted(events, key=_year)
    event_evidence = [evidence(facts, d, "event") for d in used]
    counts = sorted({when_day.year - _year(d) for d in used})
    first, last = used[0], used[-1]
    if _year(first) != _year(last):
        start_text = f"{timespans.describe_date(first)} or {timespans.describe_date(last)}"
    else:  # several dates in one year: "November 2020"
        start_text = timespans.describe_bounds(timespans.hull([b for b in (d.bounds() for d in used) if b]))
    anniversaries = " or ".join(f"the {_ordinal_word(n)}" for n in counts)
    years = timespans.describe_range((counts[0], counts[-1]), "year")
    fields = {
        "start": start_text,
        "end": when_text,
        "actual": f"{years}, {anniversaries} {ordinal.noun}",
        "stated": _ordinal_word(stated),
        "suggestion": f"{anniversaries} {ordinal.noun}",
    }
    if when is not None:
        event_evidence.insert(0, evidence(facts, when, "anniversary date"))
    computation = f"From {fields['start']} ({how}) to {when_text} is {fields['actual']}" + (
        "." if verified else f", not the {fields['stated']}."
    )
    end = _anniversary_end(facts, ordinal)
    fields["claim"] = facts.document.text[ordinal.span.start : end]
    return Outcome(
        claim=ordinal,
        verified=verified,
        fields=fields,
        evidence=event_evidence,
        computation=computation,
        end=end,
    )


def _end_of(
    facts: Facts, ordinal: OrdinalClaim, params: AnniversaryParams, skip: set[str]
) -> tuple[list[DateClaim], str, bool] | None:
    """For "the anniversary of the liberation ... from the occupation": the dates the
    article gives for the occupation's end (sentences with end cues after its start).
    They may flag only when they agree to within a month."""
    text = facts.document.text
    match = _FROM_PHRASE.match(text, ordinal.span.end)
    if not match or not params.end_cues:
        return None
    noun = match["noun"]
    starts = [
        d
        for d in facts.dates_mentioning(stem(noun))
        if d.sentence != ordinal.sentence and not facts.sentence_stems[d.sentence] & skip and d.bounds()
    ]
    if not starts:
        return None
    start_bounds = min(b for b in (d.bounds() for d in starts) if b is not None)
    ends = facts.dates_with_cues({stem(w) for w in params.end_cues}, skip, after=start_bounds[1])
    if not ends:
        return None
    first, last = timespans.hull([b for b in (d.bounds() for d in ends) if b])
    return ends, f"the end the article gives for the {noun}", (last - first).days <= 31


def _nearest(reference: dt.date, month: int, day: int) -> dt.date:
    """The day ``month``/``day`` nearest ``reference`` (in its year or a neighbour)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days))


#: "last year", "this year", "next year" right after an anniversary.
#: "last year", "this week", "next month" right after an anniversary.
_RELATIVE_WHEN = re.compile(
    r"\s+[A-Za-z]+\s+(?:(?P<which>last|this|next)\s+(?P<unit>year|month|week)"
    r"|this\s+(?P<season>spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)
_RELATIVE_WHEN_BEFORE = re.compile(
    r"\b(?:(?P<which>last|this|next)\s+(?P<unit>year|month|week)|this\s+(?P<season>spring|summer|autumn|fall|winter))"
    r"\b(?=[^.;,]*$)",
    re.IGNORECASE,
)
_SHIFT = {"last": -1, "this": 0, "next": 1}
_PERSONAL = re.compile(r"\b(?:his|her)\s+$", re.IGNORECASE)
#: Between an event's date and "which": at most three words and a comma.
_WHICH = r"(?:\s+[\w'’-]+){0,3}\s*,\s*which\s+"


def _shifted(reference: dt.date, which: str, unit: str) -> dt.date:
    """The day "last week", "this year", "next month" points at from ``reference``; for
    a year only the year counts (its last day)."""
    shift = _SHIFT[which]
    if unit == "year":
        return dt.date(reference.year + shift, 12, 31)
    return reference + (relativedelta(months=shift) if unit == "month" else dt.timedelta(weeks=shift))


def _antecedent(text: str, date: DateClaim, ordinal: OrdinalClaim, params: AnniversaryParams) -> bool:
    """True for the date "which" refers back to: "the attacks of 2001, which marked their
    20th" ("On July 25, which was the 100th anniversary" names the anniversary's day)."""
    if date.span.end > ordinal.span.start:
        return False
    pattern = cue_pattern(_WHICH + r"{cues}\s+(?:its|their)\s+", tuple(params.marking_verbs), re.IGNORECASE)
    return bool(params.marking_verbs) and pattern.fullmatch(text, date.span.end, ordinal.span.start) is not None


def _marked_then(facts: Facts, ordinal: OrdinalClaim, events: list[DateClaim], params: AnniversaryParams) -> bool:
    """True when a past marking verb leads to the ordinal and every event date closes the
    sentence after "in": "The village marked the 70th anniversary of his ordination in 2022"."""
    text = facts.document.text
    start = facts.document.sentences[ordinal.sentence][0]
    lead = text[start : ordinal.span.start]
    if not any_cue_search(r"\b{cues}\b", params.past_marking_verbs, lead.lower()):
        return False
    return all(
        re.search(r"\bin\s+$", text[max(0, d.span.start - 4) : d.span.start]) is not None
        and _SENTENCE_END.match(text, d.span.end) is not None
        for d in events
    )


def _after_origin_word(text: str, date: DateClaim, params: AnniversaryParams) -> bool:
    """True for a date right after an origin word and "in", "on", "to", "from" ("founded
    in 1992", "dates to 1873")."""
    lead = text[max(0, date.span.start - 30) : date.span.start].lower()
    return any_cue_search(r"\b{cues}\s+(?:in|on|to|from|back\s+to)\s+$", params.origin_cues, lead)


def _in_reference_year(facts: Facts, claim: DateClaim) -> bool:
    reference = facts.reference_date
    return reference is not None and claim.year == reference.year and claim.day is not None


def _year_of(claim: DateClaim) -> int | None:
    return claim.year if claim.valid else None


def _year(claim: DateClaim) -> int:
    assert claim.year is not None
    return claim.year


def _event_phrase(facts: Facts, position: int) -> tuple[list[str], set[str]]:
    """The words of the phrase after "anniversary of" ("the first plane flight across"
    → first, plane, flight; ordinals left out) and the stems of the names that follow
    it ("of the Kalbajar District")."""
    text = facts.document.text
    match = re.match(r"\s+[A-Za-z]+\s+of\s+", text[position : position + 40])
    if not match:
        return [], set()
    words: list[str] = []
    cursor = position + match.end()
    for word in _WORD.finditer(text, cursor, min(len(text), cursor + 80)):
        if text[cursor : word.start()].strip():
            break  # punctuation ends the phrase
        lowered = word.group(0).lower()
        if lowered in STOPWORDS:
            if not words and lowered in ("the", "a", "an", "his", "her", "its", "their"):
                cursor = word.end()
                continue
            break
        if ordinal_value(lowered) is None:
            words.append(lowered)
        cursor = word.end()
    names: set[str] = set()
    for word in _WORD.finditer(text, cursor, min(len(text), cursor + 80)):
        if text[cursor : word.start()].strip():
            break
        lowered = word.group(0).lower()
        if lowered in STOPWORDS and lowered not in ("of", "the"):
            break  # "of the Kalbajar District" ends at "from"
        if word.group(0)[0].isupper() and lowered not in STOPWORDS:
            names.add(stem(lowered))
        cursor = word.end()
    # A proper name is never written in lower case ("Kalbajar", but not "District").
    common = {stem(w) for w in re.findall(r"\b[a-z][a-z-]+", text)}
    return words, names - common


def _anniversary_end(facts: Facts, ordinal: OrdinalClaim) -> int:
    match = re.match(r"\s+[A-Za-z]+", facts.document.text[ordinal.span.end : ordinal.span.end + 30])
    return ordinal.span.end + match.end() if match else ordinal.span.end


def _ordinal_word(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


# -- N years ago / later / since ------------------------------------------------------


def _elapsed(facts: Facts, duration: DurationClaim, params: AnniversaryParams) -> Outcome | None:
    text = facts.document.text
    cue_match = (
        _WORD.match(text, duration.span.end + 1) if text[duration.span.end : duration.span.end + 1] == " " else None
    )
    if cue_match is None:
        return None
    cue = cue_match.group(0).lower()
    if _OBJECT_OF.search(text, max(0, duration.span.start - 6), duration.span.start):
        return None  # "its best start to a year since 2019": "a year" is no span there
    own = [d for d in facts.dates_in_sentence(duration.sentence) if d.resolution != "relative"]
    # Only a date written against the phrase dates it: "three years ago, in 2014", "in 1990, some 35 years ago".
    attached = [
        d
        for d in own
        if (d.span.start >= cue_match.end() and _ATTACHED_AFTER.match(text[cue_match.end() : d.span.start]))
        or (d.span.end <= duration.span.start and _ATTACHED_BEFORE.match(text[d.span.end : duration.span.start]))
    ]
    if not attached and cue in params.since_cues:
        # "27 years since the war began in 1993": the first date of the clause after "since".
        # "17 years since X was attacked, in 2006.": a year set off at the end of the sentence dates it too.
        attached = [
            d
            for d in own
            if cue_match.end() <= d.span.start <= cue_match.end() + 80
            and (
                not re.search(r"[,;:.]", text[cue_match.end() : d.span.start])
                or (
                    _CLOSING_DATE.fullmatch(text, cue_match.end(), d.span.start)
                    and _SENTENCE_END.match(text, d.span.end)
                )
            )
        ][:1]
    if len(attached) != 1:
        return None
    event = attached[0]
    if event.resolution == "inferred-year" and (cue in params.ago_cues or cue in params.since_cues):
        return None  # "40 years since June 16": the year is the one to find, not the publication's
    bounds = event.bounds()
    if bounds is None:
        return None
    if cue in params.ago_cues or cue in params.since_cues:
        reference = facts.reference_date
        if reference is None or bounds[0] > reference:
            return None
        if any(d is not event and d.day is not None for d in facts.dates_in_sentence(duration.sentence)):
            return None  # "112 years ago on Monday", "Sunday will mark 112 years since": counted to another day
        end: tuple[dt.date, dt.date] = (reference, reference)
        how = "the publication date"
        around = _AROUND_NOW.match(text, cue_match.end())
        if around is not None:  # "84 years ago this weekend": the days around the publication date
            slack = dt.timedelta(days=31 if around["unit"].lower() == "month" else 7)
            end, how = (reference - slack, reference + slack), f"{around[0].strip()}, around the publication date"
        return _judge_elapsed(facts, duration, [event], (bounds, end), how, cue_match.end())
    if cue in params.later_cues:
        pairs = [(start, event) for start in _earlier_dates(facts, duration, event)]
        return _judge_between(facts, duration, pairs, cue_match.end(), "earlier")
    if cue in params.earlier_cues and event.span.start > duration.span.end:
        pairs = [(event, end) for end in _earlier_dates(facts, duration, event)]
        return _judge_between(facts, duration, pairs, cue_match.end(), "later")
    return None


#: Before a duration, a preposition that makes it an object: "its best start to a year".
_OBJECT_OF = re.compile(r"\b(?:to|of|for|per)\s+$", re.IGNORECASE)
#: After "ago": a span around the publication date ("84 years ago this weekend").
_AROUND_NOW = re.compile(r"\s+(?:this|next|last)\s+(?P<unit>weekend|week|month)\b", re.IGNORECASE)
#: A clause of "since" that ends in a comma and "in" before its date: "since X was hit, in ".
_CLOSING_DATE = re.compile(r"[^,;:.]*,\s*in\s+")
_SENTENCE_END = re.compile(r"\s*(?:[.;!?]|$)")
_ATTACHED_AFTER = re.compile(r"^\s*[,(–—-]?\s*(?:(?:back\s+)?in|on|during)?\s*$", re.IGNORECASE)
_ATTACHED_BEFORE = re.compile(r"^\s*[,(–—-]?\s*$")


def _earlier_dates(facts: Facts, duration: DurationClaim, later: DateClaim) -> list[DateClaim]:
    """The dates "N years later" may count from: those earlier in its paragraph, else
    the last dated sentence of the paragraph before."""
    paragraph = facts.paragraph_of(duration)
    by_paragraph = facts.memo("anniversary dates by paragraph", lambda: _dates_by_paragraph(facts))

    def before(index: int) -> list[DateClaim]:
        return [d for d in by_paragraph.get(index, []) if d is not later and d.span.end <= duration.span.start]

    same = before(paragraph)
    if same:
        return same
    previous = before(paragraph - 1)
    return [d for d in previous if d.sentence == previous[-1].sentence] if previous else []


def _dates_by_paragraph(facts: Facts) -> dict[int, list[DateClaim]]:
    """Valid, non-relative dates with a year, by paragraph, in text order (once per article)."""
    found: dict[int, list[DateClaim]] = {}
    for d in facts.claims:
        if isinstance(d, DateClaim) and d.valid and d.year is not None and d.resolution != "relative":
            found.setdefault(facts.paragraph_of(d), []).append(d)
    return found


def _judge_between(
    facts: Facts,
    duration: DurationClaim,
    pairs: list[tuple[DateClaim, DateClaim]],
    end: int,
    candidates: Literal["earlier", "later"],
) -> Outcome | None:
    """ "N years later/earlier" against (start, end) date pairs that share one date, the
    one written against the phrase; the other, the ``candidates``, are the dates given
    before it. It holds when one pair is that far apart, and is flagged only when none is."""
    stated = timespans.stated_range(duration.amount, duration.approx, "year")
    results = []
    for start, finish in pairs:
        bounds, finish_bounds = start.bounds(), finish.bounds()
        if bounds is None or finish_bounds is None or bounds[0] > finish_bounds[1]:
            continue
        actual = timespans.span_range(bounds, finish_bounds, "year")
        # "eight years later, in February 2022" after March 18, 2014: a month short rounds up.
        counted = (
            (actual[0], actual[1] + 1) if timespans.nearly_next_year(bounds[0], finish_bounds[1], actual[1]) else actual
        )
        results.append((start, finish, actual, timespans.overlaps(stated, counted)))
    if not results:
        return None
    fitting = [r for r in results if r[3]]
    start, finish, actual, ok = fitting[0] if fitting else results[-1]
    fields = {
        "start": timespans.describe_date(start),
        "end": timespans.describe_date(finish),
        "actual": timespans.describe_range(actual, "year"),
        "suggestion": timespans.describe_range(actual, "year"),
        "claim": facts.document.text[duration.span.start : end],
    }
    used = [(start, finish)] if ok else [(r[0], r[1]) for r in results]
    starts = list(dict.fromkeys(pair[0] for pair in used))
    ends = list(dict.fromkeys(pair[1] for pair in used))
    note = " (the last date given before it)"
    return Outcome(
        claim=duration,
        verified=ok,
        fields=fields,
        evidence=[evidence(facts, d, "earlier event") for d in starts]
        + [evidence(facts, d, "later event") for d in ends],
        computation=(
            f"From {fields['start']}{note if candidates == 'earlier' else ''} to {fields['end']}"
            f"{note if candidates == 'later' else ''} is {fields['actual']}"
            + (
                "."
                if ok
                else f", not {duration.text}" + (f"; no other {candidates} date fits." if len(used) > 1 else ".")
            )
        ),
        end=end,
    )


def _judge_elapsed(
    facts: Facts,
    duration: DurationClaim,
    events: list[DateClaim],
    span: tuple[timespans.Bounds, timespans.Bounds],
    anchor: str,
    end: int,
) -> Outcome:
    stated = timespans.stated_range(duration.amount, duration.approx, "year")
    actual = timespans.span_range(span[0], span[1], "year")
    ok = timespans.overlaps(stated, actual)
    fields = {
        "start": timespans.describe_date(events[0]),
        "end": f"{anchor} ({timespans.describe_bounds(span[1])})",
        "actual": timespans.describe_range(actual, "year"),
        "suggestion": timespans.describe_range(actual, "year"),
    }
    fields["claim"] = facts.document.text[duration.span.start : end]
    return Outcome(
        claim=duration,
        verified=ok,
        fields=fields,
        evidence=[evidence(facts, d, "event") for d in events],
        computation=(
            f"From {fields['start']} to {fields['end']} is {fields['actual']}"
            + ("." if ok else f", not {duration.text}.")
        ),
        end=end,
    )


CHECK = AnniversaryCheck()
