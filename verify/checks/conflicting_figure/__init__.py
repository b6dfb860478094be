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

Each mechanism is a module of this package with its own parameters model (only
the parameters it uses) and its ``run``; shared name handling is in ``shared``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from verify.checks.base import ByMechanism, MechanismCheck
from verify.checks.conflicting_figure import (
    age,
    birth,
    casualty,
    count,
    event_date,
    magnitude,
    measure,
    ordinal,
    scheduled,
)


class ConflictParams(
    ByMechanism[
        Annotated[
            age.AgeParams
            | ordinal.OrdinalParams
            | count.CountParams
            | measure.MeasureParams
            | birth.BirthParams
            | scheduled.ScheduledParams
            | casualty.CasualtyParams
            | magnitude.MagnitudeParams
            | event_date.EventDateParams,
            Field(discriminator="mechanism"),
        ]
    ]
):
    """Parameters of a conflicting_figure rule: those of the mechanism it names."""


class ConflictCheck(MechanismCheck):
    """Find one thing given two values."""

    kind = "conflicting_figure"
    Params = ConflictParams


CHECK = ConflictCheck()
