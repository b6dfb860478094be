"""JSON for programs, per the contract in DESIGN.md."""

from __future__ import annotations

import json

from verify.reports.model import Report


def render_json(report: Report) -> str:
    """The report as one JSON object: ``{"files": [...], "summary": {...}}``."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
