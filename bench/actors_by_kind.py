"""Which reader found each actor, and was it right? Run inside a snapshot:

    PYTHONPATH=/tmp/snapenv:SNAP python bench/actors_by_kind.py DEV.jsonl OUT.json [--no-knowledge]

Session 7 ran it on each dev batch with the code from before that batch was
tuned on (a cold reading) to find which readers are imprecise on new text
(GOLD.md). It writes every predicted actor, with its sentence, to OUT.json:
never run it on the held-out half, whose failures are not for reading (it
refuses a file named so).

Wraps the snapshot's readers (by name, so it works on older commits) and
records, for every predicted actor of every sentence, the reader that found
it (a debug label, not part of any output contract) and whether the scorer
counted it a true or a false positive.
"""

import datetime as dt
import json
import sys
from pathlib import Path

from generator import evaluate as ev
from generator.arabic import actors as A

TRACE: list[tuple[str, object]] = []  # (label, Found) for the current sentence
_LAST: dict[int, str] = {}  # id(items list) -> reader name


def _norm(s: str) -> str:
    from generator.arabic.normalize import normalize

    return normalize(s)


_CHAIN = {"بن", "ابن", "بنت", "ولد", "ابو", "ال", "اب", "ام"}


def _label(reader: str, f) -> str:
    m = getattr(f, "mention", f)
    if isinstance(m, str):
        m = f
    kind = m.kind
    if reader == "alias":
        return f"registry:{kind}"
    if reader == "titled":
        if getattr(f, "by_title", False):
            return "title-alone->holder"
        if kind != "person":
            return "title:inside-body"
        if m.registered:
            return "title+registered-name"
        words = _norm(m.name).split()
        if any(w in _CHAIN for w in words[1:]):
            return "title+name:chain"
        return f"title+name:{min(len(words), 3)}w"
    if reader == "bare":
        words = _norm(m.name).split()
        if any(w in _CHAIN for w in words[1:]) or words[0] in ("ابو", "ام"):
            return "bare:chain"
        return f"bare:{min(len(words), 4)}w"
    if reader == "organisation":
        head = _norm(m.name).split()[0] if m.name else "?"
        for p in ("و", "ب", "ل"):
            if head.startswith(p + "ال"):
                head = head[1:]
        head = head.removeprefix("ال")
        reg = "reg" if m.registered else "disc"
        return f"body:{reg}:{head}"
    return reader


def _wrap_reader(name: str, fn):
    def wrapped(*a, **k):
        end, items = fn(*a, **k)
        if items:
            _LAST[id(items)] = name
        return end, items

    return wrapped


def _wrap_longest(fn):
    def wrapped(*a, **k):
        end, items = fn(*a, **k)
        name = _LAST.get(id(items), "?")
        for f in items:
            TRACE.append((_label(name, f), f))
        _LAST.clear()
        return end, items

    return wrapped


def _wrap_list(name: str, fn):
    def wrapped(*a, **k):
        out = fn(*a, **k)
        for f in out:
            TRACE.append((_label(name, f), f))
        return out

    return wrapped


for attr, name in [
    ("read_alias", "alias"),
    ("read_titled", "titled"),
    ("read_bare", "bare"),
    ("read_abbreviated", "abbreviated"),
    ("read_organisation", "organisation"),
    ("read_seat", "seat"),
    ("read_dual", "dual"),
    ("read_quoted", "quoted"),
    ("read_lone_surname", "lone-surname"),
]:
    if hasattr(A, attr):
        setattr(A, attr, _wrap_reader(name, getattr(A, attr)))
A._longest = _wrap_longest(A._longest)
for attr, name in [
    ("read_counterparts", "counterpart"),
    ("listed_people", "list"),
    ("_countries", "country"),
    ("story_surnames", "story-coref"),
]:
    if hasattr(A, attr):
        setattr(A, attr, _wrap_list(name, getattr(A, attr)))

RECORDS: list[dict] = []
_orig_score = ev.score_actors
_CUR: dict = {}


def _score(predicted, gold, canonical=None):
    predicted = list(predicted)
    missing, extra = _orig_score(predicted, gold, canonical)
    labels: dict[str, str] = {}
    for label, f in TRACE:
        m = getattr(f, "mention", f)
        labels.setdefault(f.slug if isinstance(m, str) else m.slug, label)
    for m in predicted:
        RECORDS.append(
            {
                "id": _CUR.get("id"),
                "name": m.name,
                "mention": m.mention,
                "kind": m.kind,
                "registered": m.registered,
                "role": m.role,
                "label": labels.get(m.slug, "unknown"),
                "fp": m.name in extra,
            }
        )
    for g in missing:
        RECORDS.append({"id": _CUR.get("id"), "name": g, "label": "MISS", "fp": None})
    TRACE.clear()
    return missing, extra


ev.score_actors = _score

# understand() is called once per item, in order; note the item's id there.
_orig_understand = ev.understand
_ITEMS: list[str] = []


def _understand(text, **k):
    TRACE.clear()
    _CUR["id"] = _ITEMS.pop(0) if _ITEMS else None
    return _orig_understand(text, **k)


ev.understand = _understand


def main() -> None:
    gold, out = Path(sys.argv[1]), Path(sys.argv[2])
    if "heldout" in gold.name:
        sys.exit("actors_by_kind: the held-out half is not for reading (tests/data/GOLD.md)")
    knowledge = "--no-knowledge" not in sys.argv
    for line in gold.read_text().splitlines():
        if line.strip():
            _ITEMS.append(json.loads(line)["id"])
    if hasattr(ev, "eval_registry"):
        reg = ev.eval_registry(None, knowledge) if knowledge else ev.eval_registry(None, False)
    else:
        from generator.arabic.actors import Registry

        reg = Registry([])
    report = ev.evaluate(gold, reg, dt.date(2026, 11, 29))
    out.write_text(json.dumps(RECORDS, ensure_ascii=False, indent=0))
    print(json.dumps(report.overall.summary()))
    kinds: dict[str, list[int]] = {}
    for r in RECORDS:
        if r["fp"] is not None:
            kinds.setdefault(r["label"], [0, 0])[bool(r["fp"])] += 1
    for label, (tp, fp) in sorted(kinds.items(), key=lambda k: -sum(k[1])):
        print(f"{label:32} tp {tp:4} fp {fp:4} P {tp / (tp + fp):.2f}")


main()
