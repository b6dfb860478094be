"""The disk cache of validated rules: same rules as a fresh load, refreshed when a
rule file changes, harmless when it cannot be written, never caching an error."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from verify.rules import RuleError, core_rules_dir, load_rules
from verify.rules.cache import cache_dir


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the core rules that a test may edit."""
    folder = tmp_path / "rules"
    shutil.copytree(core_rules_dir(), folder)
    return folder


@pytest.fixture()
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(folder))
    return folder


def _uncached(folders: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[object]:
    with monkeypatch.context() as patch:
        patch.setenv("VERIFY_CACHE_DIR", "off")
        return list(load_rules(folders))


def test_cached_rules_equal_a_fresh_load(
    rules_copy: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_rules([rules_copy])
    assert list(private_cache.glob("rules-*.pickle")), "the first load writes the cache"
    second = load_rules([rules_copy])
    assert second == first == _uncached([rules_copy], monkeypatch)
    assert second[0] is not first[0]  # read back from disk, not the same objects


def test_an_edited_rule_file_is_read_again(rules_copy: Path, private_cache: Path) -> None:
    load_rules([rules_copy])
    target = rules_copy / "duration-span.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("level: error", "level: warning", 1), encoding="utf-8")
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    rule = next(r for r in load_rules([rules_copy]) if r.id == "core.duration-span")
    assert rule.level == "warning"


def test_a_bad_rule_file_is_refused_every_time(rules_copy: Path, private_cache: Path) -> None:
    load_rules([rules_copy])
    (rules_copy / "zz-broken.yaml").write_text("id: core.broken\nkind: no_such_kind\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError, match=r"zz-broken\.yaml"):
            load_rules([rules_copy])


def test_an_unwritable_or_corrupt_cache_is_harmless(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(blocked / "cache"))
    assert load_rules([rules_copy]) == _uncached([rules_copy], monkeypatch)

    folder = tmp_path / "cache"
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(folder))
    load_rules([rules_copy])
    for entry in folder.glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_rules([rules_copy]) == _uncached([rules_copy], monkeypatch)


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VERIFY_CACHE_DIR", "off")
    assert cache_dir() is None
    monkeypatch.delenv("VERIFY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "verify"


def test_an_entry_others_could_write_is_not_unpickled(rules_copy: Path, private_cache: Path) -> None:
    load_rules([rules_copy])
    (entry,) = private_cache.glob("rules-*.pickle")
    key, _ = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps((key, [])))  # a valid entry saying "no rules"...
    entry.chmod(0o666)  # ...that anyone could have written
    assert len(load_rules([rules_copy])) == len(list(rules_copy.glob("*.yaml")))
    entry.chmod(0o600)
    entry.write_bytes(pickle.dumps((key, [])))
    assert load_rules([rules_copy]) == []  # the same entry, private, is trusted
