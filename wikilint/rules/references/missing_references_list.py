"""WL301 missing-references-list: footnotes with no list to show them."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Comment, Node, Tag, Template, Text, Wikilink

from wikilint.analysis.footnotes import reference_list_languages, references_lists
from wikilint.document.article import Article
from wikilint.document.language import UNDETERMINED
from wikilint.document.language_data import language_data, shared_data
from wikilint.document.lines import count_line_breaks, line_break
from wikilint.document.names import named_templates, tag_name, tags_named
from wikilint.document.namespaces import is_category_link, is_interlanguage_link
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

_SECTION = "== References ==\n{{reflist}}\n"


class MissingReferencesList(Rule):
    code = "WL301"
    name = "missing-references-list"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE
    summary = "An article has footnotes but no references list."
    docs = RuleDocs(
        what="A `<ref>` (or `{{sfn}}`, `{{r}}`, `{{#tag:ref}}`) in an article that has no "
        "`<references />`, `{{reflist}}` or other references-list template. Reported at "
        "the first footnote.",
        why="MediaWiki then shows a Cite error at the bottom of the page or silently appends "
        "an unheaded list (CheckWiki error 3).",
        bad="Paris is the capital.<ref>Atlas, p. 4.</ref>\n",
        good="Paris is the capital.<ref>Atlas, p. 4.</ref>\n\n== References ==\n{{Reflist}}\n",
        notes="Knows the list templates of en, af, bn, de, el, es, fr, hy, it, ja, mr, nl, nn, "
        "no, pl, pt, ru, sv, uk, vi and zh (and any template whose name contains `reflist`); "
        "articles in other languages are skipped.",
        fix="Unsafe, and offered for English articles only: it adds a `== References ==` "
        "section with `{{reflist}}` before Further reading or External links, else before the "
        "closing navboxes, categories and interlanguage links. The footnotes then render, but "
        "the article may have meant another list (a Notes section, a references group, an "
        "empty section awaiting a template), and the new section changes the outline.",
        precision="2/2 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        if article.language not in (None, UNDETERMINED, *reference_list_languages()):
            return  # its list templates are unknown
        if references_lists(article):
            return
        first = [article.span(tag) for tag in tags_named(article, "ref")[:1]]
        first += [
            article.span(template)
            for name, template in named_templates(article)
            if name in shared_data().footnote_templates
        ][:1]
        if not first:
            return
        start, end = min(first)
        fix = None
        if article.language in (None, UNDETERMINED, "en"):
            fix = Fix(
                (_insertion(article),),
                Applicability.UNSAFE,
                "add a References section with {{reflist}}",
            )
        yield self.finding(
            article,
            start,
            end,
            "footnotes are used but there is no references list: add <references /> or {{reflist}}",
            fix=fix,
        )


def _insertion(article: Article) -> Edit:
    """An edit inserting a References section, in the article's line breaks."""
    offset, text = _placement(article)
    return Edit(offset, offset, text.replace("\n", line_break(article.source)))


def _placement(article: Article) -> tuple[int, str]:
    """Where a References section conventionally goes, and its text with the blank
    lines around it."""
    after_references = language_data("en").sections.external_links  # MOS:ORDER
    for section in article.sections[1:]:
        if section.level == 2 and section.title.casefold() in after_references:
            assert section.heading is not None
            return section.heading[0], _SECTION + "\n"
    source = article.source
    offset = _end_matter(article)
    if offset < len(source):
        return offset, _SECTION + "\n"
    if not source.strip():
        return offset, _SECTION
    trailing = count_line_breaks(source[len(source.rstrip("\r\n")) :])
    return offset, "\n" * (2 - trailing) + _SECTION


def _end_matter(article: Article) -> int:
    """Start of the line where the trailing navboxes, categories and links begin."""
    offset = len(article.source)
    for node in reversed(article.tree.nodes):
        if not _is_end_matter(node):
            break
        start = article.span(node)[0]
        if isinstance(node, Text) or (start and article.source[start - 1] != "\n"):
            continue
        offset = start
    return offset


def _is_end_matter(node: Node) -> bool:
    if isinstance(node, Text):
        return not node.value.strip()
    if isinstance(node, Wikilink):
        title = str(node.title)
        return is_category_link(title) or is_interlanguage_link(title)
    return isinstance(node, Comment | Template) or (
        isinstance(node, Tag) and tag_name(node) == "br"
    )
