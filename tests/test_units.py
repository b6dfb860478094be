"""Units go through pint; pint's answers are remembered on disk so that a fresh
process need not import it, and a stale or foreign memory is never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pint
import pytest

from tests.conftest import ROOT, SEED
from verify import units


def _fresh_process(cache: Path, code: str) -> str:
    env = {**os.environ, "VERIFY_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return done.stdout.strip()


_CHECK_SEED = f"""
import sys
from verify.api import check_file
report = check_file({str(SEED)!r}).files[0]
print(sorted(f.claim for f in report.findings if f.severity == "error"), "pint" in sys.modules)
"""


def test_a_second_process_answers_from_memory_without_pint(tmp_path: Path) -> None:
    first = _fresh_process(tmp_path, _CHECK_SEED)
    second = _fresh_process(tmp_path, _CHECK_SEED)
    assert first == "['110 kW'] True"  # pint asked, answers kept
    assert second == "['110 kW'] False"  # the same finding without importing pint
    stored = json.loads((tmp_path / "pint-answers.json").read_text(encoding="utf-8"))
    assert stored["answers"]["_name_and_dimensionality\x1fkilovolt"] == [
        "kilovolt",
        str(pint.Unit("kV").dimensionality),
    ]


def test_a_memory_for_another_pint_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_process(tmp_path, _CHECK_SEED)
    path = tmp_path / "pint-answers.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["answers"]["_name_and_dimensionality\x1fkilovolt"] = ["kilovolt", "[length]"]  # a lie it must not believe
    stored["pint"][1] = [0, 0]  # as if pint had been upgraded since
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert _fresh_process(tmp_path, _CHECK_SEED) == "['110 kW'] True"
    assert json.loads(path.read_text(encoding="utf-8"))["pint"] != stored["pint"]


@pytest.mark.parametrize("content", ["{not json", "[]", '{"pint": null}', ""])
def test_an_unreadable_memory_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / "pint-answers.json").write_text(content, encoding="utf-8")
    assert _fresh_process(tmp_path, _CHECK_SEED) == "['110 kW'] True"


def test_a_memory_others_could_write_is_ignored(tmp_path: Path) -> None:
    _fresh_process(tmp_path, _CHECK_SEED)
    (tmp_path / "pint-answers.json").chmod(0o666)
    assert _fresh_process(tmp_path, _CHECK_SEED) == "['110 kW'] True"


def test_conversions_equal_pints_own() -> None:
    registry = units.registry()
    for source, target, value in [
        ("kilometer", "mile", 3.4),
        ("mile / hour", "kilometer / hour", 70.0),
        ("kilowatt", "megawatt", 110.0),
        ("degree_Celsius", "degree_Fahrenheit", 37.5),  # an offset: no single factor
        ("kelvin", "degree_Celsius", 0.0),
        ("acre", "hectare", 1234.5),
    ]:
        assert units.convert(value, source, target) == float(registry.Quantity(value, source).to(target).magnitude)


def test_an_unknown_unit_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(units.LexiconError, match="pint does not know the unit 'furlongs_per_fortnite'"):
            units.unit_info("furlongs_per_fortnite")


def test_lexicon_other_readings_are_pint_units() -> None:
    for form, expressions in units.other_readings().items():
        assert form in units.lexicon(), f"{form!r} has another reading but no first one"
        for expression in expressions:
            assert not units.same_dimension(expression, units.lexicon()[form])  # a reading of another kind
            units.unit_info(expression)  # pint knows it


def test_a_line_with_neither_sign_is_refused() -> None:
    with pytest.raises(units.LexiconError, match="line 2"):
        units.parse_lexicon("meter = m\nfluid_ounce oz\n")
    assert units.parse_other_readings("ounce = oz\nfluid_ounce ~ oz | ounce\n") == {
        "oz": ["fluid_ounce"],
        "ounce": ["fluid_ounce"],
    }
