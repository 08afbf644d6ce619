"""WL419 multiple-unclosed-formatting-tags: formatting tags such as <small> opened twice and
never closed."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.html_tags import FORMATTING_TAGS, HtmlTag, html_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Tags of which two left open anywhere outside tables are reported (Parsoid's list).
_SIZE_TAGS = ("small", "big")


class MultipleUnclosedFormattingTags(Rule):
    code = "WL419"
    name = "multiple-unclosed-formatting-tags"
    severity = Severity.ERROR
    linter_category = "multiple-unclosed-formatting-tags"
    summary = "A formatting tag like <small> or <code> left open twice, as in <code>a<code>."
    docs = RuleDocs(
        what="Two start tags of one formatting element and no end tag for them: `<code>LF"
        "<code>` (a start tag typed for an end tag), or two `<small>` (or `<big>`) left "
        "open outside tables anywhere on the page.",
        why="HTML5 reopens unclosed formatting elements in every following paragraph, so the "
        "text to the end of the page can turn small or monospaced; the old Tidy cleaner "
        "read `<code>a<code>` as a closed pair. Parsoid's Linter files it as "
        "multiple-unclosed-formatting-tags (high priority); each tag is also a "
        "missing-end-tag (WL403 unclosed-tag).",
        bad="Windows uses <code>CRLF<code>, Unix <code>LF</code>.\n",
        good="Windows uses <code>CRLF</code>, Unix <code>LF</code>.\n",
        notes="The finding spans the first start tag. For `<small>` and `<big>` the two may "
        "be far apart; for the others the second must follow the first with only text "
        "between, not ending in a space. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/multiple-unclosed-formatting-tags",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 1 lint, 1 finding, recall and precision 1/1 (`<code>LF<code>`); "
        "en-extra (280) none.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        tags = html_tags(article)
        unclosed = [index for index, tag in enumerate(tags) if _unclosed(tag)]
        reported = set()
        for name in _SIZE_TAGS:
            found = [i for i in unclosed if tags[i].name == name and not tags[i].in_table]
            if len(found) > 1:
                reported.add(found[0])
        for index in unclosed:
            if index + 1 < len(tags) and _doubled(article, tags[index], tags[index + 1]):
                reported.add(index)
        for index in sorted(reported):
            tag = tags[index]
            message = f"<{tag.name}> is left open, and so is another <{tag.name}>"
            yield self.finding(article, tag.start, tag.end, message)


def _unclosed(tag: HtmlTag) -> bool:
    return (
        tag.name in FORMATTING_TAGS
        and not tag.closing
        and not tag.self_closing
        and tag.partner is None
    )


def _doubled(article: Article, tag: HtmlTag, following: HtmlTag) -> bool:
    """Whether *following* is an unclosed twin of *tag* after text not ending in a space."""
    between = article.source[tag.end : following.start]
    return (
        following.name == tag.name
        and _unclosed(following)
        and bool(between)
        and not between[-1].isspace()
    )
