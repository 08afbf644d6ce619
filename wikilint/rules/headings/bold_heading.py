"""WL204 bold-heading: bold markup inside a section heading."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Heading, Text

from wikilint.document.article import Article
from wikilint.document.emphasis import marks
from wikilint.document.names import tag_name
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

_BOLD_TAGS = frozenset({"b", "strong"})
#: Stands in for the title's markup: neither an apostrophe nor a space.
_HIDDEN = "\x00"


class BoldHeading(Rule):
    code = "WL204"
    name = "bold-heading"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "A section heading holds bold markup."
    docs = RuleDocs(
        what="Bold markup (`'''`, `<b>`, `<strong>`) inside a section heading.",
        why="Headings are styled by the skin; extra bold adds nothing visible on most skins "
        "and makes the heading render inconsistently (MOS:HEADINGS, CheckWiki error 44).",
        bad="Intro.\n\n== '''History''' ==\nText.\n",
        good="Intro.\n\n== History ==\nText with '''bold''' words.\n",
        fix="Safe: the fix removes only the bold markers (`'''`, `<b>`, `<strong>`) and "
        "keeps every word; a heading renders bold anyway, so the reader sees the same words.",
        precision="1/1 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for heading in article.nodes(Heading, recursive=False):
            for tag in heading.title.filter_tags(recursive=True):
                if tag_name(tag) in _BOLD_TAGS:
                    start, end = article.span(tag)
                    contents = "" if tag.self_closing else str(tag.contents)
                    yield self._finding(article, start, end, contents)
            yield from self._bold_quotes(article, heading)

    def _bold_quotes(self, article: Article, heading: Heading) -> Iterator[Finding]:
        """``'''`` in the title's own text, paired as MediaWiki pairs them."""
        title_start, title_end = article.span(heading.title)
        if "'''" not in article.source[title_start:title_end]:
            return
        line = "".join(
            node.value if isinstance(node, Text) else _HIDDEN * len(str(node))
            for node in heading.title.nodes
        )
        bolds = [mark for mark in marks(line) if mark.bold]
        for pair in (bolds[number : number + 2] for number in range(0, len(bolds), 2)):
            start = _run_start(line, pair[0].start)
            end = pair[1].end if len(pair) == 2 else len(line)
            text = article.source[title_start + start : title_start + end]
            for mark in reversed(pair):
                run = _run_start(line, mark.start) - start
                text = text[:run] + _unbold(text[run : mark.end - start]) + text[mark.end - start :]
            yield self._finding(article, title_start + start, title_start + end, text)

    def _finding(self, article: Article, start: int, end: int, replacement: str) -> Finding:
        fix = Fix((Edit(start, end, replacement),), Applicability.SAFE, "remove the bold")
        return self.finding(article, start, end, "bold markup in a heading", fix=fix)


def _run_start(line: str, offset: int) -> int:
    """Where the run of apostrophes holding *offset* starts."""
    while offset and line[offset - 1] == "'":
        offset -= 1
    return offset


def _unbold(run: str) -> str:
    """A run of apostrophes without its bold (its last three), read as before otherwise.

    The apostrophes that MediaWiki shows as text (the first of four, all but five of a
    longer run) are written ``&#39;`` when the rest would join them into new markup:
    six apostrophes (one shown, then bold italic) become ``&#39;''``, not three, which
    would be bold again.
    """
    shown = 1 if len(run) == 4 else max(0, len(run) - 5)
    kept = len(run) - shown - 3
    if shown and shown + kept >= 2:
        return "&#39;" * shown + "'" * kept
    return "'" * (shown + kept)
