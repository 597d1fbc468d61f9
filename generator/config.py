"""site.toml, validated once into a typed object.

`tomllib` accepts unknown keys and wrong types without a word, so every key
is checked here and all problems are reported together, each with its key and
a "did you mean …?" where a known key is close.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from generator.errors import ConfigError

CHOICES: dict[str, tuple[str, ...]] = {
    "digits": ("latn", "arab"),
    "months": ("levant", "egypt", "maghreb"),
    "calendar": ("gregorian", "hijri"),
    "order": ("asc", "desc"),
    "language": ("ar",),
}


@dataclass(frozen=True)
class SiteConfig:
    title: str = "تاريخ"
    description: str = ""
    base_url: str = ""
    theme: str = "default"
    language: str = "ar"
    digits: str = "latn"
    months: str = "levant"
    calendar: str = "gregorian"
    order: str = "asc"
    reference_date: dt.date | None = None
    hijri_adjust: int = 0
    # Events per page of a long listing (the timeline, an actor, a place);
    # longer listings are cut by year, then month. 0: never cut.
    page_size: int = 200
    # Resolve titles and well-known names through tarikh's built-in knowledge
    # base of office-holders and organisations (the site's registry wins).
    knowledge: bool = True
    # The newsroom's own state, as the knowledge base names it («الجزائر»):
    # its offices then also go by the titles written without a country
    # («رئيس الجمهورية», «وزير الخارجية»). Empty: no home state.
    country: str = ""
    # Events past which /events.json becomes an index of one file per year
    # (publish/records.py). 0: always one file.
    events_json_limit: int = 10000
    # Events past which /timeline.json (TimelineJS) holds only the latest
    # ones and each year has its own document (publish/timelinejs.py):
    # TimelineJS draws 500 slides in ~6 s, 2,000 in ~30 s (README).
    # 0: always one document.
    timeline_json_limit: int = 500

    @property
    def base_path(self) -> str:
        """The URL path the site is published under: "/" or "/repo/"."""
        path = urlsplit(self.base_url).path if self.base_url else "/"
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"


KEYS = {f.name: f for f in fields(SiteConfig)}


def as_date(value: object) -> dt.date | None:
    """A day as YAML or TOML give it: a date, or an ISO string; else None."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return None


def _check(key: str, value: object, problems: list[str]) -> object:
    if key == "reference_date":
        if (day := as_date(value)) is not None:
            return day
        problems.append(f"reference_date: expected a date like 2015-10-01, got {value!r}")
        return None
    if key == "hijri_adjust":
        if isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
            return value
        problems.append(f"hijri_adjust: expected a whole number from -2 to 2, got {value!r}")
        return 0
    if key == "knowledge":
        if isinstance(value, bool):
            return value
        problems.append(f"knowledge: expected true or false, got {value!r}")
        return None
    if key == "country" and isinstance(value, str) and value:
        from generator import knowledge

        known = knowledge.countries()
        if value not in known:
            import difflib  # (a mistake's hint: not imported by every build)

            close = difflib.get_close_matches(value, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"country: {value!r} is not a state tarikh knows{hint}")
            return None
        return value
    if key in ("page_size", "events_json_limit", "timeline_json_limit"):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        never = "one page" if key == "page_size" else "one file"
        problems.append(f"{key}: expected a whole number of events (0: {never}), got {value!r}")
        return None
    if not isinstance(value, str):
        problems.append(f"{key}: expected a string, got {type(value).__name__} {value!r}")
        return None
    if key in CHOICES and value not in CHOICES[key]:
        allowed = ", ".join(repr(c) for c in CHOICES[key])
        problems.append(f"{key}: {value!r} is not one of {allowed}")
        return None
    if key in ("title", "description") and "<" in value:
        # Shown as text everywhere, and copied into feeds, oEmbed and JSON-LD
        # that others render as HTML: markup is taken out, as from content.
        from generator.load import plain_text

        return plain_text(value)
    if key == "base_url" and value:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(f"base_url: expected an absolute http(s) URL, got {value!r}")
            return None
    return value


def parse_config(data: dict[str, object], file: str = "site.toml") -> SiteConfig:
    problems: list[str] = []
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in KEYS:
            import difflib  # (a mistake's hint: not imported by every build)

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
            problems.append(f"unknown key {key!r}{hint}")
            continue
        checked = _check(key, value, problems)
        if checked is not None:
            values[key] = checked
    if problems:
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(problems), file=file)
    return replace(SiteConfig(), **values)  # type: ignore[arg-type]


def load_config(site: Path) -> SiteConfig:
    """Read SITE/site.toml; a site without one gets the defaults."""
    path = site / "site.toml"
    if not path.exists():
        return SiteConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 ({exc.reason})", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(path)) from None
    return parse_config(data, file=str(path))
