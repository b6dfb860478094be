"""conversion_mismatch: a restated value that does not match its original.

Two general mechanisms:

* **unit conversions**: a quantity restated in parentheses ("10 miles (16 km)",
  "75 °F (24 °C)", "18 to 23 foot (5.5 to 7 meter)") is linked to its original
  by extraction (``QuantityClaim.converts``). pint converts the original, offset
  scales included. Both numbers are taken at the precision they are written
  with, as published conversions round: "30" may be anything from 25 to 35,
  "76" from 75.5 to 76.5, "nine" from 8.5 to 9.5. The conversion holds when the
  two intervals meet after a relative slack (``tolerance``); an estimate
  ("about", "roughly"; not a bound such as "up to") on either side widens the slack to
  ``about_tolerance``. A compound original ("5 feet 11 inches (1.80 m)") is
  added up; one whose first unit is unknown ("7 pounds 4 ounces") is skipped.
  A conversion into a unit of another dimension is left to ``unit_dimension``
  (not reported twice); lists of values, restatements in the same unit and
  parentheses that go on after the value ("(1 km of it underground)") are
  not conversions and are skipped.
* **time zones** (``time_zones``): a clock time restated in UTC in parentheses
  ("4:42 local time (2042 UTC)", "6 p.m. (17:00 GMT)"). Zone offsets are whole,
  half or three-quarter hours, so the minutes of the two times must agree modulo
  ``zone_step_minutes``.

Money is not converted: exchange rates are not stated by units.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pydantic import Field

from verify import units
from verify.checks.base import Check, Outcome, Params, evidence
from verify.claims import QuantityClaim, TimeClaim
from verify.extraction.numbers import NUMBER, SCALES
from verify.linking import Facts

# A parenthesis after a time that restates it in UTC/GMT: "(2024 Friday, UTC)", "(20:24 GMT)".
_ZONE_PAREN = re.compile(r"\((?P<body>[^()]{1,40})\)")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,5}\b")
_ZONE_WORD = re.compile(r"\b(?:UTC|GMT)\b")
# A zone offset ("UTC+0900") is not a clock time.
_CLOCK = re.compile(r"(?<![\d:.,+\-−])(?P<h>[01]?\d|2[0-3]):?(?P<m>[0-5]\d)(?![\d:.,])")
# What ends a restatement inside its parenthesis: "(16 km)", "(14.95 acres; .0605 km)".
_CLOSES = re.compile(r"[\s\u00a0]*(?:[)\];,/.—–]|or\b|$)")
# What may stand between a time and its restatement: "local time", "on Saturday".
_ZONE_GAP = re.compile(r"^[\s\u00a0]*(?:[A-Za-z]+[\s\u00a0]+){0,4}$")


_ESTIMATES = ("about", "vague")


class ConversionParams(Params):
    """Parameters of a conversion_mismatch rule."""

    #: Relative slack between the converted original and the restated value.
    tolerance: float = Field(default=0.03, ge=0, le=0.5)
    #: Relative slack when either value carries an approximator ("about", "over").
    about_tolerance: float = Field(default=0.12, ge=0, le=0.5)
    #: Check quantities restated in other units.
    quantities: bool = True
    #: Check clock times restated in UTC.
    time_zones: bool = False
    #: Time-zone offsets are multiples of this many minutes.
    zone_step_minutes: int = Field(default=15, ge=1, le=60)
    #: Zone abbreviations with one offset from UTC, in hours ("EST": -5): a local time
    #: written with one ("8:29 p.m. EST (0129 GMT)") is converted exactly. Leave out
    #: abbreviations that stand for several zones ("CST", "IST").
    zone_offsets: dict[str, float] = {}


class ConversionCheck(Check):
    """Compare each restated value with its original."""

    kind = "conversion_mismatch"
    Params = ConversionParams

    def run(self, facts: Facts, params: ConversionParams) -> Iterator[Outcome]:
        if params.quantities:
            for quantity in facts.of_type(QuantityClaim):
                outcome = _quantity(facts, quantity, params)
                if outcome is not None:
                    yield outcome
        if params.time_zones:
            for time in facts.of_type(TimeClaim):
                outcome = _time_zone(facts, time, params)
                if outcome is not None:
                    yield outcome


def half_step(written: str, zeros_significant: bool = False) -> float:
    """Half the last written place of a number: "76" → 0.5, "5.5" → 0.05, "nine" → 0.5.

    Trailing zeros of a whole number are rounding ("30" → 5) unless
    ``zeros_significant`` ("30" → 0.5): an original is taken at its face value,
    a conversion may be rounded to one or two significant figures, or to the
    nearest five of its last place ("45" → 2.5).
    """
    match = NUMBER.search(written)
    if match is None:
        return 0.5
    raw = match["num"]
    scale = 1.0
    if match["scale"]:
        for part in match["scale"].split():
            scale *= SCALES[part.lower()]
    if not (raw[0].isdigit() or raw[0] == "."):
        return 0.5 * scale
    digits = raw.replace(",", "")
    if "." in digits:
        place = 10.0 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        place = 1.0 if zeros == len(digits) or zeros_significant else 10.0**zeros
    significant = digits.rstrip("0").rstrip(".")
    if not zeros_significant and significant.endswith("5") and len(significant.strip("0.")) > 1:
        # Conversions are often rounded to the nearest five ("30 mph (45 km/h)").
        return 2.5 * place * scale
    return 0.5 * place * scale


def _written_numbers(text: str) -> list[str]:
    return [match.group(0) for match in NUMBER.finditer(text)]


def _intervals(claim: QuantityClaim, zeros_significant: bool) -> list[tuple[float, float]] | None:
    """The interval each written value may stand for, given its written precision."""
    written = _written_numbers(claim.text)
    values = list(claim.value) if isinstance(claim.value, tuple) else [claim.value]
    if len(written) != len(values):
        return None
    steps = [half_step(raw, zeros_significant) for raw in written]
    return [(value - step, value + step) for value, step in zip(values, steps, strict=True)]


def _quantity(facts: Facts, quantity: QuantityClaim, params: ConversionParams) -> Outcome | None:
    if quantity.converts is None or quantity.values:
        return None
    original = facts.claim_starting_at(quantity.converts)
    if not isinstance(original, QuantityClaim) or original.values:
        return None
    if not units.same_dimension(original.unit, quantity.unit):
        return None  # unit_dimension reports it
    if original.unit == quantity.unit:
        return None  # "2 km (1 km of it underground)": a remark, not a conversion
    slashed = "/" in facts.document.text[original.span.end : quantity.span.start]  # "25 miles/40 km wide"
    if not slashed and not _CLOSES.match(facts.document.text, quantity.span.end):
        return None  # the parenthesis goes on: more than a restatement
    if isinstance(original.value, tuple) != isinstance(quantity.value, tuple):
        return None
    source = _intervals(original, zeros_significant=True)
    target = _intervals(quantity, zeros_significant=False)
    if source is None or target is None:
        return None
    leading = _leading_part(facts, original)
    text = facts.document.text
    lead = text[max(0, original.span.start - 30) : original.span.start]
    if leading is None and re.search(r"\d\s*[A-Za-z]+\.?\s*,?\s*$", lead):
        return None  # "7 pounds 4 ounces": a compound whose first unit is not known
    original_text = original.text if leading is None else text[leading.span.start : original.span.end]
    if leading is not None:
        if isinstance(original.value, tuple) or isinstance(leading.value, tuple):
            return None
        # "5 feet 11 inches (1.80 m)": the restatement covers both parts.
        extra = units.convert(leading.value, leading.unit, original.unit)
        source = [(low + extra, high + extra) for low, high in source]
    # Only an estimate loosens: "up to 140 miles (225 km)" restates the bound itself.
    loose = original.approx in _ESTIMATES or quantity.approx in _ESTIMATES
    slack = params.about_tolerance if loose else params.tolerance
    fits = True
    converted: list[float] = []
    for (low, high), (t_low, t_high) in zip(source, target, strict=True):
        try:
            ends = sorted(
                (units.convert(low, original.unit, quantity.unit), units.convert(high, original.unit, quantity.unit))
            )
        except Exception:  # pint refuses (e.g. an offset unit in a product): undecidable
            return None
        centre = units.convert((low + high) / 2, original.unit, quantity.unit)
        converted.append(centre)
        margin = slack * max(abs(ends[0]), abs(ends[1]), abs(t_low), abs(t_high))
        if ends[1] + margin < t_low or ends[0] - margin > t_high:
            fits = False
    expected = _describe(converted, quantity)
    ratio = ""
    written = quantity.value[0] if isinstance(quantity.value, tuple) else quantity.value
    if not fits and converted[0] and written:
        factor = written / converted[0]
        ratio = f" (off by a factor of {factor:.3g})" if factor > 1.5 or factor < 1 / 1.5 else ""
    return Outcome(
        claim=quantity,
        verified=fits,
        fields={"original": original_text, "expected": expected, "stated": quantity.text},
        evidence=[evidence(facts, original, "the original value")],
        computation=(
            f"{original_text} = {expected} (pint: {original.unit} → {quantity.unit}); "
            f"stated: {quantity.text}{ratio}; tolerance {slack:.0%} beyond the written precision."
        ),
    )


def _leading_part(facts: Facts, original: QuantityClaim) -> QuantityClaim | None:
    """The larger unit of a compound measure written just before the original ("5 feet" in "5 feet 11 inches")."""
    text = facts.document.text
    for claim in facts.by_sentence.get(original.sentence, []):
        if (
            isinstance(claim, QuantityClaim)
            and claim.span.end <= original.span.start
            and re.fullmatch(r"[\s,]*(?:and\s+)?", text[claim.span.end : original.span.start])
            and claim.converts is None
            and units.same_dimension(claim.unit, original.unit)
        ):
            return claim
    return None


def _describe(values: list[float], quantity: QuantityClaim) -> str:
    shown = " to ".join(_round(value) for value in values)
    return f"{shown} {quantity.unit_text}"


def _round(value: float) -> str:
    """A value rounded to three significant figures, as a conversion would print it."""
    if value == 0:
        return "0"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:,.{digits}f}"


def _time_zone(facts: Facts, time: TimeClaim, params: ConversionParams) -> Outcome | None:
    if time.zone is not None and time.zone not in params.zone_offsets:
        return None
    text = facts.document.text
    sentence_end = facts.document.sentences[time.sentence][1] if facts.document.sentences else len(text)
    opening = text.find("(", time.span.end, sentence_end)
    if opening < 0 or not _ZONE_GAP.match(text[time.span.end : opening]):
        return None
    named = [w for w in _ABBREVIATION.findall(text[time.span.end : opening]) if w in params.zone_offsets]
    zone = time.zone or (named[0] if len(named) == 1 else None)
    paren = _ZONE_PAREN.match(text, opening)
    if paren is None or not _ZONE_WORD.search(paren["body"]):
        return None
    clocks = list(_CLOCK.finditer(paren["body"]))
    if len(clocks) != 1:
        return None
    clock = clocks[0]
    hour, minute = int(clock["h"]), int(clock["m"])
    start = paren.start("body") + clock.start()
    end = paren.start("body") + clock.end()
    step = params.zone_step_minutes
    if zone is not None:
        offset = params.zone_offsets[zone]
        utc = round(time.hour * 60 + time.minute - offset * 60) % (24 * 60)
        fits = hour * 60 + minute == utc
        expected = f"{utc // 60:02d}{utc % 60:02d}"
        reason = f"{zone} is UTC{offset:+g}, so {time.value} {zone} is {expected} UTC"
    else:
        fits = (minute - time.minute) % step == 0
        expected = " or ".join(f":{m:02d}" for m in range(time.minute % step, 60, step))
        reason = f"time zones differ by whole, half or three-quarter hours, so the minutes must be {expected}"
    restated = TimeClaim(
        text=text[start:end],
        span=facts.span(start, end),
        sentence=time.sentence,
        hour=hour,
        minute=minute,
        zone="UTC",
        quoted=time.quoted,
    )
    computation = (
        f"{time.value} {zone} restated as {restated.value} UTC; {reason}."
        if zone is not None
        else f"{time.value} local restated as {restated.value} UTC: the minutes differ by "
        f"{(minute - time.minute) % 60}, and zone offsets are multiples of {step} minutes."
    )
    return Outcome(
        claim=restated,
        verified=fits,
        fields={"original": time.text, "expected": expected, "stated": restated.value, "reason": reason},
        evidence=[evidence(facts, time, "the local time")],
        computation=computation,
    )


CHECK = ConversionCheck()
