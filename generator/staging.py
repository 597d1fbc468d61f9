"""A build's files between render and publish, on disk rather than in memory.

A 10,000-event site is hundreds of megabytes of HTML; held as one dict of
bytes it was most of a build's peak memory. So `tarikh build` stages every
file as it is made, in a private folder beside output/ (same file system,
so publishing one is an `os.replace`, as atomic as write.py's own writes),
and the write stage moves into output/ only the files that changed. A build
that fails or is killed publishes nothing: its staging folder is deleted, or
found and removed by the next build of the same output.

`write.SiteFiles` holds each staged file's digest and reads it back only on
demand; a preview server (`tarikh serve`) keeps its files in memory.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

PREFIX = ".tarikh-staging-"
_SERIAL = itertools.count()


def sha(data: bytes) -> str:
    """The digest the manifest records for a file (write.py's `digest`)."""
    return hashlib.sha256(data).hexdigest()


def staging_dir(output: Path) -> Path | None:
    """A new, empty staging folder for `output`, beside it; None where one
    cannot be made (the files are then held in memory, as before)."""
    parent = output.resolve().parent
    remove_stale(output)
    folder = parent / f"{PREFIX}{output.name}-{os.getpid()}-{next(_SERIAL)}"
    try:
        folder.mkdir(parents=True)
    except OSError:
        return None
    return folder


def remove_stale(output: Path) -> None:
    """The staging folders of earlier builds of `output` whose process is gone
    (killed mid-build): only tarikh makes folders named like this."""
    parent = output.resolve().parent
    try:
        found = list(parent.glob(f"{PREFIX}{output.name}-*-*"))
    except OSError:
        return
    for folder in found:
        pid = folder.name[len(PREFIX) + len(output.name) + 1 :].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)) and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def stage(folder: Path, rel: str, data: bytes, made: set[str]) -> str:
    """Write one file into a staging folder (any process); returns its digest.
    `made`: the folders this process already created, to skip their mkdir."""
    return stage_chunks(folder, rel, (data,), made)


def stage_chunks(folder: Path, rel: str, chunks: Iterable[bytes], made: set[str]) -> str:
    """`stage` for a file given in chunks (a large JSON document), hashed as
    it is written, so that it is never whole in memory; the same digest."""
    target = folder / rel
    parent = os.path.dirname(rel)
    if parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        made.add(parent)
    h = hashlib.sha256()
    with open(target, "wb") as f:
        for chunk in chunks:
            h.update(chunk)
            f.write(chunk)
    return h.hexdigest()
