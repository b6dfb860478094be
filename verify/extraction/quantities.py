"""Units written after numbers, matched against the lexicon (``units.txt``)."""

from __future__ import annotations

import re
from functools import lru_cache

from verify import units


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    forms = units.lexicon()
    exact = sorted(forms, key=len, reverse=True)
    folded = [form for form in exact if form == form.lower() and len(form) > 2]
    tail = r"(?![A-Za-z0-9²³])"
    return (
        re.compile("(?:" + "|".join(re.escape(f) for f in exact) + ")" + tail),
        re.compile("(?:" + "|".join(re.escape(f) for f in folded) + ")" + tail, re.IGNORECASE),
    )


def match_unit(text: str, position: int) -> tuple[int, str] | None:
    """A unit written at ``position`` (after an optional space or hyphen).

    Returns the end offset and the pint expression, or None.
    """
    offset = position
    if offset < len(text) and text[offset] in " \u00a0-\u2009":
        offset += 1
    exact, folded = _unit_patterns()
    best: re.Match[str] | None = None
    for pattern in (exact, folded):
        match = pattern.match(text, offset)
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
