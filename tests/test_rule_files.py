"""Broken rule packs: each is refused with its path, the line, the field and the reason.

Each case starts from a valid rule file and breaks one thing in it, then loads it
through the library and through ``verify check --rules DIR``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verify.cli import app
from verify.rules import RuleError, core_rules_dir, load_rule_file, load_rules

VALID = """\
id: extra.voltage-cue
kind: unit_dimension
category: unit_dimension
level: error
description: A unit that is not a voltage where the text says voltage.
message: "'{claim}' is a unit of {found}, but '{cue}' calls for {expected}."
params:
  window: 4
  cues:
    - words: [voltage, high-voltage]
      expect: volt
examples:
  fail:
    - "A 110 kW high-voltage line was laid."
  pass:
    - "A 110 kV high-voltage line was laid."
"""


def _write(folder: Path, text: str, name: str = "rule.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    return str(caught.value)


def test_the_valid_file_loads(tmp_path: Path) -> None:
    rule = load_rule_file(_write(tmp_path, VALID))
    assert rule.id == "extra.voltage-cue"
    assert rule.params["cues"][0]["expect"] == "volt"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        pytest.param(
            VALID.replace("  window: 4\n", "  window: [4\n"),
            r"rule\.yaml:\d+:\d+: not valid YAML: ",
            id="yaml-syntax",
        ),
        pytest.param(
            VALID.replace("kind: unit_dimension", "kind: unit_dimensions"),
            r"rule\.yaml:2: field 'kind': unknown check kind 'unit_dimensions' \(known: .*unit_dimension",
            id="unknown-kind",
        ),
        pytest.param(
            VALID.replace("level: error\n", ""),
            r"rule\.yaml: field 'level': is required but missing",
            id="missing-field",
        ),
        pytest.param(
            VALID.replace("level: error", "level: fatal"),
            r"rule\.yaml:4: field 'level': .*'error'.*\(got 'fatal'\)",
            id="mistyped-level",
        ),
        pytest.param(
            VALID.replace("  window: 4", "  window: four"),
            r"rule\.yaml:8: field 'params\.window': .*integer.*\(got 'four'\)",
            id="mistyped-param",
        ),
        pytest.param(
            VALID.replace("  window: 4", "  windw: 4"),
            r"rule\.yaml:8: field 'params\.windw': is not a known field",
            id="unknown-param",
        ),
        pytest.param(
            VALID.replace("expect: volt", "expect: voltz"),
            r"rule\.yaml:11: field 'params\.cues\.0\.expect': .*voltz",
            id="unknown-unit",
        ),
        pytest.param(
            VALID.replace("expect: volt", "expect: meter * banana"),
            r"rule\.yaml:11: field 'params\.cues\.0\.expect': .*banana",
            id="unknown-dimension",
        ),
        pytest.param(
            VALID.replace('  pass:\n    - "A 110 kV high-voltage line was laid."\n', "  pass: []\n"),
            r"rule\.yaml:15: field 'examples\.pass': .*at least 1",
            id="no-pass-example",
        ),
        pytest.param(
            VALID.replace("id: extra.voltage-cue", "id: Extra Voltage"),
            r"rule\.yaml:1: field 'id': .*pattern.*\(got 'Extra Voltage'\)",
            id="bad-id",
        ),
        pytest.param(
            VALID + "level: warning\n",
            r"rule\.yaml:17: field 'level': given twice \(first on line 4\)",
            id="key-twice",
        ),
        pytest.param("", r"rule\.yaml: is empty", id="empty"),
        pytest.param(
            "- just\n- a list\n", r"rule\.yaml: a rule file must be a mapping of fields, not a list", id="list"
        ),
    ],
)
def test_a_broken_rule_is_refused_with_path_line_field_and_reason(tmp_path: Path, broken: str, expected: str) -> None:
    message = _refusal(_write(tmp_path, broken))
    assert re.search(expected, message), message
    assert message.startswith(str(tmp_path / "rule.yaml"))


def test_python_tags_are_refused_not_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = VALID.replace(
        "  window: 4",
        f"  window: !!python/object/apply:os.system ['touch {marker}']",
    )
    message = _refusal(_write(tmp_path / "rules", payload))
    assert re.search(r"rule\.yaml:8:\d+: the tag .*python/object/apply:os\.system.* is not allowed", message), message
    assert not marker.exists()
    message = _refusal(
        _write(tmp_path / "other", VALID.replace("level: error", "level: !!python/object:builtins.dict {}"))
    )
    assert "is not allowed" in message


def test_an_id_used_twice_names_both_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "a", VALID)
    second = _write(tmp_path / "b", VALID.replace("level: error", "level: warning"), name="again.yaml")
    with pytest.raises(RuleError) as caught:
        load_rules([first.parent, second.parent])
    assert str(caught.value) == (f"{second}:1: field 'id': 'extra.voltage-cue' is already defined in {first}")


def test_an_id_of_a_core_rule_cannot_be_taken_by_an_extra_pack(tmp_path: Path) -> None:
    core_id = load_rules([core_rules_dir()])[0].id
    extra = _write(tmp_path, VALID.replace("extra.voltage-cue", core_id))
    with pytest.raises(RuleError, match=re.escape(f"{extra}:1: field 'id': {core_id!r} is already defined in")):
        load_rules([core_rules_dir(), tmp_path])


def test_a_rule_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rule folder does not exist"):
        load_rules([tmp_path / "nowhere"])


def test_a_rule_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    path.write_bytes(VALID.replace("A unit", "A \xe9 unit").encode("latin-1"))
    assert re.search(r"rule\.yaml: is not valid UTF-8 \(byte offset \d+\)", _refusal(path))


def test_the_cli_refuses_a_broken_pack_with_exit_2_and_one_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    _write(rules, VALID.replace("expect: volt", "expect: voltz"))
    article = tmp_path / "article.md"
    article.write_text("The 110 kV line was laid in 2019.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(article), "--rules", str(rules), "--isolated"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert re.fullmatch(
        rf"verify: error: {re.escape(str(rules / 'rule.yaml'))}:11: field 'params\.cues\.0\.expect': .*voltz.*",
        lines[0],
    )
    assert "Traceback" not in result.output


def test_the_cli_uses_a_good_extra_pack(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    _write(rules, VALID)
    article = tmp_path / "article.md"
    article.write_text("A 110 kW high-voltage line was laid.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "verify.cli", "check", str(article), "--rules", str(rules), "--isolated", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert '"rule": "extra.voltage-cue"' in result.stdout
