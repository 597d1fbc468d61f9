"""Messages in Arabic for the preview's overlay, from a catalogue kept apart from code.

tarikh makes its messages in English (the command line and CI logs stay
English); an editor reading the preview sees them in Arabic. The wording is
data, in `messages_ar.toml` next to this file: each entry pairs an English
template with its Arabic text, and a message is matched against the templates
in order. A part named `message` is a message itself and is translated in turn
("'date': date 2015-02-30 does not exist" → «الحقل «date»: التاريخ … غير موجود»),
and so is each line of a part named `problems` (site.toml's list of problems).
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

CATALOGUE = Path(__file__).with_name("messages_ar.toml")


@dataclass(frozen=True)
class Entry:
    en: str
    ar: str
    pattern: re.Pattern[str]


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


@functools.cache
def catalogue(path: Path = CATALOGUE) -> tuple[Entry, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Entry(m["en"], m["ar"], _pattern(m["en"])) for m in data["message"])


def arabic(message: str) -> str | None:
    """The Arabic wording of an English message, or None when the catalogue lacks it."""
    for entry in catalogue():
        found = entry.pattern.fullmatch(message)
        if found is None:
            continue
        parts = found.groupdict()
        if "message" in parts:
            parts["message"] = arabic(parts["message"]) or parts["message"]
        if "problems" in parts:  # one message a line («invalid configuration:»)
            lines = parts["problems"].split("\n  ")
            parts["problems"] = "\n  ".join(arabic(line) or line for line in lines)
        return entry.ar.format(**parts)
    return None


def for_editor(message: str) -> str:
    """What the overlay shows: the Arabic wording, else the English message as it is."""
    return arabic(message) or message
