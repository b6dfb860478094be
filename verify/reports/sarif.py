"""SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs).

One run; ``tool.driver.rules`` describes every rule that produced a result;
each problem finding is a result with a physical location (1-based line and
column, code-point columns, character offset and length) and its evidence as
related locations. Files that could not be read become tool execution
notifications. Paths are written as URIs relative to the working folder
(``%SRCROOT%``) when they lie under it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from verify.findings import Finding
from verify.reports.model import Report
from verify.rules import Rule
from verify.spans import Span

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/verify-news/verify"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}

#: Descriptions of verify's own findings, which no rule file defines.
_BUILTIN_RULES = {
    "verify.unused-suppression": (
        "A verify: suppression comment that silenced no finding.",
        "A `verify: ignore`, `verify: off` or stray `verify: on` comment that silenced nothing: "
        "the problem it was written for is gone, or the comment names the wrong rule. "
        "Remove it, or name the rule it is meant for.",
    ),
    "verify.invalid-suppression": (
        "A verify: comment that cannot be read.",
        "A comment starting with `verify:` that is not `ignore [RULE...]`, `off` or `on`.",
    ),
}


def render_sarif(report: Report, rules: Sequence[Rule] | None = None, root: Path | None = None) -> str:
    """The report as a SARIF 2.1.0 log. ``rules`` describe the rules (default: the
    core rules); ``root`` is the folder URIs are relative to (default: the working folder)."""
    if rules is None:
        from verify.api import default_rules

        rules = default_rules()
    base = (root or Path.cwd()).resolve()
    by_id = {rule.id: rule for rule in rules}
    used: list[str] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in report.files:
        uri, relative = _uri(file.path, base)
        if file.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{file.path}: {file.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri, relative)}}],
                }
            )
            continue
        for finding in file.findings:
            if finding.rule not in used:
                used.append(finding.rule)
            results.append(_result(finding, used.index(finding.rule), uri, relative))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "verify",
                "version": _version(),
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule_id, by_id.get(rule_id)) for rule_id in used],
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications},
        ],
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _version() -> str:
    from verify import __version__

    return __version__


def _uri(path: str, base: Path) -> tuple[str, bool]:
    """A URI for ``path``: relative to ``base`` when it lies under it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return absolute.as_uri(), False
    return quote(relative.as_posix()), True


def _artifact(uri: str, relative: bool) -> dict[str, Any]:
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if relative else {"uri": uri}


def _region(span: Span, text: str) -> dict[str, Any]:
    """Start and end (end column is the one after the last character, as SARIF counts)."""
    region: dict[str, Any] = {"startLine": span.line, "startColumn": span.column}
    if text and len(text) == span.end - span.start:
        lines = text.split("\n")
        region["endLine"] = span.line + len(lines) - 1
        region["endColumn"] = (span.column if len(lines) == 1 else 1) + len(lines[-1])
        region["snippet"] = {"text": text}
    region["charOffset"] = span.start
    region["charLength"] = span.end - span.start
    return region


def _location(uri: str, relative: bool, span: Span, text: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": _artifact(uri, relative), "region": _region(span, text)}}


def _result(finding: Finding, index: int, uri: str, relative: bool) -> dict[str, Any]:
    message = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_location(uri, relative, finding.span, finding.claim)],
    }
    related = []
    for number, item in enumerate(finding.evidence, start=1):
        location = _location(uri, relative, item.span, item.text)
        location["id"] = number
        location["message"] = {"text": f"{item.role}: {item.text}" if item.role else item.text}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    properties: dict[str, Any] = {"category": finding.category, "quoted": finding.quoted}
    if finding.computation:
        properties["computation"] = finding.computation
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result["properties"] = properties
    return result


def _descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    """``reportingDescriptor`` of a rule: short and full description, help, help URI."""
    if rule is None:
        short, full = _BUILTIN_RULES.get(rule_id, (f"Rule {rule_id}.", f"Rule {rule_id}."))
        return {
            "id": rule_id,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": full, "markdown": full},
            "defaultConfiguration": {"level": "warning"},
            "properties": {"category": "other"},
        }
    full = rule.description.strip()
    examples = "\n".join(f"- {example.text}" for example in rule.examples.fail)
    help_text = f"{full}\n\nFlags, for example:\n{examples}"
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVELS[rule.level]},
        "properties": {"category": rule.category, "kind": rule.kind, "tags": [rule.category]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _pascal(rule_id: str) -> str:
    """``core.duration-span`` → ``DurationSpan`` (SARIF's rule ``name`` is an identifier)."""
    tail = rule_id.split(".", 1)[-1]
    return "".join(part.capitalize() for part in tail.replace("_", "-").split("-") if part)
