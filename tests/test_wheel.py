"""The themes live at the top level of the repository; the wheel must carry them
(MkDocs and Pelican test the same), or `pip install tarikh` builds nothing."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_contains_the_default_theme(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("tarikh-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = ROOT / "themes" / "default"
    expected = {
        "generator/themes/default/" + p.relative_to(theme).as_posix()
        for p in theme.rglob("*")
        if p.is_file()
    }
    assert expected, "the default theme is empty"
    assert expected <= names, sorted(expected - names)[:5]
    assert "generator/cli.py" in names and "generator/arabic/dates.py" in names
    metadata = next(n for n in names if n.endswith("entry_points.txt"))
    assert "tarikh = generator.cli:run" in zipfile.ZipFile(wheel).read(metadata).decode()
