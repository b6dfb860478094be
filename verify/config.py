"""Configuration files: ``[tool.verify]`` in ``pyproject.toml``, or a ``.verify.toml``.

A file's settings come from the configuration nearest to it, found by walking up
from its folder to the filesystem root, as ruff does: in each folder a
``.verify.toml`` wins over a ``pyproject.toml``, and a ``pyproject.toml``
without a ``[tool.verify]`` table is passed over. Command-line flags override
the file (see :class:`Overrides`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from verify.document.model import DEFAULT_DATE_FIELDS
from verify.findings import SEVERITY_ORDER, Finding, Severity
from verify.reports.model import FileReport
from verify.rules import Rule, RuleError, core_rules_dir, load_rules

#: Names of configuration files, in the order they win within one folder.
CONFIG_FILES = (".verify.toml", "pyproject.toml")

#: What happens to a problem found inside quoted speech: reported at most at
#: ``info`` (the default) or ``warning``, kept at its rule's level, or dropped.
QuoteHandling = Literal["info", "warning", "keep", "ignore"]

#: The finding verify reports for a suppression comment that matched nothing.
UNUSED_SUPPRESSION = "verify.unused-suppression"
#: The finding verify reports for a ``verify:`` comment it cannot read.
INVALID_SUPPRESSION = "verify.invalid-suppression"
#: verify's own findings about suppression comments, selectable like rules.
BUILTIN_IDS = (UNUSED_SUPPRESSION, INVALID_SUPPRESSION)
_BUILTIN_CATEGORY = "other"


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the problem."""


class Config(BaseModel):
    """The keys of ``[tool.verify]`` / ``.verify.toml`` (kebab-case in the file)."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=lambda name: name.replace("_", "-"), populate_by_name=True
    )

    #: Run only rules whose id starts with, or whose category is, one of these.
    select: list[str] | None = None
    #: Skip rules whose id starts with, or whose category is, one of these.
    ignore: list[str] = []
    #: Level per rule id, id prefix or category; the most specific key wins.
    levels: dict[str, Severity] = {}
    #: Extra rule folders, relative to the configuration file.
    rules: list[Path] = []
    #: The lowest finding level that makes the run exit 1.
    fail_level: Severity = "error"
    #: Front-matter fields that hold the publication date, first present wins.
    date_fields: list[str] = Field(default=list(DEFAULT_DATE_FIELDS), min_length=1)
    #: What happens to problems found inside quoted speech.
    quotes: QuoteHandling = "info"


@dataclass(frozen=True)
class Overrides:
    """Command-line settings, which win over the configuration file.

    ``select`` replaces the file's select and ignore; ``ignore`` adds to the
    file's ignore; ``rules`` folders add to the file's.
    """

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    fail_level: Severity | None = None
    quotes: QuoteHandling | None = None


@dataclass(frozen=True)
class Settings:
    """Everything the check of one file needs, with configuration and flags resolved."""

    rules: list[Rule]
    fail_level: Severity = "error"
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS
    quotes: QuoteHandling = "info"
    #: Level of unused-suppression findings; None when they are ignored.
    unused_level: Severity | None = "warning"
    #: Level of invalid-suppression findings; None when they are ignored.
    invalid_level: Severity | None = "warning"
    #: The configuration file these settings come from, if any.
    source: Path | None = None

    def fails(self, severity: str) -> bool:
        """True when a finding of ``severity`` makes the run exit 1."""
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.fail_level]


def find_config(start: Path) -> Path | None:
    """The configuration file nearest to ``start`` (a file or folder), walking up to the root."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is only our problem if it is meant for us:
        # look for the table header in the raw text.
        try:
            return "[tool.verify" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return isinstance(data.get("tool"), dict) and "verify" in data["tool"]


def load_config(path: Path) -> Config:
    """Read and validate one configuration file. Raises :class:`ConfigError`."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    try:
        data: Any = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    where = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("verify", {})
        where = "tool.verify."
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: 'tool.verify' must be a table")
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{path}: {_describe(error, where)}") from None
    folder = path.resolve().parent
    return config.model_copy(update={"rules": [folder / item for item in config.rules]})


def _describe(error: ValidationError, where: str) -> str:
    known = ", ".join(sorted(info.alias or name for name, info in Config.model_fields.items()))
    problems = []
    for item in error.errors():
        key = where + ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"key '{key}': unknown key (known: {known})")
        else:
            problems.append(f"key '{key}': {item['msg']}")
    return "; ".join(problems)


def matches(rule_id: str, category: str, pattern: str) -> bool:
    """True when ``pattern`` names the rule: its id, a prefix of its id, or its category."""
    return rule_id.startswith(pattern) or category == pattern


def _specificity(rule_id: str, category: str, pattern: str) -> tuple[int, int] | None:
    if rule_id == pattern:
        return (3, len(pattern))
    if rule_id.startswith(pattern):
        return (2, len(pattern))
    if category == pattern:
        return (1, 0)
    return None


def level_for(rule_id: str, category: str, levels: dict[str, Severity]) -> Severity | None:
    """The level ``levels`` gives the rule: exact id over the longest prefix over category."""
    best: tuple[tuple[int, int], Severity] | None = None
    for pattern, level in levels.items():
        score = _specificity(rule_id, category, pattern)
        if score is not None and (best is None or score > best[0]):
            best = (score, level)
    return best[1] if best else None


def _selected(rule_id: str, category: str, select: list[str] | None, ignore: list[str]) -> bool:
    chosen = not select or any(matches(rule_id, category, p) for p in select)
    return chosen and not any(matches(rule_id, category, p) for p in ignore)


class Resolver:
    """Settings for each checked file, from its nearest configuration and the flags.

    ``config`` names one file to use for every path (``--config``); ``isolated``
    ignores configuration files altogether (``--isolated``). Configurations are
    loaded once each and cached by path.
    """

    def __init__(self, overrides: Overrides | None = None, config: Path | None = None, isolated: bool = False) -> None:
        self.overrides = overrides or Overrides()
        self.explicit = config
        self.isolated = isolated
        self._cache: dict[Path | None, Settings] = {}
        self._found: dict[Path, Path | None] = {}  # folder → its configuration, so a folder is searched once
        if config is not None and not config.is_file():
            raise ConfigError(f"{config}: configuration file does not exist")

    def config_path(self, path: Path) -> Path | None:
        """The configuration file that applies to ``path``, or None."""
        if self.isolated:
            return None
        if self.explicit is not None:
            return self.explicit.resolve()
        folder = path.resolve()
        if not folder.is_dir():
            folder = folder.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        return self._found[folder]

    def for_path(self, path: Path) -> Settings:
        """The settings for checking ``path`` (a file, or a folder for commands without one)."""
        source = self.config_path(path)
        if source not in self._cache:
            config = load_config(source) if source is not None else Config()
            self._cache[source] = self._settings(config, source)
        return self._cache[source]

    def _settings(self, config: Config, source: Path | None) -> Settings:
        flags = self.overrides
        try:
            rules = load_rules([core_rules_dir(), *config.rules, *flags.rules])
        except RuleError as error:
            raise ConfigError(f"{source}: {error}" if source and config.rules else str(error)) from None
        names = [(rule.id, rule.category) for rule in rules] + [(b, _BUILTIN_CATEGORY) for b in BUILTIN_IDS]
        for pattern in config.levels:
            if not any(_specificity(i, c, pattern) for i, c in names):
                raise ConfigError(f"{source}: key 'levels': {pattern!r} names no rule, rule prefix or category")
        select: list[str] | None
        if flags.select is not None:
            select, ignore = flags.select, list(flags.ignore)
        else:
            select, ignore = config.select, [*config.ignore, *flags.ignore]
        chosen = []
        for rule in rules:
            if not _selected(rule.id, rule.category, select, ignore):
                continue
            level = level_for(rule.id, rule.category, config.levels)
            chosen.append(rule if level is None else rule.model_copy(update={"level": level}))

        def builtin(rule_id: str) -> Severity | None:
            # verify's own findings about its comments are not rules: `select`
            # does not turn them off, only `ignore` does.
            if not _selected(rule_id, _BUILTIN_CATEGORY, None, ignore):
                return None
            return level_for(rule_id, _BUILTIN_CATEGORY, config.levels) or "warning"

        return Settings(
            rules=chosen,
            fail_level=flags.fail_level or config.fail_level,
            date_fields=tuple(config.date_fields),
            quotes=flags.quotes or config.quotes,
            unused_level=builtin(UNUSED_SUPPRESSION),
            invalid_level=builtin(INVALID_SUPPRESSION),
            source=source,
        )


def apply_quotes(findings: list[Finding], quotes: QuoteHandling, levels: Mapping[str, Severity]) -> list[Finding]:
    """Findings with those in quoted speech set to the level ``quotes`` allows.

    ``levels`` gives each rule's own level, so that the policy can be applied
    again to findings already lowered (``"keep"`` restores the rule's level).
    """
    result = []
    for finding in findings:
        if not finding.quoted or finding.rule not in levels:
            result.append(finding)
            continue
        if quotes == "ignore":
            continue
        level = levels[finding.rule]
        if quotes != "keep" and SEVERITY_ORDER[level] > SEVERITY_ORDER[quotes]:
            level = quotes
        result.append(finding if finding.severity == level else finding.model_copy(update={"severity": level}))
    return result


def apply_settings(report: FileReport, settings: Settings) -> FileReport:
    """``report`` (checked with the library defaults) under ``settings``: the quote
    policy, and the levels of verify's own suppression findings."""
    findings = apply_quotes(report.findings, settings.quotes, {rule.id: rule.level for rule in settings.rules})
    builtin = {UNUSED_SUPPRESSION: settings.unused_level, INVALID_SUPPRESSION: settings.invalid_level}
    kept = []
    for finding in findings:
        if finding.rule in builtin:
            level = builtin[finding.rule]
            if level is None:
                continue
            finding = finding if finding.severity == level else finding.model_copy(update={"severity": level})
        kept.append(finding)
    notes = report.notes
    hidden = len(report.findings) - len(findings)
    if hidden:
        notes = [*notes, f'{hidden} finding(s) in quoted speech not shown (quotes = "ignore").']
    return report.model_copy(update={"findings": kept, "notes": notes})
