"""The inputs of `tarikh eval`: the gold file, line by line, and its actor registry.

Cut from evaluate.py where the gold set's format ends and the scoring begins:
an annotator checking what a gold line must hold (and the error a bad one gets)
reads this file alone; evaluate.py only scores and reports. Each gold line is a
JSON object (tests/data/gold.jsonl; GOLD.md beside it says how it is annotated).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.arabic.actors import Registry

PRECISIONS = ("day", "month", "year")
CALENDARS = ("gregorian", "hijri")
_ISO = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}


class GoldError(ValueError):
    """A gold line that cannot be scored; the message names file and line."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    line: int
    text: str
    reference: dt.date | None
    gregorian: str | None
    precision: str | None
    calendar: str
    written: str
    actors: tuple[str, ...]
    phenomena: tuple[str, ...]
    outlet: str
    url: str
    country: str


def _required_str(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be non-empty text")
    return value


def _str_list(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    value = obj.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{key!r} must be a list of non-empty text")
    return tuple(value)


def parse_gold_line(raw: str, line: int) -> GoldItem:
    """One gold line → GoldItem; ValueError with a message fit for file:line."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("a gold line must be a JSON object")
    ref = obj.get("reference_date")
    if ref is not None:
        if not isinstance(ref, str) or not _ISO["day"].fullmatch(ref):
            raise ValueError("'reference_date' must be YYYY-MM-DD or null")
        try:
            reference: dt.date | None = dt.date.fromisoformat(ref)
        except ValueError:
            raise ValueError(f"'reference_date' {ref} does not exist") from None
    else:
        reference = None
    date = obj.get("date")
    if not isinstance(date, dict):
        raise ValueError("'date' must be an object {gregorian, precision, calendar, written}")
    gregorian, precision = date.get("gregorian"), date.get("precision")
    if gregorian is None:
        if precision is not None:
            raise ValueError("a null 'gregorian' date has a null 'precision'")
    elif precision not in PRECISIONS or not isinstance(gregorian, str):
        raise ValueError(f"'precision' must be one of {', '.join(PRECISIONS)}")
    elif not _ISO[precision].fullmatch(gregorian):
        raise ValueError(f"'gregorian' {gregorian!r} is not written at {precision} precision")
    calendar = date.get("calendar", "gregorian")
    if calendar not in CALENDARS:
        raise ValueError(f"'calendar' must be one of {', '.join(CALENDARS)}")
    written = date.get("written", "")
    if not isinstance(written, str):
        raise ValueError("'written' must be text")
    url = _required_str(obj, "url")
    if not re.match(r"https?://", url):
        raise ValueError("'url' must be an http(s) address")
    return GoldItem(
        id=_required_str(obj, "id"),
        line=line,
        text=_required_str(obj, "text"),
        reference=reference,
        gregorian=gregorian,
        precision=precision,
        calendar=calendar,
        written=written,
        actors=_str_list(obj, "actors"),
        phenomena=_str_list(obj, "phenomena"),
        outlet=_required_str(obj, "outlet"),
        url=url,
        country=_required_str(obj, "country"),
    )


def load_gold(path: Path) -> list[GoldItem]:
    """Every line of the gold file, or GoldError naming the first bad one."""
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    text = path.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = parse_gold_line(raw, number)
        except ValueError as exc:
            raise GoldError(f"{path}:{number}: {exc}") from None
        if item.id in seen:
            raise GoldError(f"{path}:{number}: id {item.id!r} already used on line {seen[item.id]}")
        seen[item.id] = number
        items.append(item)
    return items


def load_registry_dir(path: Path) -> Registry:
    """Actor files (content/actors format) → Registry, through the site loader.

    Problems in a file are printed to stderr and that file is left out: a
    broken registry entry should lower the score visibly, not stop the run.
    """
    from generator.load import Problems, load_actor

    problems = Problems()
    entries = []
    for file in sorted(path.glob("*.md")):
        loaded = load_actor(file, str(file), problems)
        if loaded is not None:
            entries.append(loaded.entry)
    for diagnostic in problems.items:
        print(diagnostic, file=sys.stderr)
    return Registry(entries)
