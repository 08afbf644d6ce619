"""WL416 obsolete-attribute: a presentational HTML attribute such as ``bgcolor=``."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.tag_attributes import attributed_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_CELLS = ("td", "th")
_ROWS = ("tr", "tbody", "thead", "tfoot")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Attributes the HTML standard lists as obsolete (section "Obsolete features"), by the
#: tags MediaWiki's sanitizer lets them on.
OBSOLETE_ATTRIBUTES: dict[str, frozenset[str]] = {
    name: frozenset(tags)
    for name, tags in {
        "align": ("table", "caption", "div", "p", "hr", *_CELLS, *_ROWS, *_HEADINGS),
        "bgcolor": ("table", *_CELLS, *_ROWS),
        "border": ("table",),
        "cellpadding": ("table",),
        "cellspacing": ("table",),
        "frame": ("table",),
        "rules": ("table",),
        "summary": ("table",),
        "width": ("table", "hr", "pre", *_CELLS),
        "height": (*_CELLS, "tr"),
        "valign": (*_CELLS, *_ROWS),
        "nowrap": _CELLS,
        "abbr": ("td",),
        "axis": _CELLS,
        "scope": ("td",),
        "char": (*_CELLS, *_ROWS),
        "charoff": (*_CELLS, *_ROWS),
        "clear": ("br",),
        "noshade": ("hr",),
        "size": ("hr",),
        "compact": ("ul", "ol", "dl"),
        "type": ("ul",),
    }.items()
}


class ObsoleteAttribute(Rule):
    code = "WL416"
    name = "obsolete-attribute"
    severity = Severity.INFO
    enabled_by_default = False
    summary = "A presentational HTML attribute that HTML5 made obsolete, such as bgcolor=."
    docs = RuleDocs(
        what="An attribute the HTML standard lists as obsolete, on a literal HTML tag or on "
        "wikitext table markup: `align=`, `bgcolor=`, `border=`, `cellpadding=`, "
        "`cellspacing=`, `width=` and `valign=` on tables, rows and cells, `clear=` on "
        "`<br>`, and the others of the standard's list.",
        why="Browsers still honour most of them, but they mix presentation into the markup, "
        "clash with the skins' and dark mode's CSS and with `class=\"wikitable\"`, and "
        "editors are asked to replace them with `style=` or a class (npm wikilint reports "
        "them as obsolete attributes).",
        bad='{| border="1" cellpadding="2"\n|- bgcolor="#eeeeee"\n| align="center" | 1\n|}\n',
        good='{| class="wikitable"\n|- style="background:#eeeeee"\n'
        '| style="text-align:center" | 1\n|}\n',
        notes="The finding spans the attribute, name and value. Attributes in templates are "
        "not the page's own markup and are left out. Parsoid 1.39 has no Linter category "
        "for them. No fix: the CSS equivalent has to be merged into any `style=` already "
        "there, and `border=` and `cellpadding=` have none on the table alone. Off by "
        "default (`--select WL416`): old tables carry one per cell.",
        precision="Shared corpus (en, intl, en-extra; 482 articles), 2026-12-01: 2,650 "
        "findings in 54 articles, each an attribute of the standard's obsolete list where "
        "it stands (by design: no judgement involved); 1,370 are `align=` on cells.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for tag in attributed_tags(article):
            for attribute in tag.attributes:
                if tag.element in OBSOLETE_ATTRIBUTES.get(attribute.name, ()):
                    yield self.finding(
                        article,
                        attribute.start,
                        attribute.end,
                        f"{attribute.name}= on <{tag.element}> is obsolete: use CSS",
                    )
