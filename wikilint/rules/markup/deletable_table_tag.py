"""WL423 deletable-table-tag: a table started outside every cell of another, closing it."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.tables import Table, tables
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs


class DeletableTableTag(Rule):
    code = "WL423"
    name = "deletable-table-tag"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE
    linter_category = "deletable-table-tag"
    summary = "A table started outside every cell of another table, which it closes at once."
    docs = RuleDocs(
        what="A table start (`{|` or `<table>`) inside a table but in no cell: right after "
        "the `{|` line, after a `|-` before the row's first cell, or between an HTML "
        "table's rows. Usually a stray `{|` left by an edit. Also a table right after an "
        "HTML `<table>` that a wikitext `|}` closed (Parsoid takes its end as missing).",
        why="HTML has no table directly inside a table: the tree builder closes the first "
        "table where the second starts, and renders two tables one after the other; the "
        "`|}` meant for the first closes nothing. Parsoid's Linter files it as "
        "deletable-table-tag (high priority).",
        bad='{| class="wikitable"\n| Smith || 52%\n|-\n{|\n|-\n| Jones || 48%\n|}\n|}\n',
        good='{| class="wikitable"\n| Smith || 52%\n|-\n| Jones || 48%\n|}\n',
        notes="The finding spans the second table's opening tag (`{|` and its attributes, "
        "or `<table …>`), as Parsoid's dsr does. A table inside a cell or a caption is "
        "nested and fine. After a template on its own line between rows (it may open a "
        "cell) nothing is reported. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/deletable-table-tag",
        fix="Unsafe: the stray table start is deleted (its whole line, for `{|`) with the end "
        "tag left over for the table it closed, so the rows join the first table, which is "
        "what Help:Lint errors/deletable-table-tag advises in most cases; when a cell was "
        "meant to hold a nested table, adding `|` before it is the fix instead.",
        precision="Against Parsoid 1.39 (2026-12-01): shared corpus en + intl (202 "
        "articles) no lints, no findings; en-extra (278) 3 lints of the test wiki alone (a "
        "`{{BundleEnd}}` that closes the table on Wikipedia is a red link there), no "
        "finding. Generated tables: 1,199 of 1,200 agree, same spans.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for table in tables(article):
            if table.deletable:
                yield self.finding(
                    article,
                    table.start,
                    table.open_end,
                    _message(table),
                    fix=_fix(article.source, table),
                )


def _message(table: Table) -> str:
    tag = "{|" if table.wikitext else "<table>"
    if table.closes_table:
        return (
            f"{tag} outside every cell closes the table it stands in: "
            "delete it, or start a cell before it"
        )
    return f"{tag} right after an HTML table that |}} closed: end that table with </table>"


def _fix(source: str, table: Table) -> Fix | None:
    """Delete a ``{|`` with the rest of its line, and the ``|}`` left over; ``None`` for HTML
    tables, whose end tags may pair otherwise."""
    stray = table.stray_end
    if (
        not table.closes_table
        or not table.wikitext
        or (stray is not None and source.startswith("<", stray[0]))
    ):
        return None
    line_end = source.find("\n", table.open_end)
    edits = [Edit.deletion(source, table.start, len(source) if line_end < 0 else line_end)]
    if stray is not None:
        edits.append(Edit.deletion(source, *stray))
    return Fix(tuple(edits), Applicability.UNSAFE, "delete the stray table start")
