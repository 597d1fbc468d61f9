"""Watch a site's sources and report each burst of changes once.

Raw file-system events are noisy: an editor's save is several events on
temporary names, a `git checkout` is thousands, and reading a file (as every
rebuild does) raises "opened" and "closed" events of its own. This module turns
them into what a rebuild needs: one callback per burst, with the set of real
source paths that changed. A burst ends after a quiet period of tens of
milliseconds (MkDocs waits 250 ms, which alone would spend the preview's whole
latency budget).
"""

from __future__ import annotations

import errno
import fnmatch
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

QUIET_SECONDS = 0.04
POLL_SECONDS = 0.5

# Vim's `.swp`/`.swx` and its `4913` write probe, backups `x~`, Emacs' lock
# `.#x`, JetBrains' safe-write `___jb_tmp___`/`___jb_old___`, macOS' `.DS_Store`.
TEMP_PATTERNS = ("*.swp", "*.swx", "*.swo", "4913", "*~", ".#*", "___jb_*", "*___jb_*", ".DS_Store")

# Only events that can change a file's content or existence: "opened" and
# "closed" would make every rebuild (which reads the sources) trigger the next.
EVENT_TYPES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileAttribEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]

Callback = Callable[[set[Path]], None]


def is_temporary(name: str) -> bool:
    """An editor's scratch file, never a source."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in TEMP_PATTERNS)


def is_relevant(path: Path, roots: Iterable[Path], ignored: Iterable[Path]) -> bool:
    """Inside a watched root, outside the ignored dirs, not hidden, not an editor's temp file."""
    if is_temporary(path.name):
        return False
    for skip in ignored:
        if path == skip or skip in path.parents:
            return False
    for root in roots:
        if path == root:
            return True
        if root in path.parents:
            return not any(part.startswith(".") for part in path.relative_to(root).parts)
    return False


class Debouncer:
    """Collects paths and calls back once no new path has come for `quiet` seconds.

    A path whose first event in the burst created it and that is gone when the
    burst ends never existed as far as the site is concerned (the temporary
    file of an atomic save): it is dropped. Changes that arrive while the
    callback runs make the next burst, so nothing is lost and nothing overlaps.
    """

    def __init__(self, callback: Callback, quiet: float = QUIET_SECONDS) -> None:
        self._callback = callback
        self._quiet = quiet
        self._cond = threading.Condition()
        self._pending: dict[Path, bool] = {}  # path -> created during this burst
        self._last = 0.0
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="tarikh-debounce", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, path: Path, created: bool = False) -> None:
        with self._cond:
            self._pending.setdefault(path, created)
            self._last = time.monotonic()
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def _next_batch(self) -> set[Path] | None:
        with self._cond:
            while not self._stopped:
                if not self._pending:
                    self._cond.wait()
                    continue
                left = self._last + self._quiet - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                batch, self._pending = self._pending, {}
                return {p for p, created in batch.items() if not (created and not p.exists())}
            return None

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            if not batch:
                continue
            try:
                self._callback(batch)
            except Exception as exc:  # a failed rebuild must not stop the watching
                print(f"tarikh: rebuild failed: {type(exc).__name__}: {exc}", file=sys.stderr)


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        w = self._watcher
        created = isinstance(event, FileCreatedEvent | DirCreatedEvent)
        w._offer(Path(_text(event.src_path)), created)
        if isinstance(event, FileMovedEvent | DirMovedEvent):
            w._offer(Path(_text(event.dest_path)), True)
        if isinstance(event, DirCreatedEvent):
            w._schedule_new_root(Path(_text(event.src_path)))


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path


class Watcher:
    """Watches files and directories (existing or not yet) and reports bursts of changes.

    A watched directory is watched recursively; a watched file, or a directory
    that does not exist yet, is watched through its parent so that creating it
    later, or replacing it by rename, is seen.
    """

    def __init__(
        self,
        paths: Iterable[Path],
        callback: Callback,
        *,
        ignore: Iterable[Path] = (),
        poll: bool = False,
        quiet: float = QUIET_SECONDS,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self._roots = _absolute(paths)
        self._ignored = _absolute(ignore)
        self._poll = poll
        self._log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self._debouncer = Debouncer(callback, quiet)
        self._handler = _Handler(self)
        self._lock = threading.Lock()
        self._scheduled: dict[tuple[Path, bool], ObservedWatch] = {}
        self._observer: BaseObserver | None = None

    @property
    def polling(self) -> bool:
        return isinstance(self._observer, PollingObserver)

    def start(self) -> None:
        if self._poll:
            self._start(PollingObserver(timeout=POLL_SECONDS))
        else:
            try:
                self._start(Observer())
            except OSError as exc:
                if exc.errno not in (errno.ENOSPC, errno.EMFILE):
                    raise
                self._fall_back(exc)
        self._debouncer.start()

    def _fall_back(self, exc: OSError) -> None:
        """Out of inotify watches: the watches already made are dropped, polling takes over."""
        if self._observer is not None:
            # Never started as a thread, but its emitters and inotify reader may have:
            # stop() joins those (join() itself would refuse an unstarted thread).
            self._observer.stop()
        self._scheduled.clear()
        self._log(
            f"tarikh: out of inotify watches ({exc.strerror or exc}); polling for changes "
            "instead (raising fs.inotify.max_user_watches avoids this)"
        )
        self._start(PollingObserver(timeout=POLL_SECONDS))

    def _start(self, observer: BaseObserver) -> None:
        self._observer = observer
        with self._lock:
            for root in self._roots:
                self._schedule(root)
        observer.start()

    def set_paths(self, paths: Iterable[Path]) -> None:
        """Follow a new list of roots (site.toml may switch theme)."""
        with self._lock:
            self._roots = _absolute(paths)
            for root in self._roots:
                try:
                    self._schedule(root)
                except OSError as exc:  # a root that vanished, or no watches left
                    self._log(f"tarikh: cannot watch {root}: {exc.strerror or exc}")

    def _schedule(self, root: Path) -> None:
        """Schedule `root` itself if it is a directory, else its parent (caller holds the lock)."""
        target, recursive = (root, True) if root.is_dir() else (root.parent, False)
        if (target, recursive) in self._scheduled or not target.is_dir():
            return
        assert self._observer is not None
        self._scheduled[(target, recursive)] = self._observer.schedule(
            self._handler, str(target), recursive=recursive, event_filter=EVENT_TYPES
        )

    def _schedule_new_root(self, path: Path) -> None:
        with self._lock:
            if path in self._roots and self._observer is not None:
                try:
                    self._schedule(path)
                except OSError as exc:
                    self._log(f"tarikh: cannot watch {path}: {exc.strerror or exc}")

    def _offer(self, path: Path, created: bool) -> None:
        if is_relevant(path, self._roots, self._ignored):
            self._debouncer.add(path, created)

    def stop(self) -> None:
        """Stop and join every thread this watcher started."""
        if self._observer is not None:
            self._observer.stop()
            self._observer.join()
        self._debouncer.stop()

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _absolute(paths: Iterable[Path]) -> list[Path]:
    return list(dict.fromkeys(Path(p).resolve() for p in paths))
