"""WL103 doubled-word: a word or short phrase written twice in a row ("the the")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise
from operator import eq
from typing import Annotated

from mwparserfromhell.nodes import Argument, ExternalLink, Node, Tag, Template, Wikilink

from wikilint.document.article import Article, Paragraph
from wikilint.document.language_data import data_for, everywhere, shared_data
from wikilint.document.namespaces import is_file_link
from wikilint.document.prose import (
    LITERAL_TEMPLATES,
    TEXT_TEMPLATES,
    is_inline_markup,
    template_name,
)
from wikilint.document.sentences import WORD
from wikilint.document.spans import Span, merge
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs

_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|「[^」]*」|『[^』]*』')


@dataclass(frozen=True)
class Options:
    max_words: Annotated[
        int, Range(1, 100), Doc("Longest phrase, in words, whose doubling is reported.")
    ] = 4
    allow: Annotated[
        tuple[str, ...],
        Doc('More grammatical doubles to accept, written doubled ("had had"), any case.'),
    ] = ()
    ignore_numbers: Annotated[
        bool, Doc('Skip copies made only of numbers ("10 10" in a run of figures).')
    ] = True
    ignore_names: Annotated[
        bool,
        Doc(
            'Skip capitalized doubles ("Bora Bora") of a word the article never writes in '
            "lower case."
        ),
    ] = True
    ignore_quotations: Annotated[
        bool, Doc("Skip doubles inside quotation marks: a quotation keeps its source's words.")
    ] = True
    ignore_italics: Annotated[
        bool, Doc("Skip doubles inside italics: taxonomic names, titles and foreign words.")
    ] = True


@dataclass(frozen=True, slots=True)
class _Double:
    first: Span
    second: Span
    """Prose spans of the two copies."""


class DoubledWord(Rule):
    code = "WL103"
    name = "doubled-word"
    severity = Severity.WARNING
    fix_safety = Applicability.UNSAFE
    summary = "A word or a phrase of up to four words is written twice in a row."
    Options = Options
    docs = RuleDocs(
        what=(
            "A word or a phrase of up to four words repeated at once, case-insensitive, also "
            "when markup separates the copies ([[the]] the, '''the''' the). The finding covers "
            "the second copy, with the first as a related span; of overlapping doubles only "
            "the longest phrase is reported."
        ),
        why="A doubled word is a typing or editing slip that readers notice at once.",
        bad="In 1940 Stalin seized part or all of all of Russia's neighbours.",
        good=(
            "He had had enough: the claim that that was false spread more and more in "
            'Bora Bora, where a sign read "stop stop".'
        ),
        notes=(
            'Never across a sentence or paragraph break, punctuation ("very, very"), a '
            'hyphen ("anak-anak"), or a template, ref, file or other markup that renders '
            "something between the copies. Not reported: grammatical doubles of the article's "
            'language (English "had had", "that that", "in in vitro"; German "die die"; '
            '"is is" stays flagged), "X and X" idioms after "and" and "X to X" ones before '
            '"to" ("from side to side to force", "one by one by"), patronymic chains ("X ibn '
            'X ibn"), numbers, capitalized names ("Bora Bora", but not "The The" in an article '
            'that writes "the"), an acronym beside a word ("an AN/APS-6"), quotations and '
            "italics (option `ignore_italics`). Taxonomic names are not doubles: in italics or "
            'a taxon template, a tautonym ("Salamandra salamandra") or trinomial '
            '("Glossina morsitans morsitans") whose epithet is no function word and is never '
            'written after another lower-case word ("The the" and "Wyandot people people" '
            'still are), and a letter beside its other case ("Ւ ւ", but not "A a"). '
            "In languages that write reduplication with a space (Vietnamese, Greek, Indic "
            "languages) only phrases are checked."
        ),
        fix=(
            "Unsafe: the fix removes the second copy and the spaces before it, and only when "
            "that copy is plain source text. A double that is meant (a name, a quoted slip, a "
            "grammatical double the exceptions miss) loses a word."
        ),
        precision="6/6 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        language = article.language or article.detected_language
        min_words = 2 if data_for(language).spaced_reduplication else 1
        words = [paragraph.words for paragraph in article.paragraphs]
        context = _Context(article, self._allowed(language), min_words, words)
        for paragraph, paragraph_words in zip(article.paragraphs, words, strict=True):
            keys = list(map(str.casefold, paragraph_words))
            if not _recurs(keys, min_words, self.options.max_words):
                continue  # a sentence's words are consecutive words of its paragraph
            for double in self._doubles(paragraph, context):
                yield self._finding(article, paragraph, double)

    def _allowed(self, language: str | None) -> list[tuple[str, ...]]:
        own = data_for(language).grammatical_doubles
        phrases = own or everywhere().grammatical_doubles  # a language with none: all of them
        return [tuple(phrase.casefold().split()) for phrase in (*phrases, *self.options.allow)]

    def _doubles(self, paragraph: Paragraph, context: _Context) -> Iterator[_Double]:
        """Doubles sentence by sentence; the longest first, none overlapping a reported one."""
        text = paragraph.prose.text
        quoted = (
            [match.span() for match in _QUOTATION.finditer(text)]
            if self.options.ignore_quotations
            else []
        )
        if self.options.ignore_italics:
            quoted = merge([*quoted, *paragraph.prose.italic])
        quoted_starts = [start for start, _ in quoted]
        for start, end in paragraph.sentences:
            keys = [word.casefold() for word in WORD.findall(text, start, end)]
            if not _recurs(keys, context.min_words, self.options.max_words):
                continue
            words = [match.span() for match in WORD.finditer(text, start, end)]
            reported_until = 0
            for i in range(len(words)):
                longest = min(self.options.max_words, (len(words) - i) // 2)
                for n in range(longest, context.min_words - 1, -1):
                    if (
                        i + n < reported_until
                        or keys[i] != keys[i + n]
                        or keys[i : i + n] != keys[i + n : i + 2 * n]
                    ):
                        continue
                    run = words[i : i + 2 * n]
                    if _within_one(quoted, quoted_starts, run[0][0], run[-1][1]):
                        continue
                    if n == 1 and self._is_taxon(text, words, i, context):
                        continue
                    if self._excused(text, run, keys, i, context):
                        continue
                    if not _adjacent(paragraph, run, context):
                        continue
                    yield _Double((run[0][0], run[n - 1][1]), (run[n][0], run[-1][1]))
                    reported_until = i + 2 * n
                    break

    def _excused(
        self,
        text: str,
        run: list[Span],
        keys: list[str],
        i: int,
        context: _Context,
    ) -> bool:
        """Whether the run doubling ``keys[i : i + n]`` is grammar, idiom, name or number."""
        n = len(run) // 2
        copy = keys[i : i + n]
        if _is_periodic(copy) or _is_idiom(copy):
            return True
        tripled = keys[max(i - n, 0) : i] == copy  # "had had had" is a slip again
        if not tripled and any(
            tuple(keys[i : i + len(entry)]) == entry for entry in context.allowed
        ):
            return True
        return not self._worth_reporting(text, run, context)

    def _is_taxon(self, text: str, words: list[Span], i: int, context: _Context) -> bool:
        """Whether the word doubled at ``words[i]`` is a letter beside its other case ("Ւ ւ"),
        a tautonym ("Salamandra salamandra") or a trinomial ("Glossina morsitans morsitans").

        A tautonym or trinomial repeats an epithet, never a function word, that the article
        never writes after another lower-case word: "The the" and "Wyandot people people"
        are still slips."""
        first, second = (text[start:end] for start, end in words[i : i + 2])
        if second in everywhere().stop_words:
            return False  # "The the", "A a"
        if len(first) == 1:
            return first != second  # "Ւ ւ", "B b": a letter listed in both cases
        if first != second:
            tautonym = first[0].isupper() and second.islower()
            return tautonym and second not in context.free_lowercase_words
        genus = text[slice(*words[i - 1])] if i > 1 else ""  # not the sentence's first word
        return (
            genus[:1].isupper() and second.islower() and second not in context.free_lowercase_words
        )

    def _worth_reporting(self, text: str, run: list[Span], context: _Context) -> bool:
        """Whether a doubled run is no number, name or acronym beside a word."""
        copies = [text[s:e] for s, e in run]
        half = len(copies) // 2
        if self.options.ignore_numbers and not any(char.isalpha() for char in "".join(copies)):
            return False
        if (
            self.options.ignore_names
            and all(word[0].isupper() for word in copies)
            and not context.lowercase_words.issuperset(w.casefold() for w in copies[:half])
        ):
            return False  # "Bora Bora", unless the article writes "bora" as a word
        return all(
            len(a) == 1 or a.isupper() == b.isupper()
            for a, b in zip(copies[:half], copies[half:], strict=True)
        )

    def _finding(self, article: Article, paragraph: Paragraph, double: _Double) -> Finding:
        prose = paragraph.prose
        doubled = prose.text[slice(*double.second)]
        first = prose.span(*double.first)
        start, end = prose.span(*double.second)
        return self.finding(
            article,
            start,
            end,
            f'"{doubled}" is written twice in a row',
            related=[(*first, "first copy")],
            fix=_removal(article.source, start, end, doubled),
        )


def _within_one(spans: list[Span], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of the sorted, disjoint *spans* (whose
    *starts* are given): only the last span starting at or before *start* can hold it."""
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index][1]


def _is_periodic(words: list[str]) -> bool:
    """Whether a phrase is itself a shorter unit repeated ("the the")."""
    size = len(words)
    return any(
        size % period == 0 and words == words[:period] * (size // period)
        for period in range(1, size)
    )


def _is_idiom(words: list[str]) -> bool:
    """Whether a double is "X and X" after "and", "X to X" then "to" ("side to side to"),
    or a patronymic chain ("X ibn X ibn")."""
    known = everywhere()
    if len(words) == 2 and (words[0] in known.idiom_conjunctions or words[1] in known.idiom_links):
        return True
    return words[-1] in shared_data().patronymic_particles


def _recurs(keys: list[str], shortest: int, longest: int) -> bool:
    """Whether a run of *shortest* to *longest* words is repeated right after itself."""
    for n in range(shortest, longest + 1):
        same = bytes(map(eq, keys, keys[n:]))  # 1 where a word recurs n words later
        if b"\x01" * n in same:
            return True
    return False


def _adjacent(paragraph: Paragraph, run: list[Span], context: _Context) -> bool:
    """Whether only plain spaces and invisible markup separate consecutive words."""
    prose = paragraph.prose
    source = context.article.source
    for (_, left), (right, _) in pairwise(run):
        if not prose.text[left:right].isspace():
            return False
        for index in range(left, right):  # each space must be a space of the source
            if source[prose.offset(index) : prose.end_offset(index)] != prose.text[index]:
                return False
        if context.opaque_between(prose.end_offset(left - 1), prose.offset(right)):
            return False
    return True


def _removal(source: str, start: int, end: int, doubled: str) -> Fix | None:
    """Delete the second copy and the spaces before it, when both are plain source text."""
    if source[start:end] != doubled:
        return None
    cut = start
    while cut > 0 and source[cut - 1] in " \t":
        cut -= 1
    if cut == start:
        return None
    return Fix((Edit(cut, end, ""),), Applicability.UNSAFE, f'remove the second "{doubled}"')


class _Context:
    """What checks of one article share, computed when first needed."""

    def __init__(
        self,
        article: Article,
        allowed: list[tuple[str, ...]],
        min_words: int,
        paragraph_words: list[list[str]],
    ) -> None:
        self.article = article
        self.allowed = allowed
        self.min_words = min_words
        self._paragraph_words = paragraph_words
        """The words of each paragraph's prose, for the word sets below."""

    @cached_property
    def _nodes_by_start(self) -> tuple[list[int], list[Node]]:
        """Every node, nested ones too, by start offset (their order in the article: each
        node comes before the nodes inside it), with those offsets."""
        article = self.article
        nodes = list(article.nodes(Node))
        return [article.span(node)[0] for node in nodes], nodes

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the article writes in lower case somewhere: not names."""
        return frozenset(filter(str.islower, chain.from_iterable(self._paragraph_words)))

    @cached_property
    def free_lowercase_words(self) -> frozenset[str]:
        """Lower-case words the article writes after another lower-case word: common words,
        not the epithets of a taxonomic name ("Pipa pipa", "Glossina morsitans")."""
        free: set[str] = set()
        for words in self._paragraph_words:
            for before, word in pairwise(words):
                if word.islower() and before.islower() and before != word:
                    free.add(word)
        return frozenset(free)

    def opaque_between(self, start: int, end: int) -> bool:
        """Whether a node that renders something the prose leaves out starts in the range."""
        starts, nodes = self._nodes_by_start
        return any(map(_is_opaque, nodes[bisect_left(starts, start) : bisect_left(starts, end)]))


def _is_opaque(node: Node) -> bool:
    if isinstance(node, Template):
        name = template_name(node)
        return name not in LITERAL_TEMPLATES and name not in TEXT_TEMPLATES
    if isinstance(node, Tag):
        return not is_inline_markup(node)
    if isinstance(node, ExternalLink):
        return not node.brackets or node.title is None
    if isinstance(node, Wikilink):
        return is_file_link(str(node.title))  # categories and interlanguage links render nothing
    return isinstance(node, Argument)
