"""Language-light text utilities on prose: sentences and words."""

from __future__ import annotations

import re
import unicodedata

from wikilint.document.language_data import everywhere

# A candidate break: terminal punctuation, closing quotes or brackets, then space.
_BREAK = re.compile(r"""([.!?…]+|[。！？।॥։]+)(['"”’»)\]]*)(\s+|$)""")
# What may open a sentence besides a capital or a digit: quotation marks and brackets
# (German „, French «, Spanish ¿), Afrikaans ’n ("’n Nuwe boek").
_OPENERS = "\"'“‘([„‚«»¿¡’"
# CJK and Indic terminators end a sentence without a following space.
_TIGHT_BREAK = re.compile(r"[。！？।॥]+")


def _combining_marks() -> str:
    """A regex class body of the combining marks of the BMP, which ``\\w`` leaves out.

    Indic vowel signs and viramas are marks: without them "ऋग्वेद" would be three words.
    """
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c))[0] == "M"]
    runs: list[list[int]] = []
    for code in marks:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in runs)


_LETTERS = rf"\w[\w{_combining_marks()}]*"
WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split prose into sentence spans ``[(start, end), ...]``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    words = _LowercaseWords(text)
    for match in _BREAK.finditer(text):
        end = match.end(2)
        if not _is_break(text, match, words):
            continue
        _append(spans, text, start, end)
        start = match.end()
    _append(spans, text, start, len(text))
    if _TIGHT_BREAK.search(text) and any(_TIGHT_BREAK.search(text, s, e - 1) for s, e in spans):
        spans = [piece for s, e in spans for piece in _split_tight(text, s, e)]
    return spans


class _LowercaseWords:
    """The words a text writes in lower case, found when first asked about."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(filter(str.islower, WORD.findall(self._text)))
        return word in self._words


def _is_break(text: str, match: re.Match[str], lowercase: _LowercaseWords) -> bool:
    if match.group(1)[0] in "。！？।॥։":
        return True
    following = text[match.end() : match.end() + 1]
    if following and not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if match.group(1) != ".":
        return True
    if "\u0531" <= text[match.start() - 1 : match.start()] <= "\u058f":
        return False  # Armenian ends a sentence with "։"; its "." is a colon
    word_start = match.start()
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : match.start()]
    if not word:
        return True
    initial = len(word) == 1 and word.isupper() and word != "I"
    if initial and text[word_start - 1 : word_start] != "°":  # "J. R. R. Tolkien", not "20 °C."
        # "Linear B. The tablets": a word the text also writes in lower case starts a
        # sentence; a name ("John F. Kennedy") does not.
        next_word = WORD.match(text, match.end())
        return next_word is not None and next_word[0].lower() in lowercase and len(next_word[0]) > 1
    if "." in word:  # "U.S." or "e.g." — too ambiguous to break on
        return False
    folded = word.casefold()
    known = everywhere()  # abbreviations of every language: the text's is not known here
    if folded in known.number_abbreviations and following.isdigit():
        return False
    return folded not in known.abbreviations


def _split_tight(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for match in _TIGHT_BREAK.finditer(text, start, end):
        _append(pieces, text, start, match.end())
        start = match.end()
    _append(pieces, text, start, end)
    return pieces


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
