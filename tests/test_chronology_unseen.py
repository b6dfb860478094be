"""Chronology between events the article names rather than dates (kind event_order), and
day offsets such as "the next morning" (kind chronology), on realistic news sentences."""

from __future__ import annotations

import datetime as dt

from verify.api import check_text
from verify.findings import Finding
from verify.rules import Rule


def _run(core_rules: list[Rule], text: str, published: str | None = None) -> tuple[list[Finding], list[Finding]]:
    rules = [rule for rule in core_rules if rule.category == "chronology"]
    day = dt.date.fromisoformat(published) if published else None
    report = check_text(text, published=day, rules=rules).files[0]
    return [f for f in report.findings if f.severity != "info"], report.verified


def test_days_before_an_event_the_article_dates_by_its_verb(core_rules: list[Rule]) -> None:
    text = (
        "The Court of Appeal in Wellington ruled on 3 August 2021 that the sale could proceed. "
        "On 6 August 2021, three days before the Court of Appeal ruling, the buyers paid a deposit."
    )
    problems, _ = _run(core_rules, text)
    assert [p.claim for p in problems] == ["three days before"]
    assert "Saturday, July 31, 2021" in problems[0].computation
    problems, verified = _run(core_rules, text.replace("before", "after"))
    assert not problems
    assert any(v.claim == "three days after" for v in verified)


def test_a_wrong_count_of_days_after_a_named_event(core_rules: list[Rule]) -> None:
    text = (
        "Parliament in Canberra voted on 10 February 2022 to extend the inquiry. "
        "Its chair resigned on 15 February 2022, two days after the Parliament vote."
    )
    problems, _ = _run(core_rules, text)
    assert [p.claim for p in problems] == ["two days after"]


def test_an_event_noun_with_other_names_is_not_tied(core_rules: list[Rule]) -> None:
    # The Supreme Court ruling is not the High Court's: the names must match.
    text = (
        "The High Court in Dublin ruled on 3 August 2021 that the sale could proceed. "
        "On 6 August 2021, three days before the Supreme Court ruling, the buyers paid a deposit."
    )
    problems, verified = _run(core_rules, text)
    assert not problems
    assert not verified


def test_an_earlier_event_dated_after_the_one_it_precedes(core_rules: list[Rule]) -> None:
    text = (
        "Thousands marched through Accra on Thursday to mourn the singer. "
        "An earlier march, which drew students from the university, was held on Friday."
    )
    problems, _ = _run(core_rules, text, "2023-05-13")
    assert [p.claim for p in problems] == ["Friday"]
    problems, _ = _run(core_rules, text.replace("on Friday", "on Tuesday"), "2023-05-13")
    assert not problems


def test_a_later_adverb_is_not_an_order_between_events(core_rules: list[Rule]) -> None:
    text = (
        "Thousands marched through Accra on Thursday to mourn the singer. "
        "Police later said the march had been peaceful, and a second march is planned on Monday."
    )
    problems, _ = _run(core_rules, text, "2023-05-13")
    assert not problems


def test_this_announcement_comes_after_a_later_event(core_rules: list[Rule]) -> None:
    text = (
        "On Monday, the health minister announced that clinics would stay open on weekends. "
        "This announcement comes after nurses staged a strike on Tuesday."
    )
    problems, _ = _run(core_rules, text, "2022-03-10")
    assert [p.claim for p in problems] == ["Tuesday"]
    problems, verified = _run(core_rules, text.replace("on Tuesday", "on Sunday"), "2022-03-10")
    assert not problems and verified


def test_this_noun_without_a_dated_verb_says_nothing(core_rules: list[Rule]) -> None:
    text = (
        "The health minister spoke about the clinics in a long interview. "
        "This announcement comes after nurses staged a strike on Tuesday."
    )
    problems, verified = _run(core_rules, text, "2022-03-10")
    assert not problems and not verified


def test_an_answer_given_before_it_was_asked_for(core_rules: list[Rule]) -> None:
    text = (
        "On Tuesday, the governor said he had asked for the commissioner's report Monday evening, "
        "and that the commissioner delivered it the previous afternoon."
    )
    problems, _ = _run(core_rules, text, "2018-11-15")
    assert [p.claim for p in problems] == ["the previous afternoon"]
    problems, verified = _run(core_rules, text.replace("previous", "next"), "2018-11-15")
    assert not problems
    assert [v.claim for v in verified if v.rule == "core.chronology-events"] == ["the next afternoon"]


def test_an_offset_that_may_be_read_from_a_later_day_says_nothing(core_rules: list[Rule]) -> None:
    # Read from Wednesday, "the previous afternoon" is Tuesday, after the request.
    text = (
        "On Wednesday, the governor said he had asked for the commissioner's report Monday evening, "
        "and that the commissioner delivered it the previous afternoon."
    )
    problems, _ = _run(core_rules, text, "2018-11-15")
    assert not problems


def test_the_next_morning_counts_one_day(core_rules: list[Rule]) -> None:
    text = (
        "The storm reached the coast on 2 September 2019. The next morning, on 2 September 2019, ferries were halted."
    )
    problems, _ = _run(core_rules, text)
    assert [p.claim for p in problems] == ["The next morning"]
    problems, _ = _run(core_rules, text.replace("on 2 September 2019, ferries", "on 3 September 2019, ferries"))
    assert not problems


def test_the_day_before_a_named_event(core_rules: list[Rule]) -> None:
    text = (
        "Members of the Teamsters union approved the contract on 12 July 2023. "
        "The plant reopened on 14 July 2023, the day before the Teamsters approval."
    )
    problems, _ = _run(core_rules, text)
    assert [p.claim for p in problems] == ["the day before"]
    problems, verified = _run(core_rules, text.replace("14 July", "11 July"))
    assert not problems
    assert any(v.claim == "the day before" for v in verified)
