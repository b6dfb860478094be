"""Claim extraction: from a Document to typed claims with exact spans."""

from verify.extraction.extractor import extract_claims

__all__ = ["extract_claims"]
