"""Source spans for every node of a mwparserfromhell tree.

mwparserfromhell nodes carry no positions, but its trees round-trip: ``str(node)`` is
exactly the source the node came from. A node's children appear in that string in the
order ``__children__`` yields them, so each child is found by a forward search from
the end of the previous one.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Comment, HTMLEntity, Node, Text
from mwparserfromhell.wikicode import Wikicode

Span = tuple[int, int]

_LEAVES = (Text, Comment, HTMLEntity)


def index_spans(tree: Wikicode, text: str | None = None) -> dict[int, Span]:
    """Map ``id()`` of every node and nested ``Wikicode`` in *tree* to its source span.

    The tree must stay alive while the map is used: keys are object identities.
    """
    spans: dict[int, Span] = {}
    stack: list[tuple[Wikicode, str, int]] = [(tree, str(tree) if text is None else text, 0)]
    while stack:
        code, code_text, start = stack.pop()
        spans[id(code)] = (start, start + len(code_text))
        position = start
        for node in code.nodes:
            node_text = str(node)
            end = position + len(node_text)
            spans[id(node)] = (position, end)
            if not isinstance(node, _LEAVES):
                stack.extend(_children(node, node_text, position))
            position = end
    return spans


def _children(node: Node, node_text: str, start: int) -> list[tuple[Wikicode, str, int]]:
    found = []
    cursor = 0
    for child in node.__children__():
        child_text = str(child)
        at = node_text.find(child_text, cursor)
        if at < 0:  # cannot happen for a round-tripping tree; never guess a position
            continue
        found.append((child, child_text, start + at))
        cursor = at + len(child_text)
    return found
