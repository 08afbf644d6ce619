"""What each kind of pack entry looks for (after Vale's extension points).

A kind is built once from a :class:`RuleSpec` (compiling its patterns) and then checks
articles for the rule made from that entry. All kinds read the prose view of each
paragraph, so markup never matches, and skip quotations and italic text (titles of
works, foreign words, words as words) unless the entry says not to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, islice
from string import Formatter
from typing import ClassVar

from wikilint.analysis.quotations import link_spans, prose_matches
from wikilint.document.article import Article, Paragraph
from wikilint.document.sentences import WORD
from wikilint.document.spans import Span, overlaps
from wikilint.linter.finding import Applicability, Edit, Finding, Fix
from wikilint.linter.rule import Rule
from wikilint.packs import patterns, wordlists
from wikilint.packs.context import Context, Judge
from wikilint.packs.schema import RuleSpec

Finder = Callable[[str], Iterable[Span]]


class Kind:
    """Base of the kinds: key and placeholder validation, and the paragraph walk."""

    keys: ClassVar[frozenset[str]] = (
        frozenset({"exceptions", "nonword", "skip_names"}) | Context.keys
    )
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    #: The safety of the fixes the entry attaches (only substitutions have any).
    applicability: Applicability | None = None

    def __init__(self, spec: RuleSpec) -> None:
        unknown = sorted(set(spec.options) - self.keys)
        if unknown:
            raise spec.error(f"unknown key {unknown[0]!r} for kind {spec.kind!r}")
        self._check_placeholders(spec)
        self.spec = spec
        self.whole_words = not spec.option("nonword", bool, False)
        self.skip_names = spec.option("skip_names", bool, False)
        self.exceptions = self._exceptions(spec)
        self.context = Context(spec)

    def check(self, rule: Rule, article: Article) -> Iterator[Finding]:
        raise NotImplementedError

    def _check_placeholders(self, spec: RuleSpec) -> None:
        """Only the kind's placeholders, written plainly: a format spec (``{match:>9999}``),
        a conversion or an attribute (``{match.__class__}``) is refused."""
        try:
            fields = [field for field in Formatter().parse(spec.message) if field[1] is not None]
        except ValueError as error:  # a single "{" or "}"
            raise spec.error(f"message is not a valid template ({error})") from None
        for _, name, format_spec, conversion in fields:
            if name not in self.placeholders or format_spec or conversion:
                suffix = (f"!{conversion}" if conversion else "") + (
                    f":{format_spec}" if format_spec else ""
                )
                offered = ", ".join(f"{{{known}}}" for known in sorted(self.placeholders))
                raise spec.error(
                    f"message placeholder '{{{name}{suffix}}}' is not one of {offered}"
                )

    def matches(self, article: Article, find: Finder) -> Iterator[tuple[Paragraph, int, int]]:
        """``(paragraph, start, end)`` in prose coordinates of each match of *find*
        that is a whole word (unless ``nonword``), outside quotations, italics, exceptions
        and literal text (:func:`prose_matches`), and that its context lets count."""
        skipped_sections = self.context.skipped_sections(article)
        names = link_spans(article) if self.skip_names else []
        current: Paragraph | None = None
        exceptions: list[Span] = []
        judge: Judge | None = None
        for match in prose_matches(
            article,
            self._whole_words(find) if self.whole_words else find,
            quotations=self.spec.skip_quotes,
            italics=self.spec.skip_italics,
            paragraphs=(p for p in article.paragraphs if p.section not in skipped_sections),
        ):
            paragraph, start, end = match.paragraph, match.start, match.end
            text = paragraph.prose.text
            if self.skip_names and _is_name(text, start, names, paragraph):
                continue
            if paragraph is not current:
                current = paragraph
                exceptions = self._exception_spans(text)
                judge = self.context.judge(article, paragraph)
            if exceptions and overlaps(exceptions, start, end):
                continue
            if judge is None or judge.counts(start, end):
                yield paragraph, start, end

    @staticmethod
    def _whole_words(find: Finder) -> Finder:
        return lambda text: (
            (start, end) for start, end in find(text) if patterns.is_whole_word(text, start, end)
        )

    def _exception_spans(self, text: str) -> list[Span]:
        """The phrases of ``exceptions`` in *text*, in order."""
        if self.exceptions is None:
            return []
        return list(patterns.finditer(self.exceptions, text))

    def _exceptions(self, spec: RuleSpec) -> patterns.Pattern | None:
        phrases = spec.option("exceptions", list, [])
        if not phrases:
            return None
        pattern = patterns.alternation(map(patterns.literal, phrases), words=True)
        return patterns.compile_pattern(pattern, ignorecase=spec.ignorecase, where=spec.where)

    def _compile(self, alternatives: Iterable[str]) -> patterns.Pattern:
        pattern = patterns.alternation(alternatives, words=self.whole_words)
        return patterns.compile_pattern(
            pattern, ignorecase=self.spec.ignorecase, where=self.spec.where
        )


class Existence(Kind):
    """Any of some words, phrases (``tokens``) or RE2 ``patterns``."""

    keys = Kind.keys | {"tokens", "patterns"}

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        tokens = spec.strings("tokens")
        raw = spec.strings("patterns")
        for pattern in raw:  # report the faulty pattern itself, not the alternation
            patterns.compile_pattern(pattern, ignorecase=spec.ignorecase, where=spec.where)
        if not tokens and not raw:
            raise spec.error("an existence entry needs 'tokens' or 'patterns'")
        self.pattern = self._compile([*map(patterns.literal, tokens), *raw])

    def check(self, rule: Rule, article: Article) -> Iterator[Finding]:
        find = partial(patterns.finditer, self.pattern)
        for paragraph, start, end in self.matches(article, find):
            source_start, source_end = paragraph.prose.span(start, end)
            message = self.spec.message.format(match=paragraph.prose.text[start:end])
            yield rule.finding(article, source_start, source_end, message)


class Substitution(Kind):
    """A wrong form and what to write instead (``swap`` inline, or a ``swap_file``)."""

    keys = Kind.keys | {"swap", "swap_file", "fix"}
    placeholders = frozenset({"match", "replacement"})

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        fix = spec.option("fix", str, "unsafe")
        if fix not in ("safe", "unsafe", "none"):
            raise spec.error(f"fix {fix!r} is not 'safe', 'unsafe' or 'none'")
        self.applicability = None if fix == "none" else Applicability(fix)
        swap = spec.option("swap", dict, {})
        if not all(isinstance(value, str) for value in swap.values()):
            raise spec.error("'swap' must map each wrong form to a string")
        table: dict[str, wordlists.Correction | str] = {
            key: wordlists.Correction((value,), True) for key, value in swap.items()
        }
        if "swap_file" in spec.options:
            name = spec.option("swap_file", str)
            try:
                table.update(wordlists.read_word_list(name, spec.path))
            except wordlists.WordListError as error:
                raise spec.error(f"swap_file {name!r}: {error}") from None
        if not table:
            raise spec.error("a substitution entry needs 'swap' or 'swap_file'")
        # The inline forms come first; the rest are single words from the list, whose key is
        # at most casefolded and which are no phrases: handling them all at once, not word
        # by word, keeps start-up short.
        inline = list(islice(table, len(swap)))
        words = islice(table, len(swap), None)
        folded = map(str.casefold, words) if spec.ignorecase else words
        keys = chain(map(self._key, inline), folded)
        self.table = dict(zip(keys, table.values(), strict=True))
        phrases = [wrong for wrong in inline if not WORD.fullmatch(wrong)]
        self.phrases = self._compile(map(patterns.literal, phrases)) if phrases else None

    def _key(self, text: str) -> str:
        if not text.isalpha():
            text = " ".join(text.split())
        return text.casefold() if self.spec.ignorecase else text

    def _find(self, known_words: dict[str, list[str]], text: str) -> Iterator[Span]:
        """Where the table's wrong forms are in *text*; *known_words* are the words of the
        paragraphs' texts, found once for every rule that needs them."""
        words = known_words.get(text)
        if words is None:
            words = WORD.findall(text)  # a word has no spaces: its key is at most casefolded
        if not self.table.keys().isdisjoint(
            map(str.casefold, words) if self.spec.ignorecase else words
        ):
            for word in WORD.finditer(text):
                value = word.group()
                known = _plain_case(value) and self._key(value) in self.table
                if known and not _in_compound(text, *word.span()):
                    yield word.span()
        if self.phrases is not None:
            yield from patterns.finditer(self.phrases, text)

    def check(self, rule: Rule, article: Article) -> Iterator[Finding]:
        words = {paragraph.prose.text: paragraph.words for paragraph in article.paragraphs}
        for paragraph, start, end in self.matches(article, partial(self._find, words)):
            found = paragraph.prose.text[start:end]
            correction = self.table[self._key(found)]
            if isinstance(correction, str):  # a dictionary line, read on first use
                correction = wordlists.Correction.parse(correction)
            replacements = [_match_case(found, candidate) for candidate in correction.candidates]
            source_start, source_end = paragraph.prose.span(start, end)
            message = self.spec.message.format(
                match=found, replacement=" or ".join(f"“{r}”" for r in replacements)
            )
            fix = None
            verbatim = article.source[source_start:source_end] == found
            if correction.fixable and self.applicability is not None and verbatim:
                edit = Edit(source_start, source_end, replacements[0])
                fix = Fix((edit,), self.applicability, f"Replace with “{replacements[0]}”")
            yield rule.finding(article, source_start, source_end, message, fix=fix)


class Occurrence(Kind):
    """A ``token`` (RE2 pattern) more than ``max`` or fewer than ``min`` times in a scope."""

    keys = Kind.keys | {"token", "scope", "max", "min"}
    placeholders = frozenset({"match", "count", "limit"})
    scopes = ("sentence", "paragraph", "article")

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.scope = spec.option("scope", str, "sentence")
        if self.scope not in self.scopes:
            raise spec.error(f"scope {self.scope!r} is not one of {', '.join(self.scopes)}")
        self.max = spec.option("max", int, -1)
        self.min = spec.option("min", int, -1)
        if (self.max < 0) == (self.min < 0):
            raise spec.error("an occurrence entry needs exactly one of 'max' and 'min' (>= 0)")
        token = spec.option("token", str)
        patterns.compile_pattern(token, ignorecase=spec.ignorecase, where=spec.where)
        self.pattern = self._compile([token])

    def check(self, rule: Rule, article: Article) -> Iterator[Finding]:
        found = list(self.matches(article, partial(patterns.finditer, self.pattern)))
        for scope, hits in self._group(article, found):
            if self.max >= 0 and len(hits) > self.max:
                paragraph, start, end = hits[self.max]
                span = paragraph.prose.span(start, end)
                limit = self.max
            elif self.min >= 0 and len(hits) < self.min:
                span, limit = scope, self.min
            else:
                continue
            match = "" if not hits else hits[0][0].prose.text[hits[0][1] : hits[0][2]]
            message = self.spec.message.format(match=match, count=len(hits), limit=limit)
            yield rule.finding(article, *span, message)

    def _group(
        self, article: Article, found: list[tuple[Paragraph, int, int]]
    ) -> Iterator[tuple[Span, list[tuple[Paragraph, int, int]]]]:
        """Each scope's source span with the matches inside it."""
        if self.scope == "article":
            yield (0, 0), found
            return
        for paragraph in article.paragraphs:
            hits = [hit for hit in found if hit[0] is paragraph]
            if self.scope == "paragraph":
                yield (paragraph.start, paragraph.end), hits
                continue
            for start, end in paragraph.sentences:
                inside = [hit for hit in hits if start <= hit[1] < end]
                yield paragraph.prose.span(start, end), inside


KINDS: dict[str, type[Kind]] = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
}


def _is_name(text: str, start: int, links: list[Span], paragraph: Paragraph) -> bool:
    """Whether a match starting with a capital is part of a name or title: inside a
    sentence ("Outstanding Achievement", "the Great War"), in bold (the subject's name
    in the lead) or in a link ("[[Unter den Linden]]"), rather than the word itself."""
    if not text[start].isupper():
        return False
    if overlaps(paragraph.prose.bold, start, start + 1):
        return True
    if overlaps(links, *paragraph.prose.span(start, start + 1)):
        return True
    before = start - 1
    while before >= 0 and (text[before].isspace() or text[before] in _OPENERS):
        before -= 1
    return before >= 0 and text[before] not in _SENTENCE_ENDS


_OPENERS = frozenset("\"'“‘([«„")
_SENTENCE_ENDS = frozenset(".!?…")


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a compound or code (``pre-empted``, ``ser/thr``)."""
    return text[start - 1 : start] in _JOINERS or text[end : end + 1] in _JOINERS


_JOINERS = frozenset("-/_")


def _plain_case(word: str) -> bool:
    """Lower case or capitalised: not an acronym (``NASA``) or a brand (``iPhone``)."""
    return word.islower() or (word[0].isupper() and (len(word) == 1 or word[1:].islower()))


def _match_case(found: str, replacement: str) -> str:
    """*replacement* capitalised like *found*."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
