"""weekday_mismatch: a weekday written with a date that falls on another day.

Only a weekday written next to its date is judged: "Friday, February 1, 2019",
"Tuesday (March 5)", "March 5 (Tuesday)", "on the preceding Saturday, August
18", or a dateline.
A bare "on Tuesday" is resolved from the publication date and so cannot
contradict it. The finding covers both the weekday and the date.

When the date's year is not written, it is inferred (from a date in the same
sentence or paragraph, else the year nearest the publication date) and the
computation says so. An inferred year is trusted only when the weekday fits no
other year the date could plausibly be in (the year before or after the one
inferred, when the publication date makes that one as near), so a date that
the article may mean in another year is never flagged.

Dates are Gregorian; before ``julian_until`` a weekday that fits the Julian
calendar is accepted too ("Sunday, 2 September 1666": Britain adopted the
Gregorian calendar in 1752, Russia in 1918, Greece in 1923).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from verify.checks.base import Check, Outcome, Params
from verify.claims import DateClaim
from verify.linking import Facts
from verify.vocab import WEEKDAY_NAMES, format_day


class WeekdayParams(Params):
    """Parameters of a weekday_mismatch rule."""

    #: How many days from the publication date an inferred-year date may lie and
    #: still have its year taken as certain; beyond this, the other candidate
    #: years are tried too and any fit clears the date.
    inferred_year_window_days: int = 183
    #: The first year in which every country counted its days by the Gregorian calendar;
    #: for earlier dates a weekday of the Julian calendar is accepted as well.
    julian_until: int = 1924


class WeekdayCheck(Check):
    """Compare each written weekday with the calendar day of its date."""

    kind = "weekday_mismatch"
    Params = WeekdayParams

    def run(self, facts: Facts, params: WeekdayParams) -> Iterator[Outcome]:
        for claim in facts.of_type(DateClaim):
            if claim.weekday is None or claim.weekday_span is None or claim.resolution == "relative":
                continue
            day = claim.date
            if day is None:
                continue
            stated = WEEKDAY_NAMES[claim.weekday]
            actual = WEEKDAY_NAMES[day.weekday()]
            note = ""
            if claim.resolution == "inferred-year":
                note = f" (the year {claim.year} was inferred from {claim.resolved_from or 'the context'})"
            start = min(claim.weekday_span.start, claim.span.start)
            end = max(claim.weekday_span.end, claim.span.end)
            fields = {"weekday": stated, "date": format_day(day.year, day.month, day.day), "actual": actual}
            calendar = ""
            if day.year < params.julian_until and _julian_weekday(day) == claim.weekday != day.weekday():
                calendar = f" in the Julian calendar (a {actual} in the Gregorian)"
                actual = fields["actual"] = stated
            if actual == stated:
                yield Outcome(
                    claim=claim,
                    verified=True,
                    fields=fields,
                    computation=f"{fields['date']} is a {actual}{calendar}{note}.",
                    start=start,
                    end=end,
                )
                continue
            if claim.resolution == "inferred-year" and _fits_another_year(claim, day, facts.reference_date, params):
                continue
            julian = ""
            if day.year < params.julian_until:
                julian = f" (a {WEEKDAY_NAMES[_julian_weekday(day)]} in the Julian calendar)"
            yield Outcome(
                claim=claim,
                verified=False,
                fields=fields,
                computation=f"{fields['date']} is a {actual}{julian}, not a {stated}{note}.",
                start=start,
                end=end,
            )


def _julian_weekday(day: dt.date) -> int:
    """The weekday (Monday 0) of ``day``'s year, month and day read as a Julian calendar date."""
    # The Julian day number of a Julian calendar date (Richards' algorithm); JDN 0 was a Monday.
    a = (14 - day.month) // 12
    y = day.year + 4800 - a
    m = day.month + 12 * a - 3
    jdn = day.day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return jdn % 7


def _fits_another_year(claim: DateClaim, day: dt.date, reference: dt.date | None, params: WeekdayParams) -> bool:
    """True when the weekday fits the same day and month in a year the article may mean."""
    if reference is not None and abs((day - reference).days) <= params.inferred_year_window_days:
        candidates = [day.year]
    else:
        candidates = [day.year - 1, day.year + 1]
    if reference is not None:
        candidates.append(reference.year)
    for year in candidates:
        try:
            other = dt.date(year, day.month, day.day)
        except ValueError:
            continue
        if other != day and other.weekday() == claim.weekday:
            return True
    return False


CHECK = WeekdayCheck()
