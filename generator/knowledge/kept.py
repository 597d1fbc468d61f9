"""Where the knowledge base's compiled forms are kept between runs.

Parsing the data's YAML is most of a new site's registry, and it is the same
for every site: so what is made of it (the registry entries, the states'
names) is kept as checked pickles (cache.py's DiskCache: a damaged, older or
planted file is a miss, and no code is built from one), first in tarikh's
folder of the user's cache (template_cache.user_cache), where every new
site's first build finds them, else in the folder the caller names (a site's
.tarikh-cache). A copy is named by a digest of its key and of tarikh's code,
and a folder keeps the KEPT newest of a kind: two installs of tarikh, or a
tarikh edited in place, do not take turns overwriting one file.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

KEPT = 4


def folders(site_cache: Path | None) -> list[Path]:
    """The folders to look in, in order: the user cache's, then `site_cache`."""
    from generator.template_cache import user_cache

    found = user_cache()
    return [*([] if found is None else [found / "knowledge"]), *filter(None, [site_cache])]


def _name(kind: str, key: str) -> str:
    from generator.cache import code_key

    mark = hashlib.blake2b(f"{code_key()}\0{key}".encode(), digest_size=8)
    return f"{kind}-{mark.hexdigest()}"


def _store(folder: Path) -> Any:
    from generator.cache import DiskCache

    store = DiskCache(folder.parent)
    store.dir = folder  # the folder named, not a site's .tarikh-cache below it
    return store


def load(where: list[Path], kind: str, key: str, check: Callable[[Any], bool]) -> Any:
    """The first copy of `kind` made from `key` in `where` that passes
    `check`, or None."""
    for folder in where:
        found = _store(folder).load(_name(kind, key), key)
        if found is not None and check(found):
            return found
    return None


def keep(where: list[Path], kind: str, key: str, value: Any) -> Path | None:
    """Keep `value` in the first folder of `where` that takes it (made if
    need be), with the KEPT newest copies of its kind; that folder, or None."""
    for folder in where:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            if _store(folder).save(_name(kind, key), key, value):
                copies = sorted(folder.glob(f"{kind}-*.bin"), key=lambda p: p.stat().st_mtime_ns)
                for old in copies[:-KEPT]:
                    old.unlink(missing_ok=True)
                return folder
    return None
