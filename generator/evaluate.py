"""How well does tarikh read Arabic news? Scored against a hand-annotated gold set.

`tarikh eval GOLD.jsonl [--actors DIR] [--format text|json]` runs the same
`understand()` that builds use on every gold sentence and reports:

- date accuracy: the predicted Gregorian date, written at its own precision
  ("2015-10-01", "2015-10", "2015"), must equal the gold string exactly: a
  day-precise guess for a month-only date is wrong, as a page would show a day
  the source never wrote; a gold null date must be predicted as no date;
- actor precision / recall / F1, micro-averaged over sentences: predicted
  actor names and gold names are compared after folding spelling
  (`normalize`) and dropping punctuation, and after resolving both through
  the registry's aliases and the gazetteer's country names, so that two
  names of one actor («المملكة العربية السعودية», «السعودية») are one actor;

overall and by phenomenon (each gold line lists the difficulties it exercises),
with every failure listed so a regression points at its sentence.

Gold lines are JSON objects; see tests/data/gold.jsonl and `parse_gold_line`
in evaluate_gold.py, which reads the gold file and its actor registry; this
module scores the lines and prints the report.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.arabic.actor_match import actor_key, canonical_keys, resolved_key, score_actors
from generator.arabic.actor_surnames import Story
from generator.arabic.actors import Registry
from generator.arabic.dates import DateValue
from generator.evaluate_gold import GoldError, load_gold, load_registry_dir
from generator.understand import understand

__all__ = [
    "actor_key",
    "canonical_keys",
    "evaluate",
    "load_gold",
    "load_registry_dir",
    "resolved_key",
    "score_actors",
]


@dataclass
class Tally:
    items: int = 0
    dates_correct: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.items if self.items else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, date_ok: bool, tp: int, fp: int, fn: int) -> None:
        self.items += 1
        self.dates_correct += date_ok
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def summary(self) -> dict[str, float | int]:
        return {
            "items": self.items,
            "date_accuracy": round(self.date_accuracy, 4),
            "actor_precision": round(self.precision, 4),
            "actor_recall": round(self.recall, 4),
            "actor_f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Failure:
    id: str
    line: int
    text: str
    date_expected: str | None
    date_got: str | None
    actors_missing: list[str]
    actors_extra: list[str]
    error: str | None = None


@dataclass
class Report:
    gold: str
    overall: Tally
    by_phenomenon: dict[str, Tally]
    failures: list[Failure] = field(default_factory=list)
    # The same lines read without the built-in knowledge base: what the rules
    # (and --actors, if given) do alone, beside what a new site gets.
    without_knowledge: Tally | None = None


# ---------------------------------------------------------------- scoring


def date_string(value: DateValue | None) -> str | None:
    """A predicted date as the gold writes it: ISO Gregorian at its own precision."""
    if value is None or value.basis == "none":
        return None
    iso = value.start.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[value.precision]


def evaluate(
    gold_path: Path, registry: Registry | Callable[[str], Registry], today: dt.date
) -> Report:
    """Score every line of `gold_path`. `registry` is one registry, or a function
    of a line's outlet country (ISO code) that gives the registry a newsroom of
    that country would build with (its `country` set: see `eval_registry`)."""
    items = load_gold(gold_path)
    overall = Tally()
    by_phenomenon: dict[str, Tally] = {}
    failures: list[Failure] = []
    registry_of = registry if callable(registry) else lambda _code: registry
    # Names resolve through the registry the line is read with (its outlet's
    # home): a newsroom's own «المحكمة العليا» is its state's court.
    canonicals: dict[int, dict[str, str]] = {}
    # A story's lines share one URL, in order: each is read knowing the actors of
    # the lines before it, as a news file's lines are («… المشهداني» after «محمود
    # المشهداني»).
    stories: dict[str, Story] = {}
    for item in items:
        error = None
        story = stories.setdefault(item.url, Story())
        registry_here = registry_of(item.country)
        canonical = canonicals.get(id(registry_here))
        if canonical is None:
            canonical = canonicals[id(registry_here)] = canonical_keys(registry_here)
        try:
            facts = understand(
                item.text,
                reference=item.reference,
                today=today,
                registry=registry_here,
                story=story,
            )
            story.extend(facts.actors)
            got_date = date_string(facts.date)
            missing, extra = score_actors(facts.actors, item.actors, canonical)
        except Exception as exc:  # a crash on one sentence is a failure to report, not the end
            error = f"{type(exc).__name__}: {exc}"
            got_date, missing, extra = None, set(item.actors), set()
        date_ok = error is None and got_date == item.gregorian
        matched = len({resolved_key(a, canonical) for a in item.actors}) - len(missing)
        counts = (matched, len(extra), len(missing))
        overall.add(date_ok, *counts)
        for phenomenon in item.phenomena:
            by_phenomenon.setdefault(phenomenon, Tally()).add(date_ok, *counts)
        if not date_ok or missing or extra:
            failures.append(
                Failure(
                    id=item.id,
                    line=item.line,
                    text=item.text,
                    date_expected=item.gregorian,
                    date_got=got_date,
                    actors_missing=sorted(missing),
                    actors_extra=sorted(extra),
                    error=error,
                )
            )
    return Report(str(gold_path), overall, dict(sorted(by_phenomenon.items())), failures)


# ---------------------------------------------------------------- output


def report_json(report: Report) -> str:
    data = {
        "gold": report.gold,
        "overall": report.overall.summary(),
        **(
            {"without_knowledge": report.without_knowledge.summary()}
            if report.without_knowledge
            else {}
        ),
        "by_phenomenon": {k: t.summary() for k, t in report.by_phenomenon.items()},
        "failures": [asdict(f) for f in report.failures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _row(label: str, t: Tally) -> str:
    return (
        f"{label:<16} {t.items:>5} {t.date_accuracy:>7.1%} "
        f"{t.precision:>7.1%} {t.recall:>7.1%} {t.f1:>6.3f}"
    )


def report_text(report: Report, max_failures: int = 40) -> str:
    header = f"{'':<16} {'items':>5} {'dates':>7} {'act P':>7} {'act R':>7} {'F1':>6}"
    lines = [f"gold: {report.gold}", header, _row("overall", report.overall)]
    if report.without_knowledge:
        lines.append(_row("without KB", report.without_knowledge))
    lines.append("")
    lines += [_row(name, t) for name, t in report.by_phenomenon.items()]
    lines.append("")
    lines.append(f"{len(report.failures)} sentences with a failure")
    for f in report.failures[:max_failures]:
        lines.append(f"- {f.id} (line {f.line}): {f.text[:90]}")
        if f.error:
            lines.append(f"    error: {f.error}")
        if f.date_expected != f.date_got:
            lines.append(f"    date: expected {f.date_expected}, got {f.date_got}")
        if f.actors_missing:
            lines.append(f"    missing actors: {', '.join(f.actors_missing)}")
        if f.actors_extra:
            lines.append(f"    extra actors: {', '.join(f.actors_extra)}")
    if len(report.failures) > max_failures:
        lines.append(f"… and {len(report.failures) - max_failures} more (--format json lists all)")
    return "\n".join(lines)


def eval_registry(
    actors_dir: Path | None, knowledge: bool = True
) -> Registry | Callable[[str], Registry]:
    """What `tarikh build` would match with: the site's registry (here the
    gold set's, if given) over tarikh's built-in knowledge base, with each
    line's outlet country as the site's home `country` (a newsroom's own
    «رئيس الجمهورية» is its own state's)."""
    own = load_registry_dir(actors_dir).entries if actors_dir else []
    if not knowledge:
        return Registry(own)
    from generator import knowledge as kb

    made: dict[str | None, Registry] = {}

    def registry_of(code: str) -> Registry:
        home = kb.home_of(code) if code else None
        if home not in made:
            made[home] = Registry(kb.merged(own, kb.entries(home=home)))
        return made[home]

    return registry_of


def main_eval(
    gold: Path, actors_dir: Path | None, fmt: str, today: dt.date, knowledge: bool = True
) -> int:
    """`tarikh eval`: print the report and return 0; 1 when the gold file has a bad
    line (file:line on stderr); 2 when a path given cannot be read."""
    if actors_dir is not None and not actors_dir.is_dir():
        print(f"tarikh: error: {actors_dir} is not a directory of actor files", file=sys.stderr)
        return 2
    registry = eval_registry(actors_dir, knowledge)
    used = ["the built-in knowledge base (each outlet's country as home)"] if knowledge else []
    used += [f"the registry in {actors_dir}"] if actors_dir else []
    print(f"actors matched with {' and '.join(used) or 'no registry'}", file=sys.stderr)
    try:
        report = evaluate(gold, registry, today)
        if knowledge:
            alone = evaluate(gold, eval_registry(actors_dir, knowledge=False), today)
            report.without_knowledge = alone.overall
    except GoldError as exc:
        print(f"tarikh: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"tarikh: error: cannot read {gold}: {exc}", file=sys.stderr)
        return 2
    print(report_json(report) if fmt == "json" else report_text(report))
    return 0
