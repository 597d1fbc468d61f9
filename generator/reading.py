"""The reading stage of a build: load → **understand → model**.

What a site's news says (dates, actors, kinds of event) is read once per
sentence and kept by the sentence, its reference date, the build date and
the registry it was read with, so a rebuild reads only new or changed lines;
the registry (the site's `content/actors/` over the built-in knowledge
base) is made again only when its entries change; dedupe's sketches are kept
from build to build. The Builder (build.py) holds one Reading for its life:
in `tarikh serve` that is every rebuild, and a fresh `tarikh build` starts it
from the cache (rebuild.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.arabic.actors import ActorMention, Registry
from generator.arabic.dedupe import Sketches
from generator.arabic.normalize import normalize
from generator.config import SiteConfig
from generator.load import ActorFile, EventFile, NewsFile, Problems
from generator.model import SiteModel, build_model
from generator.stamps import build_date
from generator.understand import Understanding, understand, with_story


class Reading:
    """The understand and model stages, with what they keep between builds."""

    def __init__(
        self,
        source: Path,
        reference_date: dt.date | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> None:
        self.source = source
        self.reference_date = reference_date
        self.progress = progress  # (stage, done, total) during long stages
        # Understood sentences by (text, reference, build date, registry, Hijri adjustment).
        self.understood: dict[tuple[Any, ...], Understanding] = {}
        self._registry: tuple[str, Registry] | None = None
        self.dedupe = Sketches()  # dedupe's, kept from build to build (serve)

    def registry_for(
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

    def understand(
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
                facts = used.get(key) or self.understood.get(key)  # a repeated line: read once
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
        self.understood = used
        return result

    def model(
        self,
        news: list[NewsFile],
        event_files: list[EventFile],
        actor_files: list[ActorFile],
        corrections: dict[str, Any],
        config: SiteConfig,
        problems: Problems,
    ) -> SiteModel:
        registry = self.registry_for(actor_files, problems, config.knowledge, config.country)
        understood = self.understand(news, registry, config, problems)
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
            dedupe=self.dedupe,
        )
