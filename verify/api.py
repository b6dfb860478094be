"""The library API: check text or files and get the pydantic report back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from verify.claims import Claim
from verify.claims.packed import PackedClaims
from verify.config import INVALID_SUPPRESSION, UNUSED_SUPPRESSION, QuoteHandling, apply_quotes
from verify.document import Document, InputError, load_document, parse_document
from verify.document.frontmatter import FrontMatterError
from verify.document.model import DEFAULT_DATE_FIELDS
from verify.document.suppression import silence
from verify.engine import run_rules
from verify.extraction import extract_claims
from verify.findings import Finding, Severity
from verify.linking import build_facts
from verify.reports.model import FileReport, Report, TimelineEvent
from verify.rules import Rule, core_rules_dir, load_rules
from verify.sections import section_bounds, shifted

#: How a report keeps the claims: as objects in ``FileReport.claims``; as objects for
#: ordinary articles but packed (compressed JSON, a few MB instead of hundreds) for
#: articles long enough to be checked in sections; or not at all.
ClaimStorage = Literal["objects", "packed", "none"]


def default_rules() -> list[Rule]:
    """The core rules shipped with verify."""
    return load_rules([core_rules_dir()])


def select_rules(rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Keep rules whose id or category starts with a ``select`` entry and none of ``ignore``.

    An empty ``select`` keeps every rule.
    """
    chosen = list(select)
    dropped = list(ignore)

    def matches(rule: Rule, prefixes: list[str]) -> bool:
        return any(rule.id.startswith(p) or rule.category == p for p in prefixes)

    return [r for r in rules if (not chosen or matches(r, chosen)) and not matches(r, dropped)]


def check_document(
    document: Document,
    rules: list[Rule],
    *,
    quotes: QuoteHandling = "info",
    unused_level: Severity | None = "warning",
    claims: ClaimStorage = "objects",
) -> FileReport:
    """Run extraction, linking and the rules on a parsed document.

    An article longer than :data:`verify.sections.LONG_ARTICLE_CHARS` is checked a
    section at a time. ``claims`` says how the report keeps the claims (see
    :data:`ClaimStorage`): ``"none"`` suits outputs that do not show them, ``"packed"``
    bounds the memory of those that do (read them with ``FileReport.claim_dicts``).

    Problems silenced by ``verify:`` comments are left out; a comment that
    silenced nothing, or cannot be read, is reported at ``unused_level`` (None:
    not at all). Problems in quoted speech are handled as ``quotes`` says.
    """
    bounds = section_bounds(document)
    packed = PackedClaims() if claims == "packed" and len(bounds) > 1 else None
    if len(bounds) == 1:
        extracted = extract_claims(document)
        facts = build_facts(document, extracted)
        findings, verified = run_rules(facts, rules)
        timeline = facts.timeline()
    else:
        extracted, findings, verified, timeline = _check_sections(document, bounds, rules, claims != "none", packed)
    findings, notes = _suppress(document, findings, rules, unused_level)
    findings = apply_quotes(findings, quotes, {rule.id: rule.level for rule in rules})
    reference = document.reference_date
    fields: dict[str, Any] = {
        "path": document.path,
        "findings": findings,
        "verified": verified,
        "notes": notes,
        "claims": [] if claims == "none" else extracted,  # empty when packed
        "title": document.title,
        "reference_date": reference.isoformat() if reference else None,
        "reference_source": document.reference_source,
        "timeline": timeline,
    }
    return FileReport.with_packed_claims(packed, **fields) if packed is not None else FileReport(**fields)


def _check_sections(
    document: Document,
    bounds: list[tuple[int, int]],
    rules: list[Rule],
    keep_claims: bool,
    packed: PackedClaims | None,
) -> tuple[list[Claim], list[Finding], list[Finding], list[TimelineEvent]]:
    """Check a long article section by section (see :mod:`verify.sections`); the claims
    go into ``packed`` when it is given, else into the list returned."""
    claims: list[Claim] = []
    findings: list[Finding] = []
    verified: list[Finding] = []
    timeline: list[TimelineEvent] = []
    for start, end in bounds:
        section = parse_document(document.text[start:end], path=document.path, published=document.reference_date)
        section_claims = extract_claims(section)
        facts = build_facts(section, section_claims)
        section_findings, section_verified = run_rules(facts, rules)
        findings += [shifted(finding, start, document.lines) for finding in section_findings]
        verified += [shifted(finding, start, document.lines) for finding in section_verified]
        first_line = document.lines.line_col(start)[0] - 1
        timeline += [event.model_copy(update={"line": event.line + first_line}) for event in facts.timeline()]
        if packed is not None:
            packed.extend(shifted(claim, start, document.lines) for claim in section_claims)
        elif keep_claims:
            claims += [shifted(claim, start, document.lines) for claim in section_claims]
    timeline.sort(key=lambda event: event.date)
    return claims, findings, verified, timeline


def check_text(
    text: str,
    published: dt.date | str | None = None,
    *,
    path: str = "<text>",
    rules: list[Rule] | None = None,
    quotes: QuoteHandling = "info",
) -> Report:
    """Check an article given as text. ``published`` (a date, or ISO 8601 text such as
    "2019-09-26") overrides its front-matter date; ``quotes`` says what happens to problems
    in quoted speech (default: lowered to info). Front matter that cannot be read gives a
    report whose single entry carries ``error``."""
    try:
        document = parse_document(text, path=path, published=_as_date(published))
    except FrontMatterError as error:
        return Report(files=[FileReport(path=path, error=str(error))])
    return Report(files=[check_document(document, default_rules() if rules is None else rules, quotes=quotes)])


def check_file(
    path: str | Path,
    published: dt.date | str | None = None,
    *,
    rules: list[Rule] | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
) -> Report:
    """Check one article file (``published`` as in :func:`check_text`). A file that cannot
    be read gives a report whose single entry carries ``error`` instead of findings."""
    rules = default_rules() if rules is None else rules
    return Report(files=[check_path(Path(path), rules, _as_date(published), encoding, date_fields)])


def _as_date(published: dt.date | str | None) -> dt.date | None:
    """A publication date given as a date or as ISO 8601 text; ValueError naming the text otherwise."""
    if published is None or isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(published.strip())
    except ValueError:
        raise ValueError(f"published must be a date or ISO 8601 text (YYYY-MM-DD), not {published!r}") from None


def check_path(
    path: Path,
    rules: list[Rule],
    published: dt.date | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
    claims: ClaimStorage = "objects",
) -> FileReport:
    """Check one file; an unreadable one is reported, not raised. ``claims`` as in
    :func:`check_document`."""
    try:
        document = load_document(path, published=published, encoding=encoding, date_fields=date_fields)
    except InputError as error:
        return FileReport(path=str(path), error=str(error))
    return check_document(document, rules, claims=claims)


def _suppress(
    document: Document, findings: list[Finding], rules: list[Rule], level: Severity | None
) -> tuple[list[Finding], list[str]]:
    """Drop the findings ``verify:`` comments silence; report the comments that did nothing."""
    if not document.suppressions:
        return findings, []
    matched = silence(((f.span.start, f.rule, f.category) for f in findings), document.suppressions)
    kept = [findings[index] for index in matched.kept]
    notes = [f"{len(matched.silenced)} finding(s) silenced by verify: comments."] if matched.silenced else []
    if level is None:
        return kept, notes
    for index, item in enumerate(document.suppressions):
        # The directive without its comment markers: an HTML comment would vanish from a Markdown report.
        comment = "verify:" + document.text[item.start : item.end].split("verify:", 1)[1].removesuffix("-->").rstrip()
        names = matched.unused(index, item)
        if item.directive == "invalid":
            rule, message = INVALID_SUPPRESSION, f"This verify: comment cannot be read: {item.problem}."
            fix = "Write 'verify: ignore RULE', 'verify: off' or 'verify: on'."
        elif item.problem:
            rule, message = UNUSED_SUPPRESSION, f"This verify: comment has no effect: {item.problem}."
            fix = "Move the comment, or remove it."
        elif names:
            what = "it" if names == ["*"] else ", ".join(f"'{name}'" for name in names)
            absent = [n for n in names if n != "*" and not any(r.id.startswith(n) or r.category == n for r in rules)]
            why = f" (no rule named {', '.join(repr(n) for n in absent)} ran)" if absent else ""
            rule, message = UNUSED_SUPPRESSION, f"Unused suppression: {what} silenced no finding here{why}."
            fix = "Remove the comment, or the rule names that are no longer needed."
        else:
            continue
        kept.append(
            Finding(
                rule=rule,
                category="other",
                severity=level,
                message=message,
                span=document.span(item.start, item.end),
                claim=comment,
                sentence=comment,
                suggestion=fix,
            )
        )
    kept.sort(key=lambda finding: (finding.span.start, finding.rule))
    return kept, notes
