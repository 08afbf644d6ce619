"""WL428 invalid-attribute: an HTML attribute that MediaWiki's sanitizer drops."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

from wikilint.analysis.allowed_attributes import (
    DATA_FILE,
    allowed_attributes,
    is_attribute_name,
    is_free,
    is_reserved,
)
from wikilint.analysis.tag_attributes import AttributedTag, TagAttribute, attributed_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Microdata attributes dropped from a tag without ``itemscope``.
_SCOPED = frozenset({"itemtype", "itemid", "itemref"})


class InvalidAttribute(Rule):
    code = "WL428"
    name = "invalid-attribute"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "An HTML attribute that MediaWiki drops: unknown, garbled, reserved or repeated."
    docs = RuleDocs(
        what="An attribute, on a literal HTML tag or on wikitext table markup (`{|`, `|-`, "
        "`|`, `!`, `|+`), that MediaWiki's sanitizer removes: a name the element does not "
        "take (`<span foo=x>`, `<div onclick=...>`: event handlers never pass), text that "
        'is no attribute name (`<span style="a" "b">`, the `|` of `<td colspan=2 | x>`), '
        "a `data-mw`, `data-ooui` or `data-parsoid` name (reserved for MediaWiki's own "
        "code), an attribute given twice in one tag (the last one wins), `tabindex=` other "
        "than 0, and `itemtype=`, `itemid=` or `itemref=` without `itemscope`.",
        why="The attribute does nothing: the reader sees the page as if it were not there, "
        "while the editor expects its effect (a class, a style, a cell's span). In a table "
        "cell, text before the cell's `|` is read as attributes and vanishes. npm wikilint "
        "reports the same as illegal attributes.",
        bad='<span class="a" class="b" onclick="f()">text</span>\n'
        '{| class="wikitable" textalign="center"\n| rowspan=2 colspn=2 | 5\n|}\n',
        good='<span class="a b">text</span>\n'
        '{| class="wikitable" style="text-align:center"\n| rowspan=2 colspan=2 | 5\n|}\n',
        notes="What each element keeps is MediaWiki's own table (`Sanitizer.php`, "
        "`setupAttributesAllowedInternal`), stored in `wikilint/data/html_attributes.toml`: "
        "the common attributes (`id`, `class`, `style`, `lang`, `dir`, `title`, ARIA, RDFa "
        "such as `property=` and `typeof=`, microdata such as `itemprop=`) on every element, "
        "`data-*` on every element, and the element's own (`colspan=` on cells, `cite=` on "
        "`<q>`...). Extension tags (`<ref>`, `<gallery>`, `<syntaxhighlight>`, `<math>`, "
        "`<templatestyles>`...) take their own attributes and are not checked, nor are "
        "attributes in templates, template arguments and comments. `data-_x` is not "
        "reported: the legacy parser drops it, Parsoid keeps it. The finding spans the "
        "attribute, name and value; a repeated one points to the one that wins. Parsoid "
        "1.39 has no Linter category for it.",
        fix="Safe: the attribute is deleted, with the spaces before it. MediaWiki drops it "
        "anyway, so the page renders the same. Not offered for bare words on wikitext "
        "table markup (`| Width | 5`): they are usually text meant for the cell, and "
        "whether to keep them needs a reader.",
        precision="Shared corpus (en, intl, en-extra; 482 articles), read 2026-12-01: 29 "
        "findings in 10 articles, all 29 attributes MediaWiki drops (each shape checked "
        "against Parsoid's HTML): text before a cell's or row's `|` (`|-CAR 1`, `|-27,2`, "
        "`!rowspan=23 width:150|`, an anchor `<span id=...>` read as a cell's attributes), "
        "`textalign=`, `valign=` on a table, `align=` on `<center>`, a stray `|` in a tag, "
        "a style quoted with `&quot;` and a repeated `align=`: 100%.",
    )

    @classmethod
    def input_files(cls) -> tuple[Path, ...]:
        return (DATA_FILE,)

    def check(self, article: Article) -> Iterator[Finding]:
        allowed = allowed_attributes()
        for tag in attributed_tags(article):  # only elements of the table
            yield from self._check_tag(article, tag, allowed[tag.element])

    def _check_tag(
        self, article: Article, tag: AttributedTag, allowed: frozenset[str]
    ) -> Iterator[Finding]:
        names = {attribute.name for attribute in tag.attributes}
        last = {attribute.name: attribute for attribute in tag.attributes}
        for attribute in tag.attributes:
            related: list[tuple[int, int, str]] = []
            problem = _problem(tag.element, attribute, allowed, names)
            if problem is None and last[attribute.name] is not attribute:
                winner = last[attribute.name]
                problem = (
                    f"{attribute.written}= is given again later in the tag: this one is dropped"
                )
                related.append((winner.start, winner.end, "the one used"))
            if problem is not None:
                yield self.finding(
                    article,
                    attribute.start,
                    attribute.end,
                    problem,
                    related=related,
                    fix=_deletion(article, tag, attribute),
                )


def _problem(
    element: str, attribute: TagAttribute, allowed: frozenset[str], names: set[str]
) -> str | None:
    """Why the sanitizer drops *attribute* whatever else the tag holds; ``None`` if it
    keeps it."""
    name = attribute.name
    if not is_attribute_name(name):
        return "stray text in the tag: MediaWiki drops it"
    if is_reserved(name):
        return f"{name}= is reserved for MediaWiki's own code: it is dropped"
    if name not in allowed and not is_free(name):
        written = attribute.written
        shown = f"{written}=" if attribute.value is not None else f'"{written}"'
        return f"{shown} is not an attribute of <{element}>: MediaWiki drops it"
    if name == "tabindex" and _decoded(attribute.value) != "0":
        return "tabindex= other than 0 is dropped"
    if name in _SCOPED and "itemscope" not in names:
        return f"{name}= without itemscope is dropped"
    return None


def _decoded(value: str | None) -> str:
    return " ".join(html.unescape(value or "").split())


def _deletion(article: Article, tag: AttributedTag, attribute: TagAttribute) -> Fix | None:
    """Delete the attribute and the spaces before it; none for a bare word on wikitext
    table markup, which is likely the cell's text."""
    if tag.wiki_markup and attribute.value is None:
        return None
    source, start = article.source, attribute.start
    while start and source[start - 1] in " \t":  # walks back over the spaces alone
        start -= 1
    return Fix((Edit(start, attribute.end, ""),), Applicability.SAFE, "delete the attribute")
