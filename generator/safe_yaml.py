"""Front matter read with libyaml's C parser, and safe_load's traps still closed.

PyYAML's pure-Python loader was most of the time spent reading a large site
(issue 12). Its C binding (`CSafeLoader`) parses and composes in C, then
builds Python values with the same Python constructor as `SafeLoader`. What
tarikh added to the loader must hold for both:

- **no aliases** (`*name`: the "billion laughs" bomb). The pure loader refuses
  them in `compose_node`, which the C composer never calls. An alias needs a
  `*`, so a text without one is given to the C loader, and a text with one to
  the pure loader, which names the alias and its line exactly as before;
- **duplicate keys are an error** naming the key: in `construct_mapping`,
  which both loaders call;
- **no tag builds an object**: both are *safe* loaders, whose constructor
  knows only YAML's plain types (`!!python/object` is an error);
- a date that does not exist (2015-02-30) stays text, so the field is named;
- an error names the line the pure loader names (broken text is read again).

tests/test_safe_yaml.py checks each guarantee on both paths.
"""

from __future__ import annotations

from typing import Any

import yaml

CLoader = getattr(yaml, "CSafeLoader", None)  # None when PyYAML was built without libyaml


class _Guards:
    """What tarikh adds to a safe loader's constructor (both loaders share it)."""

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[attr-defined]

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if isinstance(key, str) and key in seen:
                raise yaml.MarkedYAMLError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            if isinstance(key, str):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class PureLoader(_Guards, yaml.SafeLoader):
    """The pure-Python safe loader, refusing aliases where they are written."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


PureLoader.add_constructor("tag:yaml.org,2002:timestamp", PureLoader.construct_yaml_timestamp)

if CLoader is not None:

    class FastLoader(_Guards, CLoader):  # type: ignore[valid-type,misc]
        """libyaml's parser and composer; used only on text without an alias."""

    FastLoader.add_constructor("tag:yaml.org,2002:timestamp", FastLoader.construct_yaml_timestamp)
else:  # pragma: no cover - PyYAML without libyaml
    FastLoader = PureLoader  # type: ignore[misc,assignment]


def load(text: str) -> Any:
    """One YAML document, safely; raises yaml.YAMLError (with a mark) when it is not.

    Broken YAML is read again by the pure loader, so an error is named, and
    placed, exactly as it always was (libyaml marks some errors elsewhere)."""
    if "*" in text:
        return yaml.load(text, Loader=PureLoader)
    try:
        return yaml.load(text, Loader=FastLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=PureLoader)
