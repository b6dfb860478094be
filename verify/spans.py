"""Spans: where a piece of text lies in the file as read.

Offsets are Python ``str`` indices (code points) into the whole text, front
matter included; ``line`` and ``column`` are 1-based, as editors count them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pydantic import BaseModel, ConfigDict


class Span(BaseModel):
    """A ``[start, end)`` range of the file's text with its 1-based line and column."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int


class LineIndex:
    """Turns offsets into 1-based line and column numbers.

    Lines end at ``\\n``; a ``\\r`` before it belongs to the line, so CRLF files
    count lines and columns as an editor does.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(match.end() for match in re.finditer("\n", text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` for ``[start, end)``."""
        line, column = self.line_col(start)
        return Span(start=start, end=end, line=line, column=column)
