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


def run_extract(files: list[Path], source: Path, reference: dt.date | None, fmt: str) -> int:
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
