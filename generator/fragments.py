"""Parts of pages rendered once and shown on many: an event's card, and any
partial a template hands to `shared()`.

A 10,000-event archive has thousands of listing pages, and each shows the
same cards and, for its listing, the same events-per-month strip (420 bars
for 35 years): drawing them again on every page was most of a clean build.
A fragment sees only what it is given, `url` and the globals, never the
page: that is what makes it reusable. It is kept by what it was given (model
objects by identity, everything else by content: deps.digest) and the link
depth of the page (links are relative), with what it read of the model;
those reads are logged on every page that shows it, as one shared set, so a
page is reused by the next build only while its fragments' reads still hold
(deps.py), and a fragment whose reads changed is drawn again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.deps import VOLATILE, Read, Reads, digest
from generator.deps import ref as model_ref
from generator.tracking import TrackingEnvironment
from generator.tracking import reads as logged_reads

CARD = "partials/event-card.html"
# `shared("partials/x.html", …)` in a template: the partials a page renders that way.
SHARED_CALL = re.compile(r"""\bshared\(\s*["']([^"']+)["']""")

Fragment = tuple[Markup, frozenset[Read]]
Url = Callable[[str], str]


def called(source: str) -> set[str]:
    """The templates a template's source renders through `card()` and `shared()`
    (Jinja's own reference finder sees only include, import and extends)."""
    names = set(SHARED_CALL.findall(source))
    if "card(" in source:
        names.add(CARD)
    return names


class Fragments:
    """The cards and shared partials of one Renderer, kept across builds while
    their reads hold (`begin`)."""

    def __init__(self, env: TrackingEnvironment) -> None:
        self.env = env
        self._kept: dict[tuple[str, str, str, int], Fragment] = {}
        self._checked: set[tuple[str, str, str, int]] = set()  # kept and still sound
        self._check: tuple[Reads, dict[Read, str]] | None = None
        self.groups: list[frozenset[Read]] = []  # the fragments the page being rendered shows
        # Digests of what fragments were given, by identity, for one build: a
        # listing's 35 pages hand the strip the same tuple of months.
        self._given: dict[int, tuple[Any, str]] = {}

    def begin(self, reads: Reads, previous: dict[Read, str]) -> None:
        """A new build: a kept fragment is used again only once its reads are
        found to hold (`previous`: the digests of the build that drew it).
        That is checked when a page first asks for it, not here: the listing
        pages a fragment reads are known to `reads` only once the pages that
        hold them are planned (Reads.register)."""
        self._check, self._checked, self._given = (reads, previous), set(), {}

    def end(self) -> None:
        """The build's pages are drawn: let go of its model (the preview frees
        each replaced model by reference counting alone)."""
        self._check, self._given = None, {}

    def card(self, url: Url, base: str | None, depth: int, event: Any, heading: int = 3) -> Markup:
        """An event's card, once per event, base, link depth and heading level:
        the timeline, actor, place and story pages all list the same cards."""
        key_ref = model_ref(event)  # none: not a model event, drawn for this page alone
        key = None if key_ref is None else (CARD, f"{key_ref}\0{heading}", base or "", depth)
        return self._draw(CARD, key, url, {"event": event, "heading": heading})

    def shared(self, url: Url, base: str | None, depth: int, name: str, **given: Any) -> Markup:
        """`{{ shared("partials/x.html", a=…, b=…) }}`: the partial drawn with
        `a`, `b`, `url` and the globals only, once per distinct `a`, `b` and
        link depth. Given something deps.digest cannot follow, it is drawn for
        this page alone."""
        key_digest = self._digest(given)
        key = None if key_digest == VOLATILE else (name, key_digest, base or "", depth)
        return self._draw(name, key, url, given)

    def _digest(self, given: dict[str, Any]) -> str:
        parts = []
        for name in sorted(given):
            value = given[name]
            found = self._given.get(id(value))
            if found is None or found[0] is not value:
                found = (value, digest(value))  # holding the value keeps its id unique
                self._given[id(value)] = found
            if found[1] == VOLATILE:
                return VOLATILE
            parts.append(f"{name}={found[1]}")
        return "\0".join(parts)

    def _draw(
        self, name: str, key: tuple[str, str, str, int] | None, url: Url, given: dict[str, Any]
    ) -> Markup:
        found = self._kept.get(key) if key is not None else None
        if found is not None and key not in self._checked:
            if self._check is not None and self._check[0].holds(found[1], self._check[1]):
                self._checked.add(key)  # type: ignore[arg-type]
            else:
                found = None
        if found is None:
            outer, self.env.log = self.env.log, set()
            try:
                html = self.env.get_template(name).render(given, url=url)
            finally:
                log, self.env.log = self.env.log, outer
            found = (Markup(html), logged_reads(log))
            if key is not None:
                self._kept[key] = found
                self._checked.add(key)
        self.groups.append(found[1])
        return found[0]
