"""What one `tarikh build` leaves for the next one (DESIGN.md, "Rebuilds").

A preview server keeps its last build in memory; a `tarikh build` is a new
process each time, so it keeps the same things in the site's cache folder
(cache.py) instead, and `Builder` re-enters the one pipeline with them:

- `sources`: each content file's last parse, with its size, digest and stat
  (sources.py decides, by git's racy-clean rule, what to read again);
- `understood`: what the Arabic reader made of each sentence, keyed by the
  sentence, its reference date, the build date and the actor registry;
- `publish`: each event's search record and events.json line, by the
  event's digest (publish/site.py);
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
entry only means more work.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import DiskCache
from generator.deps import PageReads, Read
from generator.errors import Diagnostic
from generator.sources import Sources
from generator.stamps import Stamps, output_stats
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
        publisher's records (publish/site.py checks them) returned."""
        sources.restore(self.cache.load("sources", self.site))
        understood = self.cache.load("understood", self.site)
        published = self.cache.load("publish", self.site)
        return (understood if isinstance(understood, dict) else {}), published

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
        if output_stats(self.output, list(stamps.output)) != stamps.output:
            return None
        return last

    def pages(self) -> tuple[SiteFiles, dict[str, PageReads], dict[Read, str]]:
        """The last published pages that output/ still holds as written (by
        stat(), their digests kept, their bytes left on disk), with what each read."""
        saved = self.cache.load("pages", self.out)
        stamps = self.written()
        files = SiteFiles(self.output)
        if not isinstance(saved, tuple) or len(saved) != 4 or stamps is None:
            return files, {}, {}
        page_reads, table, shas, manifest = saved
        known = stamps.output
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
        records: object = None,
    ) -> None:
        """Called once output/ holds the build (`published`: its manifest's
        files): everything is tied to that manifest by its digest."""
        try:
            last.manifest = digest((self.output / MANIFEST).read_bytes())
        except OSError:
            return
        self.cache.save("sources", self.site, sources.snapshot())
        self.cache.save("understood", self.site, understood)
        if records is not None:
            self.cache.save("publish", self.site, records)
        compact = _compact(page_reads, table, published)
        self.cache.save("pages", self.out, (*compact, last.manifest))
        self.cache.save("last", self.out, last)


def _compact(
    page_reads: dict[str, PageReads], table: dict[Read, str], published: dict[str, str]
) -> tuple[dict[str, PageReads], dict[Read, str], dict[str, str]]:
    """Share each read and each card's set of reads between the pages that have
    them, so the record stays a fraction of the site's size. A set made of
    reads already shared (a clean build's: jobs.py interns them) is kept as
    it is: copying every page's set doubled the record in memory at save."""
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
    shas = {p: published[p] for p in page_reads if p in published}
    if any(intern.setdefault(r, r) is not r for r in table):
        table = {intern.setdefault(r, r): d for r, d in table.items()}
    return compact, table, shas


def inputs_digest(*parts: object, files: list[tuple[str, Any]]) -> str:
    """A digest of everything a build is made from."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode() + b"\0")
    for rel, stamp in files:
        h.update(f"{rel}\0{stamp}\0".encode())
    return h.hexdigest()
