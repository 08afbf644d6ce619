"""WL410 stripped-tag: an end tag with no start tag to close, which MediaWiki drops."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from wikilint.analysis.html_tags import VOID_TAGS, html_tags
from wikilint.analysis.tables import stray_table_ends, tables
from wikilint.document.article import Article
from wikilint.document.spans import Span, merge, overlaps
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: End tags the HTML parser turns into an element instead of dropping (``</p>`` → ``<p></p>``,
#: ``</br>`` → ``<br>``).
_NOT_DROPPED = VOID_TAGS | {"p"}

_REF_START = re.compile(r"<ref\b[^<>]*(?<!/)>", re.IGNORECASE)
_REF_END = re.compile(r"</ref\s*>", re.IGNORECASE)


class StrippedTag(Rule):
    code = "WL410"
    name = "stripped-tag"
    severity = Severity.INFO
    fix_safety = Applicability.SAFE
    linter_category = "stripped-tag"
    summary = "An end tag such as </span> that closes nothing and is dropped."
    docs = RuleDocs(
        what="An HTML end tag with no open element of its name to close: a stray `</u>`, a "
        "`</span>` whose `<span>` was already closed, or a `</small>` in another table cell "
        "than its `<small>`. Also a table end (`|}`, `</table>`) when no table is open: "
        "the end meant for a table that a stray `{|` closed before it.",
        why="MediaWiki's HTML parser drops the tag, so it does nothing; usually its start tag "
        "is missing or misplaced, and the formatting meant is not there. Parsoid's Linter "
        "files it as stripped-tag (low priority).",
        bad="Text in <u>underline</u></u>.\n\nThe end.</span>\n",
        good="Text in <u>underline</u>.\n\nThe end.\n",
        notes="The finding spans the end tag, as Parsoid's dsr does. An end tag in another "
        "table cell, list item or paragraph than its start tag is stray as well; `</p>` "
        "and `</br>` are not (the browser makes an element of them), nor is the `</tr>` or "
        "`</td>` of a wikitext table's own row or cell. The end tag of a `<span>` (or "
        "another inline tag but the formatting ones) opened on a table cell's first line "
        "is stray on a later line of the cell, which is a paragraph inside the span "
        "(`| <span>a` newline `b</span>`). Like Parsoid 1.39, end tags inside "
        "`<ref>` are left out (Parsoid drops them there without a lint). As in Parsoid, a `|}` "
        "is a table end only while a `{|` is unmatched: after a table its own `|}` closed, a "
        "second `|}` is text; after one a stray `{|` closed, it is a table end, dropped. The "
        "tables are those of WL422 and WL423; after a template since the last table "
        "closed (it may open one) no table end is reported. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/stripped-tag",
        fix="Safe: the end tag is deleted (a `|}` with its line, when alone on it); it "
        "renders as nothing already.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 4 lints, 4 findings, recall and precision 4/4; en-extra (280) 3/3 and "
        "3/3. Known difference: a start tag in a wikitext table closed after the table (the "
        "tree builder's pairing is followed in outline, see analysis/html_tags.py). Generated "
        "tables posted to Parsoid (rows, cells, captions, nested and stray `{|`, HTML tables, "
        "comments, references, nowiki, templates): of 300, wikilint reported 43 table ends, "
        "all of them stripped-tag lints there; Parsoid filed 3 more, each after a template "
        "(left alone).",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        refs = _ref_spans(source)
        table_ends = {table.end for table in tables(article)}
        strays = {
            (tag.start, tag.end): f"</{tag.name}> closes no open tag"
            for tag in html_tags(article)
            if tag.closing
            and tag.partner is None
            and tag.name not in _NOT_DROPPED
            and not overlaps(refs, tag.start, tag.end)
            and not (tag.name == "table" and tag.end in table_ends)  # it closed a ``{|``
        }
        for start, end in stray_table_ends(article):
            strays[start, end] = f"{source[start:end]} closes no open table"
        for (start, end), message in sorted(strays.items()):
            # a wikitext ``|}`` goes with its line, an HTML end tag alone, as it always has
            edit = (
                Edit(start, end, "") if source[start] == "<" else Edit.deletion(source, start, end)
            )
            fix = Fix((edit,), Applicability.SAFE, "delete it")
            yield self.finding(article, start, end, message, fix=fix)


def _ref_spans(source: str) -> list[Span]:
    """Each ``<ref>`` to the first ``</ref>`` after it, read from the source: the parser
    leaves a ref holding a stray end tag as text."""
    ends = [match.end() for match in _REF_END.finditer(source)]
    spans = []
    for match in _REF_START.finditer(source):
        index = bisect_left(ends, match.end())
        if index < len(ends):
            spans.append((match.start(), ends[index]))
    return merge(spans)
