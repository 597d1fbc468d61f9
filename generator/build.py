"""One build, phases marked: load → understand → model → plan → render → write.

`Builder` keeps what a rebuild can reuse (parsed files, understood sentences,
rendered pages with what each read), in memory for `tarikh serve` and in the
site's cache folder for the next `tarikh build` (rebuild.py), so both re-enter
the very same pipeline: nothing is built twice in two ways. Reuse is keyed on
content, never on "what the watcher said changed": a page is reused only when
its context and every attribute of the model its templates read are as they
were (deps.py), which is what makes an incremental build byte-identical to a
clean one, whatever a site's own templates read.
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
from generator.arabic.actors import ActorMention, Registry
from generator.arabic.dedupe import Sketches
from generator.arabic.normalize import normalize
from generator.config import SiteConfig, load_config, parse_config
from generator.deps import VOLATILE, Memo, PageReads, Read, Reads, context_digest
from generator.errors import BuildError, ConfigError, Diagnostic
from generator.jobs import render_pages
from generator.load import (
    ActorFile,
    EventFile,
    NewsFile,
    Problems,
    load_event,
    load_news,
)
from generator.model import Event, SiteModel, build_model
from generator.plan import Page, event_digests, plan_pages
from generator.plan_embed import embed_info, plan_embeds, scopes
from generator.publish.embed import host_script
from generator.publish.findable import NO_BASE_URL, findable
from generator.publish.oembed import oembed_json, oembed_path
from generator.publish.records import event_line, events_files
from generator.publish.search import SearchIndex, search_page
from generator.publish.search import records as search_records
from generator.publish.timelinejs import timeline_json
from generator.rebuild import Last, Memory, inputs_digest
from generator.render import Renderer, Theme, resolve_theme
from generator.sources import Sources
from generator.staging import staging_dir
from generator.stamps import Stamps, build_date
from generator.stamps import begin as list_inputs
from generator.stamps import forget as forget_stamps
from generator.stamps import record as record_stamps
from generator.stamps import unlisted as unlisted_stamps
from generator.understand import Understanding, understand, with_story
from generator.write import MANIFEST, SiteFiles, digest, write_output


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while, back on as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
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
        self._understood: dict[tuple[Any, ...], Understanding] = {}
        self._registry: tuple[str, Registry] | None = None
        self._dedupe = Sketches()  # dedupe's, kept from build to build (serve)
        self._renderer: tuple[str, Renderer] | None = None
        self._files = SiteFiles()
        # What each page of the last build read, and the digests of those reads (deps.py).
        self._page_reads: dict[str, PageReads] = {}
        self._table: dict[Read, str] = {}
        self.memory = Memory(source, self.output)  # what a fresh `tarikh build` starts from
        self._restored = False
        self._inputs = ""
        self._lines: dict[str, str] = {}  # events.json lines by event digest
        self.search = SearchIndex(None if serving else self.output)
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

    def _registry_for(
        self, actors: list[ActorFile], problems: Problems, knowledge: bool = True, home: str = ""
    ) -> Registry:
        slugs: dict[str, str] = {}
        entries = []
        for a in actors:
            # «أحمد الشرع» and «احمد الشرع», or «Ali» and «ali»: one actor, not two.
            folded = normalize(a.entry.slug).casefold()
            if folded in slugs:
                problems.error(
                    a.file,
                    None,
                    f"actor {a.entry.slug!r} is the same actor as {slugs[folded]} (the file "
                    "names differ only in alef/hamza form or case); merge the two files",
                )
                continue
            slugs[folded] = a.file
            entries.append(a.entry)
        if knowledge:
            from generator import knowledge

            cache_dir = self.source / ".tarikh-cache"  # cache.CACHE_DIR, not imported: start-up
            builtin = knowledge.entries(home=home or None, cache_dir=cache_dir)
            entries = knowledge.merged(entries, builtin)
        key = hashlib.blake2b(repr(entries).encode(), digest_size=16).hexdigest()
        if self._registry is None or self._registry[0] != key:
            self._registry = (key, Registry(entries))
        return self._registry[1]

    # ------------------------------------------------------------ understand

    def _understand(
        self, news: list[NewsFile], registry: Registry, config: SiteConfig, problems: Problems
    ) -> dict[tuple[str, int], Understanding]:
        today = build_date()
        fallback = self.reference_date or config.reference_date
        registry_key = self._registry[0] if self._registry else ""
        result: dict[tuple[str, int], Understanding] = {}
        used: dict[tuple[Any, ...], Understanding] = {}
        total = sum(len(f.items) for f in news)
        done = 0
        for f in news:
            reference = f.date or fallback
            if reference is None and f.items:
                problems.warning(
                    f.file,
                    1,
                    "no reference date: year-less and relative dates cannot be fixed; add "
                    "'date: YYYY-MM-DD' to the front matter (or --reference-date)",
                )
            story: list[ActorMention] = []  # the actors of this file's earlier lines
            for item in f.items:
                key = (item.text, reference, today, registry_key, config.hijri_adjust)
                facts = used.get(key) or self._understood.get(key)  # a repeated line: read once
                done += 1
                if facts is None:
                    if self.progress is not None and done % 256 == 0:
                        self.progress("reading", done, total)
                    facts = understand(
                        item.text,
                        reference=reference,
                        today=today,
                        registry=registry,
                        hijri_adjust=config.hijri_adjust,
                    )
                used[key] = facts
                # A family name alone («المشهداني») is the person the story named
                # in full before. Kept out of the memo above, which is by sentence.
                if story and (actors := with_story(item.text, facts.actors, story)) != facts.actors:
                    facts = replace(facts, actors=actors)
                story.extend(facts.actors)
                result[(item.file, item.line)] = facts
                for warning in facts.warnings:
                    problems.warning(item.file, item.line, warning)
        self._understood = used
        return result

    def _model(
        self,
        news: list[NewsFile],
        event_files: list[EventFile],
        actor_files: list[ActorFile],
        corrections: dict[str, Any],
        config: SiteConfig,
        problems: Problems,
    ) -> SiteModel:
        registry = self._registry_for(actor_files, problems, config.knowledge, config.country)
        understood = self._understand(news, registry, config, problems)
        return build_model(
            news,
            understood,
            event_files,
            actor_files,
            registry,
            corrections,
            problems,
            config.hijri_adjust,
            corrections_file="content/corrections.yaml",
            dedupe=self._dedupe,
        )

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
        model = self._model(news, event_files, actor_files, corrections, config, problems)
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
            self._understood = self._understood or self.memory.restore(self.sources)
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
        model = self._model(news, event_files, actor_files, corrections, config, problems)
        digests = event_digests(model)
        embeddable = scopes(model, config.title)
        pages = plan_pages(
            model,
            descending=config.order == "desc",
            calendar=config.calendar,
            page_size=config.page_size,
            embeds={s.path: embed_info(config, s) for s in embeddable},
        )
        pages += plan_embeds(model, config, renderer.months)
        pages.append(search_page())

        previous, old_reads, old_table = self._previous()
        reads = Reads(model)
        renderer.begin(reads, old_table)
        files = SiteFiles(self.output, None if self.serving else staging_dir(self.output))
        try:
            rendered, records = self._render_pages(
                pages, (previous, old_reads, old_table), renderer, reads, files, problems,
                repr(config) + __version__,
            )  # fmt: skip
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

    def _render_pages(
        self,
        pages: list[Page],
        last: tuple[SiteFiles, dict[str, PageReads], dict[Read, str]],
        renderer: Renderer,
        reads: Reads,
        files: SiteFiles,
        problems: Problems,
        config_key: str,
    ) -> tuple[set[str], dict[str, dict[str, Any]]]:
        """Every page into `files`: reused when nothing it read has changed
        since `last` (the previous build: its pages, their reads, the reads'
        digests), else rendered (across `jobs` processes, jobs.py). Returns
        the pages rendered and each page's record."""
        previous, old_reads, old_table = last
        origins: dict[str, str] = {}
        records: dict[str, dict[str, Any]] = {}
        page_reads: dict[str, PageReads] = {}
        todo: list[Page] = []
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
            old = old_reads.get(page.path)
            if (
                old is not None
                and page.path in previous
                and old[0] == fp != VOLATILE
                and reads.holds(old[1], old_table)
                and all(reads.holds(group, old_table) for group in old[2])
            ):
                files.take(previous, page.path)  # from output/: its digest, not its bytes
                page_reads[page.path] = old
            else:
                todo.append(page)
            records[page.path] = {"fingerprint": fp, "template": page.template, "deps": page.deps}
        progress = self.progress
        done = (lambda n: progress("rendering", n, len(todo))) if progress else None
        try:
            for page, own, groups in render_pages(renderer, reads, todo, files, self.jobs, done):
                page_reads[page.path] = (records[page.path]["fingerprint"], own, groups)
        finally:
            renderer.fragments.end()
        self._page_reads, self._table = page_reads, reads.table
        return {p.path for p in todo}, records

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
        """Everything but the pages: static files, the search index, the data
        files, the widget's script and oEmbed, feeds and sitemaps."""
        files.update(static)
        filters = renderer.env.filters
        written = None if self.serving else self.memory.written()
        index = self.search.files(
            search_records(model, filters["gdate"], filters["hdate"]),
            written.output if written is not None else None,
        )
        for path in index:
            files.take(index, path)  # a shard output/ holds stays there
        files.update(events_files(model, config, self._json_lines(digests)))
        files["timeline.json"] = timeline_json(model, config, problems)
        files["embed.js"] = host_script()
        if config.base_url:
            for scope in embeddable:
                files[oembed_path(scope.path)] = oembed_json(config, scope.path, scope.title)
        else:
            # A note, not a warning: a site without a base_url is not at fault.
            problems.items.append(Diagnostic(None, None, "note", NO_BASE_URL))
        files.update(findable(model, config, list(files)))
        files[".nojekyll"] = b""

    def _json_lines(self, digests: dict[str, str]) -> Callable[[Event], str]:
        """events.json's line of an event, reused while the event's digest holds."""
        previous, current = self._lines, {}
        self._lines = current

        def line(event: Event) -> str:
            key = digests[event.id]
            text = previous.get(key) or event_line(event)
            current[key] = text
            return text

        return line

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
        """Publish a build to output/ (never called while serving)."""
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
                last, self._page_reads, self._table, self.sources, self._understood, published
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
