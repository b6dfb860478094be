"""Units: the lexicon of written forms, resolved through pint.

pint is the only authority on a unit's name, dimensionality and conversion;
the lexicon (``extraction/units.txt``) only says how news text writes units.

pint's answers are remembered on disk (:class:`_PintMemory`), so that a fresh
process, the pre-commit hook above all, does not import pint and build its
registry (about 65 ms of a 0.3 s run) to learn again what it learnt last time.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from verify.cachedir import cache_dir, private

if TYPE_CHECKING:
    import pint

AnswerT = TypeVar("AnswerT")

_LINE = re.compile(r"^(?P<expr>[^=~]+?)\s*(?P<sign>[=~])\s*(?P<forms>.+)$")


class _PintMemory:
    """pint's answers to verify's questions, kept in a JSON file in the cache folder
    (:func:`verify.cachedir.cache_dir`) and tied to the installed pint: another pint
    version, or its definitions file changed, starts afresh. Every answer is pint's;
    a question not asked before goes to pint and its answer is added to the file.
    A file that cannot be read or written is simply not used."""

    def __init__(self) -> None:
        self._answers: dict[str, Any] | None = None
        self._stamp: list[Any] | None = None

    def recall(self, question: str) -> tuple[bool, Any]:
        """(True, the answer) when pint was asked ``question`` before, else (False, None)."""
        answers = self._load()
        return (question in answers, answers.get(question))

    def remember(self, question: str, answer: Any) -> None:
        """Keep ``answer`` here and in the file."""
        answers = self._load()
        answers[question] = answer
        path = self._path()
        if path is None or self._stamp is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump({"pint": self._stamp, "answers": answers}, stream)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # no memory this time; the answer stands all the same

    def _load(self) -> dict[str, Any]:
        if self._answers is None:
            self._answers = {}
            self._stamp = _pint_stamp()
            path = self._path()
            if path is not None and self._stamp is not None:
                try:
                    with path.open(encoding="utf-8") as stream:
                        stored = json.load(stream) if private(os.fstat(stream.fileno())) else None
                except (OSError, ValueError):
                    stored = None
                if isinstance(stored, dict) and stored.get("pint") == self._stamp:
                    answers = stored.get("answers")
                    self._answers = answers if isinstance(answers, dict) else {}
        return self._answers

    @staticmethod
    def _path() -> Path | None:
        folder = cache_dir()
        return None if folder is None else folder / "pint-answers.json"


def _pint_stamp() -> list[Any] | None:
    """What identifies the installed pint without importing it: the size and time of
    its package file and of its unit definitions; None when pint cannot be found."""
    spec = find_spec("pint")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin)
    try:
        return [str(package), *(list(_size_and_time(path)) for path in (package, package.parent / "default_en.txt"))]
    except OSError:
        return None


def _size_and_time(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


_MEMORY = _PintMemory()


def _remembered(function: Callable[..., AnswerT]) -> Callable[..., AnswerT]:
    """``function`` (of unit expressions, asking pint) with its answers remembered across
    runs by :data:`_MEMORY`. An exception (an unknown unit) is raised, not remembered."""

    @functools.wraps(function)
    def recall_or_ask(*expressions: str) -> AnswerT:
        question = "\x1f".join((function.__name__, *expressions))
        known, answer = _MEMORY.recall(question)
        if not known:
            answer = function(*expressions)
            _MEMORY.remember(question, answer)
        return cast(AnswerT, answer)

    return recall_or_ask


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
    """Map each written form to its pint expression, per the syntax in units.txt
    (``=`` lines; the ``~`` lines of other readings are read by :func:`parse_other_readings`)."""
    return {form: expression for expression, forms in _lexicon_lines(text, "=") for form in forms}


def parse_other_readings(text: str) -> dict[str, list[str]]:
    """Map each written form to the other units it may mean (``~`` lines of units.txt)."""
    readings: dict[str, list[str]] = {}
    for expression, forms in _lexicon_lines(text, "~"):
        for form in forms:
            readings.setdefault(form, []).append(expression)
    return readings


def _lexicon_lines(text: str, sign: str) -> list[tuple[str, list[str]]]:
    """The (expression, forms) of every lexicon line with ``sign``; a line with neither sign is refused."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise LexiconError(f"line {number}: expected '<pint unit> = <form> | <form> ...', got {raw!r}")
        if match["sign"] == sign:
            forms = [form.strip() for form in match["forms"].split("|") if form.strip()]
            lines.append((match["expr"].strip(), forms))
    return lines


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """The packaged lexicon: written form → pint expression."""
    return parse_lexicon(_lexicon_text())


@lru_cache(maxsize=1)
def other_readings() -> dict[str, list[str]]:
    """The packaged lexicon's other readings: written form → other pint expressions."""
    return parse_other_readings(_lexicon_text())


def reading_like(form: str, other: str) -> str | None:
    """The other unit ``form`` may mean that measures what unit ``other`` measures
    ("ounce" beside millilitres: fluid_ounce); None when it has none."""
    readings = other_readings().get(form) or other_readings().get(form.lower()) or []
    return next((expression for expression in readings if same_dimension(expression, other)), None)


def _lexicon_text() -> str:
    return resources.files("verify.extraction").joinpath("units.txt").read_text(encoding="utf-8")


@cache
def unit_info(expression: str) -> UnitInfo:
    """pint's name and dimensionality for a unit expression.

    Raises :class:`LexiconError` when pint does not know the unit.
    """
    name, dimensions = _name_and_dimensionality(expression)
    return UnitInfo(expression=expression, name=name, dimensionality=dimensions)


@_remembered
def _name_and_dimensionality(expression: str) -> list[str]:
    import pint

    try:
        unit = registry().parse_units(expression)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, TypeError) as error:
        raise LexiconError(f"pint does not know the unit {expression!r}: {error}") from None
    return [str(unit), str(unit.dimensionality)]  # a list, as it comes back from the JSON file


@lru_cache(maxsize=4096)
@_remembered
def symbol(expression: str) -> str:
    """pint's symbol for a unit expression ("kilovolt" → "kV"); empty when it has none."""
    try:
        return str(registry().get_symbol(expression))
    except Exception:  # pint raises several kinds for expressions it cannot abbreviate
        return ""


def dimensionality(expression: str) -> str:
    """pint's dimensionality of a unit expression, as text."""
    return unit_info(expression).dimensionality


def convert(value: float, source: str, target: str) -> float:
    """``value`` in unit ``source`` expressed in ``target`` (offset scales included)."""
    factor = _factor(source, target)
    if factor is not None:
        return value * factor  # what pint computes for a plain ratio, without parsing again
    return float(registry().Quantity(value, source).to(target).magnitude)


@lru_cache(maxsize=4096)  # checks convert between the same few units for every pair of claims
@_remembered
def _factor(source: str, target: str) -> float | None:
    """The ratio from ``source`` to ``target``; None when the conversion has an offset
    (degrees Celsius to Fahrenheit), which no single factor expresses."""
    ureg = registry()
    if ureg.Quantity(0.0, source).to(target).magnitude != 0:
        return None
    return float(ureg.Quantity(1.0, source).to(target).magnitude)


@lru_cache(maxsize=4096)  # checks ask about the same few units for every pair of claims
@_remembered
def same_dimension(first: str, second: str) -> bool:
    """True when two unit expressions measure the same kind of quantity."""
    ureg = registry()
    return bool(ureg.get_dimensionality(first) == ureg.get_dimensionality(second))


@lru_cache(maxsize=4096)  # checks ask about the same few units for every pair of claims
@_remembered
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
