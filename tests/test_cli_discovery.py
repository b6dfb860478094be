"""`verify rules`, `verify rules ID` and `verify schema`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tests.conftest import SEED
from verify.cli import app
from verify.rules import Rule


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def test_rules_lists_every_rule_on_one_line(core_rules: list[Rule]) -> None:
    code, out, _ = _invoke(["rules", "--isolated"])
    assert code == 0
    header, *lines = out.splitlines()
    assert header.split() == ["ID", "KIND", "LEVEL", "SUMMARY"]
    assert len(lines) == len(core_rules)
    for rule, line in zip(core_rules, lines, strict=True):
        assert line.split()[:3] == [rule.id, rule.kind, rule.level]
        assert line.endswith(rule.summary)


def test_rules_follow_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".verify.toml").write_text(
        "select = ['core.duration', 'core.unit']\n[levels]\n'core.duration-span' = 'warning'\n", encoding="utf-8"
    )
    code, out, _ = _invoke(["rules"])
    assert code == 0
    rows = [line.split()[:3] for line in out.splitlines()[1:]]
    assert ["core.duration-span", "duration_mismatch", "warning"] in rows
    assert {row[0].rsplit("-", 1)[0] for row in rows} <= {"core.duration", "core.unit-dimension"}
    (tmp_path / ".verify.toml").write_text("select = 3\n", encoding="utf-8")
    code, _, err = _invoke(["rules"])
    assert code == 2 and ".verify.toml" in err


def test_rule_shows_its_documentation_params_and_examples(core_rules: list[Rule]) -> None:
    rule = next(r for r in core_rules if r.id == "core.unit-dimension-context")
    code, out, _ = _invoke(["rules", "--isolated", rule.id])
    assert code == 0
    assert out.startswith(f"{rule.id}\n")
    assert f"kind:     {rule.kind}" in out
    assert rule.description.strip().splitlines()[2] in out
    assert "params:" in out and "high-voltage" in out
    for example in (*rule.examples.fail, *rule.examples.passing):
        assert f"  - {example.text}" in out


def test_an_unknown_rule_is_an_error() -> None:
    code, out, err = _invoke(["rules", "--isolated", "core.no-such-rule"])
    assert code == 2
    assert out == ""
    assert "no rule 'core.no-such-rule'" in err


def test_schema_is_a_json_schema_that_real_reports_satisfy(tmp_path: Path) -> None:
    code, out, _ = _invoke(["schema"])
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"files", "summary"} <= set(schema["properties"])

    article = tmp_path / "a.md"
    article.write_text(
        "<!-- verify: ignore core.weekday-date -->\nChirac was mayor of Paris for 16 years, from 1977 to 1995.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", "--isolated", "--format", "json", str(article), str(SEED)])
    report = json.loads(result.stdout)
    assert report["files"][0]["findings"]
    jsonschema.Draft202012Validator(schema).validate(report)

    broken = json.loads(result.stdout)
    broken["files"][0]["findings"][0]["span"]["line"] = "one"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_the_json_contract_is_kept(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("Chirac was mayor of Paris for 16 years, from 1977 to 1995.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--isolated", "--format", "json", str(article)])
    [file] = json.loads(result.stdout)["files"]
    [finding] = file["findings"]
    assert set(finding) >= {"rule", "category", "severity", "message", "span", "related"}
    assert set(finding["span"]) == {"start", "end", "line", "column"}
    assert isinstance(file["verified"], list)
    assert file["claims"]


def test_markdown_reference_has_a_heading_for_every_rule_link(core_rules: list[Rule]) -> None:
    code, out, _ = _invoke(["rules", "--isolated", "--markdown"])
    assert code == 0
    headings = {line[3:] for line in out.splitlines() if line.startswith("## ")}
    assert headings == {rule.id for rule in core_rules}
    for rule in core_rules:
        assert f"- {rule.examples.fail[0].text}" in out
        if rule.link and "docs/rules.md#" in rule.link:
            anchor = rule.link.rsplit("#", 1)[1]
            assert anchor == rule.id.replace(".", ""), rule.link  # GitHub's anchor for the heading
