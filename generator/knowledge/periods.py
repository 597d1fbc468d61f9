"""When a title fits: a title dated to one period («أمير البحرين» until the
kingdom of 2002), the form of a state's head in each period, and the part of
a holder's term a title covers. Read by `generator.knowledge`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.config import as_date


class KnowledgeError(ValueError):
    """A data file breaks the format: tarikh's own bug, reported by file."""


def date_of(value: Any, where: str) -> dt.date:
    if (day := as_date(value)) is not None:
        return day
    raise KnowledgeError(f"{where}: expected a date YYYY-MM-DD, got {value!r}")


Span = tuple[dt.date | None, dt.date | None]  # from, to; None: open on that side


def titles_of(value: Any, where: str) -> list[tuple[str, Span]]:
    """An office's titles: a name, or `{title, from, to}` for a title that fits
    one period only («أمير البحرين» until the kingdom of 2002)."""
    found: list[tuple[str, Span]] = []
    for item in value or []:
        if isinstance(item, str) and item.strip():
            found.append((item.strip(), (None, None)))
            continue
        title = item.get("title") if isinstance(item, dict) else None
        if not isinstance(title, str) or not title.strip():
            raise KnowledgeError(f"{where}: a title is a name or {{title, from, to}}")
        found.append((title.strip(), span_of(item, f"{where} › {title}")))
    return found


def span_of(item: dict[str, Any], where: str) -> Span:
    start, end = item.get("from"), item.get("to")
    return (
        None if start is None else date_of(start, where),
        None if end is None else date_of(end, where),
    )


def clip(term: Span, title: Span) -> Span | None:
    """The part of a holder's term in which a title fits, or None."""
    start = max((d for d in (term[0], title[0]) if d is not None), default=None)
    end = min((d for d in (term[1], title[1]) if d is not None), default=None)
    return None if start is not None and end is not None and end < start else (start, end)


FORMS = ("republic", "kingdom", "emirate", "sultanate", "federation", "council")


def forms_of(spec: dict[str, Any], where: str) -> list[tuple[str, Span]]:
    """What the head of state is, by period: the `form` of the office
    («kingdom», or a dated list), a republic when not said. It picks the bare
    titles a home newsroom writes (data/home.yaml): «جلالة الملك» is a king's,
    «أمير البلاد» an emir's, «رئيس الجمهورية» a president's, never another's."""
    form = spec.get("form", "republic")
    periods = [{"form": form}] if isinstance(form, str) else form
    found = []
    for item in periods if isinstance(periods, list) else [None]:
        name = item.get("form") if isinstance(item, dict) else None
        if name not in FORMS:
            raise KnowledgeError(f"{where} › form: one of {', '.join(FORMS)}, or dated list")
        found.append((name, span_of(item, f"{where} › form")))
    return found
