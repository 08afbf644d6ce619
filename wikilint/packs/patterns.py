"""Pack patterns, compiled with RE2: linear-time matching, so no pattern can hang a run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Protocol

import re2

from wikilint.packs.schema import PackError


class Match(Protocol):
    """What wikilint reads of an RE2 match."""

    def start(self) -> int: ...

    def end(self) -> int: ...


class Pattern(Protocol):
    """What wikilint uses of a compiled RE2 pattern (google-re2 ships no type hints)."""

    def finditer(self, text: str) -> Iterator[Match]: ...

    def search(self, text: str) -> Match | None: ...


def compile_pattern(pattern: str, *, ignorecase: bool, where: str) -> Pattern:
    """Compile an RE2 pattern; one that RE2 refuses (backreferences, lookaround ...)
    raises a :class:`PackError` naming *where*."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignorecase
    try:
        compiled: Pattern = re2.compile(pattern, options=options)
        return compiled
    except re2.error as error:
        detail = error.args[0].decode() if isinstance(error.args[0], bytes) else error.args[0]
        raise PackError(f"{where}: pattern {pattern!r} is not valid RE2: {detail}") from None


def literal(phrase: str) -> str:
    """A pattern for a word or phrase; any run of whitespace matches its spaces."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def alternation(patterns: Iterable[str], *, words: bool) -> str:
    """One pattern matching any of *patterns*, longest first, optionally as whole words."""
    body = "|".join(sorted(patterns, key=len, reverse=True))
    return rf"\b(?:{body})\b" if words else f"(?:{body})"


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is not part of a longer word (Unicode-aware, unlike
    RE2's ASCII ``\\b``)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_word_char(before) or _word_char(after))


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def finditer(pattern: Pattern, text: str) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(text):
        if match.end() > match.start():
            yield match.start(), match.end()
