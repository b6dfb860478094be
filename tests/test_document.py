"""The document reader: front matter, dateline, reference date, lines and columns, sentences, quotes."""

from __future__ import annotations

import datetime as dt

import pytest

from verify.document import parse_document
from verify.document.frontmatter import FrontMatterError

ARTICLE = """---
title: "Earthquake injures 25 people"
date: 2019-07-15
---

Monday, July 15, 2019

At 4:42 local time on Saturday, an earthquake struck. "We felt it," a resident said. Officials counted 25 injured.
"""


def test_front_matter_and_body_offset() -> None:
    document = parse_document(ARTICLE)
    assert document.title == "Earthquake injures 25 people"
    assert document.published == dt.date(2019, 7, 15)
    assert document.text[: document.body_start] == ARTICLE[: ARTICLE.index("---\n", 4) + 4]


def test_dateline_is_found_and_is_the_reference_without_front_matter() -> None:
    body = ARTICLE.split("---\n", 2)[2]
    document = parse_document(body)
    assert document.published is None
    assert document.dateline is not None
    assert document.dateline.date == dt.date(2019, 7, 15)
    assert document.dateline.weekday == 0
    assert document.reference_date == dt.date(2019, 7, 15)
    assert document.reference_source == "dateline"


def test_published_argument_overrides_front_matter() -> None:
    document = parse_document(ARTICLE, published=dt.date(2020, 1, 1))
    assert document.reference_date == dt.date(2020, 1, 1)
    assert document.reference_source == "--published"


def test_sentences_and_quotes() -> None:
    document = parse_document(ARTICLE)
    sentences = [document.text[s:e] for s, e in document.sentences]
    assert "At 4:42 local time on Saturday, an earthquake struck." in sentences
    assert "Officials counted 25 injured." in sentences
    quotes = [document.text[s:e] for s, e in document.quotes]
    assert quotes == ['"We felt it,"']


def test_abbreviations_do_not_end_sentences() -> None:
    document = parse_document("The U.S. Navy said the sub sank at 5 p.m. on Friday. Dr. Smith agreed.")
    sentences = [document.text[s:e] for s, e in document.sentences]
    assert sentences == ["The U.S. Navy said the sub sank at 5 p.m. on Friday.", "Dr. Smith agreed."]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lines_and_columns(newline: str) -> None:
    text = newline.join(["First line.", "", "Second paragraph with 110 kW here."])
    document = parse_document(text)
    offset = text.index("110 kW")
    span = document.span(offset, offset + 6)
    assert (span.line, span.column) == (3, text.split(newline)[2].index("110 kW") + 1)


def test_bad_front_matter_is_refused_with_the_problem() -> None:
    with pytest.raises(FrontMatterError, match="not valid YAML"):
        parse_document("---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(FrontMatterError, match="not a date"):
        parse_document("---\ndate: someday soon\n---\nBody.\n")


def test_plain_text_title_line() -> None:
    document = parse_document("Year passes since liberation of Kalbajar\n\nToday marks the first anniversary.\n")
    assert document.title == "Year passes since liberation of Kalbajar"


def test_hard_wrapped_wire_copy_keeps_sentences_whole() -> None:
    """Wire copy wrapped near 65 characters, with indented paragraphs: a line ending in "in"
    runs on into "November 1978", and a period before an indented line ends a sentence."""
    text = (
        "WASHINGTON, Feb 26 - Sales of previously owned homes dropped 14.5 pct\n"
        "in January, the National Association of Realtors (NAR) said.\n"
        "    But the December rate had been the highest since the record set more than a decade ago, in\n"
        "November 1978, the group said.\n"
    )
    document = parse_document(text)
    sentences = [text[start:end] for start, end in document.sentences]
    assert len(sentences) == 2
    assert sentences[1].startswith("But the December rate") and sentences[1].endswith("the group said.")


def test_a_short_headline_ending_in_a_function_word_stays_apart() -> None:
    text = "Markets move on\nStocks rose 5% on Monday.\n"
    document = parse_document(text)
    assert [text[start:end] for start, end in document.sentences] == ["Markets move on", "Stocks rose 5% on Monday."]
