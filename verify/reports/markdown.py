"""Markdown for editors: summary, findings with their evidence, verified claims,
a timeline (Mermaid) and the table of extracted claims."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, TextIO

from verify.findings import Finding
from verify.reports.model import FileReport, Report

_LEVEL_MARK = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def render_markdown(report: Report) -> str:
    """The whole report; several files follow one another under their own headings."""
    stream = io.StringIO()
    write_markdown(report, stream)
    return stream.getvalue()


def write_markdown(report: Report, stream: TextIO) -> None:
    """Write :func:`render_markdown`'s text to ``stream`` a line at a time, so that a long
    article's report (thousands of findings and claims) is never held in memory whole."""
    out = _RightTrimmed(stream)
    for index, file in enumerate(report.files):
        if index:
            out.write("\n\n")
        for number, line in enumerate(_file(file)):
            out.write("\n" + line if number else line)
    stream.write("\n")


class _RightTrimmed:
    """Writes through to a stream but holds back trailing whitespace, which is dropped
    if nothing else follows it: the report ends in exactly one line break."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._held = ""

    def write(self, text: str) -> None:
        kept = text.rstrip()
        if kept:
            self._stream.write(self._held + kept)
            self._held = text[len(kept) :]
        else:
            self._held += text


def _file(file: FileReport) -> Iterator[str]:
    """The lines of one file's report."""
    title = file.title or file.path
    yield from [f"# verify report: {_inline(title)}", ""]
    if file.error:
        yield from [f"`{file.path}` could not be checked: {file.error}.", ""]
        return
    reference = (
        f"{file.reference_date} (from {file.reference_source})"
        if file.reference_date
        else "none (the article gives no publication date; pass `--published` to resolve relative dates)"
    )
    yield from [
        f"- **File:** `{file.path}`",
        f"- **Reference date:** {reference}",
        f"- **Result:** {_verdict(file)}",
        "",
        "| errors | warnings | info | verified | claims |",
        "|---:|---:|---:|---:|---:|",
        f"| {file.count('error')} | {file.count('warning')} | {file.count('info')} | {len(file.verified)} | {file.claim_count} |",
        "",
    ]
    for note in file.notes:
        yield from [f"> Note: {note}", ""]
    yield from ["## Findings", ""]
    if not file.findings:
        yield from ["No inconsistencies found.", ""]
    for number, finding in enumerate(file.findings, start=1):
        yield from _finding(number, finding)
    yield from ["## Verified", ""]
    if file.verified:
        yield from ["Claims that were checked against the article and hold.", ""]
        yield from ["| line:col | claim | rule | what was checked |", "|---|---|---|---|"]
        for item in file.verified:
            yield f"| {item.span.line}:{item.span.column} | {_cell(item.claim)} | `{item.rule}` | {_cell(item.computation or item.message)} |"
        yield ""
    else:
        yield from ["No claim could be checked against another part of the article.", ""]
    yield from _timeline(file)
    yield from _claims(file)


def _verdict(file: FileReport) -> str:
    errors, warnings = file.count("error"), file.count("warning")
    if errors or warnings:
        return f"{errors} error(s) and {warnings} warning(s) to look at"
    return "no inconsistency found"


def _finding(number: int, finding: Finding) -> list[str]:
    where = f"line {finding.span.line}, column {finding.span.column}"
    out = [
        f"### {number}. {_LEVEL_MARK.get(finding.severity, finding.severity)}: {_inline(finding.claim)} ({where})",
        "",
        f"{_inline(finding.message)}",
        "",
    ]
    if finding.sentence:
        out += [f"> {_highlight(finding.sentence, finding.claim)}", ""]
    if finding.quoted:
        out += ["- **In quoted speech:** the quote may be wrong on purpose.", ""]
    if finding.evidence:
        items = ", ".join(
            f"“{_inline(item.text)}” ({item.span.line}:{item.span.column}{', ' + item.role if item.role else ''})"
            for item in finding.evidence
        )
        out.append(f"- **Evidence:** {items}")
    if finding.computation:
        out.append(f"- **Computation:** {_inline(finding.computation)}")
    if finding.suggestion:
        out.append(f"- **Likely fix:** {_inline(finding.suggestion)}")
    rule = f"`{finding.rule}` ({finding.category})"
    out.append(f"- **Rule:** [{rule}]({finding.link})" if finding.link else f"- **Rule:** {rule}")
    out.append("")
    return out


def _timeline(file: FileReport) -> list[str]:
    if not file.timeline:
        return []
    out = ["## Timeline", "", "The article's dated events, in order.", "", "```mermaid", "timeline"]
    for event in file.timeline:
        label = re.sub(r"[:;#`]", " ", event.label)
        label = re.sub(r"\s+", " ", label).strip()
        out.append(f"    {event.date} : {label} (line {event.line})")
    out += ["```", ""]
    return out


def _claims(file: FileReport) -> Iterator[str]:
    yield from ["## Extracted claims", ""]
    if not file.claim_count:
        yield from ["None.", ""]
        return
    yield from ["| line:col | type | text | value | about |", "|---|---|---|---|---|"]
    for claim in file.claim_dicts():
        span = claim["span"]
        yield f"| {span['line']}:{span['column']} | {claim['type']} | {_cell(claim['text'])} | {_cell(_value(claim))} | {_cell(claim.get('about') or '')} |"
    yield ""


def _value(claim: dict[str, Any]) -> str:
    """A claim's value as a reader writes it, from its JSON-ready dict."""
    value = claim.get("value")
    if claim["type"] == "quantity":
        shown = claim.get("values") or value
        return f"{shown} {claim['unit']}"
    if claim["type"] == "count":
        return f"{value:g} {claim['noun']}" if isinstance(value, float) else f"{value} {claim['noun']}"
    if claim["type"] == "money":
        return f"{value:,.2f} {claim['currency']}"
    if claim["type"] == "date" and not claim.get("valid", True):
        return "not a real date"
    return "" if value is None else str(value)


def _highlight(sentence: str, claim: str) -> str:
    text = _inline(sentence)
    target = _inline(claim)
    return text.replace(target, f"**{target}**", 1) if target and target in text else text


def _inline(text: str) -> str:
    """Article text on one line, with "<" escaped: a tag or a comment quoted from the
    article (``<!-- verify: off -->``) would otherwise vanish from the rendered report."""
    return re.sub(r"\s+", " ", text).strip().replace("<", "&lt;")


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")
