"""Units written after numbers, matched against the lexicon (``units.txt``)."""

from __future__ import annotations

import re
from functools import lru_cache

from verify import units

_TAIL = r"(?![A-Za-z0-9²³])"


@lru_cache(maxsize=1)
def _unit_forms() -> tuple[list[str], list[str]]:
    """The written forms, longest first: all of them, and those matched ignoring case."""
    exact = sorted(units.lexicon(), key=len, reverse=True)
    return exact, [form for form in exact if form == form.lower() and len(form) > 2]


# The forms as one alternation would be tried one by one at every number; only those
# that can start with the character written there are, in the same order.
@lru_cache(maxsize=1024)
def _exact_pattern(first: str) -> re.Pattern[str] | None:
    """The forms starting with ``first``, as an alternation; None when there are none."""
    forms = [form for form in _unit_forms()[0] if form[0] == first]
    return re.compile("(?:" + "|".join(re.escape(f) for f in forms) + ")" + _TAIL) if forms else None


@lru_cache(maxsize=1024)
def _folded_pattern(first: str) -> re.Pattern[str] | None:
    """The case-folded forms whose first letter matches ``first`` ignoring case (as
    re.IGNORECASE has it: "ſ" matches "s"), as an alternation; None when there are none."""
    forms = [form for form in _unit_forms()[1] if re.fullmatch(re.escape(form[0]), first, re.IGNORECASE)]
    return re.compile("(?:" + "|".join(re.escape(f) for f in forms) + ")" + _TAIL, re.IGNORECASE) if forms else None


def match_unit(text: str, position: int) -> tuple[int, str] | None:
    """A unit written at ``position`` (after an optional space or hyphen).

    Returns the end offset and the pint expression, or None.
    """
    offset = position
    if offset < len(text) and text[offset] in " \u00a0-\u2009":
        offset += 1
    if offset >= len(text):
        return None
    best: re.Match[str] | None = None
    for pattern in (_exact_pattern(text[offset]), _folded_pattern(text[offset])):
        match = pattern.match(text, offset) if pattern is not None else None
        if match and (best is None or match.end() > best.end()):
            best = match
    if best is None:
        return None
    forms = units.lexicon()
    written = best.group(0)
    expression = forms.get(written) or forms.get(written.lower())
    if expression is None:
        return None
    # "250 km per hour", "30 km a day": a unit the lexicon writes only as a symbol,
    # made a rate by the words after it.
    rate = _PER_TIME.match(text, best.end())
    if rate is not None and "/" not in expression:
        return rate.end(), f"({expression}) / {_TIME_UNITS[rate['time'].lower()]}"
    return best.end(), expression


_TIME_UNITS = {"hour": "hour", "hr": "hour", "h": "hour", "second": "second", "sec": "second", "s": "second",
               "minute": "minute", "min": "minute", "day": "day", "year": "year"}  # fmt: skip
_PER_TIME = re.compile(
    r"(?:\s*/\s*|\s+(?:per|an|a)\s+)(?P<time>hour|hr|h|second|sec|s|minute|min|day|year)\b", re.IGNORECASE
)
