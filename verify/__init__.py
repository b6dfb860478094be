"""verify: a consistency checker for news articles.

>>> from verify import check_text
>>> report = check_text("A 110 kW high-voltage line was laid.")
>>> report.files[0].findings[0].category
'unit_dimension'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check_file", "check_text"]

if TYPE_CHECKING:
    from verify.api import check_file, check_text


def __getattr__(name: str) -> Any:
    # Imported on first use so that `verify --help` does not pay for pint and pydantic.
    if name in ("check_text", "check_file"):
        from verify import api

        return getattr(api, name)
    raise AttributeError(name)
