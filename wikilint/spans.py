"""Source spans for every node of a mwparserfromhell tree.

mwparserfromhell nodes carry no positions, but its trees round-trip: ``str(node)`` is
exactly the source the node came from. Each node type writes its children between
fixed delimiters (``{{`` name ``|`` params ``}}`` and so on), so one walk that adds up
delimiter and leaf lengths gives every span without building any string twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute
from mwparserfromhell.wikicode import Wikicode

Span = tuple[int, int]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, disjoint union of spans."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class SpanError(ValueError):
    """The tree does not reproduce the source it was parsed from."""


class SpanIndex:
    """Spans of a tree's nodes, nested ``Wikicode``, parameters and attributes.

    ``spans`` maps ``id()`` of each to its span, so the tree must stay alive while it is
    used; ``nodes`` lists every node, nested ones included, in source order (the order
    of ``Wikicode.filter(recursive=True)``).
    """

    __slots__ = ("nodes", "spans")

    def __init__(self) -> None:
        self.spans: dict[int, Span] = {}
        self.nodes: list[Node] = []


def index_spans(tree: Wikicode, text: str | None = None) -> SpanIndex:
    """Index every span of *tree*; *text*, when given, is the source it must cover."""
    index = SpanIndex()
    end = _code(tree, 0, index)
    if text is not None and end != len(text):
        raise SpanError(f"parsed tree covers {end} characters of {len(text)}")
    return index


def _code(code: Wikicode, start: int, index: SpanIndex) -> int:
    position = start
    spans, nodes = index.spans, index.nodes
    for node in code.nodes:
        nodes.append(node)
        kind = type(node)
        if kind is Text:
            end = position + len(node.value)
        else:
            end = _LAYOUTS.get(kind, _opaque)(node, position, index)
        spans[id(node)] = (position, end)
        position = end
    spans[id(code)] = (start, position)
    return position


def _opaque(node: Node, start: int, index: SpanIndex) -> int:
    """A node of a type without a known layout: its span, none for its children."""
    return start + len(str(node))


def _comment(node: Comment, start: int, index: SpanIndex) -> int:
    return start + len(node.contents) + 7  # <!-- -->


def _template(node: Template, start: int, index: SpanIndex) -> int:
    position = _code(node.name, start + 2, index)
    for param in node.params:
        param_start = position = position + 1  # the "|" before each parameter
        if param.showkey:
            position = _code(param.name, position, index) + 1  # "="
        position = _code(param.value, position, index)
        index.spans[id(param)] = (param_start, position)
    return position + 2


def _wikilink(node: Wikilink, start: int, index: SpanIndex) -> int:
    position = _code(node.title, start + 2, index)
    if node.text is not None:
        position = _code(node.text, position + 1, index)
    return position + 2


def _external_link(node: ExternalLink, start: int, index: SpanIndex) -> int:
    if not node.brackets:
        return _code(node.url, start, index)
    position = _code(node.url, start + 1, index)
    if node.title is not None:
        if node.suppress_space is not True:
            position += 1
        position = _code(node.title, position, index)
    return position + 1


def _heading(node: Heading, start: int, index: SpanIndex) -> int:
    return _code(node.title, start + node.level, index) + node.level


def _argument(node: Argument, start: int, index: SpanIndex) -> int:
    position = _code(node.name, start + 3, index)
    if node.default is not None:
        position = _code(node.default, position + 1, index)
    return position + 3


def _tag(node: Tag, start: int, index: SpanIndex) -> int:
    if node.wiki_markup:
        position = _attributes(node, start + len(node.wiki_markup), index)
        position += len(node.padding or "") + len(node.wiki_style_separator or "")
        if node.self_closing:
            return position
        position = _code(node.contents, position, index)
        return position + len(node.closing_wiki_markup or "")
    position = _code(node.tag, start + (2 if node.invalid else 1), index)
    position = _attributes(node, position, index) + len(node.padding)
    if node.self_closing:
        return position + (1 if node.implicit else 2)
    position = _code(node.contents, position + 1, index)
    return _code(node.closing_tag, position + 2, index) + 1


def _attributes(node: Tag, position: int, index: SpanIndex) -> int:
    for attribute in node.attributes:
        position = _attribute(attribute, position, index)
    return position


def _attribute(attribute: Attribute, start: int, index: SpanIndex) -> int:
    position = _code(attribute.name, start + len(attribute.pad_first), index)
    position += len(attribute.pad_before_eq)
    if attribute.value is not None:
        quote = len(attribute.quotes or "")
        position += 1 + len(attribute.pad_after_eq) + quote
        position = _code(attribute.value, position, index) + quote
    index.spans[id(attribute)] = (start, position)
    return position


_LAYOUTS: dict[type, Callable[..., int]] = {
    Comment: _comment,
    HTMLEntity: _opaque,
    Template: _template,
    Wikilink: _wikilink,
    ExternalLink: _external_link,
    Heading: _heading,
    Argument: _argument,
    Tag: _tag,
}
