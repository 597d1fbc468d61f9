"""A site's theme chain, and how its templates are read.

A site's own `templates/` overrides single files of its theme; a theme's
`theme.toml` may `extends` another theme, and `{% extends "!default/base.html" %}`
reaches a named theme's file directly (Pelican's PrefixLoader idea).

The templates tarikh ships are read with each line's indentation and the
empty lines taken out (`ThemeLoader`): the indentation is there for whoever
edits a template, and was a twentieth of every page's bytes (a 10,000-event
site is mostly the same cards on many listing pages). HTML makes nothing of
whitespace at the start of a line, as long as the line break stays, and no
template of ours has a `<pre>` or a multi-line `<textarea>`. A site's own
templates are read as they are written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.config import SiteConfig
from generator.errors import ConfigError

BUILTIN_THEMES = Path(__file__).parent / "themes"
if not BUILTIN_THEMES.is_dir():  # running from a source checkout
    BUILTIN_THEMES = Path(__file__).parent.parent / "themes"


@dataclass(frozen=True)
class Theme:
    """A resolved theme chain: the site's overrides first, then each theme."""

    names: tuple[str, ...]
    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]


def _theme_dir(name: str, site: Path) -> Path | None:
    for base in (site / "themes", BUILTIN_THEMES):
        if (base / name / "templates").is_dir():
            return base / name
    return None


def resolve_theme(config: SiteConfig, site: Path) -> Theme:
    names: list[str] = []
    name: str | None = config.theme
    while name:
        if name in names:
            raise ConfigError(f"themes extend each other in a loop: {' → '.join([*names, name])}")
        path = _theme_dir(name, site)
        if path is None:
            known = sorted(
                p.name
                for base in (site / "themes", BUILTIN_THEMES)
                if base.is_dir()
                for p in base.iterdir()
                if (p / "templates").is_dir()
            )
            raise ConfigError(
                f"the theme {name!r} is not installed; available themes are: {', '.join(known)}",
                file=str(site / "site.toml"),
            )
        names.append(name)
        name = None
        meta = path / "theme.toml"
        if meta.is_file():
            try:
                name = tomllib.loads(meta.read_text(encoding="utf-8")).get("extends")
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"invalid theme.toml: {exc}", file=str(meta)) from None
    dirs = [_theme_dir(n, site) for n in names]
    site_templates = [site / "templates"] if (site / "templates").is_dir() else []
    site_static = [site / "static"] if (site / "static").is_dir() else []
    return Theme(
        names=tuple(names),
        template_dirs=(*site_templates, *(d / "templates" for d in dirs if d)),
        static_dirs=(*site_static, *(d / "static" for d in dirs if d)),
    )


_BREAK = re.compile(r"\n[ \t\n]*")
# Jinja drops the line break right after these (trim_blocks), unless `-` drops
# all the whitespace after them anyway.
_TRIMS = ("%}", "#}")
_STRIPS = ("-%}", "-#}")


def trimmed(source: str) -> str:
    """A template's source without the indentation of its lines and its empty
    lines, and with the same whitespace where it printed any: a line break
    Jinja keeps stays one; after a tag whose line break Jinja drops, the
    indentation it printed is one space."""

    def one(found: re.Match[str]) -> str:
        at, run = found.start(), found.group()
        if run != "\n" and source.endswith(_TRIMS, 0, at) and not source.endswith(_STRIPS, 0, at):
            return "\n "  # Jinja drops the "\n"; the space stays, as the indentation did
        return "\n"

    return _BREAK.sub(one, source)


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's FileSystemLoader, giving tarikh's own themes' templates `trimmed`
    (the module says why). What it gives is what is compiled, digested
    (Renderer.template_digest) and cached (template_cache keys by source)."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        if filename is not None and _shipped(filename):
            source = trimmed(source)
        return source, filename, uptodate


def _shipped(filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(_SHIPPED)


_SHIPPED = BUILTIN_THEMES.resolve()


# The shipped pager's chip for a page (partials/pager-year.html): a link,
# and the same chip for the page that shows it.
_CHIP = '<a class="chip" href="{}">'
_HERE = '<span class="chip chip--current" aria-current="page">'


def pager_here(html: str, target: str) -> Markup | None:
    """`{{ years|pager_here(url(section.path)) }}`: the shipped pager's list
    of all a listing's pages (drawn once per listing with `shared()`, no page
    marked) with this page's chip marked as pager-year.html marks it, or none
    when the list has no link to `target` (then the page draws it itself).
    A link's text holds no other link, so the first `</a>` after it ends it."""
    for href in (target, str(escape(target))):
        start = html.find(_CHIP.format(href))
        if start >= 0:
            break
    else:
        return None
    inner = start + len(_CHIP.format(href))
    end = html.find("</a>", inner)
    if end < 0:
        return None
    return Markup(f"{html[:start]}{_HERE}{html[inner:end]}</span>{html[end + 4 :]}")
