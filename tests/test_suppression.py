"""Suppression comments: `<!-- verify: ignore RULE -->`, `verify: off`/`on`, the plain-text `%%` line,
and the report of a suppression that silenced nothing."""

from __future__ import annotations

from verify.api import check_text
from verify.document import parse_document
from verify.findings import Finding
from verify.rules import Rule

WRONG = "Chirac was mayor of Paris for 16 years, from 1977 to 1995."
WRONG_TOO = "The strike went on for two weeks, from March 1 to March 29, 2019."
RIGHT = "Chirac was mayor of Paris for 18 years, from 1977 to 1995."


def _findings(text: str, rules: list[Rule]) -> list[Finding]:
    # Only the duration rule runs: what is silenced must not depend on what other rules find.
    chosen = [rule for rule in rules if rule.id == "core.duration-span"]
    return check_text(text, rules=chosen).files[0].findings


def _rules(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.span.line) for f in findings]


def test_ignore_comment_silences_the_next_paragraph_only(core_rules: list[Rule]) -> None:
    text = f"<!-- verify: ignore core.duration-span -->\n{WRONG}\n\n{WRONG_TOO}\n"
    findings = _findings(text, core_rules)
    assert _rules(findings) == [("core.duration-span", 4)]
    report = check_text(text, rules=core_rules).files[0]
    assert report.notes == ["1 finding(s) silenced by verify: comments."]


def test_ignore_comment_on_its_own_paragraph_reaches_the_paragraph_after_the_blank_line(
    core_rules: list[Rule],
) -> None:
    text = f"{WRONG_TOO}\n\n<!-- verify: ignore -->\n\n{WRONG}\n"
    assert _rules(_findings(text, core_rules)) == [("core.duration-span", 1)]


def test_rules_are_named_by_id_prefix_or_category(core_rules: list[Rule]) -> None:
    for name in ("core.duration-span", "core.duration", "duration_mismatch", "core.unit-dimension-context core"):
        text = f"<!-- verify: ignore {name} -->\n{WRONG}\n"
        problems = [f for f in _findings(text, core_rules) if f.rule.startswith("core.")]
        assert problems == [], name


def test_a_comment_for_another_rule_does_not_silence_and_is_reported_unused(core_rules: list[Rule]) -> None:
    text = f"<!-- verify: ignore unit_dimension -->\n{WRONG}\n"
    findings = _findings(text, core_rules)
    assert _rules(findings) == [("verify.unused-suppression", 1), ("core.duration-span", 2)]
    unused = findings[0]
    assert unused.severity == "warning"
    assert unused.category == "other"
    assert "'unit_dimension'" in unused.message
    assert (unused.span.start, unused.span.end) == (0, text.index("\n"))


def test_only_the_unused_names_of_a_comment_are_reported(core_rules: list[Rule]) -> None:
    text = f"<!-- verify: ignore core.duration-span, core.weekday-date -->\n{WRONG}\n"
    findings = _findings(text, core_rules)
    assert _rules(findings) == [("verify.unused-suppression", 1)]
    assert "'core.weekday-date'" in findings[0].message
    assert "duration" not in findings[0].message


def test_an_unused_name_that_no_rule_carries_is_called_out(core_rules: list[Rule]) -> None:
    text = f"<!-- verify: ignore core.duration-span core.duraton-span -->\n{WRONG}\n"
    [finding] = _findings(text, core_rules)
    assert finding.message == (
        "Unused suppression: 'core.duraton-span' silenced no finding here (no rule named 'core.duraton-span' ran)."
    )


def test_off_on_region(core_rules: list[Rule]) -> None:
    text = f"{WRONG}\n\n<!-- verify: off -->\n\n{WRONG_TOO}\n\n{WRONG}\n\n<!-- verify: on -->\n\n{WRONG_TOO}\n"
    assert _rules(_findings(text, core_rules)) == [("core.duration-span", 1), ("core.duration-span", 11)]


def test_off_without_on_runs_to_the_end(core_rules: list[Rule]) -> None:
    text = f"{WRONG}\n\n<!-- verify: off -->\n{WRONG_TOO}\n\n{WRONG}\n"
    assert _rules(_findings(text, core_rules)) == [("core.duration-span", 1)]


def test_plain_text_line_comment(core_rules: list[Rule]) -> None:
    text = f"%% verify: ignore core.duration-span\n{WRONG}\n\n%% verify: off\n{WRONG_TOO}\n%% verify: on\n{WRONG}\n"
    assert _rules(_findings(text, core_rules)) == [("core.duration-span", 7)]


def test_an_empty_region_and_a_stray_on_are_reported(core_rules: list[Rule]) -> None:
    text = f"{RIGHT}\n\n<!-- verify: off -->\n{RIGHT}\n<!-- verify: on -->\n\n%% verify: on\n"
    findings = _findings(text, core_rules)
    assert _rules(findings) == [("verify.unused-suppression", 3), ("verify.unused-suppression", 7)]
    assert "'on' without an 'off'" in findings[1].message


def test_a_misspelt_directive_is_reported_and_silences_nothing(core_rules: list[Rule]) -> None:
    text = f"<!-- verify: ignroe core.duration-span -->\n{WRONG}\n"
    findings = _findings(text, core_rules)
    assert _rules(findings) == [("verify.invalid-suppression", 1), ("core.duration-span", 2)]
    assert "'ignroe core.duration-span'" in findings[0].message


def test_prose_is_never_a_directive() -> None:
    text = (
        "Editors must verify: ignore nothing.\n\n"
        "The rise was 50%% verify: off the charts, she said.\n\n"
        "A comment <!-- not for verify --> stays a comment.\n"
    )
    assert parse_document(text).suppressions == []


def test_comments_in_front_matter_are_not_read() -> None:
    text = "---\ntitle: '<!-- verify: off -->'\n---\nBody.\n"
    assert parse_document(text).suppressions == []


def test_suppressed_findings_leave_no_error(core_rules: list[Rule]) -> None:
    report = check_text(f"<!-- verify: ignore -->\n{WRONG}\n", rules=core_rules)
    assert report.summary["errors"] == 0
    assert report.summary["warnings"] == 0
