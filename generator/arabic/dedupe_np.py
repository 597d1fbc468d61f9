"""The band keys of many texts at once, with numpy: `dedupe` bit for bit.

`dedupe` sketches a text in pure Python in about 150 µs: fine for the few
lines an edit changes, minutes for an agency's archive. Here every text's
grams, their hashes, each bin's minimum, the borrowed bins and the band keys
are computed as whole arrays. The arithmetic is the same splitmix64 on
unsigned 64-bit integers (numpy's uint64 wraps as `& _M64` does), so a text
gets the same fingerprint by either road: a test holds them equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from generator.arabic.dedupe import _GOLDEN, _MIX1, _MIX2, BANDS, BINS, GRAM, ROWS

_U64 = np.uint64


def _mix(x: np.ndarray) -> np.ndarray:
    x = x + _U64(_GOLDEN)
    x = (x ^ (x >> _U64(30))) * _U64(_MIX1)
    x = (x ^ (x >> _U64(27))) * _U64(_MIX2)
    return x ^ (x >> _U64(31))


def _hashes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """The hash of every gram of every text, and which text each came from
    (in text order): `dedupe.shingles` for all texts at once."""
    texts = [f" {k} " for k in keys]
    data = np.frombuffer("".join(texts).encode("utf-16-le"), dtype="<u2").astype(_U64)
    lengths = np.fromiter((len(t.encode("utf-16-le")) // 2 for t in texts), dtype=np.int64)
    n = len(texts)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    owner = np.repeat(np.arange(n), lengths)

    # Every window of GRAM code units that stays inside one text; a text
    # shorter than GRAM is one gram of its units (the rest zero).
    padded = np.concatenate((data, np.zeros(GRAM - 1, dtype=_U64)))
    values = padded[: len(data)].copy()
    for i in range(1, GRAM):
        values |= padded[i : i + len(data)] << _U64(16 * i)
    position = np.arange(len(data)) - starts[owner]
    whole = position <= lengths[owner] - GRAM
    short = (lengths[owner] < GRAM) & (position == 0)
    if short.any():  # mask the units that belong to the next text
        keep = (np.left_shift(np.ones(n, dtype=_U64), (16 * lengths).astype(_U64)) - _U64(1))[
            owner[short]
        ]
        values[short] &= keep
    take = whole | short
    return _mix(values[take]), owner[take], n


def gram_sets(keys: Sequence[str]) -> list[frozenset[int]]:
    """`dedupe.shingles` of each key."""
    hashes, owner, n = _hashes(keys)
    bounds = np.searchsorted(owner, np.arange(n + 1))
    flat = hashes.tolist()
    return [frozenset(flat[a:b]) for a, b in pairwise(bounds.tolist())]


def band_keys(keys: Sequence[str], donors: Sequence[Sequence[int]]) -> list[tuple[int, ...]]:
    """`dedupe._band_keys(sketch(shingles(key)))` of each key."""
    hashes, owner, n = _hashes(keys)
    # Each bin's minimum (ufunc.at: unbuffered, so every gram counts).
    cell = owner * BINS + (hashes & _U64(BINS - 1)).astype(np.int64)
    sketch = np.full(n * BINS, np.iinfo(_U64).max, dtype=_U64)
    np.minimum.at(sketch, cell, hashes)
    filled = np.zeros(n * BINS, dtype=bool)
    filled[cell] = True
    sketch, filled = sketch.reshape(n, BINS), filled.reshape(n, BINS)

    # An empty bin borrows from the first filled bin in its donor order.
    table = np.asarray(donors, dtype=np.int64)
    rows, cols = np.nonzero(~filled)
    source = sketch.copy()
    for rank in range(BINS):
        if not len(rows):
            break
        donor = table[cols, rank]
        ok = filled[rows, donor]
        sketch[rows[ok], cols[ok]] = source[rows[ok], donor[ok]]
        rows, cols = rows[~ok], cols[~ok]

    out = np.empty((n, BANDS), dtype=_U64)
    for band in range(BANDS):
        k = _mix(np.full(n, band, dtype=_U64))
        for row in range(ROWS):
            k = _mix(k ^ sketch[:, band + BANDS * row])
        out[:, band] = k
    return [tuple(r) for r in out.tolist()]


def shared_buckets(bands: Sequence[tuple[int, ...]]) -> list[list[int]]:
    """The buckets (band keys) that two or more texts fall in, as sorted lists
    of text indices: what `dedupe._BandIndex` knows as `shared`, made by one
    sort instead of a dictionary of every bucket."""
    n = len(bands)
    if not n:
        return []
    flat = np.array(bands, dtype=_U64).ravel()
    owner = np.repeat(np.arange(n), len(bands[0]))
    # Stable: within a bucket the texts stay in ascending order, so a text
    # whose bands fall twice in one bucket is twice in a row, and dropped.
    order = np.argsort(flat, kind="stable")
    flat, owner = flat[order], owner[order]
    once = np.concatenate(([True], (flat[1:] != flat[:-1]) | (owner[1:] != owner[:-1])))
    flat, owner = flat[once], owner[once]
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    ends = np.concatenate((starts[1:], [len(flat)]))
    shared = ends - starts >= 2
    texts = owner.tolist()
    return [texts[a:b] for a, b in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True)]
