"""The Document: text as read, front matter, reference date and structure."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from verify.document import segments
from verify.document.frontmatter import front_matter_date, split_front_matter
from verify.document.suppression import Suppression, find_suppressions
from verify.spans import LineIndex, Span
from verify.vocab import MONTH_PATTERN, WEEKDAY_PATTERN, WEEKDAYS, month_number

DEFAULT_DATE_FIELDS = ("date", "published")

# A dateline: a line that holds only a date, "Friday, February 1, 2019" or "1 February 2019".
_DATELINE = re.compile(
    rf"(?:(?P<weekday>{WEEKDAY_PATTERN}),?\s+)?"
    rf"(?:(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}}),?\s+|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_PATTERN}),?\s+)"
    r"(?P<year>\d{4})[ \t]*\r?$"
)


@dataclass
class Dateline:
    """The date line at the top of an article's body."""

    date: dt.date
    span: Span
    #: The weekday as written (Monday = 0), if any.
    weekday: int | None = None


@dataclass
class Document:
    """An article ready for extraction.

    ``text`` is the whole file as read; every offset in the pipeline points into it.
    """

    path: str
    text: str
    body_start: int = 0
    front_matter: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    #: The publication date from the front matter or the caller.
    published: dt.date | None = None
    published_source: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    #: ``verify:`` suppression comments (see :mod:`verify.document.suppression`).
    suppressions: list[Suppression] = field(default_factory=list)
    lines: LineIndex = field(default_factory=lambda: LineIndex(""))
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative dates are resolved against: publication date, else dateline."""
        if self.published is not None:
            return self.published
        return self.dateline.date if self.dateline else None

    @property
    def reference_source(self) -> str | None:
        """Where :attr:`reference_date` comes from."""
        if self.published is not None:
            return self.published_source
        return "dateline" if self.dateline else None

    def span(self, start: int, end: int) -> Span:
        """A span with line and column for ``[start, end)``."""
        return self.lines.span(start, end)

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence containing ``offset`` (or the one before it)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        if not self.sentences:
            return ""
        start, end = self.sentences[index]
        return self.text[start:end]

    def paragraph_index(self, offset: int) -> int:
        """The index of the paragraph containing ``offset`` (or the one before it)."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside quoted speech."""
        index = bisect_right(self._quote_starts, start) - 1
        return index >= 0 and end <= self.quotes[index][1]

    def index(self) -> None:
        """Build the lookup tables; call after setting paragraphs, sentences and quotes."""
        self._sentence_starts = [start for start, _ in self.sentences]
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self._quote_starts = [start for start, _ in self.quotes]


def parse_document(
    text: str,
    path: str = "<text>",
    published: dt.date | None = None,
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
) -> Document:
    """Build a Document from text. ``published`` overrides the front matter's date.

    Raises ``FrontMatterError`` for front matter that is not valid YAML or whose
    date does not parse.
    """
    matter = split_front_matter(text)
    document = Document(path=path, text=text, body_start=matter.body_start, front_matter=matter.fields)
    document.lines = LineIndex(text)
    title = matter.fields.get("title")
    document.title = str(title) if title is not None else None
    if published is not None:
        document.published, document.published_source = published, "--published"
    else:
        document.published = front_matter_date(matter.fields, date_fields)
        document.published_source = "front matter" if document.published else None
    document.paragraphs = segments.paragraphs(text, matter.body_start, len(text))
    document.sentences = segments.sentences(text, document.paragraphs)
    document.quotes = segments.quotations(text, document.paragraphs)
    document.suppressions = find_suppressions(text, matter.body_start, document.paragraphs)
    document.index()
    document.dateline = _find_dateline(document)
    if document.title is None:
        document.title = _title_line(document)
    return document


def _title_line(document: Document) -> str | None:
    """A plain-text article's first line is its title when it stands alone and
    reads as a headline: short, no closing punctuation, not the dateline."""
    if len(document.paragraphs) < 2:
        return None
    start, end = document.paragraphs[0]
    line = document.text[start:end]
    if "\n" in line or len(line) > 200 or line.rstrip()[-1] in ".!?:;,":
        return None
    if document.dateline is not None and document.dateline.span.start == start:
        return None
    return line.strip()


def _find_dateline(document: Document) -> Dateline | None:
    # Only the first two paragraphs: a title line may stand before the dateline.
    for start, end in document.paragraphs[:2]:
        match = _DATELINE.match(document.text, start, end)
        if not match or (match.end() < end and document.text[match.end() : end].strip()):
            continue
        month = month_number(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        try:
            date = dt.date(int(match["year"]), month or 0, day)
        except ValueError:
            continue
        weekday = WEEKDAYS[match["weekday"].lower()] if match["weekday"] else None
        return Dateline(date=date, span=document.span(start, end), weekday=weekday)
    return None
