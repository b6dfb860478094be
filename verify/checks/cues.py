"""Cue words as one regex: "does any of these words stand here?" in a single search.

Checks ask, for every claim or sentence, whether one of a rule's cue words stands
next to it. One search per cue builds and looks up a pattern each time; one
alternation of all cues, compiled once per list, answers the same question in one
pass (an alternation matches wherever any of its branches would).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Where the alternation of cues goes in a template.
CUES = "{cues}"


@lru_cache(maxsize=512)
def cue_pattern(template: str, cues: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """``template`` with ``{cues}`` replaced by a group of the escaped cues, compiled."""
    alternation = "|".join(re.escape(cue) for cue in cues)
    return re.compile(template.replace(CUES, f"(?:{alternation})"), flags)


def any_cue_search(template: str, cues: list[str] | tuple[str, ...], text: str) -> bool:
    """True when ``re.search(template with cue, text)`` holds for some cue."""
    return bool(cues) and cue_pattern(template, tuple(cues)).search(text) is not None


def any_cue_match(template: str, cues: list[str] | tuple[str, ...], text: str) -> bool:
    """True when ``re.match(template with cue, text)`` holds for some cue."""
    return bool(cues) and cue_pattern(template, tuple(cues)).match(text) is not None
