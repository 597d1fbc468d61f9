"""The build cache on disk: what one `tarikh build` leaves for the next, and
what `tarikh serve` starts from.

It lives in the site (`SITE/.tarikh-cache/`, with its own `.gitignore`), one
file per kind of entry. Every file carries tarikh's version, the key of what
it was made from, and a checksum of its payload; anything that does not match
(an older tarikh, another key, a truncated or corrupted file, a payload that
names a class tarikh does not use) is ignored and rebuilt, never used. So the
cache only ever changes speed: deleting it gives the same output.

Payloads are pickles read back by an unpickler that builds only tarikh's own
data classes and a few standard types: a planted cache file cannot run code.

A large entry that a rebuild changes a little (what each page read, each
file's parse) is a `Journal`: a base and the updates saved since, each its
own checked file, so that an edit pickles what it changed, not the site.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__

CACHE_DIR = ".tarikh-cache"
_MAGIC = b"tarikh-cache 1\n"
_ALLOWED_MODULES = ("generator.",)
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("collections", "OrderedDict"),
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or (
            module.startswith(_ALLOWED_MODULES)
            and name.lstrip("_")[:1].isupper()
            and "." not in name
        ):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a cache type")


_CODE: list[str] = []


def code_key() -> str:
    """(Computed once per process: the code a process runs does not change.)
    tarikh's version and the size and time of each of its own files, so that
    a tarikh changed in place (an editable install) is a new tarikh too."""
    if not _CODE:
        package = Path(__file__).parent
        h = hashlib.blake2b(__version__.encode(), digest_size=16)
        for path in sorted(package.rglob("*")):
            code = path.suffix in (".py", ".toml", ".js", ".json", ".yaml")  # yaml: knowledge
            if code and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        _CODE.append(h.hexdigest())
    return _CODE[0]


def _key(name: str, key: str) -> bytes:
    return hashlib.blake2b(f"{code_key()}\0{name}\0{key}".encode(), digest_size=16).digest()


class _Checked:
    """A file that pickle writes to, hashing what it is given on the way."""

    def __init__(self, f: Any) -> None:
        self.f = f
        self.hash = hashlib.blake2b(digest_size=32)

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return self.f.write(data)


class DiskCache:
    """One site's cache folder."""

    def __init__(self, site: Path) -> None:
        self.dir = site / CACHE_DIR

    def load(self, name: str, key: str) -> Any | None:
        """The entry `name` made from `key` by this version of tarikh, or None."""
        head = len(_MAGIC)
        try:  # the header, then the payload as one bytes object (no copy of it is made)
            with open(self.dir / f"{name}.bin", "rb") as f:
                top = f.read(head + 48)
                if top[:head] != _MAGIC or top[head : head + 16] != _key(name, key):
                    return None
                payload = f.read()
        except OSError:
            return None
        if hashlib.blake2b(payload, digest_size=32).digest() != top[head + 16 :]:
            return None
        try:
            return _Unpickler(io.BytesIO(payload)).load()
        except Exception:  # a payload that passed its checksum yet does not load
            return None

    def drop(self, name: str) -> None:
        """Forget an entry (whatever it was made from)."""
        with contextlib.suppress(OSError):
            (self.dir / f"{name}.bin").unlink(missing_ok=True)

    def save(self, name: str, key: str, value: Any) -> bool:
        """Store an entry whole or not at all; a site that cannot be written to
        (a read-only checkout) simply builds without a cache."""
        try:
            self.dir.mkdir(exist_ok=True)
            ignore = self.dir / ".gitignore"
            if not ignore.is_file():
                ignore.write_text("# tarikh's build cache: safe to delete\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=f".{name}-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    # Pickled straight to the file, frame by frame, and its
                    # checksum filled in after: the payload (tens of megabytes
                    # at 10,000 events) is never held whole in memory.
                    f.write(_MAGIC + _key(name, key) + bytes(32))
                    out = _Checked(f)
                    pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
                    f.seek(len(_MAGIC) + 16)
                    f.write(out.hash.digest())
                os.replace(tmp, self.dir / f"{name}.bin")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return False
        return True


Parts = dict[str, dict[Any, Any]]  # a journal's named dicts


@dataclass
class _OnDisk:
    """What a journal's files hold, as this process last loaded or saved them."""

    key: str
    tip: str  # the id of the last file of the chain (base or update)
    updates: int  # how many updates follow the base
    base_bytes: int
    update_bytes: int
    parts: Parts  # shallow copies of the dicts as the chain leaves them


class Journal:
    """A few dicts kept in the cache as a base and the updates saved since.

    A rebuild after one edit changes a few entries of what each of 15,000
    pages read or of each of 10,000 files' parse, yet pickling them whole was
    a second of it. So a save writes only the entries added, changed (not the
    same object, and not equal) or removed since the chain it loaded, as an
    update naming the id of the file before it; a load applies the updates
    whose parent is the state so far and stops at the first that is missing,
    damaged or of another chain (each file is a checked `DiskCache` entry:
    a bad one costs speed, never output). When the changes or the updates
    grow past SMALL of the base, or to MAX_UPDATES, a save writes a new base.

    The values must not be changed in place once saved (a change is a new
    object): an update finds changes by identity, then equality.
    """

    MAX_UPDATES = 16
    SMALL = 0.25

    def __init__(self, cache: DiskCache, name: str) -> None:
        self.cache = cache
        self.name = name
        self._disk: _OnDisk | None = None

    def _file(self, n: int) -> str:
        return self.name if n == 0 else f"{self.name}+{n}"

    def load(self, key: str) -> tuple[Parts, Any] | None:
        """The dicts and the `extra` value of the last save under `key`, or None."""
        self._disk = None
        base = self.cache.load(self.name, key)
        if not (isinstance(base, tuple) and len(base) == 4 and base[0] == "base"):
            return None
        _, tip, parts, extra = base
        if not _parts(parts):
            return None
        n, sizes = 0, [self._size(0), 0]
        while n < self.MAX_UPDATES:
            update = self.cache.load(self._file(n + 1), key)
            if not (isinstance(update, tuple) and len(update) == 5 and update[0] == "update"):
                break
            _, parent, own, changes, later = update
            if parent != tip or not _parts(changes) or set(changes) - set(parts):
                break
            for name, change in changes.items():
                changed, removed = change.get("changed"), change.get("removed")
                if not isinstance(changed, dict) or not isinstance(removed, list):
                    return None
                target = parts[name]
                for k in removed:
                    target.pop(k, None)
                target.update(changed)
            tip, extra, n = own, later, n + 1
            sizes[1] += self._size(n)
        copies = {name: dict(d) for name, d in parts.items()}
        self._disk = _OnDisk(key, tip, n, sizes[0], sizes[1], copies)
        return parts, extra

    def save(
        self, key: str, parts: Parts, extra: Any, whole: Callable[[Parts], Parts] | None = None
    ) -> bool:
        """Store `parts` and `extra`: as an update of the chain on disk when
        this process loaded or saved it and it is still small, else as a new
        base (`whole`, if given, prepares the dicts for that, e.g. shares
        their values)."""
        disk = self._disk
        if disk is not None and disk.key == key and disk.updates < self.MAX_UPDATES:
            changes = {name: _changes(disk.parts.get(name, {}), d) for name, d in parts.items()}
            count = sum(len(c["changed"]) + len(c["removed"]) for c in changes.values())
            small = count < self.SMALL * sum(map(len, parts.values()))  # else a new base
            if small and disk.update_bytes < self.SMALL * disk.base_bytes:
                own = os.urandom(16).hex()
                n = disk.updates + 1
                self._disk = None  # until the update is on disk
                if self.cache.save(self._file(n), key, ("update", disk.tip, own, changes, extra)):
                    disk.tip, disk.updates = own, n
                    disk.update_bytes += self._size(n)
                    disk.parts = {name: dict(d) for name, d in parts.items()}
                    self._disk = disk
                    return True
        if whole is not None:
            parts = whole(parts)
        tip = os.urandom(16).hex()
        self._disk = None
        if not self.cache.save(self.name, key, ("base", tip, parts, extra)):
            return False
        for n in range(1, self.MAX_UPDATES + 1):  # another chain's: never applied, only clutter
            self.cache.drop(self._file(n))
        copies = {name: dict(d) for name, d in parts.items()}
        self._disk = _OnDisk(key, tip, 0, self._size(0), 0, copies)
        return True

    def _size(self, n: int) -> int:
        try:
            return os.stat(self.cache.dir / f"{self._file(n)}.bin").st_size
        except OSError:
            return 0


_MISSING = object()


def _parts(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, dict) for k, v in value.items()
    )


def _changes(old: dict[Any, Any], new: dict[Any, Any]) -> dict[str, Any]:
    """What makes `old` into `new`: the entries added or changed, the keys removed."""
    changed = {k: v for k, v in new.items() if (o := old.get(k, _MISSING)) is not v and o != v}
    return {"changed": changed, "removed": [k for k in old if k not in new]}
