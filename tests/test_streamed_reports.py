"""JSON and Markdown reports are written a piece at a time: the JSON reads exactly as
``json.dumps`` of the model, and packed claims read as if they were objects."""

from __future__ import annotations

import io
import json

import pytest

from tests.conftest import SEED
from verify import sections
from verify.api import check_document, check_text, default_rules
from verify.document import parse_document
from verify.reports.json_format import render_json, write_json
from verify.reports.markdown import render_markdown
from verify.reports.model import FileReport, Report


def _expected(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def test_streamed_json_is_json_dumps_of_the_model() -> None:
    text = SEED.read_text(encoding="utf-8")
    checked = check_text(text).files[0]
    report = Report(
        files=[
            checked,
            FileReport(path="broken.md", error="not valid UTF-8 at byte 12"),
            check_text("Nothing to check here, “quoted” and naïve.", path="ü.md").files[0],
        ]
    )
    assert checked.findings and checked.verified and checked.claims and checked.timeline
    assert render_json(report) == _expected(report)
    assert json.loads(render_json(report))["summary"]["claims"] == len(checked.claims)


def test_a_report_of_no_files() -> None:
    assert render_json(Report()) == _expected(Report())


def test_packed_claims_are_written_as_if_they_were_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.setattr("verify.api.section_bounds", lambda document: sections.section_bounds(document, 1500, 1500))
    kept = check_document(parse_document(text), default_rules())
    packed = check_document(parse_document(text), default_rules(), claims="packed")
    stream = io.StringIO()
    write_json(Report(files=[packed]), stream)
    assert stream.getvalue() == _expected(Report(files=[kept]))


def test_packed_claims_make_the_same_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.setattr("verify.api.section_bounds", lambda document: sections.section_bounds(document, 1500, 1500))
    kept = check_document(parse_document(text), default_rules())
    packed = check_document(parse_document(text), default_rules(), claims="packed")
    markdown = render_markdown(Report(files=[packed]))
    assert markdown == render_markdown(Report(files=[kept]))
    assert "| 21:14 | quantity | 110 kW | 110.0 kilowatt |" in markdown


def test_markdown_of_several_files_ends_in_one_line_break() -> None:
    report = Report(files=[FileReport(path="a.md", error="empty file"), check_text("Nothing here.").files[0]])
    markdown = render_markdown(report)
    assert markdown.endswith("None.\n") and not markdown.endswith("\n\n")
    assert "could not be checked: empty file.\n\n\n# verify report: &lt;text>" in markdown
    assert render_markdown(Report()) == "\n"


def test_markup_quoted_from_the_article_is_shown_not_rendered() -> None:
    text = "The <b>110 kW</b> high-voltage line <!-- a note --> runs 70 km. It carries 110 kV."
    markdown = render_markdown(check_text(text, path="<markup>.md"))
    assert "110 kW" in markdown and "&lt;b>" in markdown and "&lt;!-- a note -->" in markdown
    assert "<b>" not in markdown and "<!--" not in markdown
