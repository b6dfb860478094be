"""Reading article files from disk, with a clear error for anything unreadable."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

from verify.document.frontmatter import FrontMatterError
from verify.document.model import DEFAULT_DATE_FIELDS, Document, parse_document

#: File endings verify reads as articles when given a folder.
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


class InputError(Exception):
    """A file that cannot be checked; the message names the problem (the caller adds the path)."""


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """Read ``path`` as text exactly as stored (no newline translation; a byte-order
    mark stays as code point 0, so offsets are into the text as read).

    The file is only ever opened for reading. Raises :class:`InputError` for a
    missing, unreadable or non-regular file, a binary file, NUL bytes, or bytes
    that do not decode.
    """
    try:
        if not path.is_file():
            raise InputError("is a folder, not a file" if path.is_dir() else _missing_or_special(path))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}") from None
    if not _wide(encoding) and _looks_binary(data[:_SNIFF]):
        wide = _utf16_without_mark(data[:_SNIFF])
        if wide:
            raise InputError(f"looks like {wide.upper()} text without a byte-order mark; pass --encoding {wide}")
        why = "it contains NUL bytes" if b"\0" in data[:_SNIFF] else "it is mostly control bytes"
        raise InputError(f"is a binary file ({why}); skipped")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(_decode_problem(data, error, encoding)) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise InputError(f"contains a NUL character at line {line}, column {column}; not a text article")
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


#: How much of a file is looked at to tell a binary file from text.
_SNIFF = 8192
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes that plain text does not hold (tab, newlines and form feed excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _missing_or_special(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "is a broken symbolic link"
    return "no such file" if not path.exists() else "is not a regular file (a device, socket or pipe); skipped"


def _wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes: the binary test does not apply."""
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _utf16_without_mark(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when every other byte is NUL, as in Latin text in UTF-16."""
    if len(head) < 4:
        return None
    for name, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) * 10 >= len(zeros) * 9:
            return name
    return None


def _looks_binary(head: bytes) -> bool:
    """Binary when the first bytes are mostly control bytes, or hold NUL bytes in
    a stretch that is not text (a UTF-16 file has its own byte-order mark)."""
    if not head or head[:2] in _UTF16_MARKS:
        return False
    controls = sum(head.count(byte) for byte in _CONTROL)
    if controls * 10 > len(head):  # over a tenth: no article looks like that
        return True
    if b"\0" in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sniffed block is still text.
            return error.start < len(head) - 3
    return False


def _decode_problem(data: bytes, error: UnicodeDecodeError, encoding: str) -> str:
    """Where the first undecodable byte is, as line and column of the text before it."""
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[line_start : error.start].decode(encoding, errors="replace")) + 1
    hint = "pass --encoding to read it as another encoding"
    if data[:2] in _UTF16_MARKS:
        hint = "it starts with a UTF-16 byte-order mark; pass --encoding utf-16"
    return (
        f"is not valid {encoding}: byte 0x{data[error.start]:02x} at line {line}, column {column} "
        f"(byte offset {error.start}); {hint}"
    )
