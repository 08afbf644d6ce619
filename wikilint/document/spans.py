"""Source spans: half-open ``(start, end)`` offsets, and the index of a tree's spans.

mwparserfromhell nodes carry no positions; :mod:`wikilint.document.tree` records them while it
builds the tree, into a :class:`SpanIndex`.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from mwparserfromhell.nodes import Node

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


def blanked(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with the characters of the sorted *spans* that lie inside it
    replaced by ``\\x00``, line breaks kept: offsets and lines stay where they were."""
    end = len(text) if end is None else end
    first = bisect_left(spans, (start, start))
    last = bisect_left(spans, (end, end), first)
    parts = []
    position = start
    for hide_start, hide_end in merge(span for span in spans[first:last] if span[1] <= end):
        lines = text[hide_start:hide_end].split("\n")
        parts += [text[position:hide_start], "\n".join(["\x00" * len(line) for line in lines])]
        position = hide_end
    parts.append(text[position:end])
    return "".join(parts)


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any of the sorted, disjoint *spans*."""
    index = bisect_right(spans, (start, math.inf)) - 1
    if index >= 0 and spans[index][1] > start:
        return True
    return index + 1 < len(spans) and spans[index + 1][0] < end


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
