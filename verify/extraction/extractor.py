"""Turn a Document into claims.

Dates and times are found first; every number outside them is then classified
by what stands around it: a unit (quantity), a time word (duration), "-year-old"
or "aged" (age), "%" (percentage), a currency (money), or the noun it counts.

Written by hand because the libraries measured poorly on news text (see
benchmarks/RESULTS.md): quantulum3 and dateparser miss hyphenated compounds
("70-km-long", "27-year-old"), unit lists ("110/35/10 kV") and the subject a
number is about, and dateparser resolves bare weekdays without the article's
own reference date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from itertools import pairwise

from verify.claims import (
    AgeClaim,
    Approx,
    Claim,
    CountClaim,
    DateClaim,
    DurationClaim,
    MoneyClaim,
    NumberClaim,
    OrdinalClaim,
    PercentageClaim,
    QuantityClaim,
    TimeClaim,
)
from verify.document import Document
from verify.extraction import dates as date_patterns
from verify.extraction.lexicon import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DURATION_UNITS,
    IRREGULAR_PARTICIPLES,
    STOPWORDS,
    THING_NOUNS,
    THING_SUFFIXES,
)
from verify.extraction.numbers import (
    NUMBER,
    ORDINAL,
    NumberMatch,
    approx_before,
    find_numbers,
    find_vague,
    ordinal_value,
    vague_value,
)
from verify.extraction.quantities import match_unit
from verify.extraction.wordstart import expand_case, scan, word_start
from verify.units import LexiconError, reading_like, same_dimension, unit_info
from verify.vocab import MONTHS, WEEKDAYS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: The most words the passes read after a number (the head of its noun phrase).
_MAX_WORDS_AFTER = 6


def _words_run(limit: int) -> re.Pattern[str]:
    """Up to ``limit`` words, each after spaces, one group each: one match instead of a loop."""
    pattern = ""
    for _ in range(limit):
        pattern = rf"[ \u00a0]*({_WORD.pattern})(?:{pattern})?" if pattern else rf"[ \u00a0]*({_WORD.pattern})"
    return re.compile(pattern)


_WORDS_AFTER = _words_run(_MAX_WORDS_AFTER)
_DURATION_WORD = re.compile(
    r"[\s-]?(?P<unit>" + "|".join(sorted(DURATION_UNITS, key=len, reverse=True)) + r")\b(?P<old>-old| old)?",
    re.IGNORECASE,
)
_ARTICLE_DURATION = re.compile(
    rf"(?P<art>{word_start(expand_case(['[Aa]n?', '[Oo]ne', '[Hh]alf an?', '[Hh]alf a']))})\s+(?:full\s+|whole\s+|additional\s+|extra\s+)?"
    r"(?P<unit>decade|year|month|week|day|century|fortnight|hour)\b"
)
_ADDITIONAL = re.compile(r"\b(?:an? additional|additional|another|an extra|extra|a further|further)\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|at age|the age of|age of)\s+$", re.IGNORECASE)
_AGE_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|who)\s+(?:was|is|turned|turns|died at|dies at)\s+$")
_AGE_APPOSITION = re.compile(r"[A-Z][a-z]+,\s+(?:then\s+|now\s+)?$")
# "Conyers, the former Dean of the House, was 88.": a named subject, an optional
# apposition, then "was"/"is" and the number closing the clause.
_AGE_NAMED_SUBJECT = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]{0,30}\s+){0,3}[A-Z][\w'’-]{1,30})(?P<apposition>,[^,.;]{1,120},)?"
    r"\s+(?:was|is|turned|turns)\s+$"
)
_YEARS_OF_AGE = re.compile(r"\s+years?\s+of\s+age\b|\s+years?\s+old\b|-years?-old\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(
    "(?:" + "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True)) + r")\s?$"
)
_CURRENCY_AFTER = re.compile(
    r"\s+(?P<cur>" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_MONEY_SCALE = re.compile(r"(?P<scale>m|bn|k)\b")
_SCALE_FACTORS = {"m": 1e6, "bn": 1e9, "k": 1e3}
#: "N or more <unit>", "N or so <unit>": a bound between a number and its unit.
_OR_MORE = re.compile(r"\s+or\s+(?P<word>more|so|less|fewer)\b", re.IGNORECASE)
_OR_MORE_APPROX: dict[str, Approx] = {"more": "at_least", "so": "about", "less": "at_most", "fewer": "at_most"}
_RANGE_JOIN = re.compile(r"\s*(?:to|–|—|-|and)\s*", re.IGNORECASE)
_LIST_JOIN = re.compile(r"/(?P<num>\d+(?:\.\d+)?)")
#: The most values a unit list ("110/35/10 kV") may hold.
_MAX_LIST = 12
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these|them|their|his|her|its|our)\b\s*(?P<noun>[a-z]+)?")
_TIME = re.compile(
    r"(?<![\d:.])\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|(?<![\d:.])\b(?P<h24>\d{1,2}):(?P<m24>\d{2})\b(?![.:]\d)"
)
# A number glued to a colon and digits is part of "2:19:51" (a race time) or a clock time.
_RACE_TIME_PART = re.compile(r":\d")
_RACE_TIME_PART_BEFORE = re.compile(r"\d:$")
# _TIME without groups, opening with a digit so that the engine skips to digits at C speed
# (see wordstart.scan); ``(?<![\w:.].)`` after the digit is the check before it.
_TIME_FAST = re.compile(r"\d(?<![\w:.].)(?:\d?(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d?:\d{2}\b(?![.:]\d))")
_UTC = re.compile(r"\s*(?:\(|,)?\s*(?:UTC|GMT|Z\b)")
_SIGNED = re.compile(r"(?:^|[\s(])[-−]$")
_IDENTIFIER_BEFORE = re.compile(r"(?:[A-Z][A-Za-z]*|No\.|#|[A-Za-z]-)\s?$")
_YEAR_WORD_AFTER = re.compile(
    r",?\s+(?:of\s+)?(?P<which>last|this|next|the previous|the following)\s+year\b", re.IGNORECASE
)
_YEAR_WORD_BEFORE = re.compile(r"\b(?P<which>last|this|next)\s+year,?\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?")
_RANGE_TO_NEXT = re.compile(r"\s*(?:,\s*)?(?:to|until|till|through|and|or|-|–|—)\s*(?:the\s+)?", re.IGNORECASE)
_MONTH_OR_DAY = frozenset(MONTHS) | frozenset(WEEKDAYS)
_TIME_DEIXIS = frozenset({"last", "this", "next"})
#: Words of a sentence about the future, and how many days nearer they make a date to come.
_FUTURE_WORDS = re.compile(
    r"\b(?:will|until|deadline|due|scheduled|expected to|set to|plans? to|next)\b", re.IGNORECASE
)
_FUTURE_PULL_DAYS = 120
_CERTAIN_FUTURE = re.compile(r"\b(?:will|shall|is scheduled|are scheduled|is set to|are set to|is to be|are to be)\b")
_TIME_WORDS = frozenset({"year", "month", "week", "weekend", "spring", "summer", "autumn", "fall", "winter"})
# Patterns the passes below apply to every number or claim, compiled once here.
_IDENTIFIER_TAIL = re.compile(r"[A-Za-z]-$|\d[.,]?$")
_YEAR_LIKE = re.compile(r"1[6-9]\d\d|20\d\d")
_OPENS_CONVERSION = re.compile(r"[\s\u00a0]*[(\[][\s\u00a0]*")
_DASH_OPENS = re.compile(r"[\s\u00a0]*[—–][\s\u00a0]*")
_DASH_CLOSES = re.compile(r"[\s\u00a0]*[—–]")
_OR_OPENS = re.compile(r",[\s\u00a0]*or[\s\u00a0]+")
_OR_CLOSES = re.compile(r"[\s\u00a0]*(?:[,;.)]|$)")
_SLASH_OPENS = re.compile(r"[\s\u00a0]*/[\s\u00a0]*")
_CONTINUES_CONVERSION = re.compile(r"[\s\u00a0]*[;,/][\s\u00a0]*(?:or\s+)?")
_REPEAT_BEFORE = re.compile(r"\b(?:once|twice|times|per)\s*$")
_COMPOUND_TAIL = re.compile(r"-(?:long|old|high|wide|deep|tall)\b|\s+(?:long|old)\b")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$|\s+when\b|\s+at the time\b)")


def extract_claims(document: Document) -> list[Claim]:
    """Every claim in the document's body, in text order, with spans and sentences."""
    return _Extractor(document).run()


class _Extractor:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.text = document.text
        self.start = document.body_start
        self.end = len(document.text)
        self.claims: list[Claim] = []
        # Spans already claimed, sorted by start; claims never overlap.
        self.taken: list[tuple[int, int]] = []
        self.taken_starts: list[int] = []
        #: Whether the article writes a word after a first name ("Robert Hunter"), by word.
        self._surnames: dict[str, bool] = {}

    # -- helpers -------------------------------------------------------------

    def _free(self, start: int, end: int) -> bool:
        """True when no claim yet covers any of ``[start, end)``."""
        index = bisect_right(self.taken_starts, start)
        if index > 0 and self.taken[index - 1][1] > start:
            return False
        return index >= len(self.taken) or self.taken[index][0] >= end

    def _take(self, start: int, end: int) -> None:
        index = bisect_right(self.taken_starts, start)
        self.taken.insert(index, (start, end))
        self.taken_starts.insert(index, start)

    def _common(self, start: int, end: int) -> dict[str, object]:
        return {
            "text": self.text[start:end],
            "span": self.doc.span(start, end),
            "sentence": self.doc.sentence_index(start),
            "quoted": self.doc.in_quote(start, end),
        }

    def _words_after(self, position: int, limit: int) -> list[str]:
        """Up to ``limit`` (at most ``_MAX_WORDS_AFTER``) words after ``position`` within the clause."""
        match = _WORDS_AFTER.match(self.text, position)
        if match is None:
            return []
        words = match.groups()
        count = words.index(None) if None in words else len(words)
        return list(words[: min(count, limit)])

    def _head_noun_after(self, position: int) -> str | None:
        """The head of the noun phrase after ``position``: the last word before a
        function word or punctuation ("110 kW high-voltage power transmission line"
        → "line", "27-year long unfulfilled demand of" → "demand")."""
        noun = None
        capitalized = False
        words = self._words_after(position, 6)
        for index, word in enumerate(words):
            lowered = word.lower()
            if lowered in STOPWORDS or lowered in _MONTH_OR_DAY:
                break
            # "-ing" before a determiner opens a clause ("cable connecting the grids").
            following = words[index + 1].lower() if index + 1 < len(words) else ""
            if noun is not None and lowered.endswith("ing") and following in _DETERMINERS:
                break
            # A proper name continues only a proper name and ends at a common word
            # ("44-day Patriotic War ended" → "war").
            if noun is not None and word[0].isupper() != capitalized:
                break
            # "last year", "this week" after a noun is when, not more of the noun ("its 30th
            # anniversary last year" → "anniversary").
            if (
                noun is not None
                and lowered in _TIME_DEIXIS
                and (following in _TIME_WORDS or following in _MONTH_OR_DAY)
            ):
                break
            # A participle after a noun starts a new phrase ("deadline issued by").
            participle = lowered.endswith("ed") or lowered in IRREGULAR_PARTICIPLES
            if noun is not None and participle and noun not in _MEASURE_ADJECTIVES:
                break
            capitalized = word[0].isupper()
            noun = lowered
        return noun

    # -- passes ---------------------------------------------------------------

    def run(self) -> list[Claim]:
        self._dates()
        self._times()
        # Ordinals before numbers, so that "100th" is an ordinal, not the count "100 th".
        self._ordinals()
        self._numbers()
        self._vague()
        self._article_durations()
        self.claims.sort(key=lambda claim: (claim.span.start, claim.span.end))
        return self.claims

    def _dates(self) -> None:
        reference = self.doc.reference_date
        absolute = date_patterns.find_dates(self.text, self.start, self.end)
        sentence_years: dict[int, list[tuple[int, int]]] = {}
        in_ranges = _bare_year_ranges(self.text, absolute)
        for raw in absolute:
            if raw.year is not None and raw.start not in in_ranges:
                sentence_years.setdefault(self.doc.sentence_index(raw.start), []).append((raw.start, raw.year))
        last_year: int | None = None
        paragraph_years: dict[int, int] = {}
        for raw in absolute:
            if raw.year is not None:
                last_year = raw.year
                if raw.month is not None:
                    # Only a dated day or month lends its year to the paragraph: a bare
                    # "in 2012" or "2017's storm" says nothing of "on August 10".
                    paragraph_years[self.doc.paragraph_index(raw.start)] = raw.year
                self._add_date(raw, "explicit", None)
                continue
            relative_year = self._relative_year(raw, reference)
            if relative_year is not None:
                raw.year = relative_year[0]
                self._add_date(raw, "inferred-year", relative_year[1])
                continue
            nearby = [
                (start, year)
                for start, year in sentence_years.get(self.doc.sentence_index(raw.start), [])
                # A year later in the sentence applies only across a range or list:
                # "from March 1 to March 29, 2019", not "On July 25, ... in 1909".
                if start < raw.start or _RANGE_TO_NEXT.fullmatch(self.text, raw.end, start)
            ]
            if nearby and raw.weekday is not None and raw.month is not None and raw.day is not None:
                # "the winter of 2010-11, ... on Sunday, December 19, and again on Saturday,
                # January 8": the sentence's year the weekday fits; none, and the sentence's
                # years are another time's ("a No 1 single in 1967, died on Sunday, December 29").
                month, day = raw.month, raw.day
                nearby = [(at, y) for at, y in nearby if _weekday_of(y, month, day) == raw.weekday]
            year: int | None
            if nearby:
                year = min(nearby, key=lambda item: abs(item[0] - raw.start))[1]
                source: str | None = "the year in the same sentence"
            else:
                year, source = self._infer_year(raw, paragraph_years, reference, last_year)
            raw.year = year
            self._add_date(raw, "inferred-year" if year is not None else "explicit", source)
        for raw in date_patterns.find_relative_dates(self.text, self.start, self.end, reference):
            if self._free(raw.start, raw.end):
                self._add_date(raw, "relative", raw.resolved_from)

    def _relative_year(self, raw: date_patterns.RawDate, reference: dt.date | None) -> tuple[int, str] | None:
        """ "March 20 last year", "last year on August 8", "July 13 of this year"."""
        if reference is None:
            return None
        after = _YEAR_WORD_AFTER.match(self.text, raw.range_end or raw.end)
        lead = self.text[max(self.start, raw.start - 24) : raw.start]
        # "year" is in every match; under IGNORECASE its letters match only their two cases.
        before = _YEAR_WORD_BEFORE.search(lead) if "year" in lead.lower() else None
        which = (after or before)["which"].lower() if (after or before) else None  # type: ignore[index]
        if which is None:
            return None
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[which.split()[-1]]
        return reference.year + shift, f"'{which} year' and the reference date"

    def _infer_year(
        self,
        raw: date_patterns.RawDate,
        paragraph_years: dict[int, int],
        reference: dt.date | None,
        last_year: int | None,
    ) -> tuple[int | None, str | None]:
        """A year for "November 25": a nearby paragraph's, else the one nearest the
        reference date, else the last year the article named."""
        paragraph = self.doc.paragraph_index(raw.start)
        for index in (paragraph, paragraph - 1):
            if index in paragraph_years:
                # "She made her debut on 2 March 2019. Five years on, ... on Tuesday, 27
                # February": a weekday that does not fit the nearby date's year picks one.
                picked = _weekday_pick(raw, paragraph_years[index], reference)
                if picked is not None:
                    return picked, "the reference date and the weekday written with it"
                return paragraph_years[index], "the year of a nearby date"
        if reference is not None and raw.month is not None:
            day = raw.day or 1
            month = raw.month
            # The nearest occurrence; in a sentence about the future the nearest one to come:
            # always after "will" ("will be held on March 3"), and after "until" or "due"
            # unless that one is much further away than the last.
            candidates = [reference.year - 1, reference.year, reference.year + 1]
            ahead = self._speaks_of_future(raw.start)
            if ahead == "certainly":
                candidates = [y for y in candidates if _safe_date(y, month, day) >= reference] or candidates
            best = min(
                candidates,
                key=lambda y: (
                    abs((_safe_date(y, month, day) - reference).days)
                    - (_FUTURE_PULL_DAYS if ahead and _safe_date(y, month, day) >= reference else 0)
                ),
            )
            # "was attacked on Sunday, 14 April" in November, "will fly no more after a blade
            # broke on Thursday, January 18": a weekday that does not fit the year picks one.
            picked = _weekday_pick(raw, best, reference)
            if picked is not None:
                return picked, "the reference date and the weekday written with it"
            # "Amira died on 6 February", written in October: a past verb dates the past.
            if (
                not ahead
                and _safe_date(best, month, day) > reference
                and _PAST_ON.search(self.text, max(self.start, raw.start - 40), raw.start)
            ):
                return best - 1, "the reference date and the past tense before it"
            return best, "the reference date"
        if last_year is not None:
            return last_year, "the year of an earlier date"
        return None, None

    def _speaks_of_future(self, position: int) -> str:
        """ "certainly" when the sentence around ``position`` says what will happen ("will",
        "is scheduled to"), "likely" when it may ("until", "due"), else ""."""
        start, end = self.doc.sentences[self.doc.sentence_index(position)] if self.doc.sentences else (0, 0)
        # "will" before the date in its clause ("The hearing will be held on March 3"), not in
        # another one ("The first round was held on October 22, and the runoff ... will").
        clause_start = max(start, *(self.text.rfind(mark, start, position) + 1 for mark in ",;:"))
        if _CERTAIN_FUTURE.search(self.text, clause_start, position):
            return "certainly"
        return "likely" if _FUTURE_WORDS.search(self.text, start, end) else ""

    def _add_date(self, raw: date_patterns.RawDate, resolution: str, source: str | None) -> None:
        self._take(raw.start, raw.end)
        valid = True
        if raw.month is not None and raw.day is not None:
            valid = date_patterns.is_valid(raw.year, raw.month, raw.day)
        weekday_span = None
        if raw.weekday_start is not None and raw.weekday_end is not None:
            weekday_span = self.doc.span(raw.weekday_start, raw.weekday_end)
        self.claims.append(
            DateClaim(
                **self._common(raw.start, raw.end),
                year=raw.year,
                month=raw.month,
                day=raw.day,
                granularity=raw.granularity,
                weekday=raw.weekday,
                weekday_span=weekday_span,
                valid=valid,
                resolution=resolution,
                resolved_from=source,
                about=self._clause_event(raw.start),
            )
        )

    def _times(self) -> None:
        for match in scan(_TIME_FAST, _TIME, self.text, self.start, self.end):
            if not self._free(match.start(), match.end()):
                continue
            if match["h24"] is not None:
                hour, minute = int(match["h24"]), int(match["m24"])
                if hour > 23 or minute > 59:
                    continue
            else:
                hour, minute = int(match["h"]), int(match["m"] or 0)
                if not 1 <= hour <= 12 or minute > 59:
                    continue
                pm = match["ampm"].lower().startswith("p")
                hour = hour % 12 + (12 if pm else 0)
            zone = "UTC" if _UTC.match(self.text, match.end()) else None
            self._take(match.start(), match.end())
            self.claims.append(
                TimeClaim(**self._common(match.start(), match.end()), hour=hour, minute=minute, zone=zone)
            )

    def _numbers(self) -> None:
        numbers = find_numbers(self.text, self.start, self.end)
        index = 0
        while index < len(numbers):
            number = numbers[index]
            index += 1
            if not self._free(number.start, number.end):
                continue
            # A bounded window of what follows: copying the whole tail would be quadratic.
            consumed = self._classify(number, numbers[index : index + _MAX_LIST + 2])
            index += consumed

    def _classify(self, number: NumberMatch, following: list[NumberMatch]) -> int:
        """Make a claim of ``number``; returns how many following numbers it consumed."""
        text = self.text
        if _RACE_TIME_PART.match(text, number.end) or _RACE_TIME_PART_BEFORE.search(
            text, max(0, number.start - 2), number.start
        ):
            return 0  # part of a race time or score such as 2:19:51
        before = text[max(self.start, number.qualifier_start - 12) : number.qualifier_start]
        if _IDENTIFIER_TAIL.search(before) and not before.endswith(" "):
            return 0  # part of an identifier such as COVID-19 or a longer figure
        # Money
        sign = _CURRENCY_BEFORE.search(text[max(self.start, number.start - 4) : number.start])
        if sign:
            end, value = number.end, number.value
            scale = _MONEY_SCALE.match(text, end)
            if scale:
                value *= _SCALE_FACTORS[scale["scale"]]
                end = scale.end()
            currency = CURRENCY_SIGNS[sign.group(0).strip()]
            start = number.start - len(sign.group(0))
            self._emit(
                MoneyClaim,
                min(start, number.qualifier_start),
                end,
                value=value,
                currency=currency,
                approx=number.approx,
            )
            return 0
        # "5 dollars", and "77m euros", "3bn yen": a scale letter before a currency word.
        scale = _MONEY_SCALE.match(text, number.end)
        words_currency = _CURRENCY_AFTER.match(text, scale.end() if scale else number.end)
        if words_currency:
            word = words_currency["cur"].lower()
            currency = CURRENCY_WORDS[word]
            value = number.value / 100 if word in ("cent", "cents", "pence") else number.value
            if scale:
                value *= _SCALE_FACTORS[scale["scale"]]
            self._emit(
                MoneyClaim,
                number.qualifier_start,
                words_currency.end(),
                value=value,
                currency=currency,
                approx=number.approx,
            )
            return 0
        # Percentage
        percent = _PERCENT.match(text, number.end)
        if percent:
            self._emit(PercentageClaim, number.qualifier_start, percent.end(), value=number.value, approx=number.approx)
            return 0
        # Quantities with a list ("110/35/10 kV") or a range ("18 to 23 foot")
        consumed = self._quantity(number, following)
        if consumed is not None:
            return consumed
        # Age written before the number: "aged 86", "He was 85."
        prefix = text[max(self.start, number.start - 20) : number.start]
        age_context = _age_word_before(prefix) or (
            (
                _pronoun_age_before(prefix)
                or (not number.is_word and self._named_subject_age(number.start))
                or _died_at_before(text[max(self.start, number.start - 48) : number.start])
            )
            and _ends_clause(text, number.end)
        )
        if age_context and 0 < number.value < 130:
            self._emit(AgeClaim, number.qualifier_start, number.end, value=number.value, approx=number.approx)
            return 0
        # Durations and "-year-old"
        duration = _DURATION_WORD.match(text, number.end)
        if duration and number.is_word and number.value == 1 and _MODAL_BEFORE.search(prefix):
            return 0  # "may one day carry people": an idiom, not a span
        if (
            duration
            and duration["unit"].lower() == "year"
            and not duration["old"]
            and _YEAR_LIKE.fullmatch(text[number.start : number.end])
        ):
            return 0  # "results for 1986 year", "the 2019 year": a calendar year, not a span
        if duration:
            return self._duration(number, duration, following)
        ranged = self._duration_range(number, following)
        if ranged is not None:
            second, duration = ranged
            self._duration(second, duration, [], lower=number)
            return 1
        if (
            _AGE_APPOSITION.search(prefix)
            and _ends_clause(text, number.end)
            and 0 < number.value < 130
            and not number.is_word
        ):
            self._emit(AgeClaim, number.start, number.end, value=number.value)
            return 0
        self._count_or_number(number)
        return 0

    def _named_subject_age(self, position: int) -> bool:
        """True for "Conyers, the former Dean, was 88": the number is all the predicate says of a name."""
        sentence = self.doc.sentences[self.doc.sentence_index(position)] if self.doc.sentences else (0, 0)
        lead = self.text[max(sentence[0], position - 200) : position]
        if not _ends_with_word(lead, _AGE_VERBS):
            return False  # the pattern's own ending, checked before its costly name part
        match = _AGE_NAMED_SUBJECT.match(lead) if sentence[0] >= position - 200 else None
        if match is None:
            return False
        names = match["name"].split()
        # "Turnout was 45", "The Senate was 51": a name is not a common word, and stands
        # alone only with an apposition that says who it is.
        if any(name.lower() in STOPWORDS for name in names):
            return False
        if len(names) >= 2 or match["apposition"] is not None:
            return True
        # "Hunter was 76.": a lone word is a surname when the article writes it after
        # a first name somewhere ("Robert Hunter").
        if not names[0][0].isupper():
            return False
        if names[0] not in self._surnames:  # once per word: the search runs over the whole text
            surname = re.compile(rf"\b[A-Z][a-z]+\s+{re.escape(names[0])}\b")
            self._surnames[names[0]] = surname.search(self.text, self.start) is not None
        return self._surnames[names[0]]

    def _quantity(self, number: NumberMatch, following: list[NumberMatch]) -> int | None:
        text = self.text
        values = [number.value]
        cursor = number.end
        consumed = 0
        # match() at the cursor, not finditer(): a search would rescan the rest of the
        # text for every number (quadratic); a list longer than a unit list is no list.
        while len(values) <= _MAX_LIST and (match := _LIST_JOIN.match(text, cursor)):
            values.append(float(match["num"]))
            cursor = match.end()
        if len(values) > 1:
            unit = match_unit(text, cursor)
            if unit is None:
                return None
            consumed = sum(1 for n in following if n.start < unit[0])
            self._emit_quantity(
                number.qualifier_start, unit[0], values[0], tuple(values), unit[1], number.approx, cursor
            )
            return consumed
        # "1,000 or more kilograms": a bound written between the number and its unit.
        bound = _OR_MORE.match(text, number.end) if number.approx == "exact" else None
        bound_unit = match_unit(text, bound.end()) if bound is not None else None
        if bound is not None and bound_unit is not None:
            approx = _OR_MORE_APPROX[bound["word"].lower()]
            self._emit_quantity(
                number.qualifier_start, bound_unit[0], number.value, (), bound_unit[1], approx, bound.end()
            )
            return 0
        unit = match_unit(text, number.end)
        if unit is not None:
            start, value = number.qualifier_start, number.value
            # "(-10 °C)": a minus sign matters only on an offset scale, where it is unambiguous.
            signed = _SIGNED.search(text, max(self.start, start - 2), start)
            if start == number.start and signed and "degree" in unit[1]:
                start, value = start - 1, -value
            self._emit_quantity(start, unit[0], value, (), unit[1], number.approx, number.end)
            return 0
        # A range: the unit follows the second number.
        join = _RANGE_JOIN.match(text, number.end)
        if join and following and following[0].start == join.end():
            second = following[0]
            unit = match_unit(text, second.end)
            if unit is not None and second.value > number.value:
                self._emit_quantity(
                    number.qualifier_start,
                    unit[0],
                    (number.value, second.value),
                    (),
                    unit[1],
                    number.approx,
                    second.end,
                )
                return 1
        return None

    def _emit_quantity(
        self,
        start: int,
        end: int,
        value: float | tuple[float, float],
        values: tuple[float, ...],
        expression: str,
        approx: Approx,
        unit_start: int,
    ) -> None:
        try:
            info = unit_info(expression)
        except LexiconError:
            return
        self._emit(
            QuantityClaim,
            start,
            end,
            value=value,
            values=values,
            unit=info.name,
            unit_text=self.text[unit_start:end].strip(" -\u00a0"),
            dimensionality=info.dimensionality,
            approx=approx,
            about=self._head_noun_after(_skip_compound_tail(self.text, end)),
            converts=self._converted_index(start, end, info.name),
        )
        emitted = self.claims[-1]
        if isinstance(emitted, QuantityClaim) and emitted.converts is not None:
            self._reconcile_readings(len(self.claims) - 1)

    def _reconcile_readings(self, index: int) -> None:
        """ "a 12-ounce (355-ml) can": when a value and its restatement measure different
        things, read one unit the other way the lexicon allows (a "~" line of units.txt:
        fluid ounces) if that makes them measure the same."""
        restated = self.claims[index]
        assert isinstance(restated, QuantityClaim) and restated.converts is not None
        found = next((i for i in range(index - 1, -1, -1) if self.claims[i].span.start == restated.converts), None)
        original = self.claims[found] if found is not None else None
        if not isinstance(original, QuantityClaim) or same_dimension(original.unit, restated.unit):
            return
        if (reading := reading_like(restated.unit_text, original.unit)) is not None:
            self.claims[index] = _read_as(restated, reading)
        elif found is not None and (reading := reading_like(original.unit_text, restated.unit)) is not None:
            self.claims[found] = _read_as(original, reading)

    def _converted_index(self, start: int, end: int, unit: str) -> int | None:
        """The start of the quantity this one restates, when it stands in parentheses after
        it, between dashes ("14 feet — about 4 metres —"), after ", or" ("75 metres, or
        about 246 feet,") or after a slash in a unit of the same dimension ("25 miles/35 km";
        "$5/10 kg" is a price, not a restatement)."""
        for position in range(len(self.claims) - 1, -1, -1):
            claim = self.claims[position]
            if not isinstance(claim, QuantityClaim):
                continue
            gap = self.text[claim.span.end : start]
            if _OPENS_CONVERSION.fullmatch(gap):
                return claim.span.start
            if _SLASH_OPENS.fullmatch(gap) and claim.unit != unit and same_dimension(claim.unit, unit):
                return claim.span.start
            if _DASH_OPENS.fullmatch(gap) and _DASH_CLOSES.match(self.text, end):
                return claim.span.start
            if _OR_OPENS.fullmatch(gap) and _OR_CLOSES.match(self.text, end):
                return claim.span.start
            if _CONTINUES_CONVERSION.fullmatch(gap) and claim.converts is not None:
                return claim.converts
            return None
        return None

    def _duration_range(
        self, number: NumberMatch, following: list[NumberMatch]
    ) -> tuple[NumberMatch, re.Match[str]] | None:
        """The upper number and its duration word when ``number`` opens a range of
        durations ("15 to 20 seconds", "two to three years"); None otherwise, and for
        ranges of ages ("two to three-year-olds")."""
        join = _RANGE_JOIN.match(self.text, number.end)
        if join is None or not following or following[0].start != join.end():
            return None
        second = following[0]
        duration = _DURATION_WORD.match(self.text, second.end)
        if duration is None or duration["old"] or _YEARS_OF_AGE.match(self.text, second.end):
            return None
        return (second, duration) if second.value > number.value else None

    def _duration(
        self,
        number: NumberMatch,
        duration: re.Match[str],
        following: list[NumberMatch],
        lower: NumberMatch | None = None,
    ) -> int:
        """A duration ending in ``number`` and its unit word; a range from ``lower`` when given."""
        text = self.text
        unit_word = duration["unit"].lower()
        unit, multiplier = DURATION_UNITS[unit_word]
        end = duration.end("unit")
        if duration["old"] or _YEARS_OF_AGE.match(text, number.end):
            age_tail = _YEARS_OF_AGE.match(text, number.end)
            tail_end = age_tail.end() if age_tail else duration.end()
            noun = self._head_noun_after(tail_end)
            if unit == "year" and not (noun and _is_thing(noun)):
                self._emit(AgeClaim, number.qualifier_start, tail_end, value=number.value, approx=number.approx)
                return 0
            end = duration.end("unit")
        amount: float | tuple[float, float] = number.value * multiplier
        first = number
        if lower is not None:
            amount, first = (lower.value * multiplier, number.value * multiplier), lower
        lead = text[max(self.start, first.qualifier_start - 16) : first.qualifier_start]
        extension = _ADDITIONAL.search(lead)
        # "an additional 10 days": the claim covers the word that makes it an extension.
        start = first.qualifier_start - (len(lead) - extension.start()) if extension else first.qualifier_start
        additional = extension is not None
        self._emit(
            DurationClaim,
            start,
            end,
            amount=amount,
            unit=unit,
            approx=first.approx,
            additional=additional,
            about=self._head_noun_after(_skip_compound_tail(text, end))
            or self._duration_subject(end)
            or self._clause_event(start),
        )
        return 0

    def _count_or_number(self, number: NumberMatch) -> None:
        text = self.text
        lead = text[max(self.start, number.qualifier_start - 12) : number.qualifier_start]
        identifier = bool(_IDENTIFIER_BEFORE.search(lead)) and number.approx == "exact"
        raw = text[number.start : number.end]
        year_like = _YEAR_LIKE.fullmatch(raw) is not None
        if not identifier and not year_like:
            partitive = _PARTITIVE.match(text, number.end)
            if partitive:
                noun = partitive["noun"] or partitive.group(0).split()[-1]
                self._emit(CountClaim, number.qualifier_start, number.end, value=number.value, noun=noun.lower(),
                           approx=number.approx, partitive=True)  # fmt: skip
                return
            noun = self._counted_noun(number.end)
            if noun:
                self._emit(
                    CountClaim, number.qualifier_start, number.end, value=number.value, noun=noun, approx=number.approx
                )
                return
        if not number.is_word:
            self._emit(NumberClaim, number.qualifier_start, number.end, value=number.value, approx=number.approx)

    def _counted_noun(self, position: int) -> str | None:
        words = self._words_after(position, 3)
        candidates = []
        for word in words:
            lowered = word.lower()
            if lowered in STOPWORDS or lowered in _MONTH_OR_DAY or word[0].isupper():
                break
            candidates.append(lowered)
        if candidates and candidates[0] in _NOT_COUNTED:
            return None  # "6.3 magnitude quake": a measure, not a number of magnitudes
        for word in candidates:
            if word.endswith("s") or word in _IRREGULAR_PLURALS:
                return word
        nouns = [w for w in candidates if not w.endswith(("ed", "ing", "ly"))]
        return nouns[0] if nouns else None

    def _vague(self) -> None:
        for match in find_vague(self.text, self.start, self.end):
            if not self._free(match.start(), match.end()):
                continue
            noun = self._counted_noun(match.end())
            if noun:
                self._emit(
                    CountClaim, match.start(), match.end(), value=vague_value(match["vague"]), noun=noun, approx="vague"
                )

    def _ordinals(self) -> None:
        for match in ORDINAL.finditer(self.text, self.start, self.end):
            if not self._free(match.start(), match.end()):
                continue
            value = ordinal_value(match["ord"])
            if value is None:
                continue
            if match["ord"].lower() == "second" and _SECOND_AS_TIME.search(
                self.text, max(0, match.start() - 12), match.start()
            ):
                continue  # "half a second slower", "a split second": time, not rank
            noun = self._head_noun_after(match.end())
            if noun is None and not match["ord"][0].isdigit():
                continue
            self._emit(OrdinalClaim, match.start(), match.end(), value=value, noun=noun)

    def _article_durations(self) -> None:
        """'a decade', 'a year', 'half an hour': durations written without digits."""
        for match in _ARTICLE_DURATION.finditer(self.text, self.start, self.end):
            if not self._free(match.start(), match.end()):
                continue
            before = self.text[max(self.start, match.start() - 8) : match.start()].lower()
            if _REPEAT_BEFORE.search(before):
                continue
            if match["art"].lower() == "one" and match["unit"] == "day" and _MODAL_BEFORE.search(before):
                continue  # "may one day carry people": an idiom, not a span
            if _RATE_BEFORE.search(before):
                continue  # "18% a year", "$5 a day", "three times a week": a rate, not a span
            unit, multiplier = DURATION_UNITS[match["unit"].lower()]
            amount = multiplier * (0.5 if match["art"].lower().startswith("half") else 1)
            additional = bool(_ADDITIONAL.search(self.text[max(self.start, match.start() - 16) : match.start()]))
            # "less than a year later", "nearly a decade": the qualifier before the article.
            approx = approx_before(self.text[max(self.start, match.start() - 24) : match.start()])
            self._emit(DurationClaim, match.start(), match.end(), amount=amount, unit=unit, additional=additional,
                       approx=approx,
                       about=self._duration_subject(match.end()) or self._clause_event(match.start()))  # fmt: skip

    def _duration_subject(self, end: int) -> str | None:
        """What "a decade of steadily rising profits" is a decade of: "profits"."""
        match = _OF_AFTER.match(self.text, end)
        return self._head_noun_after(match.end()) if match else None

    def _emit(self, model: type, start: int, end: int, **fields: object) -> None:
        fields.setdefault("about", None)
        if fields["about"] is None:
            fields["about"] = self._head_noun_after(end)
        self._take(start, end)
        self.claims.append(model(**self._common(start, end), **fields))

    def _clause_event(self, position: int) -> str | None:
        """The main content word of the clause around ``position`` (for timelines)."""
        sentence = self.doc.sentence_index(position)
        if not self.doc.sentences:
            return None
        start = self.doc.sentences[sentence][0]
        clause_start = max(start, self.text.rfind(",", start, position) + 1)
        written: list[str] = _WORD.findall(self.text, clause_start, position)
        for word in map(str.lower, reversed(written)):
            if word not in STOPWORDS and word not in _MONTH_OR_DAY and len(word) > 3:
                return word
        return None


_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "two", "three"]
)
_MEASURE_ADJECTIVES = frozenset(["long", "old", "high", "wide", "deep", "tall"])
_NOT_COUNTED = frozenset(["magnitude", "percent", "percentage", "degrees", "fold"])
_MODAL_BEFORE = re.compile(r"\b(?:may|might|could|would|will|should|can|must)\s+$", re.IGNORECASE)
_SECOND_AS_TIME = re.compile(r"\b(?:half\s+a|a\s+split|split|one|a\s+fraction\s+of\s+a)\s+$", re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset(
    ["people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep", "deer", "fish"]
)


#: The verbs _AGE_NAMED_SUBJECT and _AGE_PRONOUN end with (before white space).
_AGE_VERBS = ("was", "is", "turned", "turns")
_PRONOUN_AGE_VERBS = (*_AGE_VERBS, "died at", "dies at")


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """True when ``text`` ends with one of ``words`` and then white space, as patterns
    ending in ``(?:words)\\s+$`` require (str.isspace and ``\\s`` agree on every character)."""
    stripped = text.rstrip()
    return len(stripped) < len(text) and stripped.endswith(words)


def _age_word_before(prefix: str) -> bool:
    """ "aged 86", "at the age of 86": every form holds "age", whose letters fold only to their capitals."""
    return "age" in prefix.lower() and _AGE_BEFORE.search(prefix) is not None


#: Before "a year", "a day": a figure that makes it a rate ("18% a year", "twice a day").
_RATE_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bpct|\btimes|\btwice|\bonce)\s*$", re.IGNORECASE)
#: Between the two years of a range: "1976 to 2007", "1976-2007", "1976 and 2007".
_YEAR_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|[-–—])\s*", re.IGNORECASE)
#: How far from the publication date the year a weekday picks may lie: a date a full year
#: away ("Tuesday, February 4" written on February 1) is more likely a wrong weekday.
_WEEKDAY_YEAR_DAYS = 300
#: A past verb right before "on" and a date: "died on", "was attacked on Sunday,".
_PAST_ON = re.compile(
    r"\b(?!(?:scheduled|planned|expected|slated|postponed|delayed|moved|rescheduled|set|due)\b)"
    r"(?:[a-z]+ed|was|were|died|began|took place|won|lost|hit|struck|fell|left|came|met)\s+(?:[a-z]+,?\s+){0,3}?on\s+$"
)
#: "died on Tuesday at 96", "dies at her home at 88": an age at a death, closing its clause.
_DIED_AT = re.compile(r"\b(?:died|dies)\b[^.;:,]{0,36}?\s+at\s+$", re.IGNORECASE)


def _died_at_before(prefix: str) -> bool:
    """True when ``prefix`` is "died ... at " (searched only when it ends with "at")."""
    return _ends_with_word(prefix, ("at",)) and _DIED_AT.search(prefix) is not None


def _pronoun_age_before(prefix: str) -> bool:
    """ "He was 85", "who turned 90": searched only when the prefix ends with the verb."""
    return _ends_with_word(prefix, _PRONOUN_AGE_VERBS) and _AGE_PRONOUN.search(prefix) is not None


def _bare_year_ranges(text: str, dates: list[date_patterns.RawDate]) -> set[int]:
    """Starts of bare years that open or close a range ("a councillor from 1976 to 2007"):
    a span of years lends no year to "died on 6 May" in its sentence."""
    bare = sorted((d for d in dates if d.year is not None and d.month is None), key=lambda d: d.start)
    found: set[int] = set()
    for first, second in pairwise(bare):
        # "the winter of 2010-11" is one season: its years still date its days.
        consecutive = first.year is not None and second.year == first.year + 1
        if not consecutive and _YEAR_RANGE_JOIN.fullmatch(text, first.end, second.start):
            found.update((first.start, second.start))
    return found


def _weekday_pick(raw: date_patterns.RawDate, year: int, reference: dt.date | None) -> int | None:
    """The year a weekday written with a yearless date picks when it does not fit ``year``:
    the one year within :data:`_WEEKDAY_YEAR_DAYS` of the reference date that it fits (years
    next to each other put a day on different weekdays, so at most one does); else None, and
    a wrong weekday is left for the weekday check."""
    if reference is None or raw.weekday is None or raw.month is None or raw.day is None:
        return None
    month, day = raw.month, raw.day
    if _weekday_of(year, month, day) == raw.weekday:
        return None
    for candidate in (reference.year - 1, reference.year, reference.year + 1):
        near = abs((_safe_date(candidate, month, day) - reference).days) <= _WEEKDAY_YEAR_DAYS
        if near and _weekday_of(candidate, month, day) == raw.weekday:
            return candidate
    return None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    """The weekday of a day (Monday 0), or None when the day does not exist in that year."""
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _read_as(claim: QuantityClaim, expression: str) -> QuantityClaim:
    """``claim`` with its unit read as ``expression`` (another reading of the same form)."""
    info = unit_info(expression)
    return claim.model_copy(update={"unit": info.name, "dimensionality": info.dimensionality})


def _is_thing(noun: str) -> bool:
    return noun in THING_NOUNS or noun.endswith(THING_SUFFIXES)


def _skip_compound_tail(text: str, end: int) -> int:
    match = _COMPOUND_TAIL.match(text[end : end + 8])
    return end + match.end() if match else end


def _ends_clause(text: str, position: int) -> bool:
    return _CLAUSE_END.match(text[position : position + 16]) is not None


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


__all__ = ["NUMBER", "extract_claims"]
