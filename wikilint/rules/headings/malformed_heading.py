"""WL207 malformed-heading: a line meant as a heading that MediaWiki does not render as one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mwparserfromhell.nodes import Comment, Heading, Node, Text

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class MalformedHeading(Rule):
    code = "WL207"
    name = "malformed-heading"
    severity = Severity.ERROR
    summary = "A line starting with `=` is not a well-formed heading."
    docs = RuleDocs(
        what="A line that starts with `=` but is not a heading (`==History`, or text after the "
        "closing signs as in `==History==.`), or a heading with unbalanced signs "
        "(`== History =`).",
        why="MediaWiki renders such a line as plain text with the equals signs showing, or "
        "as a heading of the wrong level with a stray `=` in its title (CheckWiki errors 8 "
        "and 103).",
        bad="Intro.\n\n==History==.\nText.\n",
        good="Intro.\n\n== History == <!-- comment -->\nText.\n\nx = y in a sentence.\n",
        notes="Only lines at the top level are checked: `=` at the start of a template "
        "parameter, a table cell or `<math>` is not a heading.",
        precision="0/0: no findings on the shared corpus (en, en-extra, intl), 2026-12-01; "
        "its cases pin each malformed shape",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        nodes = article.tree.nodes
        for number, node in enumerate(nodes):
            if isinstance(node, Heading):
                following = (nodes[later] for later in range(number + 1, len(nodes)))
                yield from self._check_heading(article, node, following)
            elif isinstance(node, Text):
                yield from self._check_text(article, node)

    def _check_heading(
        self, article: Article, heading: Heading, rest: Iterable[Node]
    ) -> Iterator[Finding]:
        start, end = article.span(heading)
        title = str(heading.title)
        if title.startswith("=") or title.rstrip().endswith("="):
            yield self.finding(
                article, start, end, "unbalanced '=' signs: the heading level and title are wrong"
            )
            return
        for node in rest:
            if isinstance(node, Comment):
                continue
            text = str(node).split("\n", 1)[0] if isinstance(node, Text) else str(node)
            if text.strip():
                line_end = _line_end(article.source, end)
                yield self.finding(
                    article,
                    start,
                    line_end,
                    "text after the closing '=' signs: this line is not rendered as a heading",
                )
            if text.strip() or (isinstance(node, Text) and "\n" in node.value):
                return

    def _check_text(self, article: Article, node: Text) -> Iterator[Finding]:
        value = node.value
        if "=" not in value:
            return
        start = article.span(node)[0]
        source = article.source
        for offset in _line_starts_with_equals(value, start == 0 or source[start - 1] == "\n"):
            line_start = start + offset
            yield self.finding(
                article,
                line_start,
                _line_end(source, line_start),
                "line starts with '=' but is not a heading",
            )


def _line_starts_with_equals(value: str, at_line_start: bool) -> Iterator[int]:
    """Offsets in *value* of the lines that start with ``=``."""
    if at_line_start and value.startswith("="):
        yield 0
    found = value.find("\n=")
    while found >= 0:
        yield found + 1
        found = value.find("\n=", found + 1)


def _line_end(source: str, offset: int) -> int:
    end = source.find("\n", offset)
    return len(source) if end < 0 else end
