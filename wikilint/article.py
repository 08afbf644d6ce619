"""The parsed article every rule works on: parse once, share positions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Heading, Node, Tag, Text
from mwparserfromhell.wikicode import Wikicode

from wikilint.lines import LineIndex
from wikilint.prose import ProseBuilder, ProseView
from wikilint.spans import Span, index_spans
from wikilint.text import split_sentences

N = TypeVar("N", bound=Node)

#: Tags that open a block of non-prose: lists, tables, rules, definition terms.
_BLOCK_TAGS = frozenset({"li", "dt", "dd", "table", "hr", "tr", "td", "th"})
_TABLE_LINE_STARTS = ("{|", "|", "!")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text it governs. The lead section has level 0 and no heading."""

    index: int
    level: int
    title: str
    heading: Span | None
    body: Span
    """From the end of the heading line to the next heading of the same or higher level."""
    own_body: Span
    """From the end of the heading line to the next heading of any level."""


@dataclass(frozen=True)
class Paragraph:
    """One source line of running prose.

    MediaWiki joins lines separated by a single newline into one rendered paragraph,
    but editors write one paragraph per line; ``block`` numbers the rendered
    paragraph, shared by consecutive prose lines.
    """

    index: int
    start: int
    end: int
    prose: ProseView
    section: int
    block: int

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans in prose coordinates."""
        return split_sentences(self.prose.text)


class Article:
    """A wikitext document parsed once, with positions for everything rules need."""

    def __init__(self, source: str, path: str = "<string>", language: str | None = None) -> None:
        self.source = source
        self.path = path
        self.language = language
        self.lines = LineIndex(source)
        self.tree: Wikicode = mwparserfromhell.parse(source)
        self._detached: list[Text] = []

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a source offset."""
        return self.lines.position(offset)

    @cached_property
    def _spans(self) -> dict[int, Span]:
        return index_spans(self.tree, self.source)

    def span(self, node: Node | Wikicode) -> Span:
        """Source span of any node or nested ``Wikicode`` of the tree."""
        return self._spans[id(node)]

    def nodes(self, kind: type[N], *, recursive: bool = True) -> Iterator[N]:
        """Nodes of a type, in source order (nested ones too unless ``recursive=False``)."""
        yield from self.tree.filter(forcetype=kind, recursive=recursive)

    def prose_of(self, nodes: list[Node]) -> ProseView:
        """Prose view of a run of nodes of this article's tree."""
        builder = ProseBuilder(self.span)
        builder.add_nodes(nodes)
        return builder.build()

    @cached_property
    def sections(self) -> list[Section]:
        headings = [
            (node, *self.span(node))
            for node in self.tree.nodes
            if isinstance(node, Heading)
        ]
        length = len(self.source)
        first = headings[0][1] if headings else length
        sections = [Section(0, 0, "", None, (0, first), (0, first))]
        for number, (heading, start, end) in enumerate(headings):
            body_end = own_end = length
            for later, later_start, _ in headings[number + 1 :]:
                own_end = min(own_end, later_start)
                if later.level <= heading.level:
                    body_end = later_start
                    break
            title = str(heading.title).strip()
            sections.append(
                Section(number + 1, heading.level, title, (start, end), (end, body_end), (end, own_end))
            )
        return sections

    def section_at(self, offset: int) -> Section:
        """The innermost section containing a source offset."""
        current = self.sections[0]
        for section in self.sections[1:]:
            if section.heading is not None and section.heading[0] <= offset:
                current = section
            else:
                break
        return current

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        block = 0
        previous_was_prose = False
        for line_nodes, start, end in self._top_level_lines():
            if not self._is_prose_line(line_nodes):
                previous_was_prose = False
                if self.source[start:end].strip():
                    block += 1
                continue
            prose = self.prose_of(line_nodes)
            if not any(char.isalpha() for char in prose.text):
                previous_was_prose = False
                continue
            if not previous_was_prose:
                block += 1
            previous_was_prose = True
            section = self.section_at(start).index
            paragraphs.append(Paragraph(len(paragraphs), start, end, prose, section, block))
        return paragraphs

    def _top_level_lines(self) -> Iterator[tuple[list[Node], int, int]]:
        """Split the top level of the tree at line breaks outside of any markup.

        Text nodes that span a break are split into new, detached ``Text`` nodes whose
        spans are registered so that prose views can map them back.
        """
        line: list[Node] = []
        line_start = 0
        for node in self.tree.nodes:
            start, end = self.span(node)
            if not isinstance(node, Text) or "\n" not in node.value:
                line.append(node)
                continue
            position = start
            for piece in node.value.split("\n"):
                piece_end = position + len(piece)
                if piece:
                    line.append(self._detached_text(piece, position))
                if piece_end < end:
                    yield line, line_start, piece_end
                    line, line_start = [], piece_end + 1
                position = piece_end + 1
        yield line, line_start, len(self.source)

    def _detached_text(self, value: str, start: int) -> Text:
        text = Text(value)
        self._spans[id(text)] = (start, start + len(value))
        self._detached.append(text)  # keep alive: spans are keyed by identity
        return text

    @staticmethod
    def _is_prose_line(nodes: list[Node]) -> bool:
        meaningful = [
            node
            for node in nodes
            if not isinstance(node, Comment) and not (isinstance(node, Text) and not node.value.strip())
        ]
        if not meaningful:
            return False
        first = nodes[0]
        if isinstance(first, Text) and first.value[:1] in (" ", "\t"):
            return False  # a leading space renders preformatted text
        lead = meaningful[0]
        if isinstance(lead, Heading):
            return False
        if isinstance(lead, Tag) and str(lead.tag).strip().lower() in _BLOCK_TAGS:
            return False
        return not (isinstance(lead, Text) and lead.value.lstrip().startswith(_TABLE_LINE_STARTS))
