"""Plain lines for terminals and editors: ``path:line:col: level rule message``."""

from __future__ import annotations

from verify.reports.model import Report


def render_text(report: Report) -> str:
    """One line per finding, then a summary line."""
    lines = []
    for file in report.files:
        if file.error:
            lines.append(f"{file.path}: error: {file.error}")
            continue
        for finding in file.findings:
            message = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
            lines.append(
                f"{file.path}:{finding.span.line}:{finding.span.column}: {finding.severity} {finding.rule} {message}"
            )
    summary = report.summary
    lines.append(
        f"{summary['files']} file(s): {summary['errors']} error(s), {summary['warnings']} warning(s), "
        f"{summary['infos']} info, {summary['verified']} verified"
    )
    return "\n".join(lines) + "\n"
