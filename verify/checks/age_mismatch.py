"""age_mismatch: a stated age against the birth date and the date of the event.

**Births** are dates written after a birth cue in the same sentence ("was born
in Detroit, Michigan, in 1929", "born on 15 May 1992", "Born in 1950, Girard
..."), ordinal birthdays with a date ("In October 2016 ... his 100th
birthday" puts the birth in October 1916) and coming birthdays ("He would
have turned 80 on February 20"). For a person with none, an age at a death near
the publication date implies a birth within a year ("Ruber, 71, died on
Monday"), and the ages given for earlier years are judged against it
(``ages_imply_births``); so does a living person's age set off beside the name
near the publication date ("Arnold, 44, appeared in court on Monday"), but it
judges only earlier ages set off beside that name ("Arnold, then 36,").

**Ages** are the age claims of the body ("aged 86", "the 86-year-old", "was
88", "at 102 years of age") and of the headline ("dies at 103", "dies aged
55", "a 46-year-old"). An age is measured at the date written in its own
sentence ("died on Monday at 102"), unless a relative clause stands between
them ("Lopez, 49, who joined the firm in 2005"); with none, at the death dates
the article gives near the publication date together with the publication
date itself ("He was 86." in an obituary). An age in a sentence that dates it
by another event without a date ("when he was elected", "at the time") is
left alone, unless the sentence speaks of a death ("dies aged 80 after ...")
and the age is not in the event's clause ("her father died when she was one").
So is an undated age after a sentence of its paragraph dated a year or more
back ("On 9 February 1964, the Beatles appeared ... John Lennon was 23"), and an
age set off beside a name in a sentence dated years back ("Gavrilo Princip, 19,
shot ... on 28 June 1914": then or now?). "died on Tuesday at 96" is dated by
the death alone; "when he was 15" by the date before it.

**Tie**: an age is compared only with a birth of the same person: the two
sentences (a pronoun's sentence stands for the one before it) share a
capitalised name, and no relative stands just before the age ("his son,
Felix Brenner, 41"). An age set off beside a name ("Angela Ruiz, 42,") or
before one ("the 29-year-old defending champion, Karin Stoll") is that name's
only; a surname two people share ties nothing when each mention stands for a
different full name ("Dennis Vaughan, 78 ... Mrs Vaughan, who was born").
A birth known only to the year admits two ages (84 or 85). A computed age
below 0, above 110 or more than 50 years from the stated one means a wrong
tie or time, and is not reported.

When several ages agree with each other and all disagree with the birth, the
birth is flagged (the ages outvote it); otherwise each age that disagrees is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from pydantic import Field

from verify.checks import timespans
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.cues import any_cue_search, cue_pattern
from verify.checks.names import full_name_mentions
from verify.claims import AgeClaim, Claim, DateClaim, OrdinalClaim
from verify.extraction.lexicon import STOPWORDS
from verify.findings import Evidence
from verify.linking import Facts, stem
from verify.vocab import MONTHS, WEEKDAYS

_NAME = re.compile(r"\b[A-Z][A-Za-z'’-]+")
_PRONOUN_START = re.compile(r"^\W*(?:He|She|His|Her|They)\b")
_PRONOUN = re.compile(r"\b(?:he|she)\b")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


class AgeParams(Params):
    """Parameters of an age_mismatch rule."""

    #: Words before a date that make it a birth date ("born").
    birth_cues: list[str] = Field(default=["born"], min_length=1)
    #: Nouns an ordinal counts birthdays with.
    birthday_nouns: list[str] = ["birthday"]
    #: An age at a death near the publication date implies a birth, against which the
    #: person's ages at other times are judged when the article writes no birth.
    ages_imply_births: bool = False
    #: Phrases before an age and the day the person reaches it ("would have turned 80 on
    #: February 20"), which put the birth that many years before the day.
    birthday_phrases: list[str] = []
    #: Nouns of relatives; an age with one just before it ("his son, Wolfgang, 29") is
    #: the relative's, whatever name the sentence shares with the birth.
    relative_nouns: list[str] = []
    #: Words that mark a death, whose date an age is measured at.
    death_cues: list[str] = ["died", "dies", "death", "dead", "passed"]
    #: Words that date an age by an event the sentence does not date.
    other_event_cues: list[str] = ["when", "while", "at the time", "then", "until", "before", "after"]
    #: Words right before an age that tie it to an action ("joined the army aged 18",
    #: "at the age of 12"): without a date or a death in the sentence, it is left alone.
    event_age_cues: list[str] = ["at the age of", "at age", "aged", "at"]
    #: Headline patterns of an age; the group ``age`` holds the number.
    title_patterns: list[str] = [
        r"\b(?:dies|died|dead)\s+(?:at\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?|aged\s+)(?P<age>\d{1,3})\b",
        r"\b(?P<age>\d{1,3})-year-old\b",
    ]
    #: How many days before the publication date a death date may lie and still
    #: be the one a headline or an undated age refers to.
    recent_days: int = 60
    #: How far (in characters) after a birth cue its date may stand.
    birth_window: int = 60


@dataclass
class _Birth:
    bounds: timespans.Bounds
    claims: list[Claim]
    names: frozenset[str]
    description: str
    #: For a birth implied by an age: when that age was measured.
    implied_at: timespans.Bounds | None = None
    #: Implied by a living person's age ("Arnold, 44,"): it judges only ages written beside
    #: that person's name ("Arnold, then 36,"), since victims' and relatives' ages share
    #: the sentences of a crime or family story.
    living: bool = False


@dataclass
class _Age:
    claim: AgeClaim
    names: frozenset[str]
    when: timespans.Bounds
    when_text: str
    #: Measured at a death near the publication date ("died on Monday aged 82"): firm
    #: enough to put the birth within a year when the article gives none.
    at_death: bool = False
    #: Written beside the name at about the publication date ("Arnold, 44, appeared in court
    #: on Monday"): as firm, for a living person, as an age at a death.
    current: bool = False


class AgeCheck(Check):
    """Compare each age with the birth the article gives for the same person."""

    kind = "age_mismatch"
    Params = AgeParams

    def run(self, facts: Facts, params: AgeParams) -> Iterator[Outcome]:
        births = _births(facts, params)
        birth_dates = {id(claim) for birth in births for claim in birth.claims}
        ages = [
            age
            for age in (_age(facts, claim, params, birth_dates) for claim in _age_claims(facts, params))
            if age is not None
        ]
        written = len(births)
        if params.ages_imply_births:
            births += _implied_births(ages, births)
        judged: dict[int, list[tuple[_Age, tuple[float, float], bool]]] = {}
        for age in ages:
            tied = [
                i
                for i, birth in enumerate(births)
                if birth.names & age.names and not _different_people(facts, birth, age)
            ]
            # A written birth wins over one implied by an age; an implied one judges only
            # ages at another time than its own ("when he was 71" in 2014).
            if any(i < written for i in tied):
                tied = [i for i in tied if i < written]
            else:
                tied = [
                    i
                    for i in tied
                    if _earlier_by_a_year(age, births[i]) and (not births[i].living or _beside(facts, age, births[i]))
                ]
            years = {births[i].bounds for i in tied}
            if len(years) != 1:
                continue  # no birth for this person, or several that disagree
            index = tied[0]
            actual = timespans.span_range(births[index].bounds, age.when, "year")
            if actual[1] < 0 or actual[0] > _OLDEST or abs(age.claim.value - actual[0]) > _FURTHEST:
                # No one is -3 or 120, and "a 24-year-old lieutenant" 80 years ago is not 103 now:
                # the age and the birth are not one person's at one time.
                continue
            stated = timespans.stated_range(age.claim.value, age.claim.approx, "year")
            judged.setdefault(index, []).append((age, actual, timespans.overlaps(stated, actual)))
        for index, results in judged.items():
            birth = births[index]
            misfits = [r for r in results if not r[2]]
            values = {r[0].claim.value for r in results}
            if len(results) >= 2 and len(misfits) == len(results) and len(values) == 1:
                yield _birth_outcome(facts, birth, results)
                continue
            for age, actual, ok in results:
                yield _age_outcome(facts, birth, age, actual, ok)


# -- births ---------------------------------------------------------------------------------


@lru_cache(maxsize=64)  # once per rule's cue words, not once per document
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def _births(facts: Facts, params: AgeParams) -> list[_Birth]:
    text = facts.document.text
    cue = _cue_pattern(tuple(params.birth_cues))
    births: list[_Birth] = []
    # A birth is a cue word ("born") with a date after it: with no cue in the text, or no
    # date in a sentence, there is nothing to search for.
    cued_sentences = facts.document.sentences if facts.may_mention(params.birth_cues) else []
    for index, (start, end) in enumerate(cued_sentences):
        dates = [d for d in facts.dates_in_sentence(index) if d.resolution != "relative"]
        if not dates:
            continue
        for match in cue.finditer(text, start, end):
            following = [
                d
                for d in dates
                if match.end() <= d.span.start <= match.end() + params.birth_window
                and not _MAIN_CLAUSE.search(text, match.end(), d.span.start)
                and not _OTHER_VERB.search(text, match.end(), d.span.start)
            ]
            if not following:
                continue
            date = following[0]
            bounds = date.bounds()
            if bounds is None:
                continue
            # The person born is named before the cue ("Chirac was born"), or anywhere in
            # the sentence when it opens with the birth ("Born in 1934, Chirac studied").
            # "Maeve was born the year before; Orla, the youngest, was born in 1995": the
            # names of the cue's own clause.
            clause = max(start, text.rfind(";", start, match.start()) + 1)
            names = _names(facts, index, clause, match.start()) or _names(facts, index, clause, end)
            births.append(_Birth(bounds, [date], names, timespans.describe_date(date)))
    births += _coming_birthdays(facts, params)
    birthday_nouns = {n.lower() for n in params.birthday_nouns}
    for ordinal in facts.of_type(OrdinalClaim):
        if ordinal.noun not in birthday_nouns:
            continue
        dates = [d for d in facts.dates_in_sentence(ordinal.sentence) if d.resolution != "relative"]
        if len(dates) != 1:
            continue
        bounds = dates[0].bounds()
        if bounds is None:
            continue
        shift = relativedelta(years=ordinal.value)
        birth_bounds = (bounds[0] - shift, bounds[1] - shift)
        sentence_start = facts.document.sentences[ordinal.sentence][0]
        names = _names(facts, ordinal.sentence, sentence_start, ordinal.span.start)
        description = (
            f"{timespans.describe_bounds(birth_bounds)} ({ordinal.value} years before the "
            f"{ordinal.text} {ordinal.noun} in {timespans.describe_date(dates[0])})"
        )
        births.append(_Birth(birth_bounds, [ordinal, dates[0]], names, description))
    return births


def _coming_birthdays(facts: Facts, params: AgeParams) -> list[_Birth]:
    """ "He would have turned 80 on February 20": the birth lies 80 years before that day."""
    if not facts.may_mention(params.birthday_phrases):
        return []
    text = facts.document.text
    pattern = cue_pattern(r"\b{cues}\s+(?P<age>\d{1,3})\s+(?:on|in)\s+", tuple(params.birthday_phrases), re.IGNORECASE)
    births = []
    for match in pattern.finditer(text, facts.document.body_start):
        sentence = facts.document.sentence_index(match.start())
        day = next((d for d in facts.dates_in_sentence(sentence) if d.span.start == match.end()), None)
        bounds = day.bounds() if day is not None and day.resolution != "relative" else None
        if day is None or bounds is None:
            continue
        shift = relativedelta(years=int(match["age"]))
        birth_bounds = (bounds[0] - shift, bounds[1] - shift)
        sentence_start = facts.document.sentences[sentence][0]
        names = _names(facts, sentence, sentence_start, match.start())
        description = (
            f"{timespans.describe_bounds(birth_bounds)} ({match['age']} years before "
            f"{timespans.describe_date(day)}, when the person would have turned {match['age']})"
        )
        births.append(_Birth(birth_bounds, [day], names, description))
    return births


def _implied_births(ages: list[_Age], births: list[_Birth]) -> list[_Birth]:
    """ "Luk, 82, died on Monday" or "Arnold, 44, appeared in court on Monday": born within
    the year before 82 (44) years earlier, for a person whose birth the article does not write."""
    implied: list[_Birth] = []
    # One implied birth a person: the first age at the death (the body's before the
    # headline's), else the first age written beside the name at the publication date.
    for age in [a for a in ages if a.at_death] + [a for a in ages if a.current and not a.at_death]:
        if any(birth.names & age.names for birth in [*births, *implied]):
            continue
        years = int(age.claim.value)
        bounds = (
            age.when[0] - relativedelta(years=years + 1) + dt.timedelta(days=1),
            age.when[1] - relativedelta(years=years),
        )
        description = f"{timespans.describe_bounds(bounds)} (aged {age.claim.text} {age.when_text})"
        implied.append(
            _Birth(bounds, [age.claim], age.names, description, implied_at=age.when, living=not age.at_death)
        )
    return implied


def _earlier_by_a_year(age: _Age, birth: _Birth) -> bool:
    """True when ``age`` was measured at least a year before the age that implies ``birth``
    (ages at the same time are compared by conflicting_figure instead)."""
    return birth.implied_at is not None and (birth.implied_at[0] - age.when[1]).days >= 365


def _names(facts: Facts, sentence: int, start: int, end: int) -> frozenset[str]:
    """Capitalised names in ``text[start:end]``; a pronoun-led sentence, or one whose only
    subject is a pronoun ("In 2014, when he was 71, he ..."), adds the previous one's."""
    text = facts.document.text
    names = _name_words(text[start:end])
    pronoun_only = not names and _PRONOUN.search(text, start, end) is not None
    if (_PRONOUN_START.match(text[start:end]) or pronoun_only) and sentence > 0:
        previous = facts.document.sentences[sentence - 1]
        names |= _name_words(text[previous[0] : previous[1]])
    return names


def _name_words(text: str) -> frozenset[str]:
    words = set()
    for match in _NAME.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0))
        lowered = word.lower()
        if lowered in STOPWORDS or lowered in _CALENDAR_WORDS or len(word) < 2:
            continue
        if lowered in ("he", "she", "his", "her", "they", "their", "it", "its", "this", "that", "these", "those"):
            continue
        words.add(word)
    return frozenset(words)


# -- ages -----------------------------------------------------------------------------------


def _age_claims(facts: Facts, params: AgeParams) -> list[AgeClaim]:
    """The body's age claims and the headline's."""
    claims = list(facts.of_type(AgeClaim))
    title = facts.document.title
    if not title:
        return claims
    text = facts.document.text
    offset = text.find(title, 0, max(facts.document.body_start, 1) + len(title) + 1)
    if offset < 0 or offset >= facts.document.body_start:
        return claims  # a title line in the body was extracted with it
    for pattern in params.title_patterns:
        for match in re.finditer(pattern, title):
            start, end = offset + match.start("age"), offset + match.end("age")
            claims.append(
                AgeClaim(
                    text=text[start:end],
                    span=facts.span(start, end),
                    sentence=-1,
                    about="title",
                    value=float(match["age"]),
                )
            )
    return claims


def _age(facts: Facts, claim: AgeClaim, params: AgeParams, birth_dates: set[int]) -> _Age | None:
    text = facts.document.text
    if _AGE_RANGE_AFTER.match(text, claim.span.end) or _AGE_RANGE_BEFORE.search(
        text, max(0, claim.span.start - 8), claim.span.start
    ):
        return None  # "aged 60 to 63" over a period: each end belongs to its own date
    death = {stem(c) for c in params.death_cues}
    if claim.sentence < 0:
        assert facts.document.title is not None
        names = _name_words(facts.document.title)
        context = facts.document.title
        own: list[DateClaim] = []
    else:
        start, end = facts.document.sentences[claim.sentence]
        # "survived by his son, Wolfgang Van Halen, 29": the age of a relative, who
        # shares the name of the person whose birth the article gives.
        # "Her husband, the cellist Otto Brandt, died in 2011, aged 80": a relative before the
        # age in its sentence makes it the relative's.
        if any_cue_search(r"\b{cues}\b", params.relative_nouns, text[start : claim.span.start].lower()):
            return None
        context = text[start:end]
        names = _names(facts, claim.sentence, start, end)
        # "beat the 29-year-old defending champion, Karin Stoll": the age is the name's after it;
        # "His aide, Angela Ruiz, 42," and "Dennis, 78, and his wife Sheila, 74": the name's before it.
        named = _NAMED_AFTER.match(text, claim.span.end, end)
        beside = _THEN_BESIDE_NAME.search(text, max(start, claim.span.start - 40), claim.span.start)
        if named is not None:
            names = _name_words(named["name"])
        elif beside is not None:
            names = _name_words(_full_name_before(text, start, beside))
        # A date with another age nearer to it is that age's: "recognised at the age of two
        # and fled to India in 1959, aged 23".
        others = [c for c in facts.by_sentence.get(claim.sentence, []) if isinstance(c, AgeClaim) and c is not claim]
        own = [
            d
            for d in facts.dates_in_sentence(claim.sentence)
            if id(d) not in birth_dates
            and _same_clause(text, claim, d)
            and not any(_distance(other, d) < _distance(claim, d) for other in others)
        ]
    if _WHEN_WAS.search(text, max(0, claim.span.start - 30), claim.span.start):
        # "from 1956, when he was 15, until 1994": "when" looks back to the date before it.
        own = [d for d in own if d.span.end <= claim.span.start] or own
    died_at = _DIED_AT.search(text, max(0, claim.span.start - 48), claim.span.start)
    if died_at is not None:
        # "mayor from 1971 to 2008, has died at 92": only a date of the death dates its age;
        # "who died aged 86, was an MP from 1970": not a date past the clause's comma.
        own = [
            d
            for d in own
            if d.span.start >= died_at.start()
            and not (d.span.start > claim.span.end and "," in text[claim.span.end : d.span.start])
        ]
    reference = facts.reference_date
    if (
        reference is not None
        and claim.sentence >= 0
        and _BESIDE_NAME.search(text, max(0, claim.span.start - 40), claim.span.start)
    ):
        # "Wendt, 46, entered the Landtag in 2005" gives his age now, "Gavrilo Princip, 19,
        # shot dead the Archduke on 28 June 1914" his age then: an age set off beside a name
        # in a sentence dated a year or more back is left alone.
        year = dt.timedelta(days=365)
        if any((b := d.bounds()) is not None and reference - b[1] >= year for d in own):
            return None
    if _AT_THE_TIME.match(text, claim.span.end):
        return None  # "who was 66 at the time": the age at an event the clause does not date
    if own:
        # The nearest date: "30 when she won the seat in 1980 and held it ... until 2020".
        bounds = min(own, key=lambda d: _distance(claim, d)).bounds()
        if bounds is None:
            return None
        # "Iyambo, 82, died on Sunday": an age at a dated death.
        died = claim.approx == "exact" and any_cue_search(r"\b{cues}\b", params.death_cues, context.lower())
        return _Age(
            claim,
            names,
            bounds,
            _when(bounds),
            at_death=died and (bounds[1] - bounds[0]).days <= 31,
            current=_current(facts, claim, bounds),
        )
    clause_lead = text[max(0, claim.span.start - 40) : claim.span.start].lower()
    if any_cue_search(
        r"\b{cues}\s+(?:[\w'’-]+\s+){1,3}(?:was|were|turned)\s+(?:aged\s+)?$", params.other_event_cues, clause_lead
    ):
        return None  # "her father died when she was one": the age at that clause's event, not at a death
    lowered = f" {context.lower()} "
    # One search per list of cues (an alternation), compiled once per list.
    at_death = any_cue_search(r"\b{cues}\b", params.death_cues, lowered)
    if not at_death and any_cue_search(r"\b{cues}\b", params.other_event_cues, lowered):
        return None  # "when he was elected": an age at an event the sentence does not date
    lead = text[max(0, claim.span.start - 24) : claim.span.start].lower()
    # "He was aged 86" states an age; "joined the army aged 18" dates an action.
    event_age = any_cue_search(r"(?<!was )(?<!\bis )\b{cues}\s+$", params.event_age_cues, lead)
    if not at_death and event_age:
        return None  # "moved to Montreal at the age of 12": the age at an undated past event
    if reference is None:
        return None
    if not at_death and _after_dated_sentence(facts, claim, reference, birth_dates):
        return None  # "On 9 February 1964, the Beatles appeared ... John Lennon was 23.": then, not now
    recent = [
        d
        for d in facts.days
        if facts.sentence_stems[d.sentence] & death
        and d.date is not None
        and dt.timedelta(0) <= reference - d.date <= dt.timedelta(days=params.recent_days)
    ]
    days = [reference] + [d.date for d in recent if d.date is not None]
    bounds = (min(days), max(days))
    return _Age(
        claim,
        names,
        bounds,
        _when(bounds),
        at_death=at_death and claim.approx == "exact",
        current=_current(facts, claim, bounds),
    )


#: A computed age above this, or this far from the stated one, means a wrong tie or a
#: wrong time, not a wrong figure.
_OLDEST = 110
_FURTHEST = 50
#: After an "N-year-old": up to four lowercase words, an optional comma, then a name.
_NAMED_AFTER = re.compile(r"(?<=old)(?:\s+[a-z][\w'’-]*){0,4},?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
#: After "Born in Greensboro, Ala.,": a main clause opened by its subject and verb
#: ("Sawyer moved to Chicago in 1957") dates what it says, not the birth.
_MAIN_CLAUSE = re.compile(r",\s+[A-Z][\w'’-]+\s+(?!(?:on|in|at|of|to|and|near|during|the|a|an)\b)[a-z]+")
#: After "born": another verb's clause, whose date is not the birth ("when Hannah was born,
#: died in 2019 at 48").
_OTHER_VERB = re.compile(r",\s+(?:and\s+)?(?:died|married|moved|joined|retired|left|became|won|was|is)\b")
#: "died on Thursday at 82", "has died at 92": an age at the death the clause dates.
_DIED_AT = re.compile(r"\b(?:died|dies)\b[^.;:,]{0,36}?\s+(?:at|aged)\s+$", re.IGNORECASE)
_WHEN_WAS = re.compile(r"\bwhen\s+(?:he|she|they|I|we)\s+(?:was|were|turned)\s+(?:aged\s+)?$", re.IGNORECASE)
_AT_THE_TIME = re.compile(r"\s+at\s+the\s+time\b", re.IGNORECASE)


def _after_dated_sentence(facts: Facts, claim: AgeClaim, reference: dt.date, birth_dates: set[int]) -> bool:
    """True for an undated age whose paragraph last dated a sentence before it a year or
    more before publication (not by a birth): "Forty years ago today, on June 25, 1983,
    India won the World Cup. ... Kapil Dev, 24, lifted the trophy" gives the age then."""
    if claim.sentence <= 0:
        return False
    paragraph = facts.document.paragraph_index(claim.span.start)
    year = dt.timedelta(days=365)
    for sentence in range(claim.sentence - 1, -1, -1):
        start = facts.document.sentences[sentence][0]
        if facts.document.paragraph_index(start) != paragraph:
            return False
        dates = [d for d in facts.dates_in_sentence(sentence) if id(d) not in birth_dates and d.bounds()]
        if dates:
            return any((b := d.bounds()) is not None and reference - b[1] >= year for d in dates)
    return False


#: An age set off beside a name: "Arnold, 44," (not "Arnold, then 36,").
_BESIDE_NAME = re.compile(r"[A-Z][a-z]+,\s+$")
#: An age set off beside a name, now or then: "Arnold, 44,", "Arnold, then 36,".
_THEN_BESIDE_NAME = re.compile(r"(?P<name>[A-Z][a-z]+),\s+(?:then\s+)?$")


def _full_name_before(text: str, sentence_start: int, beside: re.Match[str]) -> str:
    """The capitalised words that end at a name set off before an age ("Angela Ruiz")."""
    name: list[str] = []
    for word in reversed(text[sentence_start : beside.end("name")].split()):
        if not word[:1].isupper() or word.endswith(","):
            break
        name.insert(0, word)
    return " ".join(name)


def _different_people(facts: Facts, birth: _Birth, age: _Age) -> bool:
    """True when the only names a birth and an age share are surnames that stand, where
    each is written, for different full names: "Dennis Vaughan, 78, and Sheila Vaughan, 74
    ... Mrs Vaughan, who was born" gives Sheila's birth, not Dennis's."""
    shared = birth.names & age.names
    full_names = full_name_mentions(facts)
    for surname in shared:
        with_surname = [(at, name) for at, name in full_names if name.split()[-1] == surname]
        if len({name for _, name in with_surname}) < 2:
            return False  # one person carries it
        born = _latest(with_surname, birth.claims[0].span.start)
        aged = _latest(with_surname, age.claim.span.end)
        if born is None or aged is None or born == aged:
            return False
    return bool(shared)


def _latest(mentions_of: list[tuple[int, str]], position: int) -> str | None:
    """The full name mentioned last before ``position``."""
    before = [name for at, name in mentions_of if at <= position]
    return before[-1] if before else None


def _beside(facts: Facts, age: _Age, birth: _Birth) -> bool:
    """True when ``age`` is written beside a name of the person ``birth`` is for."""
    text = facts.document.text
    match = _THEN_BESIDE_NAME.search(text, max(0, age.claim.span.start - 40), age.claim.span.start)
    return match is not None and match["name"] in birth.names


def _current(facts: Facts, claim: AgeClaim, bounds: timespans.Bounds) -> bool:
    """True for an exact age beside a name measured within a month of the publication date."""
    reference = facts.reference_date
    if reference is None or claim.approx != "exact" or claim.sentence < 0:
        return False
    if not _BESIDE_NAME.search(facts.document.text, max(0, claim.span.start - 40), claim.span.start):
        return False
    month = dt.timedelta(days=31)
    return reference - month <= bounds[0] and bounds[1] <= reference + month


def _when(bounds: timespans.Bounds) -> str:
    """'on June 1, 2019', 'in 2008', 'in March 2020', 'between ... and ...'."""
    described = timespans.describe_bounds(bounds)
    if described.startswith("between"):
        return described
    return f"on {described}" if bounds[0] == bounds[1] else f"in {described}"


def _same_clause(text: str, age: AgeClaim, date: DateClaim) -> bool:
    """False when a relative clause or a semicolon stands between an age and a date:
    "Lopez, 49, who joined the firm in 2005" dates the joining, not the age."""
    if age.span.end <= date.span.start:
        start, end = age.span.end, date.span.start
    else:
        start, end = date.span.end, age.span.start
    between = text[start:end]
    # "17 when he scored in Sweden, and 29 when he lifted the trophy in 1970": a second
    # "when" opens another age's clause.
    return _OTHER_CLAUSE.search(between) is None and len(_WHEN.findall(between)) < 2


_WHEN = re.compile(r"\bwhen\b", re.IGNORECASE)


_AGE_RANGE_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d")
_AGE_RANGE_BEFORE = re.compile(r"\d\s*(?:to|-|–)\s*$")


def _distance(claim: AgeClaim, date: DateClaim) -> int:
    """Characters between an age and a date."""
    return max(date.span.start - claim.span.end, claim.span.start - date.span.end, 0)


_OTHER_CLAUSE = re.compile(r";|\b(?:who|which|that|whom|whose|where)\b", re.IGNORECASE)


# -- outcomes ------------------------------------------------------------------------------


def _age_outcome(facts: Facts, birth: _Birth, age: _Age, actual: tuple[float, float], ok: bool) -> Outcome:
    years = timespans.describe_range(actual, "year")
    fields = {"birth": birth.description, "when": age.when_text, "actual": years, "stated": age.claim.text}
    computation = f"Born {birth.description}, {age.when_text} the person was {years} old" + (
        "." if ok else f", not {age.claim.text}."
    )
    return Outcome(
        claim=age.claim,
        verified=ok,
        fields=fields,
        evidence=[evidence(facts, c, "birth") for c in birth.claims],
        computation=computation,
    )


def _birth_outcome(facts: Facts, birth: _Birth, results: list[tuple[_Age, tuple[float, float], bool]]) -> Outcome:
    claim = birth.claims[0]
    low = min(r[1][0] for r in results)
    high = max(r[1][1] for r in results)
    years = timespans.describe_range((low, high), "year")
    stated = results[0][0].claim.text
    when = results[0][0].when_text
    ages: list[Evidence] = [evidence(facts, r[0].claim, "stated age") for r in results]
    return Outcome(
        claim=claim,
        verified=False,
        fields={"birth": birth.description, "when": when, "actual": years, "stated": stated},
        evidence=ages,
        computation=(
            f"Born {birth.description}, {when} the person was {years} old; the article gives the age "
            f"{stated} {len(results)} times, so the birth date is the likely slip."
        ),
    )


CHECK = AgeCheck()
