"""The load stage: files on disk → raw items that remember their file and line.

Nothing here interprets Arabic; it only reads safely. Every problem becomes a
Diagnostic naming file and line, and the file (or just the item) is left out,
so one broken file never takes the site down with it.

This module says what each kind of content file means: a wire file of news
lines, a Markdown event, an actor, the corrections file, and the front-matter
fields, dates and Markdown bodies they share. How any file is read (size,
encoding, invisible characters, markup, YAML, Markdown bodies) is in
load_text.py; Problems, plain_text, Markdown and render_markdown are imported
from there and stay importable from here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nh3

from generator.arabic.actors import ActorEntry, Role
from generator.arabic.hijri import from_hijri
from generator.arabic.normalize import clean, slugify, to_ascii_digits
from generator.config import as_date
from generator.load_text import (
    Markdown,
    Problems,
    _plain_paragraphs,
    field_line,
    parse_yaml,
    plain_text,
    read_document,
    read_text,
    render_markdown,
)
from generator.model_objects import text_id

# A headline is a first line that does not end a sentence.
_SENTENCE_END = tuple('.!?؟…:»"”')


@dataclass(frozen=True)
class NewsLine:
    text: str
    file: str
    line: int


@dataclass
class NewsFile:
    """One wire file: a story with a headline and one news item a line."""

    file: str
    title: str | None
    date: dt.date | None
    source: str | None
    url: str | None
    items: list[NewsLine]


@dataclass
class EventFile:
    """One Markdown event, written by an editor with everything explicit."""

    file: str
    line: int
    title: str
    date: Any  # raw front-matter value, parsed by parse_date
    end_date: Any
    actors: list[str]
    tags: list[str]
    place: str | None
    source: str | None
    url: str | None
    image: str | None
    draft: bool
    body_html: str
    body_text: str
    # What the model stage makes of the file alone, worked out here once per
    # file's bytes (sources.py keeps the parse by them) rather than at every
    # build: parse_date of `date` and of `end_date` (None without one), the
    # title's part of the event id, and each tag that has a slug as (slug, tag).
    when: tuple[dt.date, str, str, str] | str
    until: tuple[dt.date, str, str, str] | str | None
    title_id: str
    tag_slugs: tuple[tuple[str, str], ...]


@dataclass
class ActorFile:
    entry: ActorEntry
    bio_html: str
    file: str


def _text_field(
    meta: dict[str, Any], key: str, rel: str, problems: Problems, lines: list[str] | None = None
) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return plain_text(clean(value)) or None
    line = field_line(lines, key) if lines else 1  # looked for only when it is said
    if isinstance(value, bool | int | float | dt.date):
        # YAML 1.1 reads `no` as False and 12:30 as 750: say so rather than print "False".
        problems.warning(rel, line, f"front matter {key!r} is {value!r}, not text; quote it")
        return str(value)
    problems.error(rel, line, f"front matter {key!r} must be text")
    return None


def _list_field(
    meta: dict[str, Any], key: str, rel: str, problems: Problems, lines: list[str] | None = None
) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        line = field_line(lines, key) if lines else 1
        problems.error(rel, line, f"front matter {key!r} must be a list of text")
        return []
    texts = (plain_text(clean(v)) for v in value)
    return [t for t in texts if t]


def _safe_url(
    value: str | None, rel: str, problems: Problems, lines: list[str] | None = None
) -> str | None:
    if value and not re.match(r"(?i)^https?://[^\s]+$", value):
        line = field_line(lines, "url") if lines else 1
        problems.warning(rel, line, f"url {value!r} is not http(s); left out")
        return None
    return value


def _safe_image(
    value: str | None, rel: str, problems: Problems, lines: list[str] | None = None
) -> str | None:
    """An image is a file of the site (static/img/x.jpg) or an http(s) URL: never
    a `javascript:` or `data:` URL, never a path that climbs out with `..`."""
    if not value:
        return None
    path = value.replace("\\", "/")
    if re.match(r"(?i)^https?://[^\s]+$", value):
        return value
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path) or ".." in path.split("/"):
        line = field_line(lines, "image") if lines else 1
        problems.warning(
            rel, line, f"image {value!r} is not a file of the site or a http(s) URL; left out"
        )
        return None
    return path


def parse_date(value: Any) -> tuple[dt.date, str, str, str] | str:
    """A front-matter date → (start, precision, calendar, written), or an error message.

    Accepts ISO Gregorian (2015-10-01, 2015-10, 2015) and Hijri (1436-12-17 هـ).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, "day", "gregorian", value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return f"date must be YYYY-MM-DD, YYYY-MM, YYYY or like 1436-12-17 هـ, got {value!r}"
    written = clean(value)
    text = to_ascii_digits(written)
    hijri = re.fullmatch(r"(\d{3,4})-(\d{1,2})-(\d{1,2})\s*(?:هـ|ه)\.?", text)
    if hijri:
        y, m, d = (int(g) for g in hijri.groups())
        day = from_hijri(y, m, d)
        if day is None:
            return f"Hijri date {written} does not exist or is outside 1343–1500 AH"
        return day, "day", "hijri", written
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        return f"date {written!r} is not YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD هـ"
    year, month, dayn = m.group(1), m.group(2), m.group(3)
    try:
        start = dt.date(int(year), int(month or 1), int(dayn or 1))
    except ValueError:
        return f"date {written} does not exist"
    precision = "day" if dayn else "month" if month else "year"
    return start, precision, "gregorian", written


# ---------------------------------------------------------------- content kinds


def load_news(path: Path, rel: str, problems: Problems) -> NewsFile | None:
    document = read_document(path, rel, problems)
    if document is None:
        return None
    lines, meta, body = document
    date = None
    if "date" in meta:
        parsed = parse_date(meta["date"])
        if isinstance(parsed, str):
            problems.error(rel, field_line(lines, "date"), f"'date': {parsed}")
            return None
        date = parsed[0]
    title = _text_field(meta, "title", rel, problems, lines)
    items: list[NewsLine] = []
    for index in range(body, len(lines)):
        text = clean(lines[index])
        if "<" in text or "&" in text:
            text = plain_text(text)
        if not text:
            continue
        number = index + 1
        if not items and title is None and not text.endswith(_SENTENCE_END):
            title = text  # a first line without final punctuation is the headline
            continue
        items.append(NewsLine(text, rel, number))
    return NewsFile(
        file=rel,
        title=title,
        date=date,
        source=_text_field(meta, "source", rel, problems, lines),
        url=_safe_url(_text_field(meta, "url", rel, problems, lines), rel, problems, lines),
        items=items,
    )


def load_event(
    path: Path, rel: str, problems: Problems, md: Markdown | None = None
) -> EventFile | None:
    document = read_document(path, rel, problems)
    if document is None:
        return None
    lines, meta, body_start = document
    title = _text_field(meta, "title", rel, problems, lines)
    if not title:
        problems.error(rel, 1, "an event file needs a 'title' in its front matter")
        return None
    if "date" not in meta:
        problems.error(rel, 1, "an event file needs a 'date' (YYYY-MM-DD or 1436-12-17 هـ)")
        return None
    when = parse_date(meta["date"])
    until = None if meta.get("end_date") is None else parse_date(meta["end_date"])
    for key, parsed in (("date", when), ("end_date", until)):
        # A `date:` left empty is named by the model stage (model._file_events).
        if meta.get(key) is not None and isinstance(parsed, str):
            problems.error(rel, field_line(lines, key), f"{key!r}: {parsed}")
            return None
    body = "\n".join(lines[body_start:])
    # What readers see of the body, as text: from the sanitised HTML, never
    # the Markdown source (whose raw <script> and javascript: links would
    # reach events.json and the widget); a plain body is that text already.
    if (paragraphs := _plain_paragraphs(body)) is not None:
        body_html = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        body_text = clean(" ".join(body.split()))
    else:
        body_html = render_markdown(body, md) if body.strip() else ""
        body_text = clean(" ".join(html.unescape(nh3.clean(body_html, tags=set())).split()))
    place = _text_field(meta, "place", rel, problems, lines)
    draft = meta.get("draft", False)
    tags = _list_field(meta, "tags", rel, problems, lines)
    return EventFile(
        file=rel,
        line=1,
        title=title,
        date=meta["date"],
        end_date=meta.get("end_date"),
        actors=_list_field(meta, "actors", rel, problems, lines),
        tags=tags,
        place=place,
        source=_text_field(meta, "source", rel, problems, lines),
        url=_safe_url(_text_field(meta, "url", rel, problems, lines), rel, problems, lines),
        image=_safe_image(_text_field(meta, "image", rel, problems, lines), rel, problems, lines),
        draft=draft is True,
        body_html=body_html,
        body_text=body_text,
        when=when,
        until=until,
        title_id=text_id(title),
        tag_slugs=tuple((slug, t) for t in tags if (slug := slugify(t))),
    )


KINDS = ("person", "organisation", "country", "group")


def _role_date(value: Any, rel: str, problems: Problems) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if (day := as_date(value)) is not None:
        return day
    problems.error(rel, 1, f"role date {value!r} is not YYYY-MM-DD")
    return None


def load_actor(
    path: Path, rel: str, problems: Problems, md: Markdown | None = None
) -> ActorFile | None:
    document = read_document(path, rel, problems)
    if document is None:
        return None
    lines, meta, body_start = document
    name = _text_field(meta, "name", rel, problems, lines)
    if not name:
        problems.error(rel, 1, "an actor file needs a 'name'")
        return None
    kind = meta.get("kind", "person")
    if kind not in KINDS:
        problems.error(rel, 1, f"kind {kind!r} is not one of {', '.join(KINDS)}")
        kind = "person"
    roles: list[Role] = []
    raw_roles = meta.get("roles") or []
    if not isinstance(raw_roles, list):
        problems.error(rel, 1, "'roles' must be a list of {title, from, to}")
        raw_roles = []
    for raw in raw_roles:
        if isinstance(raw, str):
            raw = {"title": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
            problems.error(rel, 1, "each role needs a 'title'")
            continue
        start = _role_date(raw.get("from"), rel, problems)
        end = _role_date(raw.get("to"), rel, problems)
        roles.append(Role(clean(raw["title"]), start, end))
    slug = slugify(path.stem, max_words=20)
    if not slug:
        problems.error(rel, None, "the file name gives an empty slug; name it after the actor")
        return None
    entry = ActorEntry(
        slug=slug,
        name=name,
        kind=kind,
        aliases=tuple(_list_field(meta, "aliases", rel, problems, lines)),
        roles=tuple(roles),
    )
    body = "\n".join(lines[body_start:])
    return ActorFile(entry, render_markdown(body, md) if body.strip() else "", rel)


def load_corrections(path: Path, rel: str, problems: Problems) -> dict[str, dict[str, Any]]:
    lines = read_text(path, rel, problems)
    if lines is None:
        return {}
    data = parse_yaml("\n".join(lines), rel, 1, problems)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        problems.error(rel, 1, "corrections must map an event id to its overrides")
        return {}
    return {str(k): v for k, v in data.items()}
