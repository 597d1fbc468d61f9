""" "Nothing changed" told from stat() alone, before anything heavy is loaded.

An unchanged `tarikh build` of a 10,000-event site must end in well under a
second. Loading the parse cache, the model or even Jinja takes longer than
that, so `tarikh build` first asks this module, which imports only the
standard library and the cache reader: if every input the last published
build was made from still has the stat() it had then (size, mtime, ctime,
inode), every file that build wrote is still in output/ as it was written,
and the options, the build date and tarikh itself are the same, there is
nothing to do. Otherwise the full build runs, and still writes nothing when
the inputs' bytes turn out unchanged (rebuild.py); it then records fresh
stamps, so a touched file costs one slow build, not every build.

The inputs are listed before the build reads them, and an input changed
within RACY_NS of that listing is never trusted (git's "racy clean" rule):
a save in the same timestamp tick as the listing, with the same size, would
otherwise look unchanged. Such a listing is kept but never matches; the
next full build lists again.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from generator.cache import DiskCache
from generator.errors import Diagnostic
from generator.write import MANIFEST, digest, file_stat

RACY_NS = 2_000_000_000  # coarser than any file system's timestamps (FAT: 2 s)
Stat = tuple[int, int, int, int] | tuple[str, ...]


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def builtin_themes() -> Path:
    """Where tarikh's own themes are (the same rule as render.BUILTIN_THEMES,
    which cannot be imported here without Jinja)."""
    here = Path(__file__).parent / "themes"
    return here if here.is_dir() else Path(__file__).parent.parent / "themes"


def roots(site: Path) -> list[Path]:
    """Everything a build of `site` reads besides tarikh's own code: the config,
    content, the site's templates, static files and themes, and the built-in
    themes (the whole folder: which of them is used depends on the config)."""
    names = ("site.toml", "content", "templates", "static", "themes")
    return [*(site / n for n in names), builtin_themes()]


def listing(site: Path) -> dict[str, Stat]:
    """Every input file and folder under `roots`, each with its stat().

    Hidden names inside content/ are left out, as the build leaves them out
    (an editor's swap file must not make every build a full one); a link is
    listed with its target, and never followed into a folder (as the build).
    """
    found: dict[str, Stat] = {}
    content = os.fspath(site / "content")

    def walk(path: str, hidden: bool) -> None:
        try:
            entries = list(os.scandir(path))
        except OSError:
            return
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            if entry.is_symlink():
                try:
                    target = os.readlink(entry.path)
                except OSError:
                    target = ""
                found[entry.path] = ("link", target, *map(str, file_stat(entry.path)))
            elif entry.is_dir():
                found[entry.path] = file_stat(entry.path)
                walk(entry.path, hidden)
            else:
                found[entry.path] = file_stat(entry.path)

    for root in roots(site):
        path = os.fspath(root)
        found[path] = file_stat(path)
        if root.is_dir() and not root.is_symlink():
            walk(path, hidden=path != content)
    return found


@dataclass
class Stamps:
    """The last published build of one site into one output folder, by stat()."""

    key: str  # the options, the build date and the folders
    taken: int  # time.time_ns() just before `inputs` were listed
    inputs: dict[str, Stat]
    output: dict[str, Stat]  # every file written (the manifest too), by relative path
    summary: dict[str, int]
    diagnostics: list[Diagnostic]
    manifest: str = ""  # the digest of the manifest that write left

    def racy(self) -> bool:
        """Whether an input changed too close to the listing to trust its stat()."""
        limit = self.taken - RACY_NS
        return any(len(s) == 4 and max(s[1], s[2]) >= limit for s in self.inputs.values())  # type: ignore[arg-type]


def options_key(
    source: Path, output: Path, base_url: str | None, reference_date: dt.date | None
) -> str:
    """What a build depends on besides its files and tarikh's code."""
    where = (source.resolve().as_posix(), output.resolve().as_posix())
    return repr((where, base_url, reference_date, build_date()))


def output_stats(output: Path, files: list[str]) -> dict[str, Stat]:
    base = os.fspath(output) + os.sep
    return {rel: file_stat(base + rel) for rel in files}


def still_written(output: Path, written: dict[str, Stat]) -> bool:
    """Whether every file in `written` still has the stat() it was written
    with: `output_stats(...) == written`, but stopping at the first file that
    differs, without a dict of 26,000 tuples on the way (a third of an
    unchanged 10,000-event build's own time)."""
    base = os.fspath(output) + os.sep
    stat = os.stat
    try:
        for rel, was in written.items():
            st = stat(base + rel)
            if (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) != was:
                return False
    except OSError:
        return False
    return True


def load(source: Path, output: Path) -> Stamps | None:
    """The record of the last finished write of `source` into `output`."""
    stamps = DiskCache(source).load("stamps", output.resolve().as_posix())
    return stamps if isinstance(stamps, Stamps) else None


def forget(source: Path) -> None:
    """Drop the record before output/ is written: until a write finishes,
    nothing in output/ may be trusted by its stat() (a kill leaves it so)."""
    DiskCache(source).drop("stamps")


def unchanged(
    source: Path, output: Path, base_url: str | None, reference_date: dt.date | None
) -> Stamps | None:
    """The last published build, if nothing it was made from or wrote has
    changed since, by stat() alone; None means "run the build"."""
    stamps = load(source, output)
    if stamps is None or stamps.racy():
        return None
    if stamps.key != options_key(source, output, base_url, reference_date):
        return None
    # The inputs first: after an edit they differ, and the 26,000 files of
    # output/ need no stat().
    if listing(source) != stamps.inputs:
        return None
    if not still_written(output, stamps.output):
        return None
    return stamps


def record(source: Path, output: Path, stamps: Stamps, written: list[str]) -> Stamps | None:
    """Keep `stamps` (inputs listed before the build read them; none when the
    build did not list them) with the stat of every file the finished write
    left in output/ and the digest of its manifest, for the next build."""
    stamps.output = output_stats(output, [*written, MANIFEST])
    try:
        stamps.manifest = digest((output / MANIFEST).read_bytes())
    except OSError:
        return None
    DiskCache(source).save("stamps", output.resolve().as_posix(), stamps)
    return stamps


def unlisted() -> Stamps:
    """A record for a build that did not list its inputs: its output/ can be
    trusted by stat(), but no listing matches it."""
    return Stamps("", 0, {}, {}, {}, [])


def begin(
    source: Path, output: Path, base_url: str | None, reference_date: dt.date | None
) -> Stamps:
    """The listing of a build's inputs, taken before it reads any of them."""
    taken = time.time_ns()
    key = options_key(source, output, base_url, reference_date)
    return Stamps(key, taken, listing(source), {}, {}, [])
