"""TimelineJS text (HTML) → plain text and Markdown for tarikh's event files.

TimelineJS's headline and text are HTML. tarikh's titles are plain text and
its bodies Markdown (sanitised when built), so tags become paragraph breaks,
emphasis and links, and whatever holds no text of its own (<script>, <img>,
<iframe>…) is left out and named, so that the import can say so: nothing is
dropped silently.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.arabic.normalize import clean

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "table", "tr", "hr", "pre",
}  # fmt: skip
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
# Elements whose content is not text a reader sees, or that carry none.
_OPAQUE = {"script", "style", "template", "noscript", "iframe", "object", "svg", "math"}
_VOID_MEDIA = {"img", "embed", "video", "audio", "source", "input"}
_HTTP = re.compile(r"(?i)^https?://\S+$")


class _Text(HTMLParser):
    def __init__(self, links: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.links = links
        self.parts: list[str] = []
        self.skipped: list[str] = []  # tags left out, for the report
        self._opaque = 0
        self._href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _OPAQUE:
            self._opaque += 1
            self.skipped.append(f"<{tag}>")
        elif tag in _VOID_MEDIA:
            self.skipped.append(f"<{tag}>")
        elif self._opaque:
            return
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "li" else "\n\n- ")
        elif tag in _EMPHASIS and self.links:
            self.parts.append(_EMPHASIS[tag])
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            ok = self.links and _HTTP.match(href) is not None
            self._href.append(href if ok else None)
            if ok:
                self.parts.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in _OPAQUE:
            self._opaque = max(0, self._opaque - 1)
        elif self._opaque:
            return
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _EMPHASIS and self.links:
            self.parts.append(_EMPHASIS[tag])
        elif tag == "a" and self._href:
            href = self._href.pop()
            if href:
                self.parts.append(f"]({href.replace(')', '%29')})")

    def handle_data(self, data: str) -> None:
        if not self._opaque:
            self.parts.append(data)


def _parse(text: str, links: bool) -> tuple[str, list[str]]:
    parser = _Text(links)
    parser.feed(text)
    parser.close()
    return "".join(parser.parts), sorted(set(parser.skipped))


def html_to_line(text: str) -> tuple[str, list[str]]:
    """A headline: one line of plain text, and the tags that were left out."""
    raw, skipped = _parse(text, links=False)
    return clean(" ".join(raw.split())), skipped


def html_to_markdown(text: str) -> tuple[str, list[str]]:
    """A body: paragraphs of plain text with emphasis and http(s) links as
    Markdown, and the tags that were left out."""
    raw, skipped = _parse(text, links=True)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
    body = "\n\n".join(clean(p) for p in paragraphs if p.strip() and p.strip() != "-")
    return body, skipped
