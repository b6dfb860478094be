"""Claim extraction on real news sentences: type, value, unit, noun and exact span."""

from __future__ import annotations

import datetime as dt

import pytest

from verify.claims import Claim
from verify.document import parse_document
from verify.extraction import extract_claims


def claims_of(text: str, published: dt.date | None = None) -> list[Claim]:
    return extract_claims(parse_document(text, published=published))


def only(text: str, claim_text: str, published: dt.date | None = None) -> dict[str, object]:
    found = [c for c in claims_of(text, published) if c.text == claim_text]
    assert found, f"{claim_text!r} not extracted from {text!r}: {[c.text for c in claims_of(text, published)]}"
    return found[0].model_dump(mode="json")


@pytest.mark.parametrize(
    ("sentence", "claim", "unit", "value"),
    [
        ("A 70-km-long line was laid.", "70-km", "kilometer", 70),
        ("the 11.6-kilometer-long tunnel, built on the road", "11.6-kilometer", "kilometer", 11.6),
        ("installed at an altitude of 3,400 meters above sea level", "3,400 meters", "meter", 3400),
        ("New transformers with a capacity of 80 MVA have been installed.", "80 MVA", "megavolt_ampere", 80),
        ("winds of 130 mph were recorded", "130 mph", "mile / hour", 130),
        ("it was 75 °F outside", "75 °F", "degree_Fahrenheit", 75),
        ("the butterflies occupied roughly 6.05 hectares", "roughly 6.05 hectares", "hectare", 6.05),
    ],
)
def test_quantities(sentence: str, claim: str, unit: str, value: float) -> None:
    data = only(sentence, claim)
    assert data["type"] == "quantity"
    assert data["unit"] == unit
    assert data["value"] == value


def test_unit_list_keeps_every_value() -> None:
    data = only("the opening of the 110/35/10 kV Kalbajar sub-station", "110/35/10 kV")
    assert data["values"] == [110, 35, 10]
    assert data["unit"] == "kilovolt"


def test_range_quantity() -> None:
    data = only("a life-threatening 18 to 23 foot storm surge", "18 to 23 foot")
    assert data["value"] == [18, 23]
    assert data["unit"] == "foot"


@pytest.mark.parametrize(
    ("sentence", "claim", "amount", "unit"),
    [
        ("The shaking lasted 15 to 20 seconds, witnesses said.", "15 to 20 seconds", [15, 20], "second"),
        ("He was jailed for two to three years.", "two to three years", [2, 3], "year"),
        ("Crews needed 5–10 minutes to reach the site.", "5–10 minutes", [5, 10], "minute"),
        ("Talks will take an additional 2 to 4 days.", "an additional 2 to 4 days", [2, 4], "day"),
    ],
)
def test_range_duration(sentence: str, claim: str, amount: list[float], unit: str) -> None:
    data = only(sentence, claim)
    assert data["type"] == "duration" and data["amount"] == amount and data["unit"] == unit


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        # Falling numbers are no range; ages keep their own reading.
        ("Between 10 and 5 days later it ended.", {"10", "5 days"}),
        ("Both two to three-year-old children were unhurt.", {"three-year-old"}),
    ],
)
def test_not_a_range_duration(sentence: str, claims: set[str]) -> None:
    assert {claim.text for claim in claims_of(sentence)} == claims


def test_conversion_is_linked_to_its_original() -> None:
    text = "The wreck lies 50 miles (80 km) south of Okinawa."
    claims = {c.text: c for c in claims_of(text)}
    assert claims["80 km"].model_dump()["converts"] == claims["50 miles"].span.start


def test_case_keeps_mw_and_milliwatt_apart() -> None:
    assert only("a 50 MW plant", "50 MW")["unit"] == "megawatt"
    assert not [c for c in claims_of("a 50 mW laser") if c.model_dump().get("unit") == "megawatt"]
    assert not [c for c in claims_of("5 M people") if c.type == "quantity"]


@pytest.mark.parametrize(
    ("sentence", "claim", "value", "noun", "approx"),
    [
        ("As a result, 53,340 people were displaced.", "53,340", 53340, "people", "exact"),
        ("Over 71,000 natives of Kalbajar are waiting.", "Over 71,000", 71000, "natives", "over"),
        ("55 servicemen and 511 civilians were killed", "55", 55, "servicemen", "exact"),
        ("while seven counties on the coast received orange warnings", "seven", 7, "counties", "exact"),
        ("the state's 41 pledged delegates", "41", 41, "delegates", "exact"),
        ("made up of hundreds of states", "hundreds of", 200, "states", "vague"),
    ],
)
def test_counts(sentence: str, claim: str, value: float, noun: str, approx: str) -> None:
    data = only(sentence, claim)
    assert data["type"] == "count"
    assert (data["value"], data["noun"], data["approx"]) == (value, noun, approx)


def test_partitive_count() -> None:
    data = only("Six of the murders were sexual in nature.", "Six")
    assert data["noun"] == "murders" and data["partitive"] is True


def test_identifiers_are_not_counts() -> None:
    types = {c.text: c.type for c in claims_of("The council adopted Resolution 822 on COVID-19 vaccines.")}
    assert types.get("822") == "number"
    assert "19" not in types


@pytest.mark.parametrize(
    ("sentence", "claim", "iso"),
    [
        ("The war ended on November 10, 2020.", "November 10, 2020", "P0D"),
        ("Armenia demanded an additional 10 days to evacuate.", "an additional 10 days", "P10D"),
        ("The 27-year-old occupation of the district ended.", "27-year", "P27Y"),
        ("He spent 18 years fighting for the holiday.", "18 years", "P18Y"),
        ("The 44-day Patriotic War ended.", "44-day", "P44D"),
        ("It lasted a decade.", "a decade", "P10Y"),
    ],
)
def test_durations(sentence: str, claim: str, iso: str) -> None:
    data = only(sentence, claim)
    if iso == "P0D":
        assert data["type"] == "date"
        return
    assert data["type"] == "duration"
    assert data["value"] == iso


def test_duration_subject() -> None:
    assert only("The 27-year-old occupation of the district ended.", "27-year")["about"] == "occupation"
    assert only("The 27-year long unfulfilled demand was realized.", "27-year")["about"] == "demand"
    assert only("The 44-day Patriotic War ended.", "44-day")["about"] == "war"


@pytest.mark.parametrize(
    ("sentence", "claim", "value"),
    [
        ("Jacques Chirac died aged 86.", "86", 86),
        ("the 46-year-old mayor left his home", "46-year-old", 46),
        ("Park was 64 years old.", "64 years old", 64),
        ("He died at 102 years of age.", "102 years of age", 102),
    ],
)
def test_ages(sentence: str, claim: str, value: float) -> None:
    data = only(sentence, claim)
    assert data["type"] == "age"
    assert data["value"] == value


@pytest.mark.parametrize(
    ("sentence", "claim", "value", "granularity"),
    [
        ("The forces occupied the district on April 2, 1993.", "April 2, 1993", "1993-04-02", "day"),
        ("Friday, February 1, 2019", "Friday, February 1, 2019", "2019-02-01", "day"),
        ("It sank in late February 1944.", "February 1944", "1944-02", "month"),
        ("He was mayor from 1977 to 1995.", "1977", "1977", "year"),
        ("The deadline was 15 May 2020.", "15 May 2020", "2020-05-15", "day"),
    ],
)
def test_dates(sentence: str, claim: str, value: str, granularity: str) -> None:
    data = only(sentence, claim)
    assert data["type"] == "date"
    assert (data["value"], data["granularity"]) == (value, granularity)


def test_weekday_written_with_date_is_kept() -> None:
    data = only("Sentencing is scheduled for Tuesday, February 4, 2019.", "Tuesday, February 4, 2019")
    assert data["weekday"] == 1


def test_year_inferred_from_an_earlier_date() -> None:
    text = "Kalbajar was to be returned on November 15, 2020. The deadline was extended until November 25."
    data = only(text, "November 25")
    assert data["value"] == "2020-11-25"
    assert data["resolution"] == "inferred-year"


def test_bare_weekday_resolved_against_publication_date() -> None:
    data = only("On Tuesday the court heard the case.", "Tuesday", published=dt.date(2019, 2, 1))
    assert data["value"] == "2019-01-29"
    assert data["resolution"] == "relative"


def test_invalid_date_is_kept_and_marked() -> None:
    data = only("The Lost 52 Project identifies February 30, 1944 as the day it sank.", "February 30, 1944")
    assert data["valid"] is False


def test_percentages_and_money() -> None:
    assert only("a 95% immunization rate", "95%")["type"] == "percentage"
    assert only("had only reached 3 percent support", "3 percent")["value"] == 3
    money = only("a fine of $5 million was paid", "$5 million")
    assert (money["type"], money["value"], money["currency"]) == ("money", 5_000_000, "USD")


def test_ordinals() -> None:
    data = only("Today marks the first anniversary of the liberation.", "first")
    assert (data["type"], data["value"], data["noun"]) == ("ordinal", 1, "anniversary")
    assert only("It was the 100th anniversary of the flight.", "100th")["value"] == 100


@pytest.mark.parametrize(
    ("sentence", "ordinal", "noun"),
    [
        ("It marked its 30th anniversary last year.", "30th", "anniversary"),
        ("The 12th meeting next week will be in Oslo.", "12th", "meeting"),
        ("The 44-day war's first battle this spring was the worst.", "first", "battle"),
    ],
)
def test_time_words_after_a_noun_are_not_its_head(sentence: str, ordinal: str, noun: str) -> None:
    assert only(sentence, ordinal)["noun"] == noun


@pytest.mark.parametrize(
    "sentence",
    [
        "Second place went to Ababel Yeshaneh with a time of 2:19:51.",
        "He was followed by Dejene Debela, 2:05:46, and Asefa Mengstu.",
        "The relay team swam 3:29.34, a new world record.",
    ],
)
def test_race_times_give_no_clock_time_number_or_age(sentence: str) -> None:
    assert [claim.type for claim in claims_of(sentence) if claim.type in ("time", "number", "age", "count")] == []


def test_weekday_in_apposition_belongs_to_its_date() -> None:
    data = only(
        "The agency declared an emergency on January 31, a Thursday.", "January 31, a Thursday", dt.date(2020, 3, 1)
    )
    assert data["weekday"] == 3 and data["value"] == "2020-01-31"
    assert only("It was on January 31, a Thursday night rally.", "January 31")["weekday"] is None


@pytest.mark.parametrize(
    ("sentence", "claim", "approx"),
    [
        ("Police seized 1,000 or more kilograms of cannabis.", "1,000 or more kilograms", "at_least"),
        ("The marchers walked 10 or so kilometres.", "10 or so kilometres", "about"),
        ("Each bag must weigh 20 or less kg.", "20 or less kg", "at_most"),
    ],
)
def test_bound_between_number_and_unit(sentence: str, claim: str, approx: str) -> None:
    data = only(sentence, claim)
    assert data["type"] == "quantity" and data["approx"] == approx


def test_an_ounce_restated_in_millilitres_is_a_fluid_ounce() -> None:
    claims = {c.text: c.model_dump(mode="json") for c in claims_of("A 12-ounce (355-ml) can costs $1.25.")}
    assert claims["12-ounce"]["unit"] == "fluid_ounce" and claims["355-ml"]["converts"] is not None
    assert only("A 12-ounce (340 g) steak.", "12-ounce")["unit"] == "ounce"


def test_a_yearless_date_in_a_sentence_about_the_future_is_the_one_to_come() -> None:
    published = dt.date(2024, 7, 1)
    assert only("Businesses have until December 31 to comply.", "December 31", published)["year"] == 2024
    assert only("The company was founded on December 31.", "December 31", published)["year"] == 2023


@pytest.mark.parametrize(
    ("sentence", "claim", "value", "valid"),
    [
        ("Protesters were beaten on the thirty-first of June.", "the thirty-first of June", "2019-06-31", False),
        ("They met on the first of May 2019 in Oslo.", "the first of May 2019", "2019-05-01", True),
    ],
)
def test_a_day_written_as_an_ordinal_word(sentence: str, claim: str, value: str, valid: bool) -> None:
    data = only(sentence, claim, dt.date(2019, 10, 22))
    assert data["value"] == value and data["valid"] is valid


@pytest.mark.parametrize(
    "sentence",
    ["They stand about 14 feet — roughly 4 meters — tall.", "The 75-metre, or roughly 246-foot, ship sank."],
)
def test_a_restatement_between_dashes_or_after_or_is_a_conversion(sentence: str) -> None:
    quantities = [c for c in claims_of(sentence) if c.type == "quantity"]
    assert len(quantities) == 2 and quantities[1].model_dump()["converts"] == quantities[0].span.start


def test_a_dash_without_a_closing_one_is_no_conversion() -> None:
    quantities = [c for c in claims_of("The wall is 14 feet — six meters taller than before.") if c.type == "quantity"]
    assert quantities[1].model_dump()["converts"] is None


@pytest.mark.parametrize(
    ("sentence", "claim", "value", "currency"),
    [
        ("Profits were 77m euros in the quarter.", "77m euros", 77e6, "EUR"),
        ("The bank lent 3bn yen.", "3bn yen", 3e9, "JPY"),
    ],
)
def test_a_scale_letter_before_a_currency_word_is_money(sentence: str, claim: str, value: float, currency: str) -> None:
    data = only(sentence, claim)
    assert data["type"] == "money" and data["value"] == value and data["currency"] == currency


def test_a_calendar_year_before_year_is_no_span() -> None:
    assert [c.type for c in claims_of("Results for 1986 year were strong.")] == []
    assert only("The company set a 20-year plan.", "20-year")["type"] == "duration"
