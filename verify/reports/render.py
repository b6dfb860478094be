"""One entry point for every output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from verify.reports.model import Report

if TYPE_CHECKING:
    from verify.rules import Rule


def _markdown(report: Report) -> str:
    from verify.reports.markdown import render_markdown

    return render_markdown(report)


def _json(report: Report) -> str:
    from verify.reports.json_format import render_json

    return render_json(report)


def _text(report: Report) -> str:
    from verify.reports.text import render_text

    return render_text(report)


def _sarif(report: Report) -> str:
    from verify.reports.sarif import render_sarif

    return render_sarif(report)


def _github(report: Report) -> str:
    from verify.reports.github import render_github

    return render_github(report)


#: Format name → renderer. Each takes the whole report and returns text.
FORMATS: dict[str, Callable[[Report], str]] = {
    "markdown": _markdown,
    "json": _json,
    "text": _text,
    "sarif": _sarif,
    "github": _github,
}

#: File ending of each format, for --report-dir.
SUFFIXES = {"markdown": ".md", "json": ".json", "text": ".txt", "sarif": ".sarif", "github": ".github.txt"}


def render(report: Report, fmt: str, rules: Sequence[Rule] | None = None) -> str:
    """Render ``report`` in format ``fmt`` (a key of :data:`FORMATS`).

    ``rules`` describe the rules that ran, for formats that carry rule
    documentation (SARIF); by default the core rules.
    """
    if fmt == "sarif" and rules is not None:
        from verify.reports.sarif import render_sarif

        return render_sarif(report, rules)
    return FORMATS[fmt](report)


def write(report: Report, fmt: str, stream: TextIO, rules: Sequence[Rule] | None = None) -> None:
    """Write ``report`` to ``stream`` in format ``fmt``. JSON and Markdown, the formats
    that list every claim, go out a piece at a time, so that a long article's report
    is never held in memory whole."""
    if fmt == "json":
        from verify.reports.json_format import write_json

        write_json(report, stream)
    elif fmt == "markdown":
        from verify.reports.markdown import write_markdown

        write_markdown(report, stream)
    else:
        stream.write(render(report, fmt, rules))
