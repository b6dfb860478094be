"""What every check kind shares: its parameters model and the outcomes it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from verify.claims import Claim
from verify.findings import Evidence
from verify.linking import Facts


class Params(BaseModel):
    """Base of every check kind's parameters: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class Outcome:
    """What a check concluded about one claim.

    ``fields`` fill the rule's message, verified and fix templates.
    """

    claim: Claim
    verified: bool
    fields: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)
    computation: str = ""
    #: Overrides the claim's span when the finding covers more (weekday and date).
    start: int | None = None
    end: int | None = None


class Check:
    """A check kind: implemented once, configured by any number of rule files."""

    kind: ClassVar[str]
    Params: ClassVar[type[Params]]

    def run(self, facts: Facts, params: Any) -> Iterator[Outcome]:
        """Yield an outcome for each claim the check could decide."""
        raise NotImplementedError


def evidence(facts: Facts, claim: Claim, role: str) -> Evidence:
    """Evidence quoting a claim."""
    return Evidence(text=claim.text, span=claim.span, role=role)
