"""What one `tarikh build` leaves for the next one (DESIGN.md, "Rebuilds").

A preview server keeps its last build in memory; a `tarikh build` is a new
process each time, so it keeps the same things in the site's cache folder
(cache.py) instead, and `Builder` re-enters the one pipeline with them:

- `sources`: each content file's last parse, with its size, digest and stat
  (sources.py decides, by git's racy-clean rule, what to read again);
- `understood`: what the Arabic reader made of each sentence, keyed by the
  sentence, its reference date, the build date and the actor registry;
- `publish`: each event's events.json line by the event's digest, each
  timeline.json slide by what it shows, and what each search shard's
  records were made from (publish/site.py);
- `pages`: what each published page read (deps.py), tied to the digest of
  the bytes published, so a page is reused only from an output/ that still
  holds exactly those bytes;
- `last`: the digest of every input of the last published build (content,
  config, options, theme, static files, tarikh itself, the build date) with
  its summary and messages. A build whose inputs digest the same, into an
  output/ whose manifest is the one it wrote and whose files all have the
  stat() they were written with (stamps.py), has nothing to do: it says what
  the last one said and writes nothing. (stamps.py tells most such builds
  sooner, from the inputs' stat(), before this module is even imported.)

Everything here is checked, never trusted: a missing, stale or damaged
entry only means more work. The four large entries are journals (cache.py):
a rebuild after one edit saves the entries it changed, not the site's.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import DiskCache, Journal, Parts
from generator.deps import PageReads, Read
from generator.errors import Diagnostic
from generator.sources import Sources
from generator.stamps import Stamps, still_written
from generator.stamps import load as load_stamps
from generator.write import MANIFEST, SiteFiles, digest, file_stat


@dataclass
class Last:
    """The last published build: what it was made from and what it said."""

    inputs: str
    manifest: str  # digest of the manifest it wrote
    summary: dict[str, int]
    diagnostics: list[Diagnostic]


class Memory:
    """One site's and one output's memory between `tarikh build` runs."""

    def __init__(self, source: Path, output: Path) -> None:
        self.cache = DiskCache(source)
        self.source = source
        self.site = source.resolve().as_posix()
        self.out = output.resolve().as_posix()
        self.output = output
        self._written: list[Stamps | None] = []
        names = ("sources", "understood", "publish", "pages")
        self._journals = {name: Journal(self.cache, name) for name in names}

    def written(self) -> Stamps | None:
        """The record of the last finished write into output/ (stamps.py), read once."""
        if not self._written:
            self._written.append(load_stamps(self.source, self.output))
        return self._written[0]

    def wrote(self, stamps: Stamps | None) -> None:
        """What `written` says from now on: the write this process just finished."""
        self._written[:] = [stamps]

    def restore(self, sources: Sources) -> tuple[dict[tuple[Any, ...], Any], object]:
        """Parsed files into `sources`; understood sentences and the
        publisher's memos (publish/site.py checks them) returned."""
        found = self._journals["sources"].load(self.site)
        if found is not None:  # each parse with its stat() as saved (`save`)
            files = found[0].get("files", {})
            sources.restore({k: t[2] for k, t in files.items() if type(t) is tuple and len(t) == 3})
        found = self._journals["understood"].load(self.site)
        understood = found[0].get("sentences", {}) if found is not None else {}
        found = self._journals["publish"].load(self.site)
        return understood, (found[0] if found is not None else None)

    def unchanged(self, inputs: str) -> Last | None:
        """The last build, if it was made from `inputs` and output/ still holds it:
        every file its manifest lists with the stat() it was written with (one
        removed or edited by hand is written again)."""
        last = self.cache.load("last", self.out)
        if not isinstance(last, Last) or last.inputs != inputs:
            return None
        stamps = self.written()
        if stamps is None or stamps.manifest != last.manifest or MANIFEST not in stamps.output:
            return None
        if not still_written(self.output, stamps.output):
            return None
        return last

    def pages(self) -> tuple[SiteFiles, dict[str, PageReads], dict[Read, str]]:
        """The last published pages that output/ still holds as written (by
        stat(), their digests kept, their bytes left on disk), with what each read."""
        saved = self._journals["pages"].load(self.out)
        stamps = self.written()
        files = SiteFiles(self.output)
        if saved is None or not {"reads", "table", "shas"} <= set(saved[0]) or stamps is None:
            return files, {}, {}
        (parts, manifest), known = saved, stamps.output
        page_reads, table, shas = parts["reads"], parts["table"], parts["shas"]
        if manifest != stamps.manifest or file_stat(self.output / MANIFEST) != known.get(MANIFEST):
            return files, {}, {}
        for path, sha in shas.items():
            if path in page_reads and file_stat(os.path.join(self.output, path)) == known.get(path):
                files.keep(path, sha)
        return files, page_reads, table

    def save(
        self,
        last: Last,
        page_reads: dict[str, PageReads],
        table: dict[Read, str],
        sources: Sources,
        understood: dict[tuple[Any, ...], Any],
        published: dict[str, str],
        records: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """Called once output/ holds the build (`published`: its manifest's
        files): everything is tied to that manifest by its digest."""
        try:
            last.manifest = digest((self.output / MANIFEST).read_bytes())
        except OSError:
            return
        journals = self._journals
        # A parse's stat() and racy flag change in place (sources.py): saved
        # beside it, so that the journal sees that change too.
        files = {k: (v.stat, v.racy, v) for k, v in sources.snapshot().items()}
        journals["sources"].save(self.site, {"files": files}, None)
        journals["understood"].save(self.site, {"sentences": understood}, None)
        if isinstance(records, dict):
            journals["publish"].save(self.site, records, None)
        shas = {p: published[p] for p in page_reads if p in published}
        parts = {"reads": page_reads, "table": table, "shas": shas}
        journals["pages"].save(self.out, parts, last.manifest, whole=_compact)
        self.cache.save("last", self.out, last)


def _compact(parts: Parts) -> Parts:
    """Share each read and each card's set of reads between the pages that have
    them, so the record stays a fraction of the site's size. A set made of
    reads already shared (a clean build's: jobs.py interns them) is kept as
    it is: copying every page's set doubled the record in memory at save.
    (A new base only: an update holds the few pages drawn again.)"""
    page_reads: dict[str, PageReads] = parts["reads"]
    table: dict[Read, str] = parts["table"]
    intern: dict[Any, Any] = {}
    groups: dict[int, frozenset[Read]] = {}

    def one(reads: Any) -> Any:  # a page's tuple of reads, or a card's set
        for r in reads:
            if intern.setdefault(r, r) is not r:
                return type(reads)([intern.setdefault(r, r) for r in reads])
        return reads

    def shared(group: frozenset[Read]) -> frozenset[Read]:
        if id(group) not in groups:
            groups[id(group)] = one(group)
        return groups[id(group)]

    compact = {
        path: (fp, one(own), tuple(map(shared, grouped)))
        for path, (fp, own, grouped) in page_reads.items()
    }
    if any(intern.setdefault(r, r) is not r for r in table):
        table = {intern.setdefault(r, r): d for r, d in table.items()}
    return {**parts, "reads": compact, "table": table}


def inputs_digest(*parts: object, files: list[tuple[str, Any]]) -> str:
    """A digest of everything a build is made from."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode() + b"\0")
    for rel, stamp in files:
        h.update(f"{rel}\0{stamp}\0".encode())
    return h.hexdigest()
