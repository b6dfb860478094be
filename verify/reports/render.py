"""One entry point for every output format."""

from __future__ import annotations

from collections.abc import Callable

from verify.reports.model import Report


def _markdown(report: Report) -> str:
    from verify.reports.markdown import render_markdown

    return render_markdown(report)


def _json(report: Report) -> str:
    from verify.reports.json_format import render_json

    return render_json(report)


def _text(report: Report) -> str:
    from verify.reports.text import render_text

    return render_text(report)


#: Format name → renderer. Each takes the whole report and returns text.
FORMATS: dict[str, Callable[[Report], str]] = {"markdown": _markdown, "json": _json, "text": _text}

#: File ending of each format, for --report-dir.
SUFFIXES = {"markdown": ".md", "json": ".json", "text": ".txt"}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in format ``fmt`` (a key of :data:`FORMATS`)."""
    return FORMATS[fmt](report)
