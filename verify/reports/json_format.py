"""JSON for programs, per the contract in DESIGN.md."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO, TypeVar

from verify.reports.model import FileReport, Report

ItemT = TypeVar("ItemT")

#: The lists of a file's report that can be long: written an item at a time.
_STREAMED = ("findings", "verified", "claims")


def render_json(report: Report) -> str:
    """The report as one JSON object: ``{"files": [...], "summary": {...}}``."""
    stream = io.StringIO()
    write_json(report, stream)
    return stream.getvalue()


def write_json(report: Report, stream: TextIO) -> None:
    """Write :func:`render_json`'s text to ``stream`` a finding or claim at a time, so
    that a long article's report is never held in memory whole. The text is exactly
    ``json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)``."""
    stream.write('{\n  "files": ')
    _write_array(report.files, stream, 1, _write_file)
    stream.write(',\n  "summary": ' + _dumps(report.summary, 1) + "\n}\n")


def _write_file(file: FileReport, stream: TextIO, depth: int) -> None:
    rest = file.model_dump(mode="json", exclude=set(_STREAMED))
    streamed = {
        "findings": (finding.model_dump(mode="json") for finding in file.findings),
        "verified": (finding.model_dump(mode="json") for finding in file.verified),
        "claims": file.claim_dicts(),
    }
    stream.write("{")
    for index, name in enumerate(FileReport.model_fields):
        stream.write(("," if index else "") + "\n" + "  " * (depth + 1) + json.dumps(name) + ": ")
        if name in streamed:
            _write_array(streamed[name], stream, depth + 1, _write_value)
        else:
            stream.write(_dumps(rest[name], depth + 1))
    stream.write("\n" + "  " * depth + "}")


def _write_array(
    items: Iterable[ItemT], stream: TextIO, depth: int, write_item: Callable[[ItemT, TextIO, int], None]
) -> None:
    """A JSON array ``depth`` levels down, laid out as ``json.dumps(indent=2)`` does."""
    empty = True
    for item in items:
        stream.write(("[" if empty else ",") + "\n" + "  " * (depth + 1))
        write_item(item, stream, depth + 1)
        empty = False
    stream.write("[]" if empty else "\n" + "  " * depth + "]")


def _write_value(value: Any, stream: TextIO, depth: int) -> None:
    stream.write(_dumps(value, depth))


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels down."""
    # JSON strings hold no raw line breaks, so indenting after every one is safe.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)
