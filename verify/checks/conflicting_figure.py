"""conflicting_figure: the same thing given two different values in one article.

Two figures conflict only when the article itself ties them to one thing;
sharing a noun or a number is never enough ("55 servicemen" and "511
civilians were killed" are different counts). Each mechanism, chosen by a
rule's ``params.mechanism``, requires strong evidence of identity:

* ``age``: two ages of one person ("Park was 64 years old" ... "the
  46-year-old mayor"). An age belongs to the name written next to it ("Andrew
  Kinsman, 49", "Park was 64", "23-year-old Louis De Zoysa") or to a role the
  article gives one person ("the 46-year-old mayor" where the article writes
  "Park Won-soon, the mayor of Seoul" or "Mayor Park Won-soon"). Names match
  when one's words are all in the other ("Park" and "Park Won-soon"), unless
  the article names two people who share them. Ages ``min_difference`` or more
  apart conflict (a birthday may fall between two events).
* ``ordinal``: one thing ranked twice ("making it the fourth hurricane of the
  season" ... "Humberto ... became its third hurricane"). Both ordinals must
  rank the same noun in predicate position ("was/became/making it the N-th"),
  with no restricting phrase after the noun ("the first woman to ...") and the
  same "of ..." scope when both give one, and both sentences must name the
  same proper name before the ordinal.
* ``count``: one subject's count of one noun after the same content word
  ("McArthur admitted his guilt in eight murders" ... "McArthur pleaded
  guilty to seven murders"). Sentences with a date or with a cue of change or
  plurality (``change_cues``: "rose", "toll", "another") are left alone, since
  counts move over time.
* ``measure``: one singular thing measured twice ("a 5-inch knife" ... "the
  10-inch knife"): both measures qualify the noun directly, the article never
  speaks of the noun in the plural or of "another" one, and the values differ
  by more than ``measure_tolerance`` after pint converts them.
* ``birth``: one person born on two dates that do not overlap ("X was born on
  15 May 1992" ... "X, born 27 April 1992").
* ``casualty``: one group of casualties counted twice ("Reportedly he injured
  a man and two women" ... "Three women and a man were injured"; a headline
  "Fire kills five children" ... the lead "killed six children"). Lists are
  read in either voice (verbs in ``verbs``, nouns of people in ``people``).
  The headline is compared with the first list of the lead (``lead_sentences``
  after the dateline) of the same verb that shares a noun, written verb first;
  "all six deaths" (``totals``) with the toll headline and lead agree on; two
  body lists only when they name the same two or more nouns. Sentences with a ``change_cues`` word or two different calendar
  dates are never compared: a toll that rises is not a conflict.
* ``magnitude``: one dated event given two magnitudes ("a 6.4 quake that hit
  on January 7" ... "the January 7 magnitude 6.2 quake"). A magnitude ("magnitude
  6.2", "6.2-magnitude", "a 6.4 quake") belongs to the event noun right after it
  and to the day date written within a few words of it in its clause; two
  magnitudes of one noun class on one day conflict unless they agree to the
  coarser precision. Sentences naming another scale, an agency or an estimate
  (``magnitude_blockers``) and articles with two such events (``several_events``)
  are left alone.
* ``event_date``: one event dated twice by an attributive date ("the November
  27 maritime border agreement" ... "In the November 29 deal"). The event is
  a noun of one class of ``events`` right after "the <day date>" (up to three
  modifiers between), and the article never speaks of that class in the
  plural or with a word of several (``several_words``: "another deal"), so
  that it names one such event only.
* ``scheduled``: one person's event, named by any phrase of one class in
  ``events`` ("stand down", "term ... end"), dated to two different months
  ("due to stand down in September" ... "His presidential term was to end in
  August"). The subject is the name its sentence opens with, or for "his"/"her"
  the name that opened the last sentence that had one; nothing between subject
  and event may be another subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field

from verify import units
from verify.checks.base import Check, Outcome, Params, evidence
from verify.checks.casualties import CasualtyList, Item, casualty_lists, noun_forms, verb_forms
from verify.checks.cues import any_cue_search
from verify.claims import AgeClaim, Claim, CountClaim, DateClaim, NumberClaim, OrdinalClaim, QuantityClaim
from verify.extraction.lexicon import STOPWORDS
from verify.extraction.numbers import parse_number
from verify.findings import Evidence
from verify.linking import Facts, stem
from verify.vocab import MONTH_NAMES, MONTHS, WEEKDAYS

Mechanism = Literal["age", "ordinal", "count", "measure", "birth", "scheduled", "casualty", "magnitude", "event_date"]

_NAME_WORD = r"[A-Z][\w'’-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:de\s+|van\s+|von\s+|da\s+|al-)?{_NAME_WORD}){{0,3}}"
_NAME_BEFORE = re.compile(
    rf"(?P<name>{_NAME})(?:'s|’s)?(?:\s*,\s*(?:who\s+(?:was|is)\s+|aged\s+)?"
    # "Maria Lopez, the governor, is 58": an appositive may stand between name and age.
    r"|(?:\s*,\s*(?:the|a|an)\s+[a-z][^,()]{0,40},)?\s+(?:was|is|turned|turns)\s+(?:aged\s+)?)$"
)
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_NAME})")
_ROLE_AFTER = re.compile(r"\s+(?P<role>[a-z][a-z-]{2,})\b")
_NAME_PHRASE = re.compile(_NAME)
_THEN = re.compile(r"[\s,]*(?:at the time|then|when|while|before|after|until|in \d{4})\b", re.IGNORECASE)
_THEN_BEFORE = re.compile(r"\b(?:when|while|since|until|as|at)\s+(?:he|she|they)?\s*(?:was|were|turned)?\s*$")
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | STOPWORDS


class ConflictParams(Params):
    """Parameters of a conflicting_figure rule."""

    mechanism: Mechanism
    #: Ages this far apart or more conflict; closer ones may straddle a birthday.
    min_difference: int = Field(default=2, ge=1, le=10)
    #: Words that may introduce an ordinal in predicate position.
    predicate_cues: list[str] = [
        "is the", "was the", "be the", "been the", "became the", "become the", "becomes the", "becoming the",
        "making it the", "made it the", "makes it the", "became its", "becomes its", "was its", "is its",
        "making it its", "as the", "as its",
    ]  # fmt: skip
    #: Words after the ranked noun that restrict what is ranked ("the first woman to ...").
    restricting_words: list[str] = ["to", "since", "ever", "who", "that", "in", "from", "for", "among", "with"]
    #: Words that make a figure one of several over time ("the toll rose to"): never a conflict.
    change_cues: list[str] = [
        "rose", "risen", "rise", "climbed", "increased", "increase", "grew", "updated", "revised", "toll", "now",
        "initially", "previously", "originally", "earlier", "another", "more", "additional",
        "further", "other", "extended", "expanded", "reduced", "cut", "shortened", "lengthened", "widened",
        "than", "each", "per", "every", "average", "total",
    ]  # fmt: skip
    #: Events that may be given a date twice, each as the phrases that name it; "..." stands for up to
    #: four words ("term ... end" matches "his presidential term was to end").
    events: dict[str, list[str]] = {}
    #: Relative difference below which two measures of one thing agree (rounding).
    measure_tolerance: float = Field(default=0.1, ge=0, le=0.5)
    #: Casualty verb classes, each as its written forms ("killed": ["kills", "killed", "died"]).
    verbs: dict[str, list[str]] = {}
    #: Nouns of people a casualty list counts, as "singular" (plural adds "s") or "singular|plural".
    people: list[str] = []
    #: How many body sentences after the dateline make the lead that a headline is compared with.
    lead_sentences: int = Field(default=2, ge=1, le=5)
    #: Nouns that make "all N <noun>" the whole of a casualty class ("killed": ["deaths", "dead"]).
    totals: dict[str, list[str]] = {}
    #: Words before a noun that make it one of several ("another", "second"), for ``event_date``.
    several_words: list[str] = []
    #: Nouns of the events a magnitude measures ("quake", "earthquake").
    event_nouns: list[str] = []
    #: Words that leave a sentence's magnitude out: another scale, agency or estimate ("Richter", "initially").
    magnitude_blockers: list[str] = []
    #: Phrases that put two such events on one day in the article ("second quake"): no magnitude is compared.
    several_events: list[str] = []


class ConflictCheck(Check):
    """Find one thing given two values."""

    kind = "conflicting_figure"
    Params = ConflictParams

    def run(self, facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
        mechanism = {
            "age": _ages,
            "ordinal": _ordinals,
            "count": _counts,
            "measure": _measures,
            "birth": _births,
            "scheduled": _scheduled,
            "casualty": _casualties,
            "magnitude": _magnitudes,
            "event_date": _event_dates,
        }[params.mechanism]
        yield from mechanism(facts, params)


# -- ages -----------------------------------------------------------------------------


@dataclass
class _Owned:
    claim: AgeClaim
    person: str


@lru_cache(maxsize=4096)  # a name recurs across an article and across articles
def _clean_name(name: str) -> str | None:
    words = [word[:-2] if word.endswith(("'s", "’s")) else word for word in name.split()]
    while words and (words[0].lower() in _NOT_NAMES or words[0].lower() in ("according",)):
        words = words[1:]
    if not words or all(word.lower() in _NOT_NAMES for word in words):
        return None
    return " ".join(words)


def _names_in(text: str) -> set[str]:
    names = set()
    for match in _NAME_PHRASE.finditer(text):
        name = _clean_name(match.group(0))
        if name:
            names.add(name)
    return names


def _role_holders(facts: Facts, role: str) -> set[str]:
    """Names the article gives a role: "Mayor Park Won-soon", "Park Won-soon, the mayor"."""
    body = facts.document.text[facts.document.body_start :]
    holders = set()
    title = re.escape(role.capitalize())
    escaped = re.escape(role)
    patterns = (
        rf"\b(?:{title}|{escaped})\s+(?P<name>{_NAME})",
        rf"(?P<name>{_NAME}),\s+(?:the|a|its|their)\s+(?:[a-z-]+\s+)?{escaped}\b",
        rf"\b[Tt]he\s+{escaped},\s+(?P<name>{_NAME})",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, body):
            name = _clean_name(match["name"])
            if name:
                holders.add(name)
    return holders


def _owner(facts: Facts, age: AgeClaim) -> str | None:
    text = facts.document.text
    sentence_start = facts.document.sentences[age.sentence][0] if facts.document.sentences else 0
    before = text[max(sentence_start, age.span.start - 60) : age.span.start]
    match = _NAME_BEFORE.search(before)
    if match:
        return _clean_name(match["name"])
    after = _NAME_AFTER.match(text, age.span.end)
    if after:
        return _clean_name(after["name"])
    role = _ROLE_AFTER.match(text, age.span.end)
    if role and role["role"] not in STOPWORDS:
        # Once per role and article: the search runs over the whole body.
        holders = set(facts.memo(("role holders", role["role"]), lambda: _role_holders(facts, role["role"])))
        if len(holders) == 1:
            return holders.pop()
        if len(holders) > 1:
            longest = max(holders, key=len)
            if all(_same_person(longest, other) for other in holders):
                return longest
    return None


def _same_person(first: str, second: str) -> bool:
    a, b = set(first.split()), set(second.split())
    return a <= b or b <= a


def _first_mentions(facts: Facts) -> dict[str, int]:
    """Each name of the body with the offset of its first mention."""
    body_start = facts.document.body_start
    first: dict[str, int] = {}
    for match in _NAME_PHRASE.finditer(facts.document.text, body_start):
        name = _clean_name(match.group(0))
        if name and name not in first:
            first[name] = match.start()
    return first


def _mentions(facts: Facts) -> dict[str, int]:
    """:func:`_first_mentions`, found once per article and only when a name is to be completed (read-only)."""
    return facts.memo("first mentions", lambda: _first_mentions(facts))


def _full_name(person: str, position: int, mentions: dict[str, int]) -> str | None:
    """A bare surname stands for the one full name introduced before it.

    None when that is ambiguous: several full names carry it, or one is
    introduced only later (then the surname may be someone else).
    """
    if " " in person:
        return person
    fuller = {name for name in mentions if person in name.split() and name != person}
    before = {name for name in fuller if mentions[name] < position}
    if len(before) > 1 or (fuller and not before):
        return None
    return before.pop() if before else person


def _ages(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    owned = []
    text = facts.document.text
    for age in facts.of_type(AgeClaim):
        if age.approx != "exact" or _dated(facts, age.sentence):
            continue  # an age in a dated sentence is an age then, not now
        if _THEN.match(text, age.span.end) or _THEN_BEFORE.search(text, max(0, age.span.start - 30), age.span.start):
            continue  # "Park, 18 at the time", "when he was 18"
        person = _owner(facts, age)
        person = _full_name(person, age.span.start, _mentions(facts)) if person else None
        if person:
            owned.append(_Owned(age, person))
    everyone = set(_mentions(facts)) if owned else set()
    for index, later in enumerate(owned):
        for earlier in owned[:index]:
            if not _same_person(earlier.person, later.person):
                continue
            shared = set(earlier.person.split()) & set(later.person.split())
            # Two people of the article share the words (a father and son): ambiguous.
            bearers = [name for name in everyone if shared <= set(name.split())]
            if any(not _same_person(a, b) for a in bearers for b in bearers):
                continue
            difference = abs(later.claim.value - earlier.claim.value)
            fits = difference < params.min_difference
            yield Outcome(
                claim=later.claim,
                verified=fits,
                fields={"other": earlier.claim.text, "subject": later.person, "value": f"{later.claim.value:g}"},
                evidence=[evidence(facts, earlier.claim, f"{earlier.person}'s age given earlier")],
                computation=(
                    f"{later.claim.text} ({later.person}) against {earlier.claim.text} ({earlier.person}): "
                    f"{difference:g} years apart."
                ),
            )
            break


# -- ordinals ---------------------------------------------------------------------------


def _predicate(facts: Facts, ordinal: OrdinalClaim, cues: list[str]) -> bool:
    text = facts.document.text
    lead = text[max(0, ordinal.span.start - 24) : ordinal.span.start].lower()
    return any_cue_search(r"\b{cues}\s+$", cues, lead)


def _scope(facts: Facts, ordinal: OrdinalClaim, restricting: set[str]) -> str | bool | None:
    """The head of the "of ..." phrase after the ranked noun; False when restricted."""
    text = facts.document.text
    noun = ordinal.noun or ""
    index = text.find(noun, ordinal.span.end, ordinal.span.end + 40)
    if index < 0:
        return False
    tail = text[index + len(noun) : index + len(noun) + 80]
    first = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z])", tail)
    if first is None or first.group(1) in (".", ",", ";", ":", ")"):
        return None
    word = first.group(1).lower()
    if word in restricting:
        return False
    if word != "of":
        return None if word in ("and", "so", "this") else False
    phrase = re.match(r"\s*of\s+([^.,;:()]{1,60})", tail)
    if phrase is None:
        return None
    # The head of "of the 2019 Atlantic hurricane season on Monday" is "season".
    head = None
    for word in re.findall(r"[A-Za-z]+", phrase.group(1)):
        if word.lower() in STOPWORDS:
            if head is not None:
                break
            continue
        head = word.lower()
    return stem(head) if head else None


def _ordinals(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    restricting = {word.lower() for word in params.restricting_words}
    ranked = []
    for ordinal in facts.of_type(OrdinalClaim):
        if not ordinal.noun or not _predicate(facts, ordinal, params.predicate_cues):
            continue
        scope = _scope(facts, ordinal, restricting)
        if scope is False:
            continue
        names = {name for name in _names_before(facts, ordinal) if stem(name.split()[-1].lower()) != stem(ordinal.noun)}
        ranked.append((ordinal, scope, names))
    for index, (later, later_scope, later_names) in enumerate(ranked):
        for earlier, earlier_scope, earlier_names in ranked[:index]:
            if stem(earlier.noun or "") != stem(later.noun or "") or earlier.sentence == later.sentence:
                continue
            if earlier_scope and later_scope and earlier_scope != later_scope:
                continue
            name = _shared_name(earlier_names, later_names)
            if name is None or _several(facts, earlier) or _several(facts, later):
                continue
            if _dated(facts, earlier.sentence) or _dated(facts, later.sentence):
                continue  # a rank then and a rank now may both hold
            fits = earlier.value == later.value
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": name, "noun": later.noun},
                evidence=[evidence(facts, earlier, f"{name} ranked earlier")],
                computation=(f"{name} is ranked '{earlier.text} {earlier.noun}' and then '{later.text} {later.noun}'."),
            )
            break


def _names_before(facts: Facts, claim: Claim) -> set[str]:
    """Proper names in the claim's sentence before it: who or what it is about."""
    text = facts.document.text
    sentence_start = facts.document.sentences[claim.sentence][0] if facts.document.sentences else 0
    return {name for name in _names_in(text[sentence_start : claim.span.start]) if " " in name or len(name) > 3}


def _shared_name(first: set[str], second: set[str]) -> str | None:
    shared = [a if len(a) >= len(b) else b for a in first for b in second if _same_person(a, b)]
    return max(shared, key=len) if shared else None


def _sentence_words(facts: Facts, sentence: int) -> frozenset[str]:
    """A sentence's words, lowercased (once per sentence: several mechanisms ask)."""
    return facts.memo(
        ("sentence words", sentence),
        lambda: frozenset(word.lower() for word in _LETTERS.findall(facts.sentence_text(sentence))),
    )


_LETTERS = re.compile(r"[A-Za-z]+")


def _several(facts: Facts, ordinal: OrdinalClaim) -> bool:
    """True when the ordinal's sentence ranks the same noun more than once."""
    same: list[Claim] = [
        c
        for c in facts.by_sentence.get(ordinal.sentence, [])
        if isinstance(c, OrdinalClaim) and c.noun and stem(c.noun) == stem(ordinal.noun or "")
    ]
    return len(same) > 1


CHECK = ConflictCheck()


# -- counts ---------------------------------------------------------------------------


#: Days before publication within which a dated sentence still tells the story's own event.
_OWN_DAYS = 7


def _dated(facts: Facts, sentence: int) -> bool:
    """True when a sentence names a calendar date ("in 2018", "on May 3") other than the story's own days.

    "on Tuesday", or "on January 3" in an article published January 5, dates the event the
    article reports, so it does not set the count apart from the article's other counts.
    """
    published = facts.reference_date
    for claim in facts.by_sentence.get(sentence, []):
        if not isinstance(claim, DateClaim) or claim.resolution == "relative":
            continue
        day = claim.date if claim.granularity == "day" else None
        if published is None or day is None or not 0 <= (published - day).days <= _OWN_DAYS:
            return True
    return False


def _lead_stems(facts: Facts, claim: Claim, count: int = 4) -> set[str]:
    """Content-word stems just before a claim in its clause ("pleaded guilty to")."""
    text = facts.document.text
    sentence_start = facts.document.sentences[claim.sentence][0] if facts.document.sentences else 0
    lead = re.split(r"[,;:()]", text[sentence_start : claim.span.start])[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", lead)][-count:]
    return {stem(word) for word in words if word not in STOPWORDS and len(word) > 2}


def _subjects(facts: Facts, claim: Claim) -> set[str]:
    """Names before a claim in its sentence; for "he"/"she" with no name, whom the pronoun stands for."""
    names = _names_before(facts, claim)
    if names or not facts.document.sentences:
        return names
    subject = _event_subject(facts, claim.sentence, claim.span.start)
    return {subject} if subject else set()


def _tail_stems(facts: Facts, count: CountClaim) -> set[str]:
    """Content-word stems after the counted noun in its clause ("in Ohio")."""
    text = facts.document.text
    sentence_end = facts.document.sentences[count.sentence][1] if facts.document.sentences else len(text)
    rest = text[count.span.end : sentence_end]
    index = rest.find(count.noun)
    rest = rest[index + len(count.noun) :] if index >= 0 else rest
    clause = re.split(r"[,;:()]|\s[-–—]\s", rest)[0]
    return {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", clause) if w.lower() not in STOPWORDS}


#: How many earlier counts of the same noun a count is compared with (no article has this many).
_MAX_EARLIER = 64


def _counts(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """The same count of one thing, by one subject, after the same verb, given twice."""
    change = {word.lower() for word in params.change_cues}
    counts = [
        c
        for c in facts.of_type(CountClaim)
        if c.approx == "exact"
        and not c.partitive
        and c.value >= 2
        and not (_sentence_words(facts, c.sentence) & change)
    ]
    # Pairs only within one noun, and each count's lead words found once, not once a pair.
    leads = [_lead_stems(facts, c) for c in counts]
    same_noun: dict[str, list[int]] = {}
    # Tails and subjects once a count, not once a pair; and only the nearest earlier
    # counts of a noun, so that a text made of one noun's counts stays linear.
    tails_of: dict[int, set[str]] = {}
    subjects_of: dict[int, set[str]] = {}

    def tail(i: int) -> set[str]:
        if i not in tails_of:
            tails_of[i] = _tail_stems(facts, counts[i])
        return tails_of[i]

    def subjects(i: int) -> set[str]:
        if i not in subjects_of:
            subjects_of[i] = _subjects(facts, counts[i])
        return subjects_of[i]

    for index, later in enumerate(counts):
        earlier_indexes = same_noun.setdefault(stem(later.noun), [])
        for earlier_index in earlier_indexes[-_MAX_EARLIER:]:
            earlier = counts[earlier_index]
            if earlier.sentence == later.sentence:
                continue
            verbs = leads[earlier_index] & leads[index]
            if not verbs:
                continue
            tails = tail(earlier_index), tail(index)
            if not (tails[0] <= tails[1] or tails[1] <= tails[0]):
                continue  # "400 workers in Ohio" and "150 workers in Texas"
            name = _shared_name(subjects(earlier_index), subjects(index))
            if name is None:
                continue
            if _dated(facts, earlier.sentence) or _dated(facts, later.sentence):
                continue  # counts for different years or days may both hold
            fits = earlier.value == later.value
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": name, "noun": later.noun},
                evidence=[evidence(facts, earlier, "the count given earlier")],
                computation=(
                    f"{name}: '{earlier.text} {earlier.noun}' and '{later.text} {later.noun}' after the same words "
                    f"({', '.join(sorted(verbs))})."
                ),
            )
            break
        earlier_indexes.append(index)


# -- measures of one thing --------------------------------------------------------------

_PLURAL_OR_OTHER = (
    r"\b(?:another|other|second|both|two|several|each|every|new|old|original|former|previous|existing|replacement)"
    r"\s+(?:\S+\s+)?{noun}\b|\b{noun}s\b|\b{noun}es\b"
)


def _premodified(text: str, quantity: QuantityClaim) -> str | None:
    """The noun a quantity qualifies directly ("a 5-inch knife" → "knife"), if any."""
    tail = text[quantity.span.end : quantity.span.end + 40]
    match = re.match(r"(?:-(?:long|high|wide|deep|tall))?\s+([a-z][a-z-]{2,})\b", tail)
    if match is None or match.group(1) in STOPWORDS or match.group(1) in _NOT_MEASURED_THINGS:
        return None
    if match.group(1).endswith("ly"):
        return None  # an adverb: "two metres directly"
    return match.group(1)


# Words after a measure that place or qualify it rather than name what is measured:
# "one meter away", "5 miles north of town", "30 km inland".
_NOT_MEASURED_THINGS = frozenset(
    "away apart off ahead behind above below beneath north south east west northeast northwest southeast "
    "southwest northward southward eastward westward offshore inland upstream downstream downhill uphill "
    "long high deep wide tall thick across along deeper higher longer wider further farther".split()
)


def _measures(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One singular thing ("the knife") measured twice with different values."""
    text = facts.document.text
    body = text[facts.document.body_start :]
    change = {word.lower() for word in params.change_cues}
    measured = [
        (q, noun)
        for q in facts.of_type(QuantityClaim)
        if q.approx == "exact"
        and not q.quoted  # a quote may be hypothetical ("doesn't mean they're one meter away")
        and not isinstance(q.value, tuple)
        and not q.values
        and q.converts is None
        and (noun := _premodified(text, q))
        and not (_sentence_words(facts, q.sentence) & change)
        and not re.search(r"\bfrom\b.*\bto\b", facts.sentence_text(q.sentence))
    ]
    originals = {q.converts for q in facts.of_type(QuantityClaim) if q.converts is not None}
    several: dict[str, bool] = {}
    # Earlier measures of each noun, in text order: a measure is compared only with its own noun's.
    same_noun: dict[str, list[QuantityClaim]] = {}
    for later, noun in measured:
        earlier_measures = same_noun.setdefault(noun, [])
        if earlier_measures and several.get(noun):
            continue  # the article speaks of more than one: no pair of this noun is judged
        earlier_measures.append(later)
        for earlier in earlier_measures[:-1]:
            if earlier.sentence == later.sentence:
                continue
            if earlier.span.start in originals or later.span.start in originals:
                continue
            if _dated(facts, earlier.sentence) and _dated(facts, later.sentence):
                continue  # measures at two dates may both hold
            if not units.same_dimension(earlier.unit, later.unit):
                continue
            if noun not in several:  # once per noun: the search runs over the whole body
                several[noun] = (
                    re.search(_PLURAL_OR_OTHER.format(noun=re.escape(noun)), body, re.IGNORECASE) is not None
                )
            if several[noun]:
                continue  # the article speaks of more than one
            assert isinstance(earlier.value, float) and isinstance(later.value, float)
            converted = units.convert(earlier.value, earlier.unit, later.unit)
            scale = max(abs(converted), abs(later.value)) or 1.0
            fits = abs(converted - later.value) / scale <= params.measure_tolerance
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": f"the {noun}", "noun": noun},
                evidence=[evidence(facts, earlier, "the measure given earlier")],
                computation=(
                    f"The article speaks of one {noun}: {earlier.text} earlier, {later.text} here "
                    f"({converted:g} {later.unit} against {later.value:g} {later.unit})."
                ),
            )
            break


# -- birth dates ----------------------------------------------------------------------------

_BORN = re.compile(
    rf"(?P<name>{_NAME})(?:'s|’s)?(?:\s*,\s*(?:who\s+)?(?:was\s+)?|\s+(?:was|is)\s+|\s*\(\s*)born\b(?P<rest>[^;()]{{0,50}})$"
)


def _births(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One person given two birth dates that cannot both hold."""
    text = facts.document.text
    born: list[tuple[DateClaim, str]] = []
    for date in facts.of_type(DateClaim):
        if not date.valid or date.year is None or date.resolution != "explicit":
            continue
        sentence_start = facts.document.sentences[date.sentence][0] if facts.document.sentences else 0
        match = _BORN.search(text, sentence_start, date.span.start)
        if match is None or any(isinstance(c, DateClaim) for c in _claims_between(facts, match.end("name"), date)):
            continue
        person = _clean_name(match["name"])
        person = _full_name(person, match.start(), _mentions(facts)) if person else None
        if person:
            born.append((date, person))
    for index, (later, person) in enumerate(born):
        for earlier, other in born[:index]:
            if not _same_person(person, other):
                continue
            first, second = earlier.bounds(), later.bounds()
            if first is None or second is None:
                continue
            fits = first[0] <= second[1] and second[0] <= first[1]
            yield Outcome(
                claim=later,
                verified=fits,
                fields={"other": earlier.text, "subject": person},
                evidence=[evidence(facts, earlier, "the birth date given earlier")],
                computation=f"{person} is said to be born {earlier.text} and {later.text}.",
            )
            break


def _claims_between(facts: Facts, start: int, claim: Claim) -> list[Claim]:
    return [c for c in facts.by_sentence.get(claim.sentence, []) if start <= c.span.start < claim.span.start]


# -- scheduled events ------------------------------------------------------------------------

_WHEN = re.compile(
    r"[^.;:,]{0,12}?\s(?:in|on|by|until|from)\s+(?P<when>(?P<month>"
    + "|".join(MONTH_NAMES)
    + r")(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?P<year>\d{4})\b)?)"
)
_PRONOUN = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)
_SUBJECT = re.compile(rf"\s*(?P<name>{_NAME})(?:'s|’s)?(?:\s*,|\s+[a-z])")


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [r"\s+".join(rf"{re.escape(word)}\w*" for word in part.split()) for part in phrase.split("...")]
    return re.compile(r"\b" + r"(?:\s+\S+){0,4}?\s+".join(part.strip() for part in parts) + r"\b", re.IGNORECASE)


def _sentence_subject(facts: Facts, sentence: int) -> tuple[str, int] | None:
    """The proper name a sentence opens with ("Nkurunziza became ..."), and where it ends."""
    start, _ = facts.document.sentences[sentence]
    match = _SUBJECT.match(facts.document.text, start)
    if match is None or match["name"].split()[0].lower() in STOPWORDS:
        return None
    name = _clean_name(match["name"])
    return (name, match.end("name")) if name else None


def _direct(between: str) -> bool:
    """True when nothing between a subject and its event can be another subject:
    no capitalised word but after an article, at most fifteen words, and a possessive only just
    before the event ("her second term ... end", not "his brother would step down")."""
    words = re.findall(r"[A-Za-z'’]+", between)
    if len(words) > 15:
        return False
    # A capitalised word after "the" is an adjective or a place ("the African nation"); any other may be a person.
    if any(word[0].isupper() and words[i].lower() not in ("the", "a", "an") for i, word in enumerate(words[1:])):
        return False
    possessives = [i for i, word in enumerate(words) if word.lower() in ("his", "her", "their", "its")]
    # After the possessive only adjectives of the event's own noun phrase ("his presidential term").
    return not possessives or not any(word.lower() in STOPWORDS for word in words[possessives[-1] + 1 :])


def _event_subject(facts: Facts, sentence: int, position: int) -> str | None:
    """Whose event: the name the sentence opens with, or for "his"/"her" the last sentence that opened with one."""
    text = facts.document.text
    opening = _sentence_subject(facts, sentence)
    if opening:
        return opening[0] if _direct(text[opening[1] : position]) else None
    start, _ = facts.document.sentences[sentence]
    pronouns = list(_PRONOUN.finditer(text, start, position))
    if not pronouns or not _direct(text[pronouns[-1].start() : position]):
        return None
    for earlier in range(sentence - 1, max(-1, sentence - 6), -1):
        found = _sentence_subject(facts, earlier)
        if found:
            return found[0]
    return None


@lru_cache(maxsize=64)  # once per rule's phrases, not once per document
def _first_words_pattern(firsts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, firsts))})", re.IGNORECASE)


@lru_cache(maxsize=256)
def _word_start_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)


def _scheduled(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One person's event ("stand down", "term ... end") dated twice, to different months."""
    if not facts.document.sentences:
        return
    text = facts.document.text
    # A sentence can hold a phrase only where it holds the phrase's first word: find
    # those sentences in one pass over the text rather than search every sentence.
    firsts = {phrase.split()[0].lower() for phrases in params.events.values() for phrase in phrases}
    if not firsts:
        return
    finder = _first_words_pattern(tuple(sorted(firsts, key=len, reverse=True)))
    starts = [match.start() for match in facts.finditer(finder, firsts)]
    patterns: dict[str, list[tuple[re.Pattern[str], set[int]]]] = {}
    by_first: dict[str, set[int]] = {}  # phrases often share their first word ("stand down", "stand aside")
    for event, phrases in params.events.items():
        for phrase in phrases:
            word = phrase.split()[0]
            if word not in by_first:
                first = _word_start_pattern(word)
                by_first[word] = {facts.document.sentence_index(start) for start in starts if first.match(text, start)}
            sentences = set(by_first[word])
            if sentences:
                patterns.setdefault(event, []).append((_phrase_pattern(phrase), sentences))
    candidates = sorted({index for entries in patterns.values() for _, sentences in entries for index in sentences})
    found: list[tuple[str, str, int, int, int, int | None]] = []
    for index in candidates:
        start, end = facts.document.sentences[index]
        if end <= facts.document.body_start:
            continue
        for event, compiled in patterns.items():
            for pattern, sentences in compiled:
                if index not in sentences:
                    continue
                for match in pattern.finditer(text, start, end):
                    when = _WHEN.match(text, match.end(), end)
                    if when is None:
                        continue
                    subject = _event_subject(facts, index, match.start())
                    subject = _full_name(subject, match.start(), _mentions(facts)) if subject else None
                    if subject is None:
                        continue
                    month = MONTHS[when["month"].lower()]
                    year = int(when["year"]) if when["year"] else None
                    found.append((event, subject, when.start("when"), when.end("when"), month, year))
    for index, (event, subject, start, end, month, year) in enumerate(found):
        for other_event, other_subject, o_start, o_end, o_month, o_year in found[:index]:
            if other_event != event or not _same_person(subject, other_subject) or o_start == start:
                continue
            if year is not None and o_year is not None and year != o_year:
                continue  # another year: another occasion
            fits = month == o_month
            claim = DateClaim(
                text=text[start:end],
                span=facts.span(start, end),
                sentence=facts.document.sentence_index(start),
                month=month,
                year=year,
                granularity="month",
            )
            earlier = DateClaim(
                text=text[o_start:o_end],
                span=facts.span(o_start, o_end),
                sentence=facts.document.sentence_index(o_start),
                month=o_month,
                year=o_year,
                granularity="month",
            )
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"other": earlier.text, "subject": subject, "event": event},
                evidence=[evidence(facts, earlier, f"the date given earlier for the {event}")],
                computation=f"{subject}'s {event}: {earlier.text} earlier, {claim.text} here.",
            )
            break


# -- casualty lists ----------------------------------------------------------------------


def _headline(facts: Facts) -> tuple[int, int] | None:
    """Where the front matter's title stands in the file, if it is written there as read."""
    title = facts.document.title
    if not title:
        return None
    start = facts.document.text.find(title, 0, facts.document.body_start)
    return (start, start + len(title)) if start >= 0 else None


def _item_claim(facts: Facts, item: Item) -> CountClaim:
    text = facts.document.text
    return CountClaim(
        text=text[item.start : item.end],
        span=facts.span(item.start, item.end),
        sentence=facts.document.sentence_index(item.start),
        about=item.noun,
        quoted=facts.document.in_quote(item.start, item.end),
        value=item.value,
        noun=item.noun,
    )


def _casualty_outcome(facts: Facts, later: CasualtyList, earlier: CasualtyList, where: str) -> Outcome:
    """Compare the nouns two lists share: the first that differs is the conflict."""
    ours, theirs = later.counts(), earlier.counts()
    shared = [noun for noun in ours if noun in theirs]
    noun = next((n for n in shared if ours[n] != theirs[n]), shared[0])
    item = next(i for i in later.items if i.noun == noun)
    other = next(i for i in earlier.items if i.noun == noun)
    claim, other_claim = _item_claim(facts, item), _item_claim(facts, other)
    if len(earlier.items) > 1 or len(later.items) > 1:
        other_text = facts.document.text[earlier.items[0].start : earlier.items[-1].end]
    else:
        other_text = other_claim.text
    return Outcome(
        claim=claim,
        verified=ours[noun] == theirs[noun],
        fields={"other": other_text, "verb": later.verb, "where": where, "noun": noun},
        evidence=[evidence(facts, other_claim, f"the count given {where}")],
        computation=(
            f"{later.verb}: {noun} {ours[noun]} here, {theirs[noun]} {where} "
            f"({', '.join(f'{n} {ours[n]}/{theirs[n]}' for n in shared)})."
        ),
    )


def _casualties(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One group of casualties counted twice: headline against lead, or the same nouns restated."""
    if not facts.document.sentences or not params.verbs or not params.people:
        return
    text = facts.document.text
    verbs, nouns = verb_forms(params.verbs), noun_forms(params.people)
    change = {word.lower() for word in params.change_cues}
    body: list[tuple[int, CasualtyList]] = []
    # A list needs a verb: only sentences holding one are read (all when that cannot be told).
    with_verb = facts.sentences_mentioning(verbs)
    for index, (start, end) in enumerate(facts.document.sentences):
        if end > facts.document.body_start and (with_verb is None or index in with_verb):
            body.extend((index, found) for found in casualty_lists(text, start, end, verbs, nouns))
    headline = _headline(facts)
    if headline is not None and not (set(re.findall(r"[a-z]+", text[slice(*headline)].lower())) & change):
        lead = _lead_sentences(facts, params.lead_sentences)
        for title_list in casualty_lists(text, *headline, verbs, nouns):
            for index, found in body:
                if index not in lead:
                    break
                if found.verb != title_list.verb or not set(found.counts()) & set(title_list.counts()):
                    continue
                if not found.active:
                    break  # "three children died at the scene": perhaps a part, not the toll the headline gives
                if not _sentence_words(facts, index) & change:
                    yield _casualty_outcome(facts, found, title_list, "in the headline")
                break  # the first telling in the body is the one the headline sums up
    for position, (index, later) in enumerate(body):
        if len(later.counts()) < 2 or _sentence_words(facts, index) & change:
            continue
        for earlier_index, earlier in reversed(body[:position]):
            if earlier_index == index or earlier.verb != later.verb or set(earlier.counts()) != set(later.counts()):
                continue
            if _sentence_words(facts, earlier_index) & change or _other_dates(facts, index, earlier_index):
                break
            yield _casualty_outcome(facts, later, earlier, "earlier")
            break
    if headline is not None:
        yield from _whole_tolls(facts, params, headline, body)


def _whole_tolls(
    facts: Facts, params: ConflictParams, headline: tuple[int, int], body: list[tuple[int, CasualtyList]]
) -> Iterator[Outcome]:
    """ "all six deaths" against the toll the headline and the lead agree on, when nothing else tells of one."""
    text = facts.document.text
    verbs, nouns = verb_forms(params.verbs), noun_forms(params.people)
    change = {word.lower() for word in params.change_cues}
    titles = casualty_lists(text, *headline, verbs, nouns)
    leads = _lead_sentences(facts, params.lead_sentences)
    for verb, words in params.totals.items():
        title = next((found for found in titles if found.verb == verb), None)
        lead = next(((index, found) for index, found in body if found.verb == verb), None)
        if lead is not None and (lead[0] not in leads or not lead[1].active):
            continue  # the first telling is not the lead's "killed five girls"
        if title is None or lead is None or sum(title.counts().values()) != sum(lead[1].counts().values()):
            continue
        toll = sum(lead[1].counts().values())
        pattern = re.compile(rf"\ball\s+(?P<n>[\w-]+)\s+(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)
        forms = {form for form, name in verbs.items() if name == verb}
        found = {
            index: list(pattern.finditer(text, start, end))
            for index, (start, end) in enumerate(facts.document.sentences)
            if end > facts.document.body_start and index != lead[0]
        }
        if any(not matches and _sentence_words(facts, index) & forms for index, matches in found.items()):
            continue  # another telling of a death: the lead may not hold all of them
        for index, matches in found.items():
            for match in matches:
                value = parse_number(match["n"].lower())
                if value is None or _sentence_words(facts, index) & change:
                    continue
                claim = CountClaim(
                    text=text[match.start("n") : match.end()],
                    span=facts.span(match.start("n"), match.end()),
                    sentence=index,
                    value=value,
                    noun=verb,
                    quoted=facts.document.in_quote(match.start(), match.end()),
                )
                first, last = lead[1].items[0], lead[1].items[-1]
                told = text[first.start : last.end]
                yield Outcome(
                    claim=claim,
                    verified=value == toll,
                    fields={"other": told, "verb": verb, "where": "in the headline and the lead", "noun": "people"},
                    evidence=[
                        Evidence(text=told, span=facts.span(first.start, last.end), role="the toll in the lead"),
                    ],
                    computation=f"all {value:g} {verb} here; the headline and the lead both give {toll}.",
                )


def _lead_sentences(facts: Facts, count: int) -> set[int]:
    """The first ``count`` sentences of the body after its dateline: the lead a headline sums up."""
    dateline = facts.document.dateline
    skip = dateline.span.end if dateline is not None else facts.document.body_start
    lead = [index for index, (_, end) in enumerate(facts.document.sentences) if end > skip]
    return set(lead[:count])


def _other_dates(facts: Facts, first: int, second: int) -> bool:
    """True when both sentences name dates ("in 2015", "on Monday") and none is shared: two occasions."""
    ours = {c.value or c.text for c in facts.by_sentence.get(first, []) if isinstance(c, DateClaim)}
    theirs = {c.value or c.text for c in facts.by_sentence.get(second, []) if isinstance(c, DateClaim)}
    return bool(ours and theirs and not ours & theirs)


# -- magnitudes of a dated event ---------------------------------------------------------


@dataclass
class _Magnitude:
    value: float
    decimals: int
    start: int
    end: int
    day: str


@lru_cache(maxsize=64)  # once per rule's nouns, not once per document
def _magnitude_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        r"(?:\bmagnitude[- ](?P<a>\d(?:\.\d)?)\b|(?<![\d.])(?P<b>\d(?:\.\d)?)[- ]magnitude\b"
        r"|\b(?:an?|the)\s+(?P<c>\d\.\d)(?=\s))"
        rf"(?:\s+[\[(]?(?:{noun})[\])]?\b)",
        re.IGNORECASE,
    )


def _magnitudes_in(facts: Facts, index: int, pattern: re.Pattern[str], blockers: set[str]) -> list[_Magnitude]:
    """A sentence's magnitudes, each with the day date written within a few words of it."""
    days = [
        c for c in facts.by_sentence.get(index, []) if isinstance(c, DateClaim) and c.granularity == "day" and c.date
    ]
    if not days or _sentence_words(facts, index) & blockers:
        return []  # no date to tie a magnitude to: nothing to search for
    text = facts.document.text
    start, end = facts.document.sentences[index]
    matches = list(pattern.finditer(text, start, end))
    found = []
    for match in matches:
        written = match["a"] or match["b"] or match["c"]
        near = [
            day
            for day in days
            if (0 <= match.start() - day.span.end <= 12 and not re.search(r"[;,]", text[day.span.end : match.start()]))
            or (0 <= day.span.start - match.end() <= 24 and not re.search(r"[;,]", text[match.end() : day.span.start]))
        ]
        if len(near) != 1 or len(matches) > 1:
            continue
        decimals = len(written.partition(".")[2])
        found.append(_Magnitude(float(written), decimals, match.start(), match.end(), str(near[0].date)))
    return found


@lru_cache(maxsize=64)  # once per rule's phrases, not once per document
def _lowered_alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(phrase.lower()) for phrase in phrases)


def _magnitudes(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One dated event given two magnitudes."""
    if not facts.document.sentences or not facts.may_mention(params.event_nouns):
        return  # every magnitude is written before an event noun ("quake")
    text = facts.document.text
    several = _lowered_alternation(tuple(params.several_events))
    # Lowering and searching the body only when a phrase stands somewhere in the text.
    if several and facts.may_mention(params.several_events):
        lowered = text[facts.document.body_start :].lower()
        if re.search(rf"\b(?:{several})\b", lowered):  # one pass for every phrase
            return
    pattern = _magnitude_pattern(tuple(params.event_nouns))
    blockers = {word.lower() for word in params.magnitude_blockers}
    seen: dict[str, _Magnitude] = {}
    for index, (_, end) in enumerate(facts.document.sentences):
        if end <= facts.document.body_start:
            continue
        for magnitude in _magnitudes_in(facts, index, pattern, blockers):
            earlier = seen.setdefault(magnitude.day, magnitude)
            if earlier is magnitude:
                continue
            places = min(earlier.decimals, magnitude.decimals)
            fits = round(earlier.value, places) == round(magnitude.value, places)
            claim = NumberClaim(
                text=text[magnitude.start : magnitude.end],
                span=facts.span(magnitude.start, magnitude.end),
                sentence=index,
                value=magnitude.value,
            )
            other = text[earlier.start : earlier.end]
            yield Outcome(
                claim=claim,
                verified=fits,
                fields={"other": other, "day": magnitude.day},
                evidence=[
                    Evidence(
                        text=other, span=facts.span(earlier.start, earlier.end), role="the magnitude given earlier"
                    )
                ],
                computation=f"the event of {magnitude.day}: magnitude {earlier.value:g} earlier, {magnitude.value:g} here.",
            )


# -- one event's attributive date ----------------------------------------------------------


def _several_of(body: str, nouns: list[str], several: list[str]) -> bool:
    """True when the article speaks of more than one event of a class ("agreements", "another deal")."""
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(several, key=len, reverse=True))
    plural = rf"\b(?:{noun})(?:s|es)\b"
    other = rf"\b(?:{words})\s+(?:[a-z-]+\s+){{0,2}}(?:{noun})\b" if words else plural
    return re.search(rf"{plural}|{other}", body, re.IGNORECASE) is not None


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@lru_cache(maxsize=64)  # once per rule's event class, not once per document
def _event_noun_after(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Up to three modifiers, then one of ``nouns``: what follows "the <day date>"."""
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?P<modifiers>(?:[a-z][a-z-]*\s+){{0,3}}?)(?:{noun})\b")


def _event_dates(facts: Facts, params: ConflictParams) -> Iterator[Outcome]:
    """One event, named by a noun of one class, given two attributive day dates."""
    if not params.events:
        return
    text = facts.document.text
    body = text[facts.document.body_start :]
    # Attributive day dates ("the March 5 agreement") are found once for every event class,
    # and the whole body is searched for plurals only for a class that has one.
    attributive = [
        date
        for date in facts.of_type(DateClaim)
        if date.granularity == "day"
        and date.date is not None
        and date.span.start >= facts.document.body_start
        and _THE_BEFORE.search(text[max(0, date.span.start - 5) : date.span.start])
    ]
    for event, nouns in params.events.items():
        after = _event_noun_after(tuple(nouns))
        candidates = [(date, match) for date in attributive if (match := after.match(text, date.span.end))]
        if not candidates or _several_of(body, nouns, params.several_words):
            continue
        dated: list[tuple[DateClaim, set[str]]] = []
        for date, match in candidates:
            modifiers = set(match["modifiers"].split())
            # Another sentence, and no two different kinds ("the trade agreement", "the security agreement").
            same = [
                other
                for other, theirs in dated
                if other.sentence != date.sentence and (not modifiers or not theirs or modifiers & theirs)
            ]
            earlier = next((other for other in same if other.date != date.date), None)
            if same:
                first = earlier or same[0]
                yield Outcome(
                    claim=date,
                    verified=earlier is None,
                    fields={"other": first.text, "subject": f"the {event}", "event": event},
                    evidence=[evidence(facts, first, f"the date given earlier for the {event}")],
                    computation=f"the {event}: {first.date} earlier, {date.date} here; the article names one {event}.",
                )
            dated.append((date, modifiers))
