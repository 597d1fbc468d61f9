"""The knowledge base that ships with tarikh: office-holders and organisations.

A newsroom starts with an empty registry and meets «وزير الخارجية السعودي»
on its first day. The data in `data/` (see README.md there for its format)
says who held each office of the Arab League's states and the powers around
them since 2000, and names the organisations, armed groups and parties the
region's news writes about, each with its source. `entries()` turns it into
registry entries; `merged()` lays a site's own registry over it, the site
winning wherever the two name the same actor.

The data is read once per process: it is part of tarikh, not of a site, and
does not change while tarikh runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.arabic.actor_match import actor_key
from generator.arabic.normalize import slugify
from generator.arabic.registry import ActorEntry, Role
from generator.knowledge import kept
from generator.knowledge.bodies import state_bodies
from generator.knowledge.periods import (
    KnowledgeError,
    Span,
    clip,
    date_of,
    forms_of,
    span_of,
    titles_of,
)

DATA = Path(__file__).parent / "data"
OFFICES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "secretary_general",
    "supreme_leader",
    # Listed for the Arab states from 2015 (`listed_from`), where they make
    # the news: interior, finance, and oil or energy.
    "interior_minister",
    "finance_minister",
    "oil_minister",
    "crown_prince",  # a monarchy's heir, as Gulf and Jordanian copy names him
    "speaker",  # of the parliament (its lower house), where the news names him
)
KINDS = ("person", "organisation", "group", "country")
# The states' own bodies (bodies.py) are given to the registry. Session 6
# left them off: registered, they cost precision, because `tarikh eval`
# resolved names without the outlet's home state and a registered body was
# reported after «في» and inside a title. Session 8 fixed both outside this
# package (evaluate.py, actor_position.py); on, they raise actor F1 on every
# set (held-out 0.791 -> 0.797, gold 0.922 -> 0.941). Off, a site's build
# reads as before session 8 did.
BODIES = True


@dataclass(frozen=True)
class Term:
    """One holder's time in one office, as the data file writes it."""

    file: str
    office: str
    country: str
    name: str
    start: dt.date
    end: dt.date | None
    source: str
    rivals: str | None
    since: dt.date | None  # an office younger than 2000: when it was created
    listed_from: dt.date | None = None  # holders listed from this day only


def _load(path: Path) -> Any:
    """A data file, parsed once per process while it is unchanged: `tarikh
    eval` builds a registry for each outlet's home state from the same files
    (the result is only read, never changed)."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed(path: Path, _mtime: int, _size: int) -> Any:
    import yaml

    try:
        loader = yaml.CSafeLoader
    except AttributeError:  # PyYAML without libyaml: slower, same result
        loader = yaml.SafeLoader  # type: ignore[assignment,misc]
    return yaml.load(path.read_text("utf-8"), Loader=loader)  # a safe loader


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: expected a list of names")
    return [v.strip() for v in value]


def terms(data: Path = DATA) -> Iterator[Term]:
    """Every holder of every office, in file order; raises KnowledgeError on
    a broken file (the test suite reads them all)."""
    for path in sorted((data / "states").glob("*.yaml")):
        doc = _load(path) or {}
        country = doc.get("country")
        offices = doc.get("offices")
        if not isinstance(country, str) or not isinstance(offices, dict):
            raise KnowledgeError(f"{path.name}: needs 'country' and 'offices'")
        for office, spec in offices.items():
            where = f"{path.name} › {office}"
            if office not in OFFICES or not isinstance(spec, dict):
                raise KnowledgeError(f"{where}: not one of {', '.join(OFFICES)}")
            for holder in spec.get("holders") or []:
                name = holder.get("name") if isinstance(holder, dict) else None
                if not isinstance(name, str) or not name.strip():
                    raise KnowledgeError(f"{where}: a holder needs a 'name'")
                at = f"{where} › {name}"
                source = holder.get("source")
                if not isinstance(source, str) or not source.startswith("https://"):
                    raise KnowledgeError(f"{at}: 'source' must be an https:// URL")
                end = holder.get("to")
                since = spec.get("since")
                listed = spec.get("listed_from")
                yield Term(
                    path.name,
                    office,
                    country,
                    name.strip(),
                    date_of(holder.get("from"), at),
                    None if end is None else date_of(end, at),
                    source,
                    spec.get("rivals"),
                    None if since is None else date_of(since, f"{where} › since"),
                    None if listed is None else date_of(listed, f"{where} › listed_from"),
                )


@cache
def _home(data: Path) -> dict[str, Any]:
    path = data / "home.yaml"
    return (_load(path) or {}) if path.exists() else {}


def countries(data: Path = DATA) -> dict[str, str]:
    """The states the knowledge base knows, by name: name → file. Every
    build of a site with a `country` checks it, so the answer is kept in the
    user's cache as the entries are (parsing every state's YAML for it was
    a tenth of a second)."""
    states = sorted((data / "states").glob("*.yaml"))
    where = kept.folders(None)
    key = hashlib.blake2b(b"countries", digest_size=16)
    for path in states:
        key.update(path.name.encode() + b"\0" + path.read_bytes())
    found = where and kept.load(where, "countries", key.hexdigest(), _names_of_states)
    if found:
        return found  # type: ignore[no-any-return]
    made = {str((_load(p) or {}).get("country")): p.name for p in states}
    kept.keep(where, "countries", key.hexdigest(), made)
    return made


def _names_of_states(found: Any) -> bool:
    return isinstance(found, dict) and all(type(k) is type(v) is str for k, v in found.items())


def home_of(code: str, data: Path = DATA) -> str | None:
    """A state's name from its ISO 3166 code («IQ» → «العراق»), or None."""
    return _home(data).get("codes", {}).get(code.upper())


_READ: dict[tuple[Path, str | None], tuple[ActorEntry, ...]] = {}
# The folded keys of each entry's names (`merged` compares them), by the id of
# the tuple `entries` gave out; the tuple is held so that its id stays its own.
_KEYS: dict[int, tuple[tuple[ActorEntry, ...], tuple[tuple[str, ...], ...]]] = {}


def entries(
    data: Path = DATA, home: str | None = None, cache_dir: Path | None = None
) -> tuple[ActorEntry, ...]:
    """The knowledge base as registry entries: one per person (however many
    offices they held), organisation, group and party. With a `home` state,
    its offices also go by the titles a newsroom writes for its own country
    alone («رئيس الجمهورية», «وزير الخارجية»: data/home.yaml).

    Reading the YAML is most of a new site's registry. With `cache_dir` (a
    site's .tarikh-cache, given by a build) the entries are kept as a checked
    pickle (cache.py: a damaged, older or planted file is a miss, and runs no
    code), keyed by the data's bytes and tarikh's code, and read back in a few
    milliseconds: in tarikh's folder of the user's cache, where every new
    site's first build finds it (template_cache.user_cache), or, when that is
    turned off or cannot be written, in `cache_dir`. Kept once per process and
    home state (tarikh's own data, read-only), whatever the site."""
    found = _READ.get((data, home))
    if found is None:
        folders = [] if cache_dir is None else kept.folders(cache_dir)
        found = _READ[(data, home)] = _entries_via(data, home, *folders)
    return found


def _entries_via(data: Path, home: str | None, *folders: Path | None) -> tuple[ActorEntry, ...]:
    """Read the base: from the first of `folders` that holds a current compiled
    copy, else from the YAML (then the copy is written to the first folder
    that takes it). The copy holds each entry's name keys as well, which
    `merged` would otherwise fold again per build."""
    where = [f for f in folders if f is not None]
    if not where:
        return _entries(data, home)
    key = hashlib.blake2b(f"{home}\0{BODIES}".encode(), digest_size=16)
    for path in (*sorted(Path(__file__).parent.glob("*.py")), *sorted(data.rglob("*.yaml"))):
        key.update(path.read_bytes())  # this package's code, then its data
    # (The folding and slug code of generator/arabic is in cache.py's code key.)
    found = kept.load(where, "knowledge", key.hexdigest(), _well_formed)
    if found is not None:
        _KEYS[id(found[0])] = found
        return found[0]  # type: ignore[no-any-return]
    built = _entries(data, home)
    _KEYS[id(built)] = (built, _name_keys(built))
    if (folder := kept.keep(where, "knowledge", key.hexdigest(), _KEYS[id(built)])) is not None:
        for old in folder.glob("knowledge-*.json"):  # earlier versions' copy
            old.unlink(missing_ok=True)
    return built


def _well_formed(found: Any) -> bool:
    """A loaded copy of the shape `_entries_via` saves (its checksum already held)."""
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], tuple)
        and isinstance(found[1], tuple)
        and len(found[0]) == len(found[1])
        and all(isinstance(e, ActorEntry) for e in found[0])
    )


def _name_keys(found: tuple[ActorEntry, ...]) -> tuple[tuple[str, ...], ...]:
    """Each entry's names, folded as `merged` compares them."""
    return tuple(tuple({actor_key(n): None for n in (e.name, *e.aliases)}) for e in found)


def _bare(data: Path, office: str, spec: dict[str, Any], where: str) -> list[tuple[str, Span]]:
    """The titles a newsroom writes for its own state's office without the
    state («رئيس الجمهورية», «عاهل البلاد»): home.yaml's for the office (for
    the head of state, those of its form in each period), and the office's
    own `home_titles` («رئيس مجلس السيادة» in Sudan)."""
    words = _home(data).get("titles", {}).get(office, [])
    if isinstance(words, dict):  # by form of state
        found = [(t, span) for form, span in forms_of(spec, where) for t in words.get(form, [])]
    else:
        found = [(t, (None, None)) for t in words]
    return found + titles_of(spec.get("home_titles"), f"{where} › home_titles")


def _entries(data: Path, home: str | None) -> tuple[ActorEntry, ...]:
    people: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    bodies: list[ActorEntry] = []
    templates = _home(data).get("bodies") or []
    for path in sorted((data / "states").glob("*.yaml")):
        doc = _load(path) or {}
        own = home is not None and doc.get("country") == home
        bodies += state_bodies(doc, templates, own, path.name)
        for office, spec in (doc.get("offices") or {}).items():
            where = f"{path.name} › {office}"
            titles = titles_of(spec.get("titles"), f"{where} › titles")
            if not titles:
                raise KnowledgeError(f"{where}: an office needs its titles")
            bare = _bare(data, office, spec, where)  # checked in every newsroom
            if own:
                titles += [t for t in bare if t not in titles]
            for holder in spec.get("holders") or []:
                name = str(holder["name"]).strip()
                key = actor_key(name)
                person = people.get(key)
                if person is None:
                    person = people[key] = {"name": name, "aliases": {}, "roles": {}, "src": {}}
                    order.append(key)
                for alias in _strings(holder.get("aliases"), f"{path.name} › {name}"):
                    person["aliases"][alias] = None
                term = span_of(holder, f"{path.name} › {name}")
                if term[0] is None:
                    raise KnowledgeError(f"{path.name} › {name}: a holder needs 'from'")
                # A rival line's holder goes by its own titles («رئيس المجلس
                # السياسي الأعلى»), leaving the office's to the recognised line.
                line = titles_of(holder.get("titles"), f"{path.name} › {name} › titles")
                for title, span in line or titles:
                    if (held := clip(term, span)) is not None:
                        person["roles"][Role(title, *held)] = None
                person["src"][str(holder["source"])] = None
    found = [
        ActorEntry(
            slug=slugify(p["name"], max_words=20),
            name=p["name"],
            kind="person",
            aliases=tuple(a for a in p["aliases"] if a != p["name"]),
            roles=tuple(p["roles"]),
            sources=tuple(p["src"]),
            builtin=True,
        )
        for p in (people[k] for k in order)
    ]
    if BODIES:
        found += bodies
    for name in ("organisations", "groups", "parties"):
        path = data / f"{name}.yaml"
        if not path.exists():
            continue
        for item in _load(path) or []:
            where = f"{path.name} › {item.get('name') if isinstance(item, dict) else item!r}"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise KnowledgeError(f"{where}: an entry needs a 'name'")
            kind = item.get("kind", "organisation")
            if kind not in KINDS:
                raise KnowledgeError(f"{where}: kind must be one of {', '.join(KINDS)}")
            source = item.get("source")
            if not isinstance(source, str) or not source.startswith("https://"):
                raise KnowledgeError(f"{where}: 'source' must be an https:// URL")
            found.append(
                ActorEntry(
                    slug=slugify(item["name"], max_words=20),
                    name=item["name"].strip(),
                    kind=kind,
                    aliases=tuple(_strings(item.get("aliases"), where)),
                    sources=(source,),
                    builtin=True,
                )
            )
    return tuple(found)


def merged(site: Iterable[ActorEntry], builtin: Iterable[ActorEntry]) -> list[ActorEntry]:
    """The site's entries, then each built-in entry the site does not name:
    an editor's file wins over the knowledge base when the two share a slug,
    or when any name of one is a name of the other (their file «لافروف»
    with alias «سيرغي لافروف» replaces the built-in «سيرغي لافروف»)."""
    own = list(site)
    slugs = {e.slug for e in own}
    names = {actor_key(n) for e in own for n in (e.name, *e.aliases)}
    noted = _KEYS.get(id(builtin))
    if noted is None or noted[0] is not builtin:  # not a tuple `entries` gave out
        noted = (found := tuple(builtin), _name_keys(found))
    return own + [
        e for e, keys in zip(*noted, strict=True) if e.slug not in slugs and names.isdisjoint(keys)
    ]
