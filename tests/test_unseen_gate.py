"""A floor under the held-out score (issue 11): the readers may not get worse
on text they were never tuned on. The floors sit a little under today's
figures (README › How well it reads Arabic); raise them as the readers
improve, never to fit a change that lowers them. Only the totals are read:
the held-out half's failures are not for tuning.

The half grew from 170 to 244 sentences with the third batch (GOLD.md),
whose new stories read worse than the old (F1 0.69 against 0.79 on the same
commit): the floors were set again under the larger half's first score,
then raised under its score after that session's rules (F1 0.796, rules
alone 0.747). The fourth batch (session 6) made it 366 sentences: its 122
new held-out sentences read at F1 0.665 cold, the whole half at 0.752 (rules
alone 0.710), and the floors were set under that first score again, then
raised under its score after that session's rules (dates 93.4%, F1 0.763,
rules alone 0.717). Session 7 re-read both halves by a second, blind
annotation (GOLD.md: three held-out labels changed, dates 93.2% since) and
raised them under its precision rules' score (P 0.805, F1 0.787; rules
alone P 0.800, F1 0.732). Session 8 raised them under its precision rules'
score (P 0.815, F1 0.791; rules alone P 0.812, F1 0.737), then under the
states' own bodies switched on (P 0.817, F1 0.797).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.arabic.actors import Registry
from generator.evaluate import eval_registry, evaluate

DATA = Path(__file__).parent / "data"
TODAY = dt.date(2026, 11, 29)


def test_the_held_out_half_keeps_its_floor() -> None:
    o = evaluate(DATA / "unseen_heldout.jsonl", eval_registry(None), TODAY).overall
    assert o.items == 366
    assert o.date_accuracy >= 0.93, o.summary()
    assert o.precision >= 0.81 and o.f1 >= 0.79, o.summary()


def test_the_rules_alone_keep_their_floor() -> None:
    """Without the knowledge base too: discovery must not lean on it."""
    o = evaluate(DATA / "unseen_heldout.jsonl", Registry(), TODAY).overall
    assert o.date_accuracy >= 0.93, o.summary()
    assert o.precision >= 0.81 and o.f1 >= 0.735, o.summary()


def test_the_sets_are_apart() -> None:
    """No story (URL) is in both halves, and none is in gold.jsonl; the fifth
    batch, kept apart (GOLD.md), shares no story with any of them."""
    import json

    def urls(name: str) -> set[str]:
        return {json.loads(line)["url"] for line in (DATA / name).read_text("utf-8").splitlines()}

    dev, held, gold = urls("unseen_dev.jsonl"), urls("unseen_heldout.jsonl"), urls("gold.jsonl")
    assert not dev & held and not (dev | held) & gold
    assert not urls("unseen_batch_fifth.jsonl") & (dev | held | gold)
