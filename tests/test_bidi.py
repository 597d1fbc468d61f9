"""Latin runs in Arabic text, isolated for display (generator/arabic/bidi.py)."""

from __future__ import annotations

import pytest

from generator.arabic.bidi import isolate_latin


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("قوات التحالف (CJTF-OIR) أعلنت", ["(CJTF-OIR)"]),
        ("طائرات F-16 وF-35", ["F-16", "F-35"]),
        ("الرئيس Emmanuel Macron قال", ["Emmanuel Macron"]),
        ("بتاريخ 12-5-2018 أعلن", ["12-5-2018"]),
        ("من (الأمم المتحدة) UN", ["UN"]),
        ("عام 2015 و1436 هـ", []),
    ],
)
def test_latin_runs_and_separated_numbers_are_isolated(text: str, runs: list[str]) -> None:
    html = isolate_latin(text)
    assert html.count("<bdi") == len(runs)
    for run in runs:
        assert f'<bdi dir="ltr" class="ltr">{run}</bdi>' in html
    # Nothing else changes: take the tags away and the text is back.
    assert html.replace('<bdi dir="ltr" class="ltr">', "").replace("</bdi>", "") == text


def test_the_text_is_escaped() -> None:
    html = isolate_latin('<img src=x onerror="alert(1)"> & AT&T')
    assert "<img" not in html and "&lt;" in html and "AT&amp;T" in html
    assert 'onerror="' not in html


def test_a_long_run_may_wrap() -> None:
    html = isolate_latin("قال Combined Joint Task Force Operation Inherent Resolve إن")
    assert 'class="ltr ltr--long"' in html
