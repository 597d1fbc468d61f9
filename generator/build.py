"""One build, phases marked: load → understand → model → plan → render → write.

`Builder` keeps what a rebuild can reuse (parsed files, understood sentences,
rendered pages with what each read), in memory for `tarikh serve` and in the
site's cache folder for the next `tarikh build` (rebuild.py), so both re-enter
the very same pipeline: nothing is built twice in two ways. Reuse is keyed on
content, never on "what the watcher said changed": a page is reused only when
its context and every attribute of the model its templates read are as they
were (deps.py), which is what makes an incremental build byte-identical to a
clean one, whatever a site's own templates read.

The stages live in their own modules and the Builder strings them together:
sources.py and load.py read the files, reading.py understands the news and
makes the model, plan.py and plan_embed.py plan the pages, reuse.py decides
which pages to draw again and render.py (with fragments.py and jobs.py)
draws them, publish/site.py adds everything else the site holds, and
write.py publishes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator import __version__
from generator.config import SiteConfig, load_config, parse_config
from generator.deps import PageReads, Read, Reads
from generator.errors import BuildError, ConfigError, Diagnostic
from generator.load import (
    EventFile,
    NewsFile,
    Problems,
    load_event,
    load_news,
)
from generator.model import SiteModel
from generator.plan import event_digests, plan_pages
from generator.plan_embed import embed_info, plan_embeds, scopes
from generator.publish.embed import axis_files
from generator.publish.search import search_page
from generator.publish.site import Publisher
from generator.reading import Reading
from generator.rebuild import Last, Memory, inputs_digest
from generator.render import Renderer, Theme, resolve_theme
from generator.reuse import render_site
from generator.sources import Sources
from generator.staging import staging_dir
from generator.stamps import Stamps, build_date
from generator.stamps import begin as list_inputs
from generator.stamps import forget as forget_stamps
from generator.stamps import record as record_stamps
from generator.stamps import unlisted as unlisted_stamps
from generator.write import MANIFEST, SiteFiles, digest, write_output


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while, back on as it was after,
    with what was made meanwhile moved to the oldest generation (freeze and
    unfreeze; not while the preview has objects frozen): else the youngest
    holds all of it, and the first allocation walks it (0.3 s at 10,000)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@dataclass
class BuildResult:
    files: SiteFiles  # the complete site, output-relative path → bytes (reused: on disk)
    rendered: set[str]  # pages rendered by this call (the rest were reused)
    changed: set[str]  # paths added, changed or removed since the previous build
    diagnostics: list[Diagnostic]
    seconds: float
    model: SiteModel | None = None
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # dependency records
    summary: dict[str, int] = field(default_factory=dict)  # events, actors, pages
    # Nothing to do: made from the same inputs as the output/ it would write to
    # (rebuild.py); `files` is then empty and `write` writes nothing.
    unchanged: bool = False

    def __repr__(self) -> str:
        # The default repr spells out every page and the whole model: a failed
        # assertion that prints a result (pytest does) must not run to gigabytes.
        return (
            f"<BuildResult {len(self.rendered)} rendered, {len(self.changed)} changed, "
            f"{len(self.diagnostics)} diagnostics, {self.summary}>"
        )

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "warning"]


class Builder:
    def __init__(
        self,
        source: Path,
        *,
        output: Path | None = None,
        base_url: str | None = None,
        reference_date: dt.date | None = None,
        serving: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
        jobs: int = 1,
    ) -> None:
        self.source = source
        # Called as (stage, done, total) during long stages; the CLI draws it.
        self.progress = progress
        self.jobs = jobs  # processes that render (jobs.py); a preview renders in process
        self.output = output or source / "output"
        self.base_url = base_url
        self.reference_date = reference_date
        self.serving = serving
        self.sources = Sources(source)
        # Understand and model, with the sentences read and the registry (reading.py).
        self.reading = Reading(source, reference_date, progress)
        self._renderer: tuple[str, Renderer] | None = None
        self._files = SiteFiles()
        # What each page of the last build read, and the digests of those reads (deps.py).
        self._page_reads: dict[str, PageReads] = {}
        self._table: dict[Read, str] = {}
        self.memory = Memory(source, self.output)  # what a fresh `tarikh build` starts from
        self._restored = False
        self._inputs = ""
        # The search index, data files, feeds and sitemaps, with their memos (publish/site.py).
        self.publisher = Publisher(None if serving else self.output)
        self.config: SiteConfig = SiteConfig()
        self._stamps: Stamps | None = None  # the inputs' stat() before this build read them

    @property
    def base_path(self) -> str:
        return self.config.base_path

    # ------------------------------------------------------------ config

    def load_config(self) -> SiteConfig:
        config = load_config(self.source)
        if self.base_url is not None:
            checked = parse_config({"base_url": self.base_url}, file="--base-url")
            config = replace(config, base_url=checked.base_url)
        return config

    def watched_paths(self) -> list[Path]:
        """What a change in should rebuild: content, config, templates, static, themes."""
        paths = [self.source / "content", self.source / "site.toml"]
        paths += [self.source / "templates", self.source / "static"]
        try:
            theme = resolve_theme(self.load_config(), self.source)
            paths += [d.parent for d in theme.template_dirs[-len(theme.names) :]]
        except ConfigError:
            pass
        return paths

    def extract(self, paths: list[Path]) -> tuple[SiteModel, list[Diagnostic]]:
        """The events of `paths` exactly as `build` would publish them, with the
        site's actor registry and corrections (the extraction contract)."""
        problems = Problems()
        config = self.config = self.load_config()
        _, _, actor_files, corrections = self.sources.scan(problems, registry_only=True)
        news: list[NewsFile] = []
        event_files: list[EventFile] = []
        for path in paths:
            rel = path.as_posix()
            if not path.is_file():
                problems.error(rel, None, "no such file")
            elif path.suffix == ".md" and (e := self.sources.load(path, load_event, problems, rel)):
                event_files.append(e)
            elif path.suffix != ".md" and (n := self.sources.load(path, load_news, problems, rel)):
                news.append(n)
        model = self.reading.model(news, event_files, actor_files, corrections, config, problems)
        return model, sorted(set(problems.items), key=_diagnostic_order)

    # ------------------------------------------------------------ build

    def build(
        self, changed: set[Path] | None = None, *, skip_unchanged: bool = False
    ) -> BuildResult:
        """Build the whole site in memory; `changed` is only a hint (reuse is by content).

        With `skip_unchanged` (`tarikh build`), a build made from exactly the
        inputs of the one that output/ holds returns at once, `unchanged` and
        without files or model (rebuild.py).

        The cyclic garbage collector is paused meanwhile: a build allocates
        many small objects while the Builder holds a large, long-lived cache,
        and each full collection walks all of it (half of a 10,000-event
        rebuild). Nothing is lost; it runs again once the build is done.
        """
        with gc_paused():
            return self._build(skip_unchanged)

    def _build(self, skip_unchanged: bool = False) -> BuildResult:
        start = time.perf_counter()
        if skip_unchanged and not self.serving:  # listed before anything is read
            self._stamps = list_inputs(self.source, self.output, self.base_url, self.reference_date)
        problems = Problems()
        config = self.config = self.load_config()
        theme = resolve_theme(config, self.source)
        if not self._restored:  # `tarikh serve` starts from the cache too
            self._restored = True
            reading = self.reading
            understood, published = self.memory.restore(self.sources)
            reading.understood = reading.understood or understood
            self.publisher.restore(published)
        theme_key = self._theme_key(theme, config)
        static = self._static(theme.static_dirs)

        news, event_files, actor_files, corrections = self.sources.scan(problems)
        self._inputs = inputs_digest(
            config,
            theme_key,
            self.reference_date,
            build_date(),
            files=[*self.sources.stamps(), *((p, digest(d)) for p, d in static.items())],
        )
        # `tarikh build` asks for this; a caller that wants the model does not.
        skip = skip_unchanged and not self.serving and not self._files
        if skip and (last := self.memory.unchanged(self._inputs)):
            return BuildResult(
                {}, set(), set(), last.diagnostics, time.perf_counter() - start,
                summary=last.summary, unchanged=True,
            )  # fmt: skip
        renderer = self._renderer_for(theme, config, theme_key)
        model = self.reading.model(news, event_files, actor_files, corrections, config, problems)
        digests = event_digests(model)
        embeddable = scopes(model, config.title)
        pages = plan_pages(
            model,
            descending=config.order == "desc",
            calendar=config.calendar,
            page_size=config.page_size,
            embeds={s.path: embed_info(config, s) for s in embeddable},
        )
        widget_pages = plan_embeds(model, config, renderer.months)
        axes = axis_files(widget_pages)  # one script per scope (publish/embed.py)
        pages += widget_pages
        pages.append(search_page())

        previous, old_reads, old_table = self._previous()
        reads = Reads(model)
        renderer.begin(reads, old_table)
        files = SiteFiles(self.output, None if self.serving else staging_dir(self.output))
        try:
            progress = self.progress
            done = (lambda n, total: progress("rendering", n, total)) if progress else None
            # Each page reused or rendered (reuse.py); what each read is kept for the next build.
            rendered, records, self._page_reads = render_site(
                pages, (previous, old_reads, old_table), renderer, reads, files, problems,
                repr(config) + __version__, self.jobs, done,
            )  # fmt: skip
            self._table = reads.table
            files.update(axes)
            self._publishables(
                files, static, model, config, renderer, digests, embeddable, problems
            )
        except BaseException:
            files.discard()  # a failed build publishes nothing
            raise

        changed_paths = {p for p in files if p not in previous or previous.sha(p) != files.sha(p)}
        changed_paths |= set(previous) - set(files)
        self._files = files
        return BuildResult(
            files=files,
            rendered=rendered,
            changed=changed_paths,
            diagnostics=sorted(set(problems.items), key=_diagnostic_order),
            seconds=time.perf_counter() - start,
            model=model,
            pages=records,
            summary={
                "events": len(model.events),
                "actors": sum(1 for a in model.actors if a.events),
                "pages": sum(1 for p in files if p.endswith(".html")),
            },
        )

    def _publishables(
        self,
        files: SiteFiles,
        static: dict[str, bytes],
        model: SiteModel,
        config: SiteConfig,
        renderer: Renderer,
        digests: dict[str, str],
        embeddable: list[Any],
        problems: Problems,
    ) -> None:
        """Everything but the pages (publish/site.py)."""
        files.update(static)
        written = None if self.serving else self.memory.written()
        self.publisher.add(
            files, model, config, renderer.env.filters, digests, embeddable, problems,
            written.output if written is not None else None,
        )  # fmt: skip

    def _theme_key(self, theme: Theme, config: SiteConfig) -> str:
        h = hashlib.blake2b(repr((config, theme)).encode(), digest_size=16)
        for directory in theme.template_dirs:
            for path in sorted(directory.rglob("*")):
                if path.is_file():
                    h.update(path.as_posix().encode() + b"\0" + path.read_bytes())
        return h.hexdigest()

    def _renderer_for(self, theme: Theme, config: SiteConfig, key: str) -> Renderer:
        """The last Renderer while no template and no setting changed: its
        compiled templates and digests are most of a small rebuild's cost."""
        if self._renderer is None or self._renderer[0] != key:
            self._renderer = (key, Renderer(theme, config, __version__, preview=self.serving))
        return self._renderer[1]

    def _previous(self) -> tuple[SiteFiles, dict[str, PageReads], dict[Read, str]]:
        """What the last build made: from memory, or for a fresh `tarikh build`
        from output/ and the cache's record of what each page read. A page is
        reused only if output/ still holds exactly the bytes that record was
        made with (its digest, in the cache and in output/'s manifest)."""
        if self._files or self.serving:
            return self._files, self._page_reads, self._table
        return self.memory.pages()

    def _static(self, dirs: tuple[Path, ...]) -> dict[str, bytes]:
        """Theme static files, overridden path by path by the site's own static/."""
        files: dict[str, bytes] = {}
        for directory in reversed(dirs):
            root = directory.resolve()
            for path in sorted(directory.rglob("*")):
                rel = path.relative_to(directory)
                if not path.is_file() or any(p.startswith(".") for p in rel.parts):
                    continue
                if not path.resolve().is_relative_to(root):
                    continue  # a symlink out of static/ must not publish what it points to
                files["static/" + rel.as_posix()] = path.read_bytes()
        return dict(sorted(files.items()))

    def write(
        self, result: BuildResult, warn: Callable[[Diagnostic], None] | None = None
    ) -> tuple[int, int]:
        """Publish a build to output/ (never called while serving), with the
        collector paused as in `build`: the manifest's and stamps' small
        objects set off full collections of the whole model (0.75 s)."""
        with gc_paused():
            return self._write(result, warn)

    def _write(
        self, result: BuildResult, warn: Callable[[Diagnostic], None] | None = None
    ) -> tuple[int, int]:
        out, src = self.output.resolve(), self.source.resolve()
        if out == src or src.is_relative_to(out):
            raise BuildError("the output directory cannot be the site directory or hold it")
        counts = (0, 0)
        before = self.memory.written()  # output/ as the last finished write left it
        if not result.unchanged:
            forget_stamps(self.source)  # until this write is done, trust nothing by stat()
            written_as = before.output if before is not None else None
            written, removed, published = write_output(
                self.output, result.files, warn, written_as=written_as, sweep=before is None
            )
            result.files.published()  # the staging folder goes (staging.py)
            counts = (written, removed)
            last = Last(self._inputs, "", result.summary, result.diagnostics)
            self.memory.save(
                last,
                self._page_reads,
                self._table,
                self.sources,
                self.reading.understood,
                published,
                self.publisher.snapshot(),
            )
        else:
            published = dict.fromkeys(before.output if before is not None else ())
        # So that the next build can tell by stat() what changed (stamps.py).
        stamps = self._stamps or unlisted_stamps()
        stamps.summary, stamps.diagnostics = result.summary, result.diagnostics
        self.memory.wrote(record_stamps(self.source, self.output, stamps, list(published)))
        self._stamps = None
        return counts


def _diagnostic_order(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.file or "", d.line or 0, d.level, d.message)


__all__ = ["MANIFEST", "BuildError", "BuildResult", "Builder", "build_date", "gc_paused"]
