"""Parts of pages rendered once and shown on many: an event's card, and any
partial a template hands to `shared()`.

A 10,000-event archive has thousands of listing pages, and each shows the
same cards and, for its listing, the same events-per-month strip (420 bars
for 35 years): drawing them again on every page was most of a clean build.
A fragment sees only what it is given, `url` and the globals, never the
page: that is what makes it reusable. It is kept by what it was given (model
objects by identity, everything else by content: deps.digest), with what it
read of the model; those reads are logged on every page that shows it, as
one shared set, so a page is reused by the next build only while its
fragments' reads still hold (deps.py), and a fragment whose reads changed is
drawn again.

Links are relative, so the same card says `../../e/x/` on a page two folders
deep and `e/x/` at the root. A fragment is drawn once for every depth: `url()`
hands it a `Link` that prints as a marker (a per-process nonce) followed by
the target, and each page's copy puts its own `../` in place of the markers.
That is sound only when the fragment printed every link as it got it, so
a fragment that did anything else with one (compared it, sliced it, filtered
it, printed it twice or not at all: the markers counted do not match the
links handed out, or the Link saw an operation) is drawn for each depth
instead, as before.
"""

from __future__ import annotations

import re
import secrets
import sys
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.deps import VOLATILE, Read, Reads, digest
from generator.deps import ref as model_ref
from generator.model import Actor, Event, Story, Term
from generator.tracking import TrackingEnvironment
from generator.tracking import reads as logged_reads

CARD = "partials/event-card.html"
# `shared("partials/x.html", …)` in a template: the partials a page renders that way.
SHARED_CALL = re.compile(r"""\bshared\(\s*["']([^"']+)["']""")

Fragment = tuple[Markup, frozenset[Read]]
Url = Callable[[str], str]
ANY_DEPTH = -1  # a kept fragment's depth when it is drawn with markers for every depth
_MODEL = (Event, Actor, Term, Story)  # a partial given one is shown by many listings
_JOINS = {"jinja2.runtime", "markupsafe"}  # where `a ~ b` makes text of a link (markup_join)


class Link:
    """What `url()` gives a fragment drawn for every depth. Printed by Jinja
    (autoescape calls `__html__`), it is the marker and the target; any other
    use (made text, compared, measured, sliced, handed to a helper) notes that
    the fragment's output may depend on the real link: it is drawn per depth."""

    __slots__ = ("_marks", "_target")

    def __init__(self, marks: Marks, target: str) -> None:
        self._marks, self._target = marks, target

    def __html__(self) -> str:  # a link needs no escaping
        return self._marks.text(self._target)

    def _spoiled(self) -> str:
        self._marks.spoiled = True
        return self._marks.text(self._target)

    def __str__(self) -> str:
        # Jinja's own `~` makes text of what it joins: that is printing it.
        # Made text anywhere else (a helper, `|string`), it may be looked at.
        if sys._getframe(1).f_globals.get("__name__") in _JOINS:
            return self._marks.text(self._target)
        return self._spoiled()

    def __eq__(self, other: object) -> bool:
        return self._spoiled() == other

    def __hash__(self) -> int:
        return hash(self._spoiled())

    def __len__(self) -> int:
        return len(self._spoiled())

    def __getattr__(self, name: str) -> Any:  # .startswith(), .split(), [i] …
        return getattr(self._spoiled(), name)

    def __getitem__(self, index: Any) -> Any:
        return self._spoiled()[index]

    def __add__(self, other: Any) -> Any:
        return self._spoiled() + other

    def __radd__(self, other: Any) -> Any:
        return other + self._spoiled()


class Marks:
    """The markers of one Fragments: `url()` for a fragment drawn for every
    depth, and turning its output into one page's copy."""

    def __init__(self) -> None:
        nonce = secrets.token_hex(8)  # content cannot hold it: it is new each process
        self.mark = f"\x00{nonce}\x00"  # "../" once per folder of the page
        self.home = f"\x00{nonce}.\x00"  # the same, "./" at the root (a link to "")
        self.handed = 0
        self.spoiled = False

    def text(self, target: str) -> str:
        return self.mark + target if target else self.home

    def url(self, target: str) -> Link:
        self.handed += 1
        return Link(self, target)

    def sound(self, html: str) -> bool:
        """Whether every link handed out was printed once, as it was."""
        return not self.spoiled and html.count(self.mark) + html.count(self.home) == self.handed

    def at(self, html: str, depth: int) -> Markup:
        up = "../" * depth
        if self.home in html:
            html = html.replace(self.home, up or "./")
        return Markup(html.replace(self.mark, up))


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
        self._marks = Marks()
        self._bound: set[tuple[str, str, str]] = set()  # drawn per depth (see the top)
        self._checked: set[tuple[str, str, str, int]] = set()  # kept and still sound
        self._check: tuple[Reads, dict[Read, str]] | None = None
        self.groups: list[frozenset[Read]] = []  # the fragments the page being rendered shows
        # Digests of what fragments were given, by identity, for one build: a
        # listing's 35 pages hand the strip the same tuple of months.
        self._given: dict[int, tuple[Any, str]] = {}
        # A `tarikh build` (jobs.py) keeps only the `limit` last used of the
        # fragments given no model object (a listing's strip, a pager's year:
        # its pages are drawn one after another), where a preview keeps all
        # for its next build; 0: no limit. Cards, and a partial given an
        # event (a widget item), are shown by many listings: always kept.
        self.limit = 0
        self._recent: dict[tuple[str, str, str, int], None] = {}  # those, oldest first

    def begin(self, reads: Reads, previous: dict[Read, str]) -> None:
        """A new build: a kept fragment is used again only once its reads are
        found to hold (`previous`: the digests of the build that drew it).
        That is checked when a page first asks for it, not here: the listing
        pages a fragment reads are known to `reads` only once the pages that
        hold them are planned (Reads.register)."""
        self._check, self._checked, self._given = (reads, previous), set(), {}

    def end(self, keep: bool = True) -> None:
        """The build's pages are drawn: let go of its model (the preview frees
        each replaced model by reference counting alone), and unless `keep`
        (a `tarikh build`, which draws no more pages) of every fragment."""
        self._check, self._given = None, {}
        if not keep:
            self._kept, self._checked, self._recent = {}, set(), {}

    def card(self, url: Url, base: str | None, depth: int, event: Any, heading: int = 3) -> Markup:
        """An event's card, once per event, base and heading level (and link
        depth, for a card template that does more with a link than print it):
        the timeline, actor, place and story pages all list the same cards."""
        key_ref = model_ref(event)  # none: not a model event, drawn for this page alone
        key = None if key_ref is None else (CARD, f"{key_ref}\0{heading}", base or "")
        return self._draw(CARD, key, url, depth, {"event": event, "heading": heading})

    def shared(self, url: Url, base: str | None, depth: int, name: str, **given: Any) -> Markup:
        """`{{ shared("partials/x.html", a=…, b=…) }}`: the partial drawn with
        `a`, `b`, `url` and the globals only, once per distinct `a` and `b`
        (and link depth, as for cards). Given something deps.digest cannot
        follow, it is drawn for this page alone."""
        key_digest = self._digest(given)
        key = None if key_digest == VOLATILE else (name, key_digest, base or "")
        local = not any(type(v) in _MODEL for v in given.values())
        return self._draw(name, key, url, depth, given, local)

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
        self,
        name: str,
        key: tuple[str, str, str] | None,
        url: Url,
        depth: int,
        given: Any,
        local: bool = False,  # given no model object: kept within `limit`
    ) -> Markup:
        if key is None:  # drawn for this page alone
            return self._drawn(name, None, url, given)[0]
        # A relative fragment drawn once for every depth, else the one of this depth.
        every = (*key, ANY_DEPTH)
        found = self._sound(every) if not key[2] else None
        if found is not None:
            return self._marks.at(found[0], depth)
        found = self._sound((*key, depth))
        if found is not None:
            return found[0]
        if not key[2] and key not in self._bound:
            marks = self._marks
            marks.handed, marks.spoiled = 0, False
            try:
                drawn = self._drawn(name, None, marks.url, given)  # type: ignore[arg-type]
            except Exception:  # a helper that wanted a real link: drawn per depth below
                drawn = None
            if drawn is not None and marks.sound(drawn[0]):
                self._keep(every, drawn, local)
                return marks.at(drawn[0], depth)
            if drawn is not None:
                self.groups.pop()  # its reads come with the drawing below
            self._bound.add(key)  # its output depends on the links: one per depth
        return self._drawn(name, (*key, depth), url, given, local)[0]

    def _keep(self, key: tuple[str, str, str, int], drawn: Fragment, local: bool) -> None:
        self._kept[key] = drawn
        self._checked.add(key)
        if local and self.limit:
            recent = self._recent
            recent[key] = None
            if len(recent) > self.limit:  # drawn again if asked for again: the same bytes
                old = next(iter(recent))
                del recent[old]
                self._kept.pop(old, None)
                self._checked.discard(old)

    def _sound(self, key: tuple[str, str, str, int]) -> Fragment | None:
        """A kept fragment, once its reads are found to hold in this build."""
        found = self._kept.get(key)
        if found is not None and key not in self._checked:
            if self._check is not None and self._check[0].holds(found[1], self._check[1]):
                self._checked.add(key)
            else:
                return None
        if found is not None:
            self.groups.append(found[1])
            if key in self._recent:  # the last used goes last
                del self._recent[key]
                self._recent[key] = None
        return found

    def _drawn(
        self,
        name: str,
        key: tuple[str, str, str, int] | None,
        url: Any,
        given: Any,
        local: bool = False,
    ) -> Fragment:
        outer, self.env.log = self.env.log, set()
        try:
            html = self.env.get_template(name).render(given, url=url)
        finally:
            log, self.env.log = self.env.log, outer
        found = (Markup(html), logged_reads(log))
        if key is not None:
            self._keep(key, found, local)
        self.groups.append(found[1])
        return found
