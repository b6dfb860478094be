"""Linking: ties claims to what they are about and puts dated events in order."""

from verify.linking.facts import Facts, build_facts, stem

__all__ = ["Facts", "build_facts", "stem"]
