"""The command line: formats, report files, exit statuses."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SEED
from verify.cli import app

RUNNER = CliRunner()
CLEAN = "The bridge, 3 km long, opened on Friday, February 1, 2019.\n"


def test_text_format_and_exit_one_on_error() -> None:
    result = RUNNER.invoke(app, ["check", str(SEED)])
    assert result.exit_code == 1
    assert f"{SEED}:21:14: error core.unit-dimension-context" in result.stdout


def test_exit_zero_flag() -> None:
    assert RUNNER.invoke(app, ["check", str(SEED), "--exit-zero"]).exit_code == 0


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    article = tmp_path / "clean.md"
    article.write_text(CLEAN, encoding="utf-8")
    result = RUNNER.invoke(app, ["check", str(article)])
    assert result.exit_code == 0, result.output


def test_json_contract() -> None:
    result = RUNNER.invoke(app, ["check", str(SEED), "--format", "json"])
    data = json.loads(result.stdout)
    (file,) = data["files"]
    assert file["path"] == str(SEED)
    finding = file["findings"][0]
    assert set(finding) >= {"rule", "category", "severity", "message", "span", "related"}
    assert set(finding["span"]) == {"start", "end", "line", "column"}
    assert all({"type", "text", "span"} <= set(claim) for claim in file["claims"])
    verified = file["verified"]
    assert verified and all({"rule", "category", "message", "span", "related"} <= set(v) for v in verified)
    dates = [c for c in file["claims"] if c["type"] == "date"]
    assert {"value"} <= set(dates[0])
    quantities = [c for c in file["claims"] if c["type"] == "quantity"]
    assert all("unit" in q and "value" in q for q in quantities)


def test_report_dir_writes_markdown(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["check", str(SEED), "--report-dir", str(tmp_path)])
    assert result.exit_code == 1
    (report,) = tmp_path.iterdir()
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# verify report:")
    for heading in ("## Findings", "## Verified", "## Timeline", "```mermaid", "## Extracted claims"):
        assert heading in text


def test_missing_file_is_reported_and_others_checked(tmp_path: Path) -> None:
    article = tmp_path / "clean.md"
    article.write_text(CLEAN, encoding="utf-8")
    result = RUNNER.invoke(app, ["check", str(tmp_path / "absent.md"), str(article), "--format", "json"])
    assert result.exit_code == 2
    assert "absent.md: no such file or folder" in result.stderr
    assert json.loads(result.stdout)["files"][0]["path"] == str(article)


def test_bad_published_date_is_a_usage_error() -> None:
    result = RUNNER.invoke(app, ["check", str(SEED), "--published", "yesterday"])
    assert result.exit_code == 2


def test_select_and_ignore() -> None:
    ignored = RUNNER.invoke(app, ["check", str(SEED), "--ignore", "core.unit-dimension"])
    assert ignored.exit_code == 0
    selected = RUNNER.invoke(app, ["check", str(SEED), "--select", "unit_dimension"])
    assert selected.exit_code == 1


def test_the_library_takes_the_publication_date_as_iso_text() -> None:
    from verify.api import check_text

    text = "The mayor, born in 1950, died on Monday aged 60."
    as_text = check_text(text, "2020-06-10").files[0]
    as_date = check_text(text, dt.date(2020, 6, 10)).files[0]
    assert as_text.reference_date == "2020-06-10" and as_text.findings == as_date.findings
    with pytest.raises(ValueError, match="published must be a date or ISO 8601 text"):
        check_text(text, "June 10")
