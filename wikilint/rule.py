"""The rule interface: small, self-describing checks over an :class:`Article`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar, get_args, get_origin, get_type_hints

from wikilint.article import Article
from wikilint.finding import Applicability, Finding, Fix, Location, Related, Severity


@dataclass(frozen=True, slots=True)
class RuleDocs:
    """What a rule finds, why it matters, and an example of each side."""

    what: str
    why: str
    bad: str
    good: str
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Range:
    """The values a numeric option accepts, both ends included; an option declares it with
    its type: ``max_words: Annotated[int, Range(1, 1_000_000)] = 250``."""

    low: int | float
    high: int | float

    def __contains__(self, value: int | float) -> bool:
        return self.low <= value <= self.high  # never true of nan

    def __str__(self) -> str:
        return f"{self.low:_} to {self.high:_}"  # as TOML writes big numbers


def option_ranges(options: type) -> dict[str, Range]:
    """The declared :class:`Range` of each numeric option of an ``Options`` class."""
    return {
        name: extra
        for name, hint in get_type_hints(options, include_extras=True).items()
        if get_origin(hint) is Annotated
        for extra in get_args(hint)[1:]
        if isinstance(extra, Range)
    }


@dataclass(frozen=True)
class NoOptions:
    """Options of a rule that has none."""


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes and implement :meth:`check`. Options are a
    frozen dataclass: its fields are the option names, types and defaults.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]
    docs: ClassVar[RuleDocs]
    Options: ClassVar[type] = NoOptions
    #: Languages (Wikipedia codes) the rule is meant for; ``None`` means every language.
    languages: ClassVar[frozenset[str] | None] = None
    #: Whether the rule runs unless selected explicitly.
    enabled_by_default: ClassVar[bool] = True
    #: The safety of the fixes the rule attaches; ``None`` when it only reports.
    fix_safety: ClassVar[Applicability | None] = None
    #: The category of MediaWiki's Linter (Parsoid) whose lints the rule reports, such as
    #: ``"missing-end-tag"``; ``None`` when it implements none. Several rules may share one.
    linter_category: ClassVar[str | None] = None

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        if severity is not None:
            self.severity = severity

    def check(self, article: Article) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def input_files(cls) -> tuple[Path, ...]:
        """Files the rule's findings depend on besides its code, such as a word list: the
        result cache of ``check`` hashes them."""
        return ()

    def applies_to(self, article: Article) -> bool:
        return self.languages is None or article.language in (None, *self.languages)

    def finding(
        self,
        article: Article,
        start: int,
        end: int,
        message: str,
        *,
        related: Iterable[tuple[int, int, str]] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """A finding of this rule at ``article.source[start:end]``."""
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            location=locate(article, start, end),
            related=tuple(Related(locate(article, s, e), note) for s, e, note in related),
            fix=fix,
            path=article.path,
        )


def locate(article: Article, start: int, end: int) -> Location:
    line, column = article.position(start)
    end_line, end_column = article.position(end)
    return Location(start, end, line, column, end_line, end_column)
