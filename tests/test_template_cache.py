"""Compiled templates kept in the user's cache (generator/template_cache.py):
found again only for the same source, code and settings, and never when
damaged, planted or signed by another secret."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest
from conftest import snapshot, tarikh, write_site

from generator import template_cache
from generator.template_cache import TemplateCache, references

TEMPLATES = {
    "page.html": "{% extends 'base.html' %}{% block body %}{{ 2024|num }} {{ x }}{% endblock %}",
    "base.html": "<p>{% block body %}{% endblock %}{% include 'foot.html' %}</p>",
    "foot.html": "<i>{{ 'a'|upper }}</i>",
}


def environment(
    folder: Path, context: str, digits: str = "latn", templates: dict[str, str] | None = None
) -> tuple[jinja2.Environment, list[str]]:
    """An environment like Renderer's, its `num` filter printing `digits`,
    and the names of the templates it compiled (rather than found)."""
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def,override]
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    env = Counting(
        loader=jinja2.DictLoader(templates or TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        bytecode_cache=TemplateCache(folder, context),
    )
    arab = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    env.filters["num"] = lambda n: str(n).translate(arab) if digits == "arab" else str(n)
    return env, compiled


def test_a_second_environment_finds_the_code(tmp_path: Path) -> None:
    env, compiled = environment(tmp_path, "site")
    first = env.get_template("page.html").render(x="<b>")
    assert sorted(compiled) == ["base.html", "foot.html", "page.html"]
    again, compiled = environment(tmp_path, "site")
    assert (
        again.get_template("page.html").render(x="<b>") == first == "<p>2024 &lt;b&gt;<i>A</i></p>"
    )
    assert compiled == []
    assert not (tmp_path / "secret").stat().st_mode & 0o077


def test_folded_filters_make_another_entry(tmp_path: Path) -> None:
    """Jinja folds `{{ 2024|num }}` into the code it compiles: code compiled
    for other settings (another `context`) is not found."""
    env, _ = environment(tmp_path, "digits=latn")
    assert env.get_template("page.html").render(x="") == "<p>2024 <i>A</i></p>"
    arab, compiled = environment(tmp_path, "digits=arab", "arab")
    assert arab.get_template("page.html").render(x="") == "<p>٢٠٢٤ <i>A</i></p>"
    assert "page.html" in compiled


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    environment(tmp_path, "site")[0].get_template("page.html").render(x="")
    edited = {**TEMPLATES, "foot.html": "<u>{{ 'b'|upper }}</u>"}
    env, compiled = environment(tmp_path, "site", templates=edited)
    assert env.get_template("page.html").render(x="") == "<p>2024 <u>B</u></p>"
    assert compiled == ["foot.html"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "zero", "swap"])
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, damage: str) -> None:
    env, _ = environment(tmp_path, "site")
    good = env.get_template("page.html").render(x="")
    entries = sorted(tmp_path.glob("*.code"))
    assert len(entries) == 3
    for entry in entries:
        data = entry.read_bytes()
        if damage == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "flip":
            entry.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
        elif damage == "zero":
            entry.write_bytes(data[:30] + bytes(len(data) - 30))
        else:  # another template's valid entry under this one's name
            other = entries[(entries.index(entry) + 1) % len(entries)]
            entry.write_bytes(other.read_bytes())
    again, compiled = environment(tmp_path, "site")
    assert again.get_template("page.html").render(x="") == good
    assert sorted(compiled) == ["base.html", "foot.html", "page.html"]


def test_an_entry_signed_elsewhere_is_not_run(tmp_path: Path) -> None:
    """Entries planted from another cache (another secret) are misses."""
    elsewhere, mine = tmp_path / "elsewhere", tmp_path / "mine"
    evil = {**TEMPLATES, "foot.html": "<i>planted</i>"}
    environment(elsewhere, "site", templates=evil)[0].get_template("foot.html")
    environment(mine, "site")  # my secret is made
    environment(mine, "site")[0].get_template("foot.html")
    for entry in elsewhere.glob("*.code"):  # same name: same source, settings, code
        (mine / entry.name).write_bytes(entry.read_bytes())
    env, compiled = environment(mine, "site", templates=evil)
    assert env.get_template("foot.html").render() == "<i>planted</i>"
    assert compiled == ["foot.html"]  # compiled here, not taken from the planted file


def test_a_secret_others_can_read_turns_the_cache_off(tmp_path: Path) -> None:
    environment(tmp_path, "site")[0].get_template("page.html")
    os.chmod(tmp_path / "secret", 0o644)
    env, compiled = environment(tmp_path, "site")
    env.get_template("page.html")
    assert compiled == ["page.html"]


def test_a_full_folder_starts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_cache, "LIMIT", 4)
    environment(tmp_path, "a")[0].get_template("page.html").render(x="")
    environment(tmp_path, "b")[0].get_template("page.html").render(x="")
    assert len(list(tmp_path.glob("*.code"))) == 6
    environment(tmp_path, "c")[0].get_template("page.html").render(x="")
    assert len(list(tmp_path.glob("*.code"))) == 3  # emptied, then c's three
    assert (tmp_path / "secret").is_file()


def test_references_are_the_parse(tmp_path: Path) -> None:
    env, _ = environment(tmp_path, "site")
    source = "{% extends 'base.html' %}{% include name %}{% import 'm.html' as m %}"
    expected = frozenset({"base.html", None, "m.html"})
    assert references(env, source, "x.html", None) == expected  # parsed
    assert references(env, source, "x.html", None) == expected  # read back
    for _ in range(2):  # a syntax error is raised each time, never kept
        with pytest.raises(jinja2.TemplateSyntaxError):
            references(env, "{% if %}", "bad.html", None)


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TARIKH_CACHE", "")
    assert template_cache.template_cache("site") is None
    monkeypatch.setenv("TARIKH_CACHE", str(tmp_path))
    found = template_cache.template_cache("site")
    assert found is not None and found.store.folder == tmp_path / "templates"
    monkeypatch.delenv("TARIKH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert template_cache.user_cache() == tmp_path / "xdg" / "tarikh"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # not a path to trust: the home's
    assert template_cache.user_cache() == Path("~/.cache/tarikh").expanduser()


SITE = {
    "site.toml": 'title = "ت"\ndigits = "latn"\n',
    "content/events/a.md": "---\ntitle: حدث\ndate: 2024-03-05\n---\nنص.\n",
    "templates/404.html": "{% extends '!default/404.html' %}{% block main %}{{ 2024|num }}"
    "{% endblock %}",
}


def test_builds_with_a_warm_cache_are_clean_builds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same output with the cache off, cold and warm, and after a setting
    that a folded filter prints changes (`{{ 2024|num }}` in the site's own
    template, `{{ 404|num }}` in the theme's)."""
    outputs: dict[str, list[dict[str, bytes]]] = {"latn": [], "arab": []}
    for n, cache in enumerate(("", str(tmp_path / "cache"), str(tmp_path / "cache"))):
        monkeypatch.setenv("TARIKH_CACHE", cache)
        site = write_site(tmp_path / f"site-{n}", SITE)
        for digits in ("latn", "arab", "latn"):
            (site / "site.toml").write_text(f'title = "ت"\ndigits = "{digits}"\n', "utf-8")
            assert tarikh("build", "--source", site, "--quiet", "--jobs", "1") in (0, 1)
            outputs[digits].append(snapshot(site / "output"))
    assert list(tmp_path.glob("cache/templates/*.code"))
    for found in outputs.values():
        assert all(one == found[0] for one in found)
    assert outputs["latn"][0] != outputs["arab"][0]
