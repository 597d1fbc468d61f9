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
    # the sentence's own people too: «أيمن الصفدي … والذي أكد الصفدي» is one person
    known = _known([*story, *actors])
    candidates = [i for i, w in enumerate(words) if w[-1:] == "ي" and w[:2] == "ال" and i]
    if known:
        candidates = sorted(
            {*candidates, *(i for i, w in enumerate(words) if w in known or w[1:] in known)}
        )
    if not candidates:
        return []
    taken = _taken(t, actors)
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
                if _nisba(stem) and (not after or ends_name(after)):
                    name = surface(t, i, i + 1)
                    out.append(discovered(name, name, "person"))
                break
    return out
