"""WL601 double-hyphen-dash: ``--`` typed for a dash."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.analysis.quotations import quoted_spans
from wikilint.document.article import Article
from wikilint.document.spans import Span, overlaps
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Two or three hyphens between words, with the spaces around them.
_HYPHENS = re.compile(r"(?<=\S)([ \t]*)(?<!-)(-{2,3})(?!-)([ \t]*)(?=\S)")
#: A spaced en dash between words; starts with the dash so that the scan is fast.
_SPACED_EN_DASH = re.compile(r"–(?=[ \u00a0]\S)(?:(?<=\S[ \u00a0]–)|(?<=\S&nbsp;–))")


class DoubleHyphenDash(Rule):
    code = "WL601"
    name = "double-hyphen-dash"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "Two hyphens are typed where a dash belongs."
    docs = RuleDocs(
        what="`--` (or `---`) between words of running prose, as in `economically-- Stalin`.",
        why="MediaWiki renders `--` as two hyphens, not a dash (MOS:DASH): use an unspaced "
        "em dash `—`, or a spaced en dash ` – ` in articles written in that style.",
        bad="It was far behind the West economically-- Stalin said so.\n",
        good="It was far behind the West economically—Stalin said so.\n"
        "<!-- a comment -->\n{{Infobox|a=--}}\n{| class=wikitable\n| -- \n|}\n",
        notes="Markup (comments, tables, templates) never matches: only prose is read, and "
        "text shown as typed (`<nowiki>--</nowiki>`, `<kbd>--help</kbd>`, `<samp>`, `<tt>`, "
        "`<var>`) is left alone, and so are hyphens that join two words without spaces in a "
        "quotation or in italics (`''Buenos--Ayres se opone''`), text reproduced as its "
        "source wrote it.",
        fix="Safe: only the hyphens and the spaces around them change, to the dash the "
        "article's style uses: a spaced en dash when the article uses spaced en dashes more "
        "than em dashes, else an unspaced em dash; between digits (`1990--1995`) an "
        "unspaced en dash, the dash of ranges. The words and what they say stay as they "
        "were.",
        precision="6/6 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        if "--" not in article.source:
            return  # a finding's source is the matched text, which holds "--"
        dash = " – " if _prefers_spaced_en_dash(article.source) else "—"
        for paragraph in article.paragraphs:
            text = paragraph.prose.text
            if "--" not in text:
                continue
            quotes: list[Span] | None = None
            for match in _HYPHENS.finditer(text):
                if overlaps(paragraph.prose.literal, *match.span()):
                    continue  # <nowiki>--</nowiki>, <kbd>--help</kbd>: typed as shown
                start, end = paragraph.prose.span(match.start(), match.end())
                if article.source[start:end] != match.group():
                    continue  # markup inside the run: not a plain typed dash
                if _joins_letters(text, match):
                    if quotes is None:
                        quotes = quoted_spans(text)
                    if overlaps(quotes, *match.span()) or overlaps(
                        paragraph.prose.italic, *match.span()
                    ):
                        continue  # ''Buenos--Ayres se opone'': reproduced as the original has it
                hyphens = paragraph.prose.span(*match.span(2))
                between_digits = text[match.start() - 1].isdigit() and text[match.end()].isdigit()
                replacement = "–" if between_digits else dash
                fix = Fix(
                    (Edit(start, end, replacement),),
                    Applicability.SAFE,
                    f"replace with “{replacement.strip()}”",
                )
                message = f"“{match.group(2)}” used as a dash: write “{replacement.strip()}”"
                yield self.finding(article, *hyphens, message, fix=fix)


def _joins_letters(text: str, match: re.Match[str]) -> bool:
    """Whether an unspaced run of hyphens joins two letters (`Buenos--Ayres`): in a
    quotation or in italics, text reproduced as its source wrote it, the hyphens may be
    the original's."""
    if match.group(1) or match.group(3):
        return False
    return text[match.start() - 1].isalpha() and text[match.end()].isalpha()


def _prefers_spaced_en_dash(source: str) -> bool:
    return len(_SPACED_EN_DASH.findall(source)) > source.count("—")
