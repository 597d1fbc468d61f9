"""What a command imports before it does anything (issue 12: start-up).

Every `tarikh` command pays its imports: the help and `new` need neither the
error classes' dataclasses nor the Arabic readers, the model needs the date
values but not the date patterns, and the patterns are compiled when first
used. Each check runs in a fresh interpreter, as the command does.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _modules(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    script = code + "\nimport json, sys; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_the_command_line_imports_no_reader_and_no_dataclasses() -> None:
    loaded = _modules("import generator.cli")
    assert not {m for m in loaded if m.startswith("generator.arabic")}
    assert "dataclasses" not in loaded and "generator.errors" not in loaded


def test_the_model_does_not_import_the_date_readers() -> None:
    loaded = _modules("import generator.model")
    readers = {"generator.arabic.dates", "generator.arabic.date_patterns", "generator.understand"}
    assert not loaded & readers, loaded & readers


@pytest.mark.parametrize("name", ["date_patterns", "date_choose", "dates"])
def test_the_date_patterns_are_compiled_when_first_used(name: str) -> None:
    code = (
        "import re, generator.arabic.dates\n"
        f"from generator.arabic import {name} as m\n"
        # (DROP is date_scan's folding class, one character set, imported by dates)
        "compiled = [n for n, v in vars(m).items() if isinstance(v, re.Pattern) and n != 'DROP']\n"
        "assert not compiled, compiled\n"
        "from generator.arabic.date_patterns import COMPILED\n"
        "pattern = COMPILED[0][2]\n"
        "assert pattern.search('من 3 – 4 محرم 1446هـ') is not None\n"
        "assert pattern.search.__self__ is re.compile(pattern.pattern)\n"
    )
    _modules(code)


def test_the_help_works_without_the_errors_module() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "build" in out
