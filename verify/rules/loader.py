"""Loading and validating rule files; a bad file is refused with path, field and reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from verify.rules.model import Rule


class RuleError(Exception):
    """A rule file that cannot be used. The message names the file, the field and the reason."""


def core_rules_dir() -> Path:
    """The folder of the core rules: packaged with an install, or ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def load_rule_file(path: Path) -> Rule:
    """Load one rule file. Raises :class:`RuleError` naming the problem."""
    from verify.checks import params_model  # the registry of check kinds

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot be read: {error}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RuleError(f"{path}{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of fields, got {type(data).__name__}")
    try:
        rule = Rule.model_validate({**data, "source": str(path)})
    except ValidationError as error:
        raise RuleError(f"{path}: {_describe(error)}") from None
    model = params_model(rule.kind)
    if model is None:
        from verify.checks import kinds

        raise RuleError(f"{path}: field 'kind': unknown check kind {rule.kind!r} (known: {', '.join(kinds())})")
    try:
        validated = model.model_validate(rule.params)
    except ValidationError as error:
        raise RuleError(f"{path}: {_describe(error, prefix='params')}") from None
    except ValueError as error:  # a validator that consults pint
        raise RuleError(f"{path}: field 'params': {error}") from None
    return rule.model_copy(update={"params": validated.model_dump()})


def load_rules(folders: list[Path]) -> list[Rule]:
    """Every ``*.yaml`` rule in ``folders``, sorted by id. Raises on the first bad file
    or on an id defined twice."""
    rules: dict[str, Rule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule folder does not exist")
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            rule = load_rule_file(path)
            if rule.id in rules:
                raise RuleError(f"{path}: field 'id': {rule.id!r} is already defined in {rules[rule.id].source}")
            rules[rule.id] = rule
    return [rules[key] for key in sorted(rules)]


def _describe(error: ValidationError, prefix: str = "") -> str:
    problems = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"])
        field = f"{prefix}.{location}" if prefix and location else (prefix or location or "(file)")
        problems.append(f"field '{field}': {item['msg']}")
    return "; ".join(problems)


def rule_data(rule: Rule) -> dict[str, Any]:
    """The rule as plain data (for ``verify rules ID``)."""
    return rule.model_dump(by_alias=True, exclude={"source"})
