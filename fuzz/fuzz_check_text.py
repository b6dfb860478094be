"""An atheris (libFuzzer) target over ``verify.api.check_text``.

Every input is decoded as UTF-8 (undecodable bytes become U+FFFD, so mutated
articles stay text) and checked with the core rules. A crash is any exception,
or a report that breaks the span contract: a claim whose text is not
``text[start:end]``, a span outside the text, a line or column that disagrees
with its offset. libFuzzer's ``-timeout`` turns a slow input into a finding too.

Run it as ``fuzz/README.md`` says; it needs the ``fuzz`` extra.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["verify"]):
    from verify.api import check_text
    from verify.rules import core_rules_dir, load_rules

RULES = load_rules([core_rules_dir()])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_one_input(data: bytes) -> None:
    """Check one input; raise on any broken invariant."""
    text = data.decode("utf-8", errors="replace")
    (entry,) = check_text(text, rules=RULES).files
    if entry.error is not None:
        return
    for claim in entry.claims:
        span = claim.span
        if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != claim.text:
            raise AssertionError(f"claim {claim.text!r} does not quote the text at {span}")
        if (span.line, span.column) != _line_col(text, span.start):
            raise AssertionError(f"claim {claim.text!r}: line/column {span.line}:{span.column} disagree with {span}")
    for finding in [*entry.findings, *entry.verified]:
        for span in [finding.span, *finding.related]:
            if not 0 <= span.start <= span.end <= len(text):
                raise AssertionError(f"{finding.rule}: span {span} lies outside the text")


def main() -> None:
    """Hand the target to libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
