"""The engine: runs each rule's check over a document's facts and words its findings."""

from __future__ import annotations

import copy
from typing import Any

from verify.checks import get_check
from verify.checks.base import Outcome, Params
from verify.findings import Finding
from verify.linking import Facts
from verify.rules import Rule


class _Fields(dict[str, Any]):
    """A finding's fields for ``str.format_map``: an unknown ``{field}`` stays as written
    instead of failing (a rule pack may name a field its kind does not give)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, fields: dict[str, Any]) -> str:
    """Fill a rule's message template."""
    return template.format_map(_Fields(fields))


#: Validated parameters by rule: (the rule, a copy of its raw params, the validated model).
_PARAMS: dict[int, tuple[Rule, dict[str, Any], Params]] = {}


def _params(model: type[Params], rule: Rule) -> Params:
    """A rule's params validated by its kind's model, once per rule rather than once per
    document (validation costs more than checking a short article). A rule whose params
    were changed since is validated again."""
    cached = _PARAMS.get(id(rule))
    if cached is not None and cached[0] is rule and cached[1] == rule.params and isinstance(cached[2], model):
        return cached[2]
    params = model.model_validate(rule.params)
    if len(_PARAMS) >= 1024:  # rules made on the fly: keep the cache small
        _PARAMS.clear()
    _PARAMS[id(rule)] = (rule, copy.deepcopy(rule.params), params)
    return params


def run_rules(facts: Facts, rules: list[Rule]) -> tuple[list[Finding], list[Finding]]:
    """Problems and verifications from every rule, each list in text order."""
    problems: list[Finding] = []
    verified: list[Finding] = []
    for rule in rules:
        check = get_check(rule.kind)
        if check is None:
            continue
        params = _params(check.Params, rule)
        for outcome in check.run(facts, params):
            finding = _finding(facts, rule, outcome)
            (verified if outcome.verified else problems).append(finding)
    key = lambda finding: (finding.span.start, finding.rule)  # noqa: E731
    return sorted(problems, key=key), sorted(verified, key=key)


def _finding(facts: Facts, rule: Rule, outcome: Outcome) -> Finding:
    claim = outcome.claim
    fields = {"claim": claim.text, **outcome.fields}
    start = claim.span.start if outcome.start is None else outcome.start
    end = claim.span.end if outcome.end is None else outcome.end
    span = claim.span if (start, end) == (claim.span.start, claim.span.end) else facts.span(start, end)
    if outcome.verified:
        message = render(rule.verified or "{claim}: consistent with the article.", fields)
        severity = "info"
    else:
        message = render(rule.message, fields)
        severity = rule.level
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity,
        message=message,
        span=span,
        related=[item.span for item in outcome.evidence],
        claim=facts.document.text[start:end],
        sentence=facts.sentence_text(claim.sentence),
        evidence=outcome.evidence,
        computation=outcome.computation,
        suggestion=render(rule.fix, fields) if rule.fix and not outcome.verified else None,
        quoted=claim.quoted,
        link=rule.link,
    )
