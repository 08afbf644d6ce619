"""WL412 bogus-image-options: a file option MediaWiki ignores, such as a second caption."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.analysis.file_links import Param, file_links, params
from wikilint.analysis.html_tags import in_foreign
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: English image options without a value, by the group of which only the first counts
#: (MediaWiki's MessagesEn.php ``img_*`` magic words, case-sensitive; Parsoid's
#: ``Consts::$Media['SimpleOptions']``).
SIMPLE_OPTIONS = {
    **dict.fromkeys(("left", "right", "center", "centre", "none"), "halign"),
    **dict.fromkeys(
        ("baseline", "sub", "super", "sup", "top", "text-top", "middle", "bottom", "text-bottom"),
        "valign",
    ),
    **dict.fromkeys(("thumb", "thumbnail", "frame", "framed", "enframed", "frameless"), "format"),
    "border": "border",
    "upright": "upright",
}
#: English image options with a value (``alt=...``), by key; TimedMediaHandler's too.
PREFIX_OPTIONS = {
    "alt": "alt", "class": "class", "lang": "lang", "link": "link", "page": "page",
    "upright": "upright", "thumb": "manualthumb", "thumbnail": "manualthumb",
    "thumbtime": "thumbtime", "start": "start", "end": "end",
}  # fmt: skip
_PREFIX = re.compile(r"(?P<key>[a-z]+)(?:=|(?<=page) |(?<=upright) )(?P<value>.*)", re.DOTALL)
_WIDTH = re.compile(r"(?P<value>.*)px", re.DOTALL)
_DIMENSIONS = re.compile(r"\s*(?:\d+\s*)?(?:x\s*\d+\s*)?")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]+)*", re.IGNORECASE)


class BogusImageOptions(Rule):
    code = "WL412"
    name = "bogus-image-options"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    linter_category = "bogus-image-options"
    languages = frozenset({"en"})
    summary = "A file option MediaWiki ignores: a second caption, a repeated or unknown option."
    docs = RuleDocs(
        what="A `[[File:...]]` option that MediaWiki drops: an empty option (`||`), a caption "
        "followed by another caption (only the last is shown), a second option of a group of "
        "which only the first counts (`thumb|...|thumb`, `left|right`, a second `alt=`), a "
        "size given twice (the last counts), or a misspelt option (`Center`, options are "
        "case-sensitive), which is taken for a caption.",
        why="The ignored text is usually a caption or a setting the editor meant to show: it "
        "is lost without a trace. Parsoid's Linter files it as bogus-image-options (medium "
        "priority); these are also the duplicate file captions and options npm wikilint "
        "reports.",
        bad="[[File:Map.png|thumb|300px|right|thumb|Map of the routes.]]\n"
        "[[File:Logo.png|thumb|left||alt=Logo|The logo]]\n",
        good="[[File:Map.png|thumb|right|Map of the routes.]]\n"
        "[[File:Logo.png|thumb|left|alt=Logo|The logo]]\n",
        notes="One finding per file link, spanning the link from `[[` to `]]` as Parsoid's dsr "
        "does, naming the ignored options. English only: other wikis have localised option "
        "names, so an unknown word may be an option there. Links whose options hold a "
        "template are left out (the template may expand to an option). "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/bogus-image-options",
        fix="Safe when every ignored option is empty, an exact repeat of an option in effect or "
        "a size the last one overrides: deleting them changes nothing shown. An ignored "
        "caption or misspelt option is left to the editor.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 3 lints, 3 findings, recall and precision 3/3; en-extra (280) 6/6 "
        "and 6/6. Not counted: 3 lints of the test wiki alone (`thumbtime=` without "
        "TimedMediaHandler, `{{largethumb}}` without the template). Not covered: options of "
        "`<gallery>` lines, which Parsoid lints too.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for link in file_links(article):
            start, end = article.span(link)
            options = params(article, link)
            if in_foreign(article, start, end) or any("{{" in option.text for option in options):
                continue
            bogus, harmless = _bogus(options)
            if bogus:
                names = ", ".join(f'"{option.text}"' for option in bogus)
                yield self.finding(
                    article,
                    start,
                    end,
                    f"file option{'s' if len(bogus) > 1 else ''} ignored: {names}",
                    fix=_fix(article, bogus) if len(harmless) == len(bogus) else None,
                )


def _bogus(options: list[Param]) -> tuple[list[Param], list[Param]]:
    """The options MediaWiki ignores, in order, and those of them whose deletion shows the
    same (empty, an exact repeat, an overridden size)."""
    seen: dict[str, Param] = {}
    bogus: list[Param] = []
    harmless: list[Param] = []
    caption: Param | None = None
    for option in options:
        group, valid = _group(option.text)
        if group is None:
            if caption is not None:
                bogus.append(caption)
                if not caption.text:
                    harmless.append(caption)
            caption = option
        elif not valid:
            bogus.append(option)
        elif group == "width":
            if "width" in seen:
                bogus.append(seen["width"])
                harmless.append(seen["width"])
            seen["width"] = option
        elif group in seen or (group == "manualthumb" and "format" in seen):
            bogus.append(option)
            if seen.get(group) is not None and seen[group].text == option.text:
                harmless.append(option)
        else:
            seen[group] = option
            if group == "manualthumb":
                seen["format"] = option
    bogus.sort(key=lambda option: option.start)
    return bogus, harmless


def _group(text: str) -> tuple[str | None, bool]:
    """The option group of an option's text and whether its value is valid; ``None`` for a
    caption."""
    if text in SIMPLE_OPTIONS:
        return SIMPLE_OPTIONS[text], True
    prefix = _PREFIX.fullmatch(text)
    if prefix and prefix["key"] in PREFIX_OPTIONS:
        key, value = PREFIX_OPTIONS[prefix["key"]], prefix["value"].strip()
        if key == "upright":
            return key, _positive(value)
        if key == "lang":
            return key, _LANGUAGE.fullmatch(value) is not None
        return key, True
    width = _WIDTH.fullmatch(text)
    if width:
        return "width", _DIMENSIONS.fullmatch(width["value"]) is not None and bool(
            width["value"].strip()
        )
    return None, True


def _positive(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False


def _fix(article: Article, options: list[Param]) -> Fix:
    """Each option deleted with the `|` before it."""
    edits = tuple(
        Edit(article.source.rindex("|", 0, option.start), option.end, "") for option in options
    )
    return Fix(edits, Applicability.SAFE, "delete the ignored options")
