"""The site's content files, parsed, and parsed again only when they change.

A rebuild after one save must not re-read and re-parse ten thousand files, yet
it must never serve a stale parse: reuse is keyed on a file's bytes, and the
bytes are only re-read when stat() says the file may have changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from stat import S_ISREG
from typing import Any

from generator.errors import Diagnostic
from generator.load import (
    ActorFile,
    EventFile,
    Markdown,
    NewsFile,
    load_actor,
    load_corrections,
    load_event,
    load_news,
)
from generator.load_text import MAX_FILE_BYTES, Problems


@dataclass
class _Loaded:
    stamp: tuple[int, str]  # size and content digest
    value: Any
    problems: list[Diagnostic]
    stat: tuple[int, ...] = ()
    racy: bool = True  # modified too close to when it was read to trust stat()


RACY_NS = 2_000_000_000  # coarser than any file system's timestamps (FAT: 2 s)


class Sources:
    """The content of one site directory, with each file's last parse."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._loaded: dict[str, _Loaded] = {}
        md = Markdown()
        self._event = partial(load_event, md=md)
        self._actor = partial(load_actor, md=md)

    def snapshot(self) -> dict[str, _Loaded]:
        """Every file's last parse, for the cache on disk (cache.py)."""
        return dict(self._loaded)

    def restore(self, saved: object) -> None:
        """Start from a cached snapshot (a fresh `tarikh build`): the same rules
        then decide what to read again, so a snapshot only saves parsing."""
        if not self._loaded and isinstance(saved, dict):
            self._loaded = {
                k: v for k, v in saved.items() if isinstance(k, str) and type(v) is _Loaded
            }

    def stamps(self) -> list[tuple[str, tuple[int, str]]]:
        """What each content file held at the last scan (size, digest)."""
        return sorted((rel, entry.stamp) for rel, entry in self._loaded.items())

    def load(
        self,
        path: Path | str,
        loader: Any,
        problems: Problems,
        rel: str | None = None,
        st: os.stat_result | None = None,
    ) -> Any:
        """Load a file through `loader`, reusing the last result while it is unchanged.

        Unchanged means the same bytes. The bytes are read and hashed again
        unless stat() is unchanged and the file was already old when it was
        last read: git's "racy clean" rule, so two saves within one timestamp
        tick are never confused, yet a rebuild of 10,000 files reads one.
        `st` is the file's stat() when the caller has it (a scan's).
        """
        rel = rel or Path(path).relative_to(self.source).as_posix()
        if st is None:
            try:
                st = os.stat(path)
            except OSError:
                return None
        stat = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        cached = self._loaded.get(rel)
        if cached is None or cached.stat != stat or cached.racy:
            try:
                data = Path(path).read_bytes() if st.st_size <= MAX_FILE_BYTES else b""
            except OSError as exc:  # permissions, I/O: said, never skipped silently
                problems.error(rel, None, f"cannot read: {exc.strerror or exc}")
                self._loaded.pop(rel, None)
                return None
            racy = time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS
            stamp = (st.st_size, hashlib.blake2b(data, digest_size=16).hexdigest())
            if cached is None or cached.stamp != stamp:
                local = Problems()
                cached = _Loaded(stamp, loader(Path(path), rel, local), local.items)
            cached.stat, cached.racy = stat, racy
            self._loaded[rel] = cached
        problems.items.extend(cached.problems)
        return cached.value

    def scan(
        self, problems: Problems, registry_only: bool = False
    ) -> tuple[list[NewsFile], list[EventFile], list[ActorFile], dict[str, Any]]:
        content = self.source / "content"
        news: list[NewsFile] = []
        events: list[EventFile] = []
        actors: list[ActorFile] = []
        corrections: dict[str, Any] = {}
        if not content.is_dir():
            problems.warning(None, None, f"no content directory at {content}")
            return news, events, actors, corrections
        root = content.resolve()
        seen = set()
        for parts, entry in _files(os.fspath(content)):
            rel = "content/" + "/".join(parts)
            if entry.is_symlink() and not _inside(Path(entry.path), root):
                problems.error(
                    rel, None, "a link to a file outside content/ (or to nothing); left out"
                )
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            if not S_ISREG(st.st_mode):
                continue
            seen.add(rel)
            path, suffix = entry.path, _suffix(parts[-1])
            if parts[0] == "actors" and suffix == ".md":
                if (a := self.load(path, self._actor, problems, rel, st)) is not None:
                    actors.append(a)
            elif len(parts) == 1 and parts[0] == "corrections.yaml":
                corrections = self.load(path, load_corrections, problems, rel, st) or {}
            elif registry_only:
                continue
            elif suffix == ".txt":
                if (n := self.load(path, load_news, problems, rel, st)) is not None:
                    news.append(n)
            elif suffix == ".md" and (e := self.load(path, self._event, problems, rel, st)):
                events.append(e)
        if not registry_only:
            for gone in set(self._loaded) - seen:
                del self._loaded[gone]
        return news, events, actors, corrections


def _files(top: str) -> list[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Every file and link under `top` that no hidden name leads to, as (its
    path's parts below `top`, its entry), in the order of those parts (as
    sorting their `Path`s would). A folder is entered, a link to one is not
    (as `Path.rglob`); a folder that cannot be listed is left out.

    One `scandir` a folder and one stat() a file: a rebuild of 10,000 files
    looks at each one, and `Path` objects for them cost more than the looking."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), top)]
    while pending:
        parts, folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            here = (*parts, entry.name)
            if entry.is_dir(follow_symlinks=False):
                pending.append((here, entry.path))
            elif entry.is_symlink() or entry.is_file():
                found.append((here, entry))
    found.sort(key=lambda item: item[0])
    return found


def _suffix(name: str) -> str:
    """`Path(name).suffix`: from the last dot, unless the name starts or ends with it."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _inside(path: Path, root: Path) -> bool:
    """Whether a link resolves to something that exists inside root (content/)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop
        return False
    return target.is_relative_to(root)
