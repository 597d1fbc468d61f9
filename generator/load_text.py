"""Reading a content file safely: bytes on disk → clean lines and front matter.

The first half of the load stage, cut from load.py where "how do we read any
file?" ends and "what does an event, a news file or an actor say?" begins. Every
kind of content goes through here, so the defences live in one place: a size
limit, strict UTF-8 (with a hint when the file is Windows Arabic or UTF-16),
control and text-reordering characters removed with a warning, markup taken
out of plain text, YAML front matter parsed by the safe loaders, and Markdown
bodies converted and sanitised. Problems, the list of a build's diagnostics,
is here because reading is where they start.
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
from generator.errors import Diagnostic

MAX_FILE_BYTES = 20 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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


# Front matter of one `key: value` a line, each value a double-quoted text
# without escapes, a list of them in brackets, a day (2015-10-01), or plain
# text that starts with a letter outside ASCII: YAML reads each as that text,
# list or date whatever its loader, so no loader is needed (most of a clean
# build's front matter; tests/test_front_matter_fast.py checks it against
# safe_yaml). Anything else, a duplicate key included, goes to safe_yaml.
_QUOTED = '"[^"\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*"'
_SIMPLE_LINE = re.compile(
    rf"([a-z_][a-z0-9_]*):[ ]+(?:({_QUOTED})|\[((?:{_QUOTED}(?:,[ ]?{_QUOTED})*)?)\]"
    r"|([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"|([^\x00-\x7f\W\d_][^\W_]*(?:[ ]+[^\W_]+)*))"
)
_NOT_KEYS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})  # YAML 1.1's


def simple_front_matter(lines: list[str]) -> dict[str, Any] | None:
    """Front matter of the simple kind above as YAML reads it, else None."""
    data: dict[str, Any] = {}
    for line in lines or ("",):  # none: YAML's None, which split_front_matter handles
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None or m[1] in data or m[1] in _NOT_KEYS:
            return None
        quoted, listed, year, plain = m[2], m[3], m[4], m[7]
        if quoted is not None:
            data[m[1]] = quoted[1:-1]
        elif listed is not None:
            data[m[1]] = [q[1:-1] for q in re.findall(_QUOTED, listed)]
        elif year is not None:
            try:
                data[m[1]] = dt.date(int(year), int(m[5]), int(m[6]))
            except ValueError:  # safe_yaml keeps a day that does not exist as text
                data[m[1]] = f"{year}-{m[5]}-{m[6]}"
        else:
            data[m[1]] = plain
    return data


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
    data = simple_front_matter(lines[1:end])
    if data is None:
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


# ---------------------------------------------------------------- Markdown bodies


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
    paragraphs = _plain_paragraphs(text)
    if paragraphs is not None:
        return "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = (converter or Markdown())(text)
    return nh3.clean(
        html,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


# Most bodies are plain paragraphs, and Markdown takes longer over them than
# over anything else in a clean build (issue 12). A body made only of the
# characters below, where each line starts with a letter or an opening quote
# or bracket and ends with no space, has nothing Markdown or the sanitiser
# would read as syntax: every construct of Markdown and its "extra"
# extensions needs an ASCII mark this leaves out (* _ ` # > < & [ ] { } | ~
# = + \\), an indented line, a digit or a mark at a line's start, or spaces
# at its end. Such a body converts to its paragraphs (lines between blank
# lines, joined by newlines) in <p>, as Markdown would give them
# (tests/test_markdown_fast.py checks it against Markdown on random bodies).
_PLAIN_CHARS = (
    r"\w\n .,!?;:'\"()%/«»“”‘’…–—\-"
    "\u060c\u061b\u061f\u066a-\u066d\u06d4"  # Arabic punctuation
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # marks
)
_NOT_PLAIN = re.compile(
    rf"[^{_PLAIN_CHARS}]|_"  # a character outside the set
    r"|^(?![^\W\d_]|[«“\"(]|$)"  # a line that starts with anything but a letter or opener
    r"| $",  # a line that ends with a space
    re.MULTILINE,
)


def _plain_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a body of plain text only (see above), else None."""
    if _NOT_PLAIN.search(text):
        return None
    paragraphs = [p.strip("\n") for p in re.split(r"\n{2,}", text)]
    return [p for p in paragraphs if p]
