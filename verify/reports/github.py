"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE``;
``warning`` and ``notice`` (for info) likewise. Values are escaped as the
Actions runner requires: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
properties.
"""

from __future__ import annotations

from verify.findings import Finding
from verify.reports.model import Report

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property's value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """One workflow command per finding (and per unreadable file), then a plain summary line."""
    lines = []
    for file in report.files:
        if file.error:
            lines.append(f"::error file={escape_property(file.path)}::{escape_data(file.error)}")
            continue
        lines.extend(_command(file.path, finding) for finding in file.findings)
    summary = report.summary
    lines.append(
        f"{summary['files']} file(s): {summary['errors']} error(s), {summary['warnings']} warning(s), "
        f"{summary['infos']} info, {summary['verified']} verified"
    )
    return "\n".join(lines) + "\n"


def _command(path: str, finding: Finding) -> str:
    span = finding.span
    properties = [f"file={escape_property(path)}", f"line={span.line}", f"col={span.column}"]
    text = finding.claim
    if text and len(text) == span.end - span.start:
        lines = text.split("\n")
        end_line = span.line + len(lines) - 1
        end_column = (span.column if len(lines) == 1 else 1) + len(lines[-1])
        properties += [f"endLine={end_line}", f"endColumn={end_column}"]
    properties.append(f"title={escape_property(finding.rule)}")
    message = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
    return f"::{_COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"
