"""`tarikh serve` and `tarikh build --watch`: rebuild on every save, and let the browser follow.

The preview serves the last complete build from memory and never writes to
output/: a rebuild makes a whole new file map, and only then is the map the
server reads replaced, by one reference assignment, so a request sees either
the old site or the new one, never half of each (MkDocs waits for the same
reason). A rebuild that fails keeps the last good pages and shows the error
over them; nothing a content file does can stop the server.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import gc
import signal
import sys
import threading
import time
import traceback
import uuid
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.build import Builder, BuildResult, gc_paused
from generator.errors import BuildError
from generator.model_objects import SiteModel
from generator.preview.httpd import PreviewServer, display_host
from generator.preview.livereload import Hub, Problem, Snapshot, build_message, sse
from generator.preview.watch import Watcher

EXIT_OK, EXIT_USAGE = 0, 2
Log = Callable[[str], None]


def _say(line: str) -> None:
    print(line, flush=True)


def describe(changed: set[Path] | None, source: Path) -> str:
    """The changed sources for a terminal line: 'content/news/a.txt and 2 more'."""
    if changed is None:
        return "full build"
    names = []
    for p in sorted(changed):
        try:
            names.append(p.relative_to(source.resolve()).as_posix())
        except ValueError:
            names.append(p.name)
    if not names:
        return "no change"
    return names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"


def summary(what: str, result: BuildResult) -> str:
    """One terminal line per rebuild: what changed, pages rendered, milliseconds."""
    line = (
        f"{what}: {len(result.rendered)} pages rendered, {len(result.changed)} files changed, "
        f"{result.seconds * 1000:.0f} ms"
    )
    if errors := result.errors:
        line += f", {len(errors)} error{'s' * (len(errors) > 1)} (first: {errors[0]})"
    if warnings := result.warnings:
        line += f", {len(warnings)} warning{'s' * (len(warnings) > 1)}"
    return line


def _relative(file: str | None, source: Path) -> str | None:
    if file is None:
        return None
    with contextlib.suppress(ValueError):
        return Path(file).resolve().relative_to(source.resolve()).as_posix()
    return file


class Preview:
    """The builder, the snapshot that the server reads, and the stream that tells browsers."""

    def __init__(self, builder: Builder, *, log: Log = _say) -> None:
        self.builder = builder
        self.hub = Hub()
        self.instance = uuid.uuid4().hex[:12]
        self.snapshot = Snapshot(files={}, base=self._base())
        self.log = log
        self._lock = threading.Lock()  # one rebuild at a time
        self.on_rebuilt: Callable[[], None] | None = None
        self.verbose = False  # --verbose: log the traceback behind a failed build
        self._model: SiteModel | None = None  # the published build's, released when replaced

    def _base(self) -> str:
        try:
            return self.builder.load_config().base_path
        except BuildError:
            return self.builder.base_path

    def rebuild(self, changed: set[Path] | None = None) -> None:
        """Rebuild, publish, notify: whatever happens, the server keeps serving."""
        with self._lock:
            # No garbage collection until the browser is told: a collection
            # right after a build walks everything the build made.
            with gc_paused():
                model = self._rebuild(changed)
            if model is not None:
                # The old model is freed now rather than at the next full
                # collection; the first build's objects (registry, understood
                # sentences, templates) live as long as the server, so they are
                # kept out of every later collection's walk.
                if self._model is not None and self._model is not model:
                    self._model.release()
                elif self._model is None:
                    gc.collect()
                    gc.freeze()
                self._model = model
            if self.on_rebuilt is not None:
                self.on_rebuilt()

    def _rebuild(self, changed: set[Path] | None) -> SiteModel | None:
        start = time.perf_counter()
        what = describe(changed, self.builder.source)
        old = self.snapshot
        try:
            result = self.builder.build(changed)
        except BuildError as exc:
            problem = Problem(_relative(exc.file, self.builder.source), exc.line, exc.message)
            self._publish(old, files=old.files, changed=set(), errors=(problem,), failed=True)
            ms = (time.perf_counter() - start) * 1000
            message = " ".join(str(exc).split())
            self.log(
                f"{what}: build failed, still serving the last good build: {message} ({ms:.0f} ms)"
            )
            if self.verbose:
                self.log(traceback_text(exc))
        except Exception as exc:  # a bug must not take the preview down either
            problem = Problem(None, None, f"{type(exc).__name__}: {exc}")
            self._publish(old, files=old.files, changed=set(), errors=(problem,), failed=True)
            self.log(f"{what}: internal error while building: {type(exc).__name__}: {exc}")
            if self.verbose:
                self.log(traceback_text(exc))
        else:
            errors = tuple(Problem(d.file, d.line, d.message) for d in result.errors)
            changed_files = set(result.changed) if old.built else set(result.files)
            self._publish(old, files=result.files, changed=changed_files, errors=errors)
            self.log(summary(what, result))
            return result.model
        return None

    def _publish(
        self,
        old: Snapshot,
        *,
        files: Any,
        changed: set[str],
        errors: tuple[Problem, ...],
        failed: bool = False,
    ) -> None:
        base = self._base() if not failed else old.base
        if base != old.base:
            changed = set(files)  # every URL moved
        build = old.build + 1 if changed else old.build
        new = Snapshot(
            files=files,
            base=base,
            build=build,
            errors=errors,
            failed=failed,
            built=old.built or not failed,
        )
        self.snapshot = new  # the one atomic swap
        if (new.errors, new.failed) != (old.errors, old.failed):
            self.hub.publish(sse("errors", new.errors_json()))
        if changed:
            self.hub.publish(sse("build", build_message(build, changed)))

    def state(self) -> dict[str, Any]:
        """What a page needs to know on connecting: which server, which build, what errors."""
        snap = self.snapshot
        return {"instance": self.instance, "build": snap.build, "problems": snap.errors_json()}

    def hello(self) -> bytes:
        return sse("hello", self.state())


def traceback_text(exc: BaseException) -> str:
    """The traceback behind an error, its hidden cause first (a template error
    is raised `from None` over the Jinja2 exception that says where)."""
    cause = exc.__cause__ or exc.__context__
    parts = ([cause] if cause is not None else []) + [exc]
    return "".join("".join(traceback.format_exception(p, chain=False)) for p in parts).rstrip()


def serve(
    source: Path,
    *,
    port: int = 8000,
    bind: str = "127.0.0.1",
    open_browser: bool = False,
    poll: bool = False,
    base_url: str | None = None,
    reference_date: dt.date | None = None,
    verbose: bool = False,
) -> int:
    """`tarikh serve`: returns the exit code (0 on Ctrl-C, 2 if the port cannot be had)."""
    if not source.is_dir():
        print(f"tarikh: error: {source} is not a directory", file=sys.stderr)
        return EXIT_USAGE
    builder = Builder(source, base_url=base_url, reference_date=reference_date, serving=True)
    preview = Preview(builder)
    preview.verbose = verbose
    try:
        server = PreviewServer(preview, bind=bind, port=port)
    except OSError as exc:
        print(f"tarikh: error: {_bind_problem(exc, bind, port)}", file=sys.stderr)
        return EXIT_USAGE
    url = f"http://{display_host(bind)}:{server.port}{preview.snapshot.base}"
    _say(f"preview at {url}  (Ctrl-C to stop)")
    watcher = Watcher(builder.watched_paths(), preview.rebuild, ignore=[builder.output], poll=poll)
    preview.on_rebuilt = lambda: watcher.set_paths(builder.watched_paths())
    try:
        watcher.start()
        preview.rebuild(None)
        if open_browser:
            webbrowser.open(url)
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        _quietly(lambda: _stop(watcher, server))
    return EXIT_OK


def _stop(watcher: Watcher, server: PreviewServer) -> None:
    watcher.stop()
    server.close()


def _quietly(action: Callable[[], None]) -> None:
    """Run the shutdown with a second Ctrl-C ignored: no traceback, no thread left behind."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        action()
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)


def _bind_problem(exc: OSError, bind: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} is already in use; choose another with --port {port + 1}"
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port}; choose a port above 1023 with --port"
    return f"cannot listen on {bind}:{port} ({exc.strerror or exc}); check --bind and --port"


def watch_build(
    source: Path,
    output: Path | None = None,
    *,
    poll: bool = False,
    base_url: str | None = None,
    reference_date: dt.date | None = None,
    verbose: bool = False,
) -> int:
    """`tarikh build --watch`: rebuild output/ on every change until Ctrl-C (exit 0)."""
    builder = Builder(source, output=output, base_url=base_url, reference_date=reference_date)
    lock = threading.Lock()

    def rebuild(changed: set[Path] | None) -> None:
        with lock:
            what = describe(changed, source)
            try:
                result = builder.build(changed)
                written, removed = builder.write(result)
            except BuildError as exc:
                message = " ".join(str(exc).split())
                _say(f"{what}: build failed, output/ left as it was: {message}")
                if verbose:
                    _say(traceback_text(exc))
                return
            except Exception as exc:
                _say(f"{what}: internal error while building: {type(exc).__name__}: {exc}")
                if verbose:
                    _say(traceback_text(exc))
                return
            _say(f"{summary(what, result)}; {written} written, {removed} removed")
            for d in result.errors:
                print(f"  {d}", file=sys.stderr, flush=True)
            if result.model is not None:
                result.model.release()  # see Preview.rebuild

    watcher = Watcher(builder.watched_paths(), rebuild, ignore=[builder.output], poll=poll)
    _say(f"watching {source} → {builder.output}  (Ctrl-C to stop)")
    stop = threading.Event()
    try:
        watcher.start()
        rebuild(None)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        _quietly(watcher.stop)
    return EXIT_OK
