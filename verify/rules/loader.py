"""Loading and validating rule files.

A bad file is refused with its path, the line where the YAML gives one, the
field and the reason: ``rules/x.yaml:7: field 'params.cues.0.expect': ...``.
Files are read with ``yaml.SafeLoader`` only, so nothing in a rule file can
construct an object or run code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from verify.rules.model import Rule


class RuleError(Exception):
    """A rule file that cannot be used. The message names the file, the line, the field and the reason."""


def core_rules_dir() -> Path:
    """The folder of the core rules: packaged with an install, or ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def load_rule_file(path: Path) -> Rule:
    """Load one rule file. Raises :class:`RuleError` naming the problem."""
    from verify.checks import params_model  # the registry of check kinds
    from verify.checks.base import ByMechanism

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise RuleError(f"{path}: is not valid UTF-8 (byte offset {error.start})") from None
    except OSError as error:
        raise RuleError(f"{path}: cannot be read: {error.strerror or error}") from None
    data = _parse_yaml(path, raw)
    tree = _Tree(raw)
    if data is None:
        raise RuleError(f"{path}: is empty; a rule file is a mapping of fields (id, kind, category, ...)")
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of fields, not a {_yaml_type(data)}")
    duplicate = tree.duplicate_key()
    if duplicate is not None:
        key, first, second = duplicate
        raise RuleError(f"{path}:{second}: field '{key}': given twice (first on line {first})")
    try:
        rule = Rule.model_validate({**data, "source": str(path)})
    except ValidationError as error:
        raise RuleError(_describe(path, tree, error)) from None
    model = params_model(rule.kind)
    if model is None:
        from verify.checks import kinds

        raise RuleError(
            f"{path}{tree.where(('kind',))}: field 'kind': unknown check kind {rule.kind!r} (known: {', '.join(kinds())})"
        )
    # A kind with several mechanisms validates a rule's params by the model of the one it names.
    mechanisms = list(model.mechanisms()) if issubclass(model, ByMechanism) else None
    try:
        validated = model.model_validate(rule.params)
    except ValidationError as error:
        raise RuleError(_describe(path, tree, error, prefix=("params",), mechanisms=mechanisms)) from None
    except ValueError as error:  # a validator that consults pint outside pydantic's wrapping
        raise RuleError(f"{path}{tree.where(('params',))}: field 'params': {error}") from None
    return rule.model_copy(update={"params": validated.model_dump()})


def load_rules(folders: list[Path]) -> list[Rule]:
    """Every ``*.yaml`` rule in ``folders``, sorted by id. Raises on the first bad file
    or on an id defined twice.

    Validated rules are cached on disk (:mod:`verify.rules.cache`) until a rule
    file or the code that validates it changes: a fresh process starts faster.
    """
    from verify.rules.cache import cached_rules

    return cached_rules(folders, _load_rules)


def _load_rules(folders: list[Path]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(
                f"{folder}: rule folder does not exist" if not folder.exists() else f"{folder}: not a folder"
            )
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            rule = load_rule_file(path)
            if rule.id in rules:
                where = _Tree(path.read_text(encoding="utf-8")).where(("id",))
                raise RuleError(f"{path}{where}: field 'id': {rule.id!r} is already defined in {rules[rule.id].source}")
            rules[rule.id] = rule
    return [rules[key] for key in sorted(rules)]


def rule_data(rule: Rule) -> dict[str, Any]:
    """The rule as plain data (for ``verify rules ID``)."""
    return rule.model_dump(by_alias=True, exclude={"source"})


# -- where in the file ------------------------------------------------------------


def _parse_yaml(path: Path, raw: str) -> Any:
    try:
        return yaml.safe_load(raw)
    except yaml.constructor.ConstructorError as error:
        # Tags such as !!python/object: safe loading refuses to build them.
        problem = error.problem or ""
        if "constructor for the tag" in problem:
            tag = problem.split("constructor for the tag", 1)[1].strip()
            raise RuleError(
                f"{path}{_mark(error)}: the tag {tag} is not allowed; a rule file holds plain data only"
            ) from None
        raise RuleError(f"{path}{_mark(error)}: not valid YAML: {problem or error}") from None
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        raise RuleError(
            f"{path}{_mark(error)}: not valid YAML: {problem}" + (f" ({context})" if context else "")
        ) from None
    except (ValueError, OverflowError) as error:  # a constructor that gave up, e.g. on date 2020-02-30
        raise RuleError(f"{path}: a value does not parse: {error}") from None
    except RecursionError:
        raise RuleError(f"{path}: nested too deeply to read") from None


def _mark(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    return f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""


def _yaml_type(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


class _Tree:
    """The YAML node tree of a file that parsed, to say on which line a field stands."""

    def __init__(self, raw: str) -> None:
        try:
            self.root: yaml.Node | None = yaml.compose(raw, Loader=yaml.SafeLoader)
        except (yaml.YAMLError, RecursionError):
            self.root = None

    def line(self, location: tuple[str | int, ...]) -> int | None:
        """The 1-based line of the deepest node along ``location`` that exists."""
        node = self.root
        line = None
        for part in location:
            if isinstance(node, yaml.MappingNode):
                found = next(
                    ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None
                )
                if found is None:
                    break
                line, node = found[0].start_mark.line + 1, found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def where(self, location: tuple[str | int, ...]) -> str:
        """``:LINE`` for ``location``, or nothing when the file does not say."""
        line = self.line(location)
        return f":{line}" if line is not None else ""

    def duplicate_key(self) -> tuple[str, int, int] | None:
        """The first key given twice in one mapping: (dotted key, first line, second line)."""
        stack: list[tuple[yaml.Node, str]] = [(self.root, "")] if self.root is not None else []
        while stack:
            node, prefix = stack.pop()
            if isinstance(node, yaml.MappingNode):
                seen: dict[str, int] = {}
                for key, value in node.value:
                    name = f"{prefix}{key.value}" if isinstance(key, yaml.ScalarNode) else prefix + "?"
                    line = key.start_mark.line + 1
                    if name in seen:
                        return name, seen[name], line
                    seen[name] = line
                    stack.append((value, name + "."))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, f"{prefix}{index}.") for index, item in enumerate(node.value))
        return None


def _describe(
    path: Path, tree: _Tree, error: ValidationError, prefix: tuple[str, ...] = (), mechanisms: list[str] | None = None
) -> str:
    """``path:LINE: field 'x': reason`` for each problem pydantic found, joined by ``; ``.

    LINE is that of the first problem the file can place; others on another line
    say theirs, and a missing field has none. ``mechanisms`` are the names a kind
    with several mechanisms knows (see :class:`verify.checks.base.ByMechanism`).
    """
    located = []
    for item in error.errors():
        location = (*prefix, *(_mechanism_location(item, mechanisms) if mechanisms is not None else item["loc"]))
        # The rule model names examples.pass "passing"; the file says "pass".
        location = tuple("pass" if part == "passing" else part for part in location)
        located.append(
            (tree.line(location), ".".join(str(part) for part in location) or "(file)", _reason(item, mechanisms))
        )
    located.sort(key=lambda entry: (entry[0] is None, entry[0] or 0))
    first_line = located[0][0] if located else None
    problems = [
        f"field '{field}'" + (f" (line {line})" if line is not None and line != first_line else "") + f": {reason}"
        for line, field, reason in located
    ]
    where = f":{first_line}" if first_line is not None else ""
    return f"{path}{where}: " + "; ".join(problems)


#: Errors of a discriminated union about the tag itself: none or an unknown mechanism.
_TAG_ERRORS = ("union_tag_not_found", "union_tag_invalid")


def _mechanism_location(item: Any, mechanisms: list[str]) -> tuple[str | int, ...]:
    """Where in the params an error of a kind with several mechanisms points.

    Pydantic puts the mechanism's name before the field (``('scheduled', 'events')``)
    while the file says ``params.events``; an error about the mechanism itself has no
    location and is the ``mechanism`` field's.
    """
    location: tuple[str | int, ...] = tuple(item["loc"])
    if item["type"] in _TAG_ERRORS:
        return ("mechanism", *location)
    return location[1:] if location and location[0] in mechanisms else location


def _reason(item: Any, mechanisms: list[str] | None = None) -> str:
    message = str(item["msg"])
    if mechanisms is not None and item["type"] in _TAG_ERRORS:
        known = f"(known: {', '.join(sorted(mechanisms))})"
        if item["type"] == "union_tag_not_found":
            return f"is required but missing {known}"
        return f"unknown mechanism {item['ctx']['tag']!r} {known}"
    if item["type"] == "missing":
        return "is required but missing"
    if item["type"] == "extra_forbidden":
        if mechanisms is not None and item["loc"] and item["loc"][0] in mechanisms:
            return f"is not a known field of mechanism {item['loc'][0]!r}"
        return "is not a known field"
    message = message.removeprefix("Value error, ")
    value = item.get("input")
    if isinstance(value, str | int | float | bool) and repr(value) not in message:
        return f"{message} (got {value!r})"
    return message
