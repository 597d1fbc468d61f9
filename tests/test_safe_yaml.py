"""The C YAML loader keeps every guarantee of the pure one (issue 12).

Each guarantee is checked on both loaders, so that the fast path can never
be the way around one."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator import safe_yaml
from generator.load import Problems, parse_yaml

LOADERS = [safe_yaml.PureLoader, safe_yaml.FastLoader]


def test_the_fast_loader_is_libyaml() -> None:
    assert yaml.__with_libyaml__
    assert issubclass(safe_yaml.FastLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("loader", LOADERS)
def test_duplicate_keys_are_an_error_naming_the_key_and_its_line(loader: type) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load("title: a\ndate: 2015-10-01\ntitle: b\n", Loader=loader)
    assert "duplicate key 'title'" in str(caught.value.problem)
    assert caught.value.problem_mark.line == 2


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGk="],
)
def test_no_tag_builds_an_object(loader: type, tag: str) -> None:
    if "binary" in tag:  # a plain YAML type: bytes, never an object
        assert yaml.load(f"x: {tag}\n", Loader=loader) == {"x": b"hi"}
        return
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load(f"x: {tag}\n", Loader=loader)


@pytest.mark.parametrize("loader", LOADERS)
def test_a_date_that_does_not_exist_stays_text(loader: type) -> None:
    assert yaml.load("date: 2015-02-30\n", Loader=loader) == {"date": "2015-02-30"}
    assert yaml.load("date: 2015-02-28\n", Loader=loader) == {"date": dt.date(2015, 2, 28)}


def test_aliases_are_refused_where_written_whichever_loader_would_have_read() -> None:
    bomb = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: [*b, *b]\n'
    problems = Problems()
    assert parse_yaml(bomb, "x.md", 2, problems) is None
    [d] = problems.items
    assert d.line == 3 and "aliases (*name) are not allowed" in d.message
    # Text with an alias never reaches the C loader, which cannot refuse it.
    assert safe_yaml.load("a: x\n") == {"a": "x"}
    with pytest.raises(yaml.MarkedYAMLError):
        safe_yaml.load("a: &x 1\nb: *x\n")


def test_both_loaders_read_front_matter_alike() -> None:
    text = (
        "title: «عنوان»\ndate: 2015-10-01\nactors: [سيرغي لافروف, بوتين]\n"
        "draft: false\nn: 12\nroles:\n  - title: وزير\n    from: 2004-03-09\n    to: null\n"
    )
    assert yaml.load(text, Loader=safe_yaml.FastLoader) == yaml.load(
        text, Loader=safe_yaml.PureLoader
    )


@pytest.mark.parametrize("loader", LOADERS)
def test_malformed_yaml_has_a_line(loader: type) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load("title: a\nactors: [a, b\n", Loader=loader)
    assert caught.value.problem_mark is not None


@pytest.mark.parametrize(
    "text", ["date: [oops\n", "title: a\n  b: c\n", "a: 'x\n", "- a\nb: c\n", "a: {b\n"]
)
def test_an_error_is_placed_where_the_pure_loader_places_it(text: str) -> None:
    fast, pure = Problems(), Problems()
    assert parse_yaml(text, "x.md", 2, fast) is None
    try:
        yaml.load(text, Loader=safe_yaml.PureLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pure.error("x.md", 2 + (mark.line if mark else 0), f"malformed YAML: {exc.problem}")
    assert [(d.line, d.message) for d in fast.items] == [(d.line, d.message) for d in pure.items]
