"""The reports committed in reports/ are what `make report` writes today."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from verify.cli import app


def test_committed_reports_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # reports name the article by the path given, as `make report` does
    result = CliRunner().invoke(app, ["check", "seeds", "--report-dir", str(tmp_path), "--exit-zero"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (ROOT / "reports").iterdir() if p.suffix == ".md")
    assert written == committed
    for name in written:
        expected = (ROOT / "reports" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == expected, f"reports/{name} is stale: run make report"


def test_committed_rule_reference_is_current() -> None:
    result = CliRunner().invoke(app, ["rules", "--isolated", "--markdown"])
    assert result.exit_code == 0, result.output
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert result.stdout == committed, "docs/rules.md is stale: run make report"
