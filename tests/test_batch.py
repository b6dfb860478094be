"""Checking many files: worker processes give a serial run's output; the
progress bar appears on a terminal only."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, SEED
from verify.batch import check_paths, default_jobs
from verify.rules import Rule

#: The articles of the corpus whose names sort first: enough for several chunks per worker.
FOLDER_SIZE = 12


def _verify(
    *args: str, stderr: int = subprocess.PIPE, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``verify check`` as a fresh process with piped output."""
    command = [sys.executable, "-m", "verify.cli", "check", *args]
    return subprocess.run(
        command, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=stderr, env=env, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of real corpus articles, one of them in a subfolder and one unreadable."""
    target = tmp_path_factory.mktemp("articles")
    articles = sorted(CORPUS.glob("*.md"))[:FOLDER_SIZE]
    for index, article in enumerate(articles):
        place = target / "more" if index % 3 == 0 else target
        place.mkdir(exist_ok=True)
        (place / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    (target / "broken.txt").write_bytes(b"\xff\xfe not UTF-8 \xff")
    return target


def test_parallel_json_is_identical_to_serial(folder: Path) -> None:
    serial = _verify(str(folder), "--format", "json", "--jobs", "1")
    parallel = _verify(str(folder), "--format", "json", "--jobs", "2")
    assert serial.returncode == parallel.returncode == 2  # the unreadable file
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert '"findings"' in serial.stdout and "broken.txt" in serial.stderr


def test_parallel_report_dir_is_identical_to_serial(folder: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        report_dir = tmp_path / f"jobs{jobs}"
        result = _verify(str(folder), "--report-dir", str(report_dir), "--jobs", jobs)
        written = sorted(report_dir.iterdir())
        assert len(written) == FOLDER_SIZE
        outputs[jobs] = (result.stdout.replace(str(report_dir), "<dir>"), [p.read_text("utf-8") for p in written])
    assert outputs["1"] == outputs["2"]


def test_library_call_keeps_the_given_order(core_rules: list[Rule]) -> None:
    files = sorted(CORPUS.glob("*.md"))[:6]
    files = [*reversed(files), SEED]
    reports = check_paths(files, core_rules, jobs=2, progress=False)
    assert [r.path for r in reports] == [str(f) for f in files]
    assert reports == check_paths(files, core_rules, jobs=1, progress=False)


def test_no_progress_bar_when_piped(folder: Path) -> None:
    result = _verify(str(folder), "--format", "text", "--jobs", "2")
    assert "checking" not in result.stderr
    assert "\x1b[" not in result.stderr + result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith(f"{FOLDER_SIZE + 1} file(s):")


def test_progress_bar_on_a_terminal(folder: Path) -> None:
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TERM")}
    drawn: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        result = _verify(str(folder), "--format", "json", "--jobs", "2", stderr=terminal, env={**env, "TERM": "xterm"})
    finally:
        os.close(terminal)
        reader.join(timeout=10)
        os.close(controller)
    screen = b"".join(drawn).decode("utf-8", "replace")
    assert "checking" in screen
    assert f"/{FOLDER_SIZE + 1}" in screen
    assert result.stdout.startswith("{")  # the report itself still goes to stdout, undisturbed


def test_jobs_must_be_positive(core_rules: list[Rule]) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        check_paths([SEED], core_rules, jobs=0)
    assert _verify(str(SEED), "--jobs", "0").returncode == 2
    assert default_jobs() >= 1
