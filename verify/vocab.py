"""Calendar words shared by the document reader and the extractors."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTH_NAMES = [name.capitalize() for name in MONTHS]
WEEKDAY_NAMES = [name.capitalize() for name in WEEKDAYS]

#: Regex alternations, longest first so that "Sept" wins over "Sep".
MONTH_PATTERN = "|".join(
    sorted(
        [m.capitalize() for m in MONTHS] + [a.capitalize() + r"\.?" for a in MONTH_ABBREVIATIONS], key=len, reverse=True
    )
)
WEEKDAY_PATTERN = "|".join(WEEKDAY_NAMES)


def month_number(word: str) -> int | None:
    """The month number of a month name or abbreviation, any case, or None."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def format_day(year: int, month: int, day: int) -> str:
    """An unambiguous human date: "April 2, 1993"."""
    return f"{MONTH_NAMES[month - 1]} {day}, {year}"
