"""The document: an article's text as read, with its structure.

``load_document`` reads a file; ``parse_document`` builds a :class:`Document`
from text already in memory.
"""

from verify.document.model import Document, parse_document
from verify.document.reader import InputError, load_document, read_text

__all__ = ["Document", "InputError", "load_document", "parse_document", "read_text"]
