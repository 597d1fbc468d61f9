"""A state's own bodies as the knowledge base's organisations: its government,
cabinet, ministries, parliament, courts, central bank and royal court.

A newsroom writes its own state's bodies without the state («مجلس النواب»,
«وزارة الداخلية», «المحكمة العليا») and a foreign one's with it («مجلس
النواب الأردني»). Each body is one actor under its full name, whatever the
newsroom; its bare names join its aliases only in its own state's newsroom
(`home`), as the head of state's bare titles do.

The bodies every state has come from data/home.yaml's `bodies`, written with
the state's adjective («{m}»: «المصري», «{f}»: «المصرية») and name
(«{country}»); a state file's own `bodies` add the rest («مجلس الأمة
الكويتي», «المحكمة العليا السعودية»).
"""

from __future__ import annotations

from typing import Any

from generator.arabic.normalize import slugify
from generator.arabic.registry import ActorEntry
from generator.knowledge.periods import KnowledgeError


def _names(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: expected a list of names")
    return [v.strip() for v in value]


def state_bodies(
    doc: dict[str, Any], templates: list[dict[str, Any]], own: bool, where: str
) -> list[ActorEntry]:
    """The bodies of the state `doc` describes (a states/*.yaml file): the
    templates filled in with its adjective, then its own; `own` when it is
    the newsroom's home state (then the bare names are aliases too)."""
    country = doc.get("country")
    adjective = doc.get("adjective")
    items: list[dict[str, Any]] = []
    if adjective is not None:
        if not isinstance(adjective, str) or not adjective.strip():
            raise KnowledgeError(f"{where} › adjective: expected a word («مصري»)")
        words = {"m": "ال" + adjective.strip(), "f": "ال" + adjective.strip() + "ة"}
        words["country"] = str(country)
        source = doc.get("wiki")
        for t in templates:
            if str(country) in _names(t.get("except"), f"{where} › except"):
                continue
            items.append(
                {
                    "name": str(t["name"]).format(**words),
                    "aliases": [a.format(**words) for a in _names(t.get("aliases"), where)],
                    "home": _names(t.get("home"), where),
                    "source": source,
                }
            )
    items += doc.get("bodies") or []
    found = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise KnowledgeError(f"{where} › bodies: a body needs a 'name'")
        at = f"{where} › {name}"
        source = item.get("source") or doc.get("wiki")
        if not isinstance(source, str) or not source.startswith("https://"):
            raise KnowledgeError(f"{at}: 'source' (or the file's 'wiki') must be an https:// URL")
        aliases = _names(item.get("aliases"), at)
        if own:
            aliases += _names(item.get("home"), at)
        found.append(
            ActorEntry(
                slug=slugify(name, max_words=20),
                name=name.strip(),
                kind="organisation",
                aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
                sources=(source,),
                builtin=True,
            )
        )
    return found
