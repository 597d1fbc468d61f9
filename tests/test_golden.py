"""Golden files of the example site, read by a person before they were committed.

After an intended change, regenerate with
    TARIKH_REGEN_GOLDEN=1 python -m pytest tests/test_golden.py
then read the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
FILES = [
    "events.json",
    "index.html",
    "events/2015-10-01-جدد-وزير-الخارجية-الروسي-التأكيد-على-e81bf7/index.html",
    "actors/سيرغي-لافروف/index.html",
    "embed/index.html",
]


@pytest.mark.parametrize("rel", FILES)
def test_example_output_matches_golden(built_example: Path, rel: str) -> None:
    produced = (built_example / rel).read_bytes()
    golden = GOLDEN / rel.replace("/", "__")
    if os.environ.get("TARIKH_REGEN_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.is_file(), f"no golden file {golden.name}: regenerate (see module docstring)"
    assert produced.decode() == golden.read_text(encoding="utf-8")
