"""The parsed article every rule works on: parse once, share positions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar, cast

from mwparserfromhell.nodes import Comment, Heading, Node, Tag, Text
from mwparserfromhell.wikicode import Wikicode

from wikilint.document.language import detect_language, language_sample
from wikilint.document.lines import LineIndex
from wikilint.document.prose import ProseBuilder, ProseView, is_inline_markup
from wikilint.document.sentences import WORD, split_sentences
from wikilint.document.spans import Span
from wikilint.document.tree import parse

N = TypeVar("N", bound=Node)

#: Tags that open a block of non-prose: lists, tables, rules, definition terms.
_BLOCK_TAGS = frozenset({"li", "dt", "dd", "table", "hr", "tr", "td", "th"})
#: Line starts that render a list, a table, a horizontal rule or preformatted text.
_BLOCK_LINE_STARTS = ("*", "#", ":", ";", "{|", "|", "!", "----", " ")


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
    paragraph, shared by consecutive prose lines. ``start`` is the start of the line,
    or the end of markup before the prose that began on an earlier line (an infobox
    whose ``}}`` the text follows); ``end`` is the end of the line, line break excluded.
    """

    index: int
    start: int
    end: int
    prose: ProseView
    section: int
    block: int

    @cached_property
    def words(self) -> list[str]:
        """The words of the prose (``WORD``), found once for the rules that need them."""
        return WORD.findall(self.prose.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentence spans in prose coordinates."""
        return split_sentences(self.prose.text)


class Article:
    """A wikitext document parsed once, with positions for everything rules need."""

    def __init__(self, source: str, path: str = "<string>", language: str | None = None) -> None:
        self.source = source
        self.path = path
        if language is not None:
            self.language = language  # else detected on first use
        self.lines = LineIndex(source)
        # The parser stops at a NUL; U+FFFD keeps every later offset in place. Bold and
        # italic are left as text: MediaWiki reads them per line, which the prose view
        # does (see ``emphasis``), while the parser lets them run on and swallow markup.
        self._parsed = source.replace("\x00", "\ufffd")
        self.tree, self._index = parse(self._parsed)
        self._detached: list[Text] = []

    @cached_property
    def language(self) -> str | None:
        """The language code as given, else as detected from the prose (see ``language``)."""
        return self.detected_language

    @cached_property
    def detected_language(self) -> str | None:
        """The language code detected from the prose, whatever language was given."""
        prose = (paragraph.prose.text for paragraph in self.paragraphs)
        return detect_language(language_sample(prose, self.source))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a source offset."""
        return self.lines.position(offset)

    @cached_property
    def memo(self) -> dict[object, object]:
        """Work shared by several rules, computed once (see ``wikilint.document.memo``)."""
        return {}

    def span(self, node: Node | Wikicode) -> Span:
        """Source span of any node or nested ``Wikicode`` of the tree."""
        return self._index.spans[id(node)]

    def text(self, node: Node | Wikicode) -> str:
        """``str(node)``, sliced from the parsed source instead of rebuilt from the tree."""
        start, end = self.span(node)
        return self._parsed[start:end]

    def nodes(self, kind: type[N], *, recursive: bool = True) -> Iterator[N]:
        """Nodes of a type, in source order (nested ones too unless ``recursive=False``)."""
        if not recursive:
            return (node for node in self.tree.nodes if isinstance(node, kind))
        found = self._nodes_by_kind.get(kind)
        if found is None:
            types = [type_ for type_ in self._nodes_by_type if issubclass(type_, kind)]
            if len(types) <= 1:
                found = self._nodes_by_type[types[0]] if types else []
            else:
                found = [node for node in self._index.nodes if isinstance(node, kind)]
            self._nodes_by_kind[kind] = found
        return iter(cast(list[N], found))

    @cached_property
    def _nodes_by_kind(self) -> dict[type[Node], list[Node]]:
        return {Node: self._index.nodes}

    @cached_property
    def _nodes_by_type(self) -> dict[type[Node], list[Node]]:
        """Nodes grouped by their exact type, in source order: one pass for all kinds."""
        groups: dict[type[Node], list[Node]] = {}
        for node in self._index.nodes:
            group = groups.get(type(node))
            if group is None:
                groups[type(node)] = group = []
            group.append(node)
        return groups

    def prose_of(self, nodes: list[Node]) -> ProseView:
        """Prose view of a run of nodes of this article's tree."""
        builder = ProseBuilder(self.span)
        builder.add_nodes(nodes)
        return builder.build()

    @cached_property
    def sections(self) -> list[Section]:
        headings = [
            (node, *self.span(node)) for node in self.tree.nodes if isinstance(node, Heading)
        ]
        length = len(self.source)
        first = headings[0][1] if headings else length
        sections = [Section(0, 0, "", None, (0, first), (0, first))]
        body_ends = _body_ends(headings, length)
        for number, (heading, start, end) in enumerate(headings):
            own_end = headings[number + 1][1] if number + 1 < len(headings) else length
            title = str(heading.title).strip()
            sections.append(
                Section(
                    number + 1,
                    heading.level,
                    title,
                    (start, end),
                    (end, body_ends[number]),
                    (end, own_end),
                )
            )
        return sections

    def sections_titled(self, titles: Iterable[str]) -> set[int]:
        """Indexes of the sections with one of *titles* (case-insensitive) and of all
        the sub-sections under them."""
        wanted = {title.casefold() for title in titles}
        found: set[int] = set()
        inside_until = -1  # the end of the body of the last section found
        for section in self.sections[1:]:
            start = section.body[0]
            if start < inside_until or section.title.casefold() in wanted:
                found.add(section.index)
                inside_until = max(inside_until, section.body[1])
        return found

    def section_at(self, offset: int) -> Section:
        """The innermost section containing a source offset."""
        return self.sections[bisect_right(self._heading_starts, offset)]

    @cached_property
    def _heading_starts(self) -> list[int]:
        return [section.heading[0] for section in self.sections if section.heading is not None]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        block = 0
        previous_was_prose = False
        for line_nodes, start, end in self._top_level_lines():
            if not self._is_prose_line(line_nodes, start):
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
            start = self._prose_start(line_nodes, start, prose.offset(0))
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
        for node in self._inline_nodes(self.tree.nodes):
            if not isinstance(node, Text) or "\n" not in node.value:
                line.append(node)
                continue
            start, end = self.span(node)
            position = start
            for piece in node.value.split("\n"):
                piece_end = position + len(piece)
                if piece_end < end:
                    piece = piece.removesuffix("\r")  # the "\r" of a "\r\n" break
                if piece:
                    line.append(self._detached_text(piece, position))
                if piece_end < end:
                    yield line, line_start, position + len(piece)
                    line, line_start = [], piece_end + 1
                position = piece_end + 1
        yield line, line_start, len(self.source)

    def _inline_nodes(self, nodes: list[Node]) -> Iterator[Node]:
        """Nodes with inline HTML tags that run over a line break opened up, so that
        each line of their text is prose of its own line."""
        for node in nodes:
            if isinstance(node, Tag) and is_inline_markup(node) and not node.self_closing:
                start, end = self.span(node)
                if self.source.find("\n", start, end) >= 0:
                    yield from self._inline_nodes(node.contents.nodes)
                    continue
            yield node

    def _prose_start(self, nodes: list[Node], start: int, first_prose: int) -> int:
        """Line start, or past markup before the prose that began on an earlier line."""
        for node in nodes:
            node_start, node_end = self.span(node)
            if node_end > first_prose:
                break
            if self.source.find("\n", node_start, node_end) >= 0:
                start = node_end
        return start

    def _detached_text(self, value: str, start: int) -> Text:
        text = Text(value)
        self._index.spans[id(text)] = (start, start + len(value))
        self._detached.append(text)  # keep alive: spans are keyed by identity
        return text

    def _is_prose_line(self, nodes: list[Node], start: int) -> bool:
        if self.source.startswith(_BLOCK_LINE_STARTS, start):
            return False
        lead = next((node for node in nodes if not _is_blank(node)), None)
        if lead is None or isinstance(lead, Heading):
            return False
        if isinstance(lead, Tag):
            return str(lead.tag).strip().lower() not in _BLOCK_TAGS
        return not (isinstance(lead, Text) and lead.value.lstrip().startswith(_BLOCK_LINE_STARTS))


def _body_ends(headings: list[tuple[Heading, int, int]], length: int) -> list[int]:
    """Where each heading's section ends: at the next heading of its level or a higher one.

    One pass with a stack of the sections still open, whose levels rise from bottom to top.
    """
    ends = [length] * len(headings)
    open_sections: list[int] = []
    for number, (heading, start, _) in enumerate(headings):
        while open_sections and headings[open_sections[-1]][0].level >= heading.level:
            ends[open_sections.pop()] = start
        open_sections.append(number)
    return ends


def _is_blank(node: Node) -> bool:
    return isinstance(node, Comment) or (isinstance(node, Text) and not node.value.strip())
