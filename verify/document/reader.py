"""Reading article files from disk, with a clear error for anything unreadable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from verify.document.frontmatter import FrontMatterError
from verify.document.model import DEFAULT_DATE_FIELDS, Document, parse_document

#: File endings verify reads as articles when given a folder.
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


class InputError(Exception):
    """A file that cannot be checked; the message names the problem (the caller adds the path)."""


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """Read ``path`` as text exactly as stored (no newline translation).

    Raises :class:`InputError` for a missing or unreadable file, a binary file,
    or bytes that do not decode.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}") from None
    if b"\x00" in data[:8192] and not _looks_like_utf16(data):
        raise InputError("is a binary file (it contains NUL bytes); skipped")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"is not valid {encoding}: byte 0x{data[error.start]:02x} at line {line}, column {column} "
            f"(offset {error.start}); pass --encoding to read it as another encoding"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    return text


def load_document(
    path: Path,
    published: dt.date | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
) -> Document:
    """Read and parse one article. Raises :class:`InputError` with the problem."""
    text = read_text(path, encoding)
    if not text.strip():
        raise InputError("is empty")
    try:
        return parse_document(text, path=str(path), published=published, date_fields=date_fields)
    except FrontMatterError as error:
        raise InputError(str(error)) from None


def _looks_like_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")
