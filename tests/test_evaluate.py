"""The evaluation's arithmetic on a hand-made gold file, and the real gold set's scores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import generator.understand as understand_module
from generator.arabic.actors import ActorEntry, ActorMention, Registry
from generator.arabic.dates import DateFinding, DateValue
from generator.evaluate import (
    actor_key,
    canonical_keys,
    evaluate,
    load_gold,
    load_registry_dir,
    main_eval,
    report_json,
    report_text,
    score_actors,
)

DATA = Path(__file__).parent / "data"
TODAY = dt.date(2026, 1, 1)


def gold_line(
    id: str,
    text: str,
    gregorian: str | None,
    precision: str | None,
    actors: list[str],
    phenomena: list[str],
    reference: str | None = "2015-10-01",
) -> str:
    return json.dumps(
        {
            "id": id,
            "text": text,
            "outlet": "test",
            "url": "https://example.org/x",
            "country": "SY",
            "reference_date": reference,
            "date": {
                "gregorian": gregorian,
                "precision": precision,
                "calendar": "gregorian",
                "written": "",
            },
            "actors": actors,
            "phenomena": phenomena,
        },
        ensure_ascii=False,
    )


# What the fake readers answer, by sentence: (date or None, actor names).
FAKE: dict[str, tuple[DateValue | None, list[str]]] = {
    "a": (
        DateValue(dt.date(2015, 10, 1), "day", "explicit", "1 تشرين الأول"),
        ["فلاديمير بوتين", "روسيا"],
    ),
    "b": (DateValue(dt.date(2015, 9, 1), "month", "explicit", "أيلول"), ["وزارة الدفاع الروسية"]),
    "c": (DateValue(dt.date(2015, 9, 30), "day", "explicit", "30 أيلول"), []),
    "d": (None, ["سامح شكري"]),
}


@pytest.fixture
def fake_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    def find_date(
        text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
    ) -> DateFinding:
        return DateFinding(date=FAKE[text][0])

    def find_actors(text: str, registry: Registry, on: dt.date | None) -> list[ActorMention]:
        return [ActorMention(slug=n, name=n, mention=n) for n in FAKE[text][1]]

    monkeypatch.setattr(understand_module, "find_date", find_date)
    monkeypatch.setattr(understand_module, "find_actors", find_actors)
    monkeypatch.setattr(understand_module, "event_type", lambda text: "other")
    monkeypatch.setattr(understand_module, "find_places", lambda text: [])


@pytest.fixture
def tiny_gold(tmp_path: Path) -> Path:
    lines = [
        # date right; one extra actor predicted (روسيا)
        gold_line("a", "a", "2015-10-01", "day", ["فلاديمير بوتين"], ["levant-month"]),
        # date wrong: the gold has the day, the prediction only the month; one actor of two found
        gold_line(
            "b",
            "b",
            "2015-09-30",
            "day",
            ["وزارة الدفاع الروسية", "وزارة الدفاع الأمريكية"],
            ["levant-month", "dual"],
        ),
        # date right; one actor missed
        gold_line("c", "c", "2015-09-30", "day", ["مجلس الاتحاد الروسي"], ["weekday"]),
        "",
        # no date in text: understand() falls back to the story's date (2015-10-01), gold agrees
        gold_line("d", "d", "2015-10-01", "day", ["سامح شكري"], ["title-only"]),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_metrics_arithmetic(fake_readers: None, tiny_gold: Path) -> None:
    report = evaluate(tiny_gold, Registry(), TODAY)
    o = report.overall
    assert o.items == 4
    assert o.dates_correct == 3  # b predicted 2015-09 for a day-precise 2015-09-30
    assert (o.tp, o.fp, o.fn) == (3, 1, 2)
    assert o.precision == pytest.approx(3 / 4)
    assert o.recall == pytest.approx(3 / 5)
    assert o.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)

    levant = report.by_phenomenon["levant-month"]
    assert (levant.items, levant.dates_correct, levant.tp, levant.fp, levant.fn) == (2, 1, 2, 1, 1)
    assert report.by_phenomenon["title-only"].f1 == pytest.approx(1.0)
    assert report.by_phenomenon["weekday"].recall == 0.0
    assert list(report.by_phenomenon) == sorted(report.by_phenomenon)

    by_id = {f.id: f for f in report.failures}
    assert set(by_id) == {"a", "b", "c"}
    assert by_id["a"].actors_extra == ["روسيا"] and by_id["a"].actors_missing == []
    assert (by_id["b"].date_expected, by_id["b"].date_got) == ("2015-09-30", "2015-09")
    assert by_id["b"].actors_missing == ["وزارة الدفاع الأمريكية"]
    assert by_id["c"].line == 3 and by_id["c"].actors_missing == ["مجلس الاتحاد الروسي"]


def test_names_match_through_spelling_variants(fake_readers: None, tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(
        gold_line("v", "variants", "2015-10-01", "day", ["فلاديمير بوتين", "روسيا", "إيران"], ["x"])
        + "\n",
        encoding="utf-8",
    )
    FAKE["variants"] = (FAKE["a"][0], ["فلاديمير بوتين", "«روسيا»", "ايران"])
    try:
        report = evaluate(path, Registry(), TODAY)
    finally:
        del FAKE["variants"]
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (3, 0, 0)


def test_names_resolve_through_the_outlets_home_registry(
    fake_readers: None, tmp_path: Path
) -> None:
    """A newsroom's own registry knows its state's bodies by their bare names:
    a Syrian outlet's «المحكمة العليا» is the Syrian court its registry names
    in full, though a registry with no home knows no such alias."""
    path = tmp_path / "g.jsonl"
    path.write_text(
        gold_line("h", "home", "2015-10-01", "day", ["المحكمة العليا"], ["x"]) + "\n",
        encoding="utf-8",
    )
    court = ActorEntry(
        slug="sc", name="المحكمة العليا السورية", kind="organisation", aliases=("المحكمة العليا",)
    )
    homes = {"SY": Registry([court])}
    FAKE["home"] = (FAKE["a"][0], ["المحكمة العليا السورية"])
    try:
        report = evaluate(path, lambda code: homes.get(code, Registry()), TODAY)
    finally:
        del FAKE["home"]
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)


def test_a_reader_that_raises_is_a_failure_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tiny_gold: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> DateFinding:
        raise NotImplementedError

    monkeypatch.setattr(understand_module, "find_date", broken)
    report = evaluate(tiny_gold, Registry(), TODAY)
    assert report.overall.dates_correct == 0
    assert report.overall.fn == 5 and report.overall.tp == 0
    assert all(f.error == "NotImplementedError: " for f in report.failures)


def test_reports_in_text_and_json(fake_readers: None, tiny_gold: Path) -> None:
    report = evaluate(tiny_gold, Registry(), TODAY)
    data = json.loads(report_json(report))
    assert data["overall"]["date_accuracy"] == 0.75
    assert data["overall"]["actor_f1"] == pytest.approx(0.6667, abs=1e-4)
    assert [f["id"] for f in data["failures"]] == ["a", "b", "c"]
    text = report_text(report)
    assert "overall" in text and "75.0%" in text
    assert "date: expected 2015-09-30, got 2015-09" in text


def test_main_eval_prints_and_exits_zero(
    fake_readers: None, tiny_gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main_eval(tiny_gold, None, "json", TODAY) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["items"] == 4
    # with and without the knowledge base, in one report (issue 11)
    assert data["without_knowledge"]["items"] == 4
    assert main_eval(tiny_gold, None, "json", TODAY, knowledge=False) == 0
    assert "without_knowledge" not in json.loads(capsys.readouterr().out)
    assert main_eval(tiny_gold, None, "text", TODAY) == 0
    assert "without KB" in capsys.readouterr().out


def test_the_knowledge_base_is_what_tells_the_two_rows_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title only the knowledge base knows: found with it, missed without."""
    path = tmp_path / "kb.jsonl"
    path.write_text(
        gold_line(
            "k", "وصل وزير الخارجية الأمريكي إلى الرياض.", "2015-10-01", "day", ["جون كيري"], []
        )
        + "\n",
        encoding="utf-8",
    )
    assert main_eval(path, None, "json", TODAY) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["actor_recall"] == 1.0
    assert data["without_knowledge"]["actor_recall"] == 0.0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        (gold_line("z", "z", "2015-10", "day", [], []), "not written at day precision"),
        (
            gold_line("z", "z", "2015-10-01", "day", [], [], reference="2015-02-30"),
            "does not exist",
        ),
        (gold_line("a", "dup", "2015-10-01", "day", [], []), "already used on line 1"),
        (gold_line("z", "z", None, "day", [], []), "null 'precision'"),
    ],
)
def test_bad_gold_line_names_file_and_line(
    tmp_path: Path, line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        gold_line("a", "a", "2015-10-01", "day", [], []) + "\n\n" + line + "\n", encoding="utf-8"
    )
    assert main_eval(path, None, "text", TODAY) == 1
    err = capsys.readouterr().err
    assert f"{path}:3:" in err and message in err


def test_missing_paths_are_usage_errors(tmp_path: Path) -> None:
    assert main_eval(tmp_path / "nope.jsonl", None, "text", TODAY) == 2
    (tmp_path / "g.jsonl").write_text("", encoding="utf-8")
    assert main_eval(tmp_path / "g.jsonl", tmp_path / "no-actors", "text", TODAY) == 2


# ---------------------------------------------------------------- the real gold set

GOLD = DATA / "gold.jsonl"
ACTORS = DATA / "gold_actors"


def test_gold_set_is_well_formed() -> None:
    items = load_gold(GOLD)
    # Issue 4 asks for 150 real sentences; the set holds what was found and
    # checked so far (see the gold set's report). This floor only stops it shrinking.
    assert len(items) >= 45
    countries = {i.country for i in items}
    assert len(countries) >= 5
    assert len({i.outlet for i in items}) >= 10
    assert all(i.url.startswith("http") for i in items)
    phenomena = {p for i in items for p in i.phenomena}
    assert {
        "levant-month",
        "egypt-month",
        "maghreb-month",
        "hijri",
        "relative",
        "weekday",
    } <= phenomena


def test_gold_registry_loads() -> None:
    registry = load_registry_dir(ACTORS)
    assert len(registry.entries) >= 10
    assert all(
        e.name and e.kind in ("person", "organisation", "country", "group")
        for e in registry.entries
    )


def test_gold_set_dates_meet_the_target() -> None:
    report = evaluate(GOLD, load_registry_dir(ACTORS), TODAY)
    assert report.overall.date_accuracy >= 0.97, report_text(report)


def test_gold_set_actors_meet_the_target() -> None:
    report = evaluate(GOLD, load_registry_dir(ACTORS), TODAY)
    assert report.overall.f1 >= 0.92, report_text(report)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("خالد بن بندر بن عبد العزيز", "خالد بن بندر بن عبدالعزيز"),
        ("عبد الله الثاني", "عبدالله الثاني"),
        ("جمال عبد الناصر", "جمال عبدالناصر"),
        ("أبو مازن", "أبومازن"),
        ("محمود عبّاس", "محمود عباس"),
        ("مسرور بارزانی", "مسرور بارزاني"),  # Persian yeh
    ],
)
def test_actor_key_folds_spelling_variants(one: str, other: str) -> None:
    assert actor_key(one) == actor_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("عبد الله بن خالد", "عبد الله خالد"),
        ("أبو ظبي", "ظبي"),
        ("عبد العزيز", "العزيز"),
        ("محمد بن نايف", "محمد بن نايف بن عبدالعزيز"),
    ],
)
def test_actor_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert actor_key(one) != actor_key(other)


def test_joined_spelling_scores_as_a_match() -> None:
    predicted = [ActorMention("x", "عبد الله بن عبد العزيز", "عبد الله بن عبد العزيز")]
    assert score_actors(predicted, ["عبدالله بن عبدالعزيز"]) == (set(), set())


def test_two_names_of_one_country_score_as_one_actor() -> None:
    canonical = canonical_keys(Registry())
    predicted = [ActorMention("x", "الإمارات", "دولة الإمارات")]
    assert score_actors(predicted, ["الإمارات العربية المتحدة"], canonical) == (set(), set())
    assert score_actors(predicted, ["قطر"], canonical) == ({"قطر"}, {"الإمارات"})


def test_a_registered_alias_scores_as_its_actor() -> None:
    registry = Registry([ActorEntry("أ", "يوسف الخطيب", aliases=("الخطيب", "أبو يوسف"))])
    canonical = canonical_keys(registry)
    predicted = [ActorMention("أ", "الخطيب", "الخطيب")]
    assert score_actors(predicted, ["يوسف الخطيب"], canonical) == (set(), set())
    assert score_actors(predicted, ["أبو يوسف"], canonical) == (set(), set())


def test_an_alias_two_actors_share_resolves_to_neither() -> None:
    registry = Registry(
        [
            ActorEntry("أ", "سليم حداد", aliases=("حداد",)),
            ActorEntry("ب", "نبيل حداد", aliases=("حداد",)),
        ]
    )
    predicted = [ActorMention("أ", "حداد", "حداد")]
    missing, extra = score_actors(predicted, ["نبيل حداد"], canonical_keys(registry))
    assert (missing, extra) == ({"نبيل حداد"}, {"حداد"})


def test_a_family_name_matches_a_registered_full_name_it_ends() -> None:
    """GOLD.md, guideline 2: the registry decides only when it knows the
    short name; a registered full name alone does not stop the match."""
    registry = Registry([ActorEntry("م", "سالم المرزوقي")])
    predicted = [ActorMention("م", "سالم المرزوقي", "المرزوقي")]
    assert score_actors(predicted, ["المرزوقي"], canonical_keys(registry)) == (set(), set())
    taken = Registry([*registry.entries, ActorEntry("ك", "كمال المرزوقي", aliases=("المرزوقي",))])
    missing, extra = score_actors(predicted, ["المرزوقي"], canonical_keys(taken))
    assert (missing, extra) == ({"المرزوقي"}, {"سالم المرزوقي"})
