"""Which texts are whole articles, for the article-level rules (no rule here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from wikilint.document.article import Article, Paragraph
from wikilint.document.language_data import all_languages
from wikilint.document.memo import per_article
from wikilint.linter.rule import Doc, Range

#: Languages written with spaces between words, whose word counts mean what they say
#: (``counts_words`` in their file): not Vietnamese, which spaces every syllable, nor
#: Japanese or Chinese, which space none.
SPACED_LANGUAGES = frozenset(code for code, data in all_languages().items() if data.counts_words)
#: A space-separated token with a letter or digit (``[^\W_]`` is ``str.isalnum``), matched
#: from its first one to its end: one match a token, and no backtracking.
_WORD_TOKEN = re.compile(r"[^\W_]\S*")


def count_words(text: str) -> int:
    """Words of *text*: space-separated tokens with a letter or digit.

    Unlike ``\\w+`` this does not split Indic words at their vowel signs. Scripts written
    without spaces (Japanese, Chinese) count few words, so length rules stay quiet there.
    """
    return len(_WORD_TOKEN.findall(text))


@per_article
def paragraph_words(article: Article) -> list[int]:
    """Number of words of each paragraph (source line of prose), by paragraph index."""
    return [count_words(paragraph.prose.text) for paragraph in article.paragraphs]


def is_one_line(article: Article, paragraph: Paragraph) -> bool:
    """False for a 'line' that spans several, which only a misparse of broken markup makes."""
    return "\n" not in article.source[paragraph.start : paragraph.end]


def prose_words(article: Article) -> int:
    """Number of words of running prose in the article."""
    return sum(paragraph_words(article))


@dataclass(frozen=True)
class WholeArticleOptions:
    """Options of the rules that check only whole articles (see :func:`is_full_article`)."""

    min_headings: Annotated[
        int, Range(0, 10_000), Doc("Articles with fewer section headings are not checked.")
    ] = 2
    min_words: Annotated[
        int, Range(0, 1_000_000), Doc("Articles with fewer words of prose are not checked.")
    ] = 150


def is_full_article(article: Article, min_headings: int, min_words: int) -> bool:
    """Whether the text looks like a whole article rather than a snippet or a stub.

    A whole article has at least *min_headings* section headings and *min_words* words
    of prose; checks of what an article as a whole lacks make no sense on less.
    """
    return len(article.sections) > min_headings and prose_words(article) >= min_words
