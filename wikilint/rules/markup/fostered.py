"""WL422 fostered: content inside a table but outside every cell, which HTML moves out."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.tables import tables
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class Fostered(Rule):
    code = "WL422"
    name = "fostered"
    severity = Severity.WARNING
    linter_category = "fostered"
    summary = "Content inside a table but outside every cell, which HTML moves out before it."
    docs = RuleDocs(
        what="Text, a link, a heading, a `<br>` or any other content that stands inside a "
        "table (`{|` … `|}` or `<table>`) but in no cell or caption: on the `{|` table's own "
        "lines before the first `|-` or cell, after a `|-` before the row's first cell, "
        "or between the tags of an HTML table's rows and cells.",
        why="HTML allows only cells in a table: the browser's tree builder moves ('fosters') "
        "such content out, to just before the table, so it shows above the table and not "
        "where it was written. Parsoid's Linter files it as fostered (medium priority).",
        bad='{| class="wikitable"\nResults of 2020\n|-\n| Smith || 52%\n|}\n',
        good='{| class="wikitable"\n|+ Results of 2020\n|-\n| Smith || 52%\n|}\n',
        notes="The finding spans the whole table the content was moved out of, as Parsoid's "
        "dsr does; the message gives the line of the first such content. Lines after a cell "
        "or a caption belong to it, and nested tables are judged each on its own. "
        "Comments, category and interlanguage links, behaviour switches, "
        "`{{DEFAULTSORT:…}}`, `<includeonly>` and `<templatestyles>` render nothing there "
        "and are allowed. A template outside every cell (a template on its own line between "
        "rows may output rows) is not decidable from the page: such a table is not reported "
        "(on Wikipedia any lint of it names the template). "
        "No fix: the content may belong in a cell, in a caption (`|+`), before the table, "
        "or nowhere. https://www.mediawiki.org/wiki/Help:Lint_errors/fostered",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 1 lint, 1 finding, 1/1 and 1/1 (a title line after `|-`); en-extra "
        "(278) no lint of the page's own text (12 of template output: footer and row "
        "templates, left undecided), no finding. Generated tables: 1,199 of 1,200 agree.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for table in tables(article):
            if table.fostered is not None and not table.undecided:
                line = article.position(table.fostered)[0]
                yield self.finding(
                    article,
                    table.start,
                    table.end,
                    f"content on line {line} is outside every cell of this table: "
                    "HTML moves it out before the table",
                )
