"""Patterns met in real articles outside the dev corpus: what verify must leave alone
(each was a false alarm once) and what it must still catch."""

from __future__ import annotations

import datetime as dt

import pytest

from verify.api import check_text


def problems(text: str, published: str | None = None) -> list[str]:
    date = dt.date.fromisoformat(published) if published else None
    report = check_text(text, published=date).files[0]
    return [f"{f.rule}: {f.message}" for f in report.findings if f.severity != "info"]


def dates(text: str, published: str) -> dict[str, str | None]:
    report = check_text(text, published=dt.date.fromisoformat(published)).files[0]
    return {c.text: c.model_dump()["value"] for c in report.claims if c.type == "date"}


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Hurricane-force winds extend outward up to 45 miles from the center of the storm.", None),
        ("The storm had top sustained winds of 155 miles per hour (250 km per hour) at landfall.", None),
        ("The family had been travelling 700 miles from Louisiana to the park.", None),
        ("The glacier is moving 30 km a year, researchers said.", None),
        (
            "Earnings fell from the previous year after a decade of steadily rising profits. The founder died in "
            "October 2011. In the three months ending June 29, sales fell from last year.",
            "2013-07-23",
        ),
        (
            "Rescuers said tapping doesn't mean someone is one meter away. The epicenter was 55 kilometers away "
            "from the city.",
            "2011-02-23",
        ),
        ("Anna Berg was born on March 3, 1970. Berg moved to Lisbon at the age of 12.", "2020-09-30"),
        ("The eruption was studied from July 13 to 17 of last year, when the lava reached the ocean.", "2019-09-08"),
        ("Results of the vote that took place yesterday, Sunday, will be announced on Friday.", "2023-05-15"),
    ],
)
def test_left_alone(text: str, published: str | None) -> None:
    assert problems(text, published) == []


@pytest.mark.parametrize(
    ("text", "published", "rule"),
    [
        ("Pelosi became Speaker in 2007 and held the post for six years until 2011.", None, "core.duration-span"),
        (
            "Robert Hunter died on Monday. Born on June 23, 1941, in San Luis Obispo, Hunter wrote lyrics. "
            "Hunter was 76.",
            "2019-09-25",
            "core.age-birth",
        ),
        ("He was president (1987–2017) for 33 years.", None, "core.duration-span"),
        ("The storm was crawling west at 5 miles, forecasters said.", None, "core.unit-dimension-context"),
    ],
)
def test_still_caught(text: str, published: str | None, rule: str) -> None:
    assert any(problem.startswith(rule) for problem in problems(text, published))


def test_year_words_and_ranges_resolve() -> None:
    found = dates("The talks ran from July 13 to 17 of last year. Last July he marked the day.", "2020-01-11")
    assert found["July 13"] == "2019-07-13"
    assert found["17"] == "2019-07-17"
    assert found["Last July"] == "2019-07"
    assert dates("The law passed on March 20 last year.", "2020-01-10")["March 20"] == "2019-03-20"


def test_bare_year_does_not_lend_its_year_to_a_day() -> None:
    found = dates("He was elected in 2012. He was taken to hospital on August 10.", "2020-09-03")
    assert found["August 10"] == "2020-08-10"
