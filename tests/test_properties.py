"""Properties that hold for any text (hypothesis).

For any input ``check_text`` returns a report without raising; every claim's span
lies inside the text and quotes it exactly; lines and columns agree with the
offsets (with LF, CRLF and lone CR line ends); two runs give the same report.
The example counts are kept moderate: the suite runs on a shared machine.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify.api import check_text
from verify.reports.model import FileReport
from verify.rules import Rule, core_rules_dir, load_rules
from verify.spans import Span

RULES: list[Rule] = load_rules([core_rules_dir()])

# Pieces of news text: figures, units, dates, quotes and the characters that trip parsers.
_PIECES = [
    "The",
    "bridge",
    "was",
    "opened",
    "on",
    "Friday,",
    "February",
    "1,",
    "2019",
    "May 5",
    "in 1993",
    "3 km",
    "110 kV",
    "110/35/10 kV",
    "70-km-long",
    "27-year",
    "aged 86",
    "he was 85.",
    "12%",
    "$4 million",
    "€3bn",
    "first",
    "third",
    "hundreds of",
    "people",
    "for 16 years,",
    "from 1977 to 1995",
    "an additional 10 days",
    "until November 25",
    "(20 km)",
    "13 mph",
    "won by 20 votes, 120 to 100",
    "rose by 5, from 15 to 20",
    "10:30 a.m.",
    "UTC",
    "Mr.",
    "U.S.",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    ".",
    ",",
    ";",
    "-",
    "–",
    "—",
    "/",
    "(",
    ")",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u202e",
    "\ufeff",
    "---\n",
    "date: 2019-02-01\n",
    "---\n",
    "١٢٣",
    "東京",
    "Москва",
    "𝟙",
]
_piece = st.sampled_from(_PIECES) | st.text(max_size=6)
_article = st.lists(_piece, max_size=40).map(" ".join) | st.text(max_size=200)
_published = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """Lines end at "\\n" (a "\\r" before it belongs to the line), as the JSON contract says."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _spans(entry: FileReport) -> list[tuple[str, Span]]:
    spans: list[tuple[str, Span]] = [(claim.text, claim.span) for claim in entry.claims]
    for finding in [*entry.findings, *entry.verified]:
        spans.append(("", finding.span))
        spans.extend(("", related) for related in finding.related)
        spans.extend((item.text, item.span) for item in finding.evidence)
    return spans


@_SETTINGS
@given(text=_article, published=_published)
def test_any_text_gives_a_report_whose_spans_quote_the_text(text: str, published: dt.date | None) -> None:
    (entry,) = check_text(text, published=published, rules=RULES).files
    if entry.error is not None:  # front matter that cannot be read: reported, not raised
        assert text.lstrip("\ufeff").startswith("---")
        return
    for claim in entry.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
    for quoted, span in _spans(entry):
        assert 0 <= span.start <= span.end <= len(text), (quoted, span)
        assert (span.line, span.column) == _line_col(text, span.start), (quoted, span)
        assert not quoted or text[span.start : span.end] == quoted, (quoted, span)


@_SETTINGS
@given(text=_article)
def test_crlf_gives_the_same_claims_at_shifted_offsets(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    crlf = lf.replace("\n", "\r\n")
    (plain,) = check_text(lf, rules=RULES).files
    (windows,) = check_text(crlf, rules=RULES).files
    assert (plain.error is None) == (windows.error is None)
    for claim in windows.claims:
        assert crlf[claim.span.start : claim.span.end] == claim.text
        assert (claim.span.line, claim.span.column) == _line_col(crlf, claim.span.start)
    # Every claim of the LF text is found at the same line and column in the CRLF text.
    assert [(c.text.replace("\r\n", "\n"), c.span.line, c.span.column) for c in windows.claims] == [
        (c.text, c.span.line, c.span.column) for c in plain.claims
    ]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_article, published=_published)
def test_two_runs_give_the_same_report(text: str, published: dt.date | None) -> None:
    first = check_text(text, published=published, rules=RULES).model_dump_json()
    second = check_text(text, published=published, rules=RULES).model_dump_json()
    assert first == second
