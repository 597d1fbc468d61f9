"""`tarikh extract`: the events of some news files as JSON, for other tools.

Goes through `Builder.extract`, the same load → understand → model path as
`build`, so what is printed is exactly what the site would publish.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from generator.build import Builder
from generator.publish.records import dumps, event_record


def site_of(path: Path) -> Path | None:
    """The tarikh site that holds `path`: the nearest folder above it with a
    site.toml, or with a content/ folder that `path` is inside."""
    path = path.resolve()
    for folder in path.parents:
        if (folder / "site.toml").is_file():
            return folder
        if (folder / "content").is_dir() and (folder / "content") in path.parents:
            return folder
    return None


def run_extract(files: list[Path], source: Path | None, reference: dt.date | None, fmt: str) -> int:
    if source is None:
        found = site_of(files[0]) if files else None
        if found is None:
            print(
                f"tarikh: warning: {files[0]} is in no tarikh site (no site.toml above it): "
                "reading without a site's actor registry, with the built-in knowledge base "
                "only; use --source SITE to read with a site's",
                file=sys.stderr,
            )
        source = found or Path(".")
    model, diagnostics = Builder(source, reference_date=reference, serving=True).extract(files)
    for d in diagnostics:
        print(d, file=sys.stderr)
    records = [event_record(e) for e in model.events]
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        for record in records:
            print(dumps(record))
    return 1 if any(d.level == "error" for d in diagnostics) else 0
