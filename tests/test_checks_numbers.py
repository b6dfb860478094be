"""conversion_mismatch, arithmetic_mismatch and conflicting_figure on real sentences."""

from __future__ import annotations

import pytest

from verify.api import check_text, default_rules, select_rules
from verify.checks.conversion_mismatch import half_step
from verify.findings import Finding

RULES = default_rules()


def run(text: str, rule_prefix: str) -> tuple[list[Finding], list[Finding]]:
    report = check_text(text, rules=select_rules(RULES, [rule_prefix])).files[0]
    return report.findings, report.verified


# -- conversion_mismatch -------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "zeros_significant", "step"),
    [("76", False, 0.5), ("30", False, 5), ("30", True, 0.5), ("5.5", False, 0.25), ("1,400", False, 50),
     ("nine", False, 0.5), ("42.195", True, 0.0005), ("45", False, 2.5), ("45", True, 0.5)],
)  # fmt: skip
def test_half_step_follows_the_written_precision(written: str, zeros_significant: bool, step: float) -> None:
    assert half_step(written, zeros_significant) == pytest.approx(step)


def test_conversion_off_by_a_factor_of_ten() -> None:
    text = "The NHC also warned of potential flash floods, with up to 30 inches (76 mm) of rain in the north."
    (finding,), verified = run(text, "core.conversion-units")
    assert finding.claim == "76 mm"
    assert verified == []
    assert "762 mm" in finding.message
    assert [e.text for e in finding.evidence] == ["up to 30 inches"]
    assert "factor of 0.0997" in finding.computation
    assert finding.suggestion == "Write 762 mm, or correct the original."


def test_conversion_multiplied_instead_of_divided() -> None:
    text = "The epicenter was located roughly nine kilometers (about 15 miles) east of the town."
    (finding,), _ = run(text, "core.conversion-units")
    assert finding.claim == "about 15 miles"
    assert "5.59 miles" in finding.message


def test_offset_temperature_scales_convert_properly() -> None:
    findings, verified = run(
        "Highs of 75 °F (24 °C) are forecast; lows of 14 °F (-10 °C) follow.", "core.conversion-units"
    )
    assert findings == []
    assert len(verified) == 2
    (finding,), _ = run("Highs of 75 °F (42 °C) are forecast.", "core.conversion-units")
    assert "23.9 °C" in finding.message


def test_published_roundings_are_accepted() -> None:
    text = (
        "Winds reached 30 miles per hour (45 kilometers per hour) while the storm moved at 3 mph (6 kph), "
        "some 785 miles (1260 kilometers) from the coast, with waves of 18 to 23 foot (5.5 to 7 meter)."
    )
    findings, verified = run(text, "core.conversion-units")
    assert findings == []
    assert len(verified) == 4


def test_about_loosens_but_does_not_excuse_a_wrong_factor() -> None:
    findings, _ = run("The wreck lies at over 1400 feet (about 430 meters).", "core.conversion-units")
    assert findings == []
    (finding,), _ = run("The wreck lies at over 1400 feet (about 340 meters).", "core.conversion-units")
    assert "427 meters" in finding.message


def test_dimension_slips_are_left_to_unit_dimension() -> None:
    findings, verified = run("The depression was moving northwest at 13 mph (20 km).", "core.conversion-units")
    assert findings == [] and verified == []


def test_time_zone_minutes_must_agree() -> None:
    text = "At 4:42 local time on Saturday (2024 Friday, UTC), an earthquake struck."
    (finding,), _ = run(text, "core.conversion-time-zone")
    assert finding.claim == "2024"
    assert ":42" in finding.message
    assert [e.text for e in finding.evidence] == ["4:42"]
    findings, verified = run("Polls close at 6 p.m. local time (1700 UTC) tomorrow.", "core.conversion-time-zone")
    assert findings == [] and len(verified) == 1


def test_half_hour_zones_are_possible() -> None:
    findings, verified = run("The blast came at 9:05 a.m. local time (0335 UTC).", "core.conversion-time-zone")
    assert findings == [] and len(verified) == 1


# -- arithmetic_mismatch ---------------------------------------------------------------


def test_subset_larger_than_its_set() -> None:
    text = 'Six of the murders were, according to the court, "sexual in nature" and seven of those involved ligatures.'
    (finding,), _ = run(text, "core.arithmetic-subset")
    assert finding.claim == "seven"
    assert [e.text for e in finding.evidence] == ["Six"]


def test_subset_with_an_ambiguous_set_is_left_alone() -> None:
    text = "Police seized 40 weapons from 3 people, and 20 of them were rifles."
    findings, _ = run(text, "core.arithmetic-subset")
    assert findings == []


def test_average_below_the_minimum() -> None:
    text = "Past outbreak mortality rates have been at least 55%, as high as 90%, and averaged around 50% according to WHO."
    (finding,), _ = run(text, "core.arithmetic-average")
    assert finding.claim == "averaged around 50%"
    assert "minimum" in finding.message
    assert [e.text for e in finding.evidence] == ["at least 55%"]


def test_average_of_another_subject_is_not_compared() -> None:
    text = "At least 55% of voters backed the plan in the cities, while rural turnout averaged 50%."
    findings, verified = run(text, "core.arithmetic-average")
    assert findings == [] and verified == []


def test_count_against_a_later_list_of_named_members() -> None:
    text = (
        "Yellow warnings were issued nationwide, while seven counties on the coast received orange warnings. "
        "The warnings apply from tomorrow night. "
        "The orange warning applied to County Galway, County Mayo, County Clare, County Cork, County Kerry and "
        "County Limerick and starts at 6 p.m."
    )
    (finding,), _ = run(text, "core.arithmetic-list-count")
    assert finding.claim == "seven"
    assert "names 6" in finding.message
    assert finding.evidence[0].text.startswith("County Galway")


def test_partial_lists_are_not_counted() -> None:
    text = "Voters in 14 states go to the polls, including Texas, California, Virginia and Maine."
    findings, verified = run(text, "core.arithmetic-list-count")
    assert findings == [] and verified == []


def test_remaining_part_against_the_stated_total() -> None:
    text = (
        "The party finalized the division of the state's 41 pledged delegates: Pete Buttigieg secured the most "
        "delegates, at 14, followed by Bernie Sanders, with 12. Elizabeth Warren earned 8 delegates, Joe Biden "
        "earned 4, and Amy Klobuchar earned the remaining 1."
    )
    (finding,), _ = run(text, "core.arithmetic-total")
    assert finding.claim == "1"
    assert "14 + 12 + 8 + 4 + 1" in finding.message
    assert "41" in finding.message
    assert finding.evidence[0].text == "41"


def test_parts_in_all() -> None:
    (finding,), _ = run("The boat carried three men and two women, six people in all.", "core.arithmetic-total")
    assert "add up to 5" in finding.message
    findings, verified = run("Two people died in 2018 and 5 people in 2019.", "core.arithmetic-total")
    assert findings == [] and verified == []


def test_change_words_against_from_and_to() -> None:
    (finding,), _ = run("Cases doubled from 40 to 120 in a month.", "core.arithmetic-change")
    assert "factor of 3" in finding.message
    (finding,), _ = run("Ticket sales rose by 20% from 50,000 to 80,000.", "core.arithmetic-change")
    assert finding.claim == "20%"
    assert "60.0%" in finding.message
    findings, _ = run("Prices have nearly doubled from $5 to $9.", "core.arithmetic-change")
    assert findings == []


def test_share_against_its_part_and_whole() -> None:
    (finding,), _ = run("In all, 412 of the 500 voters (62%) backed the measure.", "core.arithmetic-change")
    assert "82.4%" in finding.message
    findings, verified = run("In all, 3 out of 4, or 75%, agreed.", "core.arithmetic-change")
    assert findings == [] and len(verified) == 1


# -- conflicting_figure ------------------------------------------------------------------


def test_one_person_two_ages_through_a_role() -> None:
    text = (
        "Park Won-soon, the mayor of Seoul, was found dead. Park was 64 years old.\n\n"
        "According to local reports, the 46-year-old mayor left his home before 11 a.m."
    )
    (finding,), _ = run(text, "core.conflicting-age")
    assert finding.claim == "46-year-old"
    assert "Park Won-soon" in finding.message
    assert [e.text for e in finding.evidence] == ["64 years old"]


def test_ages_of_different_people_are_not_compared() -> None:
    text = (
        "Smith, 45, and his son Tom Smith, 12, were rescued. "
        "The 67-year-old killer had kept a bracelet. The final victim, Andrew Kinsman, 49, was reported missing."
    )
    findings, verified = run(text, "core.conflicting-age")
    assert findings == [] and verified == []


def test_one_storm_ranked_twice() -> None:
    text = (
        "The NHC upgraded Tropical Storm Humberto to hurricane status, making it the fourth hurricane of the "
        "2019 Atlantic hurricane season. Hurricane Barry was the first hurricane of the season. "
        "Tropical Storm Humberto was the eighth named storm of the 2019 Atlantic hurricane season, and became "
        "its third hurricane."
    )
    (finding,), _ = run(text, "core.conflicting-rank")
    assert finding.claim == "third"
    assert [e.text for e in finding.evidence] == ["fourth"]


def test_restricted_ranks_are_not_compared() -> None:
    text = "Ana Diaz became the first woman to lead the party. Ana Diaz was the second leader of the party."
    findings, verified = run(text, "core.conflicting-rank")
    assert findings == [] and verified == []


def test_one_subject_two_counts_after_the_same_words() -> None:
    text = (
        "Bruce McArthur, from Toronto, on Tuesday admitted his guilt in eight murders. "
        "In court, McArthur said he was guilty of seven murders."
    )
    (finding,), _ = run(text, "core.conflicting-count")
    assert finding.claim == "seven"
    assert "Bruce McArthur" in finding.message


def test_counts_that_change_over_time_are_not_compared() -> None:
    text = "Floods killed 12 people in Kerala. The toll later rose to 15 people in Kerala."
    findings, verified = run(text, "core.conflicting-count")
    assert findings == [] and verified == []


def test_one_knife_measured_twice() -> None:
    text = "He was stabbed with a 5-inch knife. Officers found the 10-inch knife in a drain."
    (finding,), _ = run(text, "core.conflicting-measure")
    assert finding.claim == "10-inch"
    assert [e.text for e in finding.evidence] == ["5-inch"]
    findings, _ = run(text + " A second knife was never found.", "core.conflicting-measure")
    assert findings == []


def test_one_person_two_birth_dates() -> None:
    text = "Ana Ruiz was born on 15 May 1992 in Seville. Teammates say Ruiz, born 27 April 1992, trained daily."
    (finding,), _ = run(text, "core.conflicting-birth")
    assert finding.claim == "27 April 1992"
    assert "Ana Ruiz" in finding.message
    findings, verified = run(
        "Ana Ruiz was born on 15 May 1992. Ruiz, born in 1992, trained daily.", "core.conflicting-birth"
    )
    assert findings == [] and len(verified) == 1


def test_compound_originals_are_added_up() -> None:
    findings, verified = run("The suspect is 5 feet 11 inches (1.80 m) tall.", "core.conversion-units")
    assert findings == [] and len(verified) == 1
    (finding,), _ = run("The suspect is 5 feet 11 inches (1.20 m) tall.", "core.conversion-units")
    assert "5 feet 11 inches" in finding.message
    findings, verified = run("The baby weighed 7 pounds 4 ounces (3.3 kg).", "core.conversion-units")
    assert findings == [] and verified == []


def test_one_person_leaving_office_in_two_months() -> None:
    text = (
        "Pierre Nkurunziza, the President of Burundi, died on Monday. Nkurunziza became president of the African "
        "nation in 2005 and was due to stand down in September. The constitution was changed again. "
        "His presidential term was to end in August, in favor of his elected successor."
    )
    (finding,), _ = run(text, "core.conflicting-scheduled")
    assert finding.claim == "August"
    assert [e.text for e in finding.evidence] == ["September"]


def test_someone_else_leaving_office_is_not_compared() -> None:
    text = "Lina Park was due to step down in March. Park told reporters his brother would step down in May."
    findings, verified = run(text, "core.conflicting-scheduled")
    assert findings == [] and verified == []


def test_differences_and_margins() -> None:
    (finding,), _ = run("Membership rose by 5, from 15 to 25.", "core.arithmetic-change")
    assert finding.claim == "5"
    assert "difference of 10" in finding.message
    (finding,), _ = run("The incumbent won the recount by 12 votes, 1,480 to 1,458.", "core.arithmetic-change")
    assert "difference of 22" in finding.message
    text = "The Senate passed the bill 52–48, with 3 absent, and it was amended by 2 members."
    findings, verified = run(text, "core.arithmetic-change")
    assert findings == [] and verified == []
