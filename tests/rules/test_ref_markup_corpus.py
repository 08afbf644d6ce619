"""References and markup rules over the whole shared corpus."""

from helpers import CORPUS, needs_corpus, pinned_corpus_articles, read

from wikilint.document.article import Article
from wikilint.linter.fixes import apply_fixes
from wikilint.rules.markup.unclosed_comment import UnclosedComment
from wikilint.rules.markup.unclosed_link import UnclosedLink
from wikilint.rules.markup.unclosed_ref import UnclosedRef
from wikilint.rules.markup.unclosed_table import UnclosedTable
from wikilint.rules.markup.unclosed_tag import UnclosedTag
from wikilint.rules.markup.unclosed_template import UnclosedTemplate
from wikilint.rules.references.ref_before_punctuation import RefBeforePunctuation
from wikilint.rules.references.space_before_ref import SpaceBeforeRef

UNCLOSED = (
    UnclosedRef,
    UnclosedComment,
    UnclosedTag,
    UnclosedTable,
    UnclosedLink,
    UnclosedTemplate,
)
#: Every unclosed construct of the corpus, each read and confirmed by hand.
KNOWN_UNCLOSED = {
    ("en/Canton of Etaples.wiki", 49, 27), ("en/Plain text.wiki", 63, 758),
    ("en/Plain text.wiki", 63, 766), ("intl/bn/ভারত.wiki", 14, 23),
    ("intl/hy/Ճամայկա.wiki", 15, 63), ("intl/hy/Տոկիո.wiki", 717, 1),
    ("intl/ja/チュニジア.wiki", 9, 70), ("intl/vi/Quang Trung.wiki", 1032, 8),
}  # fmt: skip


@needs_corpus
def test_unclosed_markup_is_only_where_it_really_is_and_ref_fixes_finish() -> None:
    unclosed = set()
    for path in pinned_corpus_articles():
        name = path.relative_to(CORPUS).as_posix()
        source = read(path)
        article = Article(source, name)
        for rule in UNCLOSED:
            unclosed |= {(name, f.location.line, f.location.column) for f in rule().check(article)}
        for rule in (SpaceBeforeRef, RefBeforePunctuation):
            if rule.languages and name.split("/")[0] != "en":
                continue
            fixed, applied = apply_fixes(source, rule().check(article))
            if applied:  # only spaces go, other characters only move; nothing is left to fix
                assert sorted(fixed.replace(" ", "")) == sorted(source.replace(" ", "")), name
                assert [f for f in rule().check(Article(fixed, name)) if f.fix] == [], name
    assert unclosed == KNOWN_UNCLOSED
