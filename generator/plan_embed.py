"""The plan of the embeddable widget: which widget pages exist and what each shows.

A widget exists for the whole timeline (`embed/`) and for every actor, tag and
place with events (`embed/actors/<slug>/`, …). A scope too long for one page
is cut like any listing (by year, then month: `plan.paginate`), but the
widget opens on its latest page, since a news article embeds what is new; the
others are loaded when a reader moves the time axis to them. So no widget
page grows with the archive past one page of events and the axis data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.config import SiteConfig
from generator.deps import track
from generator.model import Event, SiteModel
from generator.plan import Page, Section, paginate, periods
from generator.publish.embed import Axis, axis_shared, day_number, snippet
from generator.publish.oembed import oembed_url


@dataclass(frozen=True)
class Scope:
    """Something a news site can embed: the timeline, an actor, a tag, a place."""

    kind: str  # "timeline" | "actor" | "tag" | "place"
    path: str  # the scope's page, output-relative ("" for the timeline)
    title: str
    events: list[Event]

    @property
    def widget(self) -> str:
        return f"embed/{self.path}"


# A widget page's scope holds all its events; reads of it are followed (deps.py),
# so a page is not re-rendered for an event it does not show.
track(Scope, lambda s: f"w:{s.kind}:{s.path}")


def scopes(model: SiteModel, title: str) -> list[Scope]:
    out = [Scope("timeline", "", title, model.events)]
    out += [Scope("actor", a.path, a.name, a.events) for a in model.actors if a.events]
    for terms in (model.places, model.tags):
        out += [Scope(t.kind, t.path, t.name, t.events) for t in terms if t.events]
    return out


def embed_info(config: SiteConfig, scope: Scope) -> dict[str, str] | None:
    """What a scope's own page offers about embedding (its snippet and oEmbed
    discovery link); None without a base_url, since both need absolute URLs."""
    if not config.base_url:
        return None
    return {
        "snippet": snippet(config, scope.path, scope.title),
        "oembed": oembed_url(config, scope.path),
        "title": scope.title,
    }


def _span(section: Section) -> tuple[int, int]:
    dated = [e.date.start for e in section.events if e.date is not None]
    if not dated:
        return (0, 0)
    return day_number(min(dated)), day_number(max(dated))


def plan_embeds(
    model: SiteModel,
    config: SiteConfig,
    months: tuple[str, ...],
) -> list[Page]:
    """Every widget page. Whether a rebuild reuses one is decided by what its
    render read (deps.py)."""
    pages: list[Page] = []
    known = periods(model.events, config.calendar)
    for scope in scopes(model, config.title):
        sections = paginate(
            scope.events, scope.widget, config.page_size, config.calendar, True, known
        )
        spans = [(*_span(s), s.path) for s in sections]
        key, shared = axis_shared(scope.events, config, months, spans)  # once per scope
        for i, section in enumerate(sections):
            path = f"{section.path}index.html"
            axis = Axis(key, path, i, len(sections) > 1, shared)
            shown = section.events[::-1] if config.order == "desc" else section.events
            context: dict[str, Any] = {
                "page": {"path": path, "title": scope.title, "kind": "embed"},
                "scope": scope,
                "events": shown,
                "total": len(scope.events),
                "section": section,
                "sections": sections if len(sections) > 1 else [],
                "axis": axis,
                "embed": embed_info(config, scope),
            }
            deps = frozenset().union(*[e.files for e in section.events])
            pages.append(Page(path, "embed.html", context, deps, f"the widget of {scope.widget}"))
    return pages
