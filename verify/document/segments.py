"""Paragraphs, sentences and quoted speech, as ``(start, end)`` offset pairs."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# A sentence ends at . ! or ? (maybe closed by a quote or bracket) followed by
# white space and something that starts a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=[ \t\r\n]+[\"'“‘(\[]?[A-Z0-9])")
# Words whose period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rep",
        "sen",
        "gov",
        "pres",
        "jr",
        "sr",
        "vs",
        "no",
        "nos",
        "inc",
        "ltd",
        "corp",
        "co",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
        "approx",
        "est",
        "fig",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_QUOTE_PAIRS = {"“": "”", "«": "»"}
#: Lines at least this long may be hard-wrapped prose (wire copy wraps near 65 characters).
_WRAPPED_LINE = 50
#: The end of a line that the next line continues: a comma or a function word.
_CONTINUES = re.compile(
    r"(?:,|\b(?:a|an|the|of|in|on|at|to|by|for|from|with|and|or|than|as|into|per))[ \t\r]*$", re.IGNORECASE
)
#: The longest a sentence may be before it is cut (the longest in the corpus is under 400).
MAX_SENTENCE = 1000


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines, trimmed of surrounding white space."""
    result: list[tuple[int, int]] = []
    position = start
    for gap in _BLANK_LINE.finditer(text, start, end):
        _append_trimmed(text, position, gap.start(), result)
        position = gap.end()
    _append_trimmed(text, position, end, result)
    return result


def sentences(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences within each paragraph; a line break inside a paragraph also ends one
    when the next line starts with a capital (a heading or a list item)."""
    result: list[tuple[int, int]] = []
    for para_start, para_end in paragraph_spans:
        for line_start, line_end in _lines(text, para_start, para_end):
            position = line_start
            for match in _SENTENCE_END.finditer(text, line_start, line_end):
                if _is_abbreviation(text, line_start, match.start()):
                    continue
                _append_sentence(text, position, match.end(), result)
                position = match.end()
            _append_sentence(text, position, line_end, result)
    return result


def _append_sentence(text: str, start: int, end: int, into: list[tuple[int, int]]) -> None:
    """Append a sentence, cut into pieces of at most ``MAX_SENTENCE`` characters at white
    space: checks look at a claim's whole sentence, and a run of megabytes without a full
    stop would make that quadratic. No sentence in real news comes near the limit."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut >= 0 else start + MAX_SENTENCE
        _append_trimmed(text, start, cut, into)
        start = cut
    _append_trimmed(text, start, end, into)


def quotations(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted speech: text between curly quotes, guillemets or paired straight quotes
    within one paragraph (an unclosed quote runs to the paragraph's end)."""
    result = []
    for para_start, para_end in paragraph_spans:
        position = para_start
        while position < para_end:
            opening = _next_quote(text, position, para_end)
            if opening < 0:
                break
            closer = _QUOTE_PAIRS.get(text[opening], '"')
            closing = text.find(closer, opening + 1, para_end)
            stop = para_end if closing < 0 else closing + 1
            result.append((opening, stop))
            position = stop
    return result


def _next_quote(text: str, start: int, end: int) -> int:
    found = [i for i in (text.find(q, start, end) for q in ('"', "“", "«")) if i >= 0]
    return min(found) if found else -1


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    result = []
    position = search = start
    while True:
        newline = text.find("\n", search, end)
        if newline < 0:
            result.append((position, end))
            return result
        search = newline + 1
        # Join soft-wrapped lines: only a line starting with a capital, digit,
        # bullet or quote starts anew, and not after a long line that ends with a comma
        # or a word that cannot end a sentence (hard-wrapped wire copy: "ago, in\nNovember
        # 1978"); a comment line (a suppression) always stands alone.
        if (
            search < end
            and (text[search].isupper() or text[search] in '-*#>"“0123456789')
            and not _wrapped(text, max(position, text.rfind("\n", position, newline) + 1), newline)
        ):
            result.append((position, newline))
            position = search


def _wrapped(text: str, line_start: int, line_end: int) -> bool:
    """True when the physical line ``text[line_start:line_end]`` runs on into the next."""
    return (
        line_end - line_start >= _WRAPPED_LINE
        and _CONTINUES.search(text, max(line_start, line_end - 8), line_end) is not None
        and not text.startswith(("%%", "<!--"), line_start)
    )


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > line_start and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital ("J. Smith") is an initial.
    return len(word) == 1 and text[word_start].isupper()


def _append_trimmed(text: str, start: int, end: int, into: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        into.append((start, end))
