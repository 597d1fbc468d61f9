"""`tarikh import timelinejs`: a TimelineJS3 timeline → tarikh Markdown events.

Newsrooms that built timelines in TimelineJS (JSON, or its Google Sheets
template exported as CSV) can move them into tarikh without retyping. One
Markdown file per dated slide, with front matter tarikh reads (title, date at
the slide's precision, end_date, tags from the group, image, source, url) and
the text as the body. Whatever has no place in tarikh (times, captions,
backgrounds, eras…) is named per slide, never dropped silently; a bad slide is
an error with its line (CSV) or index (JSON) and the others still import.

A file that tarikh's own /timeline.json wrote carries `tarikh.ids`, which maps
each slide's ASCII `unique_id` back to the event id. tarikh makes an id from
the date and the title, so writing both back unchanged keeps the id and the
event's address; when they differ, the report says which id changes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from generator.arabic.normalize import to_ascii_digits
from generator.errors import Diagnostic
from generator.importers.html_text import html_to_line, html_to_markdown
from generator.importers.timelinejs_read import InputError, Slide, Timeline, read_timeline
from generator.model import event_id
from generator.model_objects import EventDate

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
_IMAGE = re.compile(r"(?i)\.(jpe?g|png|gif|webp|avif|svg)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_DATE_KEYS = ("year", "month", "day")
_MAX_NAME = 150  # characters of a file name (Arabic is two bytes each; the limit is 255)


class SlideError(Exception):
    """This slide cannot become an event; the others still import."""


@dataclass
class Imported:
    slide: Slide
    event_id: str
    meta: dict[str, Any]
    body: str
    kept_id: bool | None = None  # True/False for a tarikh export's slide, else None


@dataclass
class Report:
    """What an import did and could not do, in slide order."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, slide: Slide | None, level: str, message: str) -> None:
        where = f"{slide.where}: " if slide is not None and slide.line is None else ""
        line = slide.line if slide is not None else None
        self.diagnostics.append(Diagnostic(self.file, line, level, where + message))  # type: ignore[arg-type]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "error")


def _show(text: str, limit: int = 60) -> str:
    """Untrusted text in a terminal message: one line, short, no control characters."""
    text = "".join(c if c.isprintable() else " " for c in " ".join(str(text).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _filled(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_filled(v) for v in value.values())
    if isinstance(value, list):
        return any(_filled(v) for v in value)
    return value is not None and value != "" and not (isinstance(value, str) and not value.strip())


def _number(raw: dict[str, Any], key: str, name: str) -> int | None:
    value = raw.get(key)
    if not _filled(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,6}", to_ascii_digits(value.strip())):
        return int(to_ascii_digits(value.strip()))
    raise SlideError(f"{name}.{key} {_show(repr(value))} is not a whole number")


def _string(raw: dict[str, Any], key: str, name: str, unmapped: list[str]) -> str:
    """A text field's value; a list or an object there is named, not stringified."""
    value = raw.get(key)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if _filled(value):
        unmapped.append(f"{name} (not text)")
    return ""


def read_date(raw: Any, name: str) -> tuple[dt.date, str] | None:
    """A TimelineJS date object → (first day, precision), None when absent."""
    if not _filled(raw):
        return None
    if not isinstance(raw, dict):
        raise SlideError(f"{name} is not an object with year, month, day")
    if _filled(raw.get("date")):  # a sheet's Start Date / End Date column
        written = to_ascii_digits(str(raw["date"]).strip())
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", written)
        if not m:
            raise SlideError(
                f"{name} {_show(written)!r} is not YYYY-MM-DD (a sheet's dates are read only "
                "so, to be unambiguous: use the Year, Month and Day columns)"
            )
        raw = {"year": m[1], "month": m[2], "day": m[3]}
    year, month, day = (_number(raw, k, name) for k in _DATE_KEYS)
    if year is None:
        raise SlideError(f"{name} has no year")
    if not 1000 <= year <= 9999:
        raise SlideError(f"{name}.year {year}: tarikh dates years 1000 to 9999 only")
    if day is not None and month is None:
        raise SlideError(f"{name} has a day but no month")
    try:
        start = dt.date(year, month or 1, day or 1)
    except ValueError:
        shown = "-".join(str(p) for p in (year, month, day) if p is not None)
        raise SlideError(f"{name} {shown} is not a date") from None
    return start, "day" if day is not None else "month" if month is not None else "year"


def iso(start: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat()


def _media(media: Any, meta: dict[str, Any], unmapped: list[str]) -> None:
    """media.url → image when it is an image, else url (a video, a page); the
    credit → source. A URL that is neither http(s) nor a site path is refused."""
    if not isinstance(media, dict):
        if _filled(media):
            unmapped.append("media (not an object)")
        return
    url = str(media.get("url") or "").strip()
    if url:
        path = url.split("?", 1)[0].split("#", 1)[0]
        web = re.match(r"(?i)^https?://\S+$", url) is not None
        local = not _SCHEME.match(url) and not url.startswith("//") and " " not in url
        if (web or local) and _IMAGE.search(path):
            meta["image"] = url if web else url.lstrip("/")
        elif web:
            meta["url"] = url
            unmapped.append("media.url (not an image: kept as the url)")
        else:
            unmapped.append("media.url (neither an http(s) link nor a site path)")
    credit = media.get("credit")
    if _filled(credit):
        meta["source"], skipped = html_to_line(str(credit))
        unmapped += [f"media.credit: {tag} left out" for tag in skipped]
    for key, value in media.items():
        if key not in ("url", "credit") and _filled(value):
            unmapped.append(f"media.{key}")


def map_slide(slide: Slide, timeline: Timeline) -> tuple[Imported, list[str]]:
    """One event slide → an event file's front matter and body, and the names
    of the fields that could not be mapped. Raises SlideError."""
    data = slide.data
    if "(not an object)" in data:
        raise SlideError("not an object: a slide is {start_date, text, media, …}")
    ours = bool(timeline.ids)
    unmapped: list[str] = []
    start = read_date(data.get("start_date"), "start_date")
    if start is None:
        raise SlideError("no start_date year: TimelineJS and tarikh both need one")
    end = read_date(data.get("end_date"), "end_date")
    text = data.get("text")
    if isinstance(text, str):  # not TimelineJS's shape, but plainly the text
        text = {"text": text}
    elif not isinstance(text, dict):
        if _filled(text):
            unmapped.append("text (not an object)")
        text = {}
    title, skipped = html_to_line(_string(text, "headline", "text.headline", unmapped))
    unmapped += [f"text.headline: {tag} left out" for tag in skipped]
    body, skipped = html_to_markdown(_string(text, "text", "text.text", unmapped))
    unmapped += [f"text.text: {tag} left out" for tag in skipped]
    if not title:
        if not body:
            why = f" ({', '.join(unmapped)})" if unmapped else ""
            raise SlideError(f"neither a headline nor a text{why}")
        title = " ".join(body.split()[:12])
        unmapped.append("(no headline: the title is the text's first words)")
    meta: dict[str, Any] = {"title": title, "date": iso(*start)}
    if end is not None:
        if end[0] < start[0]:
            unmapped.append("end_date (before start_date: left out)")
        elif end[0] != start[0]:
            meta["end_date"] = iso(*end)
    group, skipped = html_to_line(_string(data, "group", "group", unmapped))
    unmapped += [f"group: {tag} left out" for tag in skipped]
    if group:
        meta["tags"] = [group]
    _media(data.get("media"), meta, unmapped)
    for name in ("start_date", "end_date"):
        raw = data.get(name)
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if key in (*_DATE_KEYS, "date") or (ours and key == "display_date"):
                continue
            if _filled(value):
                unmapped.append(f"{name}.{key}")
    known = {"start_date", "end_date", "text", "media", "group"}
    if ours:
        known.add("display_date")  # tarikh wrote it from the date, and writes it again
    for key, value in data.items():
        if key == "unique_id" and str(value) in timeline.ids:
            continue
        if key not in known and _filled(value):
            unmapped.append(key)
    date = EventDate(start[0], start[1], "explicit", meta["date"], "gregorian", None, None)
    eid = event_id(date, title)
    item = Imported(slide, eid, meta, body)
    old = timeline.ids.get(str(data.get("unique_id") or ""))
    if old is not None:
        item.kept_id = old == eid
        if not item.kept_id:
            unmapped.append(
                f"(was tarikh event {_show(old, 80)}: its headline or date differ, "
                f"so its id and address become {_show(eid, 80)})"
            )
    return item, unmapped


def map_timeline(timeline: Timeline) -> tuple[list[Imported], Report]:
    report = Report(timeline.file, list(timeline.notes))
    imported: list[Imported] = []
    seen: dict[str, Slide] = {}
    for slide in timeline.slides:
        headline = slide.data.get("text", {}) if isinstance(slide.data.get("text"), dict) else {}
        shown = _show(html_to_line(str(headline.get("headline") or ""))[0])
        if slide.kind == "title":
            report.add(slide, "warning", f"title slide «{shown}» not imported: a tarikh "
                       "site's title and description are set in its site.toml")  # fmt: skip
            continue
        if slide.kind == "era":
            report.add(slide, "warning", f"era «{shown}» not imported: tarikh has no eras")
            continue
        try:
            item, unmapped = map_slide(slide, timeline)
        except SlideError as exc:
            report.add(slide, "error", f"{exc}; slide left out")
            continue
        if item.event_id in seen:
            report.add(slide, "error", f"same date and headline as {seen[item.event_id].where} "
                       "(tarikh would make one page of both); slide left out")  # fmt: skip
            continue
        seen[item.event_id] = slide
        imported.append(item)
        if unmapped:
            report.add(slide, "warning", "not mapped: " + ", ".join(unmapped))
    return imported, report


def event_file(item: Imported) -> str:
    """The Markdown file: YAML front matter that tarikh's loader reads, then the body."""
    front = yaml.safe_dump(
        item.meta, allow_unicode=True, sort_keys=False, width=1 << 30, default_flow_style=False
    )
    return f"---\n{front}---\n{item.body}\n" if item.body else f"---\n{front}---\n"


def file_name(item: Imported) -> str:
    """The event's id: a plain word-and-hyphen name (see model.event_id), cut short
    for file systems; the id itself comes from the title and date, not this name."""
    return item.event_id[:_MAX_NAME] + ".md"


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file, then os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tarikh-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_import(
    file: Path,
    site: Path,
    into: Path | None,
    *,
    dry_run: bool = False,
    force: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """The command: read, map, check for files in the way, write, summarise."""
    out, err = out or sys.stdout, err or sys.stderr
    if not file.is_file():
        print(f"tarikh: error: {file}: no such file", file=err)
        return EXIT_USAGE
    if into is None:
        if not (site / "site.toml").is_file() and not (site / "content").is_dir():
            print(
                f"tarikh: error: {site} is not a tarikh site (it has neither site.toml nor "
                "content/): use --source SITE, create one with `tarikh new DIR`, or --into DIR",
                file=err,
            )
            return EXIT_USAGE
        into = site / "content" / "events"
    if into.exists() and not into.is_dir():
        print(f"tarikh: error: {into} is not a directory (--into DIR)", file=err)
        return EXIT_USAGE
    try:
        timeline = read_timeline(file, str(file))
    except InputError as exc:
        print(exc.diagnostic, file=err)
        return EXIT_CONTENT
    imported, report = map_timeline(timeline)
    for d in report.diagnostics:
        print(d, file=err)
    targets = [(into / file_name(item), item) for item in imported]
    existing = [path for path, _ in targets if path.exists()]
    if existing and not force:
        for path in existing[:10]:
            print(f"{path}: error: exists", file=err)
        more = f" (and {len(existing) - 10} more)" if len(existing) > 10 else ""
        print(
            f"tarikh: error: {len(existing)} file(s) already exist{more}; "
            + ("a real run would write nothing" if dry_run else "nothing written")
            + ": --force overwrites them, or choose another --into",
            file=err,
        )
        return EXIT_USAGE
    if not dry_run:
        into.mkdir(parents=True, exist_ok=True)
        for path, item in targets:
            _write(path, event_file(item))
    else:
        for path, _ in targets:
            print(f"would write {path}", file=out)
    kept = sum(1 for item in imported if item.kept_id)
    mapped = sum(1 for item in imported if item.kept_id is not None)
    left_out = report.errors
    warned = sum(1 for d in report.diagnostics if d.level == "warning")
    verb = "would import" if dry_run else "imported"
    ids = f"{kept} of {mapped} tarikh ids kept, " if mapped else ""
    print(
        f"{verb} {len(imported)} events from {file} ({timeline.format}) into {into}: "
        f"{ids}{len(existing)} files {'to overwrite' if dry_run else 'overwritten'}, "
        f"{left_out} slides left out with errors, "
        f"{warned} warnings (fields not mapped, slides not imported)",
        file=out,
    )
    return EXIT_CONTENT if left_out else EXIT_OK
