"""Units: the lexicon of written forms, resolved through pint.

pint is the only authority on a unit's name, dimensionality and conversion;
the lexicon (``extraction/units.txt``) only says how news text writes units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

_LINE = re.compile(r"^(?P<expr>[^=]+?)\s*=\s*(?P<forms>.+)$")


@dataclass(frozen=True)
class UnitInfo:
    """A unit as pint knows it."""

    #: The expression from the lexicon ("mile / hour").
    expression: str
    #: pint's canonical name ("mile / hour", "kilovolt", "megavolt_ampere").
    name: str
    #: pint's dimensionality as text ("[length] / [time]").
    dimensionality: str


class LexiconError(ValueError):
    """A unit lexicon line that does not parse, or names a unit pint does not know."""


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The one pint registry, built once per process.

    pint caches its parsed definitions on disk (``cache_folder=":auto:"``), which
    makes a cold start several times faster.
    """
    import pint

    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except OSError:  # no writable cache folder: build it in memory
        return pint.UnitRegistry()


def parse_lexicon(text: str) -> dict[str, str]:
    """Map each written form to its pint expression, per the syntax in units.txt."""
    forms: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise LexiconError(f"line {number}: expected '<pint unit> = <form> | <form> ...', got {raw!r}")
        expression = match["expr"].strip()
        for form in match["forms"].split("|"):
            form = form.strip()
            if form:
                forms[form] = expression
    return forms


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """The packaged lexicon: written form → pint expression."""
    text = resources.files("verify.extraction").joinpath("units.txt").read_text(encoding="utf-8")
    return parse_lexicon(text)


@cache
def unit_info(expression: str) -> UnitInfo:
    """pint's name and dimensionality for a unit expression.

    Raises :class:`LexiconError` when pint does not know the unit.
    """
    import pint

    ureg = registry()
    try:
        unit = ureg.parse_units(expression)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, TypeError) as error:
        raise LexiconError(f"pint does not know the unit {expression!r}: {error}") from None
    return UnitInfo(expression=expression, name=str(unit), dimensionality=str(unit.dimensionality))


def dimensionality(expression: str) -> str:
    """pint's dimensionality of a unit expression, as text."""
    return unit_info(expression).dimensionality


def convert(value: float, source: str, target: str) -> float:
    """``value`` in unit ``source`` expressed in ``target`` (offset scales included)."""
    ureg = registry()
    return float(ureg.Quantity(value, source).to(target).magnitude)


@lru_cache(maxsize=4096)  # checks ask about the same few units for every pair of claims
def same_dimension(first: str, second: str) -> bool:
    """True when two unit expressions measure the same kind of quantity."""
    ureg = registry()
    return bool(ureg.get_dimensionality(first) == ureg.get_dimensionality(second))


@lru_cache(maxsize=4096)  # checks ask about the same few units for every pair of claims
def dimension_name(expression: str) -> str:
    """A reader's word for what a unit measures ("length", "electric potential")."""
    ureg = registry()
    dimensions = ureg.get_dimensionality(expression)
    for name, reference in _REFERENCE_UNITS.items():
        if ureg.get_dimensionality(reference) == dimensions:
            return name
    return str(dimensions)


#: A reader's name for each dimension, by a unit that has it.
_REFERENCE_UNITS = {
    "length": "meter",
    "area": "meter ** 2",
    "volume": "meter ** 3",
    "mass": "gram",
    "time": "second",
    "temperature": "kelvin",
    "speed": "meter / second",
    "density": "kilogram / meter ** 3",
    "power": "watt",
    "energy": "joule",
    "electric potential": "volt",
    "electric current": "ampere",
    "pressure": "pascal",
    "frequency": "hertz",
    "data size": "byte",
}
