"""The watcher with real files and real watchdog events, each wait bounded by a timeout."""

from __future__ import annotations

import errno
import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.preview.watch import Watcher, is_relevant, is_temporary

TIMEOUT = 5.0


class Recorder:
    """Collects the watcher's callbacks so that a test can wait for them."""

    def __init__(self) -> None:
        self.calls: queue.Queue[set[Path]] = queue.Queue()

    def __call__(self, paths: set[Path]) -> None:
        self.calls.put(paths)

    def next(self, timeout: float = TIMEOUT) -> set[Path]:
        return self.calls.get(timeout=timeout)

    def quiet_for(self, seconds: float) -> bool:
        try:
            extra = self.calls.get(timeout=seconds)
        except queue.Empty:
            return True
        pytest.fail(f"unexpected extra callback: {sorted(map(str, extra))}")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = (tmp_path / "site").resolve()
    (root / "content" / "news").mkdir(parents=True)
    (root / "content" / "news" / "a.txt").write_text("خبر أول.\n", encoding="utf-8")
    (root / "site.toml").write_text('title = "x"\n', encoding="utf-8")
    (root / "output").mkdir()
    return root


def _start(site: Path, recorder: Recorder, *, poll: bool = False) -> Watcher:
    watcher = Watcher(
        [site / "content", site / "site.toml", site / "templates"],
        recorder,
        ignore=[site / "output"],
        poll=poll,
    )
    watcher.start()
    return watcher


@pytest.fixture
def watching(site: Path) -> Iterator[tuple[Path, Recorder]]:
    recorder = Recorder()
    watcher = _start(site, recorder)
    yield site, recorder
    watcher.stop()


def test_temporary_names() -> None:
    for name in [".a.txt.swp", ".a.txt.swx", "4913", "a.txt~", ".#a.txt", "a.txt___jb_tmp___"]:
        assert is_temporary(name), name
    assert is_temporary(".DS_Store")
    for name in ["a.txt", "4914.txt", "swp.md", "site.toml"]:
        assert not is_temporary(name), name


def test_relevance_by_root_hidden_and_ignored(tmp_path: Path) -> None:
    content, toml, out = tmp_path / "content", tmp_path / "site.toml", tmp_path / "content/out"
    roots = [content, toml]
    assert is_relevant(content / "news/a.txt", roots, [out])
    assert is_relevant(toml, roots, [out])
    assert not is_relevant(tmp_path / "README.md", roots, [out])
    assert not is_relevant(content / ".git/index", roots, [out])
    assert not is_relevant(out / "index.html", roots, [out])


def test_modifying_a_file_is_one_change(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    target = site / "content/news/a.txt"
    target.write_text("خبر معدل.\n", encoding="utf-8")
    assert rec.next() == {target}
    rec.quiet_for(0.3)


def test_atomic_save_is_one_change_to_the_original(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    target = site / "content/news/a.txt"
    temp = site / "content/news/a.txt.tmp8842"  # a name no ignore rule knows
    temp.write_text("خبر محفوظ ذريا.\n", encoding="utf-8")
    os.replace(temp, target)
    assert rec.next() == {target}
    rec.quiet_for(0.3)


def test_vim_style_save_ignores_its_scratch_files(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    news = site / "content/news"
    target = news / "a.txt"
    (news / "4913").write_text("")
    (news / "4913").unlink()
    (news / ".a.txt.swp").write_bytes(b"swap")
    os.replace(target, news / "a.txt~")  # backup by rename, then write anew
    target.write_text("نص جديد.\n", encoding="utf-8")
    (news / "a.txt~").unlink()
    assert rec.next() == {target}
    rec.quiet_for(0.3)


def test_editor_temp_files_alone_raise_nothing(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    news = site / "content/news"
    for name in [".a.txt.swp", "a.txt~", ".#a.txt", "a.txt___jb_old___", ".DS_Store", "4913"]:
        (news / name).write_text("x")
    (site / "content/.hidden").mkdir()
    (site / "content/.hidden/b.txt").write_text("x")
    (site / "output/index.html").write_text("x")
    (site / "README.md").write_text("x")
    rec.quiet_for(0.5)


def test_reading_the_sources_raises_nothing(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    for _ in range(5):
        (site / "content/news/a.txt").read_bytes()
        (site / "site.toml").read_bytes()
    rec.quiet_for(0.4)


def test_a_burst_of_a_thousand_files_is_one_callback(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    news = site / "content/news"
    paths = {news / f"{i:04d}.txt" for i in range(1000)}
    for p in sorted(paths):
        p.write_text("خبر.\n", encoding="utf-8")
    # One callback; on a loaded machine a write may stall past the quiet
    # period and cut the burst in two, never into anything like 1,000.
    batches = [rec.next(timeout=10)]
    while set().union(*batches) != paths and len(batches) < 3:
        batches.append(rec.next(timeout=10))
    assert set().union(*batches) == paths
    assert len(batches) <= 2
    rec.quiet_for(0.3)


def test_delete_and_rename_report_both_paths(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    news = site / "content/news"
    (news / "a.txt").unlink()
    assert rec.next() == {news / "a.txt"}
    (news / "b.txt").write_text("خبر.\n", encoding="utf-8")
    assert rec.next() == {news / "b.txt"}
    (news / "b.txt").rename(news / "c.txt")
    assert rec.next() == {news / "b.txt", news / "c.txt"}


def test_site_toml_replaced_and_a_new_templates_dir(watching: tuple[Path, Recorder]) -> None:
    site, rec = watching
    temp = site / ".site.toml.new"
    temp.write_text('title = "y"\n', encoding="utf-8")
    os.replace(temp, site / "site.toml")
    assert rec.next() == {site / "site.toml"}
    (site / "templates").mkdir()
    assert rec.next() == {site / "templates"}
    time.sleep(0.1)  # the new directory is now watched itself
    (site / "templates/base.html").write_text("<html></html>")
    assert rec.next() == {site / "templates/base.html"}


def test_polling_observer_sees_changes(site: Path) -> None:
    rec = Recorder()
    watcher = _start(site, rec, poll=True)
    try:
        assert watcher.polling
        time.sleep(0.1)
        (site / "content/news/a.txt").write_text("خبر آخر أطول.\n", encoding="utf-8")
        assert rec.next() == {site / "content/news/a.txt"}
    finally:
        watcher.stop()


def test_out_of_inotify_watches_falls_back_to_polling(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second inotify watch fails as the kernel fails it when max_user_watches is spent."""
    from watchdog.observers.inotify import InotifyEmitter

    real_start = InotifyEmitter.on_thread_start
    made: list[object] = []

    def exhausted(self: InotifyEmitter) -> None:
        if made:
            raise OSError(errno.ENOSPC, "inotify watch limit reached")
        made.append(self)
        real_start(self)

    monkeypatch.setattr(InotifyEmitter, "on_thread_start", exhausted)
    before = set(threading.enumerate())
    lines: list[str] = []
    rec = Recorder()
    watcher = Watcher([site / "content", site / "site.toml"], rec, log=lines.append)
    watcher.start()
    try:
        assert made and watcher.polling
        assert len(lines) == 1 and "polling" in lines[0] and "inotify" in lines[0]
        time.sleep(0.1)
        (site / "content/news/new.txt").write_text("خبر.\n", encoding="utf-8")
        assert rec.next() == {site / "content/news/new.txt"}
    finally:
        watcher.stop()
    assert set(threading.enumerate()) - before == set()


def test_a_failing_callback_does_not_stop_watching(site: Path) -> None:
    seen: queue.Queue[set[Path]] = queue.Queue()

    def flaky(paths: set[Path]) -> None:
        seen.put(paths)
        raise RuntimeError("bad build")

    watcher = Watcher([site / "content"], flaky)
    watcher.start()
    try:
        (site / "content/news/a.txt").write_text("1", encoding="utf-8")
        assert seen.get(timeout=TIMEOUT)
        (site / "content/news/a.txt").write_text("2", encoding="utf-8")
        assert seen.get(timeout=TIMEOUT) == {site / "content/news/a.txt"}
    finally:
        watcher.stop()


def test_stop_leaves_no_thread_behind(site: Path) -> None:
    before = set(threading.enumerate())
    watcher = _start(site, Recorder())
    assert set(threading.enumerate()) - before
    watcher.stop()
    assert set(threading.enumerate()) - before == set()
