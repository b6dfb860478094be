"""Calendar arithmetic shared by the checks: spans between dates, in a duration's unit.

Dates may be known only to the month or year, so every span is a range: the
shortest and longest it can be. A stated figure holds when its own range
(widened for "about", "nearly", "more than") overlaps the span's.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from verify.claims import Approx, DateClaim
from verify.vocab import MONTH_NAMES, WEEKDAY_NAMES, format_day

Bounds = tuple[dt.date, dt.date]


@lru_cache(maxsize=65536)  # a duration is compared with the same dates again and again
def elapsed(start: dt.date, end: dt.date, unit: str) -> float:
    """Completed ``unit``s from ``start`` to ``end`` (whole years and months, days as days)."""
    if unit in ("year", "month"):
        delta = relativedelta(end, start)
        return float(delta.years) if unit == "year" else float(delta.years * 12 + delta.months)
    days = (end - start).days
    return days / 7 if unit == "week" else float(days)


def span_range(start: Bounds, end: Bounds, unit: str) -> tuple[float, float]:
    """The least and most ``unit``s between a start and an end known only within bounds."""
    low = elapsed(start[1], end[0], unit)
    high = elapsed(start[0], end[1], unit)
    return min(low, high), max(low, high)


def stated_range(amount: float | tuple[float, float], approx: Approx, unit: str) -> tuple[float, float]:
    """The values a stated duration admits, with a careful editor's tolerance."""
    low, high = amount if isinstance(amount, tuple) else (amount, amount)
    # Days and months are counted inclusively or not ("12 months from April to March").
    slack = 1.0 if unit in ("day", "week", "month") else 0.0
    if unit == "week":
        slack = 1 / 7
    if approx == "about" or approx == "vague":
        margin = max(1.0, 0.1 * high)
        return low - margin, high + margin
    if approx == "under":
        return low - max(1.0, 0.25 * low), high
    if approx == "over":
        # "Over 11 days, from 25 January to 4 February": "over" may mean "during", not "more than".
        return low - slack, high * 1.5 + 1
    if approx == "at_least":
        return low, math.inf
    if approx == "at_most":
        return 0.0, high
    return low - slack, high + slack


def overlaps(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """True when two closed ranges share a value."""
    return first[0] <= second[1] + 1e-9 and second[0] <= first[1] + 1e-9


def describe_date(claim: DateClaim) -> str:
    """A date as an editor writes it, at the claim's granularity."""
    if claim.year is None:
        return claim.text
    if claim.month is None:
        return str(claim.year)
    if claim.day is None:
        return f"{MONTH_NAMES[claim.month - 1]} {claim.year}"
    return format_day(claim.year, claim.month, claim.day)


def describe_bounds(bounds: Bounds) -> str:
    """Bounds as one date, a month, a year, or "between A and B"."""
    first, last = bounds
    if first == last:
        return format_day(first.year, first.month, first.day)
    if (first.year, first.month) == (last.year, last.month):
        return f"{MONTH_NAMES[first.month - 1]} {first.year}"
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    return f"between {format_day(first.year, first.month, first.day)} and {format_day(last.year, last.month, last.day)}"


def describe_amount(value: float, unit: str) -> str:
    """'27 years', '1 day', '2.5 weeks'."""
    number = f"{value:g}"
    return f"{number} {unit}" + ("" if value == 1 else "s")


def describe_range(values: tuple[float, float], unit: str) -> str:
    """'27 years' or '17 to 18 years'."""
    low, high = values
    if low == high:
        return describe_amount(low, unit)
    return f"{low:g} to {describe_amount(high, unit)}"


def hull(bounds: list[Bounds]) -> Bounds:
    """The smallest bounds containing all of ``bounds``."""
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def describe_weekday_day(day: dt.date) -> str:
    """A day with its weekday: "Tuesday, September 11, 2019"."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {format_day(day.year, day.month, day.day)}"


def describe_day_claim(claim: DateClaim) -> str:
    """A date claim as its weekday and day, saying when it was resolved from the publication date."""
    day = claim.date
    if day is None:
        return claim.text
    if claim.resolution == "relative":
        return f"{describe_weekday_day(day)} ('{claim.text}', counted from the publication date)"
    return describe_weekday_day(day)


#: How far short of a whole year a span may end and still count as that year.
YEAR_ROUNDING = dt.timedelta(days=31)


def nearly_next_year(start: dt.date, end: dt.date, years: float) -> bool:
    """True when ``end`` falls within :data:`YEAR_ROUNDING` before the anniversary of
    ``start`` after ``years`` whole years: "12 years after August 18, 2012" may be
    written on August 17, 2024."""
    try:
        anniversary = start + relativedelta(years=int(years) + 1)
    except (OverflowError, ValueError):
        return False
    return dt.timedelta(0) < anniversary - end <= YEAR_ROUNDING
