"""Counts restated in other words: casualty lists, headlines, group sizes, revisions, magnitudes."""

from __future__ import annotations

import pytest

from verify.api import check_text, default_rules, select_rules
from verify.checks.casualties import casualty_lists, noun_forms, verb_forms
from verify.checks.groups import named_sizes, rest_sizes, stated_sizes
from verify.findings import Finding

RULES = default_rules()
VERBS = verb_forms({"killed": ["killed", "kills", "died"], "injured": ["injured", "wounded"]})
PEOPLE = noun_forms(["man|men", "woman|women", "child|children", "driver", "person|people", "passenger"])


def run(text: str, rule: str) -> tuple[list[Finding], list[Finding]]:
    report = check_text(text, rules=select_rules(RULES, [rule])).files[0]
    return report.findings, report.verified


def article(title: str, body: str) -> str:
    return f'---\ntitle: "{title}"\ndate: 2023-05-02\n---\n\n{body}\n'


# -- reading casualty lists ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "counts"),
    [
        ("The gunman injured a man and two women outside the bank.", "injured", {"man": 1, "woman": 2}),
        ("Two women and a man were wounded, officials said.", "injured", {"man": 1, "woman": 2}),
        ("The crash killed six children and two truck drivers.", "killed", {"child": 6, "driver": 2}),
        ("Four passengers died at the scene.", "killed", {"passenger": 4}),
        ("The storm killed three elderly men, a child and two women.", "killed", {"man": 3, "child": 1, "woman": 2}),
    ],
)
def test_a_list_reads_alike_in_either_voice(sentence: str, verb: str, counts: dict[str, int]) -> None:
    (found,) = casualty_lists(sentence, 0, len(sentence), VERBS, PEOPLE)
    assert found.verb == verb
    assert found.counts() == counts


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast killed at least six people near the market.",
        "About 20 people were injured in the stampede.",
        "Six people attended the hearing on Monday.",
        "Two of the children were injured.",
    ],
)
def test_estimates_and_lists_without_a_casualty_verb_are_not_read(sentence: str) -> None:
    assert casualty_lists(sentence, 0, len(sentence), VERBS, PEOPLE) == []


def test_a_restated_list_with_another_count_conflicts() -> None:
    text = (
        "A driver rammed a bus stop in Leeds and injured two men and a woman. "
        "Paramedics said a woman and three men were injured, none of them seriously."
    )
    (finding,), _ = run(text, "core.conflicting-casualties")
    assert finding.claim == "three men"
    assert [e.text for e in finding.evidence] == ["two men"]
    assert "man 3 here, 2 earlier" in finding.computation


def test_the_headline_is_compared_with_the_lead() -> None:
    text = article(
        "Ferry fire kills seven passengers off Crete",
        "Saturday, May 2, 2023\n\nA fire on a ferry off Crete on Friday killed nine passengers, the coast guard said.",
    )
    (finding,), _ = run(text, "core.conflicting-casualties")
    assert finding.claim == "nine passengers"
    assert "in the headline" in finding.message
    assert text[finding.evidence[0].span.start : finding.evidence[0].span.end] == "seven passengers"


def test_a_headline_that_agrees_is_verified() -> None:
    text = article("Ferry fire kills seven passengers", "A fire on a ferry on Friday killed seven passengers.")
    findings, (verified,) = run(text, "core.conflicting-casualties")
    assert findings == []
    assert verified.claim == "seven passengers"


def test_a_toll_that_rises_is_not_a_conflict() -> None:
    text = article(
        "Ferry fire kills seven passengers",
        "A fire on a ferry on Friday killed seven passengers. The toll rose overnight and nine passengers died.",
    )
    assert run(text, "core.conflicting-casualties")[0] == []


def test_two_attacks_with_one_noun_are_not_paired() -> None:
    text = "A bomb in the north killed four soldiers. In the south, gunmen killed two soldiers at a checkpoint."
    assert run(text, "core.conflicting-casualties") == ([], [])


def test_all_the_deaths_against_the_headline_and_lead() -> None:
    text = article(
        "Mine flood kills four workers in Shanxi",
        "Water flooded a coal mine in Shanxi on Monday and killed four workers. "
        "State media said all five deaths were caused by drowning.",
    )
    (finding,), _ = run(text, "core.conflicting-casualties")
    assert finding.claim == "five deaths"


def test_all_the_deaths_when_another_death_is_told() -> None:
    text = article(
        "Mine flood kills four workers in Shanxi",
        "Water flooded a coal mine in Shanxi on Monday and killed four workers. "
        "A rescuer died on Tuesday. State media said all five deaths were caused by drowning.",
    )
    assert run(text, "core.conflicting-casualties")[0] == []


# -- group sizes -----------------------------------------------------------------------


def test_group_sizes_are_read_three_ways() -> None:
    text = "Five people were on board; two were killed, and the other three escaped."
    assert [g.size for g in stated_sizes(text, 0, len(text), PEOPLE, ["on board"])] == [5]
    assert [g.size for g in rest_sizes(text, 0, len(text), PEOPLE)] == [5]
    named = "All on board — Ivan Petrov, his wife Olga, the pilot Maxim Lebedev, and two others — survived."
    assert [g.size for g in named_sizes(named, 0, len(named))] == [5]


def test_names_after_a_clause_are_not_counted_as_people() -> None:
    text = "On Tuesday evening, a yacht with the sailor Tom Hale and four others on board sank."
    assert [g.size for g in named_sizes(text, 0, len(text))] == [5]


def test_a_rest_with_its_own_noun_is_something_else() -> None:
    text = "Three people were on board. One boat sank, and the other two boats drifted ashore."
    assert rest_sizes(text, 0, len(text), PEOPLE) == []


def test_a_part_and_the_rest_against_the_stated_group() -> None:
    text = (
        "The light aircraft had three people on board. One died at the scene, and the other three were flown to Leeds."
    )
    (finding,), _ = run(text, "core.arithmetic-group")
    assert finding.claim == "One died at the scene, and the other three"
    assert "makes the group 4" in finding.message


def test_two_named_lists_of_one_group() -> None:
    text = (
        "A boat with the coach Nina Berg and five others on board overturned. "
        "All on board — Berg, her brother Lars, and five others — swam to shore."
    )
    (finding,), _ = run(text, "core.arithmetic-group")
    assert "makes the group 7" in finding.message
    assert "makes it 6" in finding.message


def test_two_vehicles_leave_the_group_alone() -> None:
    text = "Both planes had five people on board. One was killed, and the other five were unhurt."
    assert run(text, "core.arithmetic-group") == ([], [])


# -- revisions and magnitudes --------------------------------------------------------------


def test_an_upward_revision_to_a_smaller_toll() -> None:
    text = "Officials confirmed that 18 people died in the landslide. This revised upwards an earlier toll of 25."
    (finding,), _ = run(text, "core.arithmetic-revision")
    assert finding.claim == "revised upwards an earlier toll of 25"
    assert "new figure nearby is 18" in finding.message


def test_a_downward_revision_to_a_smaller_toll_holds() -> None:
    text = "Officials confirmed that 18 people died in the landslide. This revised downwards an earlier toll of 25."
    findings, (verified,) = run(text, "core.arithmetic-revision")
    assert findings == []
    assert "from 25 to 18" in verified.message


def test_a_revision_with_no_toll_nearby_is_not_judged() -> None:
    text = "The storm flattened 300 homes. Officials revised upwards an earlier estimate of 500 damaged buildings."
    assert run(text, "core.arithmetic-revision") == ([], [])


def test_one_quake_given_two_magnitudes() -> None:
    text = (
        "A 6.1 earthquake that struck on 14 March 2022 toppled the minaret. "
        "Repairs after the 14 March 2022 magnitude 6.7 quake began in May."
    )
    (finding,), _ = run(text, "core.conflicting-magnitude")
    assert finding.claim == "magnitude 6.7 quake"
    assert [e.text for e in finding.evidence] == ["A 6.1 earthquake"]


def test_quakes_on_different_days_are_different_quakes() -> None:
    text = "A 6.1 earthquake struck on 14 March 2022. A magnitude 5.4 quake followed on 16 March 2022."
    assert run(text, "core.conflicting-magnitude") == ([], [])


# -- one event's date, and counts on the story's own day ------------------------------------


def test_one_agreement_dated_twice() -> None:
    text = article(
        "Ministers reject pipeline accord",
        "Ministers called the April 11 pipeline accord unlawful. Under the April 13 accord, gas would flow by 2025.",
    )
    (finding,), _ = run(text, "core.conflicting-event-date")
    assert finding.claim == "April 13"
    assert [e.text for e in finding.evidence] == ["April 11"]


def test_an_article_about_several_accords_is_left_alone() -> None:
    text = article(
        "Ministers reject pipeline accords",
        "Ministers called the April 11 pipeline accord unlawful. Under the April 13 accord, gas would flow by 2025. "
        "Both accords go to parliament.",
    )
    assert run(text, "core.conflicting-event-date") == ([], [])


def test_a_count_dated_on_the_story_s_own_day_is_still_compared() -> None:
    text = article(
        "Ortiz scores hat-trick",
        "On April 30, 2023, Lena Ortiz scored three goals. Fans cheered as Ortiz scored four goals.",
    )
    (finding,), _ = run(text, "core.conflicting-count")
    assert finding.claim == "four"


def test_a_count_from_another_year_is_not_compared() -> None:
    text = article(
        "Ortiz scores hat-trick",
        "On April 30, 2019, Lena Ortiz scored three goals. Fans cheered as Ortiz scored four goals.",
    )
    assert run(text, "core.conflicting-count")[0] == []


def test_a_thing_with_a_capital_is_not_a_named_person() -> None:
    text = "The yacht and two others on board the convoy sank."
    assert named_sizes(text, 0, len(text)) == []


def test_a_part_told_after_the_lead_is_not_the_headline_s_toll() -> None:
    text = article(
        "House fire kills five children",
        "A house fire in Lyon on Sunday killed a mother and her five children. "
        "Three children died at the scene and two in hospital.",
    )
    assert run(text, "core.conflicting-casualties") == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "There were 12 people on board. Two were killed, two others were injured and the other eight escaped.",
        "Of the 20 people on board, 15 were rescued; the remaining five are missing.",
        "The jet had 150 people on board. One passenger died and the other 149 survived.",
        "A bus with 30 people aboard left Quito. Nine were tourists, and the other 21 were students.",
    ],
)
def test_groups_that_add_up_or_have_more_parts_raise_nothing(text: str) -> None:
    assert run(text, "core.arithmetic-group")[0] == []


def test_two_attacks_on_two_days_are_not_one_list() -> None:
    text = (
        "On Monday, militants killed two soldiers and a civilian in Gao. "
        "On Wednesday, a roadside bomb killed three soldiers and a civilian near Kidal."
    )
    assert run(text, "core.conflicting-casualties") == ([], [])
