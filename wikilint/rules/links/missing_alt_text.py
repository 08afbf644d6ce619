"""WL505 missing-alt-text: an embedded image without `alt=` text."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.file_links import file_links, params
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: The `alt=` option and its localized names (MediaWiki's `img_alt` magic word).
_ALT_KEYS = frozenset({"alt", "alternativtext", "代替文", "альт"})


class MissingAltText(Rule):
    code = "WL505"
    name = "missing-alt-text"
    severity = Severity.INFO
    summary = "An image has no alt= text."
    enabled_by_default = False
    docs = RuleDocs(
        what="An image embedded with `[[File:...]]` that has no `alt=` option.",
        why="Screen readers announce the alt text in place of the image; without it, blind "
        "readers get the file name or nothing (WP:ALT, MOS:ACCESS).",
        bad="[[File:Pear.jpg|thumb|A pear on a table]]\n",
        good="[[File:Pear.jpg|thumb|alt=A green pear lying on its side|A pear]]\n"
        "[[File:Divider.svg|link=]] (decorative: empty link)\n[[:File:Pear.jpg]]\n",
        notes="Decorative images (`link=` empty) and links to file pages (`[[:File:x]]`) "
        "are skipped. Images in `<gallery>` and infobox parameters are not file links and "
        "are not checked.",
        precision="Off by default: almost every image lacks alt text, so the rule is for "
        "accessibility sweeps rather than everyday linting.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for link in file_links(article):
            named = dict(_split(option.text) for option in params(article, link))
            if named.keys() & _ALT_KEYS or named.get("link") == "":
                continue
            start, end = article.span(link.title)
            yield self.finding(article, start, end, "image has no alt= text")


def _split(option: str) -> tuple[str, str]:
    """``(key, value)`` of a ``key=value`` option; other options have an empty key."""
    key, equals, value = option.partition("=")
    return (key.strip().casefold(), value.strip()) if equals else ("", option)
