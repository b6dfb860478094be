"""invalid_date: a calendar date that does not exist.

"February 30", "April 31", "29 February" in a common year. The extractor keeps
such a date with ``valid=False`` and the day as written; this check reports it
and says which year it was judged in. A February 29 is a slip only in a common
year, so its year must be known: written with the date, or taken from a date
in the same sentence or paragraph ("In 2019 ... on February 29"). A year
guessed only from the publication date is not trusted for it, because the
article may be looking back to a leap year. Days that could have been wrong
but exist (a 31st, a February 29 in a leap year) are reported as verified.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from verify.checks.base import Check, Outcome, Params
from verify.claims import DateClaim
from verify.linking import Facts
from verify.vocab import MONTH_NAMES


class InvalidDateParams(Params):
    """Parameters of an invalid_date rule."""

    #: Where an inferred year may come from for a February 29 to be judged
    #: (``DateClaim.resolved_from`` values; a written year is always trusted).
    leap_day_year_sources: list[str] = ["the year in the same sentence", "the year of a nearby date"]
    #: Report existing days at the end of a month (29th to 31st) as verified.
    verify_month_ends: bool = True


class InvalidDateCheck(Check):
    """Flag dates that are not on the calendar."""

    kind = "invalid_date"
    Params = InvalidDateParams

    def run(self, facts: Facts, params: InvalidDateParams) -> Iterator[Outcome]:
        for claim in facts.of_type(DateClaim):
            if claim.month is None or claim.day is None or not 1 <= claim.month <= 12:
                continue
            if claim.resolution == "relative":
                continue  # computed from the reference date, so it exists
            month = MONTH_NAMES[claim.month - 1]
            leap_day = claim.month == 2 and claim.day == 29
            year_known = claim.resolution == "explicit" or claim.resolved_from in params.leap_day_year_sources
            if leap_day and (claim.year is None or not year_known):
                continue
            # Only February's length depends on the year, so only there does the year matter.
            year_note = _year_note(claim) if claim.month == 2 else ""
            if claim.valid:
                if params.verify_month_ends and claim.day >= 29 and claim.year is not None:
                    yield Outcome(
                        claim=claim,
                        verified=True,
                        fields={"month": month, "days": _days(claim), "year": claim.year, "year_note": year_note},
                        computation=f"{month} {claim.year} has {_days(claim)} days{year_note}.",
                    )
                continue
            days = _days(claim)
            in_year = f" in {claim.year}" if claim.month == 2 and claim.year is not None else ""
            common = " (a common year)" if leap_day else ""
            named = f"{month}{in_year}" if claim.month == 2 else month
            yield Outcome(
                claim=claim,
                verified=False,
                fields={"month": named, "days": days, "year": claim.year or "", "year_note": year_note},
                computation=f"{month}{in_year}{common} has {days} days, so day {claim.day} does not exist{year_note}.",
            )


def _days(claim: DateClaim) -> int:
    assert claim.month is not None
    year = claim.year if claim.year is not None else 2000  # a leap year when unknown
    return calendar.monthrange(year, claim.month)[1]


def _year_note(claim: DateClaim) -> str:
    if claim.resolution == "inferred-year" and claim.resolved_from:
        return f"; the year {claim.year} was inferred from {claim.resolved_from}"
    return ""


CHECK = InvalidDateCheck()
