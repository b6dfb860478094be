"""Why verify extracts claims itself: quantulum3 and dateparser measured on news text.

The gold set is every quantity and date that the corpus labels (and the seed's
acceptance) name as a claim or as evidence: the numbers a checker must read
right to find the labelled inconsistencies. A gold item counts as found when
an extracted item covers the same text (overlapping span) with the right value:
for quantities the number and pint's dimensionality of the unit, for dates the
calendar day (year, month, day as written; a missing year may be anything).

Usage: python benchmarks/extraction_baselines.py [--no-write]
Needs the `bench` extra (quantulum3, dateparser). Writes the figures between the
extraction markers of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.accuracy import write_section  # noqa: E402
from verify import units  # noqa: E402
from verify.claims import DateClaim, QuantityClaim  # noqa: E402
from verify.document import parse_document  # noqa: E402
from verify.extraction import extract_claims  # noqa: E402

BEGIN, END = "<!-- extraction:begin -->", "<!-- extraction:end -->"
SEED = HERE.parent / "seeds" / "kalbajar-liberation-anniversary.txt"
CORPUS = HERE / "corpus"


@dataclass(frozen=True)
class Gold:
    """A quantity or date as a careful reader takes it."""

    article: str
    text: str
    kind: str  # "quantity" or "date"
    value: float | None = None
    unit: str | None = None  # a pint expression with the right dimension
    date: tuple[int | None, int, int] | None = None  # (year or None, month, day)


def _q(article: str, text: str, value: float, unit: str) -> Gold:
    return Gold(article, text, "quantity", value=value, unit=unit)


def _d(article: str, text: str, year: int | None, month: int, day: int) -> Gold:
    return Gold(article, text, "date", date=(year, month, day))


SEED_ID = "seed"
GOLD = [
    # The seed's acceptance list (issue 2) and its dates.
    _q(SEED_ID, "110/35/10 kV", 110, "kilovolt"),
    _q(SEED_ID, "80 MVA", 80, "megavolt_ampere"),
    _q(SEED_ID, "70-km", 70, "kilometer"),
    _q(SEED_ID, "11.6-kilometer", 11.6, "kilometer"),
    _q(SEED_ID, "3.4-kilometer", 3.4, "kilometer"),
    _q(SEED_ID, "3,400 meters", 3400, "meter"),
    _q(SEED_ID, "110 kW", 110, "kilowatt"),
    _d(SEED_ID, "November 10, 2020", 2020, 11, 10),
    _d(SEED_ID, "November 15, 2020", 2020, 11, 15),
    _d(SEED_ID, "November 25", None, 11, 25),
    _d(SEED_ID, "April 2, 1993", 1993, 4, 2),
    _d(SEED_ID, "September 27, 2020", 2020, 9, 27),
    # Quantities the corpus labels rest on.
    _q("wn2019-02-02", "6.05 hectares", 6.05, "hectare"),
    _q("wn2019-02-02", ".0605 km", 0.0605, "kilometer"),
    _q("wn2019-07-15", "nine kilometers", 9, "kilometer"),
    _q("wn2019-07-15", "15 miles", 15, "mile"),
    _q("wn2019-07-23", "13 mph", 13, "mile / hour"),
    _q("wn2019-07-23", "20 km", 20, "kilometer"),
    _q("wn2019-09-01", "30 inches", 30, "inch"),
    _q("wn2019-09-01", "76 mm", 76, "millimeter"),
    _q("wn2019-09-19", "111 miles", 111, "mile"),
    _q("wn2019-09-19", "130 mph", 130, "mile / hour"),
    _q("wn2019-10-13", "42.195 kilometers", 42.195, "kilometer"),
    _q("wn2019-10-13", "36 miles", 36, "mile"),
    _q("wn2019-11-13", "1400 feet", 1400, "foot"),
    _q("wn2019-11-13", "340 meters", 340, "meter"),
    # Dates the corpus labels rest on.
    _d("wn2019-02-01", "Tuesday, February 4", None, 2, 4),
    _d("wn2019-08-24", "Saturday, August 18", None, 8, 18),
    _d("wn2019-10-12", "Friday, March 18, 1965", 1965, 3, 18),
    _d("wn2019-10-13", "Saturday, October 13, 2019", 2019, 10, 13),
    _d("wn2019-11-04", "November 31", None, 11, 31),
    _d("wn2019-11-13", "February 30, 1944", 1944, 2, 30),
    _d("wn2020-01-01", "February 29", None, 2, 29),
    _d("wn2020-02-14", "February 13", None, 2, 13),
    _d("wn2020-05-29", "April 28", None, 4, 28),
]


def _article_text(article: str) -> str:
    if article == SEED_ID:
        return SEED.read_text(encoding="utf-8")
    (path,) = sorted(CORPUS.glob(f"{article}_*.md"))
    return path.read_text(encoding="utf-8")


def _gold_span(text: str, gold: Gold) -> tuple[int, int]:
    match = re.search(re.escape(gold.text), text)
    assert match, f"{gold.text!r} not in {gold.article}"
    return match.start(), match.end()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_quantity(value: float, unit: str, gold: Gold) -> bool:
    assert gold.value is not None and gold.unit is not None
    try:
        return abs(value - gold.value) < 1e-6 and units.same_dimension(unit, gold.unit)
    except Exception:  # a baseline's unit that pint does not know is a miss
        return False


def _same_day(year: int | None, month: int, day: int, gold: Gold) -> bool:
    assert gold.date is not None
    gold_year, gold_month, gold_day = gold.date
    return (month, day) == (gold_month, gold_day) and (gold_year is None or year == gold_year)


def found_by_verify(text: str, gold: Gold) -> bool:
    span = _gold_span(text, gold)
    for claim in extract_claims(parse_document(text)):
        if not _overlaps(span, (claim.span.start, claim.span.end)):
            continue
        if gold.kind == "quantity" and isinstance(claim, QuantityClaim):
            value = claim.value if isinstance(claim.value, float) else claim.value[0]
            if _same_quantity(value, claim.unit, gold):
                return True
        is_day = gold.kind == "date" and isinstance(claim, DateClaim) and claim.month and claim.day
        if is_day and _same_day(claim.year, claim.month, claim.day, gold):  # type: ignore[union-attr, arg-type]
            return True
    return False


def found_by_quantulum3(text: str, gold: Gold) -> bool:
    from quantulum3 import parser

    span = _gold_span(text, gold)
    for quantity in parser.parse(text):
        if _overlaps(span, quantity.span) and _same_quantity(quantity.value, _pint_name(quantity.unit.name), gold):
            return True
    return False


def _pint_name(name: str) -> str:
    # quantulum3 names units in words ("kilometre per hour"); pint reads most of them.
    return name.replace(" per ", " / ").replace("metre", "meter").replace(" ", "_")


def found_by_dateparser(text: str, gold: Gold) -> bool:
    from dateparser.search import search_dates

    span = _gold_span(text, gold)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"]) or []
    cursor = 0
    for written, when in found:
        start = text.find(written, cursor)
        if start < 0:
            continue
        cursor = start + len(written)
        year = when.year if gold.date and gold.date[0] else None
        if _overlaps(span, (start, start + len(written))) and _same_day(year, when.month, when.day, gold):
            return True
    return False


_DATE_WORD = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|\d{4}-\d\d-\d\d",
    re.IGNORECASE,
)


def dateparser_spurious() -> tuple[int, int]:
    """Dates dateparser returns from text that names no date at all ("The 27-year", "and 35 and 10")."""
    from dateparser.search import search_dates

    total = spurious = 0
    paths = [SEED, *sorted(CORPUS.glob("*.md"))]
    for path in paths:
        if path.name in ("README.md", "MANIFEST.md"):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(path.read_text(encoding="utf-8"), languages=["en"]) or []
        total += len(found)
        spurious += sum(1 for written, _ in found if not _DATE_WORD.search(written))
    return spurious, total


def measure() -> dict[str, dict[str, tuple[int, int]]]:
    """Per extractor and kind: (found, total)."""
    texts = {gold.article: _article_text(gold.article) for gold in GOLD}
    extractors = {
        "verify": found_by_verify,
        "quantulum3": found_by_quantulum3,
        "dateparser": found_by_dateparser,
    }
    results: dict[str, dict[str, tuple[int, int]]] = {}
    for name, finder in extractors.items():
        counts: dict[str, tuple[int, int]] = {}
        for kind in ("quantity", "date"):
            items = [g for g in GOLD if g.kind == kind]
            if (name, kind) in (("quantulum3", "date"), ("dateparser", "quantity")):
                continue
            hits = sum(1 for g in items if finder(texts[g.article], g))
            counts[kind] = (hits, len(items))
        results[name] = counts
    return results


def render(results: dict[str, dict[str, tuple[int, int]]]) -> str:
    lines = [
        BEGIN,
        "## Extraction against the libraries",
        "",
        "Why claim extraction is written by hand. The gold set is the quantities and dates that the corpus labels and",
        "the seed's acceptance rest on; an item counts when the extractor covers its text with the right value (number",
        "and unit dimension; calendar day). verify was developed on this corpus, so its own figure is in-sample;",
        "the libraries' are not. Regenerate with `python benchmarks/extraction_baselines.py`.",
        "",
        "| extractor | quantities found | dates found |",
        "|---|---:|---:|",
    ]
    for name, counts in results.items():
        cells = []
        for kind in ("quantity", "date"):
            if kind in counts:
                hits, total = counts[kind]
                cells.append(f"{hits}/{total} ({hits / total:.0%})")
            else:
                cells.append("not its job")
        lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    spurious, total = dateparser_spurious()
    lines += [
        "",
        f"dateparser also returned {spurious} of its {total} dates ({spurious / total:.0%}) from text that names no",
        'date ("The 27-year" as April 27, 1993; "and 35 and 10" as October 16, 2035), resolves "today" against the',
        "machine's clock rather than the article's date, and drops dates that do not exist (\"November 31\"), which an",
        'invalid-date check needs to see. quantulum3 reads "110/35/10 kV" as 110/35 = 3.14, and reports counts',
        '("55 servicemen") as dimensionless numbers without the noun they count.',
        "",
        END,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    section = render(measure())
    print(section)
    if not args.no_write:
        write_section(HERE / "RESULTS.md", section, BEGIN, END)


if __name__ == "__main__":
    main()
