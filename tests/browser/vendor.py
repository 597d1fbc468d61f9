"""Other people's software that the browser tests drive: npm packages (pym.js,
TimelineJS3, axe-core) and WordPress's own embed script (Debian's `wordpress`
package, unpacked, never installed).

Nothing of it is committed: it is fetched into a cache folder on first use
(`TARIKH_TEST_CACHE`, default `~/.cache/tarikh-test`), which `.ci/run` fills
ahead of the tests. A test that needs it fails with the reason when it cannot
be had, rather than pass without having driven the real thing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

NPM_PACKAGES = {
    "pym.js": "1.3.2",
    "@knight-lab/timelinejs": "3.9.11",
    "axe-core": "4.14.1",
}


def _fail(message: str) -> None:
    """pytest.fail inside a test run; a plain error from .ci/run's set-up step."""
    try:
        import pytest
    except ImportError:
        raise RuntimeError(message) from None
    pytest.fail(message)


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "tarikh-test"
    path = Path(os.environ.get("TARIKH_TEST_CACHE") or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def _locked() -> Iterator[None]:
    """One installer at a time (pytest-xdist workers, two test runs)."""
    with open(cache_dir() / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def npm_file(package: str, rel: str) -> Path:
    """A file of an npm package at its pinned version, installed on first use."""
    root = cache_dir() / "npm"
    path = root / "node_modules" / package / rel
    if path.is_file():
        return path
    if shutil.which("npm") is None:
        _fail(f"{package} is needed and npm is not installed")
    with _locked():
        if not path.is_file():
            specs = [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]
            done = subprocess.run(
                ["npm", "install", "--prefix", str(root), "--no-audit", "--no-fund", *specs],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if done.returncode != 0 or not path.is_file():
                _fail(f"npm could not install {package}: {done.stderr[-2000:]}")
    return path


def wp_embed_js() -> Path:
    """wp-includes/js/wp-embed.js of Debian's WordPress: the host side of
    WordPress's oEmbed sandbox (height and link messages with a secret)."""
    path = cache_dir() / "wordpress" / "usr/share/wordpress/wp-includes/js/wp-embed.js"
    if path.is_file():
        return path
    with _locked():
        if not path.is_file():
            with tempfile.TemporaryDirectory() as tmp:
                got = subprocess.run(
                    ["apt-get", "download", "wordpress"],
                    cwd=tmp,
                    capture_output=True,
                    text=True,
                    timeout=600,
                )
                debs = list(Path(tmp).glob("wordpress_*.deb"))
                if got.returncode != 0 or not debs:
                    _fail(f"apt-get download wordpress failed: {got.stderr[-2000:]}")
                subprocess.run(
                    ["dpkg-deb", "-x", str(debs[0]), str(cache_dir() / "wordpress")],
                    check=True,
                    timeout=600,
                )
    return path


def serious_violations(page: Any) -> list[tuple[str, list[Any]]]:
    """axe-core's serious and critical violations on a Playwright page, with
    the first targets of each. The page's context needs `bypass_csp=True`:
    axe is injected as an inline script, which our CSP rightly refuses."""
    page.add_script_tag(content=npm_file("axe-core", "axe.min.js").read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
