"""The claim records. One model per claim type; ``Claim`` is their union."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, computed_field

from verify.spans import Span

#: How a number is qualified in the text: "about 50", "over 71,000", "at least 55%".
Approx = Literal["exact", "about", "over", "under", "at_least", "at_most", "vague"]

Granularity = Literal["day", "month", "year"]

DurationUnit = Literal["second", "minute", "hour", "day", "week", "month", "year"]

_ISO_DURATION_LETTER = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "second": "S",
}


class ClaimBase(BaseModel):
    """What every claim carries: its text, span, sentence and subject."""

    model_config = ConfigDict(frozen=True)

    text: str
    span: Span
    #: Index of the sentence the claim stands in (``Document.sentences``).
    sentence: int = 0
    #: The noun or event the claim is about ("occupation", "tunnel", "killed").
    about: str | None = None
    #: True when the claim stands inside quoted speech.
    quoted: bool = False


class NumberClaim(ClaimBase):
    """A bare number that is not part of a more specific claim."""

    type: Literal["number"] = "number"
    value: float
    approx: Approx = "exact"


class CountClaim(ClaimBase):
    """A number of things: "55 servicemen", "seven counties", "dozens of homes"."""

    type: Literal["count"] = "count"
    value: float
    noun: str
    approx: Approx = "exact"
    #: "six of the murders": the count is a part of the set named after "of".
    partitive: bool = False


class AgeClaim(ClaimBase):
    """A person's age: "aged 86", "the 46-year-old mayor", "at 102 years of age"."""

    type: Literal["age"] = "age"
    value: float
    approx: Approx = "exact"


class PercentageClaim(ClaimBase):
    """A percentage: "95%", "3 percent"."""

    type: Literal["percentage"] = "percentage"
    value: float
    approx: Approx = "exact"


class MoneyClaim(ClaimBase):
    """An amount of money with its ISO 4217 currency code where known."""

    type: Literal["money"] = "money"
    value: float
    currency: str
    approx: Approx = "exact"


class OrdinalClaim(ClaimBase):
    """An ordinal with the noun it ranks: "first anniversary", "fourth hurricane"."""

    type: Literal["ordinal"] = "ordinal"
    value: int
    noun: str | None = None


class QuantityClaim(ClaimBase):
    """A measured quantity with a unit pint knows: "110 kV", "70-km", "3,400 meters"."""

    type: Literal["quantity"] = "quantity"
    #: A number, or ``[low, high]`` for a range ("18 to 23 foot").
    value: float | tuple[float, float]
    #: Every value written where several share one unit ("110/35/10 kV").
    values: tuple[float, ...] = ()
    #: pint's name for the unit, e.g. "kilovolt", "megavolt_ampere".
    unit: str
    #: The unit as written ("kV", "kilometers").
    unit_text: str
    #: pint's dimensionality, e.g. "[length]" or "[mass] * [length] ** 2 / ...".
    dimensionality: str
    approx: Approx = "exact"
    #: For a value restated in parentheses, the start offset of the quantity it restates.
    converts: int | None = None


class DurationClaim(ClaimBase):
    """A span of time: "27-year", "an additional 10 days", "a decade"."""

    type: Literal["duration"] = "duration"
    amount: float | tuple[float, float]
    unit: DurationUnit
    approx: Approx = "exact"
    #: "an additional 10 days", "another week": an extension of an earlier span.
    additional: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> str:
        """The duration in ISO 8601 (``P27Y``, ``P10D``, ``PT5H``)."""
        amount = self.amount[1] if isinstance(self.amount, tuple) else self.amount
        number = f"{amount:g}"
        letter = _ISO_DURATION_LETTER[self.unit]
        if self.unit in ("hour", "minute", "second"):
            return f"PT{number}{letter}"
        return f"P{number}{letter}"


class DateClaim(ClaimBase):
    """A calendar date at day, month or year granularity.

    ``valid`` is false for a date that does not exist (February 30); such a
    claim keeps the day as written and has no ``date``.
    """

    type: Literal["date"] = "date"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    granularity: Granularity
    #: Weekday as written, Monday = 0 ... Sunday = 6.
    weekday: int | None = None
    #: Span of the written weekday, when there is one.
    weekday_span: Span | None = None
    valid: bool = True
    #: How the date was obtained: "explicit", "inferred-year", "relative".
    resolution: Literal["explicit", "inferred-year", "relative"] = "explicit"
    #: For an inferred year or a relative date: what it was resolved against.
    resolved_from: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> str | None:
        """ISO 8601 at the claim's granularity ("2020-11-10", "2020-11", "1993")."""
        if self.year is None:
            return None
        if self.granularity == "year" or self.month is None:
            return f"{self.year:04d}"
        if self.granularity == "month" or self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def date(self) -> dt.date | None:
        """The calendar day, for a valid day-granularity date with a year."""
        if not self.valid or self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the claim can mean, whatever its granularity."""
        if not self.valid or self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            first = dt.date(self.year, self.month, 1)
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date(self.year, self.month, self.day)
        return day, day


class TimeClaim(ClaimBase):
    """A clock time: "4:42 local time", "5 p.m.", "a quarter before 11 a.m."."""

    type: Literal["time"] = "time"
    hour: int
    minute: int = 0
    #: "UTC", "local" or None when the text names no zone.
    zone: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> str:
        """The time as ``HH:MM``."""
        return f"{self.hour:02d}:{self.minute:02d}"


Claim = Annotated[
    Union[
        NumberClaim,
        CountClaim,
        AgeClaim,
        PercentageClaim,
        MoneyClaim,
        OrdinalClaim,
        QuantityClaim,
        DurationClaim,
        DateClaim,
        TimeClaim,
    ],
    Field(discriminator="type"),
]
