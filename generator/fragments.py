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
instead, as before. The theme's own card is drawn once for every heading
level too (h4 on the timeline, h5 on an actor's page): its `heading` is a
`Level`, printed as another marker, on the same terms.
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
# A fragment drawn for every depth: its text between markers, whether it links
# home, whether it prints a heading level (a card drawn for every level).
Cut = tuple[tuple[str, ...], bool, bool]
Kept = tuple[Markup | Cut, frozenset[Read]]
# A fragment's key: its template, what it was given (a card: its event's ref
# and heading; a shared partial: each name and digest), and the page's base.
Key = tuple[str, str | tuple[str, ...], str]
KeyAt = tuple[str, str | tuple[str, ...], str, int]  # and the depth it was drawn for
Url = Callable[[str], str]
ANY_DEPTH = -1  # a kept fragment's depth when it is drawn with markers for every depth
_MODEL = (Event, Actor, Term, Story)  # a partial given one is shown by many listings
_JOINS = {"jinja2.runtime", "markupsafe"}  # where `a ~ b` makes text of a link (markup_join)
_UP = tuple("../" * depth for depth in range(16))  # a page's way up, by its depth


def _markup(text: str) -> Markup:
    """`Markup(text)` for a str, without the checks `Markup.__new__` makes."""
    return str.__new__(Markup, text)


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


class Level(int):
    """What `card()` gives a card drawn for every heading level: the level,
    printed as a marker that each page's copy turns into its own level. It
    is an int for Jinja's tests (`is number`); any use but printing it or
    passing it on (`|default`) notes that the card's output may depend on
    the level, and the card is drawn per level instead."""

    def __new__(cls, marks: Marks, level: int) -> Level:
        made = super().__new__(cls, level)
        made._marks = marks  # type: ignore[attr-defined]
        return made

    def __html__(self) -> str:
        return self._marks.level  # type: ignore[attr-defined,no-any-return]

    def __str__(self) -> str:  # as Link's: Jinja's `~` prints it
        marks = self._marks  # type: ignore[attr-defined]
        if sys._getframe(1).f_globals.get("__name__") not in _JOINS:
            marks.spoiled = True
        return marks.level  # type: ignore[no-any-return]

    def __getattribute__(self, name: str) -> Any:  # .real, .bit_length() …
        if name not in ("_marks", "__html__", "__class__", "__dict__"):
            object.__getattribute__(self, "_marks").spoiled = True
        return object.__getattribute__(self, name)


def _spoiling(name: str) -> Callable[..., Any]:
    plain = getattr(int, name)

    def method(self: Level, *args: Any) -> Any:
        self._marks.spoiled = True  # type: ignore[attr-defined]
        return plain(self, *args)

    return method


# Every operation of an int but making one and printing it: compared,
# counted with, made a float, an index or text, hashed. (Python's own
# `"%d" % n` and `json` read an int's value without asking: `Fragments.levels`
# is set only for the theme's own card, which prints its level and no more.)
_AS_INT = {
    *("__new__", "__init__", "__getattribute__", "__setattr__", "__delattr__", "__str__"),
    *("__class__", "__init_subclass__", "__subclasshook__", "__getnewargs__", "__getstate__"),
    *("__reduce__", "__reduce_ex__", "__sizeof__", "__dir__", "__doc__"),
}
for _name in dir(int):
    if _name.startswith("__") and _name not in _AS_INT and callable(getattr(int, _name)):
        setattr(Level, _name, _spoiling(_name))


class Marks:
    """The markers of one Fragments: `url()` for a fragment drawn for every
    depth, and turning its output into one page's copy."""

    def __init__(self) -> None:
        nonce = secrets.token_hex(8)  # content cannot hold it: it is new each process
        self.mark = f"\x00{nonce}\x00"  # "../" once per folder of the page
        self.home = f"\x00{nonce}.\x00"  # the same, "./" at the root (a link to "")
        self.level = f"\x00{nonce}h\x00"  # a card's heading level (`Level`)
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

    def cut(self, html: str) -> Cut:
        """A fragment drawn for every depth, cut at its markers once, so that
        each page's copy is one join (`at`)."""
        return tuple(html.split(self.mark)), self.home in html, self.level in html

    def at(self, cut: Cut, depth: int, level: int = 0) -> Markup:
        parts, home, leveled = cut
        up = _UP[depth] if depth < len(_UP) else "../" * depth
        html = up.join(parts)
        if home:
            html = html.replace(self.home, up or "./")
        if leveled:
            html = html.replace(self.level, str(level))
        return _markup(html)


def called(source: str) -> set[str]:
    """The templates a template's source renders through `card()`, `cards()` and `shared()`
    (Jinja's own reference finder sees only include, import and extends)."""
    names = set(SHARED_CALL.findall(source))
    if "card(" in source or "cards(" in source:
        names.add(CARD)
    return names


class Fragments:
    """The cards and shared partials of one Renderer, kept across builds while
    their reads hold (`begin`)."""

    def __init__(self, env: TrackingEnvironment) -> None:
        self.env = env
        # Kept fragments: one drawn for every depth is kept cut at its markers.
        self._kept: dict[KeyAt, Kept] = {}
        self._marks = Marks()
        self._bound: set[Key] = set()  # drawn per depth (see the top)
        self._checked: set[KeyAt] = set()  # kept and still sound
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
        # Whether a card is drawn once for every heading level (`Level`): the
        # Renderer says so when the card is the theme's own (render.py).
        self.levels = False
        self._recent: dict[KeyAt, None] = {}  # those, oldest first

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
        if key_ref is None:
            return self._drawn(CARD, None, url, {"event": event, "heading": heading})[0]
        # Once for every depth and level (h4 on the timeline, h5 on an actor's
        # page), else as a shared partial given its level.
        key = (CARD, key_ref, base or "")
        if self.levels and not base and type(heading) is int and key not in self._bound:
            every = (*key, ANY_DEPTH)
            found = self._sound(every, False)
            if found is None:
                given = {"event": event, "heading": Level(self._marks, heading)}
                found = self._marked(CARD, key, given, False)
            if found is not None:
                return self._marks.at(found[0], depth, heading)  # type: ignore[arg-type]
        key = (CARD, f"{key_ref}\0{heading}", base or "")
        return self._draw(CARD, key, url, depth, {"event": event, "heading": heading})

    def cards(
        self, url: Url, base: str | None, depth: int, events: Any, heading: int = 3
    ) -> Markup:
        """`{{ cards(events, heading) }}`: each event's card in an `<li>`, the
        same as `<li>{{ card(event, heading) }}</li>` and a line break per
        event, in one call (a listing page shows up to `page_size` cards, and
        a template's call and loop cost more than the card it printed)."""
        card = self.card
        return _markup(
            "".join([f"<li>{card(url, base, depth, e, heading)}</li>\n" for e in events])
        )

    def shared(self, url: Url, base: str | None, depth: int, name: str, **given: Any) -> Markup:
        """`{{ shared("partials/x.html", a=…, b=…) }}`: the partial drawn with
        `a`, `b`, `url` and the globals only, once per distinct `a` and `b`
        (and link depth, as for cards). Given something deps.digest cannot
        follow, it is drawn for this page alone."""
        # What it is given, by name and digest: a pager draws a listing's
        # years on each of its pages, so this runs hundreds of thousands of
        # times a build and makes no string.
        memo = self._given
        key_digest: list[str] = []
        local = True  # given no model object
        for arg in sorted(given) if len(given) > 1 else given:
            value = given[arg]
            found = memo.get(id(value))
            if found is None or found[0] is not value:
                found = (value, digest(value))  # holding the value keeps its id unique
                memo[id(value)] = found
            if found[1] == VOLATILE:
                return self._draw(name, None, url, depth, given)
            if local and type(value) in _MODEL:
                local = False
            key_digest += (arg, found[1])
        return self._draw(name, (name, tuple(key_digest), base or ""), url, depth, given, local)

    def _draw(
        self,
        name: str,
        key: Key | None,
        url: Url,
        depth: int,
        given: Any,
        local: bool = False,  # given no model object: kept within `limit`
    ) -> Markup:
        if key is None:  # drawn for this page alone
            return self._drawn(name, None, url, given)[0]
        # A relative fragment drawn once for every depth, else the one of this depth.
        if not key[2]:
            every = (*key, ANY_DEPTH)
            found = self._sound(every, local)
            if found is not None:
                return self._marks.at(found[0], depth)  # type: ignore[arg-type]
        found = self._sound((*key, depth), local)
        if found is not None:
            return found[0]  # type: ignore[return-value]
        if not key[2] and key not in self._bound:
            found = self._marked(name, key, given, local)
            if found is not None:
                return self._marks.at(found[0], depth)  # type: ignore[arg-type]
        return self._drawn(name, (*key, depth), url, given, local)[0]

    def _marked(self, name: str, key: Key, given: Any, local: bool) -> Kept | None:
        """The fragment drawn once for every depth (with markers), kept; none
        when its output depends on a link (or a card's on its level): then
        `key` is drawn per depth from now on."""
        marks = self._marks
        marks.handed, marks.spoiled = 0, False
        try:
            drawn = self._drawn(name, None, marks.url, given)  # type: ignore[arg-type]
        except Exception:  # a helper that wanted a real link: drawn per depth
            drawn = None
        if drawn is not None and marks.sound(drawn[0]):
            found = (marks.cut(drawn[0]), drawn[1])
            self._keep((*key, ANY_DEPTH), found, local)
            return found
        if drawn is not None:
            self.groups.pop()  # its reads come with the drawing that follows
        self._bound.add(key)  # its output depends on the links: one per depth
        return None

    def _keep(self, key: KeyAt, drawn: Kept, local: bool) -> None:
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

    def _sound(self, key: KeyAt, local: bool) -> Kept | None:
        """A kept fragment, once its reads are found to hold in this build."""
        found = self._kept.get(key)
        if found is None:
            return None
        if key not in self._checked:
            if self._check is not None and self._check[0].holds(found[1], self._check[1]):
                self._checked.add(key)
            else:
                return None
        self.groups.append(found[1])
        if local and key in self._recent:  # the last used goes last (only those are kept there)
            del self._recent[key]
            self._recent[key] = None
        return found

    def _drawn(
        self,
        name: str,
        key: KeyAt | None,
        url: Any,
        given: Any,
        local: bool = False,
    ) -> Fragment:
        outer, self.env.log = self.env.log, set()
        try:
            html = self.env.get_template(name).render(given, url=url)
        finally:
            log, self.env.log = self.env.log, outer
        found = (_markup(html), logged_reads(log))
        if key is not None:
            self._keep(key, found, local)
        self.groups.append(found[1])
        return found
