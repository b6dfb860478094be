"""The library API: check text or files and get the pydantic report back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from verify.document import Document, InputError, load_document, parse_document
from verify.document.model import DEFAULT_DATE_FIELDS
from verify.engine import run_rules
from verify.extraction import extract_claims
from verify.linking import build_facts
from verify.reports.model import FileReport, Report
from verify.rules import Rule, core_rules_dir, load_rules


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


def check_document(document: Document, rules: list[Rule]) -> FileReport:
    """Run extraction, linking and the rules on a parsed document."""
    claims = extract_claims(document)
    facts = build_facts(document, claims)
    findings, verified = run_rules(facts, rules)
    reference = document.reference_date
    return FileReport(
        path=document.path,
        findings=findings,
        verified=verified,
        claims=claims,
        title=document.title,
        reference_date=reference.isoformat() if reference else None,
        reference_source=document.reference_source,
        timeline=facts.timeline(),
    )


def check_text(
    text: str,
    published: dt.date | None = None,
    *,
    path: str = "<text>",
    rules: list[Rule] | None = None,
) -> Report:
    """Check an article given as text. ``published`` overrides its front-matter date."""
    document = parse_document(text, path=path, published=published)
    return Report(files=[check_document(document, default_rules() if rules is None else rules)])


def check_file(
    path: str | Path,
    published: dt.date | None = None,
    *,
    rules: list[Rule] | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
) -> Report:
    """Check one article file. A file that cannot be read gives a report whose
    single entry carries ``error`` instead of findings."""
    return Report(
        files=[check_path(Path(path), default_rules() if rules is None else rules, published, encoding, date_fields)]
    )


def check_path(
    path: Path,
    rules: list[Rule],
    published: dt.date | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
) -> FileReport:
    """Check one file; an unreadable one is reported, not raised."""
    try:
        document = load_document(path, published=published, encoding=encoding, date_fields=date_fields)
    except InputError as error:
        return FileReport(path=str(path), error=str(error))
    return check_document(document, rules)
