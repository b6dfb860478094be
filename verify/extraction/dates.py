"""Dates as news text writes them, with weekdays and relative dates.

Returns raw matches; :mod:`verify.extraction.extractor` turns them into
``DateClaim`` records once it knows the reference date and the years around.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from verify.extraction.numbers import ordinal_value
from verify.extraction.wordstart import expand_case, finditer_at, lowered_for_search, scan, word_start
from verify.vocab import MONTH_PATTERN, WEEKDAY_PATTERN, WEEKDAYS, month_number

_WEEKDAY_LEAD = rf"(?:(?P<wd>{WEEKDAY_PATTERN})(?:,?\s+(?:the\s+)?|(?:['’]s)?\s*\(\s*))?"
_YEAR_TAIL = r"(?:,?\s+(?P<year>\d{4})(?![\d:]))?"

# The capitals weekday and month names start with: a lookahead of them lets the
# regex engine skip every other position at once.
_NAME_START = "".join(sorted({name[0] for name in f"{WEEKDAY_PATTERN}|{MONTH_PATTERN}".split("|")}))

# "Friday, February 1, 2019", "November 25", "Tuesday (March 5)", "Saturday's (July 10) final"
MONTH_DAY = re.compile(
    rf"\b(?=[{_NAME_START}]){_WEEKDAY_LEAD}(?P<mon>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])\b{_YEAR_TAIL}"
)
# MONTH_DAY without groups, each weekday and month opening a branch (see wordstart.scan).
_MONTH_DAY_FAST = re.compile(
    "(?:"
    + word_start(
        [rf"{day}(?:,?\s+(?:the\s+)?|(?:['’]s)?\s*\(\s*)(?:{MONTH_PATTERN})" for day in WEEKDAY_PATTERN.split("|")]
        + MONTH_PATTERN.split("|")
    )
    + r")\s+\d{1,2}(?:st|nd|rd|th)?(?![\d:])\b(?:,?\s+\d{4}(?![\d:]))?"
)
# "1 February 2019", "the 15th of May"
DAY_MONTH = re.compile(
    rf"\b{_WEEKDAY_LEAD}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_PATTERN})\b{_YEAR_TAIL}"
)
# "the thirty-first of June", "the first of May 2019": a day written as an ordinal word.
_DAY_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
WORD_DAY_MONTH = re.compile(
    rf"\b[Tt]he\s+(?P<day>(?:(?:twenty|thirty)[- ])?(?:{_DAY_WORDS}))\s+of\s+(?P<mon>{MONTH_PATTERN})\b{_YEAR_TAIL}"
)
# What every DAY_MONTH match contains, without its costly opening: a document without
# it has no such date, and the full pattern need not be tried at every position.
_DAY_MONTH_HINT = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PATTERN})")
# What every WORD_DAY_MONTH match holds, opening with literal letters (found at C speed):
# "of" most often stands before no month, and then no such date can be there.
_OF_MONTH_HINT = re.compile(rf"of\s+(?:{MONTH_PATTERN})\b")
# "November 2020", "late February 1944"
# (The patterns scanned over the whole text open with literal characters: see wordstart.)
MONTH_YEAR = re.compile(rf"(?P<mon>{word_start(MONTH_PATTERN.split('|'))}),?\s+(?:of\s+)?(?P<year>\d{{4}})(?![\d:])")
# A year only when a preposition makes it one: "in 1993", "from 1977 to 1995".
_YEAR_PREPOSITIONS = (
    "[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|to|[Bb]y|of|[Bb]etween|and|[Dd]uring|[Bb]efore|[Aa]fter|"
    "[Ss]tarting in|[Bb]eginning in|[Ee]nding in|[Tt]hrough|[Cc]irca|[Ss]ummer of|[Ww]inter of|[Ss]pring of|[Aa]utumn of|"
    "the year|[Bb]orn"
)
YEAR = re.compile(
    rf"(?P<prep>{word_start(expand_case(_YEAR_PREPOSITIONS.split('|')))})\s+"
    r"(?:(?:early|late|mid)[- ]?\s*)?(?P<year>1[6-9]\d\d|20\d\d)\b(?![-–/:.,]?\d)(?!\s*(?:%|percent))"
)
# Before its year a YEAR match holds only letters, white space and hyphens ("in",
# "since mid-"), so it starts shortly before the year unless a longer run of them does.
_YEAR_DIGITS = re.compile(r"(?:1[6-9]|20)\d\d")
_YEAR_LEAD = re.compile(r"[A-Za-z\s-]*")
_YEAR_REACH = 40
# A weekday in parentheses after its date: "March 5, 2019 (Tuesday)".
TRAILING_WEEKDAY = re.compile(rf"\s?\(\s?(?P<wd>{WEEKDAY_PATTERN})\s?\)")
# ... or as an apposition closing the clause: "on January 31, a Thursday." ("which was a").
TRAILING_WEEKDAY_APPOSITION = re.compile(rf",\s+(?:which\s+was\s+)?a\s+(?P<wd>{WEEKDAY_PATTERN})(?=\s*[,.;:)]|\s*$)")
# "1987–2017": two years joined by a dash.
YEAR_RANGE = re.compile(
    r"(?P<first>(?:1(?<![\d/.-].)[6-9]|2(?<![\d/.-].)0)\d\d)\s?[–—-]\s?(?P<last>1[6-9]\d\d|20\d\d|\d\d)(?![\d/-]|\.\d)"
)
# The second day of "July 13 to 17", followed by an end of phrase, "of", "in" or a year.
DAY_CONTINUATION = re.compile(
    r"\s*(?:to|through|until|till|and|–|—|-)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>\d{4})(?![\d:]))?(?=\s*(?:[.,;:)]|$)|\s+(?:of|in)\b)"
)
# "last July", "next March", "this September".
RELATIVE_MONTH = re.compile(
    rf"(?P<mod>{word_start(expand_case(['[Ll]ast', '[Nn]ext', '[Tt]his']))})\s+(?P<mon>{MONTH_PATTERN})\b(?!\s*\d)"
)
ISO_DATE = re.compile(r"(?P<year>\d(?<!\w.)\d{3})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# A weekday on its own: "on Tuesday", "Wednesday morning", "last Friday".
WEEKDAY = re.compile(rf"\b(?:(?P<mod>last|next|this|on|On|Last|Next|This)\s+)?(?P<wd>{WEEKDAY_PATTERN})\b")
_WEEKDAY_FAST = re.compile(
    "(?:"
    + word_start(
        [rf"{mod}\s+(?:{WEEKDAY_PATTERN})" for mod in "last|next|this|on|On|Last|Next|This".split("|")]
        + WEEKDAY_PATTERN.split("|")
    )
    + r")\b"
)
RELATIVE_DAY = re.compile(
    rf"(?P<word>{word_start(expand_case(['[Tt]oday', '[Yy]esterday', '[Tt]omorrow', '[Tt]onight']))})\b"
)

# Parts every RELATIVE_DAY match holds: without them the search need not run.
_RELATIVE_DAY_HINTS = ("oday", "esterday", "omorrow", "onight")
_BESIDE_RELATIVE_DAY = re.compile(r"\b(?P<word>today|yesterday|tomorrow),?\s+(?:on\s+)?$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]{0,400}[\"”]")
# Tense cues that a bare weekday lies ahead of the reference date, not behind it.
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|scheduled|expected|set to|due to|plans? to|forecast|going to|upcoming|next)\b",
    re.IGNORECASE,
)


@dataclass
class RawDate:
    """A date as written, before any year is inferred."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    weekday_start: int | None = None
    weekday_end: int | None = None
    #: Where a day range this date opens ends ("July 13 to 17"), for year words after it.
    range_end: int | None = None
    #: "explicit" or "relative"
    resolution: str = "explicit"
    resolved_from: str | None = None

    @property
    def granularity(self) -> str:
        """day, month or year."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"


#: A bare day opening a range before "9 December": "from 1 to ", "1-".
_DAY_OPENS_RANGE = re.compile(r"(?<![\d,.:/])(?P<day>[0-3]?\d)\s*(?:to|-|–|through|until|till)\s*$")


def is_valid(year: int | None, month: int, day: int) -> bool:
    """Whether day ``day`` exists in ``month`` of ``year`` (a leap year when unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    days = calendar.monthrange(year if year is not None else 2000, month)[1]
    return day <= days


def find_dates(text: str, start: int, end: int) -> list[RawDate]:
    """Absolute dates in ``text[start:end]``; overlapping matches keep the longest."""
    found: list[RawDate] = []
    for pattern in (MONTH_DAY, DAY_MONTH):
        if pattern is DAY_MONTH and _DAY_MONTH_HINT.search(text, start, end) is None:
            continue
        if pattern is MONTH_DAY:
            matches = scan(_MONTH_DAY_FAST, MONTH_DAY, text, start, end)
        else:
            matches = pattern.finditer(text, start, end)
        for match in matches:
            day = int(match["day"])
            if day == 0 or day > 31:
                continue
            wd = match["wd"]
            wd_start, wd_end, date_end = match.start("wd"), match.end("wd"), match.end()
            trailing = (
                (
                    TRAILING_WEEKDAY.match(text, match.end(), end)
                    or TRAILING_WEEKDAY_APPOSITION.match(text, match.end(), end)
                )
                if not wd
                else None
            )
            if trailing is not None:
                wd, wd_start, wd_end, date_end = (
                    trailing["wd"],
                    trailing.start("wd"),
                    trailing.end("wd"),
                    trailing.end(),
                )
            year = int(match["year"]) if match["year"] else None
            month = month_number(match["mon"])
            # "July 13 to 17 (, 2018)": the second day shares the month (and a year after it).
            following = DAY_CONTINUATION.match(text, date_end, end) if pattern is MONTH_DAY and year is None else None
            range_end = None
            if following is not None and 0 < int(following["day"]) <= 31 and int(following["day"]) > day:
                year = int(following["year"]) if following["year"] else None
                range_end = following.end()
                found.append(RawDate(following.start("day"), following.end("day"), year, month, int(following["day"])))
            # "from 1 to 9 December": the first day shares the second's month and year.
            leading = _DAY_OPENS_RANGE.search(text, max(start, match.start() - 12), match.start())
            if pattern is DAY_MONTH and leading is not None and 0 < int(leading["day"]) < day and not wd:
                found.append(RawDate(leading.start("day"), leading.end("day"), year, month, int(leading["day"])))
            found.append(
                RawDate(
                    start=match.start(),
                    end=date_end,
                    year=year,
                    month=month,
                    day=day,
                    weekday=WEEKDAYS[wd.lower()] if wd else None,
                    weekday_start=wd_start if wd else None,
                    weekday_end=wd_end if wd else None,
                    range_end=range_end,
                )
            )
    if _OF_MONTH_HINT.search(text, start, end) is not None:
        for match in WORD_DAY_MONTH.finditer(text, start, end):
            day_value = _ordinal_day(match["day"])
            if day_value is not None and day_value <= 31:
                year = int(match["year"]) if match["year"] else None
                found.append(RawDate(match.start(), match.end(), year, month_number(match["mon"]), day_value))
    for match in MONTH_YEAR.finditer(text, start, end):
        found.append(RawDate(match.start(), match.end(), int(match["year"]), month_number(match["mon"]), None))
    for match in _year_matches(text, start, end):
        found.append(RawDate(match.start("year"), match.end("year"), int(match["year"]), None, None))
    for match in YEAR_RANGE.finditer(text, start, end):
        first, last = int(match["first"]), int(match["last"])
        if last < 100:  # "1953-71", "the 2019-20 season": the century of the first year
            if match.end("first") != match.start("last") - 1:
                continue  # "Oct. 24, 1931 - 85 years ago": a dash between phrases, not a range
            last += first - first % 100
        if first < last:
            found.append(RawDate(match.start("first"), match.end("first"), first, None, None))
            found.append(RawDate(match.start("last"), match.end("last"), last, None, None))
    for match in ISO_DATE.finditer(text, start, end):
        month, day = int(match["month"]), int(match["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(RawDate(match.start(), match.end(), int(match["year"]), month, day))
    return _longest_first(found)


def _year_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``YEAR.finditer(text, start, end)``, tried only shortly before each year.

    YEAR opens with a preposition, and prepositions start with common letters: run over
    the whole text it is tried at most words. The years themselves are rare.
    """
    position = start  # where the last match ended: matches do not overlap
    for digits in _YEAR_DIGITS.finditer(text, start, end):
        year = digits.start()
        lead_start = max(position, year - _YEAR_REACH)
        if _YEAR_LEAD.fullmatch(text, lead_start, year):
            lead_start = position  # words and spaces all the way back: search from the last match
        # Cut after the year, the text lets through every match the whole text does
        # (only checks after the year can fail), so the first hit is where a match can start.
        cut = min(year + 4, end)
        hit = YEAR.search(text, lead_start, cut)
        while hit is not None and hit.start("year") != year:  # an earlier year that failed its checks
            hit = YEAR.search(text, hit.start() + 1, cut)
        match = YEAR.match(text, hit.start(), end) if hit is not None else None
        if match is not None and match.start("year") == year:
            position = match.end()
            yield match


def _ordinal_day(words: str) -> int | None:
    """The day an ordinal word gives ("thirty-first" → 31)."""
    return ordinal_value(words.lower().replace(" ", "-"))


def find_relative_dates(text: str, start: int, end: int, reference: dt.date | None) -> list[RawDate]:
    """Bare weekdays, today/yesterday/tomorrow and "last July"; resolved when there is a
    reference date."""
    result = []
    # Each match opens with "last", "next" or "this": the pattern is tried only where one stands.
    months = finditer_at(RELATIVE_MONTH, text, lowered_for_search(text), ("last", "next", "this"), start, end)
    for match in months if reference else ():
        assert reference is not None
        month = month_number(match["mon"]) or 1
        modifier = match["mod"].lower()
        year = reference.year
        if modifier == "last" and month >= reference.month:
            year -= 1
        elif modifier == "next" and month <= reference.month:
            year += 1
        result.append(
            RawDate(
                match.start(), match.end(), year, month, None, resolution="relative", resolved_from="the reference date"
            )
        )
    for match in scan(_WEEKDAY_FAST, WEEKDAY, text, start, end):
        weekday = WEEKDAYS[match["wd"].lower()]
        resolved = _resolve_weekday(text, match, weekday, reference) if reference else None
        result.append(
            RawDate(
                start=match.start("wd"),
                end=match.end("wd"),
                year=resolved.year if resolved else None,
                month=resolved.month if resolved else None,
                day=resolved.day if resolved else None,
                weekday=weekday,
                weekday_start=match.start("wd"),
                weekday_end=match.end("wd"),
                resolution="relative",
                resolved_from="the reference date" if resolved else None,
            )
        )
    has_relative_day = any(hint in text for hint in _RELATIVE_DAY_HINTS)
    for match in RELATIVE_DAY.finditer(text, start, end) if has_relative_day else ():
        if reference is None or (
            match["word"][0].isupper() and text[max(0, match.start() - 4) : match.start()] == "the "
        ):
            continue  # "the Today show" is a name
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
        day = reference + dt.timedelta(days=shift)
        result.append(
            RawDate(match.start(), match.end(), day.year, day.month, day.day, resolution="relative",
                    resolved_from="the reference date")
        )  # fmt: skip
    return result


def _resolve_weekday(text: str, match: re.Match[str], weekday: int, reference: dt.date) -> dt.date:
    window = max(0, match.start() - 16)
    # Each of its words holds "day" or is "tomorrow", whose letters fold only to their capitals.
    lowered = text[window : match.start()].lower()
    nearby = "day" in lowered or "tomorrow" in lowered
    beside = _BESIDE_RELATIVE_DAY.search(text, window, match.start()) if nearby else None
    if beside is not None:  # "yesterday, Sunday,": the weekday names that day
        return reference + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[beside["word"].lower()])
    modifier = (match["mod"] or "").lower()
    sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    # Tense comes from the reporting sentence, not from what it quotes ("'policy will
    # change,' Pompeo said on Tuesday" is a past Tuesday).
    # ... and only its own sentence: "on Thursday. The next morning" is a past Thursday.
    stop = text.find(".", match.end(), match.end() + 40)
    clause = _QUOTED.sub(" ", text[sentence_start : stop if stop >= 0 else match.end() + 40])
    ahead = modifier == "next" or (modifier != "last" and _FUTURE.search(clause) is not None)
    offset = (weekday - reference.weekday()) % 7
    if ahead:
        return reference + dt.timedelta(days=offset or 7 if modifier == "next" else offset)
    back = (reference.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def _longest_first(found: list[RawDate]) -> list[RawDate]:
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[RawDate] = []
    for date in found:
        if kept and date.start < kept[-1].end:
            continue
        kept.append(date)
    return kept
