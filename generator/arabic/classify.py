"""What kind of event, and where? The main verb gives the type; a gazetteer the places.

CONTRACT (used by generator/understand.py):

    event_type(text) -> str         one of EVENT_TYPES
    find_places(text) -> list[str]  canonical Arabic names, in order of appearance
"""

from __future__ import annotations

EVENT_TYPES = (
    "statement",
    "talks",
    "announcement",
    "approval",
    "military",
    "accusation",
    "other",
)


def event_type(text: str) -> str:
    raise NotImplementedError


def find_places(text: str) -> list[str]:
    raise NotImplementedError
