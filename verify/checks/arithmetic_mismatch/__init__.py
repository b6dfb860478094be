"""arithmetic_mismatch: figures that the article's own arithmetic contradicts.

Each mechanism is switched on by a rule's ``params.mechanism`` and ties the
figures by the syntax that makes them one computation, never by closeness
alone:

* ``subset``: "six of the murders ... and seven of those": a part named by an
  anaphoric partitive ("N of those/these/them/which") cannot exceed the count
  it refers back to. Every earlier count in the sentence must be smaller, so an
  ambiguous antecedent is never flagged. "14 of the 12 crew members" is
  checked directly.
* ``average``: "at least 55%, as high as 90%, and averaged around 50%": an
  average cannot fall below a stated minimum or above a stated maximum. The
  figures must stand in one list about one subject: between them only other
  figures, punctuation and the connecting words of ``params.joiners``.
* ``enumeration``: "seven counties ...: A, B, C, D, E and F": a count against
  the list that names its members, either after a colon or dash in the count's
  own sentence, or in a following sentence whose three or more items each
  carry the counted noun ("County Galway, County Mayo") and which shares two
  content words with the count's sentence. A list introduced by "including", "such as" is partial and
  never judged.
* ``total``: parts against a stated total: "three men and two women, six
  people in all" (a run of counts joined by "and" next to a total cue), and
  "41 delegates: A at 14, B with 12 ... and E the remaining 1" (every bare
  figure between a total and "the remaining N" is a part).
* ``breakdown``: a count broken down after a colon, dash or parenthesis into
  counts: "the six firearms he used: two rifles, two shotguns and one pistol".
  The parts must close with "and" and end the sentence (or the parenthesis),
  and no ``partial_cues`` word ("including", "among them") may stand among them.
* ``group``: one group's size stated and implied in adjacent sentences: "four
  people on board" against "one was pronounced dead, with the other four
  taken to hospital" (1 + 4), or "Bryant and eight others on board" against
  "Bryant, his daughter Gianna, and eight others" (1 + 8 and 2 + 8). Both
  sentences (or the one before a part-and-rest) carry a ``group_cues`` phrase
  and no ``group_blockers`` word.
* ``revision``: "This revised upwards an earlier toll of 27" when every
  exact toll nearby (two sentences before, the sentence itself and the one
  after, each with a ``toll_words`` word; a sentence's counts also taken as a
  sum) is 27 or less: an upward revision needs a larger new figure, a
  downward one a smaller. "At least 20" is a bound, never a new figure.
* ``change``: "doubled", "tripled", "halved", "rose by 20%", "a 20% drop"
  and "rose by 5" against the "from A to B" values in the same clause; a
  margin ("won by 20 votes, 120 to 100") against the score beside it; and
  "A of B (C%)" / "A out of B, or C%" / "A, or C% of B" against the two
  numbers a percentage is computed from.

Figures are computed as written; a stated percentage may be rounded to its
last written place (at least a whole point) plus ``tolerance``, a change word
("doubled") is loose by ``ratio_tolerance``. An approximator ("about",
"nearly", "more than") or a vague amount makes a figure undecidable for sums
and loosens percentages by ``about_tolerance``; "nearly doubled" is not judged.

Each mechanism is a module of this package with its own parameters model (only
the parameters it uses) and its ``run``; what they share is in ``shared``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from verify.checks.arithmetic_mismatch import average, breakdown, change, enumeration, group, revision, subset, total
from verify.checks.base import ByMechanism, MechanismCheck


class ArithmeticParams(
    ByMechanism[
        Annotated[
            subset.SubsetParams
            | average.AverageParams
            | enumeration.EnumerationParams
            | total.TotalParams
            | breakdown.BreakdownParams
            | change.ChangeParams
            | group.GroupParams
            | revision.RevisionParams,
            Field(discriminator="mechanism"),
        ]
    ]
):
    """Parameters of an arithmetic_mismatch rule: those of the mechanism it names."""


class ArithmeticCheck(MechanismCheck):
    """Recompute what the article's figures imply and compare."""

    kind = "arithmetic_mismatch"
    Params = ArithmeticParams


CHECK = ArithmeticCheck()
