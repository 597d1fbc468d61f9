"""The actor registry compiled for matching: aliases in a word trie, dated roles.

`generator.arabic.actors` re-exports everything here; that module is the contract.
A registry is built once per build and then only read, so matching a word
costs a few dictionary look-ups however many actors are registered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from generator.arabic.lexicon import Tokens, stems, tokenize
from generator.arabic.normalize import normalize
from generator.arabic.words_names import HEADS_CONSTRUCT, HEADS_DEFINITE

Kind = Literal["person", "organisation", "country", "group"]


@dataclass(frozen=True)
class Role:
    title: str  # "وزير الخارجية الروسي"
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class ActorEntry:
    slug: str  # URL slug and id, Unicode ("فلاديمير-بوتين")
    name: str
    kind: Kind = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    sources: tuple[str, ...] = ()  # where the knowledge base has its facts from
    builtin: bool = False  # from tarikh's knowledge base, not the site's registry


@dataclass(frozen=True)
class ActorMention:
    slug: str
    name: str
    mention: str  # the words in the text, as written
    role: Literal["subject", "mentioned"] = "mentioned"
    kind: Kind = "person"
    registered: bool = True  # False: discovered in text, page marked unreviewed
    title: str | None = None  # title used in this sentence, kept as their role


_END = ""  # key of a trie node's entry: no word is empty
# «عبد» and «أبو» are written joined to the next word as often as apart
# («عبدالرحمن», «أبومازن»): one name either way.
_JOINABLE = ("عبد", "ابو")


def spellings(words: list[str]) -> list[list[str]]:
    """An alias's words as written, with «عبد X»/«ابو X» joined, and split."""
    if not words:
        return []
    joined: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in _JOINABLE and i + 1 < len(words):
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    split: list[str] = []
    for w in words:
        head = next((p for p in _JOINABLE if w.startswith(p) and len(w) > len(p) + 2), None)
        split += [head, w[len(head) :]] if head else [w]
    return [list(v) for v in dict.fromkeys(map(tuple, (words, joined, split)))]


_AMBIGUOUS = ActorEntry(slug="", name="")  # an alias two actors share: matches neither


@dataclass
class Registry:
    entries: list[ActorEntry] = field(default_factory=list)

    def __init__(self, entries: Iterable[ActorEntry] = ()) -> None:
        self.entries = list(entries)
        self._by_name: dict[str, ActorEntry] | None = None
        self._trie: dict[str, dict] = {}
        self._roles: dict[tuple[str, ...], list[tuple[ActorEntry, Role]]] = {}
        self._role_trie: dict[str, dict] = {}
        for entry in self.entries:
            for alias in dict.fromkeys((entry.name, *entry.aliases)):
                for words in spellings(tokenize(alias).words):
                    self._add(words, entry)
            for role in entry.roles:
                key = tuple(tokenize(role.title).words)
                if key:
                    self._roles.setdefault(key, []).append((entry, role))
                    node = self._role_trie
                    for w in key:
                        node = node.setdefault(w, {})
                    node[_END] = key
        self.alias_starts = frozenset(self._trie)
        self.title_starts = frozenset(self._role_trie) | HEADS_DEFINITE | HEADS_CONSTRUCT
        # Which readers can start a mention on a word (`actors`), by word: most
        # words of a text start none, and the answer is the same in every sentence.
        self.reader_memo: dict[str, tuple] = {}

    def by_name(self) -> dict[str, ActorEntry]:
        """Entries by normalised name, alias or slug, for names an editor wrote
        out whole (front matter, corrections); built once per registry."""
        if self._by_name is None:
            self._by_name = {
                normalize(n): e for e in self.entries for n in (e.name, *e.aliases, e.slug)
            }
        return self._by_name

    def _add(self, words: list[str], entry: ActorEntry) -> None:
        node = self._trie
        for w in words:
            node = node.setdefault(w, {})
        prev = node.get(_END)
        node[_END] = entry if prev is None or prev.slug == entry.slug else _AMBIGUOUS

    def match(self, t: Tokens, i: int, clitics: bool = True) -> tuple[int, ActorEntry, str] | None:
        """The longest alias starting at word i: (end, entry, the first word's stem)."""
        best: tuple[int, ActorEntry, str] | None = None
        n = len(t.words)
        for first in stems(t.words[i]) if clitics else (t.words[i],):
            node = self._trie.get(first)
            j = i + 1
            while node is not None:
                hit = node.get(_END)
                if hit is not None and hit is not _AMBIGUOUS and (best is None or j > best[0]):
                    best = (j, hit, first)
                if j >= n or t.brk[j - 1]:
                    break
                node = node.get(t.words[j])
                j += 1
        return best

    def role_end(self, t: Tokens, i: int) -> tuple[int, str] | None:
        """The end of the longest registered role title at word i, and its first stem."""
        best: tuple[int, str] | None = None
        for first in stems(t.words[i]):
            node = self._role_trie.get(first)
            j = i + 1
            while node is not None:
                if _END in node and (best is None or j > best[0]):
                    best = (j, first)
                if j >= len(t.words) or t.brk[j - 1]:
                    break
                node = node.get(t.words[j])
                j += 1
        return best

    def lookup(self, words: Iterable[str]) -> ActorEntry | None:
        node: dict | None = self._trie
        for w in words:
            node = node.get(w) if node is not None else None
        hit = node.get(_END) if node is not None else None
        return None if hit is None or hit is _AMBIGUOUS else hit

    def holder(self, title_words: tuple[str, ...], on: dt.date | None) -> ActorEntry | None:
        """Who held this title on `on`; with no date, whoever holds it still.
        Two holders at once (a registry error or a shared title) resolve to no
        one; a holder from the site's registry outranks the knowledge base's."""
        roles = self._roles.get(title_words)
        if roles is None:
            return None
        held = {
            entry.slug: entry
            for entry, role in roles
            if (
                (role.end is None)
                if on is None
                else (role.start is None or role.start <= on)
                and (role.end is None or on <= role.end)
            )
        }
        # The site's own registry speaks for its newsroom: where it names a
        # holder, the built-in knowledge base's holders stand aside.
        own = {slug: e for slug, e in held.items() if not e.builtin}
        held = own or held
        return next(iter(held.values())) if len(held) == 1 else None
