"""What every check kind shares: its parameters model and the outcomes it yields."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, RootModel

from verify.claims import Claim
from verify.findings import Evidence
from verify.linking import Facts


class Params(BaseModel):
    """Base of every check kind's parameters: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


#: The union of a kind's per-mechanism parameters models.
MechanismsT = TypeVar("MechanismsT")


class ByMechanism(Params, RootModel[MechanismsT], Generic[MechanismsT]):
    """Parameters of a kind with several mechanisms: those of the one a rule names.

    The root is a union of one :class:`Params` model per mechanism, discriminated
    by their ``mechanism`` field (``Annotated[A | B, Field(discriminator="mechanism")]``),
    so a rule may give only its own mechanism's parameters. Dumped, it is the
    mechanism's parameters as a plain mapping, ``mechanism`` included.
    """

    # RootModel accepts no ``extra`` setting; each mechanism's model forbids unknown keys itself.
    model_config = ConfigDict(extra=None)

    @classmethod
    def mechanisms(cls) -> dict[str, type[Params]]:
        """Each mechanism's name and its parameters model, in the order of the union."""
        union = cls.model_fields["root"].annotation
        return {get_args(model.model_fields["mechanism"].annotation)[0]: model for model in get_args(union)}


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


class MechanismCheck(Check):
    """A check kind whose rules each name one mechanism (see :class:`ByMechanism`).

    Each mechanism is a module holding its parameters model and a ``run(facts, params)``
    function; the module of the model a rule's params validate to is the one that runs,
    so the union in the kind's ``Params`` is the only list of its mechanisms.
    """

    @staticmethod
    def mechanism_run(model: type[Params]) -> Callable[[Facts, Any], Iterator[Outcome]]:
        """The ``run`` function of the module that defines the mechanism ``model``."""
        run: Callable[[Facts, Any], Iterator[Outcome]] = sys.modules[model.__module__].run
        return run

    def run(self, facts: Facts, params: ByMechanism[Any]) -> Iterator[Outcome]:
        mechanism = params.root
        yield from self.mechanism_run(type(mechanism))(facts, mechanism)


def evidence(facts: Facts, claim: Claim, role: str) -> Evidence:
    """Evidence quoting a claim."""
    return Evidence(text=claim.text, span=claim.span, role=role)
