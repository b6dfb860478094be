"""The pre-commit hook, end to end: `pre-commit try-repo` installs this repository's hook
into a fresh environment and runs it in a newsroom repository.

try-repo takes a repository's committed state plus its changes to tracked files;
to test the working tree as it is (new files too), the test snapshots it into a
temporary repository first, as try-repo's own shadow repository does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIT = ["git", "-c", "user.name=verify tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _snapshot(target: Path) -> Path:
    """The working tree's files (tracked and untracked, less the ignored), committed in a new repository."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    return target


def _try_repo(hooks: Path, newsroom: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "verify", "--verbose", "--files", *files]
    return subprocess.run(command, cwd=newsroom, env=env, capture_output=True, text=True, timeout=900)


def test_hook_fails_the_inconsistent_article_and_passes_the_clean_one(tmp_path: Path) -> None:
    hooks = _snapshot(tmp_path / "verify")
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    (newsroom / "mayor.md").write_text(
        "---\ntitle: Former mayor dies\n---\nChirac was mayor of Paris for 16 years, from 1977 to 1995.\n",
        encoding="utf-8",
    )
    (newsroom / "strike.txt").write_text(
        "The strike went on for about four weeks, from March 1 to March 29, 2019.\n", encoding="utf-8"
    )
    _git(newsroom, "init", "-q")
    _git(newsroom, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)

    failing = _try_repo(hooks, newsroom, env, "mayor.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "verify (article consistency)" in failing.stdout and "Failed" in failing.stdout
    assert "mayor.md:4:31: error core.duration-span '16 years' does not match the dates" in failing.stdout

    passing = _try_repo(hooks, newsroom, env, "strike.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
