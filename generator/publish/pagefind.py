"""Pagefind's indexing service: one child process, custom records in, the
index's files out (search.py decides what to index and in which shards).

Pagefind ships as a binary in its PyPI package (`pagefind[extended]`, with
Arabic stemming); tarikh speaks its `--service` protocol (base64 JSON
messages, comma-separated) so that no HTML is written for it to crawl.
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import subprocess
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.publish.search import Record

PREFIX = "pagefind/"
# Pagefind's own UI bundles: the search page draws its results itself.
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")


def binary() -> Path | None:
    try:
        import pagefind_bin_extended as pagefind_bin
    except ImportError:
        try:
            import pagefind_bin  # type: ignore[import-not-found, no-redef]
        except ImportError:
            return None
    found = pagefind_bin.get_executable()
    return Path(found) if found else None


def version() -> str:
    """Pagefind's version, looked up once per process (what is installed does
    not change while it runs); every shard's key, written to output/, has it.
    Read from the name of the `pagefind-X.dist-info` folder beside the package:
    importlib.metadata (~10 ms to import and scan) only if there is not one."""
    if not _VERSION:
        spec = importlib.util.find_spec("pagefind")
        found = (
            list(Path(spec.origin).parent.parent.glob("pagefind-*.dist-info"))
            if spec and spec.origin
            else []
        )
        if len(found) == 1:
            _VERSION.append(found[0].name[len("pagefind-") : -len(".dist-info")])
        else:
            try:
                from importlib.metadata import version as installed

                _VERSION.append(installed("pagefind"))
            except Exception:  # not installed: the key only has to differ
                _VERSION.append("none")
    return _VERSION[0]


_VERSION: list[str] = []


def _message(number: int, payload: dict[str, Any]) -> bytes:
    """One request to `pagefind --service`: base64 of its JSON, then a comma."""
    request = {"message_id": number, "payload": payload}
    return base64.b64encode(json.dumps(request, ensure_ascii=False).encode()) + b","


def build_index(items: list[Record], where: str = PREFIX) -> dict[str, bytes]:
    """Pagefind's files for `items`, as output-relative paths under `where`.

    Each record goes to Pagefind's indexing service as a custom record (its
    folded key the content, what a result shows its metadata), and the files
    come back in the answer: no HTML is written or parsed, and each record's
    fragment is named by its content, so an edit changes a few files only.
    All requests are written at once and the answers read as they come (the
    `pagefind` package's own client reads one answer every 0.1 s).

    Raises RuntimeError with Pagefind's own words if it fails.
    """
    if not items:  # a site with nothing in it yet: Pagefind refuses to index nothing
        return {}
    binary_path = binary()
    if binary_path is None:
        raise RuntimeError("Pagefind is not installed (pip install 'pagefind[extended]')")
    requests = [_message(0, {"type": "NewIndex", "config": {"force_language": "ar"}})]
    for n, r in enumerate(items, 1):
        meta = {"title": r.title, "path": r.path, "kind": r.kind}
        meta |= {"date": r.date} if r.date else {}
        meta |= {"text": r.text} if r.text else {}
        record = {"url": "/" + r.path, "content": r.key, "language": "ar", "meta": meta}
        requests.append(_message(n, {"type": "AddRecord", "index_id": 0, **record}))
    last = len(items) + 1
    requests.append(_message(last, {"type": "GetFiles", "index_id": 0}))
    answers = _service(binary_path, b"".join(requests), last)
    said = [a["payload"].get("message", "") for a in answers if a["payload"]["type"] == "Error"]
    final = answers[-1]["payload"] if answers else {}
    if final.get("type") != "GetFiles":
        if not said:
            said = ["no answer"]
        if any("not able to build an index" in m or "no pages" in m.lower() for m in said):
            return {}  # nothing indexable (records without text): no index, not a crash
        raise RuntimeError(f"Pagefind failed: {'; '.join(said)[-500:]}")
    files: dict[str, bytes] = {}
    for f in sorted(final["files"], key=lambda f: f["path"]):
        rel = str(f["path"]).lstrip("/")
        if not rel.startswith(UNUSED) and ".." not in rel.split("/"):
            files[where + rel] = base64.b64decode(f["content"])
    return files


def _service(binary: Path, requests: bytes, last: int) -> list[dict[str, Any]]:
    """Pagefind's answers to `requests`, up to the answer to message `last`."""
    process = subprocess.Popen(
        [str(binary), "--service"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout

    def send() -> None:
        with contextlib.suppress(OSError):  # it stopped reading: its answers say why
            stdin.write(requests)
            stdin.flush()

    writer = threading.Thread(target=send, daemon=True)
    writer.start()
    timer = threading.Timer(600, process.kill)
    timer.start()
    answers: list[dict[str, Any]] = []
    buffer = b""
    try:
        while chunk := stdout.read1(1 << 20):
            *whole, buffer = (buffer + chunk).split(b",")
            for raw in whole:
                if raw:
                    answers.append(json.loads(base64.b64decode(raw)))
            if answers and answers[-1].get("message_id") == last:
                break
    finally:
        timer.cancel()
        with contextlib.suppress(OSError):
            stdin.close()
        writer.join(timeout=5)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        stdout.close()
    return answers
