"""Configuration files ([tool.verify] / .verify.toml), found per file as ruff finds its own,
overridden by flags; and the lowering of findings in quoted speech."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from verify.api import check_text
from verify.cli import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, app
from verify.config import ConfigError, Overrides, Resolver, find_config, load_config
from verify.rules import Rule, load_rule_file

WRONG = "Chirac was mayor of Paris for 16 years, from 1977 to 1995.\n"
QUOTED = '"He was mayor of Paris for 16 years, from 1977 to 1995," the biographer said.\n'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _run(args: list[str]) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(app, ["check", "--format", "json", *args])
    data = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}
    return result.exit_code, data, result.stderr


def _problems(data: dict[str, object]) -> list[tuple[str, str]]:
    files = data["files"]
    assert isinstance(files, list)
    return [(f["rule"], f["severity"]) for file in files for f in file["findings"]]


# -- finding the file ------------------------------------------------------------------


def test_nearest_configuration_wins_and_verify_toml_beats_pyproject(tmp_path: Path) -> None:
    top = _write(tmp_path / "pyproject.toml", "[tool.verify]\nignore = ['core']\n")
    article = _write(tmp_path / "news" / "2020" / "a.md", WRONG)
    assert find_config(article) == top
    unrelated = _write(tmp_path / "news" / "pyproject.toml", "[project]\nname = 'site'\n")
    assert find_config(article) == top, "a pyproject.toml without [tool.verify] is passed over"
    nearer = _write(tmp_path / "news" / ".verify.toml", "ignore = ['core']\n")
    assert find_config(article) == nearer
    assert unrelated.exists()
    _write(tmp_path / "news" / "2020" / "pyproject.toml", "[tool.verify]\n")
    _write(tmp_path / "news" / "2020" / ".verify.toml", "")
    assert find_config(article) == tmp_path / "news" / "2020" / ".verify.toml"


def test_no_configuration_anywhere_gives_defaults(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.md", WRONG)
    settings = Resolver(isolated=True).for_path(article)
    assert settings.source is None
    assert settings.fail_level == "error"
    assert settings.quotes == "info"


def test_relative_rule_folders_are_resolved_from_the_configuration_file(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path / "site" / ".verify.toml", "rules = ['style']\n"))
    assert config.rules == [(tmp_path / "site" / "style").resolve()]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (".verify.toml", "selct = ['core']\n", "key 'selct': unknown key"),
        (".verify.toml", "fail-level = 'fatal'\n", "key 'fail-level'"),
        (".verify.toml", "ignore = 'core'\n", "key 'ignore'"),
        (".verify.toml", "quotes = 'lower'\n", "key 'quotes'"),
        (".verify.toml", "select = [\n", "not valid TOML"),
        ("pyproject.toml", "[tool.verify]\ndate-fields = []\n", "key 'tool.verify.date-fields'"),
        ("pyproject.toml", "[tool.verify.levels]\n'core.duration-span' = 'loud'\n", "key 'tool.verify.levels.core"),
    ],
)
def test_a_bad_configuration_names_its_file_and_problem(tmp_path: Path, name: str, text: str, expected: str) -> None:
    path = _write(tmp_path / name, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_a_bad_configuration_stops_the_run_with_exit_2(tmp_path: Path) -> None:
    config = _write(tmp_path / ".verify.toml", "fail-level = 'fatal'\n")
    article = _write(tmp_path / "a.md", WRONG)
    code, _, stderr = _run([str(article)])
    assert code == EXIT_FAILURE
    assert str(config) in stderr and "fail-level" in stderr


def test_a_level_for_no_rule_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / ".verify.toml", "[levels]\n'core.no-such-rule' = 'info'\n")
    article = _write(tmp_path / "a.md", WRONG)
    code, _, stderr = _run([str(article)])
    assert code == EXIT_FAILURE
    assert "'core.no-such-rule' names no rule" in stderr


# -- what the keys do ------------------------------------------------------------------


def test_ignore_from_the_file_and_select_from_the_flags(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.verify]\nignore = ['duration_mismatch']\n")
    article = _write(tmp_path / "a.md", WRONG)
    code, data, _ = _run([str(article)])
    assert (code, _problems(data)) == (EXIT_OK, [])
    code, data, _ = _run([str(article), "--select", "core.duration-span"])
    assert (code, _problems(data)) == (EXIT_FINDINGS, [("core.duration-span", "error")])
    code, data, _ = _run([str(article), "--isolated"])
    assert (code, _problems(data)) == (EXIT_FINDINGS, [("core.duration-span", "error")])


def test_select_in_the_file(tmp_path: Path) -> None:
    _write(tmp_path / ".verify.toml", "select = ['core.weekday']\n")
    article = _write(tmp_path / "a.md", WRONG)
    code, data, _ = _run([str(article)])
    assert (code, _problems(data)) == (EXIT_OK, [])


def test_level_overrides_and_fail_level(tmp_path: Path) -> None:
    config = _write(tmp_path / ".verify.toml", "[levels]\n'core.duration' = 'warning'\n")
    article = _write(tmp_path / "a.md", WRONG)
    code, data, _ = _run([str(article)])
    assert (code, _problems(data)) == (EXIT_OK, [("core.duration-span", "warning")])
    code, _, _ = _run([str(article), "--fail-level", "warning"])
    assert code == EXIT_FINDINGS
    _write(config, "fail-level = 'warning'\n[levels]\nduration_mismatch = 'error'\n'core.duration-span' = 'warning'\n")
    code, data, _ = _run([str(article)])
    assert (code, _problems(data)) == (EXIT_FINDINGS, [("core.duration-span", "warning")])
    code, _, _ = _run([str(article), "--fail-level", "error"])
    assert code == EXIT_OK


def test_extra_rule_folders_are_validated_like_core_rules(tmp_path: Path) -> None:
    style = tmp_path / "newsroom" / "style"
    core = (ROOT / "rules" / "duration-span.yaml").read_text(encoding="utf-8")
    _write(style / "tenure.yaml", core.replace("id: core.duration-span", "id: desk.tenure"))
    _write(tmp_path / "newsroom" / "pyproject.toml", "[tool.verify]\nrules = ['style']\nignore = ['core']\n")
    article = _write(tmp_path / "newsroom" / "a.md", WRONG)
    code, data, _ = _run([str(article)])
    assert (code, _problems(data)) == (EXIT_FINDINGS, [("desk.tenure", "error")])

    _write(style / "broken.yaml", "id: desk.broken\nkind: duration_mismatch\n")
    code, _, stderr = _run([str(article)])
    assert code == EXIT_FAILURE
    assert "broken.yaml" in stderr and "field 'category'" in stderr


def test_date_fields(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.md", "---\nfirst_published: 2021-11-25\n---\nToday the district marks the day.\n")
    _, data, _ = _run([str(article), "--isolated"])
    assert data["files"][0]["reference_date"] is None  # type: ignore[index]
    _write(tmp_path / ".verify.toml", "date-fields = ['first_published', 'date']\n")
    _, data, _ = _run([str(article)])
    assert data["files"][0]["reference_date"] == "2021-11-25"  # type: ignore[index]


def test_each_file_follows_its_own_configuration(tmp_path: Path) -> None:
    _write(tmp_path / "strict" / ".verify.toml", "fail-level = 'info'\n")
    _write(tmp_path / "relaxed" / ".verify.toml", "ignore = ['core']\n")
    strict = _write(tmp_path / "strict" / "a.md", WRONG)
    relaxed = _write(tmp_path / "relaxed" / "a.md", WRONG)
    code, data, _ = _run([str(relaxed), str(strict)])
    assert [len(file["findings"]) for file in data["files"]] == [0, 1]  # type: ignore[union-attr]
    assert code == EXIT_FINDINGS
    code, _, _ = _run([str(relaxed)])
    assert code == EXIT_OK


def test_an_explicit_configuration_applies_to_every_file(tmp_path: Path) -> None:
    _write(tmp_path / "news" / ".verify.toml", "ignore = ['core']\n")
    article = _write(tmp_path / "news" / "a.md", WRONG)
    other = _write(tmp_path / "elsewhere.toml", "[levels]\ncore = 'info'\n")
    code, data, _ = _run([str(article), "--config", str(other)])
    assert (code, _problems(data)) == (EXIT_OK, [("core.duration-span", "info")])
    code, _, stderr = _run([str(article), "--config", str(tmp_path / "missing.toml")])
    assert code == EXIT_FAILURE and "missing.toml" in stderr


def test_cli_overrides_replace_select_and_add_ignores() -> None:
    settings = Resolver(Overrides(select=["core.duration-span"]), isolated=True).for_path(ROOT)
    assert [rule.id for rule in settings.rules] == ["core.duration-span"]
    assert settings.unused_level == "warning", "select chooses rules; only ignore turns verify's own findings off"
    settings = Resolver(Overrides(ignore=["verify.unused-suppression"]), isolated=True).for_path(ROOT)
    assert settings.unused_level is None
    assert settings.invalid_level == "warning"


# -- quoted speech ---------------------------------------------------------------------


def test_findings_in_quoted_speech_are_lowered_to_info(core_rules: list[Rule]) -> None:
    findings = check_text(QUOTED + WRONG, rules=core_rules).files[0].findings
    assert [(f.span.line, f.severity, f.quoted) for f in findings] == [(1, "info", True), (2, "error", False)]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("info", ["info", "error"]),
        ("warning", ["warning", "error"]),
        ("keep", ["error", "error"]),
        ("ignore", ["error"]),
    ],
)
def test_quote_handling_is_configurable(tmp_path: Path, setting: str, expected: list[str]) -> None:
    article = _write(tmp_path / "a.md", QUOTED + "\n" + WRONG)
    _write(tmp_path / ".verify.toml", f"quotes = '{setting}'\n")
    _, data, _ = _run([str(article)])
    assert [severity for _, severity in _problems(data)] == expected
    _, data, _ = _run([str(article), "--quotes", "keep"])
    assert [severity for _, severity in _problems(data)] == ["error", "error"]


def test_quoted_speech_keeps_a_configured_lower_level(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.md", QUOTED)
    _write(tmp_path / ".verify.toml", "quotes = 'warning'\n[levels]\n'core.duration-span' = 'info'\n")
    _, data, _ = _run([str(article)])
    assert _problems(data) == [("core.duration-span", "info")]


# -- the README's examples are real ------------------------------------------------------


def _readme_block(language: str, contains: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", readme, flags=re.DOTALL)
    [block] = [b for b in blocks if contains in b]
    return str(block)


def test_readme_configuration_is_valid(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", _readme_block("toml", "[tool.verify]"))
    config = load_config(path)
    assert config.fail_level == "warning"
    assert config.levels["verify.unused-suppression"] == "info"


def test_readme_rule_loads_and_its_examples_hold(tmp_path: Path) -> None:
    path = _write(tmp_path / "term-of-office.yaml", _readme_block("yaml", "id: desk.term-of-office"))
    rule = load_rule_file(path)
    for example in rule.examples.fail:
        assert check_text(example.text, rules=[rule]).files[0].findings, example.text
    for example in rule.examples.passing:
        assert not check_text(example.text, rules=[rule]).files[0].findings, example.text
