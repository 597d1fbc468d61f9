"""Reading TimelineJS3 data: its JSON, or the CSV of its Google Sheets template.

Both become `Slide`s that keep every field as found plus where the slide was
(`events[3]` in JSON, the line in CSV), so the mapping to tarikh, and every
report of what could not be mapped, can name it. Reading never stops at a
bad slide: the slide carries its errors and the import reports them all.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic
from generator.load_text import MAX_FILE_BYTES

# The Google Sheets template's columns, and the slide fields they fill.
COLUMNS = {
    "start date": ("start_date", "date"),  # TimelineJS reads these instead of Year…
    "end date": ("end_date", "date"),
    "year": ("start_date", "year"),
    "month": ("start_date", "month"),
    "day": ("start_date", "day"),
    "time": ("start_date", "time"),
    "end year": ("end_date", "year"),
    "end month": ("end_date", "month"),
    "end day": ("end_date", "day"),
    "end time": ("end_date", "time"),
    "display date": ("display_date", None),
    "headline": ("text", "headline"),
    "text": ("text", "text"),
    "media": ("media", "url"),
    "media credit": ("media", "credit"),
    "media caption": ("media", "caption"),
    "media thumbnail": ("media", "thumbnail"),
    "alt text": ("media", "alt"),
    "type": ("type", None),
    "group": ("group", None),
    "tag": ("tag", None),  # TimelineJS's older name for Group
    "background": ("background", None),
}


class InputError(Exception):
    """The file as a whole cannot be read (exit 1): named with file and line."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(file, line, "error", message)


@dataclass
class Slide:
    where: str  # "events[3]" or "line 7": how a report names the slide
    line: int | None  # the CSV line (JSON slides are named by index)
    data: dict[str, Any]  # TimelineJS slide fields, as found
    kind: str = "event"  # "event" | "title" | "era"


@dataclass
class Timeline:
    file: str
    format: str  # "json" | "csv"
    slides: list[Slide]
    ids: dict[str, str] = field(default_factory=dict)  # unique_id → tarikh event id
    notes: list[Diagnostic] = field(default_factory=list)  # about the file as a whole


def read_timeline(path: Path, name: str) -> Timeline:
    """A TimelineJS JSON or CSV file; the format by extension, else by content."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(name, None, f"larger than {MAX_FILE_BYTES // 2**20} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, None, f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(name, line, "not valid UTF-8; export it as UTF-8") from None
    suffix = path.suffix.lower()
    if suffix == ".json" or (suffix != ".csv" and text.lstrip().startswith("{")):
        return _read_json(text, name)
    return _read_csv(text, name)


def _read_json(text: str, name: str) -> Timeline:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            name, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(name, None, "JSON nested too deeply") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise InputError(name, 1, 'not TimelineJS JSON: no "events" list at the top level')
    timeline = Timeline(name, "json", [])
    for key in sorted(set(doc) - {"title", "events", "eras", "scale", "tarikh"}):
        timeline.notes.append(_warn(name, None, f"top-level {key!r} is not TimelineJS's: ignored"))
    if doc.get("scale") not in (None, "human"):
        timeline.notes.append(
            _warn(name, None, f"scale {doc['scale']!r}: tarikh reads only human dates")
        )
    if isinstance(doc.get("title"), dict):
        timeline.slides.append(Slide("title", None, doc["title"], kind="title"))
    elif doc.get("title") is not None:
        timeline.notes.append(_warn(name, None, "title is not a slide object: not imported"))
    eras = doc.get("eras")
    if eras is not None and not isinstance(eras, list):
        timeline.notes.append(_warn(name, None, "eras is not a list: not imported"))
    for index, era in enumerate(eras if isinstance(eras, list) else []):
        timeline.slides.append(Slide(f"eras[{index}]", None, _dict(era), kind="era"))
    for index, event in enumerate(doc["events"]):
        timeline.slides.append(Slide(f"events[{index}]", None, _dict(event)))
    ids = doc.get("tarikh", {}).get("ids") if isinstance(doc.get("tarikh"), dict) else None
    if isinstance(ids, dict):
        timeline.ids = {str(k): v for k, v in ids.items() if isinstance(v, str)}
    return timeline


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {"(not an object)": value}


def _warn(file: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(file, line, "warning", message)


def _read_csv(text: str, name: str) -> Timeline:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(name, reader.line_num, f"not valid CSV: {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise InputError(name, 1, "empty: a TimelineJS sheet starts with a header row")
    keys = [h.strip().lower() for h in header]
    if ("year" not in keys and "start date" not in keys) or "headline" not in keys:
        raise InputError(
            name,
            1,
            "not a TimelineJS sheet: the header needs the columns Year (or Start Date) and "
            "Headline "
            f"(found: {', '.join(h.strip() for h in header)[:200]})",
        )
    timeline = Timeline(name, "csv", [])
    for h, key in zip(header, keys, strict=True):
        if key not in COLUMNS and key:
            timeline.notes.append(
                _warn(name, 1, f"column {h.strip()!r} is not TimelineJS's: its cells are reported")
            )
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise InputError(name, reader.line_num, f"not valid CSV: {exc}") from None
        line = reader.line_num
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        timeline.slides.append(_csv_slide(header, keys, row, start))
    return timeline


def _csv_slide(header: list[str], keys: list[str], row: list[str], line: int) -> Slide:
    data: dict[str, Any] = {}
    for h, key, cell in zip(header, keys, row, strict=False):
        value = cell.strip()
        if not value:
            continue
        target = COLUMNS.get(key)
        if target is None:
            data[f"column {h.strip() or '(no name)'!r}"] = value
        elif target[1] is None:
            data[target[0]] = value
        else:
            data.setdefault(target[0], {})[target[1]] = value
    if "tag" in data:
        data.setdefault("group", data.pop("tag"))
        data.pop("tag", None)
    if len(row) > len(header) and any(c.strip() for c in row[len(header) :]):
        data["cells past the last column"] = row[len(header) :]
    kind = str(data.pop("type", "")).strip()
    if kind.lower() in ("title", "era"):
        return Slide(f"line {line}", line, data, kind=kind.lower())
    if kind:
        data["type"] = kind  # not one TimelineJS knows: reported, not dropped
    return Slide(f"line {line}", line, data)
