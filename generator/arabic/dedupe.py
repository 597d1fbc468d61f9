"""Which news items are the same event? Near-duplicates in near-linear time.

CONTRACT (used by generator/model.py):

    group_duplicates(texts) -> list[list[int]]

Returns groups of indices into `texts` (each group sorted, groups ordered by
their first index); every index appears in exactly one group.

How: each text is folded (`normalize`: alef/yaa/taa marbuta, harakat, digits)
and stripped of punctuation and quote marks, so «داعش», “داعش” and "داعش" are
one spelling. Identical folded texts are one group at once. The rest are
sketched with one-permutation MinHash over character 4-grams of the word
sequence, and the sketch is cut into LSH bands: only texts that share a band
bucket are compared, and a pair joins only if the exact Jaccard of its
shingle sets reaches `threshold`. Union-find turns pairs into groups.

Why character 4-grams rather than word shingles: a one-letter typo costs a
whole word, or two word bigrams, which in a ten-word headline drops Jaccard
below 0.8; in character grams it costs four of sixty.

Why a number guard: two wire items that differ only in a date or a count
(«الخميس 1 تشرين الأول» / «الجمعة 2 تشرين الأول») are different news about the
same actors, however similar the words; texts whose sets of numbers differ
never merge.

Hashes are splitmix64 of the grams' code units, never Python's `hash()` of
str (salted per process): the same texts give the same groups in every run,
whether they were sketched one by one or together with numpy
(`dedupe_np`, for an archive: every sketch at once, the shared buckets by
one sort).
"""

from __future__ import annotations

import random
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from generator.arabic.normalize import normalize

GRAM = 4
BANDS = 16
ROWS = 8
BINS = BANDS * ROWS  # a power of two: a bin is the hash's low bits
_BIN_MASK = BINS - 1
MAX_LEADERS = 8

_PUNCT = re.compile(r"[^\w]+|_")
_NUMBER = re.compile(r"\d+")


@dataclass
class Grouping:
    groups: list[list[int]]
    verified: int  # candidate pairs whose Jaccard was computed
    candidates: int  # distinct texts that went through the sketch


class _Memo(dict):  # type: ignore[type-arg]
    """A memo kept to the texts of the latest call: a rebuild after one edit
    recomputes only the edited lines, and edited-away texts do not pile up
    in a long-running preview server (an lru_cache kept every one of them)."""

    def keep(self, keys: set[str]) -> None:
        for stale in set(self) - keys:
            del self[stale]


class _BandIndex:
    """Which folded texts fall in each band bucket, kept from call to call.

    A rebuild after one edit changes one or two texts: updating the buckets
    of those is cheaper than hashing every band of every text again.
    """

    def __init__(self) -> None:
        self.bands: dict[str, tuple[int, ...]] = {}
        self.members: dict[int, set[str]] = {}
        self.shared: set[int] = set()  # buckets with two or more texts
        self.wanted = False  # a first call went without: the next one builds it

    def update(self, prints: dict[str, Fingerprint]) -> None:
        for key in self.bands.keys() - prints.keys():
            for band_key in self.bands[key]:
                members = self.members[band_key]
                members.discard(key)
                if len(members) < 2:
                    self.shared.discard(band_key)
                if not members:
                    del self.members[band_key]
        for key in prints.keys() - self.bands.keys():
            for band_key in prints[key][0]:
                members = self.members.get(band_key)
                if members is None:  # most buckets hold one text: no set() made in vain
                    self.members[band_key] = {key}
                else:
                    members.add(key)
                    self.shared.add(band_key)
        self.bands = {key: p[0] for key, p in prints.items()}


class Sketches:
    """What one caller keeps between calls: folded texts, fingerprints,
    shingles and the bucket index. A builder holds one, so a rebuild after
    an edit sketches only the edited lines; a call without one starts
    afresh, and two builders never share what they remember."""

    def __init__(self) -> None:
        self.keys = _Memo()
        self.prints = _Memo()
        self.grams = _Memo()
        self.index = _BandIndex()

    def key(self, text: str) -> str:
        key = self.keys.get(text)
        if key is None:
            key = self.keys[text] = _fold_key(text)
        return key

    def fingerprints(self, keys: list[str]) -> dict[str, Fingerprint]:
        """The fingerprints of `keys`, sketching those not met before (most of
        the cost of dedupe): one at a time for a few, with numpy for many."""
        new = [k for k in keys if k not in self.prints]
        if _many(new):
            from generator.arabic.dedupe_np import band_keys

            for k, bands in zip(new, band_keys(new, _DONORS), strict=True):
                self.prints[k] = (bands, frozenset(_NUMBER.findall(k)))
        else:
            for k in new:
                self.prints[k] = _compute_fingerprint(k)
        return {k: self.prints[k] for k in keys}

    def shingle(self, keys: list[str]) -> None:
        """Shingle the texts about to be compared, with numpy when they are many."""
        new = list(dict.fromkeys(k for k in keys if k not in self.grams))
        if _many(new):
            from generator.arabic.dedupe_np import gram_sets

            self.grams.update(zip(new, gram_sets(new), strict=True))

    def grams_of(self, key: str) -> frozenset[int]:
        found = self.grams.get(key)
        if found is None:
            found = self.grams[key] = shingles(key)
        return found


def _fold_key(text: str) -> str:
    """The folded, punctuation-free form that all comparisons see."""
    return " ".join(_PUNCT.sub(" ", normalize(text).lower()).split())


# Every hash is splitmix64 (Steele et al. 2014) of a 64-bit integer: a gram is
# its four UTF-16 code units packed into one, and the same arithmetic runs
# on Python ints (a few texts: an edit in the preview) and on numpy arrays
# (a whole archive at once), so both give the same fingerprints bit for bit.
_M64 = (1 << 64) - 1
_GOLDEN, _MIX1, _MIX2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
# Below this many new texts, or letters, numpy's import and set-up cost more
# than they save (one megabyte-long line is as much work as thousands of lines).
VECTOR_FROM = 512
VECTOR_LETTERS = 100_000


def _many(keys: list[str]) -> bool:
    return len(keys) >= VECTOR_FROM or sum(map(len, keys)) >= VECTOR_LETTERS


def _mix(x: int) -> int:
    x = (x + _GOLDEN) & _M64
    x = ((x ^ (x >> 30)) * _MIX1) & _M64
    x = ((x ^ (x >> 27)) * _MIX2) & _M64
    return x ^ (x >> 31)


def _units(key: str) -> list[int]:
    data = f" {key} ".encode("utf-16-le")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def _gram_values(key: str) -> list[int]:
    """Every character 4-gram of « key » packed into an int (the whole text if
    shorter): 4 UTF-16 code units = 4 Arabic letters, 16 bits each."""
    u = _units(key)
    if len(u) < GRAM:
        return [sum(c << (16 * i) for i, c in enumerate(u))]
    return [
        u[i] | u[i + 1] << 16 | u[i + 2] << 32 | u[i + 3] << 48 for i in range(len(u) - GRAM + 1)
    ]


def shingles(key: str) -> frozenset[int]:
    """The hashes of every character 4-gram of the key: what Jaccard compares."""
    return frozenset(map(_mix, _gram_values(key)))


def _donor_table(bins: int) -> tuple[tuple[int, ...], ...]:
    """For each bin, a fixed pseudo-random order of other bins to borrow from."""
    rng = random.Random(20151001)  # an int seed: the same table in every process
    table = []
    for _ in range(bins):
        order = list(range(bins))
        rng.shuffle(order)
        table.append(tuple(order))
    return tuple(table)


_DONORS = _donor_table(BINS)


def sketch(grams: frozenset[int]) -> list[int]:
    """One-permutation MinHash: the minimum hash in each of BINS bins.

    An empty bin borrows the value of the first non-empty bin in its own fixed
    random donor order ("optimal densification", Shrivastava 2017): unlike
    borrowing from the next bin to the right, neighbouring empty bins do not
    all copy one value, so a band of a short text still holds ROWS
    independent-looking values and unrelated texts rarely share it.
    """
    # Sorted descending, later (smaller) hashes overwrite: each bin keeps its minimum.
    mins = {g & _BIN_MASK: g for g in sorted(grams, reverse=True)}
    if len(mins) == BINS:
        return [mins[i] for i in range(BINS)]
    out = []
    for i in range(BINS):
        value = mins.get(i)
        if value is None:
            for donor in _DONORS[i]:
                value = mins.get(donor)
                if value is not None:
                    break
        out.append(value)
    return out


def _band_keys(values: list[int]) -> tuple[int, ...]:
    """One key per band: its ROWS values chained through the mix."""
    out = []
    for band in range(BANDS):
        k = _mix(band)
        for v in values[band::BANDS]:
            k = _mix(k ^ v)
        out.append(k)
    return tuple(out)


# A fingerprint: the band keys and the numbers of a folded text. The shingles
# are made again only for texts that share a band with another (`_grams`).
Fingerprint = tuple[tuple[int, ...], frozenset[str]]


def _compute_fingerprint(key: str) -> Fingerprint:
    return _band_keys(sketch(shingles(key))), frozenset(_NUMBER.findall(key))


_PACKED = struct.Struct(f"<{BANDS}Q")


def packed(found: Fingerprint) -> bytes:
    """A fingerprint as a build cache keeps it: its band keys' bytes (the
    numbers are the folded text's, found again by `unpacked`)."""
    return _PACKED.pack(*found[0])


def unpacked(key: str, data: bytes) -> Fingerprint:
    """`packed`'s fingerprint of the folded text `key` (struct.error if `data`
    is not one)."""
    return _PACKED.unpack(data), frozenset(_NUMBER.findall(key))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _shares_numbers(members: list[int], numbers: dict[int, frozenset[str]]) -> bool:
    """Whether two of `members` have the same numbers: could be compared."""
    seen: set[frozenset[str]] = set()
    for i in members:
        found = numbers[i]
        if found in seen:
            return True
        seen.add(found)
    return False


def find_groups(
    texts: Sequence[str], threshold: float = 0.8, memory: Sketches | None = None
) -> Grouping:
    """group_duplicates, with the count of verified pairs (the cost that must stay linear)."""
    memory = memory or Sketches()
    n = len(texts)
    uf = _UnionFind(n)
    # Identical folded texts: one representative each, joined without any comparison.
    first_of: dict[str, int] = {}
    reps: list[int] = []
    keys: list[str] = []
    for i, text in enumerate(texts):
        key = memory.key(text)
        j = first_of.setdefault(key, i)
        if j == i:
            reps.append(i)
            keys.append(key)
        else:
            uf.union(j, i)

    prints = memory.fingerprints(keys)
    memory.keys.keep(set(texts))
    memory.prints.keep(prints.keys())
    memory.grams.keep(prints.keys())
    rep_of = dict(zip(keys, reps, strict=True))
    key_of = dict(zip(reps, keys, strict=True))
    numbers = {rep_of[k]: p[1] for k, p in prints.items()}
    verified = 0
    # Only buckets shared by two or more texts matter; the index knows them
    # without a pass over every band of every text. Visited in a canonical
    # order, so the groups depend on the texts alone, not on earlier calls.
    index, grams = memory.index, memory.grams_of
    if not index.bands and len(keys) >= VECTOR_FROM and not index.wanted:
        # A first call over many texts (`tarikh build`): one sort finds the
        # shared buckets; the index a preview updates edit by edit is made
        # only if another call comes.
        from generator.arabic.dedupe_np import shared_buckets

        index.wanted = True
        shared = shared_buckets([prints[k][0] for k in keys])
        buckets = sorted([reps[i] for i in members] for members in shared)
    else:
        index.update(prints)
        buckets = sorted(sorted(rep_of[k] for k in index.members[b]) for b in index.shared)
    # Only texts with the same numbers are ever compared (and only those are
    # ever joined, so a group's numbers are one set): a bucket in which no
    # two texts share theirs is passed over (wire lines in one template, told
    # apart by a day or a count), and only the others' texts are shingled.
    buckets = [members for members in buckets if _shares_numbers(members, numbers)]
    memory.shingle([key_of[i] for members in buckets for i in members])
    for members in buckets:
        # Compare each member with one member of each group already met in
        # this bucket, not with every member: a bucket of k copies of one
        # story costs k comparisons, not k²/2. Template stories («قال وزير
        # الخارجية … في مؤتمر صحفي مشترك») fill a bucket with distinct
        # groups; at most MAX_LEADERS of them are tried, as a true
        # duplicate shares several of the 16 bands and is met again.
        leaders: list[int] = []
        for i in members:
            for leader in leaders[-MAX_LEADERS:]:
                if numbers[leader] != numbers[i]:  # so not in one group either
                    continue
                if uf.find(leader) == uf.find(i):
                    break
                verified += 1
                if jaccard(grams(key_of[leader]), grams(key_of[i])) >= threshold:
                    uf.union(leader, i)
                    break
            else:
                leaders.append(i)

    by_root: dict[int, list[int]] = {}
    for i in range(n):
        by_root.setdefault(uf.find(i), []).append(i)
    groups = sorted(by_root.values(), key=lambda g: g[0])
    return Grouping(groups=groups, verified=verified, candidates=len(reps))


def group_duplicates(
    texts: Sequence[str], threshold: float = 0.8, memory: Sketches | None = None
) -> list[list[int]]:
    return find_groups(texts, threshold, memory).groups
