"""Whether two names are one actor, as `tarikh eval` scores them: names
folded (`normalize`, punctuation dropped, «عبد X»/«عبدX» one spelling),
resolved through the registry's aliases and the gazetteer's country names,
and a family name alone taken for the full name that ends with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.arabic.gazetteer import COUNTRIES
from generator.arabic.normalize import normalize
from generator.arabic.registry import ActorMention, Registry

_PUNCT = re.compile(r"[^\w]+|_")

# «عبد» and «أبو» are written joined to the next word as often as apart
# («عبدالعزيز», «أبومازن»): a spelling variant, not another name.
_JOINED_PARTS = re.compile(r"(?<!\S)(عبد|ابو) (?=\S)")


def actor_key(name: str) -> str:
    return _JOINED_PARTS.sub(r"\1", " ".join(_PUNCT.sub(" ", normalize(name)).split()))


def canonical_keys(registry: Registry) -> dict[str, str]:
    """Folded key of every name an actor goes by → folded key of its one name.

    A country's names come from the gazetteer (its canonical name is the short
    common one); a registered actor's from its name and aliases, which win. A
    name two actors share resolves to neither: it stays itself.
    """
    out: dict[str, str] = {}
    for line in COUNTRIES.splitlines():
        forms = [f.strip().rstrip("!") for f in line.split("|") if f.strip()]
        for form in forms:
            out[actor_key(form)] = actor_key(forms[0])
    shared: set[str] = set()
    registered: dict[str, str] = {}
    for entry in registry.entries:
        target = actor_key(entry.name)
        for name in (entry.name, *entry.aliases):
            key = actor_key(name)
            if registered.get(key, target) != target:
                shared.add(key)
            registered[key] = target
    out.update((k, v) for k, v in registered.items() if k not in shared)
    out.update((k, k) for k in shared)  # known, and resolving to no one
    return out


def resolved_key(name: str, canonical: dict[str, str] | None) -> str:
    key = actor_key(name)
    return canonical.get(key, key) if canonical else key


def score_actors(
    predicted: Iterable[ActorMention],
    gold: Iterable[str],
    canonical: dict[str, str] | None = None,
) -> tuple[set[str], set[str]]:
    """(missing gold names, extra predicted names), compared on folded keys
    resolved through `canonical` (see `canonical_keys`)."""
    got = {resolved_key(m.name, canonical): m.name for m in predicted}
    want = {resolved_key(g, canonical): g for g in gold}
    missing, extra = want.keys() - got.keys(), got.keys() - want.keys()
    # A family name alone and the full name it stands for are one person
    # (GOLD.md, guideline 2): «المشهداني» and «محمود المشهداني».
    for g in sorted(missing):
        for p in sorted(extra):
            short = g if _surname_of(g, p) else p if _surname_of(p, g) else None
            if short is None or (canonical and short in canonical):
                continue  # a registered or shared short name: the registry decides
            missing.discard(g)
            extra.discard(p)
            break
    return {want[k] for k in missing}, {got[k] for k in extra}


def _surname_of(short: str, full: str) -> bool:
    """Whether key `short` is the last word of the longer name key `full`."""
    words = full.split()
    return " " not in short and len(words) > 1 and words[-1] == short
