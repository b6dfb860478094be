"""The report: one entry per file with its findings, verifications and claims."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, PrivateAttr, computed_field

from verify.claims import Claim
from verify.claims.packed import PackedClaims
from verify.findings import Finding


class TimelineEvent(BaseModel):
    """A dated event of the article, for the report's timeline."""

    date: str
    label: str
    line: int


class FileReport(BaseModel):
    """Everything verify found in one file."""

    path: str
    findings: list[Finding] = []
    verified: list[Finding] = []
    claims: list[Claim] = []
    title: str | None = None
    #: The date the article's relative dates were resolved against (ISO 8601).
    reference_date: str | None = None
    #: Where the reference date came from: "front matter", "dateline", "--published".
    reference_source: str | None = None
    timeline: list[TimelineEvent] = []
    #: Why the file could not be checked; None when it was.
    error: str | None = None
    #: Notes about the input that are not findings (a skipped binary file, a BOM).
    notes: list[str] = []
    #: A long article's claims when they were packed instead of kept in ``claims``
    #: (see :mod:`verify.claims.packed`); the reports list them as if they were there.
    _packed_claims: PackedClaims | None = PrivateAttr(default=None)

    @classmethod
    def with_packed_claims(cls, packed: PackedClaims, **fields: Any) -> FileReport:
        """A report whose claims are ``packed`` rather than in ``claims``."""
        report = cls(**fields)
        report._packed_claims = packed
        return report

    @property
    def claim_count(self) -> int:
        """How many claims were extracted, packed or not."""
        return len(self.claims) + (len(self._packed_claims) if self._packed_claims is not None else 0)

    def claim_dicts(self) -> Iterator[dict[str, Any]]:
        """Every claim as its JSON-ready dict (``model_dump(mode="json")``), packed or not."""
        for claim in self.claims:
            yield claim.model_dump(mode="json")
        if self._packed_claims is not None:
            yield from self._packed_claims.dicts()

    def count(self, severity: str) -> int:
        """How many findings of ``severity`` the file has."""
        return sum(1 for finding in self.findings if finding.severity == severity)


class Report(BaseModel):
    """The result of one run: a report per file, in the order the files were given."""

    files: list[FileReport] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> dict[str, int]:
        """Counts over all files: files, errors, warnings, infos, verified, claims."""
        return {
            "files": len(self.files),
            "errors": sum(f.count("error") for f in self.files),
            "warnings": sum(f.count("warning") for f in self.files),
            "infos": sum(f.count("info") for f in self.files),
            "verified": sum(len(f.verified) for f in self.files),
            "claims": sum(f.claim_count for f in self.files),
            "unreadable": sum(1 for f in self.files if f.error),
        }
