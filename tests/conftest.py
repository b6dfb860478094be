"""Shared fixtures: the repository's folders and the core rules, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.rules import Rule, core_rules_dir, load_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kalbajar-liberation-anniversary.txt"
CORPUS = ROOT / "benchmarks" / "corpus"


@pytest.fixture(scope="session")
def core_rules() -> list[Rule]:
    return load_rules([core_rules_dir()])
