"""Shared helpers: a whole site written inline, built, and read back (Hugo's style)."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent

# A suite run as a background job (`… &`) starts with SIGINT ignored, and the
# processes it starts inherit that: the tests that stop `tarikh serve` with
# Ctrl-C would then wait for nothing. The suite takes Python's usual handler,
# as it would have in a terminal, and its children SIGINT's default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
SEED = "content/news/2015-10-01-russia-syria.txt"

# tarikh keeps compiled templates and the knowledge base's compiled copy in
# the user's cache folder (template_cache.py): the suite gets one of its own,
# warm as a user's becomes, and leaves the home folder alone.
if "TARIKH_CACHE" not in os.environ:
    os.environ["TARIKH_CACHE"] = tempfile.mkdtemp(prefix="tarikh-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TARIKH_CACHE"], True)


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def tarikh(*args: str | Path) -> int:
    return main([str(a) for a in args])


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example site (content/ and site.toml of this repository)."""
    site = tmp_path / "example"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.toml", site / "site.toml")
    return site


@pytest.fixture
def built_example(example: Path) -> Path:
    assert tarikh("build", "--source", example, "--quiet") == 0
    return example / "output"
