"""A person named by the family name alone: «وهنأ المشهداني», «وأوضح الصفدي».

Two readings:
- the story named the person in full before («محمود المشهداني» in an earlier
  line): the family name is that person (`story` holds the earlier actors);
- with no such line, a family name with the article and the nisba ending
  («الصفدي», «الحوثي») right after a verb we know, standing alone (a particle,
  a verb or punctuation after it), is a person: «الرئيس» or «الجيش» are not
  nisbas, and nationalities («المصري») and title adjectives are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import Tokens, is_definite, is_verb, stems
from generator.arabic.mentions import Found, discovered
from generator.arabic.names_words import ends_name, name_word
from generator.arabic.normalize import normalize
from generator.arabic.phrases import surface
from generator.arabic.registry import ActorMention, Registry
from generator.arabic.words_names import CONNECTORS, TITLE_ADJECTIVES

_NATIONALITIES = frozenset(NATIONALITIES)


def _taken(t: Tokens, actors: Sequence[ActorMention]) -> Callable[[int], bool]:
    """Whether word k is inside a mention another reader found."""
    spans: list[tuple[int, int]] = []
    for m in actors:
        at = t.text.find(m.mention) if m.mention else -1
        while at >= 0:
            spans.append((at, at + len(m.mention)))
            at = t.text.find(m.mention, at + 1)

    def taken(k: int) -> bool:
        a, b = t.spans[k]
        return any(s <= a and b <= e for s, e in spans)

    return taken


class Story(Sequence[ActorMention]):
    """The actors of a story's earlier lines, with its family-name table.

    Reading adds each line's actors after reading it, and each line asks for
    the table of all the lines before: rebuilt from every earlier mention
    each time, that cost k² look-ups in a file of k lines (wire copy: a
    fifth of an append's profile at 20,000 lines). A Story only grows
    (`extend`), and its table is extended from where the last call left it;
    `setdefault` keeps the first mention of a family name, so the table is
    the one `_known` makes from scratch."""

    def __init__(self, mentions: Sequence[ActorMention] = ()) -> None:
        self._items: list[ActorMention] = list(mentions)
        self._known: dict[str, ActorMention] = {}
        self._upto = 0  # how many of `_items` the table holds

    def extend(self, mentions: Sequence[ActorMention]) -> None:
        self._items.extend(mentions)

    def known(self) -> dict[str, ActorMention]:
        """`_known(self)`, extended by the mentions added since the last call."""
        _add_known(self._known, self._items[self._upto :])
        self._upto = len(self._items)
        return self._known

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: Any) -> Any:  # an index or a slice, as a list's
        return self._items[i]

    def __iter__(self) -> Iterator[ActorMention]:
        return iter(self._items)


def _known(story: Sequence[ActorMention]) -> dict[str, ActorMention]:
    """Family names of the story's people named in two words or more: the
    last word, and the last two after «عبد»/«أبو» («عبد الغفار»)."""
    if isinstance(story, Story):
        return story.known()
    out: dict[str, ActorMention] = {}
    _add_known(out, story)
    return out


def _add_known(out: dict[str, ActorMention], mentions: Sequence[ActorMention]) -> None:
    for m in mentions:
        words = normalize(m.name).split()
        if m.kind != "person" or len(words) < 2:
            continue
        out.setdefault(words[-1], m)
        if len(words) >= 3 and words[-2] in ("عبد", "ابو"):
            out.setdefault(f"{words[-2]} {words[-1]}", m)
            out.setdefault(words[-2] + words[-1], m)


def _nisba(w: str) -> bool:
    return (
        is_definite(w)
        and w.endswith("ي")
        and len(w) >= 6
        and w not in NATIONALITIES
        and w not in TITLE_ADJECTIVES
        and w not in PLACES
        and name_word(w)
    )


def story_surnames(
    t: Tokens, actors: Sequence[ActorMention], story: Sequence[ActorMention]
) -> list[Found]:
    """The story's people named again by the family name alone, where."""
    if not story:
        return []
    known = _known(story)
    words, n = t.words, len(t.words)
    joined = " ".join(words)
    if not any(" " not in w and w in joined for w in known):
        return []
    candidates = [
        i
        for i, w in enumerate(words)
        if w in known
        or w[1:] in known
        or (i + 1 < n and f"{w.removeprefix('و')} {words[i + 1]}" in known)  # «عبد الغفار»
    ]
    taken = _taken(t, actors)
    out: list[Found] = []
    people: set[str] = set()
    for i in candidates:
        if taken(i) or (i > 0 and not t.brk[i - 1] and words[i - 1] in CONNECTORS):
            continue  # «قابوس بن سعيد»: a father's name after «بن», not a family name
        for stem in stems(words[i]):
            pair = f"{stem} {words[i + 1]}" if i + 1 < n and not t.brk[i] else ""
            person = known.get(pair) or known.get(stem)
            if person is None:
                continue
            end = i + 2 if pair and known.get(pair) else i + 1
            if person.slug not in people:
                mention = ActorMention(
                    person.slug,
                    person.name,
                    surface(t, i, end, stem),
                    kind="person",
                    registered=person.registered,
                )
                out.append(Found(i, end, mention))
                people.add(person.slug)
            break
    return out


def nisba_shape(w: str) -> bool:
    """Whether a word can be a family name alone (asked once per word)."""
    return w[:2] == "ال" and w[-1:] == "ي" and w not in _NATIONALITIES and _nisba(w)


def read_lone_surname(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    """«وأوضح الحمداني أن …»: a nisba family name alone right after a verb, with
    nothing after it that could continue a name. A discovered person; the
    sentence's own «أيمن الحمداني» before it makes it that person
    (`actors._surnames`)."""
    words, n = t.words, len(t.words)
    if i == 0 or t.brk[i - 1] or not is_verb(words[i - 1]):
        return i, []
    if i + 1 < n and not t.brk[i] and not ends_name(words[i + 1]):
        return i, []
    name = surface(t, i, i + 1)
    return i + 1, [Found(i, i + 1, discovered(name, name, "person"))]


def story_people(
    actors: Sequence[ActorMention], story: Sequence[ActorMention]
) -> list[ActorMention]:
    """`actors`, with a person found in the text by a family name alone
    («المشهداني») read as the story's person of that family name («محمود
    المشهداني»): one actor and one page, not two. Registered actors and
    anyone named in full are left as they are."""
    if not story:
        return list(actors)
    known = _known(story)
    out: list[ActorMention] = []
    seen: set[str] = set()
    for m in actors:
        key = normalize(m.name)
        person = known.get(key) if m.kind == "person" and not m.registered else None
        if person is not None and key != normalize(person.name):
            m = ActorMention(
                person.slug,
                person.name,
                m.mention,
                m.role,
                kind="person",
                registered=person.registered,
                title=m.title,
            )
        if m.slug not in seen:
            seen.add(m.slug)
            out.append(m)
    return out
