"""The reading stage of a build: load → **understand → model**.

What a site's news says (dates, actors, kinds of event) is read once per
sentence and kept by the sentence, its reference date, the build date and
the registry it was read with, so a rebuild reads only new or changed lines;
what a news file's story adds to its lines (a family name alone is the
person named in full before) is kept by file and read again only from the
first line that changed; the registry (the site's `content/actors/` over the
built-in knowledge base) is made again only when its entries change;
dedupe's folded texts and fingerprints are kept by text. The Builder
(build.py) holds one Reading for its life: in `tarikh serve` that is every
rebuild, and a fresh `tarikh build` starts it from the cache (rebuild.py,
which saves `understood`, all of the above but the registry, as one dict).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.arabic.actor_surnames import Story
from generator.arabic.actors import Registry
from generator.arabic.dedupe import Sketches, packed, unpacked
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
        # What reading keeps, saved in the build cache (rebuild.py) as one dict:
        # - each sentence's Understanding, by (text, reference, build date,
        #   registry, Hijri adjustment);
        # - ("story", file): what the file's story made of its lines (`_same_story`);
        # - ("dedupe", text): the text's folded form and dedupe fingerprint;
        # - ("id", text): the text's part of its event's id (model.event_id).
        self.understood: dict[tuple[Any, ...], Any] = {}
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
        used: dict[tuple[Any, ...], Any] = {}
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
            context = (reference, today, registry_key, config.hijri_adjust)
            texts = tuple(item.text for item in f.items)
            memo = self.understood.get(("story", f.file))
            same, changed, whole = _same_story(memo, context, texts)
            story = Story()  # the actors of this file's earlier lines
            for n, item in enumerate(f.items):
                key = (item.text, *context)
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
                # in full before. Kept out of the memo above, which is by sentence:
                # the first `same` lines are the file's lines as last read, so
                # their story is too, and what it changed is in `changed`.
                if n < same:
                    facts = changed.get(n, facts)
                elif (
                    story and (actors := with_story(item.text, facts.actors, story)) != facts.actors
                ):
                    facts = changed[n] = replace(facts, actors=actors)
                story.extend(facts.actors)
                result[(item.file, item.line)] = facts
                for warning in facts.warnings:
                    problems.warning(item.file, item.line, warning)
            # The memo as it was if the file is (the same object: no journal entry).
            used[("story", f.file)] = memo if whole else (context, texts, changed)
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
        saved = self.understood
        understood = self.understand(news, registry, config, problems)
        _seed_sketches(self.dedupe, saved)
        text_ids = {
            k[1]: v for k, v in saved.items() if len(k) == 2 and k[0] == "id" and type(v) is str
        }
        model = build_model(
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
            text_ids=text_ids,
        )
        _keep_sketches(self.dedupe, saved, self.understood)
        for e in model.events:  # the ids of this build's texts only
            if e.text in text_ids:
                self.understood["id", e.text] = text_ids[e.text]
        return model


def _same_story(
    memo: Any, context: tuple[Any, ...], texts: tuple[str, ...]
) -> tuple[int, dict[int, Understanding], bool]:
    """How many of a file's first lines are as `memo` (the last reading of the
    file: its context, its lines, and by line what the story made of those it
    changed) read them; those lines' readings (a new dict: the memo's is
    saved, never changed); whether the memo is the whole file. A memo of
    another shape is not used."""
    if not (type(memo) is tuple and len(memo) == 3 and memo[0] == context):
        return 0, {}, False
    old, changed = memo[1], memo[2]
    if type(old) is not tuple or type(changed) is not dict:
        return 0, {}, False
    same, top = 0, min(len(old), len(texts))
    while same < top and old[same] == texts[same]:
        same += 1
    kept = {n: u for n, u in changed.items() if type(n) is int and n < same}
    if not all(type(u) is Understanding for u in kept.values()):
        return 0, {}, False
    return same, kept, same == len(old) == len(texts)


def _seed_sketches(sketches: Sketches, saved: dict[tuple[Any, ...], Any]) -> None:
    """Dedupe's folded texts and fingerprints from the cache (`_keep_sketches`),
    for the texts `sketches` has not met: a new `tarikh build` after an
    append sketches the new line, not all of them. The fingerprints are the
    same whether sketched one by one or with numpy (dedupe.py), so the groups
    are too. An entry of another shape is passed over (sketched again)."""
    keys, prints = sketches.keys, sketches.prints
    for k, entry in saved.items():
        if len(k) != 2 or k[0] != "dedupe" or k[1] in keys:
            continue
        if not (type(entry) is tuple and len(entry) == 2 and type(entry[0]) is str):
            continue
        folded, data = entry
        if folded not in prints:
            try:
                prints[folded] = unpacked(folded, data)
            except (struct.error, TypeError):
                continue
        keys[k[1]] = folded


def _keep_sketches(
    sketches: Sketches, saved: dict[tuple[Any, ...], Any], kept: dict[tuple[Any, ...], Any]
) -> None:
    """Each text's folded form and fingerprint into `kept` (the cache's
    dict), as the entry saved before where it is the same (no journal entry)."""
    prints = sketches.prints
    for text, folded in sketches.keys.items():
        found = prints.get(folded)
        if found is None:
            continue
        k = ("dedupe", text)
        entry, data = saved.get(k), packed(found)
        if not (
            type(entry) is tuple and len(entry) == 2 and entry[0] == folded and entry[1] == data
        ):
            entry = (folded, data)
        kept[k] = entry
