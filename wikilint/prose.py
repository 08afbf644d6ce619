"""The prose view: visible text of wikitext with a map back to source offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mwparserfromhell.nodes import (
    ExternalLink,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from wikilint.namespaces import is_category_link, is_file_link, is_interlanguage_link
from wikilint.spans import Span

#: HTML tags whose contents are visible inline text.
TRANSPARENT_TAGS = frozenset(
    {
        "b", "i", "u", "s", "em", "strong", "small", "big", "sup", "sub", "span", "abbr", "font",
        "tt", "var", "cite", "q", "dfn", "kbd", "samp", "mark", "ins", "del", "bdi", "bdo", "time",
        "data", "strike",
    }
)  # fmt: skip
#: Templates that render one of their parameters as inline text: name -> parameter.
TEXT_TEMPLATES = {"nowrap": "1", "nobr": "1", "small": "1", "smaller": "1", "lang": "2"}
#: Templates that render a fixed character or two.
LITERAL_TEMPLATES = {
    "'": "'", "nbsp": "\xa0", "ndash": "\u2013", "mdash": "\u2014", "snd": "\xa0\u2013 ",
}  # fmt: skip
#: Magic words such as ``__NOTOC__``: source text that never renders.
_BEHAVIOR_SWITCH = re.compile(r"__[A-Z]{2,}(?:_[A-Z]+)*__")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of prose text that came from ``source[source_start:source_end]``.

    A *verbatim* segment is a copy of its source, so each character maps to its own
    offset; otherwise (an entity, a ``<br>``) every character maps to the whole span.
    """

    prose_start: int
    source_start: int
    source_end: int
    verbatim: bool


class ProseView:
    """Visible text of a stretch of wikitext, each character mapped to its source."""

    __slots__ = ("_segments", "_starts", "text")

    def __init__(self, text: str, segments: list[Segment]) -> None:
        self.text = text
        self._segments = segments
        self._starts = [segment.prose_start for segment in segments]

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"ProseView({self.text!r})"

    def _segment(self, index: int) -> Segment:
        if not 0 <= index < len(self.text):
            raise IndexError(f"prose index {index} outside 0..{len(self.text) - 1}")
        return self._segments[bisect_right(self._starts, index) - 1]

    def offset(self, index: int) -> int:
        """Source offset of the prose character at *index*."""
        segment = self._segment(index)
        if segment.verbatim:
            return segment.source_start + index - segment.prose_start
        return segment.source_start

    def end_offset(self, index: int) -> int:
        """Source offset just past the prose character at *index*."""
        segment = self._segment(index)
        if segment.verbatim:
            return segment.source_start + index - segment.prose_start + 1
        return segment.source_end

    def span(self, start: int, end: int) -> Span:
        """Source span covering the prose characters ``[start, end)``."""
        if end <= start:
            offset = self.offset(start) if start < len(self.text) else self.end_offset(start - 1)
            return offset, offset
        return self.offset(start), self.end_offset(end - 1)


class ProseBuilder:
    """Accumulates prose text and segments while walking nodes."""

    def __init__(self, span_of: Callable[[object], Span]) -> None:
        self._span_of = span_of
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def build(self) -> ProseView:
        return ProseView("".join(self._parts), self._segments)

    def add(self, text: str, source_start: int, source_end: int, verbatim: bool) -> None:
        if not text:
            return
        self._segments.append(Segment(self._length, source_start, source_end, verbatim))
        self._parts.append(text)
        self._length += len(text)

    def add_text(self, text: str, source_start: int) -> None:
        """Add source text verbatim, leaving out behaviour switches."""
        position = 0
        if "__" not in text:  # the common case, without a regex scan
            self.add(text, source_start, -1, True)
            return
        for match in _BEHAVIOR_SWITCH.finditer(text):
            self.add(text[position : match.start()], source_start + position, -1, True)
            position = match.end()
        self.add(text[position:], source_start + position, -1, True)

    def add_nodes(self, nodes: Iterable[Node]) -> None:
        for node in nodes:
            self.add_node(node)

    def add_code(self, code: Wikicode | None) -> None:
        if code is not None:
            self.add_nodes(code.nodes)

    def add_node(self, node: Node) -> None:
        if isinstance(node, Text):
            self.add_text(node.value, self._span_of(node)[0])
        elif isinstance(node, Wikilink):
            self._add_wikilink(node)
        elif isinstance(node, Tag):
            self._add_tag(node)
        elif isinstance(node, HTMLEntity):
            start, end = self._span_of(node)
            self.add(node.normalize(), start, end, False)
        elif isinstance(node, ExternalLink):
            if node.brackets and node.title is not None:
                self.add_code(node.title)
        elif isinstance(node, Template):
            self._add_template(node)
        # Other templates, comments, arguments and headings render no running text.

    def _add_template(self, template: Template) -> None:
        name = template_name(template)
        if name in LITERAL_TEMPLATES and not template.params:
            start, end = self._span_of(template)
            self.add(LITERAL_TEMPLATES[name], start, end, False)
        elif name in TEXT_TEMPLATES and template.has(TEXT_TEMPLATES[name]):
            self.add_code(template.get(TEXT_TEMPLATES[name]).value)

    def _add_wikilink(self, link: Wikilink) -> None:
        title = str(link.title)
        escaped = title.lstrip().startswith(":")  # [[:Category:Foo]] is a visible link
        if not escaped and (is_file_link(title) or is_category_link(title)):
            return
        if link.text is not None:
            self.add_code(link.text)
        elif escaped:
            after = title.index(":") + 1
            self.add_text(title[after:], self._span_of(link.title)[0] + after)
        elif not is_interlanguage_link(title):
            self.add_code(link.title)

    def _add_tag(self, tag: Tag) -> None:
        name = str(tag.tag).strip().lower()
        if is_inline_markup(tag):
            if not tag.self_closing:
                self.add_code(tag.contents)
        elif name == "nowiki" and not tag.self_closing:
            start, end = self._span_of(tag.contents)
            self.add(str(tag.contents), start, end, True)
        elif name == "br":
            start, end = self._span_of(tag)
            self.add(" ", start, end, False)


def is_inline_markup(tag: Tag) -> bool:
    """Bold, italic or an HTML tag whose contents are running text."""
    if tag.wiki_markup:
        return tag.wiki_markup in ("''", "'''")
    return str(tag.tag).strip().lower() in TRANSPARENT_TAGS


def template_name(template: Template) -> str:
    """A template's name as MediaWiki resolves it: first letter case-insensitive."""
    name = " ".join(str(template.name).replace("_", " ").split())
    return name[:1].lower() + name[1:]
