"""WL102 duplicate-sentence: a sentence that repeats an earlier sentence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from wikilint.analysis.duplicates import article_duplicates, ends_sentence, parallel_text
from wikilint.document.article import Article, Paragraph
from wikilint.document.sentences import WORD
from wikilint.document.spans import Span
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs
from wikilint.rules.content.duplicate_paragraph import DuplicateParagraph


@dataclass(frozen=True)
class Options:
    min_words: Annotated[
        int, Range(1, 10_000), Doc("Sentences with fewer words are never compared.")
    ] = 8
    min_chars: Annotated[
        int,
        Range(1, 100_000),
        Doc("Sentences with fewer visible characters are never compared."),
    ] = 40


class DuplicateSentence(Rule):
    code = "WL102"
    name = "duplicate-sentence"
    severity = Severity.WARNING
    summary = "A sentence repeats an earlier sentence of the article."
    Options = Options
    docs = RuleDocs(
        what=(
            "A prose sentence of at least `min_words` words whose words repeat an earlier "
            "sentence of the article, ignoring case, markup and punctuation. Sentences "
            "inside the repeated part of a paragraph that duplicate-paragraph (WL101) "
            "reports with its default options are left to that rule, so one copy-paste "
            "gives one finding; the rest of such a paragraph is still checked. A sentence "
            "must end with a full stop, question or exclamation mark: lines that end "
            "none (verses, captions, lead-ins to a list or a code block) are not prose."
        ),
        why=(
            "A sentence said twice is usually a merge or copy-paste leftover: it wastes the "
            "reader's time and the two copies drift apart when one is edited."
        ),
        notes=(
            "A separate rule rather than an option of duplicate-paragraph, so each can be "
            "selected and tuned alone. Sentences are matched by their case-folded words in a "
            "hash table (linear time); near-identical sentences are left to WL101's fuzzy "
            "matching of whole paragraphs. An inline "
            "quotation is prose, so one quoted twice word for word is reported; block "
            "quotations ({{quote}}, <blockquote>) are not prose and never compared. "
            "Deliberately parallel text is left alone with the same signals as WL101: "
            "sentences of a line continuing a display formula, the same words about "
            "different formulas, mirrored sections, and a sentence tied to its place "
            "(opening with This, These, Then, Hence, Thus, Therefore, or pointing below, "
            "above or at a figure)."
        ),
        precision="12/12 findings (all) read as correct on the shared corpus (en, en-extra, "
        "intl), 2026-12-01 (was 12/20 before the parallel-text signals)",
        bad=(
            "The bridge was opened in 1932 by the mayor of the town. It carries a railway.\n"
            "Tolls paid for its upkeep. The bridge was opened in 1932 by the mayor of the town.\n"
        ),
        good=(
            "The bridge was opened in 1932 by the mayor of the town. It carries a railway.\n"
            "Tolls paid for its upkeep. The second bridge was opened in 1961 by the governor.\n"
        ),
    )

    def check(self, article: Article) -> Iterator[Finding]:
        parallel = parallel_text(article)
        covered = _covered_by_paragraph_rule(article)
        first_copy: dict[str, tuple[Paragraph, Span]] = {}
        for paragraph in parallel.paragraphs:
            skip = covered.get(paragraph.index)
            for start, end in paragraph.sentences:
                words = self._words(paragraph.prose.text[start:end])
                if not words:
                    continue
                if skip is not None and skip[0] <= start and end <= skip[1]:
                    continue
                earlier = first_copy.setdefault(" ".join(words), (paragraph, (start, end)))
                if earlier[0] is paragraph and earlier[1] == (start, end):
                    continue
                if parallel.different_formulas(*earlier, paragraph, (start, end)):
                    continue
                if parallel.mirrored(earlier[0], paragraph, set()):
                    continue
                if parallel.one_placed_sentence(paragraph, (start, end)):
                    continue
                first = earlier[0].prose.span(*earlier[1])
                line = article.position(first[0])[0]
                yield self.finding(
                    article,
                    *paragraph.prose.span(start, end),
                    f"sentence repeats the sentence of line {line}",
                    related=[(*first, "first copy")],
                )

    def _words(self, sentence: str) -> list[str]:
        """Case-folded words of a prose sentence long enough to compare, else none."""
        if len(sentence) < self.options.min_chars or not ends_sentence(sentence):
            return []
        words = WORD.findall(sentence.lower())
        return words if len(words) >= self.options.min_words else []


def _covered_by_paragraph_rule(article: Article) -> dict[int, Span]:
    """Prose span of each paragraph that WL101 reports, by paragraph index."""
    options = DuplicateParagraph.Options()
    matches = article_duplicates(article, options.threshold, options.min_words, options.min_chars)
    return {match.later.index: match.later_span for match in matches}
