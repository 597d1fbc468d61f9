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
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".tarikh-manifest.json"


@dataclass
class Manifest:
    files: dict[str, str] = field(default_factory=dict)  # path → sha256
    pages: dict[str, dict[str, object]] = field(default_factory=dict)  # path → fingerprint, deps

    @classmethod
    def read(cls, output: Path) -> Manifest:
        try:
            data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
            return cls(dict(data["files"]), dict(data.get("pages", {})))
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

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
    output: Path, files: dict[str, bytes], pages: dict[str, dict[str, object]]
) -> tuple[int, int]:
    """Bring output/ to exactly `files` (plus hand-placed files). Returns (written, removed)."""
    old = Manifest.read(output)
    new = Manifest(pages={p: {**r, "deps": sorted(r.get("deps", ()))} for p, r in pages.items()})  # type: ignore[call-overload]
    written = 0
    for rel in sorted(files):
        data = files[rel]
        sha = digest(data)
        new.files[rel] = sha
        target = safe_target(output, rel)
        if old.files.get(rel) == sha and target.is_file():
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


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
