"""Typed claims: every checkable statement an article makes, with its exact span.

Each claim type is a pydantic model whose ``type`` field names it, so a list of
claims serialises to the JSON contract in DESIGN.md (``type``, ``text``,
``span`` and a normalised ``value``).
"""

from verify.claims.models import (
    AgeClaim,
    Approx,
    Claim,
    ClaimBase,
    CountClaim,
    DateClaim,
    DurationClaim,
    MoneyClaim,
    NumberClaim,
    OrdinalClaim,
    PercentageClaim,
    QuantityClaim,
    TimeClaim,
)

__all__ = [
    "AgeClaim",
    "Approx",
    "Claim",
    "ClaimBase",
    "CountClaim",
    "DateClaim",
    "DurationClaim",
    "MoneyClaim",
    "NumberClaim",
    "OrdinalClaim",
    "PercentageClaim",
    "QuantityClaim",
    "TimeClaim",
]
