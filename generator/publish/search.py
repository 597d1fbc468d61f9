"""Search: a Pagefind index of every event and actor, folded the Arabic way.

Pagefind (its PyPI package ships the binary) stems Arabic but does not fold
alef and hamza forms, alef maqsura, taa marbuta, harakat or tatweel: a reader
who types «الاسد» would miss «الأسد». So what Pagefind indexes is our own
matching key (`normalize`), and `static/js/search.js` folds the query the same
way; what a reader sees of a result (title, date, text) rides along as
Pagefind metadata, as written.

The index is made by the Pagefind binary's indexing service, one custom
record per event and actor (pagefind.py's `build_index`), in shards of about a thousand
records (`split`) that the search page merges. Each shard is a pure function
of its records, so the build reuses it while its records' digest holds, and
an edit re-indexes one shard, not the site. A shard is first known by what
its records are made from (`Entry`: each event's digest, plan.py), so the
records of a shard that is reused are not even made.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from generator.arabic.normalize import normalize
from generator.model_objects import SiteModel
from generator.plan import Page
from generator.publish.pagefind import PREFIX, build_index, version
from generator.write import SiteFiles, file_stat


@dataclass(frozen=True)
class Record:
    path: str  # output-relative URL of the page, e.g. "events/<slug>/"
    kind: str  # "event" | "actor"
    title: str  # as written
    date: str  # as the pages show it (events), or the actor's kind
    text: str  # a short excerpt, as written
    key: str  # what is matched: folded title, text, names, places


@dataclass(frozen=True)
class Entry:
    """A record to be, known by what it is made from: its page's path, and a
    digest of everything the record shows (an event's digest holds its
    title, text, date, actors', places' and tags' names: plan.event_digest)."""

    path: str
    made_from: str
    event: Any = None  # the event whose record this is
    record: Record | None = None  # an actor's record, made at once (it is cheap)


def entries(model: SiteModel, digests: dict[str, str]) -> list[Entry]:
    """What search can find, each record not yet made: every event and every
    actor with a page (`digests`: each event's, plan.event_digests)."""
    out = [Entry(e.path, digests[e.id], e) for e in model.events]
    for a in model.actors:
        if not (a.events or a.reviewed):
            continue
        words = [a.name, *a.aliases, *(r.title for r in a.roles)]
        r = Record(a.path, "actor", a.name, a.kind_label, "", normalize(" ".join(words)))
        out.append(Entry(r.path, _joined(r), record=r))
    return out


def records(
    model: SiteModel, gdate: Callable[[Any], str], hdate: Callable[[Any], str]
) -> list[Record]:
    """What search can find: every event and every actor with a page.

    `gdate` and `hdate` format an event date the way the pages do
    (render.Formatter): results show both calendars."""
    return [made(e, gdate, hdate) for e in entries(model, {e.id: "" for e in model.events})]


def made(entry: Entry, gdate: Callable[[Any], str], hdate: Callable[[Any], str]) -> Record:
    """The record of an entry."""
    return entry.record or _event_record(entry.event, gdate, hdate)


def _event_record(e: Any, gdate: Callable[[Any], str], hdate: Callable[[Any], str]) -> Record:
    names = [p.actor.name for p in e.actors] + [t.name for t in (*e.places, *e.tags)]
    text = e.text if e.text != e.title else ""
    return Record(
        e.path,
        "event",
        e.title,
        f"{gdate(e.date)} · {hdate(e.date)}" if e.date else "",
        text[:240],
        normalize(" ".join([e.title, text, *names])),
    )


def _joined(r: Record) -> str:
    # fields joined by separators no field holds (they are text)
    return "\x1f".join((r.path, r.kind, r.title, r.date, r.text, r.key))


def index_key(items: list[Record]) -> str:
    """The digest an index is reused by: the records and Pagefind's version."""
    h = hashlib.blake2b(digest_size=16)
    h.update(version().encode())
    for r in items:
        h.update(_joined(r).encode() + b"\x1e")
    return h.hexdigest()


def entries_key(items: list[Entry], salt: str) -> str:
    """What a shard's records are made from: their entries, Pagefind's
    version and `salt` (the config, which writes the dates they show)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{version()}\x1e{salt}\x1e".encode())
    for e in items:
        h.update(f"{e.path}\x1f{e.made_from}\x1e".encode())
    return h.hexdigest()


def _indexed(planned: list[tuple[str, str, str, Any]]) -> Iterator[Mapping[str, bytes]]:
    """Each shard's files, in order: those to be made (a list of records) by
    Pagefind children side by side, one a core (each is a process of its own:
    the threads only wait on their pipes), the others as found."""
    todo = [(rs, where) for where, _, _, rs in planned if isinstance(rs, list) and rs]
    if len(todo) < 2:
        made = iter([build_index(*job) for job in todo])
    else:
        from concurrent.futures import ThreadPoolExecutor  # (not for a small site)

        with ThreadPoolExecutor(min(len(todo), os.cpu_count() or 1)) as pool:
            made = iter(list(pool.map(lambda job: build_index(*job), todo)))
    for _, _, _, found in planned:
        yield (next(made) if found else {}) if isinstance(found, list) else found


SHARD_SIZE = 1000  # records an index holds, about: an edit re-indexes one such shard
_Item = TypeVar("_Item", Record, Entry)


def shard_dir(n: int) -> str:
    """Where shard `n` goes: the first at pagefind/ itself (a small site has one)."""
    return PREFIX if n == 0 else f"{PREFIX}{n}/"


def split(items: list[_Item]) -> list[list[_Item]]:
    """The records in shards of about SHARD_SIZE, each record's shard fixed by
    its page's path and the number of shards (a power of two, so that it
    changes, and every shard is made again, only when the site doubles)."""
    count = 1
    while count * SHARD_SIZE < len(items):
        count *= 2
    groups: list[list[_Item]] = [[] for _ in range(count)]
    for r in items:
        h = hashlib.blake2b(r.path.encode(), digest_size=4).digest()
        groups[int.from_bytes(h, "big") % count].append(r)
    return groups


class SearchIndex:
    """The index in shards (Pagefind bundles that the search page merges with
    `mergeIndex`), each reused while its records' digest holds, so an edit
    re-indexes the one shard that holds its event (a few hundred records).

    Kept in memory across the preview's rebuilds; a new `tarikh build` takes a
    shard back from output/ when `tarikh-index.json` there names the same
    digest and every file of it still is as written: by its stat() when the
    last write's record says what that was (its bytes stay on disk), else by
    reading it and checking its digest.

    `keys` names each shard's records' digest by what they were made from
    (`entries_key`), kept in the cache between `tarikh build` runs
    (publish/site.py): a shard whose entries are as they were is reused by
    that digest without its records being made (a shard's records are made
    again only when it is).
    """

    STAMP = PREFIX + "tarikh-index.json"

    def __init__(self, output: Path | None) -> None:
        self.output = output
        self._last: dict[tuple[str, str], Mapping[str, bytes]] = {}
        self.keys: dict[str, str] = {}  # entries_key → index_key, of the last build's shards

    def files(
        self,
        items: list[Entry],
        make: Callable[[Entry], Record],
        salt: str,
        known: Mapping[str, object] | None = None,
    ) -> SiteFiles:
        """The index's files (kept on disk where output/ holds them already);
        `make` makes an entry's record, `salt` is what else they depend on."""
        groups = split(items)
        old = self._stamp()
        out = SiteFiles(self.output)
        shards: list[dict[str, Any]] = []
        last: dict[tuple[str, str], Mapping[str, bytes]] = {}
        keys: dict[str, str] = {}
        planned: list[tuple[str, str, str, Mapping[str, bytes] | list[Record]]] = []
        for n, group in enumerate(groups):
            where = shard_dir(n)
            made_from = entries_key(group, where + "\x1f" + salt)
            key = self.keys.get(made_from)
            found = None if key is None else self._reused(where, key, old, known)
            if found is None:
                records = [make(e) for e in group]
                key = index_key(records)
                found = self._reused(where, key, old, known)
            planned.append((where, made_from, key, records if found is None else found))
        for (where, made_from, key, _), found in zip(planned, _indexed(planned), strict=True):
            keys[made_from] = key
            last[(where, key)] = found
            for rel in found:
                out.take(found, rel)
            shards.append({"path": where, "key": key, "files": sorted(found)})
        self._last, self.keys = last, keys
        whole = hashlib.blake2b("".join(s["key"] for s in shards).encode(), digest_size=16)
        stamp = {
            "key": whole.hexdigest(),
            "files": {rel: out.sha(rel) for rel in sorted(out)},
            # What the search page loads: the first shard, then the others merged.
            "shards": [s for s in shards if s["files"]],
        }
        out[self.STAMP] = (json.dumps(stamp, indent=1) + "\n").encode()
        return out

    def _reused(
        self, where: str, key: str, stamp: dict[str, Any], known: Mapping[str, object] | None
    ) -> Mapping[str, bytes] | None:
        """Shard `where` of records of `key`: this process's, or output/'s."""
        found = self._last.get((where, key))
        if found is None:
            found = self._from_output(where, key, stamp, known or {})
        return found

    def _stamp(self) -> dict[str, Any]:
        if self.output is None:
            return {}
        try:
            data = json.loads((self.output / self.STAMP).read_bytes())
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _from_output(
        self, where: str, key: str, stamp: dict[str, Any], known: Mapping[str, object]
    ) -> SiteFiles | None:
        """Shard `where` as output/ holds it, if it was made from records of `key`."""
        if self.output is None:
            return None
        try:
            [shard] = [s for s in stamp.get("shards", ()) if s.get("path") == where]
            if shard.get("key") != key:
                return None
            found = SiteFiles(self.output)
            for rel in shard["files"]:
                sha = stamp["files"][rel]
                if not str(rel).startswith(where) or ".." in str(rel).split("/"):
                    return None
                stat = known.get(rel)
                if stat is not None and file_stat(self.output / rel) == stat:
                    found.keep(rel, sha)
                    continue
                blob = (self.output / rel).read_bytes()
                if hashlib.sha256(blob).hexdigest() != sha:
                    return None
                found[rel] = blob
            return found
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


def search_page() -> Page:
    """The search page (templates/search.html): a box, and results as you type."""
    path = "search/index.html"
    return Page(
        path,
        "search.html",
        {"page": {"path": path, "title": "البحث", "kind": "search"}},
    )
