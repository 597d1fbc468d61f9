"""Properties (Hypothesis, issue 13): whatever the input, tarikh answers with
messages and an exit code, never a traceback, and writes only inside output/.

The example counts are kept small enough for CI (the whole file runs in
seconds); `HYPOTHESIS_PROFILE=long` runs many more.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from pathlib import Path

import yaml
from conftest import tarikh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.arabic.dates import find_date
from generator.load import Problems, load_event, load_news, parse_date

# No example database: the suite writes nothing into the repository.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
BUILDS = settings(
    max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ٠١٢٣٤٥٦٧٨٩هـ"
# Text a hostile or careless source could hold: Arabic, digits, markup, controls,
# bidi controls, line breaks of every kind, surrogate-free Unicode at large.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from(ARABIC + string.digits + "-/.:،؟<>&\"'=\\ \t\r\n\x00\x1b\x85"),
        st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\ufeff"),
        st.characters(blacklist_categories=["Cs"]),
    ),
    max_size=200,
)
DATES = st.one_of(
    HOSTILE,
    st.from_regex(r"\A[0-9٠-٩]{1,5}[-/ ][0-9٠-٩]{1,3}[-/ ][0-9٠-٩]{1,5}( ?هـ)?\Z"),
    st.builds(
        lambda d, m, y: f"{d} {m} {y}",
        st.integers(-5, 40),
        st.sampled_from(["شباط", "كانون الثاني", "محرم", "رمضان", "ذو الحجة", "يناير", "x"]),
        st.integers(0, 99999),
    ),
)
REFERENCE = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))


def _check_date(value: object) -> None:
    assert value is None or (
        isinstance(value.start, dt.date) and value.precision in ("day", "month", "year")
    )


@given(text=DATES, reference=REFERENCE)
def test_the_date_reader_returns_a_date_or_none(text: str, reference: dt.date | None) -> None:
    found = find_date(text, reference, dt.date(2024, 1, 1))
    _check_date(found.date)
    for mention in found.mentions:
        _check_date(mention)


@given(
    value=st.one_of(DATES, st.integers(), st.floats(), st.dates(), st.none(), st.lists(st.text()))
)
def test_a_front_matter_date_is_a_date_or_a_message(value: object) -> None:
    parsed = parse_date(value)
    assert isinstance(parsed, str) or isinstance(parsed[0], dt.date)


@given(data=st.binary(max_size=2000))
def test_any_bytes_load_as_news_or_as_messages(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "a.txt"
    path.write_bytes(data)
    problems = Problems()
    news = load_news(path, "content/a.txt", problems)
    assert news is not None or any(d.level == "error" for d in problems.items)
    for d in problems.items:
        assert d.file == "content/a.txt" and d.message


FIELDS = ("title", "date", "end_date", "actors", "tags", "place", "source", "url", "image")


@given(
    meta=st.dictionaries(
        st.sampled_from(FIELDS),
        st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3), st.integers(), st.booleans()),
    ),
    body=HOSTILE,
)
def test_any_front_matter_loads_as_an_event_or_as_messages(
    tmp_path_factory, meta: dict[str, object], body: str
) -> None:
    path = tmp_path_factory.mktemp("meta") / "e.md"
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, "utf-8")
    problems = Problems()
    load_event(path, "content/e.md", problems)
    for d in problems.items:
        assert d.file == "content/e.md" and d.message


def _inside(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


@BUILDS
@given(news=st.binary(max_size=3000), title=HOSTILE, place=HOSTILE, date=DATES)
def test_any_site_builds_with_an_exit_code_and_writes_only_inside_output(
    tmp_path_factory, capsys, news: bytes, title: str, place: str, date: str
) -> None:
    root = tmp_path_factory.mktemp("site")
    site = root / "site"
    (site / "content/news").mkdir(parents=True)
    (site / "content/events").mkdir(parents=True)
    (site / "content/news/a.txt").write_bytes(news)
    meta = {"title": title, "date": date, "place": place, "tags": [place, title]}
    (site / "content/events/e.md").write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + title, "utf-8"
    )
    before = _inside(root)
    capsys.readouterr()
    code = tarikh("build", "--source", site, "--quiet")
    out, err = capsys.readouterr()
    assert code in (0, 1, 2) and "Traceback" not in out + err
    assert "internal error" not in err, err
    made = _inside(root) - before
    allowed = (site / "output", site / ".tarikh-cache")
    assert all(any(p.is_relative_to(a) for a in allowed) for p in made), sorted(made)
