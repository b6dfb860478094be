"""chronology: an order in time that the article's own dates contradict.

Four orders are judged, each between dates the text ties together explicitly.

**"N days later", "the next day"** ("Despite signs of recovery three days later, he suffered a
cardiac arrest on Monday"): the later point is N days (or weeks) after the
last day-dated mention before it in its paragraph. A day the same sentence
gives after it, for what happens then or after, cannot come before that
point. A day introduced by a pluperfect or reported speech ("had", "said")
may lie earlier and is left alone. When the two coincide the order is verified.

**Ranges** ("from tomorrow night into Thursday morning", "from March 3 to
March 1"): the end of a range cannot come before its start. A bare weekday
at the end of a range is taken as the first such weekday on or after the
start, and parts of the day (morning, afternoon, evening, night) order two
points on one day.

**"X, following Y on D"** ("New Hampshire held its primary, following the
caucuses in Iowa on February 13"): the main clause's event, when another
sentence dates it (a sentence sharing a proper name and another content word
with the clause), must come after D ("before": before D). Flagged only when
every date the article gives for that event is on the wrong side.

**Announcements** ("The cabinet voted to lift it on Saturday afternoon, and
the centre announced the decision on Friday night"): a clause that announces,
confirms or reports what the clause before it did ("the decision", "it")
cannot be dated before it.

Dates written with a weekday only are resolved against the publication date,
so these checks need one for relative days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from verify.checks import timespans
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.cues import any_cue_search, cue_pattern
from verify.claims import DateClaim, DurationClaim
from verify.extraction.lexicon import IRREGULAR_PARTICIPLES, STOPWORDS
from verify.linking import Facts, stem

_WORD = re.compile(r"[A-Za-z]+")
#: A proper name: capitalised words, and numbers within it ("Flight 981").
_NAME_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+\b))*")


class ChronologyParams(Params):
    """Parameters of a chronology rule."""

    #: Words after "N days" that place a point after the previous dated mention.
    later_cues: list[str] = ["later"]
    #: Phrases that put a point one day after the previous dated mention.
    next_day_phrases: list[str] = ["the next day", "the following day"]
    #: Words between "N days later" and a date that let the date lie earlier.
    earlier_cues: list[str] = ["had", "said", "says", "reported", "announced", "since", "before", "earlier"]
    #: Words that put the main clause's event after a dated one ("following", "after").
    after_cues: list[str] = ["following", "after"]
    #: Words that put the main clause's event before a dated one ("before").
    before_cues: list[str] = ["before", "preceding"]
    #: How many content-word stems a sentence must share with the main clause to date its event.
    min_shared: int = 2
    #: Verbs that announce what an earlier clause did ("announced the decision").
    report_verbs: list[str] = ["announced", "confirmed", "reported", "revealed", "disclosed", "made public"]
    #: Objects of those verbs that point back to the earlier clause.
    report_objects: list[str] = ["the decision", "the vote", "the move", "the result", "the results", "it", "this"]
    #: Words that open a range before its first date ("from").
    range_openers: list[str] = ["from"]
    #: Words between the two dates of a range ("to", "into", "until").
    range_joins: list[str] = ["to", "into", "until", "till", "through"]
    #: Parts of the day, in order.
    day_parts: list[str] = ["morning", "noon", "afternoon", "evening", "night"]
    #: Words that join a dated clause to the one that follows it in time ("and then").
    sequence_markers: list[str] = []
    #: Words after a sequence marker that let its date lie earlier ("had", "after").
    sequence_blockers: list[str] = ["had", "before", "after", "since", "until", "earlier", "previously", "as in"]
    #: Words right before a date that make it the object of another phrase, not the date
    #: of the clause after "and then" ("backdated to 2018", "its results for 2018").
    sequence_not_dating: list[str] = ["to", "for", "from", "than", "as", "since", "until", "of"]


def with_reasons(outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    """Each order is judged its own way; the message quotes the judgement as ``{reason}``."""
    for outcome in outcomes:
        outcome.fields["reason"] = outcome.computation.rstrip(".")
        yield outcome


class ChronologyCheck(Check):
    """Check the order in time the article states against its dates."""

    kind = "chronology"
    Params = ChronologyParams

    def run(self, facts: Facts, params: ChronologyParams) -> Iterator[Outcome]:
        return with_reasons(self._outcomes(facts, params))

    def _outcomes(self, facts: Facts, params: ChronologyParams) -> Iterator[Outcome]:
        for duration in facts.of_type(DurationClaim):
            outcome = _later(facts, duration, params)
            if outcome is not None:
                yield outcome
        yield from _next_days(facts, params)
        for index in range(len(facts.document.sentences)):
            dates = [d for d in facts.by_sentence.get(index, []) if isinstance(d, DateClaim)]
            for first, second in pairwise(dates):
                outcome = (
                    _range(facts, first, second, params)
                    or _report_order(facts, first, second, params)
                    or _sequence(facts, first, second, params)
                )
                if outcome is not None:
                    yield outcome
            for date in dates:
                outcome = _relative_order(facts, date, params)
                if outcome is not None:
                    yield outcome


# -- "in 1975, and then ... in 1973" -----------------------------------------------------------


def _sequence(facts: Facts, first: DateClaim, second: DateClaim, params: ChronologyParams) -> Outcome | None:
    """A clause joined to a dated one by "and then" cannot be dated before it ("then-mayor"
    and "then 35" say "at that time", not "after")."""
    if not params.sequence_markers or first.resolution == "relative" or second.resolution == "relative":
        return None
    text = facts.document.text
    gap = text[first.span.end : second.span.start]
    marker = cue_pattern(
        r"(?:,\s*|\s)({cues})[\s,]+(?![-\d])", tuple(m.lower() for m in params.sequence_markers), re.IGNORECASE
    )
    found = marker.search(gap)
    if found is None or any_cue_search(r"\b{cues}\b", params.sequence_blockers, gap[found.end() :].lower()):
        return None
    if not _dates_its_clause(gap[found.end() :], params.sequence_not_dating):
        return None
    # "the firm, founded in 1990, and then ...": a date in a participle phrase set off by a
    # comma is not its clause's ("Founded in 1990, it was then sold in 1985" is judged).
    sentence_start = facts.document.sentences[first.sentence][0] if facts.document.sentences else 0
    clauses = re.split(r"[,;:(]", text[sentence_start : first.span.start])
    opening = clauses[-1].split()[:1]
    if (
        len(clauses) > 1
        and opening
        and (opening[0].lower().endswith("ed") or opening[0].lower() in IRREGULAR_PARTICIPLES)
    ):
        return None
    earlier, later = first.bounds(), second.bounds()
    if earlier is None or later is None:
        return None
    wrong = later[1] < earlier[0]
    joined, before, after = found.group(1).strip(), timespans.describe_date(first), timespans.describe_date(second)
    return Outcome(
        claim=second,
        verified=not wrong,
        fields={"claim": second.text},
        evidence=[evidence(facts, first, "date of the clause before")],
        computation=f"'{joined}' puts {after} after {before}, "
        + (f"but {after} comes first." if wrong else "and it comes after."),
    )


def _dates_its_clause(words_before_date: str, not_dating: list[str]) -> bool:
    """True when the date after "and then" dates that clause's own verb: a few words, the
    first the verb ("graduated from law school in"), none a participle of a phrase of
    its own ("equalled the record set in", "a mural painted in"), and the date not the
    object of "to", "for", "from" ("backdated to", "results for")."""
    words = words_before_date.lower().split()
    if not words or len(words) > _MAX_SEQUENCE_WORDS or words[-1] in not_dating:
        return False
    if any(character.isdigit() for character in words_before_date):
        return False  # "restated its results for 2018 and 2019": another figure stands between
    return not any(word.endswith("ed") or word in IRREGULAR_PARTICIPLES for word in words[1:])


#: The most words between "and then" and the date of its clause.
_MAX_SEQUENCE_WORDS = 6


# -- N days later ---------------------------------------------------------------------------


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)


def _later(facts: Facts, duration: DurationClaim, params: ChronologyParams) -> Outcome | None:
    if duration.unit not in ("day", "week") or isinstance(duration.amount, tuple) or duration.approx != "exact":
        return None
    text = facts.document.text
    cue = _WORD.match(text, duration.span.end + 1)
    if cue is None or text[duration.span.end : cue.start()] != " " or cue.group(0).lower() not in params.later_cues:
        return None
    if _THAN.match(text, cue.end()):
        return None  # "a day later than Western Europe": a comparison, not a point after the last date
    days = duration.amount * (7 if duration.unit == "week" else 1)
    return _after_days(facts, duration.span.start, cue.end(), days, duration.sentence, params)


def _next_days(facts: Facts, params: ChronologyParams) -> Iterator[Outcome]:
    """'The next day', 'the following day': one day after the last dated mention."""
    if not params.next_day_phrases:
        return
    if not facts.may_mention(params.next_day_phrases):
        return  # no phrase in the text: the search below would find nothing
    pattern = _phrases_pattern(tuple(params.next_day_phrases))
    for match in facts.finditer(pattern, params.next_day_phrases, facts.document.body_start):
        sentence = facts.document.sentence_index(match.start())
        outcome = _after_days(facts, match.start(), match.end(), 1, sentence, params)
        if outcome is not None:
            yield outcome


@lru_cache(maxsize=64)  # once per rule's phrases, not once per document
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def _after_days(
    facts: Facts, start: int, end: int, days: float, sentence: int, params: ChronologyParams
) -> Outcome | None:
    """A point ``days`` after the last dated mention before ``start``, against the first
    day the same sentence gives after ``end``."""
    text = facts.document.text
    paragraph = facts.document.paragraph_index(start)
    anchors = [
        d
        for d in facts.days_in_paragraphs(paragraph, paragraph)
        if d.span.end <= start and not (d.sentence == sentence and _between_words(text, d.span.end, start) > 12)
    ]
    targets = [d for d in facts.days_in_sentences(sentence, sentence) if d.span.start >= end]
    if not anchors or not targets:
        return None
    target = targets[0]
    between = {w.lower() for w in _WORD.findall(text[end : target.span.start])}
    if between & {c.lower() for c in params.earlier_cues} or ";" in text[end : target.span.start]:
        return None
    assert target.date is not None
    # Counted from the last dated mention; any earlier one in the paragraph that puts
    # the point on or before the target clears it.
    points = [(a, a.date + dt.timedelta(days=days)) for a in anchors if a.date is not None]
    if any(point <= target.date for _, point in points[:-1]):
        return None
    anchor, point = points[-1]
    # "Two days later, on 8 May": a day written right after the phrase is the point itself,
    # so it may not come later either (a week may be a day more or less).
    attached = _ATTACHED_DAY.fullmatch(text, end, target.span.start) is not None
    slack = dt.timedelta(days=1 if days >= 7 else 0)
    if point < target.date and (not attached or any(abs(p - target.date) <= slack for _, p in points)):
        return None
    if attached and point != target.date and abs(point - target.date) <= slack:
        return None
    phrase = text[start:end]
    fields = {
        "start": timespans.describe_day_claim(anchor),
        "point": timespans.describe_weekday_day(point),
        "other": timespans.describe_day_claim(target),
        "claim": phrase,
    }
    ok = point == target.date
    computation = f"'{phrase}', counted from {fields['start']}, is {fields['point']}: " + (
        f"the day the sentence gives: {fields['other']}."
        if ok
        else f"after {fields['other']}, which the sentence puts then or later."
        if point > target.date
        else f"before {fields['other']}, the day the sentence gives for it."
    )
    claim = facts.claim_starting_at(start)
    return Outcome(
        claim=claim if claim is not None else target,
        verified=ok,
        fields=fields,
        evidence=[evidence(facts, anchor, "start"), evidence(facts, target, "later event")],
        computation=computation,
        start=start,
        end=end,
    )


#: Between "N days later" and the day that dates it: "Two days later, on 8 May".
_ATTACHED_DAY = re.compile(r",?\s*(?:on\s+)?", re.IGNORECASE)


def _between_words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


# -- "X, following Y on D" ------------------------------------------------------------------


@lru_cache(maxsize=64)
def _relations(after_cues: tuple[str, ...], before_cues: tuple[str, ...]) -> dict[str, str]:
    """Each cue word, lowercased, with the order it sets ("following": "after")."""
    return {c.lower(): "after" for c in after_cues} | {c.lower(): "before" for c in before_cues}


def _without_leading_stopwords(name: str) -> str:
    """ "The Senate" → "Senate": a capitalised article opens a sentence, not a name."""
    words = name.split()
    while words and words[0].lower() in STOPWORDS:
        words.pop(0)
    return " ".join(words)


def _relative_order(facts: Facts, date: DateClaim, params: ChronologyParams) -> Outcome | None:
    """'New Hampshire held its primary, following the caucuses in Iowa on February 13':
    the main clause's event, dated elsewhere, must come after (or before) ``date``."""
    if date.date is None:
        return None
    text = facts.document.text
    sentence_start, _ = facts.document.sentences[date.sentence]
    lead = text[sentence_start : date.span.start]
    cues = _relations(tuple(params.after_cues), tuple(params.before_cues))
    lowered = lead.lower()
    if not any(cue in lowered for cue in cues):
        return None  # no cue word in the lead: no need to read it word by word
    found = None
    for match in _WORD.finditer(lead):
        if match.group(0).lower() in cues:
            found = match
    if found is None or found.start() == 0 or any(mark in lead[found.end() :] for mark in ",;:"):
        return None
    main = lead[: found.start()]
    if "," not in main[-3:] or any(isinstance(c, DateClaim) and c.span.start < found.start() + sentence_start
                                   for c in facts.by_sentence.get(date.sentence, [])):  # fmt: skip
        return None
    main_stems = {stem(w) for w in _WORD.findall(main) if w.lower() not in STOPWORDS and len(w) > 2}
    # The event is named by a proper name at least ("New Hampshire"), not by common words
    # alone, and by the whole name: "Turkish Airlines Flight 981" is not "United Airlines
    # Flight 826".
    names = [name for m in _NAME_PHRASE.finditer(main) if (name := _without_leading_stopwords(m.group(0)))]
    candidates = [
        d
        for d in facts.days
        if d.sentence != date.sentence
        and len(main_stems & facts.sentence_stems[d.sentence]) >= params.min_shared
        and any(name in facts.sentence_text(d.sentence) for name in names)
    ]
    if not candidates:
        return None
    relation = cues[found.group(0).lower()]
    assert date.date is not None
    if relation == "after":
        wrong = [d for d in candidates if d.date is not None and d.date < date.date]
    else:
        wrong = [d for d in candidates if d.date is not None and d.date > date.date]
    ok = not wrong
    if wrong and len(wrong) != len(candidates):
        return None  # some dates of the event fit: leave it
    main_text = main.strip().rstrip(",")
    shown = candidates[0]
    fields = {
        "start": f"'{main_text}' ({timespans.describe_day_claim(shown)})",
        "point": timespans.describe_weekday_day(date.date),
        "other": f"'{found.group(0)}'",
        "claim": date.text,
    }
    order = "after" if relation == "after" else "before"
    put = f"the sentence puts '{main_text}' {order} {date.text} ({timespans.describe_weekday_day(date.date)})"
    dated = f"the article dates it {timespans.describe_day_claim(shown)}"
    computation = (
        f"{put}, and {dated}, the same day or {'later' if order == 'after' else 'earlier'}."
        if ok
        else f"{put}, but {dated}, {'before' if order == 'after' else 'after'} it."
    )
    return Outcome(
        claim=date,
        verified=ok,
        fields=fields,
        evidence=[evidence(facts, d, "event of the main clause") for d in candidates],
        computation=computation,
    )


# -- "X did it on D1, and Y announced it on D2" ----------------------------------------------


@lru_cache(maxsize=64)
def _report_pattern(parts: tuple[str, ...], verbs: tuple[str, ...], objects: tuple[str, ...]) -> re.Pattern[str]:
    """The gap between "X did it on D1" and D2 when the second clause announces the first."""
    verb = "|".join(re.escape(v) for v in verbs)
    anaphor = "|".join(re.escape(a) for a in objects)
    return re.compile(
        rf"^\s?(?:(?:{'|'.join(parts)})\b)?,?\s+and\s+[^,;.]{{0,80}}?\b(?:{verb})\s+(?:{anaphor})\s+(?:on|at)\s+$",
        re.IGNORECASE,
    )


def _report_order(facts: Facts, first: DateClaim, second: DateClaim, params: ChronologyParams) -> Outcome | None:
    """An announcement of what the first clause did cannot come before it was done."""
    if not params.report_verbs:
        return None
    text = facts.document.text
    gap = text[first.span.end : second.span.start]
    parts = [p.lower() for p in params.day_parts]
    pattern = _report_pattern(tuple(parts), tuple(params.report_verbs), tuple(params.report_objects))
    if first.date is None or second.date is None or not pattern.match(gap):
        return None
    first_part = _part_after(text, first.span.end, parts)
    second_part = _part_after(text, second.span.end, parts)
    before = second.date < first.date or (
        second.date == first.date and first_part is not None and second_part is not None and second_part < first_part
    )
    first_text = first.text + (f" {parts[first_part]}" if first_part is not None else "")
    second_text = second.text + (f" {parts[second_part]}" if second_part is not None else "")
    end = second.span.end + (len(parts[second_part]) + 1 if second_part is not None else 0)
    fields = {
        "start": first_text,
        "point": timespans.describe_weekday_day(first.date),
        "other": second_text,
        "claim": second_text,
    }
    order = "before" if before else "on or after"
    return Outcome(
        claim=second,
        verified=not before,
        fields=fields,
        evidence=[evidence(facts, first, "the event announced")],
        computation=(
            f"the announcement, {second_text} ({timespans.describe_weekday_day(second.date)}), comes {order} what it announces, "
            f"{first_text} ({timespans.describe_weekday_day(first.date)})."
        ),
        end=end,
    )


def _part_after(text: str, position: int, parts: list[str]) -> int | None:
    after = _WORD.match(text, position + 1)
    if after is None or text[position : after.start()] != " " or after.group(0).lower() not in parts:
        return None
    return parts.index(after.group(0).lower())


# -- ranges ---------------------------------------------------------------------------------


def _range(facts: Facts, first: DateClaim, second: DateClaim, params: ChronologyParams) -> Outcome | None:
    text = facts.document.text
    opener = text[max(0, first.span.start - 12) : first.span.start].lower().split()
    if not opener or opener[-1] not in params.range_openers:
        return None
    parts = [p.lower() for p in params.day_parts]
    gap = text[first.span.end : second.span.start].lower().split()
    first_part = None
    if gap and gap[0] in parts:
        first_part = parts.index(gap[0])
        gap = gap[1:]
    if len(gap) != 1 or gap[0] not in params.range_joins:
        return None
    start = first.date
    if start is None:
        return None
    end = _end_day(second, start)
    if end is None:
        return None
    if end < start and end.month != start.month and "inferred-year" in (first.resolution, second.resolution):
        return None  # "from December 28 to January 3": the range may cross a year the text does not write
    next_day = end + dt.timedelta(days=1)
    if end < start and (next_day.month, next_day.day) == (start.month, start.day):
        return None  # "The tax year runs from 6 April to 5 April": a whole year, to the day before
    after = _WORD.match(text, second.span.end + 1)
    second_part = parts.index(after.group(0).lower()) if after and after.group(0).lower() in parts else None
    same_day_earlier = end == start and first_part is not None and second_part is not None and second_part < first_part
    if end > start or (end == start and not same_day_earlier):
        return None
    first_text = text[first.span.start : first.span.end] + (f" {parts[first_part]}" if first_part is not None else "")
    second_text = text[second.span.start : second.span.end] + (
        f" {parts[second_part]}" if second_part is not None else ""
    )
    why = (
        f"{first_text} is {timespans.describe_weekday_day(start)}, and {second_text} on that day comes before it"
        if same_day_earlier
        else f"{second_text} ({timespans.describe_weekday_day(end)}) comes before {first_text} ({timespans.describe_weekday_day(start)})"
    )
    return Outcome(
        claim=second,
        verified=False,
        fields={
            "start": first_text,
            "point": timespans.describe_weekday_day(start),
            "other": second_text,
            "claim": second_text,
        },
        evidence=[evidence(facts, first, "start of the range")],
        computation=f"the range ends before it starts: {why}.",
        end=second.span.end + (after.end() - second.span.end if after is not None and second_part is not None else 0),
    )


def _end_day(claim: DateClaim, start: dt.date) -> dt.date | None:
    """The day a range's end means; a bare weekday is the first one on or after the start."""
    if claim.resolution == "relative" and claim.weekday is not None:
        return start + dt.timedelta(days=(claim.weekday - start.weekday()) % 7)
    return claim.date


CHECK = ChronologyCheck()
