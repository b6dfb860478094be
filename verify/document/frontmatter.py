"""YAML front matter at the top of a Markdown article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


class _Loader(yaml.SafeLoader):
    """Safe loading that keeps timestamps as written: PyYAML would build a date
    itself and fail without naming the field ("date: 2020-02-30")."""


def _timestamp_as_written(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_written)

try:  # libyaml's parser, when PyYAML was built with it, is several times faster

    class _FastLoader(yaml.CSafeLoader):
        """:class:`_Loader` on libyaml."""

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_written)
    _FAST: type[yaml.CSafeLoader] | None = _FastLoader
except AttributeError:
    _FAST = None


def _load(text: str) -> Any:
    """Parse with libyaml when it is there; anything it refuses is parsed again by
    the pure-Python loader, so that errors read the same either way."""
    if _FAST is not None:
        try:
            return yaml.load(text, Loader=_FAST)  # a SafeLoader
        except Exception:
            pass
    return yaml.load(text, Loader=_Loader)


class FrontMatterError(ValueError):
    """Front matter that is not valid YAML, or whose date does not parse."""


@dataclass
class FrontMatter:
    """The parsed front matter and where the body starts."""

    fields: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0


def split_front_matter(text: str) -> FrontMatter:
    """Parse a leading ``---`` block; no block gives empty fields and offset 0."""
    opening = _FENCE.match(text)
    if not opening:
        return FrontMatter()
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise FrontMatterError("front matter opened with '---' is never closed")
    # The YAML starts on the line after the opening fence.
    first_line = text.count("\n", 0, opening.end()) + 1
    try:
        loaded = _load(text[opening.end() : closing.start()])  # safe loaders only
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + first_line}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    except (ValueError, OverflowError) as error:  # a constructor that gave up
        raise FrontMatterError(f"front matter holds a value that does not parse: {error}") from None
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read") from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise FrontMatterError("front matter is not a mapping of fields")
    body_start = closing.end()
    if text.startswith("\r\n", body_start):
        body_start += 2
    elif text.startswith("\n", body_start):
        body_start += 1
    return FrontMatter(fields=loaded, body_start=body_start)


def front_matter_date(fields: dict[str, Any], names: tuple[str, ...]) -> dt.date | None:
    """The publication date from the first of ``names`` present in ``fields``."""
    for name in names:
        if name not in fields or fields[name] in (None, ""):
            continue
        value = fields[name]
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return parse_date_string(str(value), f"front-matter field '{name}'")
    return None


def parse_date_string(value: str, what: str) -> dt.date:
    """Parse an ISO-like or written date; raise FrontMatterError naming ``what``."""
    from dateutil import parser as date_parser

    try:
        return date_parser.isoparse(value.strip()).date()
    except ValueError:
        pass
    try:
        return date_parser.parse(value.strip(), fuzzy=False).date()
    except (ValueError, OverflowError):
        raise FrontMatterError(f"{what} is not a date: {value!r}") from None
