"""The adversarial corpus: each folder of cases/ is a small site made to hurt,
with case.toml saying what tarikh must do with it (issue 13).

case.toml keys (all optional but `what`):
  exit          the exit code of `tarikh build` (0, 1 or 2)
  stderr        texts that must each appear in what the build printed
  not_stderr    texts that must not
  events        how many events events.json holds; min_events: at least
  absent        texts no built file may contain; present: some built file must
  files         built files that must exist; no_files: that must not
  args          more arguments ({site} is the site folder)
  prebuild      build once first; then copy after/ over the site and build
                again (an exit-2 build must leave that first output untouched)
  generate      a function below that makes what is too big or too odd to commit
  seconds       the most the build may take
Checked for every case: no traceback, an exit code of 0, 1 or 2, nothing
written outside output/, no executable content in any built file
(inert_scan.py), a Content-Security-Policy on every page that allows only the
site's own scripts, and every content error has its Arabic wording for the
preview (generator/messages_ar.toml).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import time
import tomllib
from pathlib import Path

import pytest
from conftest import snapshot, tarikh
from inert_scan import executable

from generator.messages import arabic

CASES = Path(__file__).resolve().parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "case.toml").is_file())
DIAGNOSTIC = re.compile(r"^(?P<where>[^\s:]+(?::\d+)?): (?P<level>error|warning): (?P<message>.*)$")


# ---------------------------------------------------------------- generated cases


def fifty_megabytes(site: Path, tmp: Path) -> None:
    (site / "content/news/huge.txt").write_bytes(b"x" * (50 * 2**20))


def two_hundred_thousand_lines(site: Path, tmp: Path) -> None:
    lines = ["---", "date: 2015-10-01", "---"]
    lines += [
        f"أعلن المتحدث باسم الوزارة رقم {i % 2000} الخميس 1 تشرين الأول عن خطة." if i % 4 else ""
        for i in range(200_000 - 3)
    ]
    (site / "content/news").mkdir(parents=True, exist_ok=True)
    (site / "content/news/long.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def long_line(site: Path, tmp: Path) -> None:
    (site / "content/news/line.txt").write_text(
        "---\ndate: 2015-10-01\n---\n" + "أ" * 1_000_000 + ".\n", encoding="utf-8"
    )


def _outside(tmp: Path) -> Path:
    outside = tmp / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("SECRET-OUTSIDE أعلن الوزير خطة.\n", encoding="utf-8")
    return outside


def symlink_out(site: Path, tmp: Path) -> None:
    (site / "content/news/secret.txt").symlink_to(_outside(tmp) / "secret.txt")


def symlink_dangling(site: Path, tmp: Path) -> None:
    (site / "content/news/gone.txt").symlink_to(tmp / "nowhere.txt")


def symlink_directory(site: Path, tmp: Path) -> None:
    (site / "content/news/elsewhere").symlink_to(_outside(tmp), target_is_directory=True)


def corrupt_manifest(site: Path, tmp: Path) -> None:
    (site / "output/.tarikh-manifest.json").write_bytes(b'{"files": {"index.html": ')
    (site / "output/hand-placed.html").write_text("mine", encoding="utf-8")


GENERATORS = {
    f.__name__: f
    for f in (
        fifty_megabytes,
        two_hundred_thousand_lines,
        long_line,
        symlink_out,
        symlink_dangling,
        symlink_directory,
        corrupt_manifest,
    )
}


# ---------------------------------------------------------------- the driver


def _tree(root: Path, output: Path) -> dict[str, tuple[int, int]]:
    """Every file and link under root but the output and cache folders, with its
    size and time (folders by name only)."""
    cache = output.parent / ".tarikh-cache"
    return {
        p.relative_to(root).as_posix(): (0, 0)
        if p.is_dir() and not p.is_symlink()
        else (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in root.rglob("*")
        if not p.is_relative_to(output) and not p.is_relative_to(cache)
    }


def test_the_corpus_is_big_enough() -> None:
    assert len(NAMES) >= 40


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = CASES / name
    case = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    site = tmp_path / "site"
    shutil.copytree(
        folder, site, symlinks=True, ignore=shutil.ignore_patterns("case.toml", "after")
    )
    output = site / "output"
    before: dict[str, bytes] | None = None
    if case.get("prebuild"):
        assert tarikh("build", "--source", site, "--quiet") == 0, capsys.readouterr().err
        if (folder / "after").is_dir():
            shutil.copytree(folder / "after", site, dirs_exist_ok=True)
    if "generate" in case:
        GENERATORS[case["generate"]](site, tmp_path)
    if case.get("prebuild"):
        before = snapshot(output)
    capsys.readouterr()

    args = [a.replace("{site}", str(site)) for a in case.get("args", [])]
    outside = _tree(tmp_path, output)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    code = tarikh("build", "--source", site, *args)
    seconds = time.perf_counter() - start
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024
    out, err = capsys.readouterr()
    said = out + err

    assert "Traceback" not in said and code in (0, 1, 2), said
    assert code == case.get("exit", 0), said
    for text in case.get("stderr", []):
        assert text in err, f"{text!r} not in:\n{err}"
    for text in case.get("not_stderr", []):
        assert text not in err, f"{text!r} in:\n{err}"
    if "seconds" in case:
        assert seconds < case["seconds"], f"{seconds:.1f} s"
        assert grown_mb < 1500, f"peak memory grew {grown_mb:.0f} MB"

    # Nothing written outside output/ and the cache (the site's files, the folders beside it).
    after = _tree(tmp_path, output)
    assert after == outside, sorted(set(after) ^ set(outside))

    if code == 2:  # nothing published: the last good output exactly as it was, or none
        assert (snapshot(output) if output.exists() else None) == before
    if not output.is_dir():
        assert "events" not in case and "files" not in case
        return
    built = snapshot(output)
    for path, data in built.items():
        assert not executable(path, data), (path, executable(path, data))
        if path.endswith(".html") and not path.startswith("static/") and path != "hand-placed.html":
            _check_csp(path, data)
        for text in case.get("absent", []):  # static/: the theme's files, not content
            assert path.startswith("static/") or text.encode() not in data, (path, text)
    for text in case.get("present", []):
        assert any(text.encode() in data for data in built.values()), text
    for path in case.get("files", []):
        assert path in built, path
    for path in case.get("no_files", []):
        assert path not in built, path
    if "events" in case or "min_events" in case:
        import json

        events = json.loads(built["events.json"])["events"]
        if "events" in case:
            assert len(events) == case["events"]
        assert len(events) >= case.get("min_events", 0)

    # Every content error an editor can meet reads in Arabic in the preview.
    for line in err.splitlines():
        m = DIAGNOSTIC.match(line)
        if m and m["level"] == "error" and not line.startswith("tarikh:"):
            assert arabic(m["message"]) is not None, f"no Arabic for: {m['message']}"


CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _check_csp(path: str, page: bytes) -> None:
    """Every page carries a policy that allows only the site's own scripts: no
    inline script, no eval, no plugins, no <base> (frame-ancestors cannot be
    set from a <meta>, so the widget must be safe to frame anyway)."""
    found = CSP.search(page)
    assert found, f"{path}: no Content-Security-Policy"
    rules = {d.split()[0]: d.split()[1:] for d in found.group(1).decode().split(";") if d.strip()}
    script = rules.get("script-src", rules.get("default-src", []))
    assert script and not {
        "'unsafe-inline'",
        "'unsafe-eval'",
        "*",
        "data:",
        "http:",
        "https:",
    } & set(script), (path, script)
    assert rules.get("object-src") == ["'none'"] or rules.get("default-src") == ["'none'"], path
    assert rules.get("base-uri") == ["'none'"], path
    assert "frame-ancestors" not in rules, path


def test_no_case_left_files_behind_in_the_corpus() -> None:
    """The corpus is data: a build run by hand inside it must not be committed."""
    assert not [p for p in CASES.rglob("output") if p.is_dir()]
    assert not [p for p in CASES.rglob("*") if p.is_symlink()]
    assert os.path.getsize(CASES) >= 0


def test_the_scan_reads_a_widget_axis_script_as_data() -> None:
    """The scan lets the pages load a scope's axis script only because it
    checks that script is one assignment of inert JSON."""
    good = b'var tarikhAxis = {"days":[1,2],"paths":["embed/x/"]};\n'
    assert not executable("embed/axis/" + "a" * 32 + ".js", good)
    for bad in (
        b'var tarikhAxis = {"days":[1]};\nalert(1);\n',
        b"var tarikhAxis = fetch('//evil');\n",
        b'var tarikhAxis = {"u":"javascript:alert(1)"};\n',
        b'var tarikhAxis = {"t":"</script><script>"};\n',
    ):
        assert executable("embed/axis/" + "a" * 32 + ".js", bad), bad
    page = '<script src="../../embed/axis/{}.js" defer></script>'
    assert not executable("embed/x/index.html", page.format("a" * 32).encode())
    assert executable("embed/x/index.html", page.format("evil").encode())
