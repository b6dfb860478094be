"""Speed of verify, measured beside the libraries a user would otherwise reach for.

In one run, on the same texts (every article of benchmarks/corpus and seeds/,
repeated to at least 200,000 words), it measures:

- throughput, in words per second: verify's full check (document, extraction,
  linking and every core rule), quantulum3's ``parser.parse`` alone and
  dateparser's ``search_dates(text, languages=["en"])`` alone, and verify's
  ratio to each. The tools take turns round by round over the same texts, so
  that a busy machine slows them alike; each figure is the median round.
- cold start: the median wall time of ``verify check ARTICLE --format json`` as
  a fresh process, beside ``python -c pass``;
- scaling: one article repeated 1x, 4x, 16x and 64x in one text, and its time;
- peak memory: the maximum RSS of ``verify check`` on a 10 MiB article, read
  with ``resource.getrusage(RUSAGE_CHILDREN)`` in a process of its own;
- batch: ``verify check FOLDER --jobs N`` over copies of the corpus, serially
  and with every CPU.

Usage: python benchmarks/speed.py [--no-write] [--quick]
Needs the ``bench`` extra (``pip install -e '.[bench]'``) for the baselines; without
it the baselines are reported as not installed. Writes the figures between the
speed markers of benchmarks/RESULTS.md and leaves every other section alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import write_section  # noqa: E402
from verify.api import check_text, default_rules  # noqa: E402
from verify.document import parse_document  # noqa: E402

BEGIN, END = "<!-- speed:begin -->", "<!-- speed:end -->"
SEED = ROOT / "seeds" / "kalbajar-liberation-anniversary.txt"

# Targets from issue 4.
TARGET_RATIO = 10.0
TARGET_COLD_START = 0.35
TARGET_SCALING = 80.0
TARGET_MEMORY_MB = 200.0

#: Runs a wrapper process that starts the command and reports its peak RSS.
_RSS_WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, elapsed, done.returncode)
"""


@dataclass
class Tool:
    """One contestant of the throughput race: a name and a function of one text."""

    name: str
    run: Callable[[str], object]
    #: Per-round seconds over the texts.
    rounds: list[float] = field(default_factory=list)
    words_per_round: int = 0
    error: str | None = None

    @property
    def rate(self) -> float | None:
        """Median words per second, or None when the tool could not run."""
        if not self.rounds:
            return None
        return self.words_per_round / statistics.median(self.rounds)


def words(text: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens."""
    return len(text.split())


def load_texts() -> list[str]:
    """Every article of the corpus and the seeds, as files (front matter included)."""
    paths = sorted((HERE / "corpus").glob("*.md")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def body(text: str) -> str:
    """An article's text without its front matter."""
    return text[parse_document(text).body_start :].strip()


# -- throughput ---------------------------------------------------------------------------


def contestants(baseline_sample: int | None) -> tuple[list[Tool], list[str]]:
    """verify and the baselines that are installed; notes on the ones that are not."""
    rules = default_rules()
    tools = [Tool("verify (full check, all rules)", lambda text: check_text(text, rules=rules))]
    notes: list[str] = []
    try:
        with warnings.catch_warnings():  # quantulum3 warns that its optional classifier is absent
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum_parser
        tools.append(Tool("quantulum3 `parser.parse`", quantulum_parser.parse))
    except ImportError:
        notes.append("quantulum3 is not installed (`pip install -e '.[bench]'`): no ratio to it.")
    try:
        from dateparser.search import search_dates

        tools.append(
            Tool('dateparser `search_dates(text, languages=["en"])`', lambda t: search_dates(t, languages=["en"]))
        )
    except ImportError:
        notes.append("dateparser is not installed (`pip install -e '.[bench]'`): no ratio to it.")
    if baseline_sample is not None:
        notes.append(f"Baselines timed on a sample of about {baseline_sample:,} words per round (--baseline-sample).")
    return tools, notes


def measure_throughput(
    texts: list[str], min_words: int, baseline_sample: int | None
) -> tuple[list[Tool], int, int, list[str]]:
    """Time every tool round by round over the same texts until each has read ``min_words``."""
    tools, notes = contestants(baseline_sample)
    per_round = sum(words(text) for text in texts)
    rounds = max(3, math.ceil(min_words / per_round))
    sample = _sample(texts, baseline_sample)
    for tool in tools:
        chosen = texts if tool is tools[0] else sample
        tool.words_per_round = sum(words(text) for text in chosen)
        try:
            tool.run(texts[0])  # load models, compile patterns, fill caches: not timed
        except Exception as error:  # a baseline that breaks is reported, not fatal
            tool.error = f"{type(error).__name__}: {error}"
    for number in range(rounds):
        # Rotate who goes first so that a load spike hits each tool alike.
        order = tools[number % len(tools) :] + tools[: number % len(tools)]
        for tool in order:
            if tool.error:
                continue
            chosen = texts if tool is tools[0] else sample
            start = time.perf_counter()
            for text in chosen:
                tool.run(text)
            tool.rounds.append(time.perf_counter() - start)
        print(f"  round {number + 1}/{rounds}: " + ", ".join(_round_note(t) for t in tools), file=sys.stderr)
    return tools, per_round, rounds, notes


def _sample(texts: list[str], limit: int | None) -> list[str]:
    """Every ``k``-th text, so that a sample spans the whole corpus."""
    if limit is None:
        return texts
    total = sum(words(text) for text in texts)
    step = max(1, math.ceil(total / limit))
    return texts[::step]


def _round_note(tool: Tool) -> str:
    if tool.error or not tool.rounds:
        return f"{tool.name.split()[0]} -"
    return f"{tool.name.split()[0]} {tool.words_per_round / tool.rounds[-1]:,.0f} w/s"


# -- cold start ------------------------------------------------------------------------------


def verify_command() -> list[str]:
    """The installed ``verify`` script beside this interpreter, else ``python -m verify.cli``."""
    script = Path(sys.executable).parent / "verify"
    if script.exists():
        return [str(script)]
    found = shutil.which("verify")
    return [found] if found else [sys.executable, "-m", "verify.cli"]


def compile_bytecode() -> None:
    """Write verify's bytecode, as ``pip install`` does: a checkout run with
    PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every start."""
    import compileall

    compileall.compile_dir(str(ROOT / "verify"), quiet=1)


def median_wall(command: Sequence[str], runs: int) -> float:
    """Median seconds of ``command`` as a fresh process, after one untimed run."""
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
        if index:  # the first run fills the disk caches (pint, rules, the OS page cache)
            times.append(elapsed)
    return statistics.median(times)


# -- scaling ---------------------------------------------------------------------------------


def measure_scaling(article: str, factors: Sequence[int]) -> list[tuple[int, int, float]]:
    """(factor, words, median seconds) for the article repeated ``factor`` times in one text."""
    rules = default_rules()
    text = body(article)
    check_text(text, rules=rules)
    results = []
    for factor in factors:
        repeated = "\n\n".join([text] * factor)
        runs = max(3, 48 // factor)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            check_text(repeated, rules=rules)
            times.append(time.perf_counter() - start)
        results.append((factor, words(repeated), statistics.median(times)))
        print(f"  scaling {factor}x: {results[-1][2]:.3f} s", file=sys.stderr)
    return results


# -- memory ----------------------------------------------------------------------------------


def big_article(texts: list[str], size: int) -> str:
    """The corpus bodies, one after another, repeated until the article has ``size`` bytes."""
    bodies = "\n\n".join(body(text) for text in texts)
    copies = math.ceil(size / len(bodies.encode("utf-8")))
    return "\n\n".join([bodies] * copies)


def measure_memory(
    texts: list[str], size: int, formats: Sequence[str], timeout: float
) -> tuple[int, int, list[tuple[str, float, float]]]:
    """(bytes, words, [(format, peak RSS in MB, seconds)]) of ``verify check`` on one
    article of ``size`` bytes, each format in a fresh process."""
    article = big_article(texts, size)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.md"
        path.write_text(article, encoding="utf-8")
        for output_format in formats:
            command = [*verify_command(), "check", str(path), "--format", output_format]
            done = subprocess.run(
                [sys.executable, "-c", _RSS_WRAPPER, *command],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
            try:
                peak_kb, elapsed, status = done.stdout.split()
            except ValueError:
                raise RuntimeError(f"memory run failed: {done.stderr[-1000:]}") from None
            if int(status) not in (0, 1):
                raise RuntimeError(f"memory run exited {status}: {done.stderr[-1000:]}")
            results.append((output_format, int(peak_kb) / 1024, float(elapsed)))
            print(f"  {output_format}: {results[-1][1]:.0f} MB, {results[-1][2]:.1f} s", file=sys.stderr)
    return len(article.encode("utf-8")), words(article), results


# -- batch -------------------------------------------------------------------------------------


def measure_batch(copies: int, runs: int) -> tuple[int, int, list[tuple[int, float]]]:
    """(files, jobs, [(jobs, median seconds)]) of ``verify check FOLDER --format json`` over
    ``copies`` copies of the corpus, serial and with every CPU."""
    from verify.batch import default_jobs

    corpus = sorted((HERE / "corpus").glob("*.md"))
    jobs = default_jobs()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for copy in range(copies):
            target = Path(folder) / f"copy{copy:03d}"
            target.mkdir()
            for article in corpus:
                shutil.copyfile(article, target / article.name)
        for count in sorted({1, jobs}):
            command = [*verify_command(), "check", folder, "--format", "json", "--jobs", str(count)]
            results.append((count, median_wall(command, runs)))
            print(f"  --jobs {count}: {results[-1][1]:.2f} s", file=sys.stderr)
    return len(corpus) * copies, jobs, results


# -- the report ------------------------------------------------------------------------------


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def render(
    tools: list[Tool],
    per_round: int,
    rounds: int,
    notes: list[str],
    cold: tuple[float, float, str] | None,
    scaling: list[tuple[int, int, float]],
    memory: tuple[int, int, list[tuple[str, float, float]]] | None,
    batch: tuple[int, int, list[tuple[int, float]]] | None,
    load: tuple[tuple[float, ...], tuple[float, ...]],
    size: int,
) -> str:
    """The speed section of RESULTS.md."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        BEGIN,
        "## Speed",
        "",
        "Written by `benchmarks/speed.py`; do not edit by hand. "
        f"Measured {now} with Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPU(s); load average {_load(load[0])} at the start and {_load(load[1])} at the end "
        "(other work on the machine slows every figure; the throughput rounds alternate the tools so that it slows them alike).",
        "",
        "### Throughput",
        "",
        f"The same texts for every tool: the {len(load_texts())} articles of benchmarks/corpus and seeds/ "
        f"({per_round:,} words), read {rounds} times ({per_round * rounds:,} words). "
        "Each figure is the median round; verify's includes parsing the document, extraction, linking and every core rule.",
        "",
        "| tool | words/s (median round) | verify's ratio | target |",
        "| --- | ---: | ---: | --- |",
    ]
    ours = tools[0].rate
    for tool in tools:
        rate = tool.rate
        if tool is tools[0]:
            lines.append(f"| {tool.name} | {rate:,.0f} | 1 | |" if rate else f"| {tool.name} | failed | | |")
        elif rate is None or ours is None:
            lines.append(f"| {tool.name} | failed: {tool.error} | | ≥ {TARGET_RATIO:.0f}× |")
        else:
            ratio = ours / rate
            lines.append(
                f"| {tool.name} | {rate:,.0f} | {ratio:.1f}× | ≥ {TARGET_RATIO:.0f}×: {_mark(ratio >= TARGET_RATIO)} |"
            )
    lines += ["", *(f"- {note}" for note in notes)] if notes else []
    lines += ["", "### Cold start", ""]
    if cold:
        ours_cold, python_cold, command = cold
        lines += [
            f"Median wall time of a fresh process ({command}), after one untimed run that fills the disk caches "
            "(pint's registry, the validated rules) and with verify's bytecode written, as an install has it.",
            "",
            "| command | seconds (median) | target |",
            "| --- | ---: | --- |",
            f"| `verify check {SEED.relative_to(ROOT)} --format json` | {ours_cold:.3f} | "
            f"≤ {TARGET_COLD_START} s: {_mark(ours_cold <= TARGET_COLD_START)} |",
            f"| `python -c pass` | {python_cold:.3f} | |",
        ]
    else:
        lines.append("Not measured (--skip-cold-start).")
    lines += ["", "### Scaling", ""]
    if scaling:
        _, _, first = scaling[0]
        lines += [
            f"The body of `{SEED.relative_to(ROOT)}` repeated in one text, checked in-process (median of several runs).",
            "",
            "| copies | words | seconds | × the time of 1 copy | words/s |",
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for factor, count, seconds in scaling:
            lines.append(f"| {factor} | {count:,} | {seconds:.4f} | {seconds / first:.1f} | {count / seconds:,.0f} |")
        factor, _, seconds = scaling[-1]
        lines += [
            "",
            f"{factor}× the text took {seconds / first:.1f}× the time: target ≤ {TARGET_SCALING:.0f}×, "
            f"{_mark(seconds / first <= TARGET_SCALING)}.",
        ]
    else:
        lines.append("Not measured (--skip-scaling).")
    lines += ["", "### Peak memory", ""]
    if memory:
        size_bytes, count, runs = memory
        lines += [
            f"`verify check ARTICLE --format FORMAT` on one article of {size_bytes / 2**20:.1f} MiB "
            f"({count:,} words: the corpus bodies repeated), each as a fresh process; peak RSS of that process. "
            "An article over 1,000,000 characters is checked in sections of whole sentences (verify/sections.py); "
            "the formats that list every claim keep a long article's claims packed as compressed JSON "
            "(verify/claims/packed.py) and write the report a piece at a time.",
            "",
            "| format | peak RSS (MB) | seconds | words/s | target ≤ 200 MB |",
            "| --- | ---: | ---: | ---: | --- |",
        ]
        for output_format, peak, seconds in runs:
            lines.append(
                f"| {output_format} | {peak:,.0f} | {seconds:.1f} | {count / seconds:,.0f} | "
                f"{_mark(peak <= TARGET_MEMORY_MB)} |"
            )
    else:
        lines.append(f"Not measured (--skip-memory; input size {size / 2**20:.0f} MiB).")
    lines += ["", "### Batch", ""]
    if batch:
        files, jobs, timings = batch
        lines += [
            f"`verify check FOLDER --format json --jobs N` over {files} articles (the corpus copied), "
            f"median of fresh processes; output identical whatever N (tests/test_batch.py).",
            "",
            "| --jobs | seconds | articles/s |",
            "| ---: | ---: | ---: |",
        ]
        lines += [f"| {count} | {seconds:.2f} | {files / seconds:,.0f} |" for count, seconds in timings]
        if jobs == 1:
            lines += ["", "One CPU here: nothing to parallelise."]
    else:
        lines.append("Not measured (--skip-batch).")
    lines += ["", END]
    return "\n".join(lines)


def _load(values: tuple[float, ...]) -> str:
    return " / ".join(f"{value:.2f}" for value in values) if values else "unknown"


def _load_average() -> tuple[float, ...]:
    try:
        return os.getloadavg()
    except OSError:
        return ()


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and write the speed section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    parser.add_argument("--quick", action="store_true", help="a short run to try the script (not for RESULTS.md)")
    parser.add_argument("--min-words", type=int, default=200_000, help="words each tool reads (default 200,000)")
    parser.add_argument("--baseline-sample", type=int, default=None, help="words per round for the baselines")
    parser.add_argument("--cold-runs", type=int, default=11, help="timed fresh processes (default 11)")
    parser.add_argument("--memory-mib", type=float, default=10.0, help="size of the memory test's article")
    parser.add_argument(
        "--memory-formats", default="json,markdown,text", help="formats of the memory test (default json,markdown,text)"
    )
    parser.add_argument("--memory-timeout", type=float, default=900.0, help="seconds before the memory run is stopped")
    parser.add_argument("--skip-cold-start", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--batch-copies", type=int, default=10, help="copies of the corpus in the batch test")
    args = parser.parse_args(argv)
    if args.quick:
        args.min_words, args.cold_runs, args.memory_mib, args.batch_copies = 20_000, 3, 1.0, 2
        args.baseline_sample = args.baseline_sample or 3_000

    load_start = _load_average()
    texts = load_texts()
    print("throughput ...", file=sys.stderr)
    tools, per_round, rounds, notes = measure_throughput(texts, args.min_words, args.baseline_sample)

    cold = None
    if not args.skip_cold_start:
        print("cold start ...", file=sys.stderr)
        command = [*verify_command(), "check", str(SEED.relative_to(ROOT)), "--format", "json"]
        os.chdir(ROOT)
        compile_bytecode()
        ours = median_wall(command, args.cold_runs)
        python = median_wall([sys.executable, "-c", "pass"], args.cold_runs)
        cold = (ours, python, f"{args.cold_runs} runs")

    scaling = [] if args.skip_scaling else measure_scaling(SEED.read_text(encoding="utf-8"), (1, 4, 16, 64))

    size = int(args.memory_mib * 2**20)
    memory = None
    if not args.skip_memory:
        print("peak memory ...", file=sys.stderr)
        memory = measure_memory(texts, size, args.memory_formats.split(","), args.memory_timeout)

    batch = None
    if not args.skip_batch:
        print("batch ...", file=sys.stderr)
        batch = measure_batch(args.batch_copies, 3)

    section = render(
        tools,
        per_round,
        rounds,
        notes,
        cold,
        scaling,
        memory,
        batch,
        (load_start, _load_average()),
        size,
    )
    print(section)
    if not args.no_write and not args.quick:
        write_section(args.results, section, BEGIN, END)


if __name__ == "__main__":
    main()
