"""Reports: the report model and its renderings (Markdown, JSON, text)."""

from verify.reports.model import FileReport, Report, TimelineEvent
from verify.reports.render import FORMATS, render

__all__ = ["FORMATS", "FileReport", "Report", "TimelineEvent", "render"]
