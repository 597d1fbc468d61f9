"""Static oEmbed: one JSON file per embeddable page (timeline, actor, tag, place).

A page names its file in a discovery `<link type="application/json+oembed">`;
a consumer such as WordPress fetches it and keeps little more than a bare
`<iframe>` from its `html`, which is why that is all `html` holds. WordPress
then sandboxes the iframe (`allow-scripts`, an opaque origin) and adds a
`#?secret=` to its URL; the widget answers with WordPress's own `height` and
`link` messages (themes/default/static/js/widget.js).
"""

from __future__ import annotations

import json
from html import escape

from generator.config import SiteConfig
from generator.publish import absolute_base, href
from generator.publish.embed import WIDGET_HEIGHT, widget_url

WIDTH = 600


def oembed_path(scope_path: str) -> str:
    """Where a scope's oEmbed file is published: beside its widget."""
    return f"embed/{scope_path}oembed.json"


def oembed_url(config: SiteConfig, scope_path: str) -> str:
    return href(absolute_base(config.base_url), oembed_path(scope_path))


def oembed_json(config: SiteConfig, scope_path: str, title: str) -> bytes:
    """The oEmbed response (type `rich`) for one scope; needs a base_url."""
    base = absolute_base(config.base_url)
    src = escape(widget_url(config, scope_path), quote=True)
    label = escape(f"خط زمني: {title}", quote=True)
    html = (
        f'<iframe src="{src}" title="{label}" width="{WIDTH}" height="{WIDGET_HEIGHT}" '
        'frameborder="0" loading="lazy"></iframe>'
    )
    data = {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": config.title,
        "provider_url": base,
        "html": html,
        "width": WIDTH,
        "height": WIDGET_HEIGHT,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
