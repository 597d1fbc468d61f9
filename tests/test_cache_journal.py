"""The cache's journals (cache.py): an edit rebuild saves what it changed,
and what it saves is checked, never trusted."""

from __future__ import annotations

from pathlib import Path

from generator.cache import DiskCache, Journal


def _journal(site: Path) -> Journal:
    return Journal(DiskCache(site), "pages")


def _big(n: int = 400) -> dict[str, dict[str, str]]:
    return {"a": {f"k{i}": f"v{i}" * 20 for i in range(n)}, "b": {"x": "1"}}


def test_a_save_after_a_load_writes_only_the_change(tmp_path: Path) -> None:
    first = _journal(tmp_path)
    parts = _big()
    assert first.save("key", parts, "m1")
    base = tmp_path / ".tarikh-cache/pages.bin"
    size = base.stat().st_size

    second = _journal(tmp_path)  # another process
    loaded, extra = second.load("key") or ({}, None)
    assert loaded == parts and extra == "m1"
    changed = {"a": dict(loaded["a"]), "b": {}}
    changed["a"]["k3"] = "new"
    del changed["a"]["k5"]
    changed["a"]["k-new"] = "added"
    assert second.save("key", changed, "m2")
    update = tmp_path / ".tarikh-cache/pages+1.bin"
    assert update.is_file() and update.stat().st_size < size / 10
    assert base.stat().st_size == size  # the base is not written again

    third = _journal(tmp_path)
    assert third.load("key") == (changed, "m2")
    assert third.load("another key") is None


def test_a_damaged_update_ends_the_chain_at_the_state_before_it(tmp_path: Path) -> None:
    """The state before a bad update is whole, with its own `extra` (the
    manifest a pages record belongs to), so a caller that checks it reuses
    nothing of a later output."""
    journal = _journal(tmp_path)
    parts = _big()
    journal.save("key", parts, "m1")
    journal.load("key")
    one = {"a": {**parts["a"], "k1": "one"}, "b": parts["b"]}
    journal.save("key", one, "m2")
    two = {"a": {**one["a"], "k2": "two"}, "b": parts["b"]}
    journal.save("key", two, "m3")
    assert _journal(tmp_path).load("key") == (two, "m3")

    update = tmp_path / ".tarikh-cache/pages+2.bin"
    raw = update.read_bytes()
    update.write_bytes(raw[:-3] + bytes([raw[-3] ^ 0xFF]) + raw[-2:])
    assert _journal(tmp_path).load("key") == (one, "m2")
    (tmp_path / ".tarikh-cache/pages+1.bin").unlink()
    assert _journal(tmp_path).load("key") == (parts, "m1")


def test_updates_of_another_chain_are_never_applied(tmp_path: Path) -> None:
    """Two builds that loaded the same chain, or a new base written meanwhile:
    an update applies only to the state it was made from."""
    parts = _big()
    _journal(tmp_path).save("key", parts, "m1")
    stale = _journal(tmp_path)
    stale.load("key")
    fresh = _journal(tmp_path)
    fresh.load("key")
    # Another process writes a new base (too many changes for an update).
    rewritten = {"a": {k: "other" for k in parts["a"]}, "b": {}}
    fresh.save("key", rewritten, "m2")
    assert not (tmp_path / ".tarikh-cache/pages+1.bin").exists()
    # The process that loaded the old base saves an update of it: not applied.
    stale.save("key", {"a": {**parts["a"], "k1": "late"}, "b": parts["b"]}, "m3")
    assert (tmp_path / ".tarikh-cache/pages+1.bin").exists()
    assert _journal(tmp_path).load("key") == (rewritten, "m2")


def test_a_new_base_when_the_updates_grow(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    parts = _big()
    journal.save("key", parts, 0)
    for n in range(1, Journal.MAX_UPDATES + 3):
        parts = {"a": {**parts["a"], f"k{n}": f"edit {n}"}, "b": parts["b"]}
        journal.save("key", parts, n)
        assert _journal(tmp_path).load("key") == (parts, n)
    updates = list((tmp_path / ".tarikh-cache").glob("pages+*.bin"))
    assert len(updates) <= Journal.MAX_UPDATES
    assert _journal(tmp_path).load("key") == (parts, Journal.MAX_UPDATES + 2)


def test_a_value_changed_in_place_is_missed_so_callers_give_a_new_one(tmp_path: Path) -> None:
    """Changes are found by identity, then equality: a new value is saved."""
    journal = _journal(tmp_path)
    parts = {"a": {"x": ("stat 1", "parse")}}
    journal.save("key", parts, None)
    journal.save("key", {"a": {"x": ("stat 2", "parse")}}, None)
    assert _journal(tmp_path).load("key") == ({"a": {"x": ("stat 2", "parse")}}, None)
