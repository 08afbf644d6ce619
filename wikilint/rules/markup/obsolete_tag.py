"""WL409 obsolete-tag: an HTML tag that HTML5 made obsolete, such as ``<center>``."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.html_tags import HtmlTag, html_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Parsoid's obsolete tags (``OlderHTMLTags`` without ``big``, which editors' toolbars insert).
OBSOLETE_TAGS = frozenset({"center", "font", "strike", "tt"})
#: What a bare (attribute-free) obsolete tag becomes: its opening tag and its name at the end.
_REPLACEMENTS = {
    "center": ('<div style="text-align:center">', "div"),
    "strike": ("<s>", "s"),
    "tt": ("<code>", "code"),
}


class ObsoleteTag(Rule):
    code = "WL409"
    name = "obsolete-tag"
    severity = Severity.INFO
    fix_safety = Applicability.UNSAFE
    linter_category = "obsolete-tag"
    summary = "An obsolete HTML tag such as <center>, <font>, <tt> or <strike>."
    docs = RuleDocs(
        what="A start tag of `<center>`, `<font>`, `<tt>` or `<strike>`: the tags Parsoid's "
        "Linter files as obsolete-tag (its list `OlderHTMLTags`, less `<big>`, which the "
        "editing toolbars still insert).",
        why="HTML5 dropped these tags; browsers still render them, but the styling belongs in "
        "CSS or in a semantic tag, and MediaWiki lists every page using them on "
        "Special:LintErrors (low priority).",
        bad="<center>Map of the region</center>\n\nRun <tt>make</tt>.\n",
        good='<div style="text-align:center">Map of the region</div>\n\nRun <code>make</code>.\n',
        notes="The finding spans the start tag (the first `open width` characters of Parsoid's "
        "dsr, which covers the whole element). Tags in templates, comments, `<nowiki>`, "
        "`<pre>` and other tags whose contents are not wikitext are not the page's own "
        "markup and are left out. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/obsolete-tag",
        fix='Unsafe: an attribute-free `<center>` becomes `<div style="text-align:center">`, '
        "`<strike>` becomes `<s>` and `<tt>` becomes `<code>`, with their end tags; whether "
        "`{{center}}`, `<del>` or `<kbd>` fits better needs a reader. `<font>` and tags with "
        "attributes are left to the editor.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 12 lints, 12 findings, recall and precision 12/12; en-extra (280) "
        "37/37 and 37/37. Known difference: a tag in a top-level `{{{1|...}}}` default, "
        "which Parsoid lints at the argument's span.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        tags = html_tags(article)
        for tag in tags:
            if tag.closing or tag.name not in OBSOLETE_TAGS:
                continue
            yield self.finding(
                article,
                tag.start,
                tag.end,
                f"<{tag.name}> is obsolete in HTML5",
                fix=_fix(article, tag, tags),
            )


def _fix(article: Article, tag: HtmlTag, tags: list[HtmlTag]) -> Fix | None:
    """The modern equivalent of a bare, paired obsolete tag."""
    replacement = _REPLACEMENTS.get(tag.name)
    bare = article.source[tag.start : tag.end].casefold() == f"<{tag.name}>"
    if replacement is None or not bare or tag.partner is None:
        return None
    end = tags[tag.partner]
    opening, name = replacement
    edits = (Edit(tag.start, tag.end, opening), Edit(end.start, end.end, f"</{name}>"))
    return Fix(edits, Applicability.UNSAFE, f"replace <{tag.name}> with {opening}")
