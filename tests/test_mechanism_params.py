"""Kinds with several mechanisms: each mechanism takes only its own parameters.

conflicting_figure and arithmetic_mismatch validate a rule's params by the model of
the mechanism it names; a bad rule file is still refused with its line and field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from verify.checks import get_check
from verify.checks.base import ByMechanism, MechanismCheck
from verify.rules import RuleError, core_rules_dir, load_rule_file

SCHEDULED = (core_rules_dir() / "conflicting-scheduled.yaml").read_text(encoding="utf-8")
LIST_COUNT = (core_rules_dir() / "arithmetic-list-count.yaml").read_text(encoding="utf-8")


def _refusal(folder: Path, text: str) -> str:
    path = folder / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    return str(caught.value)


def _line(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("original", "mechanism", "foreign"),
    [
        pytest.param(SCHEDULED, "scheduled", "  min_difference: 3", id="conflicting_figure"),
        pytest.param(LIST_COUNT, "enumeration", "  tolerance: 0.1", id="arithmetic_mismatch"),
    ],
)
def test_a_parameter_of_another_mechanism_is_refused_with_its_line(
    tmp_path: Path, original: str, mechanism: str, foreign: str
) -> None:
    text = original.replace(f"  mechanism: {mechanism}\n", f"  mechanism: {mechanism}\n{foreign}\n")
    field = foreign.split(":")[0].strip()
    message = _refusal(tmp_path, text)
    assert re.search(
        rf"rule\.yaml:{_line(text, foreign)}: field 'params\.{field}': is not a known field of mechanism '{mechanism}'",
        message,
    ), message


def test_an_unknown_mechanism_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    text = SCHEDULED.replace("mechanism: scheduled", "mechanism: sheduled")
    message = _refusal(tmp_path, text)
    line = _line(text, "mechanism: sheduled")
    assert f"rule.yaml:{line}: field 'params.mechanism': unknown mechanism 'sheduled' (known: age, birth," in message
    assert "scheduled)" in message


def test_a_missing_mechanism_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    text = LIST_COUNT.replace("  mechanism: enumeration\n", "")
    message = _refusal(tmp_path, text)
    assert re.search(
        rf"rule\.yaml:{_line(text, 'params:')}: field 'params\.mechanism': is required but missing "
        r"\(known: average, breakdown, change, enumeration, group, revision, subset, total\)",
        message,
    ), message


def test_a_bad_value_deep_in_a_mechanism_is_placed_without_the_mechanism_name(tmp_path: Path) -> None:
    text = SCHEDULED.replace('    taking office: ["take office"', '    taking office: 5\n    other: ["take office"')
    message = _refusal(tmp_path, text)
    assert f"rule.yaml:{_line(text, 'taking office: 5')}: field 'params.events.taking office': " in message
    assert "scheduled" not in message.split(": ", 1)[1]


@pytest.mark.parametrize("kind", ["conflicting_figure", "arithmetic_mismatch"])
def test_every_mechanism_has_a_run_function_and_only_its_own_parameters(kind: str) -> None:
    check = get_check(kind)
    assert isinstance(check, MechanismCheck) and issubclass(check.Params, ByMechanism)
    models = check.Params.mechanisms()
    for name, model in models.items():
        assert callable(check.mechanism_run(model))
        validated = check.Params.model_validate({"mechanism": name})
        assert isinstance(validated.root, model)
        assert set(validated.model_dump()) == set(model.model_fields)
