"""A person named by the family name alone: «وهنأ المشهداني», «وأوضح الصفدي».

Two readings, run on the words no other reader took:
- the story named the person in full before («محمود المشهداني» in an earlier
  line): the family name is that person (`story` holds the earlier actors);
- with no such line, a family name with the article and the nisba ending
  («الصفدي», «الحوثي») right after a verb we know, standing alone (a particle,
  a verb or punctuation after it), is a person: «الرئيس» or «الجيش» are not
  nisbas, and nationalities («المصري») and title adjectives are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import Tokens, is_definite, is_verb, stems
from generator.arabic.mentions import discovered
from generator.arabic.names import ends_name, name_word
from generator.arabic.normalize import normalize
from generator.arabic.phrases import surface
from generator.arabic.registry import ActorMention
from generator.arabic.words_names import TITLE_ADJECTIVES

_NATIONALITIES = frozenset(NATIONALITIES)


def _nisba_words(joined: str) -> set[str]:
    """The words with the article and the nisba ending, in words joined by
    spaces: found from each «ي» that ends a word (a string search, cheaper
    than a pattern tried at every position)."""
    out: set[str] = set()
    text = joined + " "
    i = text.find("ي ")
    while i >= 0:
        start = text.rfind(" ", 0, i) + 1
        if i - start >= 4 and text.startswith("ال", start):
            out.add(text[start : i + 1])
        i = text.find("ي ", i + 2)
    return out


def _positions(words: list[str], w: str) -> list[int]:
    out, i = [], -1
    while True:
        try:
            i = words.index(w, i + 1)
        except ValueError:
            return out
        out.append(i)


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


def _known(story: Sequence[ActorMention]) -> dict[str, ActorMention]:
    """Family names of the story's people named in two words or more: the
    last word, and the last two after «عبد»/«أبو» («عبد الغفار»)."""
    out: dict[str, ActorMention] = {}
    for m in story:
        words = normalize(m.name).split()
        if m.kind != "person" or len(words) < 2:
            continue
        out.setdefault(words[-1], m)
        if len(words) >= 3 and words[-2] in ("عبد", "ابو"):
            out.setdefault(f"{words[-2]} {words[-1]}", m)
            out.setdefault(words[-2] + words[-1], m)
    return out


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
) -> list[ActorMention]:
    words, n = t.words, len(t.words)
    known = _known(story) if story else {}
    # Cheap tests first: most lines have no nisba word right after a verb and
    # no family name of the story, and are done here.
    # One regex pass over the words finds the nisba-shaped ones; most lines
    # have none outside the nationalities, and no family name of the story.
    joined = " ".join(words)
    nisbas = _nisba_words(joined) - _NATIONALITIES
    candidates = [
        i
        for w in nisbas
        for i in _positions(words, w)
        if i and not t.brk[i - 1] and is_verb(words[i - 1])
    ]
    if known:
        hits = [w for w in known if " " not in w and w in joined]
        if hits:
            candidates = sorted(
                {*candidates, *(i for i, w in enumerate(words) if w in known or w[1:] in known)}
            )
    if not candidates:
        return []
    taken = _taken(t, actors)
    # «أيمن الصفدي … والذي أكد الصفدي»: the sentence's own person again
    last_words = {normalize(m.name).split()[-1] for m in actors if " " in m.name}
    out: list[ActorMention] = []
    people: set[str] = set()
    for i in candidates:
        if taken(i):
            continue
        for stem in stems(words[i]):
            pair = f"{stem} {words[i + 1]}" if i + 1 < n and not t.brk[i] else ""
            person = known.get(pair) or known.get(stem)
            if person is not None:
                end = i + 2 if pair and known.get(pair) else i + 1
                if person.slug not in people:
                    out.append(
                        ActorMention(
                            person.slug,
                            person.name,
                            surface(t, i, end, stem),
                            kind="person",
                            registered=person.registered,
                        )
                    )
                    people.add(person.slug)
                break
            if stem == words[i] and not t.brk[i - 1] and is_verb(words[i - 1]):
                after = words[i + 1] if i + 1 < n and not t.brk[i] else ""
                if stem not in last_words and _nisba(stem) and (not after or ends_name(after)):
                    name = surface(t, i, i + 1)
                    out.append(discovered(name, name, "person"))
                break
    return out
