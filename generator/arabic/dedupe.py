"""Which news items are the same event? Near-duplicates in near-linear time.

CONTRACT (used by generator/model.py):

    group_duplicates(texts) -> list[list[int]]

Returns groups of indices into `texts` (each group sorted, groups ordered by
their first index); every index appears in exactly one group.
"""

from __future__ import annotations

from collections.abc import Sequence


def group_duplicates(texts: Sequence[str], threshold: float = 0.8) -> list[list[int]]:
    raise NotImplementedError
