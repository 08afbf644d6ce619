"""Which language an article is written in, so that language-bound rules run only on it.

The language comes from configuration or a dump's site information when known (the
caller passes it to :class:`~wikilint.document.article.Article`); otherwise :func:`detect_language`
guesses it from the prose: first the script (Greek, Cyrillic, Devanagari, kana ...), then,
for Latin script, the share of common function words of each language. Scripts shared
by several languages give a best guess (Cyrillic with ``і``/``ї``/``є`` is Ukrainian,
without them Russian); the point is that English rules never run on other languages.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import islice

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

#: Common function words; each language's list is what sets it apart in running text.
_STOPWORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the of and in to a is was for on as by with that at from his it an were are "
        "which this be or has had he not but their its also after have they been who her she "
        "into more other there when would",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem "
        "über einen so zum war haben nur oder aber vor zur bis wurde",
        "nl": "de het een van en in is op te dat die voor met zijn niet aan er door als werd bij "
        "ook uit om naar tot wordt hij maar",
        "af": "die van en in is het op wat te vir met word nie deur sy aan tot hy ook om uit "
        "na hulle kan maar was",
        "fr": "le la les de des du et en un une est dans que qui pour par sur au avec il son sa "
        "ses se pas plus ne aux ont été",
        "es": "el la los las de del y en un una es que por con para se su al como más fue lo",
        "it": "il la di e che è per un una del della in con non si le da dei nel al sono gli",
        "pt": "o a os as de do da dos das e em um uma que para com não por no na se foi é",
        "sv": "och i att det som en på är av för med till den har de inte om ett var han från "
        "vid sin",
        "da": "og i at det en til er som på de med af for den var han ikke der et fra sin",
        "no": "og i det på som er en til av med for har de den ikke var et fra han ble",
        "nn": "og i er på som av til med ein eit det han ho vart ikkje frå dei var for om",
        "fo": "og í at er á sum av til við ein eitt hann tað so um úr frá var ikki hon",
        "pl": "i w na z się do nie że to jest o jak od po przez a dla roku",
        "vi": "và của là các có được trong một những cho với này người không đã năm từ theo",
        "id": "yang dan di dari ini itu dengan untuk pada adalah dalam tidak",
        "tr": "ve bir bu ile için da de olarak olan",
        "fi": "ja on oli että se hän ei joka kanssa myös",
    }.items()
}


#: The common function words of every language above ("the", "die", "og"): never a name.
FUNCTION_WORDS = frozenset().union(*_STOPWORDS.values())


#: Languages the rules are written for that the detector does not tell from a neighbour
#: (it reads Catalan as Spanish, or as "und").
_UNDETECTED = frozenset({"ca", "cs", "nb", "ro"})

#: Every language code wikilint knows: those it detects and those its rules are written for.
#: ``language`` (configuration, ``--language``) must be one of them.
KNOWN_LANGUAGES = (
    frozenset(_STOPWORDS)
    | frozenset(_SCRIPT_LANGUAGE.values())
    | {code for code, _ in _CYRILLIC_MARKERS}
    | {"ru", "ja", "zh", "hi", "mr", "vi"}
    | _UNDETECTED
)


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
    words = [word.casefold() for word in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    shares = {
        language: sum(counts[word] for word in stopwords) / len(words)
        for language, stopwords in _STOPWORDS.items()
    }
    best = max(shares, key=lambda language: shares[language])
    return best if shares[best] >= MIN_STOPWORD_SHARE else UNDETERMINED
