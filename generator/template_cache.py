"""Compiled templates kept from run to run, so a build does not compile them again.

Compiling the default theme (parsing ~30 templates, generating and compiling
their Python) was a third of a new site's first build, and every `tarikh
build` after an edit paid it again. Jinja can keep the code it compiles (a
`BytecodeCache`); this is that cache, and `references` keeps what each
template includes, which `Renderer` parses templates again to learn.

Where: the user's cache folder (`$TARIKH_CACHE`, else `$XDG_CACHE_HOME/tarikh`,
else `~/.cache/tarikh`; `TARIKH_CACHE=""` turns it off), never a site's
`.tarikh-cache`. A site's cache is data read back by an unpickler that builds
no code, and a site folder may come from anyone; compiled code is code. So
every entry is signed with a secret made on first use and readable by its
owner only: an entry planted or copied from elsewhere, damaged or truncated is
a miss, and the template is compiled as if there were no cache. The theme
tarikh ships is the same for every site, as its own modules are, so a new
site's first build finds it compiled, like tarikh's .pyc files.

An entry is named by a digest of everything the code depends on: the
template's source, name and file, Jinja's, MarkupSafe's and Python's versions,
tarikh's code (cache.code_key), the environment's syntax settings, and the
filters and tests it has, with the site's settings (`context`): Jinja runs a
filter given constants while it compiles (`{{ 3|num }}` is folded into the
code), and tarikh's filters print what site.toml says. A stale entry is
therefore never found, only left behind; a folder past LIMIT entries is
emptied when the next entry is written. (A filter whose output depends on
anything but its arguments, tarikh's code and the site's settings, such as
the day of the build, must be `pass_context`, which Jinja never folds.)
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import marshal
import os
import sys
import tempfile
import types
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import markupsafe

_MAGIC = b"tarikh-template 1\n"
_SECRET = "secret"
LIMIT = 2000  # entries (~10 kB each; a theme's are ~60 per setting of a site)


def user_cache() -> Path | None:
    """The user's cache folder for tarikh, or None when turned off."""
    chosen = os.environ.get("TARIKH_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG spec says to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tarikh" if os.path.isabs(base) else None  # no home: no cache


def _secret(folder: Path) -> bytes | None:
    """The folder's signing secret: made once, 32 random bytes readable by this
    user alone; None when it cannot be made or is not safely ours."""
    path = folder / _SECRET
    for _ in range(2):
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                data = f.read(33)
            # (Windows has no owner or mode bits here: the profile's folder is the user's.)
            ours = not hasattr(os, "getuid") or (
                st.st_uid == os.getuid() and not st.st_mode & 0o077
            )
            return data if ours and len(data) == 32 else None
        except FileNotFoundError:
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                fd = os.open(path, flags, 0o600)
            except FileExistsError:
                continue  # another process made it meanwhile: read theirs
            except OSError:
                return None
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(32))
        except OSError:
            return None
    return None


class _Store:
    """Signed files in one folder: written whole or not at all, read back only
    when their signature (over their name and bytes) holds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._key: bytes | bool | None = False  # False: not read yet
        self._pruned = False

    def _secret(self) -> bytes | None:
        if self._key is False:
            self._key = _secret(self.folder)
        return self._key  # type: ignore[return-value]

    def _sign(self, key: bytes, name: str, payload: bytes) -> bytes:
        return hmac.digest(key, name.encode() + b"\0" + payload, "blake2b")

    def _prune(self) -> None:
        """Past LIMIT entries (templates edited many times), start afresh."""
        with contextlib.suppress(OSError):
            found = [e for e in os.scandir(self.folder) if e.name.endswith((".code", ".refs"))]
            if len(found) > LIMIT:
                for entry in found:
                    Path(entry.path).unlink(missing_ok=True)

    def get(self, name: str) -> bytes | None:
        key = self._secret()
        if key is None:
            return None
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + 64
        if data[: len(_MAGIC)] != _MAGIC or len(data) < head:
            return None
        payload = data[head:]
        if not hmac.compare_digest(data[len(_MAGIC) : head], self._sign(key, name, payload)):
            return None
        return payload

    def put(self, name: str, payload: bytes) -> None:
        key = self._secret()
        if key is None:
            return
        if not self._pruned:  # once per process, on its first write
            self._pruned = True
            self._prune()
        with contextlib.suppress(OSError):
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_MAGIC + self._sign(key, name, payload) + payload)
                os.replace(tmp, self.folder / name)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise


def _fingerprint(env: jinja2.Environment, context: str) -> bytes:
    """What compiled code depends on besides the template itself (see the module)."""
    from generator.cache import code_key

    def kinds(table: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted((k, repr(getattr(v, "jinja_pass_arg", None))) for k, v in table.items())

    settings = (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.sandboxed,
        sorted(env.extensions),
        _named(env.autoescape),
        _named(env.finalize),
        _named(type(env)),
        _named(env.code_generator_class),
        kinds(env.filters),
        kinds(env.tests),
    )
    escape = os.stat(markupsafe.__file__)  # (its __version__ is deprecated)
    markup = (escape.st_size, escape.st_mtime_ns)
    text = repr((jinja2.__version__, markup, sys.version, code_key(), settings))
    return hashlib.blake2b(f"{text}\0{context}".encode(), digest_size=32).digest()


def _named(thing: Any) -> str:
    """A function or class by its name (its code is tarikh's, in code_key, or
    Jinja's, in its version), anything else by its repr."""
    if callable(thing) and hasattr(thing, "__qualname__"):
        return f"{thing.__module__}.{thing.__qualname__}"
    return repr(thing)


class TemplateCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in the user's cache folder, signed (see the module)."""

    def __init__(self, folder: Path, context: str) -> None:
        self.store = _Store(folder)
        self.context = context

    def _name(self, bucket: jinja2.bccache.Bucket) -> str:
        h = hashlib.blake2b(_fingerprint(bucket.environment, self.context), digest_size=20)
        h.update(f"\0{bucket.key}\0{bucket.checksum}".encode())
        return f"{h.hexdigest()}.code"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        payload = self.store.get(self._name(bucket))
        if payload is None:
            return
        try:
            code = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(code, types.CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.store.put(self._name(bucket), marshal.dumps(bucket.code))


def template_cache(context: str) -> TemplateCache | None:
    """The cache for an environment set up for `context` (the site's settings), or None."""
    folder = user_cache()
    return None if folder is None else TemplateCache(folder / "templates", context)


def references(
    env: jinja2.Environment, source: str, name: str | None, filename: str | None
) -> frozenset[str | None]:
    """The templates `source` extends, includes or imports by name (None: one
    named by an expression), as jinja2.meta finds them in its parse; kept in
    the environment's TemplateCache by the source and syntax settings, so a
    build need not parse what it compiled (or found compiled) before. Raises
    TemplateSyntaxError as a parse does (errors are never kept)."""
    cache = env.bytecode_cache
    if not isinstance(cache, TemplateCache):
        return frozenset(jinja2.meta.find_referenced_templates(env.parse(source, name, filename)))
    h = hashlib.blake2b(_fingerprint(env, ""), digest_size=20)
    h.update(source.encode())
    file = f"{h.hexdigest()}.refs"
    payload = cache.store.get(file)
    if payload is not None:
        with contextlib.suppress(ValueError, TypeError):
            found = json.loads(payload)
            if isinstance(found, list) and all(r is None or isinstance(r, str) for r in found):
                return frozenset(found)
    refs = frozenset(jinja2.meta.find_referenced_templates(env.parse(source, name, filename)))
    cache.store.put(file, json.dumps(sorted(refs, key=lambda r: (r is None, r or ""))).encode())
    return refs
