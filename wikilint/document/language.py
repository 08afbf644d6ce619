"""Which language an article is written in, so that language-bound rules run only on it.

The language comes from configuration or a dump's site information when known (the
caller passes it to :class:`~wikilint.document.article.Article`); otherwise :func:`detect_language`
guesses it from the prose: first the script (Greek, Cyrillic, Devanagari, kana ...), then,
for Latin script, the share of the common function words (``stop_words``) of each language
file (see ``language_data``). Scripts shared
by several languages give a best guess (Cyrillic with ``і``/``ї``/``є`` is Ukrainian,
without them Russian); the point is that English rules never run on other languages.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import islice

from wikilint.document.language_data import all_languages
from wikilint.document.sentences import WORD

#: Code for text whose language is known not to be identifiable (BCP 47 "undetermined").
UNDETERMINED = "und"
#: Fewer words than this are too few to judge a Latin-script language.
MIN_WORDS = 8
#: Prose characters read at most: the start of an article tells its language.
SAMPLE_CHARS = 5_000
#: Share of words that must be function words of the winning language.
MIN_STOPWORD_SHARE = 0.12

# (first code point, last code point, script); gaps are "other".
_SCRIPT_RANGES = sorted(
    [
        (0x0041, 0x024F, "Latn"),
        (0x1E00, 0x1EFF, "Latn"),
        (0x0370, 0x03FF, "Grek"),
        (0x1F00, 0x1FFF, "Grek"),
        (0x0400, 0x052F, "Cyrl"),
        (0x0530, 0x058F, "Armn"),
        (0x0590, 0x05FF, "Hebr"),
        (0x0600, 0x06FF, "Arab"),
        (0x0750, 0x077F, "Arab"),
        (0x0900, 0x097F, "Deva"),
        (0x0980, 0x09FF, "Beng"),
        (0x0A00, 0x0A7F, "Guru"),
        (0x0A80, 0x0AFF, "Gujr"),
        (0x0B80, 0x0BFF, "Taml"),
        (0x0C00, 0x0C7F, "Telu"),
        (0x0C80, 0x0CFF, "Knda"),
        (0x0D00, 0x0D7F, "Mlym"),
        (0x0E00, 0x0E7F, "Thai"),
        (0x10A0, 0x10FF, "Geor"),
        (0x1100, 0x11FF, "Hang"),
        (0x3040, 0x30FF, "Kana"),
        (0x3400, 0x4DBF, "Hani"),
        (0x4E00, 0x9FFF, "Hani"),
        (0xAC00, 0xD7AF, "Hang"),
    ]
)
_RANGE_STARTS = [start for start, _, _ in _SCRIPT_RANGES]

#: Scripts written (almost) only by one Wikipedia language.
_SCRIPT_LANGUAGE = {
    "Grek": "el",
    "Armn": "hy",
    "Hebr": "he",
    "Arab": "ar",
    "Beng": "bn",
    "Guru": "pa",
    "Gujr": "gu",
    "Taml": "ta",
    "Telu": "te",
    "Knda": "kn",
    "Mlym": "ml",
    "Thai": "th",
    "Geor": "ka",
    "Hang": "ko",
}

#: Letters that set one Cyrillic language apart from Russian, the default.
_CYRILLIC_MARKERS = (("uk", "іїєґ"), ("be", "ў"), ("sr", "ђћџ"), ("mk", "ѓќѕ"))

#: Letters and words frequent in Marathi or in Hindi but not in the other.
_MARATHI_MARKERS = ("ळ", "आहे", "आणि", "च्या", "ची ")
_HINDI_MARKERS = ("है", "में", "और", "की ")

#: Letters with Vietnamese-only diacritics (horn, bar, dot below, hook above).
_VIETNAMESE = frozenset("ơưđ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))
#: Share of Latin letters that must be Vietnamese-only for Vietnamese.
MIN_VIETNAMESE_SHARE = 0.03


def detect_language(text: str) -> str | None:
    """The language code of prose text (its first :data:`SAMPLE_CHARS` characters).

    Returns ``None`` when there is too little text to tell, and ``"und"`` for Latin
    text that matches no known language.
    """
    return _detect(text[:SAMPLE_CHARS])


def language_sample(paragraphs: Iterable[str], source: str) -> str:
    """The text that tells an article's language: the prose of its *paragraphs* up to
    :data:`SAMPLE_CHARS`, or its *source* when the prose has fewer than :data:`MIN_WORDS`."""
    parts: list[str] = []
    size = 0
    for prose in paragraphs:
        parts.append(prose)
        size += len(prose)
        if size >= SAMPLE_CHARS:
            break
    text = "\n".join(parts)[:SAMPLE_CHARS]
    if next(islice(WORD.finditer(text), MIN_WORDS - 1, None), None) is None:
        return source[:SAMPLE_CHARS]
    return text


def _detect(text: str) -> str | None:
    letters = Counter({char: count for char, count in Counter(text).items() if char.isalpha()})
    scripts: Counter[str | None] = Counter()
    for char, count in letters.items():  # distinct letters only: a few hundred at most
        scripts[_script(char)] += count
    scripts.pop(None, None)
    if not scripts:
        return None
    script = scripts.most_common(1)[0][0]
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script in ("Hani", "Kana"):
        return "ja" if scripts["Kana"] >= 0.05 * (scripts["Kana"] + scripts["Hani"]) else "zh"
    if script == "Cyrl":
        return next((code for code, letters in _CYRILLIC_MARKERS if _has_any(text, letters)), "ru")
    if script == "Deva":
        marathi = sum(text.count(marker) for marker in _MARATHI_MARKERS)
        return "mr" if marathi > sum(text.count(marker) for marker in _HINDI_MARKERS) else "hi"
    return _latin_language(text, letters)


def _script(char: str) -> str | None:
    point = ord(char)
    index = bisect_right(_RANGE_STARTS, point) - 1
    if index < 0:
        return None
    _, last, script = _SCRIPT_RANGES[index]
    return script if point <= last else None


def _has_any(text: str, letters: str) -> bool:
    return any(letter in text for letter in letters)


def _latin_language(text: str, letters: Counter[str]) -> str | None:
    """The language of Latin-script *text*, whose *letters* are counted."""
    vietnamese = sum(count for char, count in letters.items() if char.casefold() in _VIETNAMESE)
    if vietnamese >= MIN_VIETNAMESE_SHARE * letters.total():
        return "vi"
    words = list(map(str.casefold, WORD.findall(text)))
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    shares = {
        code: sum(counts[word] for word in counts.keys() & language.stop_words) / len(words)
        for code, language in all_languages().items()
        if language.stop_words
    }
    best = max(shares, key=lambda language: shares[language])
    return best if shares[best] >= MIN_STOPWORD_SHARE else UNDETERMINED
