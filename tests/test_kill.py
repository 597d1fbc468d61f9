"""Nothing lost (issue 13): `tarikh build` killed with SIGKILL at any moment,
clean or with a warm cache, leaves every file in output/ whole (the old
version or the new one, never a mix), and the next build repairs the rest with
nothing believing otherwise: the result is byte for byte a fresh build's."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, snapshot, write_site

from generator.write import MANIFEST

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"]


def _news(n: int, word: str) -> str:
    lines = ["---\ndate: 2015-06-30\nsource: وكالة\n---"]
    for i in range(n):
        lines.append(
            f"{word} وزير الخارجية المصري سامح شكري في {1 + i // 6} {MONTHS[i % 6]} 2015 "
            f"بيانًا رقم {i + 1} بشأن الحل السياسي في سورية."
        )
    return "\n".join(lines) + "\n"


def _build(site: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--source", str(site), "--quiet", *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )


def _finish(site: Path) -> None:
    proc = _build(site)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()


def _pages(output: Path) -> dict[str, bytes]:
    return {p: d for p, d in snapshot(output).items() if p != MANIFEST}


def test_a_build_killed_at_any_moment_loses_nothing(tmp_path: Path) -> None:
    old_files = {"content/news/a.txt": _news(40, "أعلن"), "content/news/b.txt": _news(8, "نفى")}
    new_files = {"content/news/a.txt": _news(44, "أكد"), "content/news/c.txt": _news(4, "قال")}
    # The two sites, built whole: what a page may be after a kill.
    old = write_site(tmp_path / "old", old_files)
    _finish(old)
    new = write_site(tmp_path / "new", {**old_files, **new_files})
    (new / "content/news/b.txt").unlink()
    start = time.perf_counter()
    _finish(new)
    took = time.perf_counter() - start
    old_pages, new_pages = _pages(old / "output"), _pages(new / "output")
    assert old_pages != new_pages
    # The same edit over the old site's output and cache: what the killed builds do.
    probe = tmp_path / "probe"
    shutil.copytree(old, probe, symlinks=True)
    write_site(probe, new_files)
    (probe / "content/news/b.txt").unlink()
    start = time.perf_counter()
    _finish(probe)
    took_cached = time.perf_counter() - start

    def edited(site: Path, clean: bool) -> None:
        """The old site, built, with the new edit on it (and no cache: clean)."""
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(old, site, symlinks=True)
        if clean:
            shutil.rmtree(site / ".tarikh-cache", ignore_errors=True)
        (site / "output/mine.html").write_text("hand-placed", encoding="utf-8")
        write_site(site, new_files)
        (site / "content/news/b.txt").unlink()

    kills = 0
    for n, fraction in enumerate((0.35, 0.55, 0.7, 0.8, 0.9, 0.97)):
        site = tmp_path / f"kill{n}"
        # A build that ends before its moment (the machine got quieter than
        # when it was timed) is run again from the same state, killed sooner.
        # Half the kills with no cache: a clean build.
        for attempt in range(3):
            edited(site, clean=bool(n % 2))
            proc = _build(site)
            time.sleep((took if n % 2 else took_cached) * fraction / 2**attempt)
            killed = proc.poll() is None
            if killed:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.communicate(timeout=60)
            if killed:
                break

        # Every file whole: the old page or the new one, never a torn or a mixed file.
        for path, data in _pages(site / "output").items():
            if path == "mine.html":
                assert data == b"hand-placed"
                continue
            if path.endswith(".tmp"):
                continue  # a write cut before its os.replace; the next build removes it
            assert data in (old_pages.get(path), new_pages.get(path)), (fraction, path)

        # The next build repairs the rest: byte for byte a fresh build, and a
        # build after it writes nothing (nothing cached believes otherwise).
        _finish(site)
        repaired = _pages(site / "output")
        assert repaired.pop("mine.html") == b"hand-placed"
        assert repaired == new_pages, (
            sorted(set(repaired) ^ set(new_pages))[:5]
            or [p for p in repaired if repaired[p] != new_pages[p]][:5]
        )
        if n % 2:
            before = snapshot(site / "output")
            _finish(site)
            assert snapshot(site / "output") == before
    assert kills >= 3, "the builds ended before they could be killed"
