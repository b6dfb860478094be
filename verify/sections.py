"""Long articles, checked a section at a time.

An article longer than :data:`LONG_ARTICLE_CHARS` is cut between sentences
into sections of about :data:`SECTION_CHARS`; each is checked as an article of its own (with the
whole article's reference date), and the spans of what it finds are moved back
to the whole text. Memory then stays bounded however long the input is, and the
time grows linearly; evidence is looked for within a section. Real articles are
far shorter, so this path only guards against huge inputs.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from verify.document import Document
from verify.spans import LineIndex, Span

#: Characters of body text above which an article is checked in sections.
LONG_ARTICLE_CHARS = 1_000_000
#: The size of a section, in characters.
SECTION_CHARS = 100_000

ModelT = TypeVar("ModelT", bound=BaseModel)


def section_bounds(
    document: Document, size: int = SECTION_CHARS, threshold: int = LONG_ARTICLE_CHARS
) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of whole sentences, each about ``size`` characters;
    a single range (the body) for an article no longer than ``threshold``."""
    body = (document.body_start, len(document.text))
    if body[1] - body[0] <= threshold or not document.sentences:
        return [body]
    result = []
    start = body[0]
    for _, sentence_end in document.sentences:
        if sentence_end - start >= size:
            result.append((start, sentence_end))
            start = sentence_end
    if start < body[1]:
        result.append((start, body[1]))
    return result


def shifted(model: ModelT, offset: int, lines: LineIndex) -> ModelT:
    """A copy of a claim or finding whose spans (and offsets) point ``offset``
    characters further on, with lines and columns from ``lines``."""
    update: dict[str, Any] = {}
    for name, value in model:
        moved = value + offset if name == "converts" and isinstance(value, int) else _moved(value, offset, lines)
        if moved is not value:
            update[name] = moved
    return model.model_copy(update=update) if update else model


def _moved(value: Any, offset: int, lines: LineIndex) -> Any:
    if isinstance(value, Span):
        return lines.span(value.start + offset, value.end + offset)
    if isinstance(value, BaseModel):
        return shifted(value, offset, lines)
    if isinstance(value, list):
        items = [_moved(item, offset, lines) for item in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    return value
