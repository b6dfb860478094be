"""duration_mismatch and unit_dimension on real sentences: verdicts, evidence, computation, fix."""

from __future__ import annotations

import datetime as dt

from verify.api import check_text, default_rules, select_rules
from verify.findings import Finding

RULES = default_rules()


def run(text: str, rule_prefix: str, published: dt.date | None = None) -> tuple[list[Finding], list[Finding]]:
    report = check_text(text, published=published, rules=select_rules(RULES, [rule_prefix])).files[0]
    return report.findings, report.verified


def test_range_in_the_same_sentence() -> None:
    text = "Additionally, Chirac was mayor of Paris for 16 years, from 1977 to 1995."
    (finding,), _ = run(text, "core.duration-span")
    assert finding.claim == "16 years"
    assert finding.severity == "error"
    assert "17 to 18 years" in finding.computation
    assert [e.text for e in finding.evidence] == ["1977", "1995"]
    assert finding.suggestion == "Write 17 to 18 years, or correct the dates."


def test_whole_years_are_counted_from_the_days() -> None:
    text = "The forces occupied the town on April 2, 1993. The occupation ended on March 1, 2020. The 27-year occupation left scars."
    findings, verified = run(text, "core.duration-span")
    assert not verified
    (finding,) = findings
    assert "26 years" in finding.message


def test_extension_between_two_deadlines() -> None:
    text = (
        "The town was to be returned on November 15, 2020. "
        "The army asked for an additional 10 days, and the deadline was extended until November 27."
    )
    (finding,), _ = run(text, "core.duration-span")
    assert finding.claim == "an additional 10 days"
    assert "12 days" in finding.message


def test_durations_without_tied_dates_are_left_alone() -> None:
    text = "In 2001 he moved to Paris. He spent 18 years in office. In 2015 he retired."
    findings, verified = run(text, "core.duration-span")
    assert findings == [] and verified == []


def test_approximate_duration_tolerates_rounding() -> None:
    text = "The strike went on for about four weeks, from March 1 to March 29, 2019."
    findings, verified = run(text, "core.duration-span")
    assert findings == []
    assert len(verified) == 1


def test_unit_context_kw_for_kv() -> None:
    text = "A 70-km-long 110 kW high-voltage line was built. The substation has 110 kV switchgear."
    (finding,), _ = run(text, "core.unit-dimension-context")
    assert finding.claim == "110 kW"
    assert finding.suggestion == "Did you mean kV?"
    assert finding.evidence[0].text == "110 kV"
    assert "power" in finding.computation and "electric potential" in finding.computation


def test_unit_context_satisfied_by_any_cue() -> None:
    findings, _ = run("The plant has a power output of 50 MW.", "core.unit-dimension")
    assert findings == []


def test_conversion_changes_dimension() -> None:
    text = "The depression was moving northwest at 13 mph (20 km)."
    (finding,), _ = run(text, "core.unit-dimension-conversion")
    assert finding.claim == "20 km"
    assert finding.suggestion == "Did you mean km/h?"
    assert finding.evidence[0].text == "13 mph"


def test_conversion_area_as_length_suggests_square_unit() -> None:
    text = "The butterflies occupied roughly 6.05 hectares (14.95 acres; .0605 km) this year."
    (finding,), _ = run(text, "core.unit-dimension-conversion")
    assert finding.claim == ".0605 km"
    assert finding.suggestion is not None and "km" in finding.suggestion and finding.suggestion != "Did you mean km?"
