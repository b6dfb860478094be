"""Where verify keeps what it caches between runs (validated rules, pint's answers)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """``$VERIFY_CACHE_DIR``, else ``$XDG_CACHE_HOME/verify``, else ``~/.cache/verify``;
    None when ``VERIFY_CACHE_DIR`` turns caching off (``off``, ``0``, ``no``, ``false`` or empty)."""
    chosen = os.environ.get("VERIFY_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "0", "off", "no", "false") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "verify"


def private(status: os.stat_result) -> bool:
    """True when only this user can have written the file (always true where there are no owners)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (status.st_uid == getuid() and not status.st_mode & 0o022)
