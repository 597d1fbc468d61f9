"""Where? Countries and main cities as Arabic news spells them, and nationality adjectives.

The tables live in `places_data` (one line per place, `canonical|variant…`);
this module turns them into the lookups the readers use, keyed by the
`normalize`d spelling so that folded variants need no line of their own. A
canonical name marked `!` is shown but never matched alone.

Adjectives («الروسية», «الأمريكي») are kept apart: they are not places, but
they tell titles and organisations where they end («وزير الخارجية الروسي»),
and after a place noun («الأراضي السورية») they name the country.
"""

from __future__ import annotations

from generator.arabic.normalize import normalize
from generator.arabic.places_data import ADJECTIVES, CITIES, COUNTRIES

__all__ = ["COUNTRIES", "COUNTRY_NAMES", "NATIONALITIES", "PLACES", "PLACE_NOUNS"]

# Nouns after which a nationality adjective names a place: «الأراضي السورية».
PLACE_NOUNS = ("الأراضي", "أراضي", "الأجواء", "أجواء", "الحدود", "العاصمة", "المياه", "الساحل")


def _table(raw: str) -> dict[str, str]:
    """Normalised spelling → canonical name, for every line of a table."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        forms = [f.strip() for f in line.split("|") if f.strip()]
        if not forms:
            continue
        canonical = forms[0].rstrip("!")
        for form in forms:
            if not form.endswith("!"):
                out.setdefault(normalize(form), canonical)
    return out


def _adjectives(raw: str) -> dict[str, str]:
    """Normalised adjective, both genders, with and without ال → country or ""."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        adj, _, country = line.partition(":")
        if not adj:
            continue
        base = normalize(adj)
        for form in (base, base + "ه"):
            out[form] = country
            out["ال" + form] = country
    return out


COUNTRY_NAMES: dict[str, str] = _table(COUNTRIES)
PLACES: dict[str, str] = {**_table(CITIES), **COUNTRY_NAMES}
NATIONALITIES: dict[str, str] = _adjectives(ADJECTIVES)
