"""Suppression comments: an editor's way to say "this is right, stop flagging it".

Markdown (an HTML comment, invisible when rendered)::

    <!-- verify: ignore core.duration-span -->   the next paragraph, for these rules
    <!-- verify: ignore -->                      the next paragraph, for every rule
    <!-- verify: off -->  ...  <!-- verify: on -->   a region, for every rule

Plain text (a line that holds nothing but the comment; ``%%`` never starts a
line of prose)::

    %% verify: ignore core.duration-span
    %% verify: off
    %% verify: on

Both forms are read in every file. A rule is named by its id, an id prefix or a
category, as with ``--select``; several may be listed, separated by spaces or
commas. A suppression that matched nothing is reported, as ruff reports an
unused ``noqa``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

# Bounded bodies, no nested quantifiers: nothing here can backtrack badly.
_HTML = re.compile(r"<!--[ \t]*verify:(?P<body>[^<>\n]{0,500}?)-->")
_LINE = re.compile(r"^[ \t]*%%[ \t]*verify:(?P<body>[^\n]{0,500})$", re.MULTILINE)
_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,99}")
_SEPARATOR = re.compile(r"[\s,]+")

Directive = Literal["ignore", "off", "on", "invalid"]


@dataclass
class Suppression:
    """One ``verify:`` comment and the stretch of text it covers."""

    #: Where the comment itself stands.
    start: int
    end: int
    directive: Directive
    #: Rule ids, id prefixes or categories; empty means every rule.
    rules: tuple[str, ...] = ()
    #: The ``[start, end)`` stretch it silences (empty for ``on`` and ``invalid``).
    region: tuple[int, int] = (0, 0)
    #: Why an ``invalid`` comment could not be read, or why a directive covers nothing.
    problem: str = ""

    def covers(self, offset: int) -> bool:
        """True when ``offset`` lies in the silenced stretch."""
        return self.region[0] <= offset < self.region[1]

    def silences(self, rule: str, category: str) -> str | None:
        """The name in this comment that silences ``rule``, or None."""
        if self.directive not in ("ignore", "off"):
            return None
        if not self.rules:
            return "*"
        for name in self.rules:
            if rule.startswith(name) or category == name:
                return name
        return None


def find_suppressions(text: str, body_start: int, paragraphs: list[tuple[int, int]]) -> list[Suppression]:
    """Every ``verify:`` comment in the body of ``text``, with the region each covers."""
    found = [_parse(m.start(), m.end(), m["body"]) for m in _HTML.finditer(text, body_start)]
    for m in _LINE.finditer(text, body_start):
        start, end = m.start(), m.end()
        while text[start] in " \t":
            start += 1
        while text[end - 1] in " \t\r":
            end -= 1
        found.append(_parse(start, end, m["body"]))
    found.sort(key=lambda item: item.start)
    comments = [(item.start, item.end) for item in found]
    paragraph_starts = [start for start, _ in paragraphs]
    for index, item in enumerate(found):
        if item.directive == "ignore":
            item.region = _next_paragraph(text, item.end, comments, paragraphs, paragraph_starts)
            if item.region[0] == item.region[1]:
                item.problem = "no paragraph follows it"
        elif item.directive == "off":
            closing = next((later for later in found[index + 1 :] if later.directive == "on"), None)
            item.region = (item.end, closing.start if closing else len(text))
    _mark_stray_on(found)
    return found


def _parse(start: int, end: int, body: str) -> Suppression:
    words = [word for word in _SEPARATOR.split(body.strip()) if word]
    if not words:
        return Suppression(start, end, "invalid", problem="it says nothing after 'verify:'")
    head, names = words[0].lower(), words[1:]
    if head in ("off", "on") and not names:
        return Suppression(start, end, head)  # type: ignore[arg-type]
    if head == "ignore":
        bad = [name for name in names if not _NAME.fullmatch(name)]
        if not bad:
            return Suppression(start, end, "ignore", tuple(names))
        return Suppression(start, end, "invalid", problem=f"{bad[0]!r} is not a rule id, prefix or category")
    return Suppression(start, end, "invalid", problem=f"{' '.join(words)!r} is not 'ignore [RULE...]', 'off' or 'on'")


def _next_paragraph(
    text: str,
    after: int,
    comments: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    paragraph_starts: list[int],
) -> tuple[int, int]:
    """From the first text after ``after`` that is not a comment, to the end of its paragraph."""
    position = after
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        comment = next((c for c in comments if c[0] == position), None)
        if comment is None:
            break
        position = comment[1]
    if position >= len(text):
        return (after, after)
    index = bisect_right(paragraph_starts, position) - 1
    if index >= 0 and position < paragraphs[index][1]:
        return (position, paragraphs[index][1])
    return (after, after)


def _mark_stray_on(found: list[Suppression]) -> None:
    region_open = False
    for item in found:
        if item.directive == "off":
            region_open = True
        elif item.directive == "on":
            if not region_open:
                item.problem = "'on' without an 'off' before it"
            region_open = False


@dataclass
class Matched:
    """Which findings a list of suppressions silenced, and which of their names did it."""

    kept: list[int] = field(default_factory=list)
    silenced: list[int] = field(default_factory=list)
    #: Suppression index → the names (``"*"`` for "every rule") that silenced something.
    used: dict[int, set[str]] = field(default_factory=dict)

    def unused(self, index: int, item: Suppression) -> list[str]:
        """The names of suppression ``index`` that silenced nothing (``["*"]`` for a bare one)."""
        if item.directive not in ("ignore", "off"):
            return []
        used = self.used.get(index, set())
        return [name for name in (list(item.rules) or ["*"]) if name not in used]


def silence(findings: Iterable[tuple[int, str, str]], suppressions: list[Suppression]) -> Matched:
    """Split findings, given as ``(offset, rule, category)``, into kept and silenced indices."""
    matched = Matched()
    for index, (offset, rule, category) in enumerate(findings):
        hit = False
        for number, item in enumerate(suppressions):
            if not item.covers(offset):
                continue
            name = item.silences(rule, category)
            if name is not None:
                matched.used.setdefault(number, set()).add(name)
                hit = True
        (matched.silenced if hit else matched.kept).append(index)
    return matched
