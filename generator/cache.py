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
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
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
