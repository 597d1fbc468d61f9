"""The load stage: files on disk → raw items that remember their file and line.

Nothing here interprets Arabic; it only reads safely. Every problem becomes a
Diagnostic naming file and line, and the file (or just the item) is left out,
so one broken file never takes the site down with it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import nh3
import yaml

from generator import safe_yaml
from generator.arabic.actors import ActorEntry, Role
from generator.arabic.hijri import from_hijri
from generator.arabic.normalize import clean, slugify, to_ascii_digits
from generator.config import as_date
from generator.errors import Diagnostic

MAX_FILE_BYTES = 20 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A headline is a first line that does not end a sentence.
_SENTENCE_END = tuple('.!?؟…:»"”')
# C0 and C1 control characters (NUL included) and DEL: never text. Tab is a space.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that reorder or hide text on screen ("Trojan Source", CVE-2021-42574):
# bidi embeddings, overrides and isolates, zero-width space, word joiner.
# ZWNJ/ZWJ (Persian, Urdu) and the LRM/RLM marks are kept in display text.
_TROJAN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064]")
_SUSPECT = re.compile(_CONTROLS.pattern[:-1] + _TROJAN.pattern[1:-1] + "]")
# Markup (or entities that may hide markup) in text that should be plain.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass
class Problems:
    """Collects diagnostics for one build; the list is the build's report."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Diagnostic(file, line, "error", message))

    def warning(self, file: str | None, line: int | None, message: str) -> None:
        self.items.append(Diagnostic(file, line, "warning", message))


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


@dataclass
class ActorFile:
    entry: ActorEntry
    bio_html: str
    file: str


# ------------------------------------------------ YAML (safe_yaml.py: the loaders, and why)


def parse_yaml(text: str, file: str, first_line: int, problems: Problems) -> Any:
    """Parse YAML; on failure report file:line and return None."""
    try:
        return safe_yaml.load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.error(file, line, f"malformed YAML: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        problems.error(file, first_line, f"malformed YAML: {exc}")
    except ValueError as exc:  # e.g. date: 2015-02-30
        problems.error(file, first_line, f"invalid value in front matter: {exc}")
    except RecursionError:
        problems.error(file, first_line, "front matter is nested too deeply")
    return None


# ---------------------------------------------------------------- reading


def read_text(path: Path, rel: str, problems: Problems) -> list[str] | None:
    """A file's physical lines, decoded strictly; None (and an error) if unreadable.

    Control characters (NUL included) and the characters that reorder or hide
    text (bidi controls, zero-width space) are removed here, for every kind of
    content file, each with a warning naming its line."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(
                rel,
                None,
                f"file is {size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB "
                "(split it into several files)",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.error(rel, None, f"cannot read: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.error(rel, line, not_utf8(data, exc.start, rel))
        return None
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    if _SUSPECT.search(text):
        for index, line_text in enumerate(lines):
            if _SUSPECT.search(line_text):
                lines[index] = _scrub(line_text, rel, index + 1, problems)
    return lines


def not_utf8(data: bytes, offset: int, rel: str) -> str:
    """Why a file is not UTF-8, naming the byte and its offset, and what it probably is."""
    message = f"not valid UTF-8: byte 0x{data[offset]:02x} at offset {offset}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "UTF-16"
        message += "; the file is UTF-16"
    elif _looks_arabic(data, "cp1256"):
        encoding = "WINDOWS-1256"
        message += "; it looks like Windows Arabic (Windows-1256)"
    else:
        return message + "; save it as UTF-8"
    return (
        f"{message}. Convert it: iconv -f {encoding} -t UTF-8 {rel} > converted.txt "
        f"&& mv converted.txt {rel}"
    )


def _looks_arabic(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    high = [c for c in text if ord(c) > 0x7F]
    arabic = sum(1 for c in high if "\u0600" <= c <= "\u06ff")
    return bool(high) and arabic >= 0.6 * len(high)


def _scrub(text: str, rel: str, line: int, problems: Problems) -> str:
    found = sorted(set(_SUSPECT.findall(text)))
    names = ", ".join(f"U+{ord(c):04X}" for c in found)
    if any(_TROJAN.match(c) for c in found):
        problems.warning(
            rel, line, f"removed {names}: invisible characters that can reorder or hide text"
        )
    else:
        problems.warning(rel, line, f"removed control characters ({names})")
    return _SUSPECT.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


def plain_text(text: str) -> str:
    """Text with any markup taken out (wire copy pasted from a CMS): what a reader sees
    of «<b onmouseover=…>أعلن</b>» is «أعلن». Entities are decoded, and markup
    hidden behind them is taken out too."""
    for _ in range(3):
        if not _MARKUP.search(text):
            return text
        text = " ".join(html.unescape(nh3.clean(text, tags=set())).split())
    return re.sub(r"<(?=[A-Za-z/!?])", "", text)


def field_line(lines: list[str], key: str) -> int:
    """The physical line of a top-level front-matter key (1 when it is not found)."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
        if pattern.match(lines[index]):
            return index + 1
    return 1


def split_front_matter(
    lines: list[str], rel: str, problems: Problems
) -> tuple[dict[str, Any], int] | None:
    """Front matter between `---` lines → (mapping, index of first body line).

    Returns ({}, 0) when there is none, None when it is broken (reported).
    """
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        problems.error(rel, 1, "front matter opened with --- is never closed")
        return None
    data = parse_yaml("\n".join(lines[1:end]), rel, 2, problems)
    if data is None:
        if any(line.strip() for line in lines[1:end]):
            return None
        data = {}
    if not isinstance(data, dict):
        problems.error(rel, 2, "front matter must be a mapping of key: value lines")
        return None
    return data, end + 1


def read_document(
    path: Path, rel: str, problems: Problems
) -> tuple[list[str], dict[str, Any], int] | None:
    """A content file's lines, its front matter, and where its body starts."""
    lines = read_text(path, rel, problems)
    if lines is None:
        return None
    split = split_front_matter(lines, rel, problems)
    if split is None:
        return None
    return lines, split[0], split[1]


def _text_field(
    meta: dict[str, Any], key: str, rel: str, problems: Problems, lines: list[str] | None = None
) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    line = field_line(lines, key) if lines else 1
    if isinstance(value, bool | int | float | dt.date):
        # YAML 1.1 reads `no` as False and 12:30 as 750: say so rather than print "False".
        problems.warning(rel, line, f"front matter {key!r} is {value!r}, not text; quote it")
        return str(value)
    if not isinstance(value, str):
        problems.error(rel, line, f"front matter {key!r} must be text")
        return None
    return plain_text(clean(value)) or None


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


class Markdown:
    """One converter, reset per document: making a `markdown.Markdown` with its
    extensions costs more than converting a short body (issue 12). Each
    Sources (so each Builder) holds its own; nothing is shared between builds."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["extra"], output_format="html")

    def __call__(self, text: str) -> str:
        return self._md.reset().convert(text)


def render_markdown(text: str, converter: Markdown | None = None) -> str:
    """Markdown → HTML that is safe to publish: raw HTML and script links removed."""
    html = (converter or Markdown())(text)
    return nh3.clean(
        html,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


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
    for key in ("date", "end_date"):
        if meta.get(key) is not None and isinstance(parsed := parse_date(meta[key]), str):
            problems.error(rel, field_line(lines, key), f"{key!r}: {parsed}")
            return None
    body = "\n".join(lines[body_start:])
    body_html = render_markdown(body, md) if body.strip() else ""
    place = _text_field(meta, "place", rel, problems, lines)
    draft = meta.get("draft", False)
    return EventFile(
        file=rel,
        line=1,
        title=title,
        date=meta["date"],
        end_date=meta.get("end_date"),
        actors=_list_field(meta, "actors", rel, problems, lines),
        tags=_list_field(meta, "tags", rel, problems, lines),
        place=place,
        source=_text_field(meta, "source", rel, problems, lines),
        url=_safe_url(_text_field(meta, "url", rel, problems, lines), rel, problems, lines),
        image=_safe_image(_text_field(meta, "image", rel, problems, lines), rel, problems, lines),
        draft=draft is True,
        body_html=body_html,
        # What readers see of the body, as text: from the sanitised HTML, never
        # the Markdown source (whose raw <script> and javascript: links would
        # reach events.json and the widget).
        body_text=clean(" ".join(html.unescape(nh3.clean(body_html, tags=set())).split())),
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
