"""What one `tarikh build` leaves for the next one (DESIGN.md, "Rebuilds").

A preview server keeps its last build in memory; a `tarikh build` is a new
process each time, so it keeps the same things in the site's cache folder
(cache.py) instead, and `Builder` re-enters the one pipeline with them:

- `sources`: each content file's last parse, with its size, digest and stat
  (sources.py decides, by git's racy-clean rule, what to read again);
- `understood`: what the Arabic reader made of each sentence, keyed by the
  sentence, its reference date, the build date and the actor registry;
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import DiskCache
from generator.deps import PageReads, Read
from generator.errors import Diagnostic
from generator.sources import Sources
from generator.stamps import Stamps, output_stats
from generator.write import MANIFEST, Manifest, digest


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
        self.site = source.resolve().as_posix()
        self.out = output.resolve().as_posix()
        self.output = output

    def restore(self, sources: Sources) -> dict[tuple[Any, ...], Any]:
        """Parsed files into `sources`; understood sentences returned."""
        sources.restore(self.cache.load("sources", self.site))
        understood = self.cache.load("understood", self.site)
        return understood if isinstance(understood, dict) else {}

    def unchanged(self, inputs: str) -> Last | None:
        """The last build, if it was made from `inputs` and output/ still holds it."""
        last = self.cache.load("last", self.out)
        if not isinstance(last, Last) or last.inputs != inputs:
            return None
        try:
            raw = (self.output / MANIFEST).read_bytes()
        except OSError:
            return None
        if digest(raw) != last.manifest:
            return None
        # Every file that manifest lists, as the build wrote it (stamps.py):
        # one removed or edited by hand is written again.
        stamps = self.cache.load("stamps", self.out)
        if not isinstance(stamps, Stamps) or MANIFEST not in stamps.output:
            return None
        if output_stats(self.output, list(stamps.output)) != stamps.output:
            return None
        return last

    def pages(self) -> tuple[dict[str, bytes], dict[str, PageReads], dict[Read, str]]:
        """The last published pages whose bytes output/ still holds, with what each read."""
        saved = self.cache.load("pages", self.out)
        if not isinstance(saved, tuple) or len(saved) != 3:
            return {}, {}, {}
        page_reads, table, shas = saved
        manifest = Manifest.read(self.output)
        files: dict[str, bytes] = {}
        for path, sha in shas.items():
            if manifest.files.get(path) != sha or path not in page_reads:
                continue
            try:
                data = (self.output / path).read_bytes()
            except OSError:
                continue
            if digest(data) == sha:
                files[path] = data
        return files, page_reads, table

    def save(
        self,
        last: Last,
        page_reads: dict[str, PageReads],
        table: dict[Read, str],
        sources: Sources,
        understood: dict[tuple[Any, ...], Any],
    ) -> None:
        """Called once output/ holds the build: everything is tied to what it holds."""
        manifest = Manifest.read(self.output)
        self.cache.save("sources", self.site, sources.snapshot())
        self.cache.save("understood", self.site, understood)
        self.cache.save("pages", self.out, _compact(page_reads, table, manifest.files))
        try:
            last.manifest = digest((self.output / MANIFEST).read_bytes())
        except OSError:
            return
        self.cache.save("last", self.out, last)


def _compact(
    page_reads: dict[str, PageReads], table: dict[Read, str], published: dict[str, str]
) -> tuple[dict[str, PageReads], dict[Read, str], dict[str, str]]:
    """Share each read and each card's set of reads between the pages that have
    them, so the record stays a fraction of the site's size."""
    intern: dict[Any, Any] = {}
    groups: dict[int, frozenset[Read]] = {}

    def one(reads: frozenset[Read]) -> frozenset[Read]:
        return frozenset(intern.setdefault(r, r) for r in reads)

    def shared(group: frozenset[Read]) -> frozenset[Read]:
        if id(group) not in groups:
            groups[id(group)] = one(group)
        return groups[id(group)]

    compact = {
        path: (fp, one(own), tuple(map(shared, grouped)))
        for path, (fp, own, grouped) in page_reads.items()
    }
    shas = {p: published[p] for p in page_reads if p in published}
    return compact, {intern.setdefault(r, r): d for r, d in table.items()}, shas


def inputs_digest(*parts: object, files: list[tuple[str, Any]]) -> str:
    """A digest of everything a build is made from."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode() + b"\0")
    for rel, stamp in files:
        h.update(f"{rel}\0{stamp}\0".encode())
    return h.hexdigest()
