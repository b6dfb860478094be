"""What the arithmetic_mismatch mechanisms share: a claim's value, a sentence's figures, formatting."""

from __future__ import annotations

import re

from verify.checks.base import Outcome, evidence
from verify.claims import Claim, CountClaim, MoneyClaim, NumberClaim, PercentageClaim, QuantityClaim
from verify.findings import Evidence
from verify.linking import Facts, stem

_YEAR = re.compile(r"(?:1[6-9]\d\d|20\d\d)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Between two parts of a list of counts: the first part's noun, then a comma or "and".
_JOIN = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def value_of(claim: Claim) -> float | None:
    """A claim's value as a float, or None when it has no single number."""
    value = getattr(claim, "value", None)
    return float(value) if isinstance(value, (int, float)) else None


def is_year(facts: Facts, claim: Claim) -> bool:
    """True for a bare number written as a year ("2019")."""
    return isinstance(claim, NumberClaim) and _YEAR.fullmatch(claim.text.strip()) is not None


def sentence_figures(facts: Facts, sentence: int) -> list[Claim]:
    """Counts and bare numbers of a sentence, years left out."""
    return [
        claim
        for claim in facts.by_sentence.get(sentence, [])
        if isinstance(claim, (CountClaim, NumberClaim)) and not is_year(facts, claim)
    ]


def sentence_bounds(facts: Facts, sentence: int) -> tuple[int, int]:
    """Where a sentence starts and ends; the whole text when the document has no sentences."""
    sentences = facts.document.sentences
    return sentences[sentence] if sentences else (0, len(facts.document.text))


def fmt(value: float) -> str:
    """A figure as the computations show it: plain, or with thousands separators from a million."""
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def span_evidence(facts: Facts, start: int, end: int, role: str) -> Evidence:
    """Evidence quoting the text between ``start`` and ``end``."""
    return Evidence(text=facts.document.text[start:end], span=facts.span(start, end), role=role)


def kind_key(claim: Claim) -> tuple[str, str] | None:
    """What a figure counts or measures, so that only figures of one kind are compared; None for others."""
    if isinstance(claim, PercentageClaim):
        return ("percentage", "")
    if isinstance(claim, MoneyClaim):
        return ("money", claim.currency)
    if isinstance(claim, QuantityClaim) and not isinstance(claim.value, tuple):
        return ("quantity", claim.unit)
    if isinstance(claim, CountClaim) and claim.approx != "vague":
        return ("count", stem(claim.noun))
    return None


def joined(text: str, first: Claim, second: Claim) -> bool:
    """True when ``second`` follows ``first`` in one list of counts ("two rifles, two shotguns and")."""
    return _JOIN.match(text[first.span.end : second.span.start]) is not None


def sum_outcome(facts: Facts, claim: Claim, parts: list[Claim], total: CountClaim) -> Outcome:
    """Parts against a stated total: verified when they add up to it exactly."""
    values = [value_of(p) or 0.0 for p in parts]
    added = sum(values)
    fits = abs(added - total.value) < 1e-9
    shown = " + ".join(fmt(v) for v in values)
    return Outcome(
        claim=claim,
        verified=fits,
        fields={"sum": fmt(added), "total": total.text, "total_value": fmt(total.value), "parts": shown},
        evidence=[evidence(facts, total, "the stated total")]
        + [evidence(facts, p, "a part") for p in parts if p is not claim],
        computation=f"{shown} = {fmt(added)}; the stated total is {fmt(total.value)}.",
    )
