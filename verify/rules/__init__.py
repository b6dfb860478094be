"""Rules: the declarative YAML files under ``rules/`` and their loader.

A rule names a check ``kind`` (implemented once in :mod:`verify.checks`), its
level, message templates and parameters, and carries pass/fail examples.
"""

from verify.rules.loader import RuleError, core_rules_dir, load_rule_file, load_rules
from verify.rules.model import Example, Examples, Rule

__all__ = ["Example", "Examples", "Rule", "RuleError", "core_rules_dir", "load_rule_file", "load_rules"]
