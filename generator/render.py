"""The render stage's tools: the Jinja environment of a theme chain, and the
Arabic formatting that templates call as filters.

The environment autoescapes everything and uses StrictUndefined, so a typo in
a template is an error with file and line, not an empty string on the page.
Which templates a site's theme chain holds, and how they are read: theme.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from markupsafe import Markup

from generator.arabic.bidi import isolate_latin
from generator.arabic.hijri import HIJRI_MONTHS, to_hijri
from generator.config import SiteConfig
from generator.deps import Read, Reads
from generator.errors import TemplateError
from generator.fragments import CARD, Fragments, called
from generator.publish.embed import script_json
from generator.publish.findable import absolute
from generator.strip import template_helpers
from generator.template_cache import references, template_cache
from generator.theme import BUILTIN_THEMES, Theme, ThemeLoader, pager_here, resolve_theme
from generator.tracking import TrackingEnvironment, finalize, guard_helpers
from generator.tracking import reads as logged_reads

__all__ = ["BUILTIN_THEMES", "Formatter", "Renderer", "Theme", "relative_url", "resolve_theme"]

GREGORIAN_MONTHS = {
    "levant": (
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ),
    "egypt": (
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
    "maghreb": (
        "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ),
}  # fmt: skip
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# ---------------------------------------------------------------- formatting


class Formatter:
    """Dates and numbers the way the site's config asks for them."""

    def __init__(self, config: SiteConfig) -> None:
        self.months = GREGORIAN_MONTHS[config.months]
        self.eastern = config.digits == "arab"
        self.adjust = config.hijri_adjust

    def num(self, value: object) -> str:
        text = str(value)
        return text.translate(_EASTERN) if self.eastern else text

    def gmonth(self, year: int, month: int) -> str:
        if not month:
            return self.num(year)
        return f"{self.months[month - 1]} {self.num(year)}"

    def period(self, group: Any) -> str:
        """A timeline heading: a Year or Month group, in its own calendar."""
        hijri = getattr(group, "calendar", "gregorian") == "hijri"
        month = getattr(group, "month", 0)
        if hijri:
            name = f"{HIJRI_MONTHS[month - 1]} " if month else ""
            return f"{name}{self.num(group.year)} هـ"
        return self.gmonth(group.year, month)

    period.reads = ("calendar", "month", "year")  # type: ignore[attr-defined]  # deps.py

    def gdate(self, date: Any) -> str:
        date = _as_event_date(date, self.adjust)
        if date is None:
            return "تاريخ غير معروف"
        start: dt.date = date.start
        if date.precision == "year":
            text = self.num(start.year)
        elif date.precision == "month":
            text = self.gmonth(start.year, start.month)
        else:
            day = f"{WEEKDAYS[start.weekday()]} {self.num(start.day)}"
            text = f"{day} {self.gmonth(start.year, start.month)}"
        end: dt.date | None = date.end
        if end and end != start:
            text += f" – {self.num(end.day)} {self.gmonth(end.year, end.month)}"
        return text

    def hdate(self, date: Any) -> str:
        date = _as_event_date(date, self.adjust)
        if date is None or date.hijri is None:
            return "التاريخ الهجري غير متاح"
        h = date.hijri
        if date.precision == "year":
            return f"{self.num(h.year)} هـ"
        month = f"{HIJRI_MONTHS[h.month - 1]} {self.num(h.year)} هـ"
        return month if date.precision == "month" else f"{self.num(h.day)} {month}"


def _as_event_date(value: Any, adjust: int) -> Any:
    """Let templates format a plain date (a story's, a role's) like an event's."""
    if isinstance(value, dt.date):
        return SimpleNamespace(
            start=value, end=None, precision="day", hijri=to_hijri(value, adjust)
        )
    return value


def relative_url(page: str, target: str, base_path: str | None = None) -> str:
    """A link from output path `page` to output path `target`.

    Relative, so the site works at a domain root and under a sub-path alike;
    `base_path` is for pages served at any depth (404.html).
    """
    if base_path is not None:
        return base_path + target
    prefix = "../" * page.count("/")
    return prefix + target or "./"


# ---------------------------------------------------------------- environment


class Renderer:
    def __init__(
        self, theme: Theme, config: SiteConfig, version: str, *, preview: bool = False
    ) -> None:
        loaders: dict[str, jinja2.BaseLoader] = {
            name: ThemeLoader(str(d))
            for name, d in zip(theme.names, theme.template_dirs[-len(theme.names) :], strict=True)
        }
        self.env = TrackingEnvironment(
            loader=jinja2.ChoiceLoader(
                [
                    ThemeLoader([str(d) for d in theme.template_dirs]),
                    jinja2.PrefixLoader(loaders, delimiter="/"),
                ]
            ),
            autoescape=True,
            # The Builder makes a new Renderer when any template changes, so no
            # stat() per include per page.
            auto_reload=False,
            # A plain dict for the compiled templates, not Jinja's LRU cache:
            # a theme has a few dozen, and the LRU's lock and reordering on
            # every include of every page was a twentieth of the render.
            cache_size=-1,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=finalize,
            # Compiled templates kept in the user's cache (template_cache.py),
            # by their source, tarikh's code and the settings filters print.
            bytecode_cache=template_cache(repr(config) + version),
        )
        self._bang_prefix(loaders)
        fmt = Formatter(config)
        self.months = fmt.months
        self.env.filters.update(num=fmt.num, gdate=fmt.gdate, hdate=fmt.hdate, year=fmt.num)
        self.env.globals.update(
            site=config,
            version=version,
            gmonth=fmt.gmonth,
            epoch=dt.date(1970, 1, 1),
            # True in `tarikh serve`: editors' file:line may be shown, never on a published page.
            preview=preview,
        )
        self.env.filters["period"] = fmt.period
        # Latin runs in Arabic text as one left-to-right unit (generator/arabic/bidi.py).
        self.env.filters["bidi"] = lambda text: Markup(isolate_latin(str(text)))
        # What partials/seo.html needs: absolute URLs ("" without a base_url), JSON-LD.
        self.env.globals["absolute"] = partial(absolute, config)
        self.env.globals["ld_items"] = _ld_items(self.env, partial(absolute, config))
        self.env.globals["ld_event"] = _ld_event(self.env, partial(absolute, config))
        self.env.filters["ld_json"] = script_json
        self.env.filters["gmonth"] = fmt.gmonth
        filters, helpers = template_helpers(fmt, config.order == "desc")
        self.env.filters.update(filters)
        self.env.globals.update(helpers)
        self.config = config
        self._digests: dict[str, str] = {}
        self.fragments = Fragments(self.env)  # cards and shared partials (fragments.py)
        self.fragments.levels = self._builtin(CARD, set())
        # The shipped pager marks the page in a list drawn once per listing (theme.py).
        self.env.globals["pager_shipped"] = self._builtin("partials/pager-years.html", set())
        self.env.globals["pager_here"] = pager_here

    def begin(self, reads: Reads, previous: dict[Read, str]) -> None:
        """A new build: keep the fragments whose reads all still hold."""
        guard_helpers(self.env)
        self.fragments.begin(reads, previous)

    def _bang_prefix(self, loaders: dict[str, jinja2.BaseLoader]) -> None:
        """Let templates name a theme as `!default/base.html`."""
        choice = self.env.loader
        assert isinstance(choice, jinja2.ChoiceLoader)
        choice.loaders.append(
            jinja2.PrefixLoader({f"!{k}": v for k, v in loaders.items()}, delimiter="/")
        )

    def _builtin(self, name: str, seen: set[str]) -> bool:
        """Whether a template and all it extends, includes or imports are the
        default theme's own files, not a site's or another theme's."""
        if name in seen:
            return True
        seen.add(name)
        try:
            source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
            refs = jinja2.meta.find_referenced_templates(self.env.parse(source, name, filename))
        except (jinja2.TemplateError, OSError):
            return False
        own = BUILTIN_THEMES / "default" / "templates" / name
        if filename is None or Path(filename).resolve() != own.resolve():
            return False
        return all(ref is not None and self._builtin(ref, seen) for ref in refs)

    def template_digest(self, name: str) -> str:
        """A digest of a template and everything it extends or includes.

        Pages are re-rendered when this changes, so an edit to a partial
        re-renders exactly the pages whose templates use it.
        """
        if name in self._digests:
            return self._digests[name]
        self._digests[name] = ""  # cycles: a template that includes itself
        h = hashlib.blake2b(digest_size=16)
        try:
            source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            h.update(b"missing")
            self._digests[name] = h.hexdigest()
            return self._digests[name]
        h.update(source.encode())
        try:
            refs = set(references(self.env, source, name, filename))
        except jinja2.TemplateSyntaxError as exc:
            raise _template_error(exc) from None
        refs |= called(source)  # card() and shared() render partials too
        for ref in sorted(r for r in refs if r):
            h.update(self.template_digest(ref).encode())
        self._digests[name] = h.hexdigest()
        return self._digests[name]

    def compile(self, name: str, seen: set[str] | None = None) -> None:
        """Load a template and what it extends and includes, so that processes
        forked from this one (jobs.py) share the compiled code. A template
        that fails to load fails again, with its message, when a page renders it."""
        seen = set() if seen is None else seen
        for one in (name, CARD):
            if one in seen:
                continue
            seen.add(one)
            try:
                self.env.get_template(one)
                source, filename, _ = self.env.loader.get_source(self.env, one)  # type: ignore[union-attr]
                refs = set(references(self.env, source, one, filename))
                refs |= called(source)
            except (jinja2.TemplateError, OSError):
                continue
            for ref in refs:
                if ref:
                    self.compile(ref, seen)

    def render(self, template: str, page_path: str, context: dict[str, Any]) -> bytes:
        return self.render_tracked(template, page_path, context)[0]

    def render_tracked(
        self, template: str, page_path: str, context: dict[str, Any]
    ) -> tuple[bytes, frozenset[Read], tuple[frozenset[Read], ...]]:
        """A page, with what it read of the model: its own reads, and its cards'
        (one shared set per card)."""
        self.env.log, self.fragments.groups = set(), []
        try:
            html = self._render(template, page_path, context)
            groups = tuple({id(g): g for g in self.fragments.groups}.values())
            return html, logged_reads(self.env.log), groups
        finally:
            self.env.log, self.fragments.groups = None, []

    def _render(self, template: str, page_path: str, context: dict[str, Any]) -> bytes:
        base = self.config.base_path if page_path == "404.html" else None
        try:
            tpl = self.env.get_template(template)
            url = partial(relative_url, page_path, base_path=base)
            depth = page_path.count("/")
            html = tpl.render(
                context,
                url=url,
                card=partial(self.fragments.card, url, base, depth),
                cards=partial(self.fragments.cards, url, base, depth),
                shared=partial(self.fragments.shared, url, base, depth),
            )
        except jinja2.TemplateSyntaxError as exc:
            raise _template_error(exc) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                f"template {exc.name!r} not found (needed by {page_path})"
            ) from None
        except Exception as exc:  # an error inside a template is a template error
            raise _runtime_error(exc, template, page_path) from None
        return html.encode("utf-8")


def _ld_items(env: TrackingEnvironment, url: Any) -> Any:
    """`ld_items(listed, by_name, canonical)`: partials/seo.html's ItemList
    elements (a Jinja loop made four calls per item), read through
    `env.getattr` as the loop read them, so the page logs the same reads."""

    def ld_items(listed: Any, by_name: bool, canonical: str) -> list[dict[str, Any]]:
        field = "name" if by_name else "title"
        out = []
        for position, item in enumerate(listed, 1):
            element = {"@type": "ListItem", "position": position, "name": env.getattr(item, field)}
            if canonical:
                element["url"] = url(env.getattr(item, "path"))
            out.append(element)
        return out

    ld_items._tarikh_guarded = True  # type: ignore[attr-defined]  # its reads are logged: tracking.py
    return ld_items


# schema.org's type for an actor's kind (partials/seo.html has the same table).
LD_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "group": "Organization",
    "country": "Country",
}


def _ld_event(env: TrackingEnvironment, url: Any) -> Any:
    """`ld_event(event, summary, canonical, image)`: an event page's JSON-LD
    (schema.org Event, or CreativeWork without a date) as partials/seo.html
    built it in Jinja, a fifth of the page's render: the same keys in the
    same order, and every read made through `env.getattr`, as the template
    made it, so the page logs the same reads (deps.py)."""
    get = env.getattr

    def ld_event(event: Any, summary: str, canonical: str, image: str) -> dict[str, Any]:
        date = get(event, "date")
        ld: dict[str, Any] = {"@type": "Event" if date else "CreativeWork"}
        ld["name"] = get(event, "title")
        ld["description"] = summary
        if date:
            ld["startDate"] = get(date, "iso")
            end = get(date, "end")
            ld["endDate"] = get(end, "isoformat")() if end else get(date, "iso")
        places = [{"@type": "Place", "name": get(t, "name")} for t in get(event, "places")]
        if places:
            ld["location"] = places
        about = []
        for p in get(event, "actors"):
            actor = get(p, "actor")
            a = {"@type": LD_TYPES.get(get(actor, "kind"), "Organization")}
            a["name"] = get(actor, "name")
            if canonical:
                a["url"] = url(get(actor, "path"))
            about.append(a)
        if about:
            ld["about"] = about
        if image:
            ld["image"] = image
        return ld

    ld_event._tarikh_guarded = True  # type: ignore[attr-defined]  # its reads are logged: tracking.py
    return ld_event


def _template_error(exc: jinja2.TemplateSyntaxError) -> TemplateError:
    return TemplateError(
        f"template syntax: {exc.message}", file=exc.filename or exc.name, line=exc.lineno
    )


def _runtime_error(exc: Exception, template: str, page: str) -> TemplateError:
    file, line = template, None
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".txt", ".js")):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    return TemplateError(
        f"while rendering {page}: {type(exc).__name__}: {exc}", file=file, line=line
    )
