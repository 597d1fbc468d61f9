"""The render stage's first question: which pages must be drawn again.

A page is reused from the last build (its bytes stay in output/) only when
what it is given digests as it did (its context, model objects by
identity, its template and everything that template includes, the config)
and every attribute of the model it read, and every read of the cards and
shared fragments it shows, still digests as it did (deps.py). The rest are
rendered, across processes when there are many (jobs.py). Two pages wanted
at one address are an error naming both, and the second is left out.
A page's context is let go once the page is reused or drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.deps import VOLATILE, Memo, PageReads, Read, Reads, context_digest
from generator.jobs import render_pages
from generator.load import Problems
from generator.plan import Page
from generator.render import Renderer
from generator.write import SiteFiles


def render_site(
    pages: list[Page],
    last: tuple[SiteFiles, dict[str, PageReads], dict[Read, str]],
    renderer: Renderer,
    reads: Reads,
    files: SiteFiles,
    problems: Problems,
    config_key: str,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[set[str], dict[str, dict[str, Any]], dict[str, PageReads]]:
    """Every page into `files`: reused when nothing it read has changed
    since `last` (the previous build: its pages, their reads, the reads'
    digests), else rendered (across `jobs` processes, jobs.py). Returns
    the pages rendered, each page's record, and what each page read."""
    previous, old_reads, old_table = last
    origins: dict[str, str] = {}
    records: dict[str, dict[str, Any]] = {}
    page_reads: dict[str, PageReads] = {}
    todo: list[Page] = []
    planned: list[tuple[Page, str]] = []
    memo: Memo = {}  # the listings' shared values, flattened once (deps.digest)
    for page in pages:
        if page.path in origins:
            problems.error(
                page.origin.split(":")[0] or None,
                int(page.origin.rsplit(":", 1)[1]) if page.origin.count(":") else None,
                f"{page.path} is wanted by both {origins[page.path]} and {page.origin}; "
                "the second is left out",
            )
            continue
        origins[page.path] = page.origin or page.template
        # What the page is given (model objects by identity) and how it is
        # drawn; what it reads of the model is checked read by read (deps.py).
        fp = context_digest(
            page.context,
            page.path,
            renderer.template_digest(page.template),
            config_key,
            memo=memo,
        )
        reads.register(page.context)
        planned.append((page, fp))
    if old_reads:  # every read of the last build checked at once, its sections known
        reads.settle(old_table)
    for page, fp in planned:
        old = old_reads.get(page.path)
        if (
            old is not None
            and page.path in previous
            and old[0] == fp != VOLATILE
            and reads.page_holds(old[1], old[2], old_table)
        ):
            files.take(previous, page.path)  # from output/: its digest, not its bytes
            page_reads[page.path] = old
            page.context = {}  # not drawn: what it was given is not needed again
        else:
            todo.append(page)
        records[page.path] = {"fingerprint": fp, "template": page.template, "deps": page.deps}
    memo.clear()  # it holds every listing's values: let them go as their pages are drawn
    done = (lambda n: progress(n, len(todo))) if progress else None
    try:
        for page, own, groups in render_pages(renderer, reads, todo, files, jobs, done):
            page_reads[page.path] = (records[page.path]["fingerprint"], own, groups)
            # Drawn (by this process or a worker, which has its own copy): its
            # context, a tenth of a 10,000-event build, is let go before the
            # site's other files are made (nothing reads a page's plan after).
            page.context = {}
    finally:
        # A `tarikh build` (its files staged) lets go of its fragments, a
        # hundred megabytes at 10,000 events, before the site's other files.
        renderer.fragments.end(keep=files.staging is None)
    reads.keep_states()  # so that the next build checks an object's reads at once
    return {p.path for p in todo}, records, page_reads
