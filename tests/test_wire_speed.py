"""The cheaper roads through folding and dedupe give what the plain ones gave.

`normalize` folds with one regex pass and a `replace` per letter instead of
`translate`, and keeps short keys in a dict it answers from directly; dedupe
passes over buckets in which no two texts share their numbers and finds the
shared buckets with one sort. Each is checked here against the plain way.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from generator.arabic import dedupe
from generator.arabic import normalize as norm
from generator.arabic.dedupe import find_groups
from generator.arabic.dedupe_np import shared_buckets

# normalize() before the faster road: each step as it was written then.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
    | {"ی": "ي", "ک": "ك"}
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def plain_normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if _PRESENTATION.search(text):
        text = _PRESENTATION.sub(
            lambda m: unicodedata.normalize("NFKC", m.group()).replace(" ", ""), text
        )
    text = _INVISIBLE.sub("", text)
    text = _DIACRITICS.sub("", text).replace("\u0640", "")
    return " ".join(text.translate(_FOLD).translate(_DIGITS).split())


# Every character either road treats specially, and some it does not.
ALPHABET = (
    "أإآٱىةؤئیکاويهكبتث ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123 \t\n.،«»"
    "\u064b\u064e\u0650\u0651\u0652\u0670\u0610\u061a\u06d6\u06ed\u0640"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\u00ad"
    "\ufdf2\ufefb\ufe8d\ufb50\u0627\u0653\u0654\u0655aé"
)


def test_normalize_folds_as_translate_did() -> None:
    rng = random.Random(7)
    texts = ["".join(rng.choices(ALPHABET, k=rng.randint(0, 90))) for _ in range(3000)]
    texts += ["عبدﷲ", "لا", "إِسْمَاعِيل", "سـوريـة", "٢٠٢٤م", "کردستان ی"]
    for text in texts:
        assert norm.normalize(text) == plain_normalize(text), repr(text)
        assert norm.normalize(text) == plain_normalize(text), repr(text)  # kept key


def test_short_keys_are_kept_and_long_ones_are_not() -> None:
    short, long = "وزيـر الخارجيّة", "أعلن وزير الخارجية " * 5
    assert norm.normalize(short) == "وزير الخارجيه"
    assert short in norm._KEYS
    assert norm.normalize(long) == plain_normalize(long)
    assert long not in norm._KEYS


def naive_shared(bands: list[tuple[int, ...]]) -> list[list[int]]:
    members: dict[int, set[int]] = {}
    for i, keys in enumerate(bands):
        for key in keys:
            members.setdefault(key, set()).add(i)
    return sorted(sorted(m) for m in members.values() if len(m) >= 2)


def test_shared_buckets_match_a_dictionary_of_buckets() -> None:
    rng = random.Random(3)
    pool = [rng.getrandbits(64) for _ in range(400)]
    # Texts whose bands repeat a value (one text twice in one bucket) and
    # buckets of one, two and many texts.
    bands = [tuple(rng.choice(pool) for _ in range(dedupe.BANDS)) for _ in range(300)]
    bands += [(pool[0],) * dedupe.BANDS, (pool[0],) * dedupe.BANDS, (pool[1],) * dedupe.BANDS]
    assert sorted(shared_buckets(bands)) == naive_shared(bands)
    assert shared_buckets([]) == []


def wire_lines(n: int, rng: random.Random) -> list[str]:
    """Lines in one template, told apart by their numbers, and copies."""
    verbs, places = ["أعلن", "أكد", "قال"], ["موسكو", "دمشق", "جنيف"]
    out: list[str] = []
    for k in range(n):
        if out and rng.random() < 0.2:
            line = rng.choice(out)
            out.append(f"{line[:-1]} نقلا عن مصادر." if rng.random() < 0.5 else line)
            continue
        out.append(
            f"{rng.choice(verbs)} وزير الخارجية الروسي {rng.randint(1, 28)} آذار "
            f"إعادة الإعمار في {rng.choice(places)} رقم {k}."
        )
    return out


def test_buckets_without_shared_numbers_are_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Template lines fill buckets with texts that differ only in numbers:
    passing those buckets over leaves the groups and the comparisons as
    visiting every bucket did, on the numpy road and the index's."""
    texts = wire_lines(1200, random.Random(11))
    skipping = [find_groups(texts), find_groups(texts, memory=_indexed(texts))]
    monkeypatch.setattr(dedupe, "_shares_numbers", lambda members, numbers: True)
    visiting = [find_groups(texts), find_groups(texts, memory=_indexed(texts))]
    assert [g.groups for g in skipping] == [g.groups for g in visiting]
    assert [g.verified for g in skipping] == [g.verified for g in visiting]
    assert visiting[0].groups == visiting[1].groups
    assert sum(len(g) > 1 for g in visiting[0].groups) >= 50
    for group in visiting[0].groups:  # a copy joins its own line, never another's
        assert len({re.findall(r"رقم (\d+)", texts[i])[0] for i in group}) == 1


def _indexed(texts: list[str]) -> dedupe.Sketches:
    """Sketches whose next call takes the bucket index's road."""
    kept = dedupe.Sketches()
    find_groups(texts, memory=kept)
    return kept
