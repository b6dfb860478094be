"""Every rule's own pass/fail example sentences, run as one parametrised test (as sqlfluff does)."""

from __future__ import annotations

import pytest

from verify.api import check_text
from verify.rules import Rule, core_rules_dir, load_rules

RULES = load_rules([core_rules_dir()])
CASES = [
    pytest.param(rule, example, expected, id=f"{rule.id}-{expected}-{number}")
    for rule in RULES
    for expected, examples in (("fail", rule.examples.fail), ("pass", rule.examples.passing))
    for number, example in enumerate(examples, start=1)
]


def _problems(rule: Rule, text: str, published: object) -> list[str]:
    report = check_text(text, published=published, rules=[rule])  # type: ignore[arg-type]
    return [f.message for f in report.files[0].findings if f.rule == rule.id and f.severity != "info"]


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example(rule: Rule, example: object, expected: str) -> None:
    problems = _problems(rule, example.text, example.published)  # type: ignore[attr-defined]
    if expected == "fail":
        assert problems, f"{rule.id} should flag: {example.text!r}"  # type: ignore[attr-defined]
    else:
        assert not problems, f"{rule.id} should not flag {example.text!r}: {problems}"  # type: ignore[attr-defined]


def test_every_rule_has_five_of_each() -> None:
    for rule in RULES:
        assert len(rule.examples.fail) >= 5, rule.id
        assert len(rule.examples.passing) >= 5, rule.id
