"""Check kinds: each is implemented once here and configured by rule files.

The registry maps a rule's ``kind`` to its module; modules are imported only
when a rule of that kind runs, which keeps start-up quick.
"""

from __future__ import annotations

from importlib import import_module

from verify.checks.base import Check, Outcome, Params

#: kind → module under verify.checks that defines ``CHECK``.
_REGISTRY = {
    "duration_mismatch": "duration_mismatch",
    "unit_dimension": "unit_dimension",
    "weekday_mismatch": "weekday_mismatch",
    "invalid_date": "invalid_date",
    "age_mismatch": "age_mismatch",
    "anniversary_mismatch": "anniversary_mismatch",
    "chronology": "chronology",
    "event_order": "event_order",
    "conversion_mismatch": "conversion_mismatch",
    "conflicting_figure": "conflicting_figure",
    "arithmetic_mismatch": "arithmetic_mismatch",
}


def kinds() -> list[str]:
    """The names of all check kinds."""
    return sorted(_REGISTRY)


def get_check(kind: str) -> Check | None:
    """The check implementing ``kind``, or None when there is none."""
    module = _REGISTRY.get(kind)
    if module is None:
        return None
    check = _LOADED.get(module)
    if check is None:  # import_module costs more than a short rule: once per kind
        check = _LOADED[module] = import_module(f"verify.checks.{module}").CHECK
    return check


#: module name → its loaded ``CHECK``.
_LOADED: dict[str, Check] = {}


def params_model(kind: str) -> type[Params] | None:
    """The parameters model of ``kind``, or None for an unknown kind."""
    check = get_check(kind)
    return check.Params if check else None


__all__ = ["Check", "Outcome", "Params", "get_check", "kinds", "params_model"]
