"""Numbers as news text writes them: digits, words, scales and qualifiers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from verify.claims import Approx
from verify.extraction.wordstart import BOUNDARY_BEHIND, dispatch, finditer_at, ignorecase_words, lowered_for_search

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip

_UNIT_ALT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS_WORDS)
_SCALE_ALT = "|".join(SCALES)

# The plain forms of what NUMBER matches (NUMBER is the same pattern, written for speed):
# Digits: "53,340", "1.2", ".0605", "3 400" is not joined (too ambiguous).
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])"
# Words: "twenty-seven", "seven", "a dozen"; scales are added after.
_WORDS = rf"\b(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT}))?|{_UNIT_ALT}|a dozen|dozen|a hundred|a thousand)\b"


# _DIGITS | _WORDS (ignoring case), written to open with a character class (see wordstart):
# the first character is taken, then the digits or the words that start with it go on.
_NUMBER_WORDS = [
    *(rf"{tens}(?:[- ](?:{_UNIT_ALT}))?" for tens in TENS_WORDS),
    *sorted(UNITS_WORDS, key=len, reverse=True),
    "a dozen",
    "dozen",
    "a hundred",
    "a thousand",
]
_NUMBER_START = dispatch(
    [
        (r"\d", r"(?<![\w.,].)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)(?![\d])"),
        (".", r"(?<![\w.,].)\d+(?![\d])"),
        *((first, rf"{rest}\b") for first, rest in ignorecase_words(_NUMBER_WORDS, behind="")),
    ],
    common=BOUNDARY_BEHIND,  # implied by every branch: not after a word character
)
NUMBER = re.compile(rf"(?P<num>{_NUMBER_START})(?P<scale>(?i:\s+(?:{_SCALE_ALT})\b(?:\s+(?:{_SCALE_ALT})\b)?))?")

# Qualifiers written before a number, longest first.
_APPROX_BEFORE = [
    ("more than", "over"), ("greater than", "over"), ("in excess of", "over"), ("upwards of", "over"),
    ("just over", "over"), ("just under", "under"), ("less than", "under"), ("fewer than", "under"),
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"), ("a minimum of", "at_least"),
    ("at most", "at_most"), ("up to", "at_most"), ("no more than", "at_most"), ("as many as", "at_most"),
    ("a maximum of", "at_most"), ("as high as", "at_most"), ("as low as", "at_least"), ("as few as", "at_least"),
    ("approximately", "about"), ("roughly", "about"), ("around", "about"), ("about", "about"),
    ("nearly", "under"), ("almost", "under"), ("close to", "about"), ("some", "about"), ("an estimated", "about"),
    ("estimated", "about"), ("circa", "about"), ("over", "over"), ("under", "under"), ("below", "under"),
    ("above", "over"), ("averaged around", "about"), ("averaged", "about"), ("~", "about"),
]  # fmt: skip
_APPROX_RE = re.compile(
    r"(?:^|(?<=[\s(\[\"“]))(?P<q>"
    + "|".join(re.escape(q) for q, _ in sorted(_APPROX_BEFORE, key=lambda p: len(p[0]), reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_APPROX_KIND: dict[str, Approx] = {q: kind for q, kind in _APPROX_BEFORE}  # type: ignore[misc]
#: The longest qualifier: one that ends where the white space before a number starts
#: begins at most this far before it.
_APPROX_LONGEST = max(len(q) for q, _ in _APPROX_BEFORE)

# Vague amounts: "hundreds of", "dozens of", "thousands of".
_VAGUE_WORDS = ["dozens", "scores", "hundreds", "thousands", "tens of thousands", "millions", "billions"]
VAGUE = re.compile(
    rf"(?P<vague>{dispatch(ignorecase_words(_VAGUE_WORDS, behind=''), common=BOUNDARY_BEHIND)})(?i:\s+of)\b"
)
# Words every VAGUE match holds ("tens of thousands" holds "thousands").
_VAGUE_HINTS = [word for word in _VAGUE_WORDS if " " not in word]
_VAGUE_VALUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
                "millions": 2e6, "billions": 2e9}  # fmt: skip


class NumberMatch(NamedTuple):
    """A number found in text, with its qualifier (a tuple: made for every number, cheaply)."""

    start: int
    end: int
    value: float
    approx: Approx
    #: Where the qualifier ("over", "about") starts; equals ``start`` when there is none.
    qualifier_start: int
    is_word: bool


def word_value(words: str) -> float | None:
    """The value of a number written in words ("twenty-seven" → 27, "a dozen" → 12)."""
    key = words.lower().replace("-", " ").strip()
    if key in ("a dozen", "dozen"):
        return 12
    if key.startswith("a "):
        key = "one " + key[2:]
    total = 0.0
    for part in key.split():
        if part in UNITS_WORDS:
            total += UNITS_WORDS[part]
        elif part in TENS_WORDS:
            total += TENS_WORDS[part]
        elif part in SCALES:
            total = max(total, 1) * SCALES[part]
        else:
            return None
    return total


def parse_number(text: str) -> float | None:
    """The value of a number as written ("53,340", "1.2 million", "seven")."""
    match = NUMBER.fullmatch(text.strip())
    if not match:
        return None
    return _value(match)


def _value(match: re.Match[str]) -> float | None:
    raw = match["num"]
    if raw[0].isdigit() or raw[0] == ".":
        value: float | None = float(raw.replace(",", ""))
    else:
        value = word_value(raw)
    if value is None:
        return None
    if match["scale"]:
        for part in match["scale"].split():
            value *= SCALES[part.lower()]
    return value


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every number in ``text[start:end]`` with its qualifier, in order."""
    end = len(text) if end is None else end
    result = []
    for match in NUMBER.finditer(text, start, end):
        value = _value(match)
        if value is None:
            continue
        approx: Approx = "exact"
        qualifier_start = match.start()
        before = text[max(0, match.start() - 24) : match.start()]
        qualifier = _qualifier(before)
        if qualifier:
            approx = _APPROX_KIND[qualifier["q"].lower()]
            qualifier_start = match.start() - (len(before) - qualifier.start("q"))
        result.append(
            NumberMatch(
                start=match.start(),
                end=match.end(),
                value=value,
                approx=approx,
                qualifier_start=qualifier_start,
                is_word=not (match["num"][0].isdigit() or match["num"][0] == "."),
            )
        )
    return result


def approx_before(before: str) -> Approx:
    """The qualifier that ``before`` ends with ("less than " → "under"), or "exact"."""
    qualifier = _qualifier(before)
    return _APPROX_KIND[qualifier["q"].lower()] if qualifier else "exact"


def _qualifier(before: str) -> re.Match[str] | None:
    """``_APPROX_RE.search(before)``, tried only where a match can start: a qualifier is
    followed by white space up to the number (str.isspace and ``\\s`` agree on every
    character), so it ends where that white space begins."""
    words_end = len(before.rstrip())
    if words_end == len(before):
        return None  # no white space before the number: "~5", "x5"
    return _APPROX_RE.search(before, max(0, words_end - _APPROX_LONGEST))


def find_vague(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``VAGUE.finditer(text, start, end)``; most articles hold none of its words, and in
    ASCII text (where case folds stay within ASCII letters) a substring check of the text
    in lower case is far cheaper than the search."""
    if text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _VAGUE_HINTS):
            return
    # Each match opens with one of the words: the pattern is tried only where one stands.
    yield from finditer_at(VAGUE, text, lowered_for_search(text), _VAGUE_WORDS, start, end)


def vague_value(word: str) -> float:
    """A representative value for a vague amount ("hundreds" → 200)."""
    return _VAGUE_VALUE[word.lower()]


_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_ORDINAL_PARTS = re.compile(r"[- ]")


@lru_cache(maxsize=1024)  # the same few ordinals recur in every article
def ordinal_value(word: str) -> int | None:
    """The value of an ordinal ("fourth" → 4, "110th" → 110, "twenty-first" → 21)."""
    lowered = word.lower()
    match = _DIGIT_ORDINAL.fullmatch(lowered)
    if match:
        return int(match[1])
    if lowered in ORDINAL_WORDS:
        return ORDINAL_WORDS[lowered]
    parts = _ORDINAL_PARTS.split(lowered)
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in ORDINAL_WORDS:
        return TENS_WORDS[parts[0]] + ORDINAL_WORDS[parts[1]]
    return None


_ORDINAL_WORD_ALT = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
# \b(?:\d+(?:st|nd|rd|th)|(?:TENS-)?ORDINAL)\b ignoring case, opening with a character class.
_ORDINAL_WORDS_FLAT = [
    *(rf"{tens}-(?:{_ORDINAL_WORD_ALT})" for tens in TENS_WORDS),
    *sorted(ORDINAL_WORDS, key=len, reverse=True),
]
_ORDINAL_START = dispatch(
    [
        (r"\d", r"\d*(?i:st|nd|rd|th)\b"),
        *((first, rf"{rest}\b") for first, rest in ignorecase_words(_ORDINAL_WORDS_FLAT, behind="")),
    ],
    common=BOUNDARY_BEHIND,
)
ORDINAL = re.compile(rf"(?P<ord>{_ORDINAL_START})")
