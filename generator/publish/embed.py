"""The embeddable widget's outputs: its time-axis data, the host's snippet,
and `/embed.js`, the one script a news site loads.

The widget pages themselves are HTML, planned in `plan_embed` and rendered by
the theme's `embed.html`; what is here is what they carry besides HTML.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import InitVar, dataclass
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.arabic.hijri import FIRST, HIJRI_MONTHS, LAST, from_hijri, to_hijri
from generator.config import SiteConfig
from generator.model_objects import Event
from generator.publish import absolute_base, href

EPOCH = dt.date(1970, 1, 1)
HOST_SCRIPT = Path(__file__).with_name("embed.js")
WIDGET_HEIGHT = 640  # the oEmbed iframe's starting height: a head, the axis, a few events


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01: what the widget's axis counts in."""
    return (day - EPOCH).days


def script_json(data: Any) -> Markup:
    """JSON safe inside `<script type="application/json">`: the HTML parser
    ends a script at `</`, so `<`, `>` and `&` are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def day_counts(events: Sequence[Event]) -> list[int]:
    """The scope's dated events as a flat [day, count, day, count, …] list,
    ascending: a 10,000-event site is a few thousand pairs, not 10,000 objects."""
    counts: dict[int, int] = {}
    for event in events:
        if event.date is not None:
            n = day_number(event.date.start)
            counts[n] = counts.get(n, 0) + 1
    flat: list[int] = []
    for n in sorted(counts):
        flat += [n, counts[n]]
    return flat


def hijri_months(first: dt.date, last: dt.date, adjust: int) -> list[list[int]]:
    """The first day of every Hijri month from a year before `first` to a
    year after `last`, as [day, year, month]: the axis draws the Hijri
    calendar from these (its Umm al-Qura tables stay in Python)."""
    lo = max(first - dt.timedelta(days=400), FIRST)
    hi = min(last + dt.timedelta(days=400), LAST)
    start, end = to_hijri(lo, adjust), to_hijri(hi, adjust)
    if start is None or end is None or lo > hi:
        return []
    out: list[list[int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        day = from_hijri(year, month, 1, adjust)
        if day is not None:
            out.append([day_number(day), year, month])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True, eq=False)
class Axis:
    """What the widget's time axis needs: the scope's part (its days, the
    Hijri months, its pages' spans) in one file for all the scope's pages
    (`file`, `script()`), and each page's own part, printed as JSON where the
    page carries it (`{{ axis }}`).

    The scope's part used to be printed whole on every widget page of the
    scope: at 100,000 events, 26,201 widget pages and 1.9 GB of a 5.6 GB
    site, growing with the square of the archive. Now a page holds its place
    and its way back to the root; the file is named by `key`, the digest of
    the scope's part, so a page's context digest (deps.py, which reads the
    fields) changes whenever the file it names does, and a browser may keep
    the file as long as it likes."""

    key: str
    path: str  # the page's own, output-relative: its links are relative to it
    here: int
    paged: bool
    shared: InitVar[dict[str, Any]]

    def __post_init__(self, shared: dict[str, Any]) -> None:
        object.__setattr__(self, "_shared", shared)

    @property
    def file(self) -> str:
        """The scope's axis, output-relative: one file for all its pages."""
        return f"embed/axis/{self.key}.js"

    def script(self) -> bytes:
        """The file's text: the scope's part as a global the widget reads
        (a script, not a fetch, so the widget works from disk too)."""
        data = script_json(self._shared)  # type: ignore[attr-defined]
        return f"var tarikhAxis = {data};\n".encode()

    def __html__(self) -> str:
        from generator.render import relative_url  # render imports this module

        root = relative_url(self.path, "")  # the scope's pages' paths are output-relative
        return str(script_json({"here": self.here, "paged": self.paged, "root": root}))

    def __str__(self) -> str:
        return self.__html__()


def axis_files(pages: Iterable[Any]) -> dict[str, bytes]:
    """Each scope's axis script (`Axis.file`), once, from the widget pages'
    contexts (taken before rendering lets the contexts go)."""
    out: dict[str, bytes] = {}
    for page in pages:
        axis = page.context.get("axis")
        if isinstance(axis, Axis) and axis.file not in out:
            out[axis.file] = axis.script()
    return out


def axis_shared(
    events: Sequence[Event],
    config: SiteConfig,
    months: Sequence[str],
    sections: Sequence[tuple[int, int, str]] = (),
) -> tuple[str, dict[str, Any]]:
    """A scope's part of its axis, and its digest (made once per scope).
    `sections` are the widget's pages as (first day, last day, output path),
    so a choice of time outside a page can go to the page that holds it."""
    days = day_counts(events)
    hijri: list[list[int]] = []
    if days:
        first = EPOCH + dt.timedelta(days=days[0])
        last = EPOCH + dt.timedelta(days=days[-2])
        hijri = hijri_months(first, last, config.hijri_adjust)
    shared = {
        "days": days,
        "spans": [(lo, hi) for lo, hi, _ in sections],
        "paths": [path for _, _, path in sections],
        "order": config.order,
        "calendar": config.calendar,
        "digits": config.digits,
        "gm": list(months),
        "hm": list(HIJRI_MONTHS),
        "hijri": hijri,
    }
    key = hashlib.blake2b(json.dumps(shared).encode(), digest_size=16).hexdigest()
    return key, shared


def widget_url(config: SiteConfig, scope_path: str) -> str:
    """The absolute URL of a scope's widget, e.g. …/embed/actors/<slug>/."""
    return href(absolute_base(config.base_url), f"embed/{scope_path}")


def snippet(config: SiteConfig, scope_path: str, title: str) -> str:
    """The code a news site pastes: the widget's place, with a plain link to the
    page as its fallback without JavaScript, and the one script that makes it
    an iframe. Empty without a base_url (a snippet needs absolute URLs)."""
    base = absolute_base(config.base_url)
    if not base:
        return ""
    page = escape(href(base, scope_path), quote=True)
    widget = escape(widget_url(config, scope_path), quote=True)
    script = escape(href(base, "embed.js"), quote=True)
    return (
        f'<div data-tarikh="{widget}"><a href="{page}">{escape(title)}</a></div>\n'
        f'<script src="{script}" async></script>'
    )


def host_script() -> bytes:
    """`/embed.js`, as written in generator/publish/embed.js (no build step:
    what is served is what a reviewer reads)."""
    return HOST_SCRIPT.read_bytes()
