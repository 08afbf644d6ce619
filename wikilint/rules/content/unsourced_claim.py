"""WL104 unsourced-claim: checkable statements in prose that no citation covers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Annotated

from wikilint.analysis.citation_need import Weighed, model, raising, sentence_features
from wikilint.analysis.citations import Citations, article_citations, parenthetical_citations
from wikilint.document.article import Article, Paragraph
from wikilint.document.language_data import language_data, shared_data
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates
from wikilint.document.spans import Span
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty-first)"
)
_MAGNITUDE = r"(?:hundred thousand|thousand|million|billion|trillion)"
_SPELLED = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds of|several|a few|half a)"
)
# A number that is not part of a word, a code ("P-38", "MP3") or a longer number.
_NUMBER = r"(?<![\w$£€¥₹.,/:\-–])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w$£€¥₹.,/:\-–])\d+(?:\.\d+)?"
# Words before a number that make it a label, not a quantity: "page 5", "Apollo 11".
_LABEL_WORDS = frozenset(
    {
        "page", "pages", "p", "pp", "chapter", "chapters", "section", "sections", "no", "nos",
        "number", "episode", "episodes", "season", "seasons", "volume", "vol", "part", "parts",
        "book", "act", "scene", "verse", "verses", "psalm", "article", "articles", "op", "opus",
        "route", "highway", "interstate", "line", "track", "tracks", "platform", "grade",
        "grades", "level", "type", "class", "figure", "table", "stage", "phase", "step",
        "round", "game", "week", "division", "channel", "model", "version", "issue", "size",
        "world", "war", "ward", "district", "zone", "unit", "squadron", "wing", "group",
        "corps", "army", "fleet", "regiment", "battalion", "brigade", "age", "aged",
    }
)  # fmt: skip
#: Words after a number that are not what it counts: "from 6 to 11", "x = 0 in".
_NOT_UNITS = frozenset(
    {
        "a", "an", "the", "and", "or", "nor", "but", "to", "of", "in", "on", "at", "by", "for",
        "from", "with", "as", "than", "is", "was", "were", "are", "be", "that", "which", "who",
        "if", "then", "so",
    }
)  # fmt: skip
#: Units of measure written after a number (as ``{{convert}}`` shows them): "2000 lb" is a
#: weight, not a year. Not "in" or "at", which follow years far more often, nor a capital
#: letter alone ("In 1923 W. B. Yeats won").
_MEASURE_UNITS = frozenset(
    {
        "mm", "cm", "m", "km", "ft", "yd", "mi", "nmi", "sqmi", "sqft", "sqkm", "km2", "m2",
        "acre", "acres", "ha", "g", "kg", "t", "lb", "lbs", "oz", "l", "gal", "impgal", "usgal",
        "mph", "kn", "hp", "kW", "MW", "metres", "meters", "feet", "yards", "miles",
        "kilometres", "kilometers", "pounds", "tonnes", "tons", "litres", "liters", "gallons",
        "horsepower",
    }
)  # fmt: skip
#: What follows a sentence-opening "Many", "Most" or "Few" without generalizing: sentence
#: adverbs ("Most notably, ...") and styles ("Most Rev. John Smith").
_NOT_GENERALIZING = (
    r"(?:notably|importantly|recently|likely|probably|certainly|significantly|especially"
    r"|particularly|interestingly|famously|surprisingly|strikingly|remarkably|crucially"
    r"|rev|hon|reverend|honou?rable|holy|worshipful|excellent|eminent)\b"
)
_SUPERLATIVES = (
    "largest|biggest|smallest|highest|lowest|longest|shortest|oldest|youngest|greatest|best"
    "|worst|earliest|fastest|slowest|strongest|weakest|richest|poorest|wealthiest|tallest"
    "|deepest|heaviest|busiest|hottest|coldest|wettest|driest|widest|closest|farthest|furthest"
    "|most|least|first|only|foremost|finest|brightest|densest|deadliest|bloodiest"
    "|costliest|largest-ever|first-ever|sole"
)

# Cue branches that start with a digit, a capital or a currency sign, and those that
# start with a lower-case word: only texts with the latter's rare words need them.
_FIGURE_IN_DIGITS = (
    rf"(?:US|A|C|NZ|HK)?[$£€¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s+{_MAGNITUDE}|\s?(?:bn|m)\b)?"
    rf"|(?:{_NUMBER})\s?(?:%|per\s?cent\b)"
    rf"|(?:{_NUMBER})\s+{_MAGNITUDE}s?\b"
    rf"|(?P<count>{_NUMBER})(?![\w%]|[.,]\d|[–-]\d)(?:\s+(?P<unit>[A-Za-z][\w-]*))?"
)
_FIGURE_IN_WORDS = (
    rf"\b{_SPELLED}\s+{_MAGNITUDE}s?\b"
    r"|\b(?:millions|billions|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\b"
)
_DATE_IN_DIGITS = (
    rf"\b(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{3,4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|(?<![\w$£€.,/:\-–(])(?:1\d{3}|20\d{2})(?:s\b|(?![\w%]|[.,]\d))"
    r"|\b\d{1,2}(?:st|nd|rd|th)(?:[–-]\d{1,2}(?:st|nd|rd|th))?\s+centur(?:y|ies)\b"
    r"|\b\d{1,4}\s?(?:BCE?|AD|CE)\b"
)
_DATE_IN_WORDS = rf"\b{_ORDINAL}\s+centur(?:y|ies)\b"


def _superlative(possessive: bool) -> str:
    """The superlative cue; without the possessive determiner ("Canada's largest")
    for texts with no "'s", where it cannot match."""
    owner = r"|[A-Za-z]++['’]s" if possessive else ""  # possessive ++: no backtracking
    return (
        rf"\b(?:the|its|their|his|her|one\s+of\s+the{owner})\s+"
        rf"(?:(?:very|single|second|third|all-time)\s+)?"
        rf"(?:most\s+[a-z]+|least\s+[a-z]+|(?:{_SUPERLATIVES}))\b(?:\s+[a-z][\w-]*)?"
        r"|\b(?:a|an|the)\s+(?:new\s+)?(?:world\s+|national\s+)?record\b"
        r"|\b(?:unprecedented|all-time|record-(?:breaking|setting))\b"
        r"|\bmore\s+\w+\s+than\s+any\s+other\b"
    )


@dataclass(frozen=True, slots=True)
class Cue:
    """A kind of checkable statement: how to spot it and how to say what was seen."""

    kind: str
    phrase: str
    pattern: re.Pattern[str]
    hint: re.Pattern[str] | None
    """Found in every text the pattern matches: texts without it are skipped unread."""
    folded: re.Pattern[str] | None
    """A case-insensitive pattern made case-sensitive, to try on lower-cased text first:
    there it matches exactly where the pattern matches, but much faster."""
    shortcut: Shortcut | None = None
    words: frozenset[str] = frozenset()
    """Whole words, one of which every match holds in lower case (empty: no such set)."""

    def matches(
        self, text: str, lowered: str | None, words: set[str] | None = None
    ) -> Iterator[re.Match[str]]:
        """The pattern's matches in *text*, in order; *lowered* is it lower-cased if ASCII,
        *words* the words of *lowered*. Texts the shortcuts rule out are not scanned."""
        if self.words and words is not None and self.words.isdisjoint(words):
            return
        if self.hint is not None and self.hint.search(text) is None:
            return
        if self.folded is not None and lowered is not None:
            pattern = self.pattern
            for folded in self.folded.finditer(lowered):  # at the places the pattern matches
                match = pattern.match(text, folded.start())
                if match is not None:
                    yield match
            return
        yield from self._pattern_for(text).finditer(text)

    def _pattern_for(self, text: str) -> re.Pattern[str]:
        """The pattern, or its faster twin when *text* holds none of its rare branches."""
        shortcut = self.shortcut
        if shortcut is None or shortcut.rare.search(text) is not None:
            return self.pattern
        return shortcut.fast


@dataclass(frozen=True, slots=True)
class Shortcut:
    """A faster twin of a cue's pattern, for texts where its rare branches cannot match.

    Python's regex engine tries every branch at every position; ``fast`` drops the rare
    branches and starts with a one-character lookahead, so most positions fail at once.
    The dropped branches start with other characters than the kept ones, so the kept
    ones match at the same places with or without them.
    """

    rare: re.Pattern[str]
    """Found in every text a dropped branch matches."""
    fast: re.Pattern[str]


def _shortcut(first: str, branches: str, rare: str) -> Shortcut:
    """A :class:`Shortcut` keeping *branches*, whose matches start with a *first* char."""
    return Shortcut(re.compile(rare), re.compile(rf"(?={first})(?:{branches})"))


def _cue(
    kind: str,
    phrase: str,
    pattern: str,
    flags: int = 0,
    hint: str | None = None,
    shortcut: Shortcut | None = None,
    words: str = "",
) -> Cue:
    folded = None
    if flags & re.IGNORECASE:
        assert pattern == pattern.lower(), "folding needs a lower-case pattern"
        folded = re.compile(pattern, flags & ~re.IGNORECASE)
    compiled_hint = re.compile(hint) if hint else None
    compiled = re.compile(pattern, flags)
    return Cue(kind, phrase, compiled, compiled_hint, folded, shortcut, frozenset(words.split()))


#: Cue kinds in the order a message names them: the strongest reason first.
CUES: tuple[Cue, ...] = (
    _cue(
        "weasel",
        "attributes an opinion to unnamed people",
        r"\b(?:some|many|most|several|various|numerous|certain|other)\s+(?:\w+\s+)?"
        r"(?:people|critics|scholars|historians|observers|experts|commentators|researchers"
        r"|analysts|sources|writers|authors|fans|reviewers|economists|academics|theologians"
        r"|believe|argue|claim|say|feel|consider|think|suggest|contend|maintain|have argued"
        r"|have claimed|have suggested|speculate)\b"
        r"|\bcritics\s+(?:have\s+)?(?:say|said|argue|argued|claim|claimed|contend|called"
        r"|described|praised|panned|noted)\b"
        r"|\b(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:said|believed"
        r"|claimed|thought|argued|suggested|considered|reported|rumou?red|estimated|alleged"
        r"|speculated|held|assumed)\b"
        r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:considered|regarded"
        r"|thought|believed|reputed|said|claimed|rumou?red|alleged|seen|viewed|hailed|touted)"
        r"\s+(?:by\s+[^.,;:]{1,60}?\s+)?(?:to\s+(?:be|have)|as|that)\b"
        r"|\baccording\s+to\s+(?:some|many|most|critics|experts|legend|tradition|rumou?rs?)\b"
        r"|\bwidely\s+(?:considered|regarded|seen|believed|recogni[sz]ed|acknowledged|known)\b",
        re.IGNORECASE,
        words="some many most several various numerous certain other critics according widely"
        " said believed claimed thought argued suggested considered reported rumored rumoured"
        " estimated alleged speculated held assumed regarded reputed seen viewed hailed touted",
    ),
    _cue(
        "quotation",
        "quotes someone",
        r"[\"“](?P<quote>[^\"“”]{8,}?)[\"”]",
        hint=r"[\"“]",
    ),
    _cue(
        "superlative",
        "makes a superlative claim",
        _superlative(possessive=True),
        shortcut=_shortcut("[tihoaurm]", _superlative(possessive=False), "['’]s"),
        words=f"{_SUPERLATIVES.replace('|', ' ').replace('-ever', '')} record unprecedented time"
        " than",
    ),
    _cue(
        "attribution",
        "reports an opinion",
        r"\b(?:argued|argues|claimed|claims|contended|contends|asserted|asserts|insisted"
        r"|believed|believes|opined|criticized|criticised|condemned|denounced|praised"
        r"|alleged|accused)\b"
        r"|\b(?:said|says|stated|states|wrote|writes|noted|remarked|commented|declared"
        r"|suggested|told\s+\w+)\s+(?:that\b|[\"“])"
        r"|\baccording\s+to\s+[A-Z]",
        words="argued argues claimed claims contended contends asserted asserts insisted believed"
        " believes opined criticized criticised condemned denounced praised alleged accused said"
        " says stated states wrote writes noted remarked commented declared suggested told"
        " according",
    ),
    _cue(
        "judgement",
        "makes an unattributed judgement",
        r"\b(?:acclaimed|renowned|famous|famously|legendary|iconic|prestigious|world-class"
        r"|celebrated|influential|notable|outstanding|remarkable|extraordinary|unique|powerful"
        r"|gold\s+standard|surprisingly|best-known|well-known|popular|successful|exceptional"
        r"|highly\s+regarded)\b",
        re.IGNORECASE,
        words="acclaimed renowned famous famously legendary iconic prestigious class celebrated"
        " influential notable outstanding remarkable extraordinary unique powerful gold"
        " surprisingly known popular successful exceptional highly",
    ),
    _cue(
        "generalization",
        "generalizes",
        r"\b(?:very\s+few|only\s+a\s+few|almost\s+all|nearly\s+all|virtually\s+all"
        r"|(?:the\s+)?(?:vast\s+)?majority\s+of|a\s+minority\s+of|typically|usually|commonly"
        r"|generally|in\s+general)\b"
        rf"|^(?:many|most|few)\s+(?!of\s+(?:these|those|them|which)\b|{_NOT_GENERALIZING})\w+",
        re.IGNORECASE,
        words="few almost nearly virtually majority minority typically usually commonly generally"
        " general many most",
    ),
    _cue(
        "figure",
        "states a figure",
        f"{_FIGURE_IN_DIGITS}|{_FIGURE_IN_WORDS}",
        hint=r"\d|thousand|million|billion|trillion",
        shortcut=_shortcut(
            r"[\dUACNH$£€¥₹]", _FIGURE_IN_DIGITS, "thousand|million|billion|trillion"
        ),
    ),
    _cue(
        "living",
        "makes a claim about a living person",
        r"\b(?:was|were|has\s+been|had\s+been|is|got)\s+(?:arrested|charged|convicted|sentenced"
        r"|indicted|sued|accused|jailed|imprisoned|fined|investigated|divorced|hospitali[sz]ed"
        r"|diagnosed|fired|expelled|suspended)\b"
        r"|\b(?:married|divorced|engaged\s+to|his\s+wife|her\s+husband|girlfriend|boyfriend"
        r"|net\s+worth|converted\s+to|came\s+out\s+as|lawsuit|affair|scandal|rehab|addiction"
        r"|overdose|pleaded\s+guilty)\b",
        re.IGNORECASE,
        words="arrested charged convicted sentenced indicted sued accused jailed imprisoned fined"
        " investigated divorced hospitalized hospitalised diagnosed fired expelled suspended"
        " married engaged wife husband girlfriend boyfriend worth converted came lawsuit affair"
        " scandal rehab addiction overdose guilty",
    ),
    _cue(
        "date",
        "dates an event",
        f"{_DATE_IN_DIGITS}|{_DATE_IN_WORDS}",
        hint=r"\d|centur",
        shortcut=_shortcut(r"[\dJFMASOND]", _DATE_IN_DIGITS, "centur"),
    ),
)
CUE_KINDS: tuple[str, ...] = tuple(cue.kind for cue in CUES)

#: Sections whose prose is sourced elsewhere or is not a claim: apparatus, and plot
#: summaries (the work itself is their source).
_EN = language_data("en").sections
SKIPPED_SECTIONS = (*_EN.references, *_EN.external_links, *_EN.see_also, *_EN.plot, *_EN.lists)
_LIVING_CATEGORY = re.compile(r"\[\[\s*category\s*:\s*living[ _]people\s*[\]|]", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_MATH_SIGNS = frozenset("=+−×*/<>≤≥^")
_FULL_STOPS = frozenset(".!?…")
_CLOSERS = "\"'”’»)]"
_QUOTE_SHOWN = 40
_WORD = re.compile(r"\w+", re.ASCII)  # for lower-cased ASCII text only
_MONTH_NAME = re.compile(_MONTH)


def find_cues(text: str, kinds: Iterable[str], living: bool = False) -> list[tuple[str, str]]:
    """``(phrase, matched text)`` of each cue kind in *kinds* found in a sentence."""
    return [(cue.phrase, shown) for cue, shown in cue_matches(text, kinds, living)]


@cache
def _wanted_cues(kinds: tuple[str, ...], living: bool) -> tuple[Cue, ...]:
    """The cues of *kinds*, in message order; "living" only for a living person."""
    return tuple(cue for cue in CUES if cue.kind in kinds and (living or cue.kind != "living"))


def cue_matches(text: str, kinds: Iterable[str], living: bool = False) -> list[tuple[Cue, str]]:
    """Each cue of a kind in *kinds* found in a sentence, with the text to quote."""
    found: list[tuple[Cue, str]] = []
    lowered = text.lower() if text.isascii() else None
    words = set(_WORD.findall(lowered)) if lowered is not None else None
    for cue in _wanted_cues(tuple(kinds), living):
        for match in cue.matches(text, lowered, words):
            shown = _accept(cue.kind, text, match)
            if shown:
                found.append((cue, shown))
                break
    return found


@dataclass(frozen=True, slots=True)
class Flag:
    """An uncovered sentence whose score reaches the threshold."""

    start: int
    end: int
    score: float
    claim: Claim
    weighed: list[Weighed]
    """Its weighted features (``Model.weigh``): the reasons, named only for a finding's
    own sentence."""
    run: int
    """The uncited stretch it is in: sentences between two citations in one section."""
    backed: bool
    """Whether what it states raises its score (a claim cue, or words, names and section
    that make a footnote clearly likelier: ``_STATES_ENOUGH``), not only where it stands
    and how long it is."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of a paragraph, as the citation-need score sees it."""

    cues: list[tuple[Cue, str]]
    features: list[str]


@dataclass(frozen=True, slots=True)
class Sentences:
    """The sentences of a paragraph from number *first* on, as the score sees them: the
    cues of each found at once (a sentence's features include the next one's cues), its
    features on demand."""

    texts: list[str]
    cues: list[list[tuple[Cue, str]]]
    title: str
    first: int
    count: int

    def claim(self, number: int) -> Claim:
        """Sentence *first* + *number* with its score features."""
        cues, texts = self.cues, self.texts
        following, following_kinds = "", []
        if number + 1 < len(texts):
            following, following_kinds = texts[number + 1], [c.kind for c, _ in cues[number + 1]]
        kinds = [cue.kind for cue, _ in cues[number]]
        features = sentence_features(
            texts[number], kinds, self.title, self.first + number, self.count, following,
            following_kinds,
        )  # fmt: skip
        return Claim(cues[number], features)


def paragraph_sentences(
    article: Article, paragraph: Paragraph, kinds: Iterable[str], living: bool, first: int = 0
) -> Sentences:
    """The sentences of *paragraph* from number *first* on, with their cues."""
    text = paragraph.prose.text
    texts = [text[start:end] for start, end in paragraph.sentences[first:]]
    cues = [cue_matches(sentence, kinds, living) for sentence in texts]
    title = article.sections[paragraph.section].title
    return Sentences(texts, cues, title, first, len(paragraph.sentences))


def paragraph_claims(
    article: Article, paragraph: Paragraph, kinds: Iterable[str], living: bool, first: int = 0
) -> list[Claim]:
    """The cues and score features of each sentence of *paragraph* from number *first* on."""
    sentences = paragraph_sentences(article, paragraph, kinds, living, first)
    return [sentences.claim(number) for number in range(len(sentences.texts))]


def _accept(kind: str, text: str, match: re.Match[str]) -> str | None:
    """The text to quote for a cue match, or ``None`` when the match is no cue."""
    if kind == "quotation":
        return _quotation(match.group("quote"))
    if kind == "figure" and match.group("count") is not None:
        return _count(text, match)
    if kind == "date" and match.group().isdigit():
        if _follows_name(text, match.start()):
            return None  # a name: "Data Protection Act 1998", "Euro 2004"
        following = text[match.end() :].split(maxsplit=1)
        if following and following[0].rstrip(".,;:)") in _MEASURE_UNITS:
            return None  # a measure: "2000 lb"
    if kind == "attribution":  # name who holds the opinion: "Stalin had said that"
        before = text[: match.start()].split()[-2:]
        return " ".join([*before, match.group().strip()])
    return match.group().strip()


def _quotation(quote: str) -> str | None:
    """A quotation of four words or more; titles ("Marching to Pretoria") are not."""
    words = quote.split()
    capitalized = sum(word[:1].isupper() for word in words)
    if len(words) < 4 or capitalized * 2 > len(words):
        return None
    return quote if len(quote) <= _QUOTE_SHOWN else quote[: _QUOTE_SHOWN - 1].rstrip() + "…"


def _count(text: str, match: re.Match[str]) -> str | None:
    """A bare number counts things ("73 men"), unless it labels them ("page 5")."""
    unit = match.group("unit")
    if unit is None or unit in _NOT_UNITS or _MONTH_NAME.fullmatch(unit):
        return None
    if text[: match.start()].rstrip()[-1:] in _MATH_SIGNS:
        return None  # a formula: "xy = 0"
    number = match.group("count")
    is_year = len(number) == 4 and number.isdigit() and 1000 <= int(number) <= 2099
    if is_year and unit not in _MEASURE_UNITS:
        return None  # a year: the date cue's business
    before = text[: match.start()].split()
    if before and before[-1].strip("([\"'“").casefold().rstrip(".") in _LABEL_WORDS:
        return None
    if _follows_name(text, match.start()):
        return None  # part of a name: "Apollo 11", "Boeing 747"
    return match.group().strip()


def _follows_name(text: str, start: int) -> bool:
    """Whether a number at *start* follows a capitalized word inside the sentence."""
    before = text[:start].split()
    if len(before) < 2:
        return False
    previous = before[-1].strip("([\"'“")
    return previous[:1].isupper() and not _MONTH_NAME.fullmatch(previous)


def _first_uncovered(paragraph: Paragraph, last_citation: int) -> int | None:
    """The number of the first sentence after the paragraph's last citation, if any:
    the sentences up to it are covered by it."""
    prose = paragraph.prose
    return next(
        (
            index
            for index, (start, _) in enumerate(paragraph.sentences)
            if prose.offset(start) > last_citation
        ),
        None,
    )


#: Markup of a formula: a sentence that holds one states or derives mathematics, which
#: editors cite by the section, not by the step (WP:CALC).
_FORMULA = re.compile(r"<(?:math|chem|ce)\b|\{\{\s*(?:math|mvar|tmath|bigmath)\s*\|", re.IGNORECASE)


#: Italic or bold single letters: the variables of a formula written as text
#: ("''f'' is a C<sup>1</sup> function"), the steps of a derivation (WP:CALC).
_VARIABLE = re.compile(r"(?<!')'{2,3}[A-Za-z]'{2,3}(?!')")
#: Openings of an example or a hypothesis, which illustrate and claim nothing to cite.
_EXAMPLE = re.compile(r"(?:For\s+(?:example|instance)|Suppose|Imagine)\b")
#: An external link with a label inside the sentence: it names its source itself.
_LINKED_SOURCE = re.compile(r"\[(?:https?:)?//[^\s\]]+\s[^\]]")
#: A sentence whose verb "include" is followed by links alone: a list of examples.
_INCLUDES = re.compile(r"\binclude[sd]?\s+(?:\[\[[^\[\]]*\]\]|[\s,]|\band\b|\bthe\b)++\.?$")


def is_citable(source: str, prose: str, span: Span) -> bool:
    """Whether a sentence is one editors cite: not one holding a formula or a variable,
    nor one that opens a formula, list or quotation ("... is defined as follows:") or
    stops without ending (a formula or a list follows), nor an example or a hypothesis
    ("For example, ...", "Suppose ..."), nor a list of examples ("Other squares include
    [[A]], [[B]] and [[C]].")."""
    text = prose[span[0] : span[1]].strip()
    return not (
        not _ends_sentence(text)
        or text[:1].islower()
        or _EXAMPLE.match(text)
        or _FORMULA.search(source)
        or _VARIABLE.search(source)
        or ("//" in source and _LINKED_SOURCE.search(source))
        or ("include" in source and _INCLUDES.search(source.strip()))
    )


def _ends_sentence(text: str) -> bool:
    """Whether *text* ends a sentence: a full stop, question or exclamation mark or an
    ellipsis, then perhaps closing quotes and brackets and white space."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _FULL_STOPS


#: What editors cite in a section of formulas: who found what and when, and judgements.
#: Its figures are computations (WP:CALC), its quoted words terms, its other sentences
#: the steps and textbook explanations that the section's sources cover as a whole.
_CITED_BESIDE_FORMULAS = frozenset(
    {"date", "attribution", "weasel", "superlative", "judgement", "living"}
)


@per_article
def formula_sections(article: Article) -> set[int]:
    """Indexes of the sections whose own text holds a formula."""
    source = article.source
    return {
        section.index
        for section in article.sections
        if _FORMULA.search(source, *section.own_body) is not None
    }


def _has_content(article: Article, span: tuple[int, int]) -> bool:
    """Whether a section body holds more than whitespace and comments."""
    return bool(_COMMENT.sub("", article.source[span[0] : span[1]]).strip())


#: What the words, names and section of a sentence without a claim cue must add to the
#: log-odds before it can carry a finding: below it they read as a description or an
#: explanation ("An implementation can be found in the open source software JBoost.").
_STATES_ENOUGH = 0.2

_POSITIONS = {
    "pos:last": "ends its paragraph",
    "end:0": "ends its paragraph",
    "pos:only": "stands alone as a paragraph",
}
_MOST_NAMED = 3
#: Words too common to explain a score; numbers are named by their cue.
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "by", "for", "from",
        "to", "with", "as", "is", "was", "were", "are", "be", "been", "it", "its", "he", "she",
        "his", "her", "they", "their", "this", "that", "these", "those", "which", "who",
        "has", "had", "have", "not", "also", "into", "after", "before", "than", "s",
        "#", "##", "###", "####", "#####",
    }
)  # fmt: skip


def describe(claim: Claim, raising: list[tuple[float, str]]) -> list[str]:
    """Up to three reasons for a score, strongest first, from the features that raise it
    (those that say nothing to a reader, such as the next sentence's first word, are not
    named)."""
    shown = {cue.kind: f'{cue.phrase} ("{text}")' for cue, text in claim.cues}
    reasons: list[str] = []
    for _, feature in raising:
        kind, _, value = feature.partition(":")
        if kind == "cue" or kind.endswith("&cue"):
            reason = shown.get(value, "")
        elif kind in ("w", "p") and _FUNCTION_WORDS.isdisjoint(value.split()):
            reason = f'mentions "{value}"'
        elif kind == "sec" and value:
            reason = f'is in a "{value}" section'
        elif kind == "names" and value != "0":
            reason = "names people, places or works"
        elif kind == "len" and value in ("long", "longer", "longest"):
            reason = "is a long sentence"
        else:
            reason = _POSITIONS.get(feature, "")
        if reason and reason not in reasons:
            reasons.append(reason)
        if len(reasons) == _MOST_NAMED:
            break
    return reasons


def _message(score: float, reasons: list[str]) -> str:
    if not reasons:
        reasons = ["reads like sentences that editors cite"]
    listed = ", ".join(reasons[:-1]) + " and " + reasons[-1] if len(reasons) > 1 else reasons[0]
    return f"unsourced claim (citation need {score:.2f}): {listed}"


@per_article
def tagged_offsets(article: Article) -> list[int]:
    """Source offsets of the {{citation needed}} tags (and kin) of *article*, in order."""
    names = shared_data().citation_needed_templates
    return [
        article.span(template)[0] for name, template in named_templates(article) if name in names
    ]


class UnsourcedClaim(Rule):
    code = "WL104"
    name = "unsourced-claim"
    severity = Severity.INFO
    summary = "A sentence states a checkable fact that no citation covers."
    languages = frozenset({"en"})
    enabled_by_default = False

    @dataclass(frozen=True)
    class Options:
        check_lead: Annotated[
            bool, Doc("Check the lead too; by default it is a summary of the cited body.")
        ] = False
        join_lines: Annotated[
            bool,
            Doc("Let a citation cover every line of its rendered paragraph, not only its own."),
        ] = False
        threshold: Annotated[
            float,
            Range(0.0, 1.0),
            Doc("Report a sentence whose citation-need score (0 to 1) reaches this."),
        ] = 0.15
        min_cited_share: Annotated[
            float,
            Range(0.0, 1.0),
            Doc("Below this share of paragraphs citing anything, one finding for the article."),
        ] = 0.5
        min_paragraphs: Annotated[
            int,
            Range(1, 1_000_000),
            Doc("Checked paragraphs an article needs before min_cited_share applies."),
        ] = 3
        min_cues: Annotated[
            int,
            Range(0, len(CUE_KINDS)),
            Doc("Report a sentence only when it also shows this many kinds of claim cue."),
        ] = 0
        cues: Annotated[
            tuple[str, ...],
            Doc("Kinds of claim cue to look for (see ``CUE_KINDS``): features of the score."),
        ] = CUE_KINDS
        skip_sections: Annotated[
            tuple[str, ...],
            Doc("Section titles (any case) whose prose, sub-sections included, is skipped."),
        ] = SKIPPED_SECTIONS

    docs = RuleDocs(
        what=(
            "A sentence that states a checkable fact (a figure, a dated event, a quotation, "
            "a superlative or a first, an opinion attributed to someone or to unnamed people "
            "such as 'critics', a personal claim about a living person) where no inline "
            "citation covers it, scored by how likely editors are to cite such a sentence."
        ),
        why=(
            "Wikipedia's verifiability policy asks for an inline citation for material "
            "likely to be challenged and for every quotation; editors tag such sentences "
            "{{citation needed}}. Finding them before a reviewer does saves a round trip."
        ),
        bad=(
            "==History==\n"
            "The company was founded in 1901.<ref>Smith 2001, p. 4.</ref> "
            "By 1950 it employed 20,000 people and was the largest employer in the region.\n"
        ),
        good=(
            "==History==\n"
            "The company was founded in 1901. By 1950 it employed 20,000 people and was the "
            "largest employer in the region.<ref>Smith 2001, p. 4.</ref>\n"
        ),
        notes=(
            "Coverage follows Wikipedia practice: a citation (<ref>, {{sfn}}, {{harvnb}}, "
            "{{r}}, {{rp}}, {{cite ...}}, {{citation}}, a bare [http://...] link; {{efn}} "
            "only when it holds one) covers the sentence it ends or sits in and the uncited "
            "sentences before it in the same paragraph, and citations on the line right "
            "after a paragraph count as its own. So only sentences after a paragraph's last "
            "citation, or in a paragraph without any, are checked. A paragraph is a source "
            "line, as its editor wrote it (MediaWiki would join lines split by one newline: "
            "option join_lines), but a line that stops mid-sentence is covered by the "
            "citations of the next line. The lead is a summary of the body and is skipped, "
            "unless the article has no body prose (a stub without headings, or only empty "
            "sections). "
            "Reference, link and plot sections are skipped. English only. "
            "Which uncovered sentences count is decided by a citation-need score (0 to 1, "
            "option threshold, default 0.15): a logistic regression over the claim cues "
            "(figures, dates, quotations, superlatives, attributions, judgements, "
            "generalizations, living people), words and word pairs, the section title, the "
            "position in the paragraph and the next sentence's opening, the length and "
            "capitalized names, learned by bench/citation_train.py from where editors put "
            "footnotes in 206 well-cited articles (split by article). Not reported, as "
            "sentences editors do not cite: one that holds a formula (<math>, {{math}}, "
            "{{mvar}}) or a variable (''f''), one that opens a formula, list or quotation "
            "(ends in ':', ',' or ';') or stops without ending, one that starts in lower "
            "case (it continues one broken by a formula), an example or a hypothesis ('For "
            "example', 'Suppose'), a list of examples ('Other squares include [[A]], [[B]] "
            "and [[C]].'), and one that links its own source ([http://... a survey]). In a "
            "section that holds a formula, only a sentence that dates an event, attributes "
            "a view, or makes a superlative or judgement is reported: its figures are "
            "computations (WP:CALC), its quoted words terms. "
            "The score of any uncited sentence that ends a paragraph is "
            "0.2 to 0.3 from its position and length alone, so a stretch is reported only "
            "when one of its sentences states something: a claim cue, or words, names and a "
            "section title that together raise its log-odds by more than 0.2; a text that "
            "states nothing checkable ('The cat sat on the mat.') is never reported. One "
            "finding per uncited stretch (the sentences between two citations in one "
            "section) sits at its strongest such sentence and names the others that reach "
            "the threshold as related locations; the message names the one to three "
            "features that raise the score most. An article of at least min_paragraphs "
            "(default 3) checked paragraphs where fewer than min_cited_share (default 0.5) "
            "of them cite anything gets one finding in all: it needs more citations "
            "({{More citations needed}}), not a tag per sentence. On the test split the "
            "score has 1.86 times the base rate at 50% recall and 1.24 at the default "
            "threshold (91% recall). Human {{citation needed}} tags removed: 77% found on "
            "corpus/en, 60% on en-extra; 2.3 and 2.4 findings per article "
            "(bench/results/unsourced_claim.md). A year-like number before a unit "
            "(`2000 lb`, `1350 metres`) is a figure, not a date. Off by default since "
            "2026-12-01: 37 of 45 findings read were worth a tag (82%; see precision)."
        ),
        precision=(
            "Off by default: 37 of 45 findings read (2026-12-01, a fresh sample of "
            "corpus/en and en-extra, seed 777) state a claim an editor would tag "
            "{{citation needed}}: 82%, under the 90% asked of rules on by default (reads "
            "with earlier seeds: 82% before the skips above, 85% with part of them). The "
            "misses: textbook statements in science articles ('the shortest path between "
            "two points on a sphere'), sentences that name their own source in prose (a "
            "book with its pages, a Bible verse), lists of examples ('films shot in "
            "Berlin include ...') and plain descriptions. Turn it on with "
            "--extend-select WL104 (or extend-select in the configuration)."
        ),
    )

    def check(self, article: Article) -> Iterator[Finding]:
        flags, cited, checked = self._flags(article)
        if not any(flag.backed for flag in flags):
            return
        options = self.options
        if checked >= options.min_paragraphs and cited < checked * options.min_cited_share:
            uncited = f"{checked - cited} of {checked} paragraphs cite nothing"
            yield self._grouped(article, flags, "in the article", uncited)
            return
        for _, run in groupby(flags, key=lambda flag: flag.run):
            stretch = list(run)
            if any(flag.backed for flag in stretch):
                yield self._grouped(article, stretch, "in the same uncited stretch")

    def _flags(self, article: Article) -> tuple[list[Flag], int, int]:
        """The uncovered sentences that reach the threshold, in source order, and how many
        checked paragraphs cite something, of how many."""
        citations = article_citations(article)
        skipped = self._skipped_sections(article)
        living = bool(_LIVING_CATEGORY.search(article.source))
        flags: list[Flag] = []
        run = cited = checked = 0
        section = -1
        for _, group in groupby(article.paragraphs, key=lambda paragraph: paragraph.block):
            lines = list(group)
            if all(line.section in skipped for line in lines):
                continue
            for paragraph, cover in zip(lines, self._coverage(citations, lines), strict=True):
                if paragraph.section in skipped or not paragraph.sentences:
                    continue
                first = _first_uncovered(paragraph, cover)
                checked += 1
                if first != 0 or paragraph.section != section:
                    run += 1  # a citation or a heading ends an uncited stretch
                    cited += first != 0
                section = paragraph.section
                if first is not None:
                    flags += self._paragraph_flags(article, paragraph, first, living, run)
        return flags, cited, checked

    def _coverage(self, citations: Citations, lines: list[Paragraph]) -> list[int]:
        """For each line of a rendered paragraph, the offset of the last citation that
        covers its sentences (those starting before it), or -1."""
        covers = []
        for line in lines:
            inside = citations.in_range(line.start, line.end)
            covers.append(
                max(
                    [start for start, _ in inside] + parenthetical_citations(line.prose), default=-1
                )
            )
        after = citations.trailing(lines[-1].end)
        if after:
            covers[-1] = after[-1][0]
        if self.options.join_lines:
            return [max(covers)] * len(lines)
        for number in range(len(lines) - 2, -1, -1):
            if not _ends_sentence(lines[number].prose.text):
                covers[number] = max(covers[number], covers[number + 1])  # a wrapped sentence
        return covers

    def _paragraph_flags(
        self, article: Article, paragraph: Paragraph, first: int, living: bool, run: int
    ) -> Iterator[Flag]:
        """The sentences of *paragraph* from number *first* on that reach the threshold."""
        prose, options = paragraph.prose, self.options
        scorer = model()
        sentences = paragraph_sentences(article, paragraph, options.cues, living, first)
        tags = tagged_offsets(article)
        beside_formulas = paragraph.section in formula_sections(article)
        for index, cues in enumerate(sentences.cues, start=first):
            if len(cues) < options.min_cues:
                continue
            start, end = prose.span(*paragraph.sentences[index])
            following = paragraph.sentences[index + 1 : index + 2]
            until = prose.offset(following[0][0]) if following else paragraph.end
            if bisect_left(tags, start) < bisect_left(tags, until):
                continue  # editors have tagged it {{citation needed}} already
            if not is_citable(article.source[start:end], prose.text, paragraph.sentences[index]):
                continue
            if beside_formulas and _CITED_BESIDE_FORMULAS.isdisjoint(c.kind for c, _ in cues):
                continue
            claim = sentences.claim(index - first)
            score, weighed = scorer.weigh(claim.features)
            if score >= options.threshold:
                backed = bool(claim.cues) or scorer.evidence_of(weighed) > _STATES_ENOUGH
                yield Flag(start, end, score, claim, weighed, run, backed)

    def _grouped(self, article: Article, flags: list[Flag], where: str, *notes: str) -> Finding:
        """One finding at the strongest backed one of *flags*, naming the others as related."""
        strongest = max((flag for flag in flags if flag.backed), key=lambda flag: flag.score)
        others = len(flags) - 1
        if others:
            sentences = "sentence" if others == 1 else "sentences"
            notes = (f"{others} more uncited {sentences} {where}", *notes)
        reasons = describe(strongest.claim, raising(strongest.weighed))
        message = "; ".join([_message(strongest.score, reasons), *notes])
        related = [
            (flag.start, flag.end, f"also uncited (citation need {flag.score:.2f})")
            for flag in flags
            if flag is not strongest
        ]
        return self.finding(article, strongest.start, strongest.end, message, related=related)

    def _skipped_sections(self, article: Article) -> set[int]:
        """Indexes of sections whose prose is not checked."""
        skipped = article.sections_titled(self.options.skip_sections)
        if not self.options.check_lead and any(
            _has_content(article, section.own_body)
            for section in article.sections[1:]
            if section.index not in skipped
        ):
            skipped.add(0)
        return skipped
