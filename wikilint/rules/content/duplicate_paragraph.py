"""WL101 duplicate-paragraph: a paragraph that repeats an earlier one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from wikilint.analysis.duplicates import Kind, Match, article_duplicates
from wikilint.document.article import Article, Paragraph
from wikilint.document.spans import Span
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs


@dataclass(frozen=True)
class Options:
    threshold: Annotated[
        float,
        Range(0, 100),
        Doc("Lowest rapidfuzz score (0-100) of a near repeat or of a contained copy."),
    ] = 90.0
    min_words: Annotated[
        int, Range(1, 10_000), Doc("Paragraphs with fewer words are never compared.")
    ] = 8
    min_chars: Annotated[
        int,
        Range(1, 100_000),
        Doc("Paragraphs with fewer visible characters are never compared."),
    ] = 40


class DuplicateParagraph(Rule):
    code = "WL101"
    name = "duplicate-paragraph"
    severity = Severity.WARNING
    fix_safety = Applicability.UNSAFE
    summary = "A paragraph repeats an earlier one exactly, nearly, or by containment."
    Options = Options
    docs = RuleDocs(
        what=(
            "A paragraph whose visible text repeats an earlier paragraph: exactly (ignoring "
            "case and whitespace), nearly (rapidfuzz ratio at or above `threshold`), or by "
            "containment: it repeats the whole earlier paragraph and goes on, or it repeats "
            "a stretch of a longer earlier paragraph (rapidfuzz partial ratio at or above "
            "`threshold`). A paragraph is one source line of running prose: editors often "
            "separate paragraphs by a single newline, which MediaWiki renders as one "
            "paragraph, so each line is compared on its own. Lists, tables, headings, "
            "templates, references, quotations in tags or templates and file embeds are not "
            "prose and are never compared. The finding is on the later copy (the repeated "
            "part of it) with a related span on the first copy."
        ),
        why=(
            "Repeated paragraphs come from copy-paste accidents, merges and edit conflicts; "
            "readers meet the same text twice and later edits update only one copy."
        ),
        bad=(
            "The river rises in the northern hills and flows south through three towns.\n"
            "The river rises in the northern hills and flows south through three towns.\n"
        ),
        good=(
            "The river rises in the northern hills and flows south through three towns.\n"
            "Its valley was settled by farmers in the twelfth century, who cleared the forest.\n"
        ),
        notes=(
            "Paragraphs are indexed by four-word shingles and only pairs sharing enough of them"
            " are scored (a shingle in more than 16 paragraphs stops being indexed), so time "
            "grows linearly with the article (bench/duplicates.py measures it)."
            " Similar paragraphs that state different facts are parallel, "
            "not repeated: a replaced number, or more than one word in 20 replaced by an "
            "unrelated word ('Pioneer 6 ... shorter' against 'Pioneer 7 ... longer'), clears "
            "the pair. Lines that end no sentence (verses, lyrics, captions, lead-ins ending "
            "with a colon) are not compared. Word counts follow the \\w+ pattern, so scripts "
            "without spaces between words (Japanese, Chinese) rarely reach `min_words`. "
            "Deliberately parallel text is left alone: a line that starts in lower case "
            "right after a display formula (\"where ''M'' is the total mass.\") belongs to "
            "the formula; the same words about different formulas (`<math>`, `{{math}}`, "
            "`{{mvar}}` contents compared) are parallel; a repeat whose neighbours at the "
            "same distance before or after each copy are written to the same pattern but "
            "differ (mirrored sections, worked examples restating their set-up) is by design; "
            "and a repeated single English sentence that opens by pointing back (This, These, "
            "Then, Hence, Thus, Therefore) or at the page (below, above, Figure) says a "
            "different thing in each place."
        ),
        fix=(
            "Unsafe, and offered only for an exact repeat whose wikitext is identical too: it "
            "deletes the later line. The text then says everything once, but the later copy "
            "may be the one in the right place, and deleting it can leave a section empty or "
            "a deliberate repetition (a worked example's set-up) gone."
        ),
        precision="17/17 findings (all) read as correct on the shared corpus (en, en-extra, "
        "intl), 2026-12-01 (was 18/40 before the parallel-text signals)",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        options = self.options
        matches = article_duplicates(
            article, options.threshold, options.min_words, options.min_chars
        )
        for match in matches:
            start, end = _source_span(article, match.later, match.later_span)
            first = _source_span(article, match.earlier, match.earlier_span)
            line = article.position(first[0])[0]
            yield self.finding(
                article,
                start,
                end,
                _message(match, line),
                related=[(*first, "first copy")],
                fix=_deletion(article, match),
            )


def _message(match: Match, line: int) -> str:
    if match.kind is Kind.EXACT:
        return f"paragraph repeats the paragraph of line {line} exactly"
    score = f" ({match.score:.0f}% similar)" if match.score < 100 else ""
    if match.kind is Kind.NEAR:
        return f"paragraph nearly repeats the paragraph of line {line}{score}"
    if match.kind is Kind.CONTAINS:
        return f"paragraph contains the whole paragraph of line {line}{score}"
    return f"paragraph repeats part of the paragraph of line {line}{score}"


def _source_span(article: Article, paragraph: Paragraph, prose_span: Span) -> Span:
    """Source span of a prose span, widened to the whole line when it covers all prose."""
    if prose_span == (0, len(paragraph.prose.text)):
        return _line(article, paragraph)
    return paragraph.prose.span(*prose_span)


def _line(article: Article, paragraph: Paragraph) -> Span:
    text = article.source[paragraph.start : paragraph.end]
    start = paragraph.start + len(text) - len(text.lstrip())
    return start, paragraph.start + len(text.rstrip())


def _deletion(article: Article, match: Match) -> Fix | None:
    """Delete the later line of an exact repeat whose wikitext is identical too."""
    if match.kind is not Kind.EXACT:
        return None
    later, earlier = match.later, match.earlier
    if (
        article.source[slice(*_line(article, later))]
        != article.source[slice(*_line(article, earlier))]
    ):
        return None
    start, end = later.start, later.end
    if article.source.startswith("\n", end):
        end += 1
    else:  # the last line: take the line break before it
        start -= 1
    return Fix((Edit(start, end, ""),), Applicability.UNSAFE, "delete the repeated paragraph")
