"""The pydantic model of a rule file."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from verify.findings import Category, Severity


class Example(BaseModel):
    """An example sentence, with the publication date it assumes (if any)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    published: dt.date | None = None


def _as_example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Examples(BaseModel):
    """Sentences the rule must flag (``fail``) and must leave alone (``pass``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    fail: list[Example] = Field(min_length=1)
    passing: list[Example] = Field(alias="pass", min_length=1)

    @field_validator("fail", "passing", mode="before")
    @classmethod
    def _strings_are_examples(cls, value: Any) -> Any:
        return [_as_example(item) for item in value] if isinstance(value, list) else value


class Rule(BaseModel):
    """One rule: what to look for (``kind`` + ``params``) and what to say."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
    kind: str
    category: Category
    level: Severity
    #: Message for a problem; ``{name}`` fields come from the check.
    message: str = Field(min_length=1)
    #: Message for a claim checked and found consistent.
    verified: str | None = None
    #: A likely fix; ``{name}`` fields as in ``message``.
    fix: str | None = None
    description: str = Field(min_length=1)
    link: str | None = None
    params: dict[str, Any] = {}
    examples: Examples
    #: The file the rule came from (set by the loader).
    source: str = ""

    @property
    def summary(self) -> str:
        """The first line of the description."""
        return self.description.strip().splitlines()[0]
