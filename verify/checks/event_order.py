"""event_order: an order in time between events the article names rather than dates.

The chronology kind compares dates the text sets side by side. Here one side
is an *event* that another sentence dates, tied by its name:

**"D — N days (the day) before the X ruling"** ("On September 13, two days before the
Court of Session ruling, he spoke"): the event noun ("ruling") is dated where
a verb of the same stem ("the Court of Session ruled on September 11") says
when it happened, in a clause naming the same proper names. D must lie N days
before (after) that date; the wrong side of it, or (for calendar dates) another
count of days, is flagged.

**"An earlier X ... on D"** ("an earlier funeral procession, which took place
on Wednesday"): the earlier (later) X cannot come after (before) every other
dated mention of X in the article.

**"This X comes after Y on D"** ("This announcement comes after the film was
released on Monday"): the event "this X" points back to, as the nearest
preceding sentence dates it with a verb tied to X ("announced", or a verb
the rule lists for the noun, "declared"), cannot come before D.

**"asked for X on D, and Y tendered it the previous morning"**: what answers a
request cannot come before the request. The answer may be dated ("on Sunday")
or placed by a day offset ("the previous morning", "the next day"), read from
every date the sentence gives before it; flagged only when every reading puts
it first.

Nouns and verbs are tied by a crude stem ("ruling"/"ruled",
"announcement"/"announced", "release"/"released"). Whatever cannot be tied
firmly is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import islice

from pydantic import Field

from verify.checks import timespans
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.chronology import with_reasons
from verify.claims import DateClaim, DurationClaim
from verify.extraction.lexicon import STOPWORDS
from verify.linking import Facts, stem

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{0,40}")
_CLAUSE_MARKS = ",;:()—–"
_THE_DAY = re.compile(r"\b[Tt]he day(?= \w+ the )")


class EventOrderParams(Params):
    """Parameters of an event-order rule."""

    #: Words after "N days" that put the dated point before the named event.
    before_cues: list[str] = Field(default=["before"], min_length=1)
    #: Words after "N days" that put the dated point after the named event.
    after_cues: list[str] = Field(default=["after"], min_length=1)
    #: Adjectives that put an event before the other mentions of it ("an earlier procession").
    earlier_adjectives: list[str] = ["earlier", "previous", "prior"]
    #: Adjectives that put an event after the other mentions of it ("a later hearing").
    later_adjectives: list[str] = ["later", "subsequent"]
    #: Nouns of time, not events: "the previous day", "a later date" are left to other checks.
    time_nouns: list[str] = ["day", "week", "month", "year", "date", "time", "weekend", "decade", "morning",
                             "afternoon", "evening", "night"]  # fmt: skip
    #: Verbs after "This X" that put X after what follows ("comes after", "follows").
    sequel_verbs: list[str] = ["comes", "came", "follows", "followed"]
    #: Verbs that ask for something ("asked for his resignation").
    request_verbs: list[str] = ["asked for", "requested", "demanded", "called for", "sought"]
    #: Verbs that give what was asked for ("tendered it", "handed them over").
    response_verbs: list[str] = ["tendered", "submitted", "handed", "gave", "delivered"]
    #: "The X day/morning/...": a day before the date it is read from ("the previous morning").
    previous_words: list[str] = ["previous"]
    #: "The X day/morning/...": a day after the date it is read from ("the next morning").
    next_words: list[str] = ["next", "following"]
    #: Verbs that report an event besides those of its noun's stem ("announcement": "declared").
    event_verbs: dict[str, list[str]] = {}
    #: Parts of the day, in order.
    day_parts: list[str] = ["morning", "noon", "afternoon", "evening", "night"]
    #: How many sentences back "This X" may point.
    lookback: int = Field(default=6, ge=1, le=20)


class EventOrderCheck(Check):
    """Check the order of events tied by name against the dates the article gives them."""

    kind = "event_order"
    Params = EventOrderParams

    def run(self, facts: Facts, params: EventOrderParams) -> Iterator[Outcome]:
        return with_reasons(self._outcomes(facts, params))

    def _outcomes(self, facts: Facts, params: EventOrderParams) -> Iterator[Outcome]:
        if not facts.days:
            return
        for duration in facts.of_type(DurationClaim):
            if duration.unit not in ("day", "week") or isinstance(duration.amount, tuple) or duration.approx != "exact":
                continue
            days = duration.amount * (7 if duration.unit == "week" else 1)
            span = (duration.span.start, duration.span.end)
            outcome = _offset_from_event(facts, span, duration.sentence, days, duration.unit == "day", duration, params)
            if outcome is not None:
                yield outcome
        the_day = (
            _THE_DAY.finditer(facts.document.text, facts.document.body_start) if facts.may_mention(["the day"]) else ()
        )
        for match in the_day:
            sentence = facts.document.sentence_index(match.start())
            outcome = _offset_from_event(facts, match.span(), sentence, 1, True, None, params)
            if outcome is not None:
                yield outcome
        yield from _earlier_later(facts, params)
        yield from _sequel(facts, params)
        yield from _responses(facts, params)


# -- ties between event nouns and verbs ------------------------------------------------------


def _tied(noun: str, verb: str, params: EventOrderParams) -> bool:
    """Whether ``verb`` reports the event ``noun`` names ("ruling"/"ruled")."""
    listed = params.event_verbs.get(noun.lower()) or params.event_verbs.get(noun.lower().rstrip("s")) or []
    if verb.lower() in {v.lower() for v in listed}:
        return True
    if not verb.lower().endswith("ed"):
        return False
    a, b = sorted((stem(noun), stem(verb)), key=len)
    return (a == b and len(a) >= 3) or (len(a) >= 5 and b.startswith(a))


def _clause_start(text: str, start: int, position: int) -> int:
    return max([start] + [text.rfind(mark, start, position) + 1 for mark in _CLAUSE_MARKS])


def _dated_verbs(facts: Facts, sentence: int) -> list[tuple[re.Match[str], DateClaim]]:
    """Verbs of ``sentence`` with the day they happened: "ruled on September 11" (the verb
    at most six words before the day, in its clause), or "On Sunday, X declared" (the
    first verb of the clause after a sentence-opening day)."""
    text = facts.document.text
    start, end = facts.document.sentences[sentence]
    result = []
    for day in facts.days_in_sentences(sentence, sentence):
        lead = text[start : day.span.start]
        if re.fullmatch(r"\s*On\s+(?:[A-Z][a-z]+,?\s+)?", lead):
            # The main clause runs to the next comma; a verb after "who" or "which" is not its own.
            stop = min([i for i in (text.find(m, day.span.end + 2, end) for m in ",;") if i >= 0] + [end])
            words = list(islice(_WORD.finditer(text, day.span.end, stop), 30))
            for word in words:
                if word.group(0).lower() in ("who", "which", "that", "whose"):
                    break
                if word.group(0).lower().endswith("ed") and word.group(0)[0].islower():
                    result.append((word, day))
                    break
            continue
        # Six words fit in 200 characters; a longer look back would only cost time.
        clause = _clause_start(text, max(start, day.span.start - 200), day.span.start)
        words = list(_WORD.finditer(text, clause, day.span.start))[-7:]
        for word in reversed(words):
            if word.group(0)[0].islower() and word.group(0).lower().endswith("ed"):
                result.append((word, day))
                break
    return result


def _names(words: list[str]) -> set[str]:
    return {stem(w) for w in words if w[0].isupper() and w.lower() not in STOPWORDS}


def _event_days(
    facts: Facts, noun: str, names: set[str], params: EventOrderParams, sentences: range
) -> list[tuple[re.Match[str], DateClaim]]:
    """Days the article gives the event ``noun`` (with ``names``) by a tied verb."""
    text = facts.document.text
    found = []
    for index in sentences:
        for verb, day in facts.memo(("event_order verbs", index), partial(_dated_verbs, facts, index)):
            if not _tied(noun, verb.group(0), params):
                continue
            start, _ = facts.document.sentences[index]
            clause = text[_clause_start(text, start, verb.start()) : verb.start()]
            if names and not names <= {stem(w) for w in _WORD.findall(clause)}:
                continue
            found.append((verb, day))
    return found


def _noun_phrase(text: str, position: int, end: int) -> tuple[list[str], int] | None:
    """The words of the noun phrase at ``position`` ("Court of Session ruling") and
    where it ends; its last word (the head) is a lowercase noun."""
    words: list[re.Match[str]] = []
    for match in _WORD.finditer(text, position, end):
        gap = text[words[-1].end() if words else position : match.start()]
        if gap.strip() or len(words) >= 6:
            break
        word = match.group(0)
        if word.lower() in STOPWORDS and word[0].islower():
            after = _WORD.match(text, match.end() + 1)
            if not (words and words[-1].group(0)[0].isupper() and after and after.group(0)[0].isupper()):
                break
        words.append(match)
    if not words or words[-1].group(0)[0].isupper() or words[-1].group(0).lower() in STOPWORDS:
        return None
    return [w.group(0) for w in words], words[-1].end()


# -- "D, N days before the X ruling" -----------------------------------------------------------


def _offset_from_event(
    facts: Facts,
    span: tuple[int, int],
    sentence: int,
    days: float,
    count_days: bool,
    duration: DurationClaim | None,
    params: EventOrderParams,
) -> Outcome | None:
    """'On D, N days before the X ruling' (or 'the day before the X'), with the span of
    the interval; ``count_days`` when the interval is counted in days, not weeks."""
    text = facts.document.text
    _, sentence_end = facts.document.sentences[sentence]
    cue = re.compile(r"\s+(\w+)\s+the\s+").match(text, span[1])
    if cue is None:
        return None
    relation = cue.group(1).lower()
    if relation in {c.lower() for c in params.before_cues}:
        sign = -1
    elif relation in {c.lower() for c in params.after_cues}:
        sign = 1
    else:
        return None
    phrase = _noun_phrase(text, cue.end(), sentence_end)
    if phrase is None:
        return None
    words, phrase_end = phrase
    # The day the phrase modifies stands right beside it: "On D — N days before the X"
    # or "N days before the X, on D".
    here = [
        d
        for d in facts.days_in_sentences(sentence, sentence)
        if re.fullmatch(r"\s*[,—–(-]?\s*", text[d.span.end : span[0]])
        or re.fullmatch(r"\s*[,—–(-]?\s*on\s+", text[phrase_end : d.span.start])
    ]
    if len(here) != 1 or here[0].date is None:
        return None
    stated = here[0]
    assert stated.date is not None
    names = _names(words[:-1])
    every = range(len(facts.document.sentences))
    key = ("event_order events", words[-1].lower(), frozenset(names))
    tied = facts.memo(key, lambda: _event_days(facts, words[-1], names, params, every))
    events = [(v, d) for v, d in tied if d.sentence != stated.sentence]
    if not events or (not names and len({d.span.start for _, d in events}) != 1):
        return None
    exact = count_days and stated.resolution != "relative"
    judged = []
    for _, day in events:
        assert day.date is not None
        expected = day.date + dt.timedelta(days=sign * days)
        wrong_side = (stated.date - day.date).days * sign <= 0
        wrong = wrong_side or (exact and day.resolution != "relative" and expected != stated.date)
        judged.append((day, expected, wrong))
    ok = [j for j in judged if not j[2]]
    if ok and len(ok) != len(judged):
        return None
    event, expected, wrong = (ok or judged)[0]
    name = " ".join(words)
    event_text = f"the {name} ({timespans.describe_day_claim(event)})"
    fields = {
        "claim": text[span[0] : cue.end(1)],
        "start": event_text,
        "point": timespans.describe_weekday_day(expected),
        "other": timespans.describe_day_claim(stated),
    }
    computation = f"{text[span[0] : span[1]]} {relation} {event_text} is {timespans.describe_weekday_day(expected)}; the sentence gives {timespans.describe_day_claim(stated)}."
    return Outcome(
        claim=duration or stated,
        verified=not wrong,
        fields=fields,
        # A few dates of the event show the point; all of them would only repeat it.
        evidence=[evidence(facts, day, "date of the event") for day, _, _ in judged[:5]]
        + [evidence(facts, stated, "day")],
        computation=computation,
        start=span[0],
        end=cue.end(1),
    )


# -- "an earlier X, on D" -------------------------------------------------------------------------


def _earlier_later(facts: Facts, params: EventOrderParams) -> Iterator[Outcome]:
    text = facts.document.text
    adjectives = {a.lower(): "earlier" for a in params.earlier_adjectives} | {
        a.lower(): "later" for a in params.later_adjectives
    }
    if not adjectives or not facts.may_mention(adjectives):
        return  # the search below needs one of the adjectives
    pattern = _adjective_pattern(tuple(adjectives))
    for match in pattern.finditer(text, facts.document.body_start):
        sentence = facts.document.sentence_index(match.start())
        _, end = facts.document.sentences[sentence]
        phrase = _noun_phrase(text, match.end(), end)
        if phrase is None:
            continue
        words, phrase_end = phrase
        if words[-1].lower().rstrip("s") in {n.lower() for n in params.time_nouns}:
            continue
        # The day of the earlier X: the first day after it in the sentence, in its clause
        # or a relative clause ("which took place in Tehran on Wednesday").
        after = [d for d in facts.days_in_sentences(sentence, sentence) if d.span.start >= phrase_end]
        if not after or after[0].date is None:
            continue
        day = after[0]
        gap = text[phrase_end : day.span.start]
        if len(gap) > 160 or ";" in gap or len(_WORD.findall(gap)) > 10 or not re.search(r"\bon\s+$", gap):
            continue
        if any(d.span.end <= match.start() for d in facts.days_in_sentences(sentence, sentence)):
            continue  # another day leads the sentence: the order may be against that
        stems = {stem(w) for w in words if w[0].islower() and w.lower() not in STOPWORDS and len(w) > 3}
        by_stem = facts.memo("event_order clause stems", lambda: _days_by_clause_stem(facts))
        mentioning = {id(d): d for s in stems for d in by_stem.get(s, [])}
        others = [
            d
            for d in sorted(mentioning.values(), key=lambda d: d.span.start)
            if d.sentence != sentence
            and d.date is not None
            and not {stem(a) for a in adjectives} & facts.sentence_stems[d.sentence]
        ]
        if not others:
            continue
        order = adjectives[match.group(1).lower()]
        assert day.date is not None
        wrong = [
            o
            for o in others
            if o.date is not None and ((o.date < day.date) if order == "earlier" else (o.date > day.date))
        ]
        if wrong and len(wrong) != len(others):
            continue
        fair = [o for o in others if o not in wrong]
        shown = (wrong or fair)[0]
        name = f"{match.group(1)} {' '.join(words)}"
        relation = "before" if order == "earlier" else "after"
        fields = {
            "claim": day.text,
            "start": f"the {name}",
            "point": timespans.describe_day_claim(day),
            "other": timespans.describe_day_claim(shown),
        }
        yield Outcome(
            claim=day,
            verified=not wrong,
            fields=fields,
            evidence=[evidence(facts, o, f"other mention of the {words[-1]}") for o in others[:5]],
            computation=(
                f"the {name} is dated {timespans.describe_day_claim(day)}, "
                + (
                    f"after the {' '.join(words)} the article dates {timespans.describe_day_claim(shown)}, yet called '{match.group(1)}'."
                    if wrong and order == "earlier"
                    else f"before the {' '.join(words)} the article dates {timespans.describe_day_claim(shown)}, yet called "
                    f"'{match.group(1)}'."
                    if wrong
                    else f"{relation} the {' '.join(words)} the article dates {timespans.describe_day_claim(shown)}."
                )
            ),
        )


def _days_by_clause_stem(facts: Facts) -> dict[str, list[DateClaim]]:
    """The days whose clause (between commas, semicolons or brackets) has a word of each stem."""
    text = facts.document.text
    found: dict[str, list[DateClaim]] = {}
    for day in facts.days:
        start, end = facts.document.sentences[day.sentence]
        left = max(text.rfind(mark, max(start, day.span.start - 300), day.span.start) for mark in ",;:()")
        rights = [
            i for i in (text.find(mark, day.span.end, min(end, day.span.end + 300)) for mark in ",;:()") if i >= 0
        ]
        clause = text[max(start, left + 1, day.span.start - 300) : min([*rights, end, day.span.end + 300])]
        for each in {stem(word) for word in _WORD.findall(clause)}:
            found.setdefault(each, []).append(day)
    return found


# -- "This X comes after Y on D" --------------------------------------------------------------------


def _sequel(facts: Facts, params: EventOrderParams) -> Iterator[Outcome]:
    if not params.sequel_verbs:
        return
    text = facts.document.text
    pattern = _sequel_pattern(tuple(params.sequel_verbs))
    for index, (start, _end) in enumerate(facts.document.sentences):
        match = pattern.match(text, start)
        if match is None or start < facts.document.body_start:
            continue
        days = facts.days_in_sentences(index, index)
        if not days or days[0].date is None or len(_WORD.findall(text, match.end(), days[0].span.start)) > 20:
            continue
        day = days[0]
        if ";" in text[match.end() : day.span.start]:
            continue
        noun = match.group(1)
        # "This": the nearest sentence before that dates the event.
        found = []
        for back in range(index - 1, max(-1, index - 1 - params.lookback), -1):
            found = _event_days(facts, noun, set(), params, range(back, back + 1))
            if found:
                break
        if len({d.span.start for _, d in found}) != 1:
            continue
        verb, event = found[0]
        assert event.date is not None and day.date is not None
        wrong = event.date < day.date
        fields = {
            "claim": day.text,
            "start": f"this {noun} ('{verb.group(0)}' {timespans.describe_day_claim(event)})",
            "point": timespans.describe_day_claim(day),
            "other": timespans.describe_day_claim(event),
        }
        yield Outcome(
            claim=day,
            verified=not wrong,
            fields=fields,
            evidence=[evidence(facts, event, f"date of the {noun}")],
            computation=(
                f"the sentence puts this {noun} after {day.text} ({timespans.describe_day_claim(day)}), "
                + ("but" if wrong else "and")
                + f" the article dates it '{verb.group(0)}' {timespans.describe_day_claim(event)}"
                + (", before it." if wrong else ".")
            ),
        )


# -- "asked for X on D, and Y tendered it the previous morning" ------------------------------------


def _responses(facts: Facts, params: EventOrderParams) -> Iterator[Outcome]:
    if not facts.may_mention(params.request_verbs) or not facts.may_mention(params.response_verbs):
        return  # a request and an answer are both needed, each written with one of these verbs
    text = facts.document.text
    parts = [p.lower() for p in params.day_parts]
    requests = _alternation(tuple(params.request_verbs))
    shifts = {w.lower(): -1 for w in params.previous_words} | {w.lower(): 1 for w in params.next_words}
    answer = _answer_pattern(tuple(params.response_verbs), tuple(shifts), tuple(parts))
    for request in facts.finditer(requests, params.request_verbs, facts.document.body_start):
        sentence = facts.document.sentence_index(request.start())
        days = facts.days_in_sentences(sentence, sentence)
        asked = next((d for d in days if d.span.start > request.end()), None)
        if asked is None or asked.date is None:
            continue
        between = text[request.end() : asked.span.start]
        if any(mark in between for mark in ",;") or len(_WORD.findall(between)) > 10:
            continue
        asked_part = _part_after(text, asked.span.end, parts)
        after_asked = asked.span.end + (len(parts[asked_part]) + 1 if asked_part is not None else 0)
        reply = answer.match(text, after_asked)
        if reply is None:
            continue
        asked_at = (asked.date, asked_part)
        if reply.group("offset"):
            shift = shifts[reply.group("dir").lower()]
            named = reply.group("part").lower()
            part = parts.index(named) if named in parts else None
            readings = [
                (d.date + dt.timedelta(days=shift), part)
                for d in days
                if d.span.start < reply.start("offset") and d.date is not None
            ]
            when = reply.group("offset")
            claim_start, claim_end = reply.start("offset"), reply.end("offset")
            evidence_days = [asked]
        else:
            given = next((d for d in days if d.span.start == reply.end()), None)
            if given is None or given.date is None:
                continue
            part = _part_after(text, given.span.end, parts)
            readings = [(given.date, part)]
            when = given.text + (f" {parts[part]}" if part is not None else "")
            claim_start, claim_end = given.span.start, given.span.end
            evidence_days = [asked]
        if not readings:
            continue
        before = [r for r in readings if _earlier(r, asked_at)]
        if before and len(before) != len(readings):
            continue
        asked_text = asked.text + (f" {parts[asked_part]}" if asked_part is not None else "")
        point = (before or readings)[0][0]
        claim = facts.claim_starting_at(claim_start) or asked
        fields = {
            "claim": when,
            "start": asked_text,
            "point": timespans.describe_weekday_day(point),
            "other": timespans.describe_day_claim(asked),
        }
        yield Outcome(
            claim=claim,
            verified=not before,
            fields=fields,
            evidence=[evidence(facts, d, "the request") for d in evidence_days],
            computation=(
                f"what was asked for {asked_text} ({timespans.describe_day_claim(asked)}) was given '{when}' ({timespans.describe_weekday_day(point)}), "
                + ("before it was asked for." if before else "after it was asked for.")
            ),
            start=claim_start,
            end=claim_end,
        )


# The patterns are built from a rule's params: once per word list, not once per document.


@lru_cache(maxsize=64)
def _adjective_pattern(adjectives: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:an?|the)\s+(" + "|".join(re.escape(a) for a in adjectives) + r")\s+", re.IGNORECASE)


@lru_cache(maxsize=64)
def _sequel_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"This\s+([a-z]{{3,30}})\s+(?:{alternation})\b(?:\s+after\b)?")


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _answer_pattern(verbs: tuple[str, ...], directions: tuple[str, ...], parts: tuple[str, ...]) -> re.Pattern[str]:
    responses = "|".join(re.escape(v) for v in verbs)
    shifts = "|".join(re.escape(w) for w in directions)
    return re.compile(
        rf"\s?,?\s+and\s+(?:that\s+)?(?:[\w.'’-]{{1,30}}\s+){{0,4}}?(?:had\s+)?(?:{responses})\s+(?:it|them)(?:\s+(?:over|in|back|up))?\s+"
        rf"(?:(?P<offset>the\s+(?P<dir>{shifts})\s+(?P<part>day|{'|'.join(parts)}))\b|(?:on|at)\s+)",
        re.IGNORECASE,
    )


def _earlier(first: tuple[dt.date, int | None], second: tuple[dt.date, int | None]) -> bool:
    if first[0] != second[0]:
        return first[0] < second[0]
    return first[1] is not None and second[1] is not None and first[1] < second[1]


def _part_after(text: str, position: int, parts: list[str]) -> int | None:
    after = _WORD.match(text, position + 1)
    if after is None or text[position : after.start()] != " " or after.group(0).lower() not in parts:
        return None
    return parts.index(after.group(0).lower())


CHECK = EventOrderCheck()
