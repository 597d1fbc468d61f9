"""Everything a build publishes besides its pages, in one place.

The search index (Pagefind's custom records, in shards: search.py), the data
files (events.json and TimelineJS's JSON, per year past a size, each written
into its staged file piece by piece: records.stream), the widget's
host script and oEmbed answers, feeds, sitemaps and robots.txt (findable.py),
and `.nojekyll` for GitHub Pages. A Publisher lives as long as its Builder,
so a rebuild reuses what did not change: the search shards output/ already
holds (known by what their records are made from: search.py), and
events.json's line of every event whose digest holds (kept in memory by the
preview, in the cache between `tarikh build` runs: `snapshot` and `restore`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.config import SiteConfig
from generator.errors import Diagnostic
from generator.load import Problems
from generator.model import Event, SiteModel
from generator.publish.embed import host_script
from generator.publish.findable import NO_BASE_URL, findable
from generator.publish.oembed import oembed_json, oembed_path
from generator.publish.records import event_line, stream, write_events
from generator.publish.search import SearchIndex, entries, made
from generator.publish.timelinejs import Slides, write_timeline
from generator.write import SiteFiles


class Publisher:
    def __init__(self, output: Path | None) -> None:
        self.search = SearchIndex(output)  # None while serving: the index stays in memory
        self._lines: dict[str, bytes] = {}  # events.json lines by event digest
        self._slides = Slides()  # timeline.json's lines by all that they show

    def add(
        self,
        files: SiteFiles,
        model: SiteModel,
        config: SiteConfig,
        filters: Mapping[str, Callable[..., Any]],
        digests: dict[str, str],
        embeddable: Iterable[Any],
        problems: Problems,
        written: Any = None,  # output/ as the last finished write left it, if known
    ) -> None:
        """Put everything but the pages and static files into `files`."""
        gdate, hdate = filters["gdate"], filters["hdate"]
        # The dates' digits and month names are the config's.
        index = self.search.files(
            entries(model, digests), lambda e: made(e, gdate, hdate), repr(config), written
        )
        for path in index:
            files.take(index, path)  # a shard output/ holds stays there
        # Written into their staged files piece by piece, never whole in memory.
        write_events(model, config, stream(files), self._json_lines(digests))
        write_timeline(model, config, stream(files), problems, self._slides)
        files["embed.js"] = host_script()
        if config.base_url:
            for scope in embeddable:
                files[oembed_path(scope.path)] = oembed_json(config, scope.path, scope.title)
        else:
            # A note, not a warning: a site without a base_url is not at fault.
            problems.items.append(Diagnostic(None, None, "note", NO_BASE_URL))
        files.update(findable(model, config, list(files)))
        files[".nojekyll"] = b""

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """What the next build in another process can reuse (rebuild.py): the
        search shards' keys, events.json's and timeline.json's lines."""
        return {"shards": self.search.keys, "lines": self._lines, "slides": self._slides.lines}

    def restore(self, saved: object) -> None:
        """Take `snapshot()`'s value back from the cache, if it has that shape
        (it is keyed there, and by digests here: never trusted)."""
        if not isinstance(saved, dict):
            return
        shards, lines, slides = saved.get("shards"), saved.get("lines"), saved.get("slides")
        if not (isinstance(shards, dict) and isinstance(lines, dict) and isinstance(slides, dict)):
            return
        texts = (*shards.keys(), *shards.values())
        if all(type(t) is str for t in texts) and _all_bytes(lines) and _all_bytes(slides):
            self.search.keys, self._lines, self._slides.lines = shards, lines, slides

    def _json_lines(self, digests: dict[str, str]) -> Callable[[Event], bytes]:
        """events.json's line of an event, reused while the event's digest holds."""
        previous, current = self._lines, {}
        self._lines = current

        def line(event: Event) -> bytes:
            key = digests[event.id]
            text = previous.get(key) or event_line(event)
            current[key] = text
            return text

        return line


def _all_bytes(lines: dict[Any, Any]) -> bool:
    return all(type(k) is str and type(v) is bytes for k, v in lines.items())
