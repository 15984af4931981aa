"""The two YAML readers behind `frontmatter`: every plain scalar as text, no tags.

`compose` uses libyaml's C composer where that is safe and PyYAML's own loader (with
its exact problem marks, which `yaml_errors` explains in Dutch) everywhere else.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_PLAIN_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")


class _TextLoader(yaml.SafeLoader):
    """A SafeLoader that resolves every plain scalar to a string.

    It refuses `&anchor`, `*alias` and `!tag`: editors never need them, a tag
    would silently drop text, and aliases allow recursive or exponentially
    expanding documents.
    """

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            raise yaml.composer.ComposerError(None, None, "found alias", event.start_mark)
        event = self.peek_event()
        if event.anchor is not None:
            raise yaml.composer.ComposerError(None, None, "found anchor", event.start_mark)
        if getattr(event, "tag", None) not in (None, *_PLAIN_TAGS):
            raise yaml.composer.ComposerError(None, None, "found tag", event.start_mark)
        return super().compose_node(parent, index)


# A per-class copy, so PyYAML's global SafeLoader stays untouched.
_TextLoader.yaml_implicit_resolvers = {}

# The fast path: libyaml's C parser and composer, also with every plain scalar as text
# (BaseResolver has no implicit resolvers). It cannot refuse anchors, aliases and tags
# while composing, so it only reads a text without & * or !, and only one that cannot
# nest deeper than MAX_YAML_DEPTH; anything else, and anything it stumbles over, goes
# to _TextLoader, which gives the Dutch messages. Both give the same nodes and marks.
_FastTextLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastTextLoader(
        yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.BaseResolver
    ):  # type: ignore[no-redef]
        pass


_SPECIAL = re.compile(r"[&*!]")


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text`: by libyaml when that is safe and works, else by PyYAML
    (which raises the errors that `parse_yaml` explains)."""
    if _FastTextLoader is not None and not _SPECIAL.search(text) and _shallow(text):
        try:
            return yaml.compose(text, Loader=_FastTextLoader)
        except Exception:  # noqa: BLE001 - PyYAML's own loader finds and names the problem
            pass
    return yaml.compose(text, Loader=_TextLoader)


def _shallow(text: str) -> bool:
    """Whether `text` surely nests no deeper than MAX_YAML_DEPTH: its deepest indent plus
    every bracket is an upper bound of the depth."""
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.split("\n")), default=0)
    return indent + text.count("[") + text.count("{") <= MAX_YAML_DEPTH


MAX_YAML_DEPTH = 50  # far deeper than any field; PyYAML itself gives up at about 200
_OPENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
          yaml.FlowSequenceStartToken)  # fmt: skip
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def too_deep_line(text: str) -> int:
    """The line where the YAML first nests deeper than MAX_YAML_DEPTH (PyYAML's scanner
    is not recursive, its parser is)."""
    depth = 0
    for token in yaml.scan(text, Loader=_TextLoader):
        depth += isinstance(token, _OPENS) - isinstance(token, _CLOSES)
        if depth > MAX_YAML_DEPTH:
            return token.start_mark.line + 1
    return 1
