"""Checking many files at once: worker processes, a progress bar, serial-identical output.

``check_paths`` is what ``verify check`` calls. It hands files to ``jobs`` worker
processes (default: the CPUs this process may use) and returns the reports in
the order the files were given, so that every output format is byte-for-byte
what a serial run writes. A single file, or ``jobs=1``, runs in this process:
the pre-commit hook pays for no pool.

A progress bar is drawn on standard error only when it is a terminal, so a
piped or redirected run prints exactly what it printed before.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from verify.api import ClaimStorage, check_path
from verify.document.model import DEFAULT_DATE_FIELDS
from verify.reports.model import FileReport
from verify.rules import Rule

if TYPE_CHECKING:
    from concurrent.futures import Future

#: Files handed to a worker at a time: enough to amortise the pickling, few
#: enough that the last worker does not hold the others up.
_MAX_CHUNK = 8


def default_jobs() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_paths(
    files: Sequence[Path],
    rules: list[Rule],
    published: dt.date | None = None,
    encoding: str = "utf-8",
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS,
    *,
    jobs: int | None = None,
    progress: bool | None = None,
    claims: ClaimStorage = "objects",
) -> list[FileReport]:
    """Check ``files`` and return one report each, in the given order.

    ``jobs`` is the number of worker processes (None: :func:`default_jobs`);
    ``progress`` draws a bar on standard error (None: only when it is a terminal
    and there is more than one file); ``claims`` as in :func:`verify.api.check_document`.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    workers = min(jobs or default_jobs(), len(files))
    if progress is None:
        progress = len(files) > 1 and sys.stderr.isatty()
    if workers <= 1:
        reports = []
        with _progress_bar(len(files), enabled=progress) as advance:
            for path in files:
                reports.append(check_path(path, rules, published, encoding, date_fields, claims))
                advance(1)
        return reports
    return _check_in_pool(files, rules, published, encoding, date_fields, workers, progress, claims)


def _check_in_pool(
    files: Sequence[Path],
    rules: list[Rule],
    published: dt.date | None,
    encoding: str,
    date_fields: tuple[str, ...],
    workers: int,
    progress: bool,
    claims: ClaimStorage,
) -> list[FileReport]:
    # Imported here: a one-file run (the pre-commit hook) does not pay for multiprocessing.
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    size = max(1, min(_MAX_CHUNK, len(files) // (workers * 4)))
    chunks = [list(files[i : i + size]) for i in range(0, len(files), size)]
    results: list[list[FileReport] | None] = [None] * len(chunks)
    executor = ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(rules, published, encoding, date_fields, claims)
    )
    try:
        # Submitting starts the workers; with the fork start method that has to
        # happen before the progress bar starts its drawing thread.
        pending: dict[Future[list[FileReport]], int] = {
            executor.submit(_check_chunk, chunk): index for index, chunk in enumerate(chunks)
        }
        with _progress_bar(len(files), enabled=progress) as advance:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    results[index] = future.result()
                    advance(len(chunks[index]))
    except BaseException as error:
        if not isinstance(error, Exception):
            # Ctrl-C (or an exit): stop the files being checked rather than wait for them.
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return [report for chunk in results if chunk is not None for report in chunk]


# -- the worker side: the settings are sent once per process, not once per file --

_settings: tuple[list[Rule], dt.date | None, str, tuple[str, ...], ClaimStorage] | None = None


def _init_worker(
    rules: list[Rule], published: dt.date | None, encoding: str, date_fields: tuple[str, ...], claims: ClaimStorage
) -> None:
    global _settings
    _settings = (rules, published, encoding, date_fields, claims)
    # Ctrl-C reaches the whole process group: the parent stops the pool and exits
    # 130; a worker that raised too would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_chunk(paths: list[Path]) -> list[FileReport]:
    assert _settings is not None, "worker used without _init_worker"
    rules, published, encoding, date_fields, claims = _settings
    return [check_path(path, rules, published, encoding, date_fields, claims) for path in paths]


@contextmanager
def _progress_bar(total: int, *, enabled: bool) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; draw a rich bar on standard error when ``enabled``."""
    if not enabled:
        yield lambda _: None
        return
    # rich is imported only here: a piped run and a one-file hook never pay for it.
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task("check", total=total)
        yield lambda n: bar.advance(task, n)
