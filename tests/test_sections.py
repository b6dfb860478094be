"""Long articles are checked a section at a time; what is found keeps its place in the whole text."""

from __future__ import annotations

import pickle
from itertools import pairwise

import pytest

from tests.conftest import SEED
from verify import sections
from verify.api import check_document, default_rules
from verify.document import parse_document
from verify.reports.model import Report
from verify.spans import LineIndex


def test_short_articles_are_one_section() -> None:
    document = parse_document(SEED.read_text(encoding="utf-8"))
    assert sections.section_bounds(document) == [(document.body_start, len(document.text))]


def test_sections_cut_between_sentences_and_cover_the_body() -> None:
    document = parse_document(SEED.read_text(encoding="utf-8"))
    bounds = sections.section_bounds(document, size=1500, threshold=1500)
    assert len(bounds) > 2
    assert bounds[0][0] == document.body_start and bounds[-1][1] == len(document.text)
    sentence_ends = {end for _, end in document.sentences}
    for (_, end), (start, _) in pairwise(bounds):
        assert end == start and end in sentence_ends


def test_findings_and_claims_keep_their_place(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    whole = check_document(parse_document(text), default_rules())
    monkeypatch.setattr("verify.api.section_bounds", lambda document: sections.section_bounds(document, 1500, 1500))
    cut = check_document(parse_document(text), default_rules())
    lines = LineIndex(text)
    for claim in cut.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert (claim.span.line, claim.span.column) == lines.line_col(claim.span.start)
    (kw,) = [f for f in cut.findings if f.claim == "110 kW"]
    (expected,) = [f for f in whole.findings if f.claim == "110 kW"]
    assert kw.span == expected.span
    assert {c.text for c in cut.claims} == {c.text for c in whole.claims}


def test_claims_can_be_left_out() -> None:
    report = check_document(parse_document(SEED.read_text(encoding="utf-8")), default_rules(), claims="none")
    assert report.claims == [] and report.claim_count == 0 and report.findings


def test_a_long_articles_claims_can_be_packed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.setattr("verify.api.section_bounds", lambda document: sections.section_bounds(document, 1500, 1500))
    kept = check_document(parse_document(text), default_rules())
    packed = check_document(parse_document(text), default_rules(), claims="packed")
    assert packed.claims == [] and packed.claim_count == len(kept.claims) > 30
    assert list(packed.claim_dicts()) == [claim.model_dump(mode="json") for claim in kept.claims]
    # Packed claims survive the trip from a worker process.
    assert list(pickle.loads(pickle.dumps(packed)).claim_dicts()) == list(packed.claim_dicts())
    assert Report(files=[packed]).summary["claims"] == packed.claim_count


def test_a_short_articles_claims_stay_objects_when_packing_is_asked() -> None:
    report = check_document(parse_document(SEED.read_text(encoding="utf-8")), default_rules(), claims="packed")
    assert report.claims and report.claim_count == len(report.claims)
