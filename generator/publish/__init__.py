"""The machine-readable outputs, one module per format.

`records` (the extraction record and events.json), `atom` (feeds), `sitemap`,
`timelinejs` (TimelineJS3's JSON), `oembed` and `embed` (the widget's data
and the host page's script). Each takes the model and the config and returns
bytes; the build decides where they go.
"""

from __future__ import annotations

from urllib.parse import quote


def absolute_base(base_url: str) -> str:
    """The site's base URL ending in one slash, or "" when none is set."""
    return base_url.rstrip("/") + "/" if base_url else ""


def href(base: str, path: str) -> str:
    """Arabic slugs percent-encoded: feed readers and crawlers want plain URIs."""
    return base + quote(path, safe="/")


def isolate(text: str) -> str:
    """Plain-text contexts cannot use <bdi>: wrap in FSI…PDI so Latin and
    numbers inside Arabic do not reorder the title in feed readers."""
    return f"\u2068{text}\u2069"
