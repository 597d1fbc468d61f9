"""Executable content in a built site: what a hostile source must never produce.

`executable(path, data)` lists every way a built file could run script or
reorder text: a <script> that is not one of the theme's own files or an inert
JSON block, event-handler attributes, javascript:/data:/vbscript: URLs (after
entity decoding, as a browser reads them), <iframe srcdoc>, <object>, <embed>,
<base>, a refresh <meta>, CSS expressions and script URLs in style, and raw
markup or bidi overrides in JSON and XML text.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background"}
SCRIPTY = re.compile(r"^(?:javascript|vbscript|data):", re.I)
BIDI_OVERRIDES = re.compile("[\u202a-\u202e]")
CSS_BAD = re.compile(r"expression\s*\(|javascript:|@import|behavior\s*:", re.I)
THEME_SCRIPT = re.compile(
    r"^(?:\.\./)*(?:\./)?(?:[\w-]+/)*static/js/[\w.-]+\.js$|^(?:https?://[^/]+)?/(?:[\w.-]+/)*static/js/[\w.-]+\.js$"
)
# A widget scope's time axis (publish/embed.py: Axis.file): data in a script,
# checked as data below (`_axis_script`).
AXIS_FILE = re.compile(r"^embed/axis/[0-9a-f]{32}\.js$")
AXIS_SCRIPT = re.compile(r"^(?:\.\./)*embed/axis/[0-9a-f]{32}\.js$")
AXIS_HEAD, AXIS_TAIL = "var tarikhAxis = ", ";\n"


def _url_is_scripty(value: str) -> bool:
    # Browsers drop tabs, newlines and leading controls/spaces before the scheme.
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value))
    return bool(SCRIPTY.match(cleaned))


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None  # type of the inline script being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        for name, value in a.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and _url_is_scripty(value):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            if name == "srcset" and any(_url_is_scripty(p.strip()) for p in value.split(",")):
                self.found.append(f"<{tag} srcset>")
            if name == "style" and CSS_BAD.search(html.unescape(value)):
                self.found.append(f"<{tag} style={value[:40]!r}>")
            if name == "srcdoc":
                self.found.append(f"<{tag} srcdoc>")
        if tag in ("object", "embed", "applet", "base", "frame", "frameset"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            kind = a.get("type", "").lower()
            if "src" in a:
                if not (THEME_SCRIPT.match(a["src"]) or AXIS_SCRIPT.match(a["src"])):
                    self.found.append(f"<script src={a['src'][:60]!r}>")
            elif kind in ("application/json", "application/ld+json"):
                self._script = kind
            else:
                self.found.append("<script> inline")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            if "<" in data:
                self.found.append("raw < inside an inline JSON script")
            try:
                json.loads(data)
            except ValueError:
                self.found.append("an inline JSON script that is not JSON")


def _axis_script(data: bytes) -> list[str]:
    """An axis script is one assignment of JSON, with no markup in its strings."""
    text = data.decode("utf-8", errors="replace")
    if not (text.startswith(AXIS_HEAD) and text.endswith(AXIS_TAIL)):
        return ["an axis script that is not one assignment"]
    body = text[len(AXIS_HEAD) : -len(AXIS_TAIL)]
    try:
        strings = _json_strings(json.loads(body))
    except ValueError:
        return ["an axis script whose value is not JSON"]
    found = ["raw < in an axis script"] if "<" in body else []
    return found + [
        f"script URL in an axis script: {s[:60]!r}" for s in strings if _url_is_scripty(s)
    ]


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)] + [
            k for k in value if isinstance(k, str)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


# Any tag at all: text that TimelineJS or a feed reader renders as HTML must have none.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def executable(path: str, data: bytes) -> list[str]:
    """What in this built file could run script, or reorder text on screen."""
    found: list[str] = []
    if AXIS_FILE.match(path):
        return _axis_script(data)
    if path.startswith("static/") or not path.endswith((".html", ".json", ".xml", ".txt")):
        return found  # the theme's and the site's own files, copied as they are
    text = data.decode("utf-8", errors="replace")
    if "\x00" in text:
        found.append("NUL")
    if BIDI_OVERRIDES.search(text):
        found.append("bidi override")
    if path.endswith(".html"):
        scan = _Scan()
        scan.feed(text)
        scan.close()
        found += scan.found
    elif path.endswith(".json"):
        try:
            strings = _json_strings(json.loads(text))
        except ValueError:
            return [*found, "not JSON"]
        # events.json is data: plain text, no markup. Other JSON (timeline.json,
        # whose text TimelineJS renders as HTML; oEmbed's html) may carry HTML,
        # and that HTML must be inert.
        for s in strings:
            if path == "events.json" and MARKUP.search(s):
                found.append(f"markup in events.json: {s[:60]!r}")
            if _url_is_scripty(s):
                found.append(f"script URL in JSON: {s[:60]!r}")
            if "<" in s:
                scan = _Scan()
                scan.feed(s)
                scan.close()
                found += [f"in JSON text: {f}" for f in scan.found]
    elif path.endswith(".xml"):
        # Feed readers render <content type="html">: its unescaped text must be inert too.
        for chunk in re.findall(
            r"<(?:content|summary)[^>]*>(.*?)</(?:content|summary)>", text, re.S
        ):
            scan = _Scan()
            scan.feed(html.unescape(chunk))
            found += [f"feed: {f}" for f in scan.found]
        if re.search(r"javascript:", html.unescape(text), re.I):
            found.append("javascript: in XML")
    return found
