"""Score verify on the labelled corpus exactly as benchmarks/corpus/README.md defines.

A label counts as found when a reported finding of severity warning or error
overlaps its span or one of its related spans. A warning or error that overlaps
no label is a false alarm. Findings of severity info are neither.

Usage: python benchmarks/accuracy.py [--corpus DIR] [--results FILE] [--no-write]
Writes the figures into the "Accuracy" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from verify.api import check_path, default_rules  # noqa: E402
from verify.findings import Category, Finding  # noqa: E402

CATEGORIES = [category for category in get_args(Category) if category != "other"]
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"


@dataclass
class Score:
    """Counts over the corpus, and the misses and false alarms by name."""

    labels: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    true_alarms: int = 0
    false_alarms: int = 0
    clean_articles: int = 0
    clean_false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarm_list: list[str] = field(default_factory=list)

    def recall(self, category: str | None = None) -> float | None:
        labels = sum(self.labels.values()) if category is None else self.labels[category]
        found = sum(self.found.values()) if category is None else self.found[category]
        return found / labels if labels else None

    def precision(self) -> float | None:
        alarms = self.true_alarms + self.false_alarms
        return self.true_alarms / alarms if alarms else None


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def _touches(finding: Finding, label: dict[str, object]) -> bool:
    spans = [tuple(label["span"])] + [tuple(s) for s in label["related"]]  # type: ignore[arg-type, operator]
    return any(_overlaps(s, finding.span.start, finding.span.end) for s in spans)  # type: ignore[arg-type]


def score(corpus: Path) -> Score:
    """Run verify on every labelled article of ``corpus`` and score it."""
    rules = default_rules()
    result = Score()
    for labels_path in sorted(corpus.glob("*.labels.json")):
        article = labels_path.with_name(labels_path.name.replace(".labels.json", ".md"))
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        report = check_path(article, rules)
        if report.error:
            raise SystemExit(f"{article}: {report.error}")
        alarms = [f for f in report.findings if f.severity in ("warning", "error")]
        errors = labels["errors"]
        if not errors:
            result.clean_articles += 1
        for label in errors:
            result.labels[label["kind"]] += 1
            if any(_touches(f, label) for f in alarms):
                result.found[label["kind"]] += 1
            else:
                result.misses.append(f"{labels['id']}: {label['kind']} “{label['text']}”")
        for finding in alarms:
            if any(_touches(finding, label) for label in errors):
                result.true_alarms += 1
            else:
                result.false_alarms += 1
                if not errors:
                    result.clean_false_alarms += 1
                result.false_alarm_list.append(
                    f"{labels['id']}:{finding.span.line}:{finding.span.column}: {finding.rule} “{finding.claim}”: "
                    f"{finding.message}"
                )
    return result


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def render(result: Score, corpus: Path) -> str:
    """The figures as Markdown."""
    total_labels = sum(result.labels.values())
    lines = [
        BEGIN,
        "## Accuracy on the dev corpus",
        "",
        f"Corpus: `{corpus.relative_to(HERE.parent) if corpus.is_relative_to(HERE.parent) else corpus}`, "
        f"{total_labels} labelled inconsistencies, {result.clean_articles} clean articles. "
        "Scored as benchmarks/corpus/README.md defines; regenerate with `python benchmarks/accuracy.py`.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| recall (all categories) | {_figure(result.recall())} ({sum(result.found.values())}/{total_labels}) |",
        f"| precision | {_figure(result.precision())} ({result.true_alarms}/{result.true_alarms + result.false_alarms}) |",
        f"| false alarms, all articles | {result.false_alarms} |",
        f"| false alarms on clean articles | {result.clean_false_alarms} |",
        "",
        "| category | labels | found | recall |",
        "|---|---:|---:|---:|",
    ]
    for category in CATEGORIES:
        lines.append(
            f"| {category} | {result.labels[category]} | {result.found[category]} | {_figure(result.recall(category))} |"
        )
    lines += ["", "### Misses", ""]
    lines += [f"- {miss}" for miss in result.misses] or ["None."]
    lines += ["", "### False alarms", ""]
    lines += [f"- {alarm}" for alarm in result.false_alarm_list] or ["None."]
    lines += ["", END]
    return "\n".join(lines)


def write_section(results: Path, section: str, begin: str = BEGIN, end: str = END) -> None:
    """Replace one marked section of RESULTS.md (accuracy by default), keeping everything else."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        after = rest.split(end, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    temporary = results.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args()
    result = score(args.corpus.resolve())
    section = render(result, args.corpus.resolve())
    print(section)
    if not args.no_write:
        write_section(args.results, section)


if __name__ == "__main__":
    main()
