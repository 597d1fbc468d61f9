"""The write stage: atomic, incremental, and never touching what it did not write.

Each file is written to a temporary file in its own directory and moved into
place with os.replace, so a reader (a web server, a crashed build) only ever
sees a whole old file or a whole new one. A manifest records what tarikh wrote,
with a digest and the dependency record of each page; only files listed there
are ever removed, so a file placed in output/ by hand survives every build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic

MANIFEST = ".tarikh-manifest.json"


@dataclass
class Manifest:
    files: dict[str, str] = field(default_factory=dict)  # path → sha256
    pages: dict[str, dict[str, object]] = field(default_factory=dict)  # path → fingerprint, deps
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
            pages = {str(k): dict(v) for k, v in dict(data.get("pages", {})).items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return cls(problem=f"corrupt ({type(exc).__name__})")
        return cls(files, pages)

    def dumps(self) -> bytes:
        data = {
            "files": dict(sorted(self.files.items())),
            "pages": dict(sorted(self.pages.items())),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_target(output: Path, rel: str) -> Path:
    """The file for `rel` inside output; refuses anything that would escape it."""
    root = output.resolve()
    target = (root / rel).resolve()
    if rel.startswith(("/", "\\")) or ".." in Path(rel).parts or not target.is_relative_to(root):
        raise ValueError(f"refusing to write outside the output directory: {rel!r}")
    return target


def atomic_write(path: Path, data: bytes) -> None:
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
    files: dict[str, bytes],
    pages: dict[str, dict[str, object]],
    warn: Callable[[Diagnostic], None] | None = None,
) -> tuple[int, int]:
    """Bring output/ to exactly `files` (plus hand-placed files). Returns (written, removed).

    A corrupt manifest is reported through `warn`: with no record of what an
    earlier build wrote, nothing is removed (a file tarikh did not write must
    survive), and the new manifest starts the record again."""
    old = Manifest.read(output)
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
    new = Manifest(pages={p: {**r, "deps": sorted(r.get("deps", ()))} for p, r in pages.items()})  # type: ignore[call-overload]
    written = 0
    for rel in sorted(files):
        data = files[rel]
        sha = digest(data)
        new.files[rel] = sha
        target = safe_target(output, rel)
        if old.files.get(rel) == sha and _holds(target, sha):
            continue
        atomic_write(target, data)
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
    return written, removed


def _holds(target: Path, sha: str) -> bool:
    """Whether the file on disk has these bytes: a build killed mid-way may have
    left a newer page under a manifest that still names the older one."""
    try:
        return digest(target.read_bytes()) == sha
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
