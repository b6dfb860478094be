"""Time pathological inputs at growing sizes: the time must grow linearly with the size.

Each family of adversarial text (100,000 digits, "1-1-1-..." and "1/1/1/..." runs,
nested parentheses, a line of hyphens, mixed scripts, zero-width and bidirectional
control characters, ...) is built at four sizes, each doubling the last, and run
through ``check_text`` with the core rules. For each family it reports the time per
size and the growth exponent, the slope of log(time) against log(size) over the four
sizes: 1.0 is linear, 2.0 quadratic. A family is marked linear below 1.3 (timing noise on a
shared machine stays well below that; a quadratic blow-up does not).

Usage: python benchmarks/adversarial.py [--no-write] [--quick]
Writes its figures between the adversarial markers of benchmarks/RESULTS.md and leaves
every other section alone.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import write_section  # noqa: E402
from verify.api import check_text, default_rules  # noqa: E402

BEGIN, END = "<!-- adversarial:begin -->", "<!-- adversarial:end -->"
#: Below this growth exponent a family counts as linear.
LINEAR = 1.3


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


#: name → (what it is, builder of a text of about ``size`` characters, size scale)
FAMILIES: dict[str, tuple[str, Callable[[int], str], int]] = {
    "digits": ("one run of digits", lambda n: "It cost " + "7" * n + " dollars.", 1),
    "dash-run": ('"1-1-1-…" ending in a unit', lambda n: "1-" * (n // 2) + "1 km", 1),
    "slash-run": ('"1/1/1/…" ending in a unit', lambda n: "1/" * (n // 2) + "1 kV", 1),
    "dot-run": ('"1.1.1.…"', _repeat("1."), 1),
    "comma-run": ('"1,1,1,…" ending in a noun', lambda n: "1," * (n // 2) + "1 people", 1),
    "space-run": ('"1 1 1 …"', _repeat("1 "), 1),
    "parentheses": (
        "nested parentheses around a conversion",
        lambda n: "(" * (n // 2) + "3 km (2 mi)" + ")" * (n // 2),
        1,
    ),
    "hyphen-line": ("one line of hyphens", lambda n: "-" * n, 10),
    "mixed-scripts": (
        "Cyrillic, CJK, Arabic, Hebrew, Devanagari digits and units",
        _repeat("Москва 12 км, 東京 ٣٤ km, עברית 5 kV, 2019年5月3日 ελληνικά 7% हिन्दी १२३ 𝟙𝟚 km. "),
        1,
    ),
    "invisible": (
        "zero-width and bidi controls inside figures and dates",
        _repeat(
            "On May\u200b 5, 2019\u200d the 70\u2011km\u2060-long line, 1\u200c10 kV\u202e, opened \u2066(12 km)\u2069. "
        ),
        1,
    ),
    "dense-claims": (
        "one sentence of figures with no full stop",
        _repeat("the 12 km road cost $4 million and 3 people "),
        1,
    ),
    "quotes": ("unpaired quotation marks", _repeat('"“«'), 1),
    "line-ends": ("CR, LF and blank lines", _repeat("3 km\r\n\r"), 1),
}


def measure(builder: Callable[[int], str], sizes: Sequence[int], repeats: int) -> list[tuple[int, float]]:
    """The best of ``repeats`` CPU times of ``check_text`` for each size.

    CPU time of this process, not wall time: on a shared machine waiting for a core
    would otherwise show up as growth."""
    rules = default_rules()
    results = []
    for size in sizes:
        text = builder(size)
        best = math.inf
        for _ in range(repeats):
            gc.collect()
            start = time.process_time()
            check_text(text, rules=rules)
            best = min(best, time.process_time() - start)
        results.append((len(text), best))
    return results


def exponent(points: list[tuple[int, float]]) -> float:
    """Growth exponent: the slope of log(time) against log(size), fitted over every size
    (a least-squares fit is steadier than two end points on a busy machine)."""
    pairs = [(math.log(n), math.log(t)) for n, t in points if t > 0]
    if len(pairs) < 2:
        return 0.0
    mean_x = sum(x for x, _ in pairs) / len(pairs)
    mean_y = sum(y for _, y in pairs) / len(pairs)
    spread = sum((x - mean_x) ** 2 for x, _ in pairs)
    return sum((x - mean_x) * (y - mean_y) for x, y in pairs) / spread if spread else 0.0


def render(rows: list[tuple[str, str, list[tuple[int, float]]]], base: int, load: tuple[float, float]) -> str:
    """The adversarial section of RESULTS.md."""
    sizes = [base * 2**step for step in range(4)]
    header = " / ".join(f"{size / 1000:g}k" for size in sizes)
    lines = [
        BEGIN,
        "## Adversarial inputs",
        "",
        "Pathological texts at four sizes (characters; the hyphen line at ten times these), each through "
        "`check_text` with the core rules; CPU seconds of the process, best of "
        f"{REPEATS} runs. Growth exponent = the slope of log(time) against log(size) over the four sizes: 1.0 is linear, 2.0 quadratic; linear means below {LINEAR}. Regenerate with "
        "`python benchmarks/adversarial.py`.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average {load[0]:.2f} before, {load[1]:.2f} after (CPU time, unlike wall time, hardly depends on it).",
        "",
        f"| input | what | seconds at {header} | µs per character (largest) | growth exponent | linear |",
        "|---|---|---|---:|---:|:---:|",
    ]
    for name, what, points in rows:
        seconds = " / ".join(f"{t:.2f}" for _, t in points)
        per_char = points[-1][1] / points[-1][0] * 1e6
        growth = exponent(points)
        lines.append(
            f"| {name} | {what} | {seconds} | {per_char:.1f} | {growth:.2f} | {'yes' if growth < LINEAR else '**no**'} |"
        )
    lines += ["", END]
    return "\n".join(lines)


REPEATS = 2


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def main(argv: Sequence[str] | None = None) -> None:
    """Measure every family and write the section."""
    global REPEATS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script (not for RESULTS.md)")
    parser.add_argument("--base", type=int, default=12_500, help="the smallest size in characters (default 12,500)")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="runs per size; the best counts (default 2)")
    parser.add_argument("--only", action="append", choices=sorted(FAMILIES), help="measure only this family")
    args = parser.parse_args(argv)
    REPEATS = args.repeats
    base = 1_000 if args.quick else args.base
    load_before = _load()
    rows = []
    for name, (what, builder, scale) in FAMILIES.items():
        if args.only and name not in args.only:
            continue
        sizes = [base * scale * 2**step for step in range(4)]
        points = measure(builder, sizes, args.repeats)
        print(f"{name:14} " + "  ".join(f"{n:>9,}: {t:6.2f}s" for n, t in points) + f"  exp {exponent(points):.2f}",
              file=sys.stderr, flush=True)  # fmt: skip
        rows.append((name, what, points))
    section = render(rows, base, (load_before, _load()))
    print(section)
    if not args.no_write and not args.quick and not args.only:
        write_section(args.results, section, BEGIN, END)


if __name__ == "__main__":
    main()
