"""The faster forms of patterns and checks give what the plain forms give.

Speed work rewrote some regexes to open with literal characters (see
verify/extraction/wordstart.py), judged repeated end dates once, and cached
rule parameters. Each test here compares the fast path with a plain reference
written independently, on real sentences and on the odd characters that
case-insensitive matching treats specially.
"""

from __future__ import annotations

import re

import pytest

from verify.api import check_text, default_rules
from verify.checks.cues import any_cue_match, any_cue_search
from verify.document import parse_document
from verify.engine import run_rules
from verify.extraction import dates, extract_claims, numbers
from verify.extraction.numbers import ORDINAL_WORDS, SCALES, TENS_WORDS, UNITS_WORDS
from verify.extraction.wordstart import dispatch, expand_case, ignorecase_words, scan, word_start
from verify.linking import build_facts

SENTENCES = [
    "On Tuesday, March 5, 2019, the council met; last Friday it had met in 1993 and since 2001.",
    "Twenty-seven people, a dozen of them children, were hurt; tens of thousands of others fled.",
    "The 21st century's first storm hit at 4:42 p.m. on 1 February 2019 (Thursday), then again in Sept. 2020.",
    "From 1987–2017 the mayor, aged 64, served; hundreds of residents said this June was the worst.",
    "Today, yesterday and tomorrow: an hour, a year, half a decade, one week, a whole month.",
    "ſeven and ſcores of ſecond thoughts; İn 1999 the Kelvin sign K arrived; ıt was 2020-05-03.",
    "The rocket1999-2001 launch, x2019-05-03, and 3,400,000.5 or .25 or 1,23 or 12.5 figures.",
    "SEVENTY-FIRST, Thirteenth and NINETY NINE hundred thousand; Scores Of people; DOZENS of cars.",
]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def test_word_start_matches_a_plain_word_boundary_alternation() -> None:
    words = expand_case(["[Ii]n", "[Ss]ince", "to", "[Tt]ill", "the year", "[Bb]y", "[Bb]etween"])
    plain = re.compile(rf"\b(?:{'|'.join(words)})\s+\d{{4}}")
    fast = re.compile(rf"(?:{word_start(words)})\s+\d{{4}}")
    for sentence in SENTENCES:
        assert spans(fast, sentence) == spans(plain, sentence)
    assert spans(fast, SENTENCES[0])  # it does find "in 1993", "since 2001"


def test_ignorecase_dispatch_matches_re_ignorecase_including_special_folds() -> None:
    words = ["seven", "scores", "second", "in", "kilo", "tens of thousands", "thousands"]
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    fast = re.compile(dispatch([(first, rest + r"\b") for first, rest in ignorecase_words(words)]))
    text = " ".join(SENTENCES) + " ſeven İn Kilo ınto THOUSANDS Tens Of Thousands"
    assert spans(fast, text) == spans(plain, text)
    assert any(match.group(0) == "ſeven" for match in fast.finditer(text))


def _plain_number() -> re.Pattern[str]:
    units = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
    tens = "|".join(TENS_WORDS)
    scales = "|".join(SCALES)
    digits = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])"
    word = rf"\b(?:(?:{tens})(?:[- ](?:{units}))?|{units}|a dozen|dozen|a hundred|a thousand)\b"
    return re.compile(rf"(?P<num>{digits}|{word})(?P<scale>\s+(?:{scales})\b(?:\s+(?:{scales})\b)?)?", re.IGNORECASE)


def _plain_ordinal() -> re.Pattern[str]:
    tens = "|".join(TENS_WORDS)
    words = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    return re.compile(rf"\b(?P<ord>\d+(?:st|nd|rd|th)|(?:(?:{tens})-)?(?:{words}))\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (numbers.NUMBER, _plain_number()),
        (numbers.ORDINAL, _plain_ordinal()),
        (
            numbers.VAGUE,
            re.compile(
                r"\b(?P<vague>dozens|scores|hundreds|thousands|tens of thousands|millions|billions)\s+of\b",
                re.IGNORECASE,
            ),
        ),
    ],
    ids=["number", "ordinal", "vague"],
)
def test_number_patterns_match_their_plain_ignorecase_forms(fast: re.Pattern[str], plain: re.Pattern[str]) -> None:
    for sentence in SENTENCES:
        assert spans(fast, sentence) == spans(plain, sentence)


def test_date_patterns_match_their_plain_forms() -> None:
    months, weekdays = dates.MONTH_PATTERN, dates.WEEKDAY_PATTERN
    plain = {
        "MONTH_YEAR": rf"\b(?P<mon>{months}),?\s+(?:of\s+)?(?P<year>\d{{4}})(?![\d:])",
        "ISO_DATE": r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        "RELATIVE_DAY": r"\b(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b",
        "RELATIVE_MONTH": rf"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<mon>{months})\b(?!\s*\d)",
        "YEAR_RANGE": r"(?<![\d/.-])(?P<first>1[6-9]\d\d|20\d\d)\s?[–—-]\s?(?P<last>1[6-9]\d\d|20\d\d)(?![\d/-]|\.\d)",
    }
    for name, reference in plain.items():
        for sentence in SENTENCES:
            assert spans(getattr(dates, name), sentence) == spans(re.compile(reference), sentence), name
    weekday = re.compile(rf"\b(?:(?P<mod>last|next|this|on|On|Last|Next|This)\s+)?(?P<wd>{weekdays})\b")
    for sentence in SENTENCES:
        scanned = [
            (m.span(), m.groupdict()) for m in scan(dates._WEEKDAY_FAST, dates.WEEKDAY, sentence, 0, len(sentence))
        ]
        assert scanned == spans(weekday, sentence)
        month_day = scan(dates._MONTH_DAY_FAST, dates.MONTH_DAY, sentence, 0, len(sentence))
        assert [(m.span(), m.groupdict()) for m in month_day] == spans(dates.MONTH_DAY, sentence)


def test_scan_falls_back_to_the_full_pattern_when_the_fast_one_disagrees() -> None:
    full = re.compile(r"\bcat\w*")
    wrong = re.compile(r"c")  # finds more places than ``full`` matches at, and shorter
    text = "a cat, a catalogue, concat"
    assert [m.span() for m in scan(wrong, full, text, 0, len(text))] == [m.span() for m in full.finditer(text)]


def test_any_cue_helpers_agree_with_one_search_per_cue() -> None:
    cues = ["in all", "total", "altogether"]
    for lead in ["six people in all", "a total", "the total  ", "in allotted", "altogether:", ""]:
        expected = any(re.search(rf"\b{re.escape(cue)}\s*$", lead) for cue in cues)
        assert any_cue_search(r"\b{cues}\s*$", cues, lead) is expected
        expected_match = any(re.match(rf"\s*{re.escape(cue)}\b", lead) for cue in cues)
        assert any_cue_match(r"\s*{cues}\b", cues, lead) is expected_match
    assert any_cue_search(r"\b{cues}", [], "anything") is False


def test_a_duration_tied_to_many_repeated_end_dates_quotes_a_few_and_counts_the_rest() -> None:
    article = (
        "Armenian forces occupied the district on April 2, 1993. "
        "The 27-year occupation was a wound for the region.\n\n"
        + "\n\n".join("The occupation ended on November 25, 2020, when troops returned." for _ in range(12))
    )
    once = article.split("\n\n")[0] + "\n\nThe occupation ended on November 25, 2020, when troops returned."
    [single] = [f for f in check_text(once).files[0].verified if f.rule == "core.duration-span"]
    [many] = [f for f in check_text(article).files[0].verified if f.rule == "core.duration-span"]
    assert single.message == many.message  # the same verdict, worded alike
    assert len(many.evidence) == 1 + 8  # the start and the first eight ends
    assert "The evidence quotes the first 8 of 12 end dates." in many.computation
    assert "evidence quotes" not in single.computation


def test_changed_rule_params_are_validated_again() -> None:
    rules = [rule.model_copy(deep=True) for rule in default_rules() if rule.id == "core.duration-span"]
    text = "Troops occupied the town on April 2, 1993.\n\nThe 27-year occupation ended on November 25, 2020."
    document = parse_document(text)
    facts = build_facts(document, extract_claims(document))
    _, verified = run_rules(facts, rules)
    assert verified  # the duration is checked with the rule's own units
    rules[0].params["units"] = ["week"]  # years are no longer this rule's business
    facts = build_facts(document, extract_claims(document))
    assert run_rules(facts, rules) == ([], [])
