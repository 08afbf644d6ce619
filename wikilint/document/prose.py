"""The prose view: visible text of wikitext with a map back to source offsets.

Bold and italic markup is read here, one line of prose at a time (see ``emphasis``):
the tree is parsed with ``skip_style_tags``, so apostrophes reach the builder as text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import NamedTuple

from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from wikilint.document.emphasis import apostrophe_runs, marks, styled
from wikilint.document.namespaces import is_file_or_category_link, is_interlanguage_link
from wikilint.document.spans import Span, merge

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
#: Templates that render a quantity and its unit: ``{{convert|2|–|4|cm|in}}`` shows
#: "2–4 cm (0.79–1.57 in)"; the prose keeps "2–4 cm", the figure as the editor wrote it.
CONVERT_TEMPLATES = frozenset({"convert", "cvt"})
#: Words and signs ``{{convert}}`` takes between the two values of a range, as shown.
_CONVERT_RANGES = {
    "-": "–", "–": "–", "to": " to ", "to(-)": " to ", "-to-": " to ", "and": " and ",
    "and(-)": " and ", "or": " or ", "by": " by ", "x": " × ", "×": " × ", "+/-": " ± ",
    "±": " ± ",
}  # fmt: skip
#: HTML tags that render their contents italic, and bold.
_ITALIC_TAGS = frozenset({"i", "em"})
_BOLD_TAGS = frozenset({"b", "strong"})
_LITERAL_TAGS = frozenset({"kbd", "samp", "tt", "var"})
#: Magic words such as ``__NOTOC__``: source text that never renders.
_BEHAVIOR_SWITCH = re.compile(r"__[A-Z]{2,}(?:_[A-Z]+)*__")


class Segment(NamedTuple):
    """A run of prose text that came from ``source[source_start:source_end]``.

    A *verbatim* segment is a copy of its source, so each character maps to its own
    offset; otherwise (an entity, a ``<br>``) every character maps to the whole span.
    A named tuple: made for every run of text, and a frozen dataclass is slower to make.
    """

    prose_start: int
    source_start: int
    source_end: int
    verbatim: bool


class ProseView:
    """Visible text of a stretch of wikitext, each character mapped to its source.

    ``italic`` and ``bold`` are the sorted, disjoint ``(start, end)`` prose ranges that
    render italic and bold (``''``, ``'''``, ``<i>``, ``<em>``, ``<b>``, ``<strong>``);
    ``literal`` those shown as typed rather than as prose: ``<nowiki>`` text and the
    code-like ``<kbd>``, ``<samp>``, ``<tt>`` and ``<var>`` (``--help`` there is no dash).
    """

    __slots__ = ("_segments", "_starts", "bold", "italic", "literal", "text")

    def __init__(
        self,
        text: str,
        segments: list[Segment],
        italic: list[Span] | None = None,
        bold: list[Span] | None = None,
        literal: list[Span] | None = None,
    ) -> None:
        self.text = text
        self._segments = segments
        self._starts = [segment.prose_start for segment in segments]
        self.italic = italic or []
        self.bold = bold or []
        self.literal = literal or []

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

    def __init__(self, span_of: Callable[[Node | Wikicode], Span]) -> None:
        self._span_of = span_of
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0
        self._runs: list[Span] = []  # apostrophe runs that may be bold or italic marks
        self._italic: list[Span] = []
        self._bold: list[Span] = []
        self._literal: list[Span] = []

    def build(self) -> ProseView:
        """The view, with the bold and italic marks among the apostrophe runs left out."""
        text = "".join(self._parts)
        italic, bold, literal = self._italic, self._bold, self._literal
        if not self._runs:
            return ProseView(text, self._segments, _union(italic), _union(bold), _union(literal))
        cuts: list[Span] = []
        line_start = 0
        runs = iter(self._runs)
        run = next(runs, None)
        for line in text.split("\n"):
            line_end = line_start + len(line)
            line_runs = []
            while run is not None and run[0] < line_end:
                line_runs.append((run[0] - line_start, run[1] - line_start))
                run = next(runs, None)
            if line_runs:
                found = marks(line, line_runs)
                cuts += [(line_start + mark.start, line_start + mark.end) for mark in found]
                line_italic, line_bold = styled(found, len(line))
                italic += [(line_start + start, line_start + end) for start, end in line_italic]
                bold += [(line_start + start, line_start + end) for start, end in line_bold]
            line_start = line_end + 1
        return _cut(text, self._segments, cuts, (italic, bold, literal))

    def add(self, text: str, source_start: int, source_end: int, verbatim: bool) -> None:
        if not text:
            return
        self._segments.append(Segment(self._length, source_start, source_end, verbatim))
        self._parts.append(text)
        self._length += len(text)

    def add_text(self, text: str, source_start: int) -> None:
        """Add source text verbatim, leaving out behaviour switches; its runs of
        apostrophes may be bold or italic marks."""
        if "__" not in text:  # the common case, without a regex scan
            self._add_wikitext(text, source_start)
            return
        position = 0
        for match in _BEHAVIOR_SWITCH.finditer(text):
            self._add_wikitext(text[position : match.start()], source_start + position)
            position = match.end()
        self._add_wikitext(text[position:], source_start + position)

    def _add_wikitext(self, text: str, source_start: int) -> None:
        if "''" in text:
            self._runs += [(self._length + a, self._length + b) for a, b in apostrophe_runs(text)]
        self.add(text, source_start, -1, True)

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
        elif name in CONVERT_TEMPLATES:
            start, end = self._span_of(template)
            self.add(convert_text(template), start, end, False)
        elif name == "val":
            start, end = self._span_of(template)
            self.add(val_text(template), start, end, False)

    def _add_wikilink(self, link: Wikilink) -> None:
        title = str(link.title)
        escaped = title.lstrip().startswith(":")  # [[:Category:Foo]] is a visible link
        if not escaped and is_file_or_category_link(title):
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
        if tag.wiki_markup is None and name in TRANSPARENT_TAGS:  # is_inline_markup(tag)
            if not tag.self_closing:
                start = self._length
                self.add_code(tag.contents)
                if name in _ITALIC_TAGS:
                    self._italic.append((start, self._length))
                elif name in _BOLD_TAGS:
                    self._bold.append((start, self._length))
                elif name in _LITERAL_TAGS:
                    self._literal.append((start, self._length))
        elif name == "nowiki" and not tag.self_closing:
            start, end = self._span_of(tag.contents)
            self._literal.append((self._length, self._length + end - start))
            self.add(str(tag.contents), start, end, True)
        elif name == "br":
            start, end = self._span_of(tag)
            self.add(" ", start, end, False)


def is_inline_markup(tag: Tag) -> bool:
    """An HTML tag whose contents are running text (bold and italic are text: see above)."""
    return tag.wiki_markup is None and str(tag.tag).strip().lower() in TRANSPARENT_TAGS


def _union(spans: list[Span]) -> list[Span]:
    """Sorted, disjoint, non-empty union of spans."""
    if not spans:
        return []  # the common case, without merge's sort
    return merge(span for span in spans if span[0] != span[1])


def _cut(
    text: str,
    segments: list[Segment],
    cuts: list[Span],
    styles: tuple[list[Span], list[Span], list[Span]],
) -> ProseView:
    """The view of *text* without the sorted, disjoint prose ranges *cuts*, which lie
    inside verbatim segments; the italic, bold and literal *styles* move with the text."""
    kept: list[str] = []
    kept_segments: list[Segment] = []
    ends = [*(segment.prose_start for segment in segments[1:]), len(text)]
    removed = 0
    cut = 0
    for segment, end in zip(segments, ends, strict=True):
        position = segment.prose_start
        while cut < len(cuts) and cuts[cut][0] < end:
            cut_start, cut_end = cuts[cut]
            if cut_start > position:
                source = segment.source_start + position - segment.prose_start
                kept_segments.append(Segment(position - removed, source, -1, True))
                kept.append(text[position:cut_start])
            removed += cut_end - cut_start
            position = cut_end
            cut += 1
        if position < end:
            source = segment.source_start
            if segment.verbatim:
                source += position - segment.prose_start
            kept_segments.append(
                Segment(position - removed, source, segment.source_end, segment.verbatim)
            )
            kept.append(text[position:end])
    cut_ends = [end for _, end in cuts]
    shifts = [0, *accumulate(end - start for start, end in cuts)]

    def moved(spans: list[Span]) -> list[Span]:
        return _union(
            [
                (start - shifts[bisect_right(cut_ends, start)],
                 end - shifts[bisect_right(cut_ends, end)])
                for start, end in spans
            ]
        )  # fmt: skip

    return ProseView("".join(kept), kept_segments, *(moved(spans) for spans in styles))


def convert_text(template: Template) -> str:
    """The value(s) and unit ``{{convert}}`` shows first: ``2–4 cm``, ``5 to 10 km``;
    nothing when a value is itself markup (``{{#expr:...}}``), which only renders."""
    values = [_plain(param.value) for param in template.params if not param.showkey]
    if None in values:
        return ""
    if len(values) >= 4 and values[1] in _CONVERT_RANGES:
        return f"{values[0]}{_CONVERT_RANGES[values[1]]}{values[2]} {values[3]}"
    return " ".join(value for value in values[:2] if value)


def val_text(template: Template) -> str:
    """What ``{{val}}`` shows, plainly: ``{{val|1.5|e=10|u=MeV}}`` is ``1.5×10^10 MeV``;
    nothing when a part is itself markup."""
    parts = {
        name: _plain(template.get(name).value) if template.has(name) else ""
        for name in ("1", "e", "u", "ul")
    }
    if None in parts.values():
        return ""
    number, exponent, unit = parts["1"] or "", parts["e"], parts["u"] or parts["ul"]
    if exponent:
        number = f"{number}×10^{exponent}" if number else f"10^{exponent}"
    return f"{number} {unit}" if number and unit else number


def _plain(code: Wikicode) -> str | None:
    """The text of a template value without its comments, or ``None`` if it holds markup."""
    texts = []
    for node in code.nodes:
        if isinstance(node, Text):
            texts.append(node.value)
        elif not isinstance(node, Comment):
            return None
    return "".join(texts).strip()


def template_name(template: Template) -> str:
    """A template's name as MediaWiki resolves it: first letter case-insensitive."""
    name = " ".join(str(template.name).replace("_", " ").split())
    return name[:1].lower() + name[1:]
