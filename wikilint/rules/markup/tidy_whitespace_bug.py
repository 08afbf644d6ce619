"""WL426 tidy-whitespace-bug: a nowrap element ending in a space, in a long unbreakable run."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.cell_paragraphs import CellParagraphs
from wikilint.analysis.html_tags import HtmlTag, html_tags
from wikilint.analysis.html_tree import has_nowrap_css, line_start, parents, quote_between
from wikilint.analysis.rendered_text import WHITESPACE, RenderedText
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Parsoid's ``SiteConfig::tidyWhitespaceBugMaxLength()`` (MediaWiki 1.39 keeps the
#: default): a run shorter than this, in UTF-8 bytes, is left alone.
MAX_LENGTH = 100
#: How far back a run is read: bounds the work on a long line.
_LOOK_BACK = 4096
#: Inline elements that end a run: they break the line.
_LINE_BREAKS = frozenset({"br", "wbr"})
_MESSAGE = "a nowrap element ends in a space that HTML5, unlike Tidy, keeps inside it"


class TidyWhitespaceBug(Rule):
    code = "WL426"
    name = "tidy-whitespace-bug"
    severity = Severity.ERROR
    linter_category = "tidy-whitespace-bug"
    summary = "A nowrap element ending in a space, in a run of text too long to break."
    docs = RuleDocs(
        what="An element styled not to wrap (a `style` holding `nowrap`, or the class "
        "`nowrap`) whose text ends in a space, followed at once by more text, in a run of "
        f"at least {MAX_LENGTH} bytes (UTF-8) that holds no other space: "
        '`<span class="nowrap">12 June </span><span class="nowrap">1990 </span>...`.',
        why="Tidy, which MediaWiki once ran on every page, moved the space after the "
        "element, where the browser could break the line; the HTML5 parser that replaced "
        "it keeps the space inside, the run cannot break, and it overflows narrow screens. "
        "Parsoid's Linter files it as tidy-whitespace-bug (high priority).",
        bad='<span class="nowrap">' + "Kilimanjaro" * 9 + " </span>National Park\n",
        good='<span class="nowrap">' + "Kilimanjaro" * 9 + "</span> National Park\n",
        notes="The finding spans the element, from its start tag to its end tag, as "
        "Parsoid's dsr does; each element of a run that ends in a space and is followed "
        "without one gets its own finding. A run ends at a space outside nowrap elements, "
        "a line break, `<br>`, a block element, or the end of the element holding it; "
        f"the {MAX_LENGTH}-byte threshold is Parsoid's `tidyWhitespaceBugMaxLength` "
        "default, which MediaWiki keeps. Templates such as `{{nowrap|...}}` set the class "
        "in their output and cannot be decided from the page, nor can a run through a "
        "template or an extension tag (a `<ref>` counts as its mark, `[1]`), nor an element "
        "after bold or italic marks on its line; tags in templates, comments and "
        "`<nowiki>` are not the page's own markup. To fix, move the space after the end "
        "tag. https://www.mediawiki.org/wiki/Help:Lint_errors/tidy-whitespace-bug",
        precision="No finding on the shared corpus (2026-12-01); every generated case "
        "matches Parsoid 1.39 span for span (tests/rules/cases/WL426.toml).",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        if "nowrap" not in article.source:
            return
        runs = _Runs(article)
        for index in runs.candidates():
            if index not in runs.done and runs.ends_in_space(index):
                for member in runs.lints(index):
                    start, end = tag_span(runs.tags, member)
                    yield self.finding(article, start, end, _MESSAGE)


def tag_span(tags: list[HtmlTag], index: int) -> tuple[int, int]:
    """From the start tag *index* to the end of its end tag."""
    partner = tags[index].partner
    assert partner is not None
    return tags[index].start, tags[partner].end


class _Runs:
    """Parsoid's ``logTidyWhitespaceBug`` on the page's text: runs of siblings without a
    space (nowrap elements count whole), each read once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self.tags = html_tags(article)
        self.parents = parents(article)
        self.text = RenderedText(article)
        self.cells = CellParagraphs(article)
        self.done: set[int] = set()
        self._nowrap: dict[int, bool] = {}

    def candidates(self) -> list[int]:
        """The nowrap elements whose source ends in a space or a comment before the end
        tag: all that may end in a space, found without reading pieces."""
        found = []
        for index, tag in enumerate(self.tags):
            if tag.partner is None or tag.closing:
                continue
            end = self.tags[tag.partner].start
            last = self.source[end - 1 : end]
            if (last in WHITESPACE or last == ">") and self.is_nowrap(index):
                found.append(index)
        return found

    def is_nowrap(self, index: int) -> bool:
        """A closed inline element asking for nowrap."""
        known = self._nowrap.get(index)
        if known is None:
            tag = self.tags[index]
            known = (
                not tag.closing
                and tag.partner is not None
                and tag.cut is None
                and tag.name not in RenderedText.BLOCKS
                and "nowrap" in self.source[tag.start : tag.end]
                and has_nowrap_css(self.source, tag)
            )
            self._nowrap[index] = known
        return known

    def ends_in_space(self, index: int) -> bool:
        """Whether the element's last child, comments aside, is text ending in a space."""
        if self._cut(index) is not None:
            return False  # its last child is a paragraph, or it ends at its line's end
        partner = self.tags[index].partner
        assert partner is not None  # the elements of a run are closed
        end = self.text.before_comments(self.tags[partner].start)
        return end > self.tags[index].end and self.source[end - 1] in WHITESPACE

    def _length(self, index: int) -> int | None:
        """The UTF-8 length of the text of element *index*."""
        return self.text.utf8_length(self.tags[index].end, tag_span(self.tags, index)[1])

    def _low(self, index: int) -> int:
        """How far back the run of element *index* is read: its line, within bounds."""
        start = self.tags[index].start
        return max(line_start(self.article, start), start - _LOOK_BACK)

    def _cut(self, index: int) -> int | None:
        """Where the element ends when a line break in it ends the run: a paragraph in it
        takes the rest of its block, or its list item or heading ends at the line's end."""
        if self.cells.context(index) in ("list", "heading"):
            tag = self.tags[index]
            line_end = self.source.find("\n", tag.end, tag_span(self.tags, index)[1])
            return None if line_end < 0 else line_end
        return self.cells.rest_end(index)

    def _ends_cell(self, first: int, offset: int) -> bool:
        """Whether the line break at *offset* ends the table cell the run is in."""
        return (
            self.source.startswith("\n", offset)
            and self.cells.context(first) == "cell"
            and self.cells.end(offset) == offset
        )

    def lints(self, index: int) -> list[int]:
        """The elements of the run that starts at nowrap element *index* that Parsoid
        lints: those ending in a space and followed by something that does not start with
        one, when the run is at least :data:`MAX_LENGTH` bytes long."""
        start = self.tags[index].start
        if quote_between(self.article, line_start(self.article, start), start):
            return []  # maybe in italics or bold, whose element the run does not leave
        forward = self._forward(index)
        if forward is None:
            return []
        length, linted = forward
        if not linted:
            return []
        backward = self._backward(index)
        if backward is None or length + backward < MAX_LENGTH:
            return []
        return linted

    def _forward(self, first: int) -> tuple[int, list[int]] | None:
        """The run's length from *first* on, and its elements to lint; ``None`` when a
        template or an extension tag decides it."""
        parent = self.parents[first]
        length = 0
        linted: list[int] = []
        pending: int | None = None  # an element ending in a space, awaiting its sibling
        entered = 0  # inline elements entered since
        pieces = self.text.pieces(self.tags[first].start)
        while (piece := next(pieces, None)) is not None:
            if piece.kind in ("comment", "quote"):
                continue
            if piece.kind == "opaque":
                return None
            if piece.kind == "tag":
                index = piece.index
                tag = self.tags[index]
                if tag.closing:
                    if tag.partner is not None and tag.partner < first:
                        break  # the end of the element holding the run
                    if pending is not None and entered:
                        linted.append(pending)  # an empty element follows
                        pending = None
                    continue
                if tag.name in RenderedText.BLOCKS or tag.name in _LINE_BREAKS:
                    break
                if self.parents[index] == parent and self.is_nowrap(index):
                    if pending is not None:
                        linted.append(pending)
                        pending = None
                    self.done.add(index)
                    cut = self._cut(index)
                    if cut is not None:  # a paragraph in it, or its line's end, ends the run
                        bytes_ = self.text.utf8_length(tag.end, cut)
                        return None if bytes_ is None else (length + bytes_, linted)
                    bytes_ = self._length(index)
                    if bytes_ is None:
                        return None
                    length += bytes_
                    if self.ends_in_space(index):
                        pending = index
                    pieces = self.text.pieces(tag_span(self.tags, index)[1])
                    entered = 0
                else:
                    entered += 1
                continue
            if piece.kind == "stop":
                break
            text = piece.text
            if pending is not None:
                if not text or text[0] not in WHITESPACE or self._ends_cell(first, piece.start):
                    linted.append(pending)  # a cell's final line break leaves an empty text
                pending = None
            space = next((at for at, char in enumerate(text) if char in WHITESPACE), None)
            if space is not None:
                length += _bytes(text[:space])
                break
            length += _bytes(text)
        return length, linted

    def _backward(self, first: int) -> int | None:
        """The run's length before nowrap element *first*, up to :data:`MAX_LENGTH`."""
        start = self.tags[first].start
        low = max(self._low(first), self.text.footnote_start(start))
        parent = self.parents[first]
        if parent is not None:
            low = max(low, self.tags[parent].end)
        pieces = list(self.text.pieces(low, start))
        length = 0
        skip_to: int | None = None  # the start tag of a nowrap element counted whole
        # Parsoid reads back through a <br> (it has no text) as through text: the nowrap
        # elements before it belong to an earlier run, and count only to their last space.
        line_broken = False
        for piece in reversed(pieces):
            if skip_to is not None:
                if piece.kind == "tag" and piece.index == skip_to:
                    skip_to = None
                continue
            if piece.kind in ("comment", "quote"):
                continue
            if piece.kind == "opaque":
                return None
            if piece.kind == "stop":
                break
            if piece.kind == "tag":
                tag = self.tags[piece.index]
                if tag.name in RenderedText.BLOCKS:
                    break
                line_broken = line_broken or tag.name in _LINE_BREAKS
                opener = tag.partner if tag.closing and not line_broken else None
                if opener is not None and self.parents[opener] == parent and self.is_nowrap(opener):
                    bytes_ = self._length(opener)
                    if bytes_ is None:
                        return None
                    length += bytes_
                    skip_to = opener
                continue
            text = piece.text
            space = next(
                (at for at in range(len(text) - 1, -1, -1) if text[at] in WHITESPACE), None
            )
            if space is not None:
                return length + _bytes(text[space + 1 :])
            length += _bytes(text)
            if length >= MAX_LENGTH:
                break
        return length


def _bytes(text: str) -> int:
    """Parsoid measures with PHP's ``strlen``: UTF-8 bytes."""
    return len(text.encode("utf-8", "surrogatepass"))
