"""The date-centred check kinds on real sentences: weekday, invalid date, age, anniversary, chronology."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import SEED
from verify.api import check_file, check_text
from verify.claims import AgeClaim, OrdinalClaim
from verify.document import parse_document
from verify.extraction import extract_claims
from verify.findings import Finding
from verify.rules import Rule


def _rules(core_rules: list[Rule], category: str) -> list[Rule]:
    return [rule for rule in core_rules if rule.category == category]


def _run(
    core_rules: list[Rule], category: str, text: str, published: str | None = None
) -> tuple[list[Finding], list[Finding]]:
    day = dt.date.fromisoformat(published) if published else None
    report = check_text(text, published=day, rules=_rules(core_rules, category)).files[0]
    return [f for f in report.findings if f.severity != "info"], report.verified


# -- weekday ----------------------------------------------------------------------------------


def test_dateline_weekday_is_verified(core_rules: list[Rule]) -> None:
    problems, verified = _run(core_rules, "weekday_mismatch", "Friday, February 1, 2019\n\nThe court met today.\n")
    assert not problems
    assert [f.claim for f in verified] == ["Friday, February 1, 2019"]


def test_weekday_with_inferred_year_says_so_and_spans_both(core_rules: list[Rule]) -> None:
    text = "Sentencing is scheduled for Tuesday, February 4. The judge will hear victims first."
    problems, _ = _run(core_rules, "weekday_mismatch", text, "2019-02-01")
    assert len(problems) == 1
    finding = problems[0]
    assert text[finding.span.start : finding.span.end] == "Tuesday, February 4"
    assert "Monday" in finding.message
    assert "inferred" in finding.computation


def test_weekday_in_parentheses_is_checked(core_rules: list[Rule]) -> None:
    problems, _ = _run(core_rules, "weekday_mismatch", "Voting ended on Tuesday (March 5, 2019) in the north.")
    assert not problems
    problems, _ = _run(core_rules, "weekday_mismatch", "Voting ended on Wednesday (March 5, 2019) in the north.")
    assert len(problems) == 1 and "Tuesday" in problems[0].message


def test_bare_weekday_is_never_flagged(core_rules: list[Rule]) -> None:
    problems, verified = _run(core_rules, "weekday_mismatch", "Police said on Tuesday that he was found.", "2019-02-01")
    assert not problems and not verified


def test_weekday_that_fits_another_plausible_year_is_left_alone(core_rules: list[Rule]) -> None:
    # Published in January 2020; "Thursday, December 5" is 2019 (a Thursday), not flagged.
    problems, verified = _run(core_rules, "weekday_mismatch", "The law passed on Thursday, December 5.", "2020-01-10")
    assert not problems and verified


# -- invalid date -----------------------------------------------------------------------------


def test_leap_day_in_a_common_year_from_the_sentence(core_rules: list[Rule]) -> None:
    text = "In 2019, outbreaks were declared in the Philippines first on February 29, and in Tonga on October 22."
    problems, _ = _run(core_rules, "invalid_date", text)
    assert [p.claim for p in problems] == ["February 29"]
    assert "2019" in problems[0].computation


def test_leap_day_with_a_year_only_from_publication_is_not_judged(core_rules: list[Rule]) -> None:
    problems, _ = _run(core_rules, "invalid_date", "The fair last opened on February 29.", "2023-03-10")
    assert not problems


def test_thirty_first_of_a_short_month(core_rules: list[Rule]) -> None:
    problems, _ = _run(core_rules, "invalid_date", "Two weeks before the November 31 deadline, he had 3 percent.")
    assert [p.claim for p in problems] == ["November 31"]
    assert "30 days" in problems[0].message


# -- age --------------------------------------------------------------------------------------


def test_title_age_and_body_age_against_birth_year(core_rules: list[Rule]) -> None:
    text = (
        '---\ntitle: "Former senator Anna Weiss dies at age 90"\ndate: 2019-10-28\n---\n\n'
        "Yesterday, former senator Anna Weiss died in her sleep. Weiss, the former dean of the chamber, was 88.\n\n"
        "Anna Weiss, first elected in 1964, was born in Detroit, Michigan, in 1929.\n"
    )
    problems, verified = _run(core_rules, "age_mismatch", text)
    assert [p.claim for p in problems] == ["88"]
    assert "89 to 90" in problems[0].message
    assert [v.claim for v in verified] == ["90"]
    assert text[verified[0].span.start : verified[0].span.end] == "90"


def test_birth_year_allows_two_ages(core_rules: list[Rule]) -> None:
    for age in ("84", "85"):
        text = f"Jan Kowal died this morning. He was {age}. Jan Kowal was born in 1934 in Gdansk."
        problems, verified = _run(core_rules, "age_mismatch", text, "2019-09-26")
        assert not problems and verified, age


def test_ages_that_agree_outvote_the_birth(core_rules: list[Rule]) -> None:
    text = (
        '---\ntitle: "Pierre Martin dies aged 86"\ndate: 2019-09-26\n---\n\n'
        "This morning Pierre Martin died at home. He was 86.\n\nPierre Martin was born in 1934 in Lyon.\n"
    )
    problems, _ = _run(core_rules, "age_mismatch", text)
    assert [p.claim for p in problems] == ["1934"]
    assert len(problems[0].related) == 2


def test_birthday_dates_the_birth(core_rules: list[Rule]) -> None:
    text = (
        "Mathematician Ruth Lane died on Monday at 102 years of age. "
        "In October 2016, the university celebrated Lane's 100th birthday."
    )
    problems, _ = _run(core_rules, "age_mismatch", text, "2020-03-12")
    assert [p.claim for p in problems] == ["102 years of age"]
    assert "103" in problems[0].message


def test_age_of_another_person_is_not_compared(core_rules: list[Rule]) -> None:
    text = "Karl Berg was born in 1950. His lawyer, Maria Ortiz, was 41."
    problems, verified = _run(core_rules, "age_mismatch", text, "2020-03-01")
    assert not problems and not verified


def test_age_dated_by_an_undated_event_is_left_alone(core_rules: list[Rule]) -> None:
    text = "Karl Berg was born in 1950. Berg was 30 when he was first elected."
    problems, _ = _run(core_rules, "age_mismatch", text, "2020-03-01")
    assert not problems


# -- anniversary ------------------------------------------------------------------------------


@pytest.mark.parametrize(("published", "flagged"), [("2021-11-25", False), ("2023-11-25", True)])
def test_seed_first_anniversary(core_rules: list[Rule], published: str, flagged: bool) -> None:
    report = check_file(
        SEED, published=dt.date.fromisoformat(published), rules=_rules(core_rules, "anniversary_mismatch")
    )
    result = report.files[0]
    problems = [f for f in result.findings if f.severity != "info"]
    assert bool(problems) is flagged
    if not flagged:
        assert any("first anniversary" in v.claim for v in result.verified)


def test_seed_without_publication_date_gets_no_anniversary_finding(core_rules: list[Rule]) -> None:
    report = check_file(SEED, rules=_rules(core_rules, "anniversary_mismatch"))
    assert not report.files[0].findings


def test_anniversary_on_a_date_whose_year_the_event_lends(core_rules: list[Rule]) -> None:
    text = "On July 25, which was the 100th anniversary of the first flight across the Channel in 1909, he fell."
    problems, _ = _run(core_rules, "anniversary_mismatch", text, "2019-08-06")
    assert len(problems) == 1 and "110th" in problems[0].message


def test_years_ago_counts_from_publication(core_rules: list[Rule]) -> None:
    problems, _ = _run(core_rules, "anniversary_mismatch", "It made landfall three years ago, in 2014.", "2019-09-19")
    assert [p.claim for p in problems] == ["three years ago"]
    problems, verified = _run(
        core_rules, "anniversary_mismatch", "It made landfall about five years ago, in 2014.", "2019-09-19"
    )
    assert not problems and verified


def test_years_later_counts_from_the_previous_date(core_rules: list[Rule]) -> None:
    text = "On March 18, 1965, he left the capsule. He was decorated for it. Twelve years later, in 1975, he led the mission."
    problems, _ = _run(core_rules, "anniversary_mismatch", text)
    assert [p.claim for p in problems] == ["Twelve years later"]
    assert "10 years" in problems[0].message


# -- chronology -------------------------------------------------------------------------------


def test_days_later_against_a_weekday_in_the_same_sentence(core_rules: list[Rule]) -> None:
    text = (
        "Nkurunziza was taken ill on Saturday evening, after a volleyball game. "
        "Despite signs of recovery three days later, he suffered a cardiac arrest on Monday and died."
    )
    problems, _ = _run(core_rules, "chronology", text, "2020-06-11")
    assert [p.claim for p in problems] == ["three days later"]
    assert "Tuesday, June 9, 2020" in problems[0].computation


def test_range_that_ends_before_it_starts_within_a_day(core_rules: list[Rule]) -> None:
    problems, _ = _run(
        core_rules, "chronology", "The warnings apply from tomorrow night into Thursday morning.", "2019-10-02"
    )
    assert len(problems) == 1
    problems, _ = _run(core_rules, "chronology", "The warnings apply from tonight into Thursday morning.", "2019-10-02")
    assert not problems


def test_following_an_event_dated_after_the_main_one(core_rules: list[Rule]) -> None:
    text = (
        "On Tuesday, voters in New Hampshire chose their nominees in the primaries. "
        "New Hampshire held the season's first primary elections, following the caucuses in Iowa on February 13."
    )
    problems, _ = _run(core_rules, "chronology", text, "2020-02-14")
    assert [p.claim for p in problems] == ["February 13"]
    problems, verified = _run(core_rules, "chronology", text.replace("February 13", "February 3"), "2020-02-14")
    assert not problems and verified


def test_announcement_before_the_decision(core_rules: list[Rule]) -> None:
    text = "The cabinet voted to lift it on Saturday afternoon, and the centre announced the decision on Friday night."
    problems, _ = _run(core_rules, "chronology", text, "2020-01-01")
    assert [p.claim for p in problems] == ["Friday night"]
    problems, _ = _run(core_rules, "chronology", text.replace("Friday night", "Sunday morning"), "2020-01-01")
    assert not problems


# -- extraction ----------------------------------------------------------------------------


def test_digit_ordinal_is_an_ordinal_not_a_count() -> None:
    claims = extract_claims(parse_document("It was the 100th anniversary of the flight.", path="<t>"))
    assert [(c.text, c.noun) for c in claims if isinstance(c, OrdinalClaim)] == [("100th", "anniversary")]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Conyers, the former Dean of the House, was 88.", 88.0),
        ("John Smith was 45.", 45.0),
        ("Turnout was 45.", None),
        ("The Senate was 51.", None),
    ],
)
def test_named_subject_age(sentence: str, age: float | None) -> None:
    claims = extract_claims(parse_document(sentence, path="<t>"))
    ages = [c.value for c in claims if isinstance(c, AgeClaim)]
    assert ages == ([age] if age is not None else [])


def test_age_beside_a_relative_clause_date_is_measured_at_publication(core_rules: list[Rule]) -> None:
    text = "Maria Lopez was born in 1970. Lopez, 49, who joined the firm in 2005, declined to comment."
    problems, verified = _run(core_rules, "age_mismatch", text, "2019-09-26")
    assert not problems and [v.claim for v in verified] == ["49"]


def test_years_ago_needs_its_date_beside_it(core_rules: list[Rule]) -> None:
    text = "The bridge, built in 1990, collapsed two years ago."
    problems, verified = _run(core_rules, "anniversary_mismatch", text, "2019-09-19")
    assert not problems and not verified


def test_years_since_an_event_dated_in_its_clause(core_rules: list[Rule]) -> None:
    text = "It has been 25 years since the war began in 1993, and the town is still divided."
    problems, _ = _run(core_rules, "anniversary_mismatch", text, "2021-05-01")
    assert [p.claim for p in problems] == ["25 years since"]
    problems, verified = _run(core_rules, "anniversary_mismatch", text.replace("25", "28"), "2021-05-01")
    assert not problems and verified


def test_next_day_against_the_date_it_gives(core_rules: list[Rule]) -> None:
    text = "Rescuers reached the village on 14 July 2019. The next day, on 14 July 2019, supplies were flown in."
    problems, _ = _run(core_rules, "chronology", text)
    assert [p.claim for p in problems] == ["The next day"]
    problems, verified = _run(core_rules, "chronology", text.replace(", on 14 July", ", on 15 July"))
    assert not problems and [v.claim for v in verified] == ["The next day"]


def test_range_across_a_new_year_with_an_inferred_year_is_not_flagged(core_rules: list[Rule]) -> None:
    problems, _ = _run(
        core_rules, "chronology", "The exhibition ran from December 28, 2019 to January 3.", "2019-12-01"
    )
    assert not problems


def test_headline_age_at_death_after_an_illness(core_rules: list[Rule]) -> None:
    text = (
        '---\ntitle: "Singer Lena Holm dies aged 80 after long illness"\ndate: 2019-09-26\n---\n\n'
        "Lena Holm died on Tuesday. Lena Holm was born in Malmo in 1934.\n"
    )
    problems, _ = _run(core_rules, "age_mismatch", text)
    assert [p.claim for p in problems] == ["80"]


def test_birth_opening_its_sentence_names_the_person_after_it(core_rules: list[Rule]) -> None:
    text = "Born in 1950 in Lyon, Paul Girard studied law. Girard, the former minister, was 60."
    problems, _ = _run(core_rules, "age_mismatch", text, "2020-03-01")
    assert [p.claim for p in problems] == ["60"]


def test_weekday_in_parentheses_after_its_date(core_rules: list[Rule]) -> None:
    text = "The vote was held on March 5, 2019 (Wednesday) in the north."
    problems, _ = _run(core_rules, "weekday_mismatch", text)
    assert len(problems) == 1
    assert text[problems[0].span.start : problems[0].span.end] == "March 5, 2019 (Wednesday)"
