"""Near-duplicate news items: what must merge, what must not, and at what cost."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from generator.arabic.dedupe import find_groups, group_duplicates

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content/news/2015-10-01-russia-syria.txt"  # the seed text after its front matter


def seed_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = lines[lines.index("---", 1) + 1 :]
    return [line for line in body if line.strip()]


BASE = (
    "أجرت وزارتا الدفاع الروسية والأمريكية الخميس 1 تشرين الأول بطلب من الأخيرة "
    "مناقشات عبر الفيديو بشأن العملية الروسية الجوية ضد «داعش» في سورية."
)

VARIANTS = {
    "typo": BASE.replace("مناقشات", "مناقشت"),
    "english quotes": BASE.replace("«داعش»", "“داعش”"),
    "straight quotes": BASE.replace("«داعش»", '"داعش"'),
    "no final stop": BASE.rstrip("."),
    "alef and taa marbuta": BASE.replace("الأمريكية", "الامريكيه").replace("سورية", "سوريه"),
    "eastern digits": BASE.replace("1", "١"),
    "word dropped": BASE.replace(" عبر الفيديو", ""),
    "word added": BASE.replace("مناقشات", "مناقشات مطولة"),
    "clitic added": "و" + BASE,
    "harakat": BASE.replace("الدفاع", "الدِّفاع"),
}


def test_seed_lines_two_and_three_are_one_event() -> None:
    lines = seed_lines()
    assert lines[1] == lines[2]
    groups = group_duplicates(lines)
    assert [1, 2] in groups


def test_distinct_seed_lines_stay_apart() -> None:
    lines = seed_lines()
    groups = group_duplicates(lines)
    assert len(groups) == len(lines) - 1
    assert all(len(g) == 1 for g in groups if g != [1, 2])


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_near_duplicate_joins_its_original(name: str) -> None:
    groups = group_duplicates([BASE, VARIANTS[name]])
    assert groups == [[0, 1]]


def test_all_variants_make_one_group_among_other_news() -> None:
    others = seed_lines()[3:]
    texts = [*others[:4], BASE, *others[4:], *VARIANTS.values()]
    groups = group_duplicates(texts)
    base_group = next(g for g in groups if 4 in g)
    assert base_group == [4, *range(len(texts) - len(VARIANTS), len(texts))]
    assert sum(len(g) for g in groups) == len(texts)


def test_same_words_on_another_day_is_another_event() -> None:
    other_day = BASE.replace("الخميس 1", "الجمعة 2")
    assert group_duplicates([BASE, other_day]) == [[0], [1]]


def test_different_news_about_the_same_actors_stays_apart() -> None:
    texts = [
        "قال الرئيس الروسي فلاديمير بوتين إن الضربات الجوية في سورية تستهدف «داعش» وحده.",
        "قال الرئيس الروسي فلاديمير بوتين إن بلاده لن ترسل قوات برية إلى سورية.",
        "التقى الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في موسكو.",
    ]
    assert group_duplicates(texts) == [[0], [1], [2]]


def test_groups_cover_every_index_once_in_order() -> None:
    texts = [BASE, "خبر آخر تماما", "", VARIANTS["typo"], "", "خبر آخر تماما"]
    groups = group_duplicates(texts)
    assert sorted(i for g in groups for i in g) == list(range(len(texts)))
    assert all(g == sorted(g) for g in groups)
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)
    assert groups == [[0, 3], [1, 5], [2, 4]]
    assert group_duplicates([]) == []


def test_same_groups_in_every_process() -> None:
    """Python salts str hashes per process; the groups must not depend on it."""
    texts = [*seed_lines(), *VARIANTS.values(), BASE]
    script = (
        "import json, sys; from generator.arabic.dedupe import group_duplicates;"
        "print(json.dumps(group_duplicates(json.load(sys.stdin))))"
    )
    results = set()
    for salt in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": salt}
        out = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        ).stdout
        results.add(out)
    assert len(results) == 1
    assert json.loads(results.pop()) == group_duplicates(texts)


def synthetic_news(n: int, rng: random.Random) -> list[str]:
    """News-like lines drawn from the seed's own words: one vocabulary, so many
    lines share words and grams, which is what makes all-pairs costly."""
    words = [w for line in seed_lines() for w in line.split()]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 30))) for _ in range(n)]


def typo(text: str, rng: random.Random) -> str:
    words = text.split()
    k = rng.randrange(len(words))
    w = words[k]
    if len(w) > 2:
        j = rng.randrange(len(w))
        words[k] = w[:j] + w[j + 1 :]
    else:
        words.insert(k, "وقد")
    return " ".join(words)


def test_twenty_thousand_lines_cost_a_linear_number_of_comparisons() -> None:
    rng = random.Random(7)
    n = 20_000
    texts = synthetic_news(n - 400, rng)
    originals = list(range(0, 400 * 10, 10))
    for i in originals:
        texts.append(typo(texts[i], rng))
    # a story copied 200 times: one bucket, linear cost, one group
    texts[5000:5200] = [texts[5000]] * 200

    result = find_groups(texts)

    assert result.verified <= 2 * n
    group_of = {i: g[0] for g in result.groups for i in g}
    found = sum(group_of[i] == group_of[n - 400 + k] for k, i in enumerate(originals))
    assert found >= 0.97 * len(originals)
    assert group_of[5199] == 5000
    singles = sum(len(g) == 1 for g in result.groups)
    assert singles >= n - 400 - 200 - 400 - 50  # unrelated lines are not merged


def test_groups_do_not_depend_on_earlier_calls() -> None:
    """The bucket index is kept between calls (rebuilds); what it returns must
    be what a fresh process would return for the same texts."""
    rng = random.Random(11)
    texts = synthetic_news(600, rng)
    texts += [typo(texts[i], rng) for i in range(0, 600, 7)]
    edited = list(texts)
    edited[3] = typo(edited[3], rng)
    edited[70] = edited[71]
    del edited[200:210]
    edited.insert(5, texts[400])

    from generator.arabic.dedupe import Sketches

    kept = Sketches()  # what a builder keeps from build to build
    find_groups(texts, memory=kept)  # a first build
    after_edits = find_groups(edited, memory=kept).groups
    fresh = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; from generator.arabic.dedupe import group_duplicates;"
            "print(json.dumps(group_duplicates(json.load(sys.stdin))))",
        ],
        input=json.dumps(edited),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert after_edits == json.loads(fresh.stdout)
    assert any(len(g) > 1 for g in after_edits)


def test_numpy_and_python_give_the_same_fingerprints() -> None:
    """An archive is sketched with numpy, an edit in pure Python: the two
    roads must agree bit for bit, or a rebuild would group differently."""
    from generator.arabic import dedupe
    from generator.arabic.dedupe_np import band_keys, gram_sets, shared_buckets

    rng = random.Random(5)
    texts = [*synthetic_news(300, rng), "", "ا", "قال", "abc", "😀 x", "ب ب ب ب ب ب"]
    keys = [dedupe._fold_key(t) for t in texts]
    python = [dedupe._band_keys(dedupe.sketch(dedupe.shingles(k))) for k in keys]
    assert band_keys(keys, dedupe._DONORS) == python
    assert gram_sets(keys) == [dedupe.shingles(k) for k in keys]
    index = dedupe._BandIndex()
    index.update({k: (b, frozenset()) for k, b in zip(keys, python, strict=True)})
    by_index = sorted(sorted(keys.index(k) for k in index.members[b]) for b in index.shared)
    assert sorted(shared_buckets(python)) == by_index


def test_a_large_first_call_groups_as_the_index_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.arabic import dedupe

    rng = random.Random(9)
    texts = synthetic_news(1500, rng)
    texts += [typo(texts[i], rng) for i in range(0, 1500, 5)]

    kept = dedupe.Sketches()
    vectorised = find_groups(texts, memory=kept)  # ≥ VECTOR_FROM texts, empty index: numpy
    again = find_groups(texts, memory=kept)  # a second call builds the index
    assert kept.index.bands  # and keeps it for the next
    monkeypatch.setattr(dedupe, "VECTOR_FROM", 10**9)
    monkeypatch.setattr(dedupe, "VECTOR_LETTERS", 10**12)
    python = find_groups(texts)
    assert vectorised.groups == again.groups == python.groups
    assert vectorised.verified == python.verified
    assert sum(len(g) > 1 for g in python.groups) >= 250
