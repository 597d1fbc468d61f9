"""`tarikh build --jobs N`: pages rendered across processes and staged on disk
(generator/jobs.py, generator/staging.py) give the very same site as one
process, byte for byte, whatever the number of jobs; and a build that fails
publishes nothing and leaves no staging folder behind."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, snapshot, tarikh, write_site

from generator import jobs
from generator.staging import PREFIX

sys.path.insert(0, str(ROOT / "bench"))
from run import corpus  # bench/run.py: the seeded corpus


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the builds that really rendered in a pool, whatever the site's size."""
    calls: list[int] = []
    real = jobs._pooled

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs, "_pooled", spy)
    monkeypatch.setattr(jobs, "MIN_PAGES", 2)
    return calls


def _build(site: Path, n: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1443657600")
    shutil.rmtree(site / "output", ignore_errors=True)
    shutil.rmtree(site / ".tarikh-cache", ignore_errors=True)
    assert tarikh("build", "--source", site, "--quiet", "--jobs", str(n)) in (0, 1)
    assert not list(site.glob(PREFIX + "*")), "the staging folder outlived the build"
    return snapshot(site / "output")


def test_the_example_site_is_the_same_with_one_or_two_jobs(
    example: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _build(example, 1, monkeypatch)
    assert not pooled
    two = _build(example, 2, monkeypatch)
    assert pooled, "--jobs 2 rendered in process"
    assert sorted(one) == sorted(two)
    assert [p for p in one if one[p] != two[p]] == []


def test_a_generated_site_is_the_same_with_one_two_or_three_jobs(
    tmp_path: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    corpus(site, 150)
    one = _build(site, 1, monkeypatch)
    assert sum(p.endswith(".html") for p in one) > 150
    for n in (2, 3):
        other = _build(site, n, monkeypatch)
        assert sorted(other) == sorted(one)
        assert [p for p in one if one[p] != other[p]] == [], f"--jobs {n} differs"
    assert len(pooled) == 2


def test_a_template_error_in_a_worker_publishes_nothing(
    tmp_path: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    corpus(site, 60)
    before = _build(site, 2, monkeypatch)
    # A site template that fails on one event's page only, late in the plan.
    write_site(
        site,
        {
            "templates/event.html": '{% extends "!default/event.html" %}'
            "{% block main %}{% if event.id == last %}{{ 1 // 0 }}{% endif %}"
            "{{ super() }}{% endblock %}",
        },
    )
    last = sorted((site / "output/events").iterdir())[-1].name
    (site / "templates/event.html").write_text(
        (site / "templates/event.html").read_text().replace("last", repr(last)),
        encoding="utf-8",
    )
    assert tarikh("build", "--source", site, "--quiet", "--jobs", "2") == 2
    assert snapshot(site / "output") == before
    assert not list(site.glob(PREFIX + "*"))


def test_a_staging_folder_left_by_a_killed_build_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    corpus(site, 20)
    dead = site / f"{PREFIX}output-999999999-0"  # no such process
    (dead / "events").mkdir(parents=True)
    (dead / "events/x.html").write_bytes(b"half")
    _build(site, 1, monkeypatch)
    assert not dead.exists()


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert tarikh("build", "--jobs", "0") == 2
    assert "number of processes" in capsys.readouterr().err


def test_what_each_page_read_is_the_same_with_one_or_two_jobs(
    tmp_path: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record a rebuild trusts (each page's reads, its cards' reads and the
    digest of every read) comes back from the workers by number (jobs.py):
    it must hold exactly what rendering in process records."""
    from generator.build import Builder

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1443657600")
    site = tmp_path / "site"
    corpus(site, 80)
    records = []
    for n in (1, 2):
        builder = Builder(site, jobs=n)
        builder.build()
        records.append(
            (
                {
                    path: (fp, frozenset(own), frozenset(cards))
                    for path, (fp, own, cards) in builder._page_reads.items()
                },
                dict(builder._table),
            )
        )
    assert pooled, "--jobs 2 rendered in process"
    (one, table_one), (two, table_two) = records
    assert one == two
    assert table_one == table_two
