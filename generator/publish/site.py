"""Everything a build publishes besides its pages, in one place.

The search index (Pagefind's custom records, in shards: search.py), the data
files (events.json, per year past a size; TimelineJS's JSON), the widget's
host script and oEmbed answers, feeds, sitemaps and robots.txt (findable.py),
and `.nojekyll` for GitHub Pages. A Publisher lives as long as its Builder,
so a rebuild reuses what did not change: the search shards output/ already
holds, and the search record and events.json's line of every event whose
digest holds (kept in memory by the preview, in the cache between `tarikh
build` runs: `snapshot` and `restore`).
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
from generator.publish.records import event_line, events_files
from generator.publish.search import SearchIndex, records
from generator.publish.timelinejs import timeline_json
from generator.write import SiteFiles


class Publisher:
    def __init__(self, output: Path | None) -> None:
        self.search = SearchIndex(output)  # None while serving: the index stays in memory
        self._lines: dict[str, str] = {}  # events.json lines by event digest
        # Search records by event digest, for the dates as this config writes them.
        self._records: tuple[str, dict[str, Any]] = ("", {})

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
        config_key = repr(config)  # the dates' digits and month names are the config's
        previous = self._records[1] if self._records[0] == config_key else {}
        current: dict[str, Any] = {}
        found = records(model, filters["gdate"], filters["hdate"], previous, digests, current)
        self._records = (config_key, current)
        index = self.search.files(found, written)
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

    def snapshot(self) -> tuple[tuple[str, dict[str, Any]], dict[str, str]]:
        """What the next build in another process can reuse (rebuild.py)."""
        return self._records, self._lines

    def restore(self, saved: object) -> None:
        """Take `snapshot()`'s value back from the cache, if it has that shape
        (it is keyed there, and by each event's digest here: never trusted)."""
        if not (isinstance(saved, tuple) and len(saved) == 2):
            return
        found, lines = saved
        if (
            isinstance(found, tuple)
            and len(found) == 2
            and isinstance(found[0], str)
            and isinstance(found[1], dict)
            and isinstance(lines, dict)
        ):
            self._records, self._lines = found, lines

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
