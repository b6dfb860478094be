"""The seed article's acceptance: what verify must find, verify and leave alone on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import SEED
from verify.api import check_file
from verify.reports.model import FileReport


@pytest.fixture(scope="module")
def seed_report() -> FileReport:
    return check_file(SEED).files[0]


def test_exactly_one_problem_the_kw_line(seed_report: FileReport) -> None:
    problems = [f for f in seed_report.findings if f.severity in ("warning", "error")]
    assert len(problems) == 1
    finding = problems[0]
    assert finding.claim == "110 kW"
    assert finding.severity == "error"
    assert finding.category == "unit_dimension"
    assert finding.suggestion is not None and "kV" in finding.suggestion
    assert "110 kV" in [item.text for item in finding.evidence]
    text = SEED.read_text(encoding="utf-8")
    assert text[finding.span.start : finding.span.end] == "110 kW"
    assert (finding.span.line, finding.span.column) == (21, 14)


def _verified(report: FileReport, claim: str) -> list[str]:
    return [f.computation for f in report.verified if f.claim == claim]


def test_durations_verified_with_their_dates(seed_report: FileReport) -> None:
    twenty_seven = _verified(seed_report, "27-year")
    assert len(twenty_seven) == 2
    for computation in twenty_seven:
        assert "April 2, 1993" in computation and "November 2020" in computation and "27 years" in computation
    (extension,) = _verified(seed_report, "an additional 10 days")
    assert "November 15, 2020" in extension and "November 25, 2020" in extension
    (war,) = _verified(seed_report, "44-day")
    assert "September 27, 2020" in war and "November 10, 2020" in war


@pytest.mark.parametrize(
    ("text", "claim_type"),
    [
        ("110/35/10 kV", "quantity"),
        ("80 MVA", "quantity"),
        ("70-km", "quantity"),
        ("11.6-kilometer", "quantity"),
        ("3.4-kilometer", "quantity"),
        ("3,400 meters", "quantity"),
        ("53,340", "count"),
        ("Over 71,000", "count"),
        ("55", "count"),
        ("511", "count"),
    ],
)
def test_claims_extracted(seed_report: FileReport, text: str, claim_type: str) -> None:
    matches = [c for c in seed_report.claims if c.text == text]
    assert matches, f"{text!r} not extracted"
    assert matches[0].type == claim_type


def test_claim_values(seed_report: FileReport) -> None:
    by_text = {c.text: c.model_dump(mode="json") for c in seed_report.claims}
    assert by_text["110/35/10 kV"]["unit"] == "kilovolt"
    assert by_text["110/35/10 kV"]["values"] == [110.0, 35.0, 10.0]
    assert by_text["80 MVA"]["unit"] == "megavolt_ampere"
    assert by_text["3,400 meters"]["value"] == 3400
    assert by_text["53,340"]["noun"] == "people"
    assert by_text["Over 71,000"]["approx"] == "over"
    assert by_text["55"]["noun"] == "servicemen"
    assert by_text["511"]["noun"] == "civilians"


def test_nothing_else_flagged(seed_report: FileReport) -> None:
    flagged = {f.claim for f in seed_report.findings}
    for innocent in ("80 MVA", "110/35/10 kV", "power", "822", "X", "hundreds of", "53,340", "Over 71,000"):
        assert innocent not in flagged


def test_spans_quote_the_file(seed_report: FileReport) -> None:
    text = Path(SEED).read_text(encoding="utf-8")
    for claim in seed_report.claims:
        assert text[claim.span.start : claim.span.end] == claim.text


@pytest.mark.parametrize(
    ("published", "severity", "years"), [("2021-11-25", "info", "1 year"), ("2023-11-25", "error", "3 years")]
)
def test_first_anniversary_is_dated_by_the_end_of_the_occupation(published: str, severity: str, years: str) -> None:
    report = check_file(SEED, published=dt.date.fromisoformat(published)).files[0]
    (result,) = [f for f in report.findings + report.verified if f.category == "anniversary_mismatch"]
    assert result.severity == severity
    assert "from November 2020" in result.message and years in result.message
    problems = [f for f in report.findings if f.severity != "info"]
    assert len(problems) == (1 if severity == "info" else 2)
