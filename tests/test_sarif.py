"""--format sarif (validated against the official SARIF 2.1.0 schema) and --format github."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEED
from verify.cli import app
from verify.reports.github import escape_data, escape_property

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
WRONG = "Chirac was mayor of Paris for 16 years, from 1977 to 1995.\n"


def _check(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--isolated", *args])
    return result.exit_code, result.stdout


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "wrong one.md").write_text(
        "---\ntitle: Mayor\n---\nIntro line.\n\n" + WRONG + "\n<!-- verify: ignore core.weekday-date -->\nFine.\n",
        encoding="utf-8",
    )
    (tmp_path / "news" / "binary.txt").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_sarif_is_valid_against_the_official_schema(articles: Path) -> None:
    code, out = _check(["--format", "sarif", "news", str(SEED)])
    assert code == 2  # the binary file is reported, and the run says so
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_results_and_rules(articles: Path) -> None:
    _, out = _check(["--format", "sarif", "news"])
    run: dict[str, Any] = json.loads(out)["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"core.duration-span", "verify.unused-suppression"}
    duration = rules["core.duration-span"]
    assert duration["shortDescription"]["text"].startswith("A stated duration")
    assert "27-year" in duration["fullDescription"]["text"]
    assert "Chirac was mayor of Paris for 16 years" in duration["help"]["text"]
    assert duration["helpUri"].startswith("https://")

    text = (articles / "news" / "wrong one.md").read_text(encoding="utf-8")
    [result] = [r for r in run["results"] if r["ruleId"] == "core.duration-span"]
    assert result["level"] == "error"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "core.duration-span"
    assert "17 to 18 years" in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/wrong%20one.md", "uriBaseId": "%SRCROOT%"}
    offset = text.index("16 years")
    assert location["region"] == {
        "startLine": 6,
        "startColumn": 31,
        "endLine": 6,
        "endColumn": 39,
        "charOffset": offset,
        "charLength": 8,
        "snippet": {"text": "16 years"},
    }
    related = [r["physicalLocation"]["region"]["snippet"]["text"] for r in result["relatedLocations"]]
    assert related == ["1977", "1995"]

    [unused] = [r for r in run["results"] if r["ruleId"] == "verify.unused-suppression"]
    assert unused["level"] == "warning"
    assert unused["locations"][0]["physicalLocation"]["region"]["startLine"] == 8

    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notifications] == [
        "news/binary.txt: is a binary file (it contains NUL bytes); skipped"
    ]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_describes_a_newsroom_rule(articles: Path) -> None:
    style = articles / "style"
    style.mkdir()
    core = (ROOT / "rules" / "duration-span.yaml").read_text(encoding="utf-8")
    (style / "tenure.yaml").write_text(core.replace("id: core.duration-span", "id: desk.tenure"), encoding="utf-8")
    (articles / "a.md").write_text(WRONG, encoding="utf-8")
    _, out = _check(["--format", "sarif", "--rules", "style", "--select", "desk", "a.md"])
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "desk.tenure"
    assert rule["fullDescription"]["text"].startswith("A stated duration")


def test_sarif_report_dir(articles: Path) -> None:
    (articles / "a.md").write_text(WRONG, encoding="utf-8")
    code, _ = _check(["--format", "sarif", "--report-dir", "out", "a.md"])
    assert code == 1
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads((articles / "out" / "a.sarif").read_text(encoding="utf-8")))


def test_github_workflow_commands(articles: Path) -> None:
    code, out = _check(["--format", "github", "news"])
    lines = out.splitlines()
    assert lines[0] == "::error file=news/binary.txt::is a binary file (it contains NUL bytes); skipped"
    assert lines[1].startswith(
        "::error file=news/wrong one.md,line=6,col=31,endLine=6,endColumn=39,title=core.duration-span::"
        "'16 years' does not match the dates"
    )
    assert lines[2].startswith("::warning file=news/wrong one.md,line=8,col=1,title=verify.unused-suppression::")
    assert lines[-1].startswith("2 file(s): 1 error(s), 1 warning(s)")
    assert code == 2


def test_github_escaping() -> None:
    assert escape_data("50% of\r\nthe vote") == "50%25 of%0D%0Athe vote"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_github_info_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.md").write_text('"He was mayor for 16 years, from 1977 to 1995," she said.\n', encoding="utf-8")
    code, out = _check(["--format", "github", "q.md"])
    assert out.startswith("::notice file=q.md,line=1,col=")
    assert code == 0
