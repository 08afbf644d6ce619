"""WL421 tidy-font-bug: a ``<font color=…>`` around a single link, whose colour Tidy gave the
link."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mwparserfromhell.nodes import ExternalLink, Wikilink

from wikilint.analysis.html_tags import HtmlTag, html_tags, in_foreign
from wikilint.document.article import Article
from wikilint.document.namespaces import is_category_link, is_file_link
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_COLOR = re.compile(r"\scolor\b", re.IGNORECASE)
#: What renders nothing inside the ``<font>``: comments and behaviour switches (category links
#: are looked up among the links).
_TRANSPARENT = re.compile(r"(?:<!--.*?(?:-->|\Z)|__[A-Z]+__)*", re.DOTALL)
#: What ends the block of an unclosed font at its line's end: the text's end, a blank line, a
#: list item, a table cell or row.
_BLOCK_STARTS = frozenset({"", "\n", "*", "#", ":", ";", "|", "!"})
#: English's link trail: letters after ``]]`` that join the link.
_LINK_TRAIL = re.compile(r"[a-z]*")


class TidyFontBug(Rule):
    code = "WL421"
    name = "tidy-font-bug"
    severity = Severity.ERROR
    linter_category = "tidy-font-bug"
    summary = "A <font color=...> around a single link, which no longer colours the link."
    docs = RuleDocs(
        what="A `<font>` start tag with a `color` attribute whose whole content is one link "
        "(a wikilink with its link trail, or an external link), with nothing else but "
        "comments, behaviour switches and category links: `<font color=red>[[Foo]]</font>`.",
        why="Tidy, which MediaWiki once ran on every page, moved such a `<font>` inside the "
        "link, so the link took the font's colour; the HTML5 parser that replaced it does "
        "not, and the link is blue or red again. Parsoid's Linter files it as tidy-font-bug "
        "(high priority).",
        bad="<font color=green>[[Forest]]</font>\n",
        good='[[Forest|<span style="color:green">Forest</span>]]\n',
        notes="The finding spans the `<font>` start tag (the first `open width` characters "
        "of Parsoid's dsr). A space, text or a second link beside the link is not this "
        "error (Tidy left the font outside then); a file link renders no link. A `<font>` "
        "left open is read to the end of its line when a blank line, a list item or a table "
        "cell follows. Tags in "
        "templates, comments and `<nowiki>` are not the page's own markup. To keep the colour, "
        "put it inside the link's text, as above. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/tidy-font-bug",
        precision="No finding on the shared corpus (2026-12-01); 40/40 generated cases match "
        "Parsoid. Known difference: a stray end tag beside the link (dropped by the parser) "
        "hides the link from the rule.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        tags = html_tags(article)
        fonts = [
            tag
            for tag in tags
            if not tag.closing
            and tag.name == "font"
            and not in_foreign(article, tag.start, tag.end)
            and _COLOR.search(article.source, tag.start, tag.end)
        ]
        links = _links(article) if fonts else {}  # most articles have no coloured <font>
        for tag in fonts:
            end = _content_end(article.source, tag, tags)
            if end is not None and _one_link(article.source, links, tag.end, end):
                yield self.finding(
                    article, tag.start, tag.end, "the link's colour comes from Tidy, not <font>"
                )


def _links(article: Article) -> dict[int, tuple[int, bool]]:
    """Start -> (end with any link trail, whether it renders a link) of every wikilink and
    external link; a category link renders nothing where it stands, a file no link."""
    links: dict[int, tuple[int, bool]] = {}
    for link in article.nodes(ExternalLink):
        start, end = article.span(link)
        links[start] = (end, True)
    for wikilink in article.nodes(Wikilink):
        start, end = article.span(wikilink)
        title = str(wikilink.title).strip()
        if is_category_link(title):
            links[start] = (end, False)
        elif not is_file_link(title):  # a file renders no link: not looked up
            trail = _LINK_TRAIL.match(article.source, end)
            links[start] = (trail.end() if trail else end, True)
    return links


def _one_link(source: str, links: dict[int, tuple[int, bool]], start: int, end: int) -> bool:
    """Whether ``source[start:end]`` is one link among things that render nothing. Steps
    from item to item, each looked at once."""
    seen = 0
    position = start
    if start == end:
        return False
    while position < end:
        skipped = _TRANSPARENT.match(source, position, end)
        position = skipped.end() if skipped else position
        if position >= end:
            break
        item = links.get(position)
        if item is None or item[0] > end:
            return False
        position, renders = item
        seen += renders
    return seen <= 1 and position == end


def _content_end(source: str, tag: HtmlTag, tags: list[HtmlTag]) -> int | None:
    """Where the font's element ends: where its block was closed (before the line breaks),
    else its end tag, else its line's end when a block follows."""
    if tag.cut is not None:
        end = tag.cut
        while end > tag.end and source[end - 1] == "\n":
            end -= 1
        return end
    if tag.partner is not None:
        return tags[tag.partner].start
    line_end = source.find("\n", tag.end)
    if line_end < 0:
        return len(source)
    following = source[line_end + 1 : line_end + 2]
    return line_end if following in _BLOCK_STARTS else None
