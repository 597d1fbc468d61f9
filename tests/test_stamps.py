"""An unchanged `tarikh build` is told from stat() alone (stamps.py): it loads
neither the parse cache nor the model, imports neither Jinja nor the build,
and writes nothing; anything the build reads or wrote that changed (content,
config, templates, static files, options, a file in output/) runs the full
build, and an input changed too close to the last listing is never trusted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, snapshot, tarikh, write_site

import generator.build
import generator.stamps as stamps

NEWS = (
    "---\ndate: 2015-10-01\n---\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"
    "قال وزير الخارجية المصري سامح شكري إن الحل سياسي.\n"
)
ACTOR = "---\nname: فلاديمير بوتين\naliases: [بوتين]\nkind: person\n---\nرئيس روسيا.\n"


def _site(root: Path) -> Path:
    return write_site(
        root,
        {
            "site.toml": 'title = "اختبار"\n',
            "content/news/a.txt": NEWS,
            "content/actors/فلاديمير-بوتين.md": ACTOR,
            "templates/partials/footer.html": "<footer>تذييل</footer>\n",
            "static/site.css": "body{}\n",
        },
    )


class Builds:
    """Counts the full builds that `tarikh build` runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = generator.build.Builder.build

        def counted(builder: generator.build.Builder, *args: object, **kw: object) -> object:
            self.count += 1
            return real(builder, *args, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(generator.build.Builder, "build", counted)

    def run(self, site: Path, *args: str) -> int:
        """How many full builds one `tarikh build` ran (0: told by stat())."""
        before = self.count
        assert tarikh("build", "--source", site, "--quiet", *args) == 0
        return self.count - before


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Builds:
    # Files written by a test are seconds old at most: with the real racy
    # window no listing of them would ever be trusted (tested on its own below).
    monkeypatch.setattr(stamps, "RACY_NS", 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1443657600")
    return Builds(monkeypatch)


def _mtimes(output: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def test_an_unchanged_build_is_told_by_stat_and_writes_nothing(
    tmp_path: Path, builds: Builds, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path / "site")
    assert builds.run(site) == 1
    before = _mtimes(site / "output")
    capsys.readouterr()
    assert builds.run(site) == 0
    said = capsys.readouterr().out
    assert "0 rendered, 0 written, 0 removed" in said and "2 events" in said
    assert _mtimes(site / "output") == before


def test_a_touched_file_builds_in_full_once_and_writes_nothing(
    tmp_path: Path, builds: Builds, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path / "site")
    builds.run(site)
    before = _mtimes(site / "output")
    news = site / "content/news/a.txt"
    os.utime(news, ns=(time.time_ns(), time.time_ns()))  # touched, not changed
    capsys.readouterr()
    assert builds.run(site) == 1
    assert "0 written, 0 removed" in capsys.readouterr().out
    assert _mtimes(site / "output") == before
    assert builds.run(site) == 0  # and the next one is told by stat() again


@pytest.mark.parametrize(
    "change",
    [
        "news edited",
        "news added",
        "news removed",
        "site.toml",
        "site template",
        "new site template",
        "static file",
        "output file edited",
        "output file removed",
        "another base url",
    ],
)
def test_any_change_to_what_a_build_reads_or_wrote_builds_in_full(
    tmp_path: Path, builds: Builds, change: str
) -> None:
    site = _site(tmp_path / "site")
    builds.run(site)
    args: tuple[str, ...] = ()
    if change == "news edited":
        (site / "content/news/a.txt").write_text(NEWS.replace("سياسي", "سلمي"), encoding="utf-8")
    elif change == "news added":
        write_site(site, {"content/news/b.txt": NEWS.replace("بدء", "انتهاء")})
    elif change == "news removed":
        (site / "content/news/a.txt").unlink()
    elif change == "site.toml":
        (site / "site.toml").write_text('title = "عنوان آخر"\n', encoding="utf-8")
    elif change == "site template":
        write_site(site, {"templates/partials/footer.html": "<footer>آخر</footer>\n"})
    elif change == "new site template":
        write_site(site, {"templates/404.html": "<p>لا شيء هنا</p>\n"})
    elif change == "static file":
        write_site(site, {"static/site.css": "body{color:red}\n"})
    elif change == "output file edited":
        (site / "output/index.html").write_text("تغيير باليد", encoding="utf-8")
    elif change == "output file removed":
        (site / "output/index.html").unlink()
    else:
        args = ("--base-url", "https://example.org/site/")
    assert builds.run(site, *args) == 1
    fresh = write_site(tmp_path / "fresh", {})
    for rel, data in snapshot(site).items():
        if not rel.startswith(("output/", ".tarikh-cache/")):
            write_site(fresh, {rel: data})
    assert tarikh("build", "--source", fresh, "--quiet", *args) == 0
    published = {p: d for p, d in snapshot(site / "output").items() if "tarikh" not in p}
    clean = {p: d for p, d in snapshot(fresh / "output").items() if "tarikh" not in p}
    assert sorted(published) == sorted(clean)
    assert [p for p in clean if published[p] != clean[p]] == []


def test_an_input_changed_within_the_racy_window_is_never_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two saves in one timestamp tick, the same size, look unchanged to
    stat(); so a listing of files changed within RACY_NS of it is kept but
    never matches, and the build runs in full until the files are older."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1443657600")
    builds = Builds(monkeypatch)
    site = _site(tmp_path / "site")
    builds.run(site)  # the files were written a moment ago
    record = stamps.DiskCache(site).load("stamps", (site / "output").resolve().as_posix())
    assert isinstance(record, stamps.Stamps) and record.racy()
    assert stamps.unchanged(site, site / "output", None, None) is None
    # The same size, and the mtime put back: only the racy rule can tell.
    news = site / "content/news/a.txt"
    st = news.stat()
    news.write_text(NEWS.replace("بدء", "وقف"), encoding="utf-8")
    assert news.stat().st_size == st.st_size
    os.utime(news, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert builds.run(site) == 1
    assert "وقف العملية" in (site / "output/index.html").read_text(encoding="utf-8")


def test_unchanged_build_imports_neither_jinja_nor_the_build(tmp_path: Path) -> None:
    """Start-up is most of an unchanged build: it imports only what it needs."""
    site = _site(tmp_path / "site")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1443657600", "PYTHONPATH": str(ROOT)}
    time.sleep(stamps.RACY_NS / 1e9 + 0.1)  # the files old enough to trust their stat()
    build = [sys.executable, "-m", "generator", "build", "--source", str(site), "--quiet"]
    assert subprocess.run(build, env=env, capture_output=True, timeout=120).returncode == 0
    probe = (
        "import sys; from generator.cli import main; "
        f"code = main(['build', '--source', {str(site)!r}, '--quiet']); "
        "heavy = sorted(m for m in ('jinja2', 'markdown', 'yaml', 'generator.build', "
        "'generator.model', 'generator.arabic') if m in sys.modules); "
        "print(code, heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
    )
    assert "0 written" in done.stdout and done.stdout.strip().endswith("0 []"), done.stdout


def test_builtin_themes_are_where_render_finds_them() -> None:
    from generator.render import BUILTIN_THEMES

    assert stamps.builtin_themes() == BUILTIN_THEMES
