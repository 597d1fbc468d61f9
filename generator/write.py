"""The write stage: atomic, incremental, and never touching what it did not write.

Each file is written to a temporary file in its own directory and moved into
place with os.replace, so a reader (a web server, a crashed build) only ever
sees a whole old file or a whole new one. A manifest records what tarikh wrote,
with the digest of each file; only files listed there are ever removed, so a
file placed in output/ by hand survives every build. (What each page read is
in the build cache, rebuild.py: nothing read it from the manifest, which at
10,000 events it made 11 MB of JSON read and written on every build.)

A page reused from output/ stays there: `SiteFiles` holds its digest, and its
bytes are read only if someone asks for them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic
from generator.staging import stage, stage_chunks

MANIFEST = ".tarikh-manifest.json"


@dataclass
class Manifest:
    files: dict[str, str] = field(default_factory=dict)  # path → sha256
    problem: str | None = None  # why an existing manifest could not be used

    @classmethod
    def read(cls, output: Path) -> Manifest:
        """The last build's manifest; empty when there is none, and empty with a
        `problem` when it exists but is unreadable or corrupt."""
        path = output / MANIFEST
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            return cls(problem=f"cannot read: {exc.strerror or exc}")
        try:
            data = json.loads(raw.decode("utf-8"))
            files = {str(k): str(v) for k, v in dict(data["files"]).items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return cls(problem=f"corrupt ({type(exc).__name__})")
        return cls(files)

    def dumps(self) -> bytes:
        data = {"files": dict(sorted(self.files.items()))}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


class _Kept:
    """A file left in output/ as the last build wrote it: its digest, not its bytes."""

    __slots__ = ("sha",)

    def __init__(self, sha: str) -> None:
        self.sha = sha


class _Staged:
    """A file written to a build's staging folder (staging.py): its digest and folder."""

    __slots__ = ("folder", "sha")

    def __init__(self, sha: str, folder: Path) -> None:
        self.sha, self.folder = sha, folder


class SiteFiles(MutableMapping[str, bytes]):
    """The site, output-relative path → bytes, in the order it was made.

    A page reused from output/ is `keep`-ed by its digest: writing it is
    nothing (output/ already holds it), and its bytes are read, and checked,
    only when asked for. Each file's digest is computed once.

    With a `staging` folder (`tarikh build`, staging.py), a file set here is
    written there at once and only its digest is held; publishing it is a
    move into output/. The folder goes when the files are published, when
    the build fails (`discard`) or with this object.
    """

    def __init__(self, output: Path | None = None, staging: Path | None = None) -> None:
        self.output = output
        self._items: dict[str, bytes | _Kept | _Staged] = {}
        self._shas: dict[str, str] = {}
        self._made: set[str] = set()  # the staging folder's subfolders made so far
        self.staging = staging
        if staging is not None:
            self._cleanup = weakref.finalize(self, shutil.rmtree, staging, True)

    def keep(self, path: str, sha: str) -> None:
        self._items[path] = _Kept(sha)
        self._shas[path] = sha

    def staged(self, path: str, sha: str) -> None:
        """A file another process wrote into the staging folder (jobs.py)."""
        assert self.staging is not None
        self._items[path] = _Staged(sha, self.staging)
        self._shas[path] = sha

    def take(self, other: Mapping[str, bytes], path: str) -> None:
        """`other[path]` as it is there (kept or in memory), without reading it."""
        if isinstance(other, SiteFiles) and not isinstance(other._items[path], _Staged):
            self._items[path] = other._items[path]
            if path in other._shas:
                self._shas[path] = other._shas[path]
            else:
                self._shas.pop(path, None)
        else:  # bytes, or staged by another build that was never published: copied
            self[path] = other[path]

    def kept(self, path: str) -> bool:
        return isinstance(self._items.get(path), _Kept)

    def sha(self, path: str) -> str:
        if path not in self._shas:
            value = self._items[path]
            self._shas[path] = value.sha if isinstance(value, _Kept | _Staged) else digest(value)
        return self._shas[path]

    def __getitem__(self, path: str) -> bytes:
        value = self._items[path]
        if isinstance(value, _Staged):
            return (value.folder / path).read_bytes()
        if not isinstance(value, _Kept):
            return value
        if self.output is None:
            raise KeyError(path)
        data = (self.output / path).read_bytes()
        if digest(data) != value.sha:
            raise OSError(f"{path} changed in {self.output} while tarikh was building")
        return data

    def __setitem__(self, path: str, data: bytes) -> None:
        if self.staging is not None and self._cleanup.alive:
            self.staged(path, stage(self.staging, path, data, self._made))
            return
        self._items[path] = data
        self._shas.pop(path, None)

    def set_chunks(self, path: str, chunks: Iterable[bytes]) -> None:
        """`files[path] = b"".join(chunks)`, but written chunk by chunk into
        the staging folder when there is one: the file is never whole in memory."""
        if self.staging is not None and self._cleanup.alive:
            self.staged(path, stage_chunks(self.staging, path, chunks, self._made))
            return
        self[path] = b"".join(chunks)

    def __delitem__(self, path: str) -> None:
        del self._items[path]
        self._shas.pop(path, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, path: object) -> bool:
        return path in self._items

    def publish(self, path: str, target: Path) -> None:
        """Put one file in place, whole: a staged one is moved, not copied
        (into a folder that `safe_target` made)."""
        value = self._items[path]
        if isinstance(value, _Staged) and value.folder == self.staging:
            os.chmod(value.folder / path, 0o644)
            os.replace(value.folder / path, target)
        else:
            atomic_write(target, self[path], made=True)

    def published(self) -> None:
        """output/ holds every file now: staged ones are kept there, and what is
        left of the staging folder (files output/ already had) goes."""
        if self.staging is None:
            return
        for path, value in self._items.items():
            if isinstance(value, _Staged) and value.folder == self.staging:
                self._items[path] = _Kept(value.sha)
        self.discard()

    def discard(self) -> None:
        """The staging folder goes: a failed build publishes nothing."""
        if self.staging is not None and self._cleanup.alive:
            self._cleanup()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_target(output: Path, rel: str, folders: dict[str, str] | None = None) -> Path:
    """The file for `rel` inside output; refuses anything that would escape it.

    Each folder is made if missing and checked once with one lstat() (a
    real folder inside a checked one is inside; a symlink is resolved);
    `folders` keeps them for one write: resolving every file's whole path
    again was a fifth of writing a site. The folder is what must stay inside
    output/: a file is put in place by os.replace, which replaces a symlink
    rather than follow it."""
    if rel.startswith(("/", "\\")) or ".." in rel.split("/"):
        raise ValueError(f"refusing to write outside the output directory: {rel!r}")
    parent, _, name = rel.rpartition("/")
    return Path(_folder(output, parent, {} if folders is None else folders, rel), name)


def _folder(output: Path, parent: str, folders: dict[str, str], rel: str) -> str:
    """output/parent, made if missing, known to be inside output/."""
    found = folders.get(parent)
    if found is not None:
        return found
    if not parent:
        output.mkdir(parents=True, exist_ok=True)
        found = str(output.resolve())
    else:
        up, _, name = parent.rpartition("/")
        found = os.path.join(_folder(output, up, folders, rel), name)
        try:
            st = os.lstat(found)
        except FileNotFoundError:
            os.mkdir(found)
        else:
            if stat.S_ISLNK(st.st_mode):
                found = os.path.realpath(found)
                if not Path(found).is_relative_to(folders[""]) or not os.path.isdir(found):
                    raise ValueError(f"refusing to write outside the output directory: {rel!r}")
            elif not stat.S_ISDIR(st.st_mode):
                raise NotADirectoryError(f"{found} is a file, where {rel} needs a folder")
    folders[parent] = found
    return found


def atomic_write(path: Path, data: bytes, *, made: bool = False) -> None:
    if not made:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tarikh-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(
    output: Path,
    files: Mapping[str, bytes],
    warn: Callable[[Diagnostic], None] | None = None,
    *,
    written_as: Mapping[str, object] | None = None,
    sweep: bool = True,
) -> tuple[int, int, dict[str, str]]:
    """Bring output/ to exactly `files` (plus hand-placed files).
    Returns (written, removed, what the new manifest lists).

    A file the old manifest lists with the same digest is left alone if its
    stat() is the one `written_as` says the last build left it with, else if
    its bytes still have that digest (a build killed mid-way may have left a
    newer page under a manifest that still names the older one). `sweep`
    looks for temporary files of a killed write all over output/; the caller
    may skip it when it knows the last write finished.

    A corrupt manifest is reported through `warn`: with no record of what an
    earlier build wrote, nothing is removed (a file tarikh did not write must
    survive), and the new manifest starts the record again."""
    old = Manifest.read(output)
    if sweep:
        remove_leftovers(output)
    if old.problem and warn is not None:
        warn(
            Diagnostic(
                str(output / MANIFEST),
                None,
                "warning",
                f"the record of what tarikh wrote is {old.problem}: no stale file is removed "
                "this time (delete the output folder by hand to start clean); a new record "
                "is written",
            )
        )
    new = Manifest()
    written = 0
    known = written_as or {}
    folders: dict[str, str] = {}
    base = os.path.join(output, "")
    for rel in sorted(files):
        sha = files.sha(rel) if isinstance(files, SiteFiles) else digest(files[rel])
        new.files[rel] = sha
        if old.files.get(rel) == sha and _holds(base, rel, sha, known.get(rel)):
            continue
        if isinstance(files, SiteFiles):
            files.publish(rel, safe_target(output, rel, folders))
        else:
            atomic_write(safe_target(output, rel, folders), files[rel], made=True)
        written += 1
    removed = 0
    for rel in sorted(set(old.files) - set(files)):
        try:
            target = safe_target(output, rel)
        except ValueError:
            continue
        if target.is_file():
            target.unlink()
            removed += 1
            _prune_empty_dirs(target.parent, output.resolve())
    atomic_write(output / MANIFEST, new.dumps())
    return written, removed, new.files


def file_stat(path: Path | str) -> tuple[int, int, int, int] | tuple[str]:
    """What tells that a file is still as written: an os.replace makes a new
    inode, and an edit in place changes the times (stamps.py lists inputs so)."""
    try:
        st = os.stat(path)
    except OSError:
        return ("missing",)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _holds(output: str, rel: str, sha: str, stat: object) -> bool:
    """Whether output/rel (`output` ends in a separator) has these bytes: by
    stat() when it is known, else read."""
    path = output + rel
    if stat is not None and len(stat) == 4 and file_stat(path) == stat:  # type: ignore[arg-type]
        return True
    try:
        with open(path, "rb") as f:
            return digest(f.read()) == sha
    except OSError:
        return False


def remove_leftovers(output: Path) -> int:
    """Temporary files of a write that was killed before its os.replace: only
    tarikh makes files named like this, so only they are removed."""
    removed = 0
    if output.is_dir():
        for tmp in output.rglob(".tarikh-*.tmp"):
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink(missing_ok=True)
                removed += 1
    return removed


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
