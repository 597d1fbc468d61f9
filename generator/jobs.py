"""Rendering across processes: `tarikh build --jobs N`.

Rendering is most of a clean build and each page is independent of the
others, so the pages a build must render are cut into runs of consecutive
pages and handed to a pool of forked workers. A worker starts as a copy of
the builder at that moment (the model, the plan, the compiled templates:
nothing is pickled on the way in), renders its run, writes each page into
the build's staging folder (staging.py) and hands back only what the main
process keeps of a page: its digest and what it read (deps.py), with the
digests of those reads. Results are taken in page order, so the record,
the first template error raised and every byte written are the same
whatever the number of jobs (tests/test_jobs.py builds with 1 and 2).

A worker sends each read, and each card's set of reads, once: later pages
name them by number. Sent whole with every page, the same reads came back
millions of times at 10,000 events (a month page alone shows 200 cards):
unpickling them and dropping all but the first copy took CPU time, and the
copies kept were scattered across memory that the dropped ones left holed.

A small render (an edit's handful of pages) or a platform without fork
renders in process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.deps import Read, Reads
from generator.plan import Page
from generator.render import Renderer
from generator.staging import stage
from generator.write import SiteFiles

MIN_PAGES = 32  # fewer pages to render than this: in process
KEEP = 64  # a build's listing-scoped fragments kept (a strip, a pager's year)
Rendered = tuple[Page, tuple[Read, ...], tuple[frozenset[Read], ...]]
# What a worker sends back for a run of pages (`_render_run`): where the run
# starts, the worker, the reads and cards' sets it names for the first time
# (a card as the numbers of its reads), each page's digest, reads and cards
# (by number), and the digests of the reads it is the first to make.
Sent = tuple[
    int,
    int,
    list[Read],
    list[tuple[int, ...]],
    list[tuple[str, tuple[int, ...], tuple[int, ...]]],
    dict[int, str],
]

# What forked workers render from: set just before the pool forks, cleared after.
# Module state only because fork hands it over for free; nothing else reads it.
_WORK: tuple[Renderer, Reads, list[Page], Path] | None = None
_MADE: set[str] = set()  # a worker's staging folders already created
# In a worker: the number of each read and each card's set sent so far.
_SENT_READS: dict[Read, int] = {}
_SENT_CARDS: dict[frozenset[Read], int] = {}


def render_pages(
    renderer: Renderer,
    reads: Reads,
    pages: list[Page],
    files: SiteFiles,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Rendered]:
    """Render `pages` into `files`, yielding each with its own reads and its
    cards' (one shared set per card), in the order given; every read is in
    `reads.table` once its page is yielded."""
    folder = files.staging
    # A `tarikh build` (its files staged: not a preview) keeps only the last
    # listing-scoped fragments drawn (fragments.py): its process ends with it.
    renderer.fragments.limit = KEEP if folder is not None else 0
    context = _fork_context()
    if jobs <= 1 or len(pages) < MIN_PAGES or folder is None or context is None:
        known: dict[Read, Read] = {}
        shared: dict[frozenset[Read], frozenset[Read]] = {}
        for n, page in enumerate(pages, 1):
            data, own, groups = renderer.render_tracked(page.template, page.path, page.context)
            files[page.path] = data
            mine = reads.note(_interned(own, known))
            cards = tuple(_card(g, shared, known, reads) for g in groups)
            if progress is not None and n % 256 == 0:
                progress(n)
            yield page, mine, cards
        return
    yield from _pooled(renderer, reads, pages, files, folder, jobs, context, progress)


def _interned(reads: frozenset[Read], known: dict[Read, Read]) -> tuple[Read, ...]:
    """The same reads, as a tuple of those other pages hold already: a page's
    reads are mostly its neighbours' (the same events, the same fields), and
    as separate tuples they were hundreds of megabytes at 10,000 events. A
    tuple, not a set: they are only ever gone through (deps.PageReads)."""
    return tuple([known.setdefault(r, r) for r in reads])


def _card(
    group: frozenset[Read],
    shared: dict[frozenset[Read], frozenset[Read]],
    known: dict[Read, Read],
    reads: Reads | None = None,
) -> frozenset[Read]:
    """One set per card across workers, made of the reads every page and the
    table hold (so that saving the record copies none of them, rebuild.py);
    put into `reads.table` once, when first seen."""
    found = shared.get(group)
    if found is None:
        found = shared[group] = frozenset(_interned(group, known))
        if reads is not None:
            reads.note(found)
    return found


def _one_copy(read: Read) -> Read:
    """A read from a worker made of the strings the main process has already
    (a ref is interned by deps.ref; an attribute's name is one of a few):
    unpickled, each came as a copy of its own."""
    ref, name = read
    if type(ref) is str and type(name) is str:
        return (sys.intern(ref), sys.intern(name))
    return read


def _fork_context() -> Any:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return None


def _pooled(
    renderer: Renderer,
    reads: Reads,
    pages: list[Page],
    files: SiteFiles,
    folder: Path,
    jobs: int,
    context: Any,
    progress: Callable[[int], None] | None,
) -> Iterator[Rendered]:
    global _WORK
    size = max(4, min(64, len(pages) // (jobs * 8)))
    runs = [(start, min(start + size, len(pages))) for start in range(0, len(pages), size)]
    shared: dict[frozenset[Read], frozenset[Read]] = {}  # one set per card, across workers
    known: dict[Read, Read] = {}
    seen: set[str] = set()
    for name in sorted({p.template for p in pages}):  # compiled once, before the fork
        renderer.compile(name, seen)
    # Each worker's reads and cards by the numbers it gave them. Results come
    # in page order, and a worker renders its runs in that order too, so a
    # number is always defined by an earlier result than any that uses it.
    named: dict[int, tuple[list[Read], list[frozenset[Read]]]] = {}
    _WORK = (renderer, reads, pages, folder)
    try:
        with context.Pool(jobs, initializer=_start_worker) as pool:
            done = 0
            for start, worker, new, new_cards, results, table in pool.imap(_render_run, runs):
                known_reads, known_cards = named.setdefault(worker, ([], []))
                for read in new:
                    read = _one_copy(read)
                    known_reads.append(known.setdefault(read, read))
                for numbers in new_cards:
                    group = frozenset([known_reads[n] for n in numbers])
                    known_cards.append(shared.setdefault(group, group))
                for number, found in table.items():
                    reads.table[known_reads[number]] = found
                for offset, (digest, own, groups) in enumerate(results):
                    page = pages[start + offset]
                    files.staged(page.path, digest)
                    done += 1
                    if progress is not None and done % 256 == 0:
                        progress(done)
                    cards = tuple([known_cards[n] for n in groups])
                    yield page, tuple([known_reads[n] for n in own]), cards
    finally:
        _WORK = None


def _start_worker() -> None:
    """What the worker inherited is kept out of the collector's walks (they
    would touch, and so copy, every page of the parent's memory); what it
    makes itself is collected as usual."""
    gc.freeze()
    gc.enable()
    _MADE.clear()
    _SENT_READS.clear()
    _SENT_CARDS.clear()


def _render_run(bounds: tuple[int, int]) -> Sent:
    """In a worker: render pages[start:end] into the staging folder."""
    assert _WORK is not None
    renderer, reads, pages, folder = _WORK
    table: dict[int, str] = {}  # the digests of reads this run is the first to make
    new: list[Read] = []
    new_cards: list[tuple[int, ...]] = []

    def numbers(group: frozenset[Read]) -> tuple[int, ...]:
        out = []
        for read in group:
            number = _SENT_READS.get(read)
            if number is None:
                number = _SENT_READS[read] = len(_SENT_READS)
                new.append(read)
                if read not in reads.table:
                    table[number] = reads.current(read)
            out.append(number)
        return tuple(out)

    def card(group: frozenset[Read]) -> int:
        number = _SENT_CARDS.get(group)
        if number is None:
            new_cards.append(numbers(group))
            number = _SENT_CARDS[group] = len(_SENT_CARDS)
        return number

    out = []
    for page in pages[bounds[0] : bounds[1]]:
        data, own, groups = renderer.render_tracked(page.template, page.path, page.context)
        digest = stage(folder, page.path, data, _MADE)
        out.append((digest, numbers(own), tuple([card(g) for g in groups])))
    return bounds[0], os.getpid(), new, new_cards, out, table
