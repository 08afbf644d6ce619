"""Compare wikilint's Linter rules with a real Parsoid, article by article.

Each rule that declares ``linter_category`` implements that category of MediaWiki's Linter;
the findings of all rules of a category are matched against Parsoid's lints of it by span,
where a lint's span is the one :func:`lint_span` gives (a table in ``docs/parsoid.md``).
Lints from a template's output (``templateInfo``) need template expansion: they are counted
apart, never as misses. Findings Parsoid cannot match for want of templates are the known
differences, each with its reason (:data:`KNOWN_DIFFERENCES`): they are listed among the
extras but left out of the precision. Used by ``tests/test_parsoid_diff.py`` and
``bench/parsoid_compare.py``.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mwparserfromhell.nodes import Template
from parsoid_server import Lint, parsoid_lints

from wikilint.document.article import Article
from wikilint.linter.engine import lint_source
from wikilint.linter.finding import Finding
from wikilint.linter.registry import discover
from wikilint.linter.rule import Rule

#: Categories whose lint is about one element: a finding marks its opening tag,
#: ``[start, start + open width]`` (the element's end is wherever HTML closed it).
OPEN_TAG_CATEGORIES = frozenset(
    {
        "missing-end-tag",
        "obsolete-tag",
        "misnested-tag",
        "html5-misnesting",
        "multiple-unclosed-formatting-tags",
        "unclosed-quotes-in-heading",
        "self-closed-tag",
        "tidy-font-bug",
    }
)
#: Why a finding no lint matches is a known difference, not a false positive: a wiki without
#: templates (``tests/parsoid_server.py``) cannot show what Wikipedia's templates would.
IN_ARGUMENTS = "in a template's arguments: this wiki has no templates and never parses them"
IN_TEMPLATE_BLOCK = "inside a lint Parsoid files as template output: it needs the template"
#: Why a lint no finding matches is a known difference: it is an artefact of this wiki.
RED_LINK_IN_TEXT = "a template in the link text, which this wiki shows as a red link"
NO_MEDIA_HANDLER = "a template or a TimedMediaHandler option, which this wiki does not know"
FOOTER_TEMPLATE = "a template line since the last |} may close the table ({{BundleEnd}})"
#: Options of videos and sounds (TimedMediaHandler, not installed here).
MEDIA_OPTIONS = ("thumbtime=", "start=", "end=", "disablecontrols=", "loop", "muted")
#: A line that is one template, which may output table markup on Wikipedia.
_TEMPLATE_LINE = re.compile(r"^\{\{[^\n]*\}\}[ \t]*$", re.MULTILINE)
#: Characters of source shown for an unmatched lint or finding.
SNIPPET = 60

Span = tuple[int, int]


def lint_span(lint: Lint) -> Span:
    """The span a finding of *lint*'s category must have to match it: the opening tag for
    :data:`OPEN_TAG_CATEGORIES`, else the lint's whole ``[start, end]`` (a stripped tag,
    an image link, an external link, a table)."""
    if lint.type in OPEN_TAG_CATEGORIES:
        return lint.start, lint.start + lint.open_width
    return lint.start, lint.end


def linter_rules(selectors: Iterable[str] = ("ALL",)) -> dict[str, list[Rule]]:
    """Category -> the selected rules that implement it, with their default options."""
    registry = discover()
    by_category: dict[str, list[Rule]] = defaultdict(list)
    for rule in sorted({rule for key in selectors for rule in registry.match(key)}, key=_code):
        if rule.linter_category is not None:
            by_category[rule.linter_category].append(rule())
    return dict(by_category)


def language_of(path: Path) -> str:
    """The wiki language of a corpus article: ``intl/<lang>/...`` is *lang*, else English."""
    parts = path.parts
    if "intl" in parts and parts.index("intl") + 2 < len(parts):
        return parts[parts.index("intl") + 1]
    return "en"


@dataclass(frozen=True)
class Example:
    """An unmatched lint or finding, located for a rule author to read."""

    path: str
    line: int
    column: int
    snippet: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.detail}: {self.snippet}"


@dataclass
class Tally:
    """One category over some articles."""

    parsoid: int = 0
    """Parsoid's lints of the page's own wikitext (not those from templates)."""
    wikilint: int = 0
    matched: int = 0
    from_templates: int = 0
    missed: list[Example] = field(default_factory=list)
    """Parsoid lints no finding matches."""
    known_missed: Counter[str] = field(default_factory=Counter)
    """Of :attr:`missed`, the known differences, counted by reason: lints only a wiki
    without templates or TimedMediaHandler files."""
    extra: list[Example] = field(default_factory=list)
    """Findings no Parsoid lint matches."""
    known: Counter[str] = field(default_factory=Counter)
    """Of :attr:`extra`, the known differences, counted by reason: inside a template's
    arguments (on Wikipedia the template's output carries them) or inside the span of a lint
    Parsoid files as template output."""

    @property
    def recall(self) -> float:
        """Matched lints over lints, the known differences left out."""
        judged = self.parsoid - self.known_missed.total()
        return self.matched / judged if judged else 1.0

    @property
    def raw_recall(self) -> float:
        """Matched lints over all lints, the known differences counted as missed."""
        return self.matched / self.parsoid if self.parsoid else 1.0

    @property
    def precision(self) -> float:
        """Matched findings over findings, the known differences left out."""
        judged = self.wikilint - self.known.total()
        return self.matched / judged if judged else 1.0

    @property
    def raw_precision(self) -> float:
        """Matched findings over all findings, the known differences counted as wrong."""
        return self.matched / self.wikilint if self.wikilint else 1.0

    def add(self, other: Tally) -> None:
        self.parsoid += other.parsoid
        self.wikilint += other.wikilint
        self.matched += other.matched
        self.from_templates += other.from_templates
        self.missed += other.missed
        self.known_missed += other.known_missed
        self.extra += other.extra
        self.known += other.known


@dataclass
class Comparison:
    """Tallies per category over a set of articles, and what Parsoid cost."""

    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    articles: int = 0
    parsoid_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    """Articles Parsoid could not lint, each with the reason."""

    @property
    def seconds_per_article(self) -> float:
        return self.parsoid_seconds / self.articles if self.articles else 0.0


def compare_article(
    lints: Sequence[Lint],
    findings: Mapping[str, Sequence[Finding]],
    source: str,
    path: str,
) -> dict[str, Tally]:
    """Match Parsoid's *lints* of *source* with wikilint's *findings* per category; every
    category of either side gets a tally."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    templates = _template_spans(source) if findings else []
    own: dict[str, list[Lint]] = defaultdict(list)
    template_blocks: dict[str, list[Span]] = defaultdict(list)
    for lint in lints:
        if lint.template_info is not None:
            tallies[lint.type].from_templates += 1
            template_blocks[lint.type].append((lint.start, lint.end))
        else:
            own[lint.type].append(lint)
    for category in {*own, *findings}:
        tally = tallies[category]
        expected = Counter(lint_span(lint) for lint in own.get(category, ()))
        found = Counter(
            (finding.location.offset, finding.location.end_offset)
            for finding in findings.get(category, ())
        )
        tally.parsoid = expected.total()
        tally.wikilint = found.total()
        tally.matched = (expected & found).total()
        unmatched_lints, unmatched_findings = expected - found, found - expected
        for lint in own.get(category, ()):
            if unmatched_lints[span := lint_span(lint)] > 0:
                unmatched_lints[span] -= 1
                detail = f"Parsoid {lint.params}"
                if (reason := _known_miss(lint, source)) is not None:
                    tally.known_missed[reason] += 1
                    detail += f" (known: {reason})"
                tally.missed.append(_example(source, path, span, detail))
        for finding in findings.get(category, ()):
            span = finding.location.offset, finding.location.end_offset
            if unmatched_findings[span] > 0:
                unmatched_findings[span] -= 1
                detail = finding.code
                reason = _known_difference(span, templates, template_blocks.get(category, ()))
                if reason is not None:
                    tally.known[reason] += 1
                    detail += f" (known: {reason})"
                tally.extra.append(_example(source, path, span, detail))
    return tallies


def compare_files(
    url: str, paths: Iterable[Path], rules: Mapping[str, Sequence[Rule]]
) -> Comparison:
    """Run every article of *paths* through Parsoid at *url* and through *rules*."""
    comparison = Comparison()
    every_rule = [rule for category_rules in rules.values() for rule in category_rules]
    category_of = {rule.code: category for category, group in rules.items() for rule in group}
    for path in paths:
        source = path.read_text(encoding="utf-8-sig")
        language = language_of(path)
        started = time.perf_counter()
        try:
            lints = parsoid_lints(url, source, language)
        except OSError as error:
            comparison.failures.append(f"{path}: {error}")
            continue
        comparison.parsoid_seconds += time.perf_counter() - started
        comparison.articles += 1
        findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in lint_source(source, str(path), every_rule, language):
            if finding.code in category_of:
                findings[category_of[finding.code]].append(finding)
        for category, tally in compare_article(lints, findings, source, str(path)).items():
            comparison.tallies[category].add(tally)
    return comparison


def _known_difference(
    span: Span, templates: Sequence[Span], template_blocks: Iterable[Span]
) -> str | None:
    """Why Parsoid, on a wiki without templates, cannot match a finding at *span*, if it
    cannot."""
    if any(start < span[0] < end for start, end in templates):
        return IN_ARGUMENTS
    if any(start <= span[0] and span[1] <= end for start, end in template_blocks):
        return IN_TEMPLATE_BLOCK
    return None


def _known_miss(lint: Lint, source: str) -> str | None:
    """Why *lint* is an artefact of this wiki, if it is: a template in an external link's
    text is a red link here (a wikilink), a template on its own line is no ``|}`` here, and
    a file option that is a template or a video option is unknown here; on Wikipedia none
    is a lint."""
    text = source[lint.start : lint.end]
    if lint.type == "wikilink-in-extlink" and "{{" in text and "[[" not in text:
        return RED_LINK_IN_TEXT
    if lint.type == "deletable-table-tag":
        since_close = source[source.rfind("\n|}", 0, lint.start) + 1 : lint.start]
        if _TEMPLATE_LINE.search(since_close):
            return FOOTER_TEMPLATE
    items = lint.params.get("items", ())
    if (
        lint.type == "bogus-image-options"
        and items
        and all("{{" in item or item.startswith(MEDIA_OPTIONS) for item in items)
    ):
        return NO_MEDIA_HANDLER
    return None


def _template_spans(source: str) -> list[Span]:
    """Spans of the outermost templates of *source*."""
    article = Article(source)
    return [article.span(node) for node in article.nodes(Template, recursive=False)]


def _code(rule: type[Rule]) -> str:
    return rule.code


def _example(source: str, path: str, span: Span, detail: str) -> Example:
    start, end = span
    line = source.count("\n", 0, start) + 1
    column = start - (source.rfind("\n", 0, start) + 1) + 1
    text = source[start : min(end, start + SNIPPET)].replace("\n", "⏎")
    return Example(path, line, column, text + ("…" if end - start > SNIPPET else ""), detail)
