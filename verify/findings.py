"""Findings: what a rule says about a claim, a problem or a verification."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from verify.spans import Span

Severity = Literal["error", "warning", "info"]

#: The ten kinds of internal inconsistency (shared/corpus/README.md), or "other".
Category = Literal[
    "duration_mismatch",
    "age_mismatch",
    "weekday_mismatch",
    "invalid_date",
    "unit_dimension",
    "conversion_mismatch",
    "conflicting_figure",
    "arithmetic_mismatch",
    "chronology",
    "anniversary_mismatch",
    "other",
]

SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Evidence(BaseModel):
    """A piece of the article a finding rests on, quoted with its place."""

    model_config = ConfigDict(frozen=True)

    text: str
    span: Span
    #: What this piece stands for in the computation ("start", "end", "publication date").
    role: str = ""


class Finding(BaseModel):
    """A problem a rule found, or (in ``FileReport.verified``) a claim it confirmed."""

    rule: str
    category: Category
    severity: Severity
    message: str
    span: Span
    related: list[Span] = []
    #: The claim's text as written.
    claim: str = ""
    #: The sentence the claim stands in, for quoting in reports.
    sentence: str = ""
    evidence: list[Evidence] = []
    #: The arithmetic behind the verdict, in words an editor can follow.
    computation: str = ""
    #: A likely fix, when there is one.
    suggestion: str | None = None
    #: True when the claim stands in quoted speech.
    quoted: bool = False
    #: Documentation of the rule.
    link: str | None = None
