"""A disk cache of validated rules, so that a fresh ``verify`` process (a
pre-commit hook) skips reading YAML and validating every rule file.

The cache is keyed by the rule files themselves (path, size, modification
time) and by the code that validates them (every module of the package:
the rule model, each check kind's parameters, whose defaults end up in the
rules, and what their validators consult), so any change to either loads the
files afresh. It lives in :func:`verify.cachedir.cache_dir` (``VERIFY_CACHE_DIR=off`` turns
it off). Entries are written atomically and with the user's own
permissions, and an entry that anyone else could have written is ignored (it
is a pickle); a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from verify.cachedir import cache_dir, private
from verify.rules.model import Rule

#: Entries kept; older ones (rule folders no longer used, test folders) are removed.
MAX_ENTRIES = 16
_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent


def cached_rules(folders: list[Path], load: Callable[[list[Path]], list[Rule]]) -> list[Rule]:
    """``load(folders)``, or the rules it gave last time when nothing it depends on changed.

    ``load`` raising (a bad rule file) is never cached: the error is raised every time.
    """
    directory = cache_dir()
    key = _key(folders) if directory is not None else None
    if directory is None or key is None:
        return load(folders)
    entry = directory / f"rules-{hashlib.sha256(repr(sorted(map(str, folders))).encode()).hexdigest()[:24]}.pickle"
    rules = _read(entry, key)
    if rules is None:
        rules = load(folders)
        _write(entry, key, rules)
    return rules


def _key(folders: list[Path]) -> tuple[Any, ...] | None:
    """What the loaded rules depend on; None when a folder cannot be listed (let the loader say why)."""
    parts: list[Any] = [_FORMAT, sys.version_info[:2], _versions()]
    try:
        for folder in folders:
            resolved = folder.resolve()
            files = sorted(resolved.glob("*.yaml")) + sorted(resolved.glob("*.yml"))
            parts.append((str(folder), str(resolved), [_stat(path) for path in files]))
        # The code that validates rules (the rule model, each check's parameters and what
        # their validators consult): any module of the package, to be safe.
        parts.append([_stat(path) for path in sorted(_PACKAGE.rglob("*.py"))])
    except OSError:
        return None
    return tuple(parts)


def _stat(path: Path) -> tuple[str, int, int]:
    status = path.stat()
    return str(path), status.st_size, status.st_mtime_ns


def _versions() -> tuple[str, str]:
    from pydantic import VERSION

    from verify import __version__

    return __version__, str(VERSION)


def _read(entry: Path, key: tuple[Any, ...]) -> list[Rule] | None:
    try:
        with entry.open("rb") as stream:
            if not private(os.fstat(stream.fileno())):
                return None  # an entry someone else could have written is never unpickled
            stored_key, rules = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # unreadable, truncated, written by another version: rebuild it
        return None
    if stored_key != key or not isinstance(rules, list) or not all(isinstance(rule, Rule) for rule in rules):
        return None
    return rules


def _write(entry: Path, key: tuple[Any, ...], rules: list[Rule]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((key, rules), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(entry.parent)
    except (OSError, pickle.PicklingError):
        pass  # no cache this time; the rules were loaded all the same


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("rules-*.pickle"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for stale in entries[MAX_ENTRIES:]:
        stale.unlink(missing_ok=True)
